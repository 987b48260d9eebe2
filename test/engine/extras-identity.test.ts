/**
 * The narrative extras of a table (locate/extras.ts) on the label variants departments write: which cell
 * is the year, 主管部门, 实施单位, 年度目标 and its 完成情况 — and which look-alike cells are not. The tables
 * follow the "weight before target" layout (layouts.md §4): identity rows, a funds block with its values on
 * the row below its header, the goal rows, then the indicators (their header row is `一级指标 | 二级指标 | …`).
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Sheet, WorkbookGrid } from '../../src/engine/grid';
import { tableExtras } from '../../src/engine/locate/extras';
import { SheetBuilder } from '../helpers/tables';
import { put, Rows } from './layouts-builders';

interface Spec {
  title?: string;
  name?: string;
  /** The 主管部门/实施单位 row. */
  identity?: Rows[number];
  /** The goal rows between the funds block and the indicators. */
  goal?: Rows;
  department?: string;
  unit?: string;
  budget?: number;
  /** false: the table stops after its goal rows (no indicators filled in yet). */
  indicators?: boolean;
}

const GOAL = '完成全县农村公路养护300公里，优良路率保持在85%以上。';
const DONE = '完成养护310公里，优良路率86%。';

/** One table's rows: 5 identity/funds rows, the goal rows, then (by default) 1 header + 4 indicator rows. */
function rows(s: Spec = {}): Rows {
  return [
    [s.title ?? '项目支出绩效自评表（2023年度）'],
    ['项目名称', s.name ?? '农村公路养护', '项目编码', '23-51092200-0117'],
    s.identity ?? ['主管部门', s.department ?? '某县交通运输局', '实施单位', s.unit ?? '某县公路事务中心'],
    ['年度资金总额（万元）', '年初预算数', '调整预算数（A）', '全年执行数（B）', '执行率（B/A）'],
    [null, s.budget ?? 500, 480, 456, 0.95],
    ...(s.goal ?? [['年度总体目标', GOAL]]),
    ...(s.indicators === false
      ? []
      : [
          [
            '一级指标',
            '二级指标',
            '三级指标',
            '分值',
            '指标值（A）',
            '全年实际值（B）',
            '得分',
            '未完成原因分析及改进措施',
          ],
          ['项目产出（60分）', '数量指标', '养护里程', 30, '≥300公里', '310公里', 30],
          [null, '质量指标', '优良路率', 30, '≥85%', '86%', 30],
          ['项目效益（30分）', '社会效益指标', '群众出行条件', 30, '有效改善', '有效改善', 30],
          ['满意度（10分）', '满意度指标', '群众满意度', 10, '≥90%', '92%', 10],
        ]),
  ];
}

function sheetOf(blocks: Rows[], name = '项目自评'): Sheet {
  const b = new SheetBuilder();
  let top = 0;
  for (const block of blocks) {
    put(b, top, 0, block);
    b.merge(top, 0, top, 7);
    top += block.length + 1; // one blank row between tables
  }
  return b.sheet(name);
}

function extrasOf(grid: WorkbookGrid) {
  const tables = checkWorkbook(grid).tables;
  const extras = tableExtras(grid, tables);
  return tables.map((t) => extras.get(t)!);
}

/** The text fields of a table's extras. */
function texts(spec: Spec) {
  const [e] = extrasOf({ sheets: [sheetOf([rows(spec)])] });
  return { year: e.year, department: e.department, unit: e.unit, goal: e.goal, goalDone: e.goalDone };
}

const identity = { department: '某县交通运输局', unit: '某县公路事务中心' };

describe('the year', () => {
  test.each([
    // 年度 is optional after the year.
    ['项目支出绩效自评表（2023年度）', '农村公路养护', '2023'],
    ['2023年项目支出绩效自评表', '农村公路养护', '2023'],
    // The first year in the identity block wins: the title's, not the one in a carried-over project's name.
    ['项目支出绩效自评表（2023年度）', '2022年结转农村公路养护', '2023'],
    // No year in the title: the project name's is the first one.
    ['项目支出绩效自评表', '2022年结转农村公路养护', '2022'],
  ])('title %s, project %s: year %s', (title, name, year) => {
    expect(texts({ title, name }).year).toBe(year);
  });
});

describe('主管部门 and 实施单位', () => {
  test('values are trimmed, and a cell holding only a space between label and value is skipped', () => {
    expect(texts({ identity: ['主管部门', ' ', ' 某县交通运输局 ', '实施单位', '某县公路事务中心\n'] })).toEqual({
      year: '2023',
      ...identity,
      goal: GOAL,
      goalDone: null,
    });
  });

  test('labels spaced out for alignment (主 管 部 门) are labels', () => {
    expect(texts({ identity: ['主 管 部 门', '某县交通运输局', '实 施 单 位', '某县公路事务中心'] })).toEqual({
      year: '2023',
      ...identity,
      goal: GOAL,
      goalDone: null,
    });
  });

  // A project name that merely contains a label word is not that label: a label starts its cell. If it
  // were taken, the cell right of the name (项目编码) would be read as the value.
  test.each([
    '市级主管部门绩效管理培训',
    '下属实施单位设备购置补助',
    '年度目标完成情况考核奖励',
    '实际完成情况核查专项经费',
  ])('a project named %s: its name is not a label', (name) => {
    expect(
      texts({
        name,
        goal: [
          ['年度总体目标', GOAL],
          ['实际完成情况', DONE],
        ],
      }),
    ).toEqual({ year: '2023', ...identity, goal: GOAL, goalDone: DONE });
  });
});

