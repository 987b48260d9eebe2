/**
 * The value parsers of `values/date.ts` and `values/number.ts`, driven by the cell texts departments write:
 * dates (2023年12月31日前, 12月底前, 年底前, 2023.12.15, Excel date serials) and numbers (full-width digits,
 * thousands separators, units, percent signs and percent formats, float noise from formulas), plus a few
 * date indicators run through checkWorkbook where the reading shows in the findings.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { CellValue } from '../../src/engine/grid';
import { render } from '../../src/engine/messages/findings';
import { resolveSettings } from '../../src/engine/settings';
import {
  DateValue,
  compareDates,
  formatDate,
  fromSerial,
  looksLikeDateTarget,
  onTimeWords,
  parseDateText,
} from '../../src/engine/values/date';
import {
  decimalsOf,
  formatDecimals,
  isDateFormat,
  isEmptyMarker,
  isPercentFormat,
  parseNumber,
  parsePlainNumber,
} from '../../src/engine/values/number';
import { CentralSpec, SheetBuilder, centralClean, centralProject, grid } from '../helpers/tables';
import { serious } from '../helpers/findings';

const date = (year: number | null, month: number, day: number): DateValue => ({ year, month, day });

describe('parseDateText: the date forms written in targets and actuals', () => {
  test.each<[string, DateValue]>([
    // full dates: 年月日 or . / - separators, with or without 日 and with trailing words
    ['2023年12月31日前', date(2023, 12, 31)],
    ['2023年10月20日完成', date(2023, 10, 20)],
    ['2023.12.15', date(2023, 12, 15)],
    ['2023-6-30', date(2023, 6, 30)],
    ['2023/10/8', date(2023, 10, 8)],
    // year and month: the last day of that month (2023 is not a leap year, 2024 is)
    ['2023年2月', date(2023, 2, 28)],
    ['2023年11月', date(2023, 11, 30)],
    ['2024年2月底前', date(2024, 2, 29)],
    ['2023年6月末', date(2023, 6, 30)],
    // month and day without a year
    ['12月20日', date(null, 12, 20)],
    ['3月15日前', date(null, 3, 15)],
    // a month before which: the month's last day (counted in a non-leap year)
    ['6月前', date(null, 6, 30)],
    ['12月底前', date(null, 12, 31)],
    ['9月份以前', date(null, 9, 30)],
    ['11月末之前', date(null, 11, 30)],
    // the end of a year
    ['2023年底前', date(2023, 12, 31)],
    ['2022年末', date(2022, 12, 31)],
    ['年底前', date(null, 12, 31)],
    ['年内', date(null, 12, 31)],
    ['本年度内完成', date(null, 12, 31)],
    // a leading 于 / 在 is dropped
    ['于2024年1月5日完成', date(2024, 1, 5)],
    ['在6月底前', date(null, 6, 30)],
  ])('%s reads as %o', (text, expected) => {
    expect(parseDateText(text)).toEqual(expected);
  });

  test.each([
    // words only
    '按时完成',
    '详见附件',
    // a count or a growth rate that merely mentions a date: the date must lead the text
    '比2022年12月31日增加3家',
    '较2022年12月增长5%',
    '共3次（12月20日）',
    '3项（12月底前）',
    '较2022年末增长5%',
    '较上年末增长5%',
  ])('%s is not a date', (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe('looksLikeDateTarget: a date followed by 前 or similar, or a bare full date', () => {
  test.each([
    '2023年12月31日前',
    '12月底前',
    '年底前',
    '2023年10月20日完成',
    '本年度内',
    // bare full dates
    '2023.12.15',
    '2023-6-30',
    '2023年10月20日',
    // 年底 / 年末 alone
    '年底',
    '年末',
  ])('%s is a date target', (text) => {
    expect(looksLikeDateTarget(text)).toBe(true);
  });

  test.each([
    // ends with 完成 but holds no date
    '按时完成',
    '提前完成',
    // a year and month alone is not a bare full date and has no 前
    '2023年6月',
    // a sentence that starts with a date and mentions 内 in the middle
    '2023年10月召开，会期内接待客商2万人次',
  ])('%s is not a date target', (text) => {
    expect(looksLikeDateTarget(text)).toBe(false);
  });
});

describe('fromSerial: Excel 1900-system day numbers', () => {
  // Excel: 25569 is 1970-01-01; 44927 is 2023-01-01; 44927 + 364 = 45291 is 2023-12-31;
  // 45292 is 2024-01-01, + 4 = 45296 is 2024-01-05; 45292 + 31 (January) + 28 = 45351 is 2024-02-29.
  test.each<[number, DateValue]>([
    [25569, date(1970, 1, 1)],
    [44927, date(2023, 1, 1)],
    [45291, date(2023, 12, 31)],
    [45291.75, date(2023, 12, 31)], // 18:00 on that day
    [45296, date(2024, 1, 5)],
    [45351, date(2024, 2, 29)],
  ])('%d is %o', (serial, expected) => {
    expect(fromSerial(serial)).toEqual(expected);
  });
});

describe('compareDates and formatDate', () => {
  test.each<[DateValue, DateValue, number]>([
    [date(2023, 12, 15), date(2023, 12, 20), -1],
    [date(2023, 12, 20), date(2023, 12, 15), 1],
    [date(2023, 12, 31), date(2023, 12, 31), 0],
    [date(2024, 1, 5), date(2023, 12, 31), 1],
    [date(2023, 11, 30), date(2023, 12, 1), -1],
    // an unknown year takes the other side's: 12月20日 against 2023年12月15日 is five days later
    [date(null, 12, 20), date(2023, 12, 15), 1],
    [date(2023, 12, 31), date(null, 12, 31), 0],
    [date(null, 6, 30), date(null, 7, 1), -1],
  ])('%o against %o gives %d', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  test('a date prints as 2023年12月31日, and without the year when the year is unknown', () => {
    expect(formatDate(date(2023, 12, 31))).toBe('2023年12月31日');
    expect(formatDate(date(null, 6, 30))).toBe('6月30日');
  });
});

describe('onTimeWords: an actual written in words against a date target', () => {
  test.each<[string, boolean | null]>([
    ['按时完成', true],
    ['已按计划完成', true],
    ['提前完成', true],
    ['是', true],
    ['延期完成', false],
    ['未按时完成', false],
    // neither: 是 must be the whole cell
    ['不是', null],
    ['是否', null],
    ['详见附件', null],
  ])('%s gives %p', (text, expected) => {
    expect(onTimeWords(text)).toBe(expected);
  });
});

describe('parseNumber on texts', () => {
  test.each<[string, string, boolean, number, string, string]>([
    // text, value, percent, decimals, rest, prefix
    ['95%以上', '95', true, 0, '以上', ''],
    ['９５．５％', '95.5', true, 1, '', ''], // full-width digits, point and percent sign
    ['95百分比以上', '95', true, 0, '以上', ''],
    ['12,345.60万元', '12345.6', false, 2, '万元', ''],
    ['1,200元', '1200', false, 0, '元', ''],
    ['完成95%', '95', true, 0, '', '完成'],
    ['-3.5', '-3.5', false, 1, '', ''],
    ['.25', '0.25', false, 2, '', ''],
    ['-.5', '-0.5', false, 1, '', ''],
    ['≥ 3 个', '3', false, 0, '个', '≥'],
  ])('%s', (text, value, percent, decimals, rest, prefix) => {
    const p = parseNumber(text)!;
    expect({
      value: p.value.toFixed(),
      percent: p.percent,
      decimals: p.decimals,
      rest: p.rest,
      prefix: p.prefix,
    }).toEqual({ value, percent, decimals, rest, prefix });
  });

  test('a text without a digit is no number', () => {
    expect(parseNumber('达成预期')).toBeNull();
  });
});

describe('parseNumber on numeric cells', () => {
  test('a formula result with float noise is read at 9 decimals: 0.9543867369299206 → 0.954386737', () => {
    // 0.954386736|9299206: the tenth decimal 9 rounds the ninth up
    const p = parseNumber(0.9543867369299206)!;
    expect(p.value.toFixed()).toBe('0.954386737');
    expect(p.decimals).toBe(9);
    expect(p.percent).toBe(false);
  });
  test('the same under a percent format is 95.43867369299206% read as 95.438673693', () => {
    // 95.438673692|99206: the tenth decimal 9 rounds the ninth up
    const p = parseNumber(0.9543867369299206, '0.00%')!;
    expect(p.value.toFixed()).toBe('95.438673693');
    expect(p.percent).toBe(true);
  });
  test('0.9544 under 0.00% is 95.44 with 2 decimals; 95 under 0.0 shows 1 decimal', () => {
    const pct = parseNumber(0.9544, '0.00%')!;
    expect([pct.value.toFixed(), pct.percent, pct.decimals]).toEqual(['95.44', true, 2]);
    const one = parseNumber(95, '0.0')!;
    expect([one.value.toFixed(), one.percent, one.decimals]).toEqual(['95', false, 1]);
  });
  test('NaN and Infinity are no number', () => {
    expect(parseNumber(Number.NaN)).toBeNull();
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('decimals and number formats', () => {
  test.each<[string, number]>([
    ['95', 0],
    ['0.5', 1],
    ['584.48', 2],
    ['.25', 2],
  ])('decimalsOf(%s) is %d', (text, expected) => {
    expect(decimalsOf(text)).toBe(expected);
  });

  test.each<[string | null, number | null]>([
    ['0.00%', 2],
    ['#,##0', 0],
    ['0', 0],
    ['0%', 0],
    ['0.00_);[Red](0.00)', 2],
    // a quoted label holding digits is not the number: 2020 in it is not the 0 of the format
    ['"2020年"0.00', 2],
    ['General', null],
    [null, null],
  ])('formatDecimals(%p) is %p', (fmt, expected) => {
    expect(formatDecimals(fmt)).toBe(expected);
  });

  test.each<[string | null, boolean]>([
    ['0.00%', true],
    ['0%', true],
    ['0.00', false],
    ['General', false],
    // a quoted percent sign is a label, the value is not scaled
    ['0.00"%"', false],
    ['0.0" %"', false],
    [null, false],
  ])('isPercentFormat(%p) is %p', (fmt, expected) => {
    expect(isPercentFormat(fmt)).toBe(expected);
  });

  test.each<[string | null, boolean]>([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['m/d/yy', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['0.00', false],
    ['General', false],
    // quoted units and bracketed colours are not date parts
    ['0.00"万元"', false],
    ['0"个月"', false],
    ['#,##0.00;[Red]-#,##0.00', false],
    [null, false],
  ])('isDateFormat(%p) is %p', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});

describe('parsePlainNumber: one number and at most a unit', () => {
  test.each<[string, string]>([
    ['584.48万元', '584.48'],
    ['1,200元', '1200'],
    ['3亿元', '3'],
    ['250千元', '250'],
    ['10分', '10'],
    ['-5', '-5'],
    ['100', '100'],
  ])('%s is %s', (text, expected) => {
    expect(parsePlainNumber(text)?.value.toFixed()).toBe(expected);
  });

  test.each(['20人', '10分以上', '12个单元', '约100万元', '共计100万元'])('%s is not a plain number', (text) => {
    expect(parsePlainNumber(text)).toBeNull();
  });
});

describe('isEmptyMarker: cells that mean "no value"', () => {
  test.each<[CellValue, boolean]>([
    [null, true],
    ['', true],
    ['   ', true],
    ['—', true],
    ['——', true],
    ['－', true],
    ['/', true],
    ['无', true],
    ['N/A', true],
    ['--', true],
    [0, false],
    ['0', false],
    ['良好/', false],
    [false, false],
  ])('%p gives %p', (v, expected) => {
    expect(isEmptyMarker(v)).toBe(expected);
  });
});

// Central builder: indicators from row 13, the date indicator on row 15 (E target, F actual, H score,
// I reason); total on row 19 (G19/H19), grade in C20. The clean table totals 99.54; losing the date
// indicator's 10 points gives 89.54, grade 良.
function centralDate(target: CellValue, actual: CellValue, score: number, reason?: string, actualFmt?: string) {
  const spec: CentralSpec = centralClean();
  spec.indicators[2] = [null, '时效指标', '承办事项完成时间', target, actual, 10, score, reason];
  if (score === 0) {
    spec.total = [100, 89.54];
    spec.grade = '良';
  }
  const b = new SheetBuilder();
  centralProject(b, spec);
  if (actualFmt) b.set(14, 5, actual, actualFmt);
  return checkWorkbook(grid(b.sheet('兰洽会经费')), resolveSettings({}));
}

describe('date indicators in a central table', () => {
  test('于2024年1月5日完成 against 2023年12月31日前 is late: DATE_NOT_MET', () => {
    const c = centralDate('2023年12月31日前', '于2024年1月5日完成', 0, '场馆档期冲突');
    expect(serious(c.findings)).toEqual(['DATE_NOT_MET@F15']);
    const f = c.findings.find((x) => x.code === 'DATE_NOT_MET')!;
    expect(render(f, 'zh')).toBe('承办事项完成时间：完成时间 2024年1月5日 晚于目标 2023年12月31日，按 0 分计');
    expect(c.tables[0].indicators[2]).toMatchObject({ type: 'date', target: '2023年12月31日', actual: '2024年1月5日' });
  });

  test('an Excel date serial 45296 (2024-01-05) under a date format is late against 2023年12月31日前', () => {
    const c = centralDate('2023年12月31日前', 45296, 0, '场馆档期冲突', 'yyyy"年"m"月"d"日"');
    expect(serious(c.findings)).toEqual(['DATE_NOT_MET@F15']);
    expect(c.tables[0].indicators[2]).toMatchObject({ actual: '2024年1月5日' });
  });

  test('the serial 45291 (2023-12-31) meets 2023年12月31日前: nothing to report, full score', () => {
    const c = centralDate('2023年12月31日前', 45291, 10, undefined, 'yyyy-mm-dd');
    expect(serious(c.findings)).toEqual([]);
    expect(c.tables[0].indicators[2]).toMatchObject({ actual: '2023年12月31日' });
    expect(c.tables[0].total).toMatchObject({ computed: '99.54' });
  });

  test('在6月底前 is the deadline June 30: 2023年7月3日 is late, 2023年6月30日 is on time', () => {
    const late = centralDate('在6月底前', '2023年7月3日', 0, '设备到货延迟');
    expect(serious(late.findings)).toEqual(['DATE_NOT_MET@F15']);
    expect(late.tables[0].indicators[2]).toMatchObject({ type: 'date', target: '6月30日' });
    const onTime = centralDate('在6月底前', '2023年6月30日', 10);
    expect(serious(onTime.findings)).toEqual([]);
  });
});
