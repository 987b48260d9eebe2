/**
 * Locating task blocks, indicator rows, the 总分 row and the grade (docs/rules.md "Tables it reads"):
 * which rows are read, which cells the total and grade are, which header columns are missing, and where
 * a table ends when the next one follows without a title.
 */
import { rangeA1 } from '../../src/engine/address';
import { CellValue } from '../../src/engine/grid';
import { locateTables } from '../../src/engine/locate/tables';
import { frameOf, fundsOf, indicatorsOf, projects, sheetOf, tasksOf } from './locate-blocks-dump';

type Row = CellValue[];

test('a task block without a name column: the name is right of 年度主要任务; blank rows and empty names', () => {
  const s = sheetOf(
    '部门整体',
    [
      ['部门整体支出绩效自评表'],
      ['部门名称', '某区文化和旅游局'],
      ['年度资金总额（万元）', null, '年初预算数', '全年预算数', '全年执行数'],
      [null, '年度资金总额', 900, 1000, 950],
      ['年度主要任务', null, '预算数', '执行数', '执行率'],
      [null, ' 公共文化服务 ', 120, 118, '98.33%'],
      [],
      [null, null, 200, 150, '75.00%'],
      [null, null, 50, 40, '80.00%'],
      [null, '旅游推广', 80, 90, '112.50%'],
      ['年度总体目标', '全面完成年度文化旅游工作任务。'],
      ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '送戏下乡场次', '≥60场', '62场', 90, 90],
    ],
    [[4, 0, 9, 0]],
  );
  // Row 9's name cell is missing altogether (a reader that skips empty cells), row 8's is null.
  delete s.values[8][1];
  const [m] = projects(s);
  expect(tasksOf(m)).toEqual([
    { row: 6, name: '公共文化服务', budget: 'C6=120', executed: 'D6=118', rate: 'E6=98.33%' },
    { row: 8, name: '', budget: 'C8=200', executed: 'D8=150', rate: 'E8=75.00%' },
    { row: 9, name: '', budget: 'C9=50', executed: 'D9=40', rate: 'E9=80.00%' },
    { row: 10, name: '旅游推广', budget: 'C10=80', executed: 'D10=90', rate: 'E10=112.50%' },
  ]);
  expect(m.funds.map((f) => f.row + 1)).toEqual([4]);
  expect(indicatorsOf(m).map((i) => i.name)).toEqual(['送戏下乡场次']);
});

test('a task header with 任务名称 is a task block whatever its label says', () => {
  const s = sheetOf('部门整体', [
    ['部门名称', '某区文化和旅游局'],
    ['年度资金总额（万元）', null, '年初预算数', '全年预算数', '全年执行数'],
    [null, '年度资金总额', 900, 1000, 950],
    ['年度重点工作任务完成情况', '任务名称', '主要内容', '预算数', '执行数', '执行率'],
    [null, '文物保护', '完成3处文物修缮', 200, 150, '75.00%'],
    ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '文物修缮处数', '3处', '3处', 90, 90],
  ]);
  const ts = projects(s);
  expect(ts).toHaveLength(1);
  expect(tasksOf(ts[0])).toEqual([
    { row: 5, name: '文物保护', budget: 'D5=200', executed: 'E5=150', rate: 'F5=75.00%' },
  ]);
});

test('the indicator header’s missing columns: 指标值 (调整后指标值 stands in), 完成值, 分值/权重, 得分', () => {
  const missing = (hdr: string[]) =>
    frameOf(
      projects(
        sheetOf('指标', [['项目名称', '城区绿化养护'], hdr, ['养护面积', '≥120万平方米', '125万平方米', 30, 30]]),
      )[0],
    ).indicatorMissing;
  expect(missing(['三级指标', '调整后指标值', '实际完成值', '分值', '得分'])).toEqual([]);
  expect(missing(['三级指标', '实际完成值', '分值', '得分'])).toEqual(['指标值']);
  expect(missing(['三级指标', '指标值', '分值', '得分'])).toEqual(['完成值']);
  expect(missing(['三级指标', '指标值', '实际完成值', '得分'])).toEqual(['分值/权重']);
  expect(missing(['三级指标', '指标值', '实际完成值', '分值'])).toEqual(['得分']);
});