describe('年度目标 and 完成情况', () => {
  test.each([
    ['年度目标', '年度目标完成情况'],
    ['总体目标', '总体目标完成情况'],
    ['项目年度目标', '目标完成情况'],
    ['年度总体目标', '年度总体目标完成情况'],
  ])('labels %s and %s, each with its text on its right', (goalLabel, doneLabel) => {
    expect(
      texts({
        goal: [
          [goalLabel, GOAL],
          [doneLabel, DONE],
        ],
      }),
    ).toEqual({ year: '2023', ...identity, goal: GOAL, goalDone: DONE });
  });

  test('headings spaced out (预 期 目 标 / 实 际 完 成 情 况) are headings: the texts are below them', () => {
    expect(
      texts({
        goal: [
          ['年度总体目标', '预 期 目 标', null, '实 际 完 成 情 况'],
          [null, GOAL, null, DONE],
        ],
      }),
    ).toEqual({ year: '2023', ...identity, goal: GOAL, goalDone: DONE });
  });

  // The goal left blank: the 完成情况 text is not a goal, whatever words it ends or starts with. (Taken
  // for a label, the cell below it — the 二级指标 heading — would become the goal.)
  test.each(['全面完成年度总体目标', '各项指标均达到预期目标', '预期目标全部完成，养护里程310公里。'])(
    'goal blank, 完成情况 %s: goal null',
    (done) => {
      expect(
        texts({
          goal: [
            ['年度总体目标', null],
            ['实际完成情况', done],
          ],
        }),
      ).toEqual({ year: '2023', ...identity, goal: null, goalDone: done });
    },
  );

  // No 完成情况 row: a goal text ending in 目标完成情况 / 实际完成情况 is not the 完成情况 label (taken for
  // one, the 二级指标 heading below it would become the 完成情况).
  test.each([
    '完成全县农村公路养护300公里，按季度通报各乡镇目标完成情况',
    '完成全县农村公路养护300公里，按月报送实际完成情况',
  ])('no 完成情况 row, goal %s: goalDone null', (goal) => {
    expect(texts({ goal: [['年度总体目标', goal]] })).toEqual({ year: '2023', ...identity, goal, goalDone: null });
  });

  test('a table that stops after its goal rows (no indicators yet): the goal is read from all its rows, a blank 完成情况 on the last row is null', () => {
    // The identity block runs to the sheet's end: the goal on row 6 is past the first 3 rows.
    expect(
      texts({
        indicators: false,
        goal: [['年度总体目标', GOAL], ['实际完成情况']],
      }),
    ).toEqual({ year: '2023', ...identity, goal: GOAL, goalDone: null });
  });
});

test('two tables on one sheet: each has its own identity, goal and 年初预算', () => {
  const sheet = sheetOf([
    rows({ title: '项目支出绩效自评表（2023年度）', budget: 500 }),
    rows({
      title: '项目支出绩效自评表（2022年度）',
      name: '乡村道路安全生命防护工程',
      department: '某县应急管理局',
      unit: '某县交通运输局',
      budget: 120,
      goal: [['年度总体目标', '完成乡村道路防护栏安装40公里。']],
    }),
  ]);
  const [first, second] = extrasOf({ sheets: [sheet] });
  expect(first).toEqual({
    year: '2023',
    ...identity,
    goal: GOAL,
    goalDone: null,
    // The funds values are on sheet row 5 (1-based: title 1, name 2, identity 3, funds header 4).
    initial: new Map([[5, 500]]),
    reason: new Map(),
  });
  // The second table starts after the first's 11 rows and a blank one: its funds values on row 12 + 5 = 17.
  expect(second).toEqual({
    year: '2022',
    department: '某县应急管理局',
    unit: '某县交通运输局',
    goal: '完成乡村道路防护栏安装40公里。',
    goalDone: null,
    initial: new Map([[17, 120]]),
    reason: new Map(),
  });
});

describe('a summary table: its year from its first three rows only', () => {
  function summary(title: string): Sheet {
    const b = new SheetBuilder();
    put(b, 0, 0, [
      [title],
      ['序号', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '预算执行率', '自评得分', '自评等级', '备注'],
      [1, '机关运行保障', 100, 98, '98.00%', 96, '优'],
      [2, '2021年结转信息系统运维', 50, 45, '90.00%', 91, '优'],
      ['合计', null, 150, 143, '95.33%'],
    ]);
    b.merge(0, 0, 0, 7);
    b.merge(4, 0, 4, 1);
    return b.sheet('汇总表');
  }
  const none = { department: null, unit: null, goal: null, goalDone: null, initial: new Map(), reason: new Map() };

  test('the year in the title', () => {
    expect(extrasOf({ sheets: [summary('2023年度项目支出绩效自评结果汇总表')] })).toEqual([{ year: '2023', ...none }]);
  });

  test('no year in the title: a project name on row 4 is not read', () => {
    expect(extrasOf({ sheets: [summary('部门项目支出绩效自评结果汇总表')] })).toEqual([{ year: null, ...none }]);
  });
});
