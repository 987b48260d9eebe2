/**
 * Four funds-block readings that were wrong until 27 Nov 2026 (found while killing mutants in locate/): a
 * section label repeated on every fund row with full-width brackets or a space, a sources list whose 合计 has a
 * colon, and a sources list that opens with 按收入性质分 and ends with 合计. Each test fails on the old code.
 */
import { rangeA1 } from '../../src/engine/address';
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Sheet } from '../../src/engine/grid';
import { serious } from '../helpers/findings';
import { SheetBuilder, grid } from '../helpers/tables';
import { Rows, put } from './layouts-builders';
import { fundsOf, projects } from './locate-blocks-dump';

function sheet(rows: Rows): Sheet {
  const b = new SheetBuilder();
  put(b, 0, 0, rows);
  return b.sheet('自评表');
}

/** Indicators 45 + 35 + 10 = 90 points, all met, under a funds block worth 10. */
const INDICATORS: Rows = [
  ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因'],
  ['产出指标', '数量指标', '改造小区数量', '≥12个', '12个', 45, 45],
  ['效益指标', '社会效益指标', '居民居住条件', '明显改善', '明显改善', 35, 35],
  ['满意度指标', '满意度指标', '居民满意度', '≥90%', '91%', 10, 10],
];

/** A Sichuan-style funds block whose section label (column A) is written again on every fund row. */
function repeatedLabel(label: string): Sheet {
  return sheet([
    ['部门预算项目支出绩效自评表（2023年度）'],
    ['项目名称', '2023招商引资'],
    [label, '资金类别', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [label, '总额', 300, 320, 304, 10, '95.00%', 9.5],
    [label, '其中：财政资金', 300, 320, 304, '/', '95.00%', '/'],
    [label, '其他资金', 0, 0, 0, '/', '/', '/'],
    ...INDICATORS,
    ['总分', null, null, null, null, 100, 99.5],
    ['自评等级', '优'],
  ]);
}

describe('a section label repeated on every fund row is cut off the row labels', () => {
  test.each(['预算执行情况（10分）', '预算执行情况 (10分)', '预算执行情况（10 分）'])('%s', (label) => {
    const c = checkWorkbook(grid(repeatedLabel(label)));
    // 304 ÷ 320 = 95.00%; 10 × 95% = 9.5; 9.5 + 90 = 99.5.
    expect(c.tables[0].funds.map((f) => f.label)).toEqual(['总额', '财政资金', '其他资金']);
    expect(c.tables[0].funds[0].rate).toMatchObject({ computed: '95.00' });
    expect(c.tables[0].total).toMatchObject({ computed: '99.50' });
    expect(serious(c.findings)).toEqual([]);
  });
});

/** A list of sources with the 合计 last (its label given), then the indicators. */
function sources(first: string, totalLabel: string): Sheet {
  return sheet([
    ['项目支出绩效自评表'],
    ['项目名称', '老旧小区改造'],
    ['资金来源', '年初预算', '全年预算', '全年执行', '分值', '执行率', '得分'],
    [first, 300, 300, 300, null, '100.00%', null],
    ['其他资金', 100, 120, 102, null, '85.00%', null],
    [totalLabel, 400, 420, 402, 10, '95.71%', 9.57],
    ...INDICATORS,
    ['合计', null, null, null, null, 100, 99.57],
    ['评价结论', '优'],
  ]);
}

describe('a list of sources with its 合计 last', () => {
  test.each(['合计', '合计：', '合计:', '合计（万元）'])(
    'labelled %s, the 合计 row is the total and the rows above add up to it',
    (label) => {
      const c = checkWorkbook(grid(sources('中央补助资金', label)));
      // 300 + 120 = 420 and 300 + 102 = 402: the split agrees; 402 ÷ 420 = 95.71%, 10 × 95.71% = 9.57.
      const [m] = projects(sources('中央补助资金', label));
      expect(fundsOf(m).map((f) => [f.row, f.isTotal])).toEqual([
        [6, true],
        [4, false],
        [5, false],
      ]);
      expect(serious(c.findings)).toEqual([]);
    },
  );

  test('opening with 按收入性质分：财政拨款, the split under 合计 is one income group: nothing to report', () => {
    const c = checkWorkbook(grid(sources('按收入性质分：财政拨款', '合计')));
    const [m] = projects(sources('按收入性质分：财政拨款', '合计'));
    expect(fundsOf(m).map((f) => [f.label, f.group])).toEqual([
      ['合计', 'total'],
      ['财政拨款', 'income'],
      ['其他资金', 'income'],
    ]);
    expect(serious(c.findings)).toEqual([]);
  });

  test('the same list with 其他资金 spending 110: the income split 300 + 110 ≠ 402 is flagged once, on the total', () => {
    const s = sources('按收入性质分：财政拨款', '合计');
    s.values[4][3] = 110;
    const c = checkWorkbook(grid(s));
    expect(serious(c.findings).filter((f) => f.startsWith('FUNDS_SUBTOTAL'))).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D6']);
  });
});

describe('goal groups with no funds block above them', () => {
  test('年度绩效目标1（50分） right under the identity rows opens the first group: one table, 50 + 50 = 100', () => {
    const header = ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'];
    const s = sheet([
      ['2023年度项目支出绩效自评表'],
      ['项目名称', '乡村振兴示范村建设'],
      ['年度绩效目标1（50分）'],
      header,
      ['产出指标', '数量指标', '示范村数量', '≥4个', '4个', 25],
      ['效益指标', '社会效益指标', '村容村貌', '明显改善', '明显改善', 25],
      ['年度绩效目标2（50分）'],
      header,
      ['产出指标', '质量指标', '道路硬化达标率', '100%', '100%', 25],
      ['满意度指标', '满意度指标', '村民满意度', '≥90%', '95%', 25],
      ['总分', 100],
    ]);
    const c = checkWorkbook(grid(s));
    expect(c.tables).toHaveLength(1);
    // Each group's weight is its title's (40); 20 + 20 = 40 scored in each; total 50 + 50 = 100.
    expect(c.tables[0].total).toMatchObject({ computed: '100.00', reported: '100' });
    expect(serious(c.findings)).toEqual([]);
  });
});

describe('a funds-only table followed by another table', () => {
  test('the next table’s title 项目支出绩效自评表 (支出 is a fund word) is no fund row: it starts the next table', () => {
    const s = sheet([
      ['项目支出绩效自评表'],
      ['项目名称', '农村公路养护', '自评得分', 95.5],
      ['项目资金（万元）', '全年预算数', '全年执行数', '执行率'],
      ['年度资金总额', 200, 190, 0.95],
      [],
      ['项目支出绩效自评表'],
      ['项目名称', '老旧小区改造'],
      ['资金来源', '年初预算', '全年预算', '全年执行', '分值', '执行率', '得分'],
      ['合计', 400, 420, 402, 10, '95.71%', 9.57],
      ...INDICATORS,
      ['合计', null, null, null, null, 100, 99.57],
      ['评价结论', '优'],
    ]);
    const models = projects(s);
    // 190 ÷ 200 = 95%; the second table starts at its title in A6.
    expect(fundsOf(models[0]).map((f) => f.label)).toEqual(['年度资金总额']);
    expect(models.map((m) => rangeA1(m.range))).toEqual(['A1:D4', 'A6:H15']);
  });
});