test('a weight in the header of the block’s first column is no section label: there is no column left of it', () => {
  const s = sheetOf('档案', [
    ['部门名称', '某县档案馆'],
    ['指标名称（90分）', '计算符号', '指标值', '实际完成值', '计量单位', '分值', '得分'],
    ['档案接收进馆数量', '≥', 5000, 5200, '卷', 90, 90],
  ]);
  const [m] = projects(s);
  expect(frameOf(m)).toEqual({
    kind: 'department',
    name: '某县档案馆',
    range: 'A1:G3',
    indicatorHeader: 'A2',
    indicatorMissing: [],
  });
  expect(indicatorsOf(m).map((i) => i.name)).toEqual(['档案接收进馆数量']);
});

test('a score header that excludes deductions, with and without a 扣减分数 column', () => {
  const excludes = (hdr: string[]) =>
    projects(sheetOf('指标', [['项目名称', '智慧校园建设'], hdr, ['智慧教室建成数', '≥20间', '20间', 20, 18, 2]]))[0]
      .scoreExcludesDeduction;
  expect(excludes(['三级指标名称', '指标值', '实际完成值', '分值', '*指标得分（不包含扣减分数。）', '扣减分数'])).toBe(
    true,
  );
  // The score header says so, but there is no deduction column to leave out.
  expect(excludes(['三级指标名称', '指标值', '实际完成值', '分值', '得分（不含扣减分）'])).toBe(false);
  expect(excludes(['三级指标名称', '指标值', '实际完成值', '分值', '得分', '扣减分数'])).toBe(false);
});

test('goal groups: a title with a description beside it still opens a group; the header is the first group’s', () => {
  const hdr = ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'];
  const s = sheetOf(
    '绩效目标',
    [
      ['2023年度项目支出绩效自评表'],
      ['项目名称', '乡村振兴示范村建设'],
      ['预算执行情况（万元）（20分）', '预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20分*执行率）'],
      ['年度财政资金总额', 200, 190, '95.00%', 19],
      ['年度绩效目标1（40分）', null, null, '完成5个示范村建设'],
      hdr,
      ['产出指标', '数量指标', '示范村建设数量', '≥5个', '5个', 20],
      [null, '质量指标', '工程验收合格率', '100%', '100%', 20],
      ['年度绩效目标2（40分）'],
      hdr,
      ['效益指标', '社会效益指标', '带动农户增收户数', '≥200户', '210户', 20],
      ['满意度指标', '服务对象满意度指标', '村民满意度', '≥90%', '93%', 20],
      ['总分', 99],
      ['偏差大或目标未完成原因分析', '无'],
    ],
    [
      [0, 0, 0, 5],
      [12, 1, 12, 5],
    ],
  );
  const [m] = projects(s);
  // 19 + 40 + 40 = 99; no grade row after the text rows, none in the 总分 row.
  expect(frameOf(m)).toEqual({
    kind: 'project',
    name: '乡村振兴示范村建设',
    range: 'A1:F14',
    fundsHeader: 'A3',
    fundsMissing: [],
    fundsLabel: 'A3:20',
    fundsHeaderWeight: '20',
    indicatorHeader: 'A6',
    indicatorMissing: [],
    groups: ['A5:年度绩效目标1（40分）:40', 'A9:年度绩效目标2（40分）:40'],
    total: { row: 13, score: 'B13=99' },
  });
  // The fund row's own label sits in the section label's column (A) and is kept.
  expect(fundsOf(m)).toEqual([
    {
      row: 4,
      label: '年度财政资金总额',
      group: 'total',
      isTotal: true,
      budget: 'B4=200',
      executed: 'C4=190',
      rate: 'D4=95.00%',
      score: 'E4=19',
    },
  ]);
  expect(indicatorsOf(m).map((i) => [i.row, i.name, i.group])).toEqual([
    [7, '示范村建设数量', 0],
    [8, '工程验收合格率', 0],
    [11, '带动农户增收户数', 1],
    [12, '村民满意度', 1],
  ]);
});

