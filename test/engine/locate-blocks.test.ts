/**
 * Locating the funds block (docs/rules.md "Tables it reads"): which rows are fund rows, their labels
 * (其中 / 按收入性质分 / 按支出性质分 stripped), their groups, the total that comes first or last, and the
 * weight stated in a score header. Each test builds a small sheet by hand and asserts the located rows.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { serious } from '../helpers/findings';
import { grid } from '../helpers/tables';
import { fundsOf, frameOf, indicatorsOf, projects, sheetOf } from './locate-blocks-dump';

/** Three central indicators and a 总分 row under a funds block that ends at row `r` (0-based): rows to append. */
const CENTRAL_INDICATORS = [
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
  [null, '产出指标', '数量指标', '培训人次', '≥3000人次', '3120人次', 50, 50],
  [null, '效益指标', '社会效益指标', '培训后就业率', '≥60%', '66%', 30, 30],
  [null, '满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', 10, 10],
];

test('a department table: 按收入性质分 / 按支出性质分 in their own column give the groups, and the labels lose them', () => {
  const s = sheetOf(
    '部门整体',
    [
      ['部门整体支出绩效自评表（2023年度）'],
      ['部门（单位）名称', null, '某县档案馆'],
      ['年度资金总额（万元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', null, 150, 160, 152, 10, '95%', 9.5],
      [null, '按收入性质分', '财政拨款', 150, 160, 152],
      [null, null, '其他资金', 0, 0, 0],
      [null, '按支出性质分', '基本支出', 100, 110, 108],
      [null, null, '项目支出', 50, 50, 44],
      // The indicator header follows the last fund row at once; its label names 支出 but it is no fund row.
      ['部门整体支出绩效指标（90分）', '一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'],
      [null, '产出指标（50分）', '数量指标', '档案接收进馆数量', '≥5000卷', '5200卷', 30, 30],
      [null, null, '质量指标', '档案数字化率', '≥60%', '55%', 20, 18.33],
      [null, '效益指标（30分）', '社会效益指标', '查档利用人次', '≥3000人次', '3100人次', 30, 30],
      // No level-2 label on a new level-1 row: the level-2 of the row above does not carry over.
      [null, '满意度指标（10分）', null, '查档利用满意度', '≥90%', '95%', 10, 10],
      ['总分', null, null, null, null, null, 100, 97.83],
      ['自评等级', '优'],
    ],
    [
      [0, 0, 0, 8],
      [2, 0, 7, 0],
      [3, 1, 3, 2],
      [4, 1, 5, 1],
      [6, 1, 7, 1],
      [8, 0, 12, 0],
      [9, 1, 10, 1],
      [13, 0, 13, 5],
    ],
  );
  const [m] = projects(s);
  expect(frameOf(m)).toEqual({
    kind: 'department',
    name: '某县档案馆',
    range: 'A1:I15',
    fundsHeader: 'A3',
    fundsMissing: [],
    indicatorHeader: 'A9',
    indicatorMissing: [],
    indicatorsLabel: 'A9:90',
    level1Weights: ['B10:50', 'B12:30', 'B13:10'],
    total: { row: 14, weight: 'G14=100', score: 'H14=97.83' },
    grade: 'B15=优',
  });
  // The labels left of 年初预算数 (columns B and C) joined: 按收入性质分 + 财政拨款 → group income, label 财政拨款.
  expect(fundsOf(m)).toEqual([
    {
      row: 4,
      label: '年度资金总额',
      group: 'total',
      isTotal: true,
      initial: 'D4=150',
      budget: 'E4=160',
      executed: 'F4=152',
      weight: 'G4=10',
      rate: 'H4=95%',
      score: 'I4=9.5',
    },
    ...[
      [5, '财政拨款', 'income', 150, 160, 152],
      [6, '其他资金', 'income', 0, 0, 0],
      [7, '基本支出', 'expense', 100, 110, 108],
      [8, '项目支出', 'expense', 50, 50, 44],
    ].map(([row, label, group, i, b, e]) => ({
      row,
      label,
      group,
      isTotal: false,
      initial: `D${row}=${i}`,
      budget: `E${row}=${b}`,
      executed: `F${row}=${e}`,
      weight: `G${row}=`,
      rate: `H${row}=`,
      score: `I${row}=`,
    })),
  ]);
  // Level-1 labels lose their `（N分）`; 满意度指标 starts with an empty level 2.
  expect(indicatorsOf(m).map((i) => [i.row, i.level1, i.level2, i.name, i.level1Key ?? ''])).toEqual([
    [10, '产出指标', '数量指标', '档案接收进馆数量', '9:1'],
    [11, '产出指标', '质量指标', '档案数字化率', '9:1'],
    [12, '效益指标', '社会效益指标', '查档利用人次', '11:1'],
    [13, '满意度指标', '', '查档利用满意度', '12:1'],
  ]);
  // Outside goal groups an indicator has no `group` key at all.
  expect(m.indicators.some((i) => 'group' in i)).toBe(false);
  // Both splits add up: 150 + 0 = 150, 160 + 0 = 160, 152 + 0 = 152; 100 + 50 = 150, 110 + 50 = 160, 108 + 44 = 152.
  expect(serious(checkWorkbook(grid(s)).findings)).toEqual([]);
});

