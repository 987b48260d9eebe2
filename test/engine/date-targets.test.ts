/**
 * Five readings that were wrong until 27 Nov 2026 (found while killing mutants in values/): a date after
 * lead-in words, a year's end with a year, a leading 在 without 前, a full date with a note, and the decimals of
 * a number format with a thousands separator. Each test fails on the old code.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { CellValue } from '../../src/engine/grid';
import { render } from '../../src/engine/messages/findings';
import { looksLikeDateTarget, parseDateText, startsWithDate } from '../../src/engine/values/date';
import { formatDecimals, parseNumber } from '../../src/engine/values/number';
import { serious } from '../helpers/findings';
import { CentralSpec, SheetBuilder, centralClean, centralProject, grid } from '../helpers/tables';

/**
 * The clean central table with its third indicator (row 15: E target, F actual, G weight 10, H score) made a
 * date indicator. The other indicators and the funds score 9.54 + 80 = 89.54; a met date adds 10 → 99.54 (优),
 * a missed one 0 → 89.54 (良).
 */
function withDate(target: CellValue, actual: CellValue, met: boolean, reason?: string) {
  const spec: CentralSpec = centralClean();
  spec.indicators[2] = [null, '时效指标', '展会筹备完成时间', target, actual, 10, met ? 10 : 0, reason];
  spec.total = [100, met ? 99.54 : 89.54];
  spec.grade = met ? '优' : '良';
  const b = new SheetBuilder();
  centralProject(b, spec);
  return checkWorkbook(grid(b.sheet('兰洽会经费')));
}

describe('a date written after words (完成于…, 已于…) is read as the date, not as the word 完成', () => {
  test('完成于2024年1月5日 against 2023年12月31日前 is late: DATE_NOT_MET, not a full score', () => {
    const c = withDate('2023年12月31日前', '完成于2024年1月5日', false, '场馆档期冲突');
    expect(serious(c.findings)).toEqual(['DATE_NOT_MET@F15']);
    expect(
      render(
        c.findings.find((f) => f.code === 'DATE_NOT_MET')!,
        'zh',
      ),
    ).toBe('展会筹备完成时间：完成时间 2024年1月5日 晚于目标 2023年12月31日，按 0 分计');
    expect(c.tables[0].total).toMatchObject({ computed: '89.54', reported: '89.54' });
  });

  test('已于2023年12月20日完成 meets 2023年12月31日前: nothing to report', () => {
    const c = withDate('2023年12月31日前', '已于2023年12月20日完成', true);
    expect(serious(c.findings)).toEqual([]);
    expect(c.tables[0].total).toMatchObject({ computed: '99.54' });
  });

  test('the lead-in is at most four characters before 于/在, and a date must follow', () => {
    expect(parseDateText('完成于2024年1月5日')).toEqual({ year: 2024, month: 1, day: 5 });
    expect(parseDateText('已在2023年6月底')).toEqual({ year: 2023, month: 6, day: 30 });
    expect(parseDateText('项目整体完成于2024年1月5日')).toBeNull();
    expect(parseDateText('位于3号楼')).toBeNull();
  });
});

describe('a year’s end with its year (2023年底, 2023年末, 2023年内) is a date target, not the number 2023', () => {
  test.each(['2023年底', '2023年末', '2023年内', '年底', '年末'])('%s reads as 12月31日', (t) => {
    expect(looksLikeDateTarget(t)).toBe(true);
    expect(parseDateText(t)).toMatchObject({ month: 12, day: 31 });
  });

  test('2023年底 met by 2023年12月5日: nothing to report (it was UNPARSEABLE against the number 2023)', () => {
    const c = withDate('2023年底', '2023年12月5日', true);
    expect(serious(c.findings)).toEqual([]);
    expect(c.tables[0].indicators[2]).toMatchObject({ type: 'date', target: '2023年12月31日' });
  });

  test('2023年末 missed by 2024年1月8日: DATE_NOT_MET', () => {
    const c = withDate('2023年末', '2024年1月8日', false, '验收延期');
    expect(serious(c.findings)).toEqual(['DATE_NOT_MET@F15']);
  });
});

describe('a leading 在 or 于 before a full date', () => {
  test('在2023年12月31日 is a date target: 2024年1月5日 is late (it was read as a qualitative target)', () => {
    expect(looksLikeDateTarget('在2023年12月31日')).toBe(true);
    const c = withDate('在2023年12月31日', '2024年1月5日', false, '场馆档期冲突');
    expect(serious(c.findings)).toEqual(['DATE_NOT_MET@F15']);
  });
});

describe('a full date with a note in brackets', () => {
  test('2023.12.31（含验收） is the date 2023-12-31, not the number 2023.12', () => {
    expect(looksLikeDateTarget('2023.12.31(含验收)')).toBe(true);
    const c = withDate('2023.12.31（含验收）', '2023年12月5日', true);
    expect(serious(c.findings)).toEqual([]);
    expect(c.tables[0].indicators[2]).toMatchObject({ type: 'date', target: '2023年12月31日' });
  });

  test('a number with a note stays a number: 2023.5（万元） is no date', () => {
    expect(looksLikeDateTarget('2023.5(万元)')).toBe(false);
  });
});

describe('a number format with a thousands separator shows its decimals', () => {
  test.each<[string, number]>([
    ['#,##0.00', 2],
    ['#,##0.0', 1],
    ['#,##0', 0],
    ['#,##0.00_);[Red](#,##0.00)', 2],
    ['"¥"#,##0.000', 3],
  ])('%s shows %i decimals', (fmt, n) => {
    expect(formatDecimals(fmt)).toBe(n);
  });

  test('9.5 shown as 9.50 under #,##0.00 is compared at 2 decimals, like under 0.00', () => {
    expect(parseNumber(9.5, '#,##0.00')?.decimals).toBe(2);
    expect(parseNumber(9.5, '0.00')?.decimals).toBe(2);
  });
});

describe('an actual that starts with a date, followed by words', () => {
  test.each(['2023-7-10召开', '2023.7.10召开', '于2023年7月10日召开', '2023年7月'])(
    '%s meets 2023年7月31日前 (it was the number 2023 or 2023.7: UNPARSEABLE)',
    (actual) => {
      const c = withDate('2023年7月31日前', actual, true);
      expect(serious(c.findings)).toEqual([]);
    },
  );

  test('2023.8.2召开 misses 2023年7月31日前: DATE_NOT_MET', () => {
    const c = withDate('2023年7月31日前', '2023.8.2召开', false, '场地调整');
    expect(serious(c.findings)).toEqual(['DATE_NOT_MET@F15']);
    expect(c.tables[0].indicators[2]).toMatchObject({ actual: '2023年8月2日' });
  });

  test('2023年底 as the actual meets 年底前', () => {
    const c = withDate('年底前', '2023年底', true);
    expect(serious(c.findings)).toEqual([]);
  });

  test('a number followed by a year word is no date: 2023.5万元 stays an amount', () => {
    expect(startsWithDate('2023.5万元')).toBeNull();
    expect(startsWithDate('2023年度')).toBeNull();
  });
});