/** `项目名称` row, an indicator header (name, operator, target, actual, unit, weight, score) and one row. */
const totalSheet = (total: Row, extraHeader: string[] = []) =>
  sheetOf('档案', [
    ['项目名称', '档案数字化'],
    ['指标名称', '计算符号', '指标值', '实际完成值', '计量单位', '分值', '得分', ...extraHeader],
    ['档案数字化率', '≥', 60, 62, '%', 90, 88],
    total,
  ]);

test('the 总分 row: its label in the weight or score column, a score written as text, a deduction right of it', () => {
  const total = (row: Row, extra?: string[]) => frameOf(projects(totalSheet(row, extra))[0]).total;
  // No level columns: the indicator has empty level labels and no level-1 key.
  expect(indicatorsOf(projects(totalSheet(['总分', null, null, null, null, 100, 88]))[0])).toEqual([
    {
      row: 3,
      level1: '',
      level2: '',
      name: '档案数字化率',
      operator: 'B3=≥',
      target: 'C3=60',
      unit: 'E3=%',
      actual: 'D3=62',
      weight: 'F3=90',
      score: 'G3=88',
    },
  ]);
  // Label in the 分值 column (F): no weight cell left of the score.
  expect(total([null, null, null, null, null, '总分', 88])).toEqual({ row: 4, score: 'G4=88' });
  // Label in the 得分 column (G): the score is the number right of it, no weight.
  expect(total([null, null, null, null, null, null, '合计得分', 88])).toEqual({ row: 4, score: 'H4=88' });
  expect(total(['总分', null, null, null, null, 100, '88.00'])).toEqual({
    row: 4,
    weight: 'F4=100',
    score: 'G4=88.00',
  });
  // The total deduction in the 扣减分数 column is no score.
  expect(total(['总分', null, null, null, null, 100, 88, 2], ['扣减分数'])).toEqual({
    row: 4,
    weight: 'F4=100',
    score: 'G4=88',
  });
});

test('the 总分 row with its score left blank: the score cell stays, the weight is not taken for it; a grade right of it', () => {
  const [m] = projects(totalSheet(['总分', null, null, null, null, 100, null, '优']));
  expect(frameOf(m).total).toEqual({ row: 4, weight: 'F4=100', score: 'G4=' });
  expect(frameOf(m).grade).toBe('H4=优');
});

test('text right of the score in the 总分 row is a grade only when it starts with one; 合格 in the score column is none', () => {
  const grade = (row: Row) => frameOf(projects(totalSheet(row))[0]).grade;
  expect(grade(['总分', null, null, null, null, 100, 88, '年中调整后重新测算'])).toBeUndefined();
  expect(grade(['总分', null, null, null, null, 100, 88, '良'])).toBe('H4=良');
  expect(grade(['总分', null, null, null, null, 100, '合格'])).toBeUndefined();
});

/** Identity total at the top, indicators (level 1, level 2, name, weight, target, actual, score), then `tail`. */
const identitySheet = (tail: Row[]) =>
  sheetOf('项目自评', [
    ['项目名称', '法治宣传'],
    ['自评得分', 98],
    ['一级指标', '二级指标', '三级指标', '分值', '指标值', '全年实际值', '得分'],
    ['产出指标', '数量指标', '宣传活动场次', 40, '≥20场', '22场', 40],
    [null, null, '说明材料印制份数', 30, '≥5000份', '5200份', 30],
    ['满意度指标', '满意度指标', '群众满意度', 30, '≥90%', '88%', 28],
    ...tail,
  ]);

test('a grade row right after the indicators ends them (no 总分 row); `等级评定` is a grade word', () => {
  const [m] = projects(identitySheet([['等级评定', null, '优']]));
  expect(frameOf(m)).toMatchObject({ total: { row: 2, score: 'B2=98', identity: true }, grade: 'C7=优' });
  expect(indicatorsOf(m).map((i) => i.name)).toEqual(['宣传活动场次', '说明材料印制份数', '群众满意度']);
});