test('其中 in its own column, 其中 without a colon, and 其中 or 按…性质分 inside a label', () => {
  const s = sheetOf('项目', [
    ['项目支出绩效自评表'],
    ['项目名称', null, null, '职业技能培训补贴'],
    ['项目资金（万元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', null, 500, 500, 464, 10, '92.80%', 9.28],
    [null, '其中', '当年财政拨款', 400, 400, 380, '—', '95.00%', '—'],
    [null, '其中上年结转资金', null, 60, 60, 50, '—', null, '—'],
    [null, '单位资金（其中：事业收入）', null, 30, 30, 24],
    [null, '其他收入（按收入性质分）', null, 10, 10, 10],
    [null, '按支出性质分 项目支出', null, 500, 500, 464],
    ...CENTRAL_INDICATORS.map((r) => [null, ...r]),
  ]);
  const [m] = projects(s);
  expect(fundsOf(m).map((f) => [f.row, f.label, f.group, f.isTotal])).toEqual([
    [4, '年度资金总额', 'total', true],
    // `其中` + `当年财政拨款` joined, then `其中` dropped (no colon needed).
    [5, '当年财政拨款', '', false],
    [6, '上年结转资金', '', false],
    // Only a leading 其中 / 按…性质分 is dropped; 按收入性质 anywhere starts the income group.
    [7, '单位资金(其中:事业收入)', '', false],
    [8, '其他收入(按收入性质分)', 'income', false],
    // `按支出性质分 项目支出`: the space goes, the prefix goes although no colon follows.
    [9, '项目支出', 'expense', false],
  ]);
  expect(fundsOf(m)[1]).toEqual({
    row: 5,
    label: '当年财政拨款',
    group: '',
    isTotal: false,
    initial: 'D5=400',
    budget: 'E5=400',
    executed: 'F5=380',
    weight: 'G5=—',
    rate: 'H5=95.00%',
    score: 'I5=—',
  });
});

test('a label with 按收入性质分 and a colon loses both; a total row without label takes the header’s merged label', () => {
  const s = sheetOf(
    '部门整体',
    [
      ['部门整体支出绩效自评表'],
      ['部门名称', '某区文化和旅游局'],
      ['年度资金总额（万元）', '年初预算数', '全年预算数', '全年执行数', '执行率'],
      [null, 900, 1000, 950, '95.00%'],
      ['按收入性质分：财政拨款', 900, 1000, 950],
      ['其他资金', 0, 0, 0],
    ],
    [[2, 0, 3, 0]],
  );
  const [m] = projects(s);
  // Row 4 has no label of its own: the header's `年度资金总额（万元）` without its unit.
  expect(fundsOf(m)).toEqual([
    {
      row: 4,
      label: '年度资金总额',
      group: 'total',
      isTotal: true,
      initial: 'B4=900',
      budget: 'C4=1000',
      executed: 'D4=950',
      rate: 'E4=95.00%',
    },
    {
      row: 5,
      label: '财政拨款',
      group: 'income',
      isTotal: false,
      initial: 'B5=900',
      budget: 'C5=1000',
      executed: 'D5=950',
      rate: 'E5=',
    },
    {
      row: 6,
      label: '其他资金',
      group: 'income',
      isTotal: false,
      initial: 'B6=0',
      budget: 'C6=0',
      executed: 'D6=0',
      rate: 'E6=',
    },
  ]);
  expect(frameOf(m)).toMatchObject({ kind: 'department', name: '某区文化和旅游局', range: 'A1:E6' });
});

test('a funds header with no label left of it: the unlabelled first row is the 合计', () => {
  const s = sheetOf('资金', [
    ['项目名称', '社区养老服务'],
    ['年初预算数', '全年执行数'],
    [60, 57],
  ]);
  const [m] = projects(s);
  // Only 年初预算数 and 全年执行数: two header words are enough for a header, 年初预算数 stands for the budget.
  expect(frameOf(m)).toEqual({
    kind: 'project',
    name: '社区养老服务',
    range: 'A1:B3',
    fundsHeader: 'A2',
    fundsMissing: [],
  });
  expect(fundsOf(m)).toEqual([
    { row: 3, label: '合计', group: 'total', isTotal: true, initial: 'A3=60', executed: 'B3=57' },
  ]);
});

