/**
 * Four readings that were wrong until 27 Nov 2026 (found while killing mutants in check/): 没有 / 零 against a
 * target of 0, a 预算执行率 name broken over two lines, the unit 百分比, and an empty executed cell in the rate
 * messages. Each test fails on the old code.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { CellValue } from '../../src/engine/grid';
import { render } from '../../src/engine/messages/findings';
import { serious } from '../helpers/findings';
import {
  SheetBuilder,
  SichuanIndicator,
  centralClean,
  centralProject,
  grid,
  sichuanExample,
  sichuanProject,
  summaryTable,
} from '../helpers/tables';

/**
 * The Sichuan example (total 97.7, every figure agreeing) with its first indicator (weight 10) replaced. The
 * example's own three warnings stay: 创造GDP产值 / 完成税收 / 创造就业岗位 have no 完成值 (ACTUAL_MISSING).
 */
const EXAMPLE = ['ACTUAL_MISSING@H15', 'ACTUAL_MISSING@H16', 'ACTUAL_MISSING@H17'];

function sichuanWith(row: SichuanIndicator, total: CellValue = 97.7) {
  const spec = sichuanExample();
  spec.indicators[0] = row;
  spec.total = [100, total];
  const b = new SheetBuilder();
  sichuanProject(b, spec);
  return checkWorkbook(grid(b.sheet('招商引资')));
}

describe('none (无 / 没有 / 零) against a target of 0 is the count 0', () => {
  test.each(['无', '没有', '零'])('安全事故 ≤ 0 起, actual %s: met, full score, nothing to report', (actual) => {
    const c = sichuanWith(['产出指标', '数量指标', '安全事故', '≤', 0, '起', actual, 10, 10]);
    expect(serious(c.findings)).toEqual(EXAMPLE);
    expect(c.tables[0].indicators[0].score).toMatchObject({ computed: '10.00' });
  });
});

describe('the unit 百分比 is the unit %', () => {
  test.each<[CellValue, CellValue]>([
    [95, 0.96],
    ['95%', 0.96],
    [95, 96],
  ])('企业满意度 ≥ %p 百分比, actual %p: 96%, met, nothing to report', (target, actual) => {
    const c = sichuanWith(['满意度指标', '满意度指标', '企业满意度', '≥', target, '百分比', actual, 10, 10]);
    expect(serious(c.findings)).toEqual(EXAMPLE);
  });
});

describe('a 预算执行率 indicator whose name is broken over two lines in its cell', () => {
  test.each(['预算执行率', '预算执行\n率', '预算\n执行率'])('%p at 98% against the funds block’s 100.00%', (name) => {
    // The funds block: 349.78 ÷ 349.78 = 100.00%. The indicator ≥ 100% with 98: 10 × 98 ÷ 100 = 9.8, total 97.5.
    const c = sichuanWith(['产出指标', '数量指标', name, '≥', 100, '%', 98, 10, 9.8, '年末结转'], 97.5);
    expect(serious(c.findings)).toEqual(['EXECUTION_INDICATOR_MISMATCH@H11', ...EXAMPLE].sort());
    expect(
      render(
        c.findings.find((f) => f.code === 'EXECUTION_INDICATOR_MISMATCH')!,
        'zh',
      ),
    ).toMatch(/100\.00%/);
  });
});

describe('an empty executed cell counts as 0 in the rate messages', () => {
  test('a summary row 100 / (empty) / 50%: the rate is 0.00% (0.00 ÷ 100.00)', () => {
    const b = new SheetBuilder();
    summaryTable(b, { rows: [[1, '兰洽会经费', 100, null, '50%', 90, '优']] });
    const c = checkWorkbook(grid(b.sheet('汇总')));
    const f = c.findings.find((x) => x.code === 'RATE_MISMATCH')!;
    expect(render(f, 'zh')).toBe('兰洽会经费：执行率应为 0.00%（0.00 ÷ 100.00），表内为 50%');
    expect(render(f, 'en')).toContain('(0.00 ÷ 100.00)');
  });
});

describe('an indicator whose name begins with a grade word is an indicator, not the grade row', () => {
  // Until 27 Nov 2026 any first text starting with 等级 / 自评结果 … ended the indicators as the grade row:
  // one indicator read, no total, GRADE_MISMATCH on the name and WEIGHT_SUM.
  function centralWith(name: string) {
    const spec = centralClean();
    // 218 against ≥ 200: met, 20 of 20, as the clean table's 签约项目个数; the total stays 99.54.
    spec.indicators[1] = [null, null, name, '≥200公里', '218公里', 20, 20];
    const b = new SheetBuilder();
    centralProject(b, spec);
    return checkWorkbook(grid(b.sheet('交通')));
  }

  test.each(['等级公路新改建里程', '自评结果运用里程'])(
    '%s: six indicators, total 99.54, nothing to report',
    (name) => {
      const c = centralWith(name);
      expect(c.tables[0].indicators.map((i) => i.name)).toEqual([
        '布展特色产业馆数量',
        name,
        '承办事项完成时间',
        '兰洽会经费',
        '新区对外影响力',
        '参展客商满意度',
      ]);
      expect(c.tables[0].total).toMatchObject({ computed: '99.54', reported: '99.54' });
      expect(c.tables[0].grade).toMatchObject({ computed: '优', reported: '优' });
      expect(serious(c.findings)).toEqual([]);
    },
  );
});