test('a 说明 row ends the indicators; an indicator whose name starts with 说明 does not', () => {
  const [m] = projects(identitySheet([['说明：'], [null, null, '本表指标值按年初批复填列。']]));
  expect(indicatorsOf(m).map((i) => [i.row, i.level1, i.level2, i.name])).toEqual([
    [4, '产出指标', '数量指标', '宣传活动场次'],
    [5, '产出指标', '数量指标', '说明材料印制份数'],
    [6, '满意度指标', '满意度指标', '群众满意度'],
  ]);
  expect(frameOf(m).range).toBe('A1:G8');
});

test('自评得分 printed below the indicators is the total; the grade row after it is read', () => {
  const [m] = projects(
    identitySheet([
      ['自评得分', 97.5, '财政审核评分', null],
      ['自评等级', '优'],
    ]),
  );
  // The identity row at the top (98) is not taken: the one below the indicators is.
  expect(frameOf(m)).toMatchObject({ total: { row: 7, score: 'B7=97.5', identity: true }, grade: 'B8=优' });
});

test('placeholder rows, rows without a name, blank level cells and line breaks in labels', () => {
  const s = sheetOf(
    '省级填报',
    [
      ['项目名称', null, '职业技能培训补贴'],
      [
        '绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ],
      [null, '产出指标', '数量指标', ' 培训人次 ', '≥3000人次', '3120人次', 30, 30],
      // Empty-string and blank level cells (as a host gives them) continue the labels above.
      [null, ' ', '', '指标1：'],
      [null, null, '质量指标', '培训合格率'],
      [null, '', ' ', null, 90, 94, 20, 20],
      [null, null, null, '……'],
      [null, '效益\n指标', '社会效益\n指标（30分）', '培训后就业率', '≥60%', '66%', 30, 30],
      [null, null, null, null, null, null, null, null, '部分学员未就业'],
      [null, '满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', 10, 10],
      ['总分', null, null, null, null, null, 100, 90],
      // A text row between the 总分 and the grade does not hide the grade.
      ['偏差原因分析', null, '无'],
      ['自评等级', null, '优'],
    ],
    [[1, 0, 9, 0]],
  );
  const [m] = projects(s);
  expect(indicatorsOf(m).map((i) => [i.row, i.level1, i.level2, i.name, i.target, i.score])).toEqual([
    [3, '产出指标', '数量指标', '培训人次', 'E3=≥3000人次', 'H3=30'],
    // Named but nothing filled in yet: still an indicator.
    [5, '产出指标', '质量指标', '培训合格率', 'E5=', 'H5='],
    // Filled but unnamed: an indicator without a name.
    [6, '产出指标', '质量指标', '', 'E6=90', 'H6=20'],
    [8, '效益指标', '社会效益指标', '培训后就业率', 'E8=≥60%', 'H8=30'],
    [10, '满意度指标', '服务对象满意度指标', '学员满意度', 'E10=≥90%', 'H10=10'],
  ]);
  expect(frameOf(m)).toMatchObject({ total: { row: 11, weight: 'G11=100', score: 'H11=90' }, grade: 'C13=优' });
});

test('a table without 总分 or grade ends at the next table’s title (a title with a unit note beside it)', () => {
  const s = sheetOf('两表', [
    ['项目支出绩效自评表（2023年度）'],
    ['项目名称', '农村公路养护'],
    ['自评得分', 99.5],
    ['一级指标', '二级指标', '三级指标', '分值', '指标值（A）', '全年实际值（B）', '得分'],
    ['项目产出（60分）', '数量指标', '养护里程', 60, '≥300公里', '310公里', 60],
    ['项目效益（40分）', '满意度指标', '群众满意度', 40, '≥90%', '92%', 39.5],
    ['2023年度项目支出绩效自评表', null, null, null, null, '金额单位：万元'],
    ['项目名称', '乡村道路维修'],
    ['自评等级', '良'],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数'],
    ['年度资金总额', 100, 100, 90],
  ]);
  const [a, b] = projects(s);
  expect(frameOf(a)).toEqual({
    kind: 'project',
    name: '农村公路养护',
    range: 'A1:G6',
    indicatorHeader: 'A4',
    indicatorMissing: [],
    level1Weights: ['A5:60', 'A6:40'],
    total: { row: 3, score: 'B3=99.5', identity: true },
  });
  expect(indicatorsOf(a).map((i) => i.name)).toEqual(['养护里程', '群众满意度']);
  expect(frameOf(b)).toMatchObject({ name: '乡村道路维修', range: 'A7:F11' });
});

/** Table 甲 (its rows given), then table 乙 right below it, both without a title. */
const stacked = (first: Row[]) =>
  sheetOf('两表', [
    ['项目名称', '甲项目'],
    ...first,
    ['项目名称', '乙项目'],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数'],
    ['年度资金总额', 100, 100, 90],
  ]);

const FUNDS_HDR = ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数'];
const IND_HDR = ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'];
const IND_ROW = ['产出指标', '数量指标', '养护里程', '≥300公里', '310公里', 90, 90];

test.each([
  ['an empty funds block', [FUNDS_HDR]],
  ['funds rows', [FUNDS_HDR, ['年度资金总额', 200, 200, 190], ['其中：财政拨款', 200, 200, 190]]],
  [
    'an empty task block',
    [FUNDS_HDR, ['年度资金总额', 200, 200, 190], ['年度主要任务', '任务名称', '预算数', '执行数']],
  ],
  [
    'task rows',
    [
      FUNDS_HDR,
      ['年度资金总额', 200, 200, 190],
      ['年度主要任务', '任务名称', '预算数', '执行数'],
      [null, '道路养护', 120, 118],
      [null, '桥梁检测', 80, 72],
    ],
  ],
  ['an indicator header without rows', [IND_HDR]],
  ['indicator rows', [IND_HDR, IND_ROW, [null, '质量指标', '优良路率', '≥85%', '86%', 10, 10]]],
  ['a 总分 row', [IND_HDR, IND_ROW, ['总分', null, null, null, null, 100, 90]]],
  ['自评得分 below the indicators', [IND_HDR, IND_ROW, ['自评得分', 90]]],
  ['a grade row', [IND_HDR, IND_ROW, ['总分', null, null, null, null, 100, 90], ['自评等级', '优']]],
])('a table ending with %s is cut right above the untitled table below it', (_, first) => {
  const [a, b] = projects(stacked(first as Row[]));
  const last = first.length + 1; // 1-based row of 甲's last row
  expect([a.name, frameOf(a).range.replace(/^A1:[A-Z]+/, 'A1:')]).toEqual(['甲项目', `A1:${last}`]);
  expect([b.name, frameOf(b).range]).toEqual(['乙项目', `A${last + 1}:D${last + 3}`]);
});

test('a summary without a title starts at its 部门名称 row, not at a note above that only mentions 项目名称', () => {
  const s = sheetOf('汇总', [
    ['注：项目名称以预算批复为准'],
    ['部门名称', '某市统计局'],
    ['序号', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '预算执行率', '自评得分', '自评等级'],
    [1, '机关运行保障', 100, 98, '98.00%', 96, '优'],
    ['合计', null, 100, 98, '98.00%'],
  ]);
  const [t] = locateTables(s);
  expect([t.kind, rangeA1(t.range)]).toEqual(['summary', 'A2:G5']);
});

test.each([
  ['a 总分 row', ['总分', null, null, null, null, 100, 0]],
  ['自评得分', ['自评得分', 0]],
])('an indicator header with no rows, then %s and the grade: the grade is still read', (_, total) => {
  const s = sheetOf('空表', [['项目名称', '农村公路养护'], IND_HDR, total as Row, ['自评等级', '差']]);
  expect(frameOf(projects(s)[0]).grade).toBe('B4=差');
});