test('the weight stated in the score header: 得分（20分×执行率） gives 20, two decimals are kept', () => {
  const block = (score: string) =>
    sheetOf('资金', [
      ['项目名称', '乡村振兴示范村建设'],
      ['预算执行情况（万元）', '预算数（A）', '执行数（B）', '执行率（B/A）', score],
      ['年度财政资金总额', 200, 190, '95.00%', 19],
    ]);
  expect(frameOf(projects(block('得分（20分×执行率）'))[0]).fundsHeaderWeight).toBe('20');
  expect(frameOf(projects(block('得分（12.25分*执行率）'))[0]).fundsHeaderWeight).toBe('12.25');
  // No `（N分` in the score header, none in the label either: no stated weight.
  expect(frameOf(projects(block('得分'))[0]).fundsHeaderWeight).toBeUndefined();
});

test('a sources list with its 合计（万元） last: that row becomes the total, the expense split keeps its group', () => {
  const s = sheetOf('来源', [
    ['项目名称', '老旧小区改造'],
    ['资金来源', '年初预算', '全年预算', '全年执行', '分值', '执行率', '得分'],
    ['财政拨款', 300, 300, 300, null, '100.00%', null],
    ['其他资金', 100, 120, 102, null, '85.00%', null],
    ['按支出性质分：基本支出', 150, 160, 155],
    ['项目支出', 250, 260, 247],
    ['合计（万元）', 400, 420, 402, 10, '95.71%', 9.57],
  ]);
  const [m] = projects(s);
  expect(fundsOf(m).map((f) => [f.row, f.label, f.group, f.isTotal, f.executed])).toEqual([
    [7, '合计(万元)', 'total', true, 'D7=402'],
    [3, '财政拨款', '', false, 'D3=300'],
    [4, '其他资金', '', false, 'D4=102'],
    [5, '基本支出', 'expense', false, 'D5=155'],
    [6, '项目支出', 'expense', false, 'D6=247'],
  ]);
  // 300 + 102 = 402 and 155 + 247 = 402: both splits agree with the 合计.
  expect(serious(checkWorkbook(grid(s)).findings)).toEqual([]);
});

test('a list of one source and its 合计 (two rows) still puts the 合计 first', () => {
  const s = sheetOf('来源', [
    ['资金来源', '全年预算', '全年执行'],
    ['中央补助资金', 300, 288],
    ['合计', 300, 288],
  ]);
  expect(fundsOf(projects(s)[0])).toEqual([
    { row: 3, label: '合计', group: 'total', isTotal: true, budget: 'B3=300', executed: 'C3=288' },
    { row: 2, label: '中央补助资金', group: '', isTotal: false, budget: 'B2=300', executed: 'C2=288' },
  ]);
});

test('no 合计 in a list: the first row stays the total; a 资金总额 first with a 小计 below is not re-ordered', () => {
  const noTotal = sheetOf('来源', [
    ['资金来源', '全年预算', '全年执行'],
    ['一般公共预算资金', 300, 288],
    ['其中：上年结转', 20, 18],
  ]);
  expect(fundsOf(projects(noTotal)[0]).map((f) => [f.row, f.label, f.group, f.isTotal])).toEqual([
    [2, '一般公共预算资金', 'total', true],
    [3, '上年结转', '', false],
  ]);
  const subtotal = sheetOf('来源', [
    ['资金来源', '全年预算', '全年执行'],
    ['资金总额', 300, 288],
    ['其中：财政拨款', 200, 190],
    ['上年结转资金', 100, 98],
    ['小计', 300, 288],
  ]);
  expect(fundsOf(projects(subtotal)[0]).map((f) => [f.row, f.label, f.isTotal])).toEqual([
    [2, '资金总额', true],
    [3, '财政拨款', false],
    [4, '上年结转资金', false],
    [5, '小计', false],
  ]);
  // A first row that is a 小计 itself is no total: the 合计 below it is moved up.
  const firstSubtotal = sheetOf('来源', [
    ['资金来源', '全年预算', '全年执行'],
    ['小计（中央资金）', 300, 288],
    ['地方配套资金', 100, 98],
    ['合计', 400, 386],
  ]);
  expect(fundsOf(projects(firstSubtotal)[0]).map((f) => [f.row, f.label, f.isTotal])).toEqual([
    [4, '合计', true],
    [2, '小计(中央资金)', false],
    [3, '地方配套资金', false],
  ]);
});

test('amounts written as text are amounts, a row of markers under a fund word is a fund row, a remark-only row is skipped', () => {
  const s = sheetOf(
    '项目',
    [
      ['项目支出绩效自评表'],
      ['项目名称', null, '社区养老服务'],
      ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '执行率', '原因'],
      [null, '年度资金总额', '60', '60', '57', '95.00%'],
      // No fund word in the label: a fund row only because its cells read as amounts.
      [null, '一般公共预算', '50', '50', '48', '96.00%'],
      [null, '上年结转资金', '—', '—', '—'],
      // Nothing left of the amounts and no amount: a remark in the 原因 column does not end the block.
      [null, null, null, null, null, null, '详见附件'],
      [null, '单位资金', 10, 10, 9, '90.00%'],
      // A goal row ends the block even with numbers in the amount columns.
      ['年度总体目标', '服务老人人次', 3000, null, 3120],
      ...CENTRAL_INDICATORS,
    ],
    [[2, 0, 7, 0]],
  );
  const [m] = projects(s);
  expect(fundsOf(m).map((f) => [f.row, f.label, f.initial, f.executed, f.reason])).toEqual([
    [4, '年度资金总额', 'C4=60', 'E4=57', 'G4='],
    [5, '一般公共预算', 'C5=50', 'E5=48', 'G5='],
    [6, '上年结转资金', 'C6=—', 'E6=—', 'G6='],
    [8, '单位资金', 'C8=10', 'E8=9', 'G8='],
  ]);
  expect(m.indicators.map((i) => i.row + 1)).toEqual([11, 12, 13]);
});

test('a text row ends the funds block: a sentence in the amount columns, or a label without fund word and amount', () => {
  const withSentence = sheetOf('项目', [
    ['项目名称', null, '社区养老服务'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数'],
    [null, '年度资金总额', 60, 60, 57],
    [null, '项目概况', '为全区老人提供助餐服务。'],
    [null, '资金使用情况', '按进度拨付'],
    ...CENTRAL_INDICATORS,
  ]);
  // Row 4's sentence stands in the 年初预算数 column: no amount, so the block ends before row 5's 资金.
  expect(fundsOf(projects(withSentence)[0]).map((f) => [f.row, f.label])).toEqual([[3, '年度资金总额']]);
  const noAmount = sheetOf('项目', [
    ['项目名称', null, '社区养老服务'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数'],
    [null, '年度资金总额', 60, 60, 57],
    [null, '项目概况：为全区老人提供助餐服务。'],
    [null, '资金使用情况：按进度拨付'],
    ...CENTRAL_INDICATORS,
  ]);
  expect(fundsOf(projects(noAmount)[0]).map((f) => [f.row, f.label])).toEqual([[3, '年度资金总额']]);
});

test('a section label repeated on every fund row (half-width brackets) is cut off the row labels', () => {
  const s = sheetOf('项目', [
    ['部门预算项目支出绩效自评表（2023年度）'],
    ['项目名称', '2023招商引资'],
    ['预算执行情况(10分)', '资金类别', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分'],
    ['预算执行情况(10分)', '总额', 300, 349.78, 349.78, 1, 10, 10],
    ['预算执行情况(10分)', '其中：财政资金', 300, 349.78, 349.78, 1, '/', '/'],
    // Left blank in column A on this row: the label is read as it stands.
    [null, '财政专户管理资金', 0, 0, 0, 0, '/', '/'],
  ]);
  const [m] = projects(s);
  expect(frameOf(m).fundsLabel).toBe('A3:10');
  expect(fundsOf(m).map((f) => [f.row, f.label, f.group, f.isTotal])).toEqual([
    [4, '总额', 'total', true],
    [5, '财政资金', '', false],
    [6, '财政专户管理资金', '', false],
  ]);
});

test('a 小计 inside a source’s own label (地方配套资金小计) is no total: the plain 合计 is', () => {
  const s = sheetOf('来源', [
    ['资金来源', '全年预算', '全年执行'],
    ['中央补助资金', 300, 300],
    ['省级配套资金', 60, 54],
    ['地方配套资金小计', 60, 54],
    ['合计', 360, 354],
  ]);
  expect(fundsOf(projects(s)[0]).map((f) => [f.row, f.label, f.isTotal])).toEqual([
    [5, '合计', true],
    [2, '中央补助资金', false],
    [3, '省级配套资金', false],
    [4, '地方配套资金小计', false],
  ]);
});
