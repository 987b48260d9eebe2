/**
 * Where a project or department table starts and ends, what it is called, and the rows around its blocks
 * (locate/tables.ts, identity rows to the end of a table): the `自评得分` of the identity rows as the total
 * of a table without a 总分 row, the name from 项目名称 / 部门名称 / 单位名称, department tables, goal-group
 * titles, and the rows between two tables. Small hand-built grids; the located models are asserted whole.
 */
import { CellRange } from '../../src/engine/address';
import { CellValue, Sheet } from '../../src/engine/grid';
import { locateTables } from '../../src/engine/locate/tables';
import { CellRef, ProjectModel, TableModel } from '../../src/engine/model';

type Row = (CellValue | undefined)[];

/** A sheet as a host gives it: rows of values (a row may be shorter than the widest), merges. */
function sheet(rows: Row[], merges: CellRange[] = []): Sheet {
  return { name: '自评表', values: rows.map((r) => r.map((v) => (v === undefined ? null : v))), merges };
}

function ref(row: number, col: number, value: CellValue, fmt: string | null = null): CellRef {
  return { row, col, value, fmt };
}

/** The located models without their sheet (the grid itself is not what is checked). */
function located(s: Sheet): Omit<TableModel, 'sheet'>[] {
  return locateTables(s).map(({ sheet: _sheet, ...m }) => m);
}

/** A project's fields that a table without indicators leaves at their start values. */
const NO_INDICATORS = {
  tasks: [],
  indicators: [],
  level1Weights: new Map(),
  groups: [],
  scoreExcludesDeduction: false,
};

describe('the total written in the identity rows (自评得分 | 95.5)', () => {
  test('a table of funds only takes the 自评得分 right of the project name as its total', () => {
    const s = sheet(
      [
        ['项目支出绩效自评表'],
        ['项目名称', '农村公路养护', '自评得分', 95.5],
        ['项目资金（万元）', '全年预算数', '全年执行数', '执行率'],
        ['年度资金总额', 200, 190, 0.95],
      ],
      [{ top: 0, left: 0, bottom: 0, right: 3 }],
    );
    expect(located(s)).toEqual([
      {
        kind: 'project',
        range: { top: 0, left: 0, bottom: 3, right: 3 },
        name: '农村公路养护',
        fundsHeader: { row: 2, col: 0, missing: [] },
        funds: [
          {
            row: 3,
            label: '年度资金总额',
            group: 'total',
            isTotal: true,
            budget: ref(3, 1, 200),
            executed: ref(3, 2, 190),
            rate: ref(3, 3, 0.95),
          },
        ],
        ...NO_INDICATORS,
        // 自评得分 is the last text of its row: its value is the first filled cell right of it, D2.
        total: { row: 1, score: ref(1, 3, 95.5), identity: true },
      },
    ]);
  });

  test('a 自评得分 label with its value on the row below, and a 自评得分 column of the funds header, give no total', () => {
    const s = sheet([
      ['项目支出绩效自评表'],
      ['项目名称', '村级道路维修'],
      ['自评得分', '自评等级'],
      [92, '优'],
      ['资金来源', '全年预算数', '全年执行数', '执行率', '自评得分'],
      ['财政资金', 80, 76, 0.95, 9.5],
    ]);
    // Right of 自评得分 (A3) comes 自评等级 at once: no cell between them holds the total. The funds header's
    // 自评得分 (E5) is a column, not a label with its value to the right. So the model has no total.
    expect(located(s)).toEqual([
      {
        kind: 'project',
        range: { top: 0, left: 0, bottom: 5, right: 4 },
        name: '村级道路维修',
        fundsHeader: { row: 4, col: 0, missing: [] },
        funds: [
          {
            row: 5,
            label: '财政资金',
            group: 'total',
            isTotal: true,
            budget: ref(5, 1, 80),
            executed: ref(5, 2, 76),
            rate: ref(5, 3, 0.95),
            score: ref(5, 4, 9.5),
          },
        ],
        ...NO_INDICATORS,
      },
    ]);
  });

  test('a funds-only table followed at once by the next table ends where the next title starts', () => {
    const s = sheet([
      ['项目支出绩效自评表'],
      ['项目名称', '农村公路养护', '自评得分', 95.5],
      ['项目资金（万元）', '全年预算数', '全年执行数', '执行率'],
      ['年度资金总额', 200, 190, 0.95],
      ['2023年度项目绩效自评表'],
      ['项目名称', '社区养老服务补助'],
      ['项目资金（万元）', '全年预算数', '全年执行数', '执行率'],
      ['年度资金总额', 100, 95, 0.95],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '服务老人人数', '≥500人', '520人', 90, 90],
      ['总分', null, null, null, null, 100, 99.5],
      ['自评等级', '优'],
    ]);
    const tables = located(s);
    expect(tables.map((t) => [t.name, t.range])).toEqual([
      ['农村公路养护', { top: 0, left: 0, bottom: 3, right: 3 }],
      ['社区养老服务补助', { top: 4, left: 0, bottom: 11, right: 6 }],
    ]);
    expect(tables[1]).toEqual({
      kind: 'project',
      range: { top: 4, left: 0, bottom: 11, right: 6 },
      name: '社区养老服务补助',
      fundsHeader: { row: 6, col: 0, missing: [] },
      funds: [
        {
          row: 7,
          label: '年度资金总额',
          group: 'total',
          isTotal: true,
          budget: ref(7, 1, 100),
          executed: ref(7, 2, 95),
          rate: ref(7, 3, 0.95),
        },
      ],
      tasks: [],
      indicatorHeader: { row: 8, col: 0, missing: [] },
      indicators: [
        {
          row: 9,
          level1: '产出指标',
          level2: '数量指标',
          name: '服务老人人数',
          level1Key: '9:0',
          target: ref(9, 3, '≥500人'),
          actual: ref(9, 4, '520人'),
          weight: ref(9, 5, 90),
          score: ref(9, 6, 90),
        },
      ],
      level1Weights: new Map(),
      groups: [],
      scoreExcludesDeduction: false,
      total: { row: 10, weight: ref(10, 5, 100), score: ref(10, 6, 99.5) },
      grade: ref(11, 1, '优'),
    });
  });
});

describe('the table name and whether it is a department table', () => {
  /** A funds block under the given identity rows; the table's name and kind are what is asserted. */
  function nameOf(identity: Row[], title = '项目支出绩效自评表', fundsLabel = '项目资金（万元）') {
    const s = sheet([
      [title],
      ...identity,
      [fundsLabel, '年初预算数', '全年预算数', '全年执行数', '执行率'],
      ['年度资金总额', 500, 520, 494, 0.95],
    ]);
    const [m] = located(s);
    return [m.kind, m.name];
  }

  test('部门名称 names a department table; 主管部门 and 部门编码 before it and 单位名称 after it do not', () => {
    expect(
      nameOf(
        [
          ['（2023年度）'],
          ['主管部门', '某市教育局'],
          ['部门编码', 301001, '部门名称', '某区教育局', '单位名称', '某区实验小学'],
        ],
        '部门整体支出绩效自评表',
      ),
    ).toEqual(['department', '某区教育局']);
  });

  test('a unit-only identity (单位名称) makes a department table even without 部门整体 in the title', () => {
    expect(nameOf([['单位名称', '某区园林所']], '2023年度单位整体支出绩效自评表')).toEqual([
      'department',
      '某区园林所',
    ]);
  });

  test('a 项目名称 whose value says 部门整体 is a department table named by that value', () => {
    expect(nameOf([['项目名称', '某区财政局部门整体支出']], '2023年度绩效自评表')).toEqual([
      'department',
      '某区财政局部门整体支出',
    ]);
  });

  test('项目名称 and 单位名称 together: a project table, named by the project', () => {
    expect(
      nameOf([
        ['项目名称', '城区绿化养护'],
        ['单位名称', '某区园林所'],
      ]),
    ).toEqual(['project', '城区绿化养护']);
  });

  test('部门整体 in the funds label of the header row makes the table a department table', () => {
    expect(nameOf([['项目名称', '某区财政局2023年度预算']], '整体支出绩效自评表', '部门整体支出（万元）')).toEqual([
      'department',
      '某区财政局2023年度预算',
    ]);
  });

  test('the name is the value cell trimmed of the spaces typed around it', () => {
    expect(nameOf([['项目名称', '  城区绿化养护 ']])).toEqual(['project', '城区绿化养护']);
  });

  test('an empty name cell, null or past the end of its row, gives the name ""', () => {
    // Row 2: `项目名称` and an empty cell (null); row 8: `项目名称` alone (the row ends there).
    const s: Sheet = {
      name: '两表',
      values: [
        ['项目支出绩效自评表'],
        ['项目名称', null, null],
        ['项目资金（万元）', '全年预算数', '全年执行数'],
        ['年度资金总额', 60, 57],
        [],
        ['2023年度项目绩效自评表'],
        ['项目名称'],
        ['项目资金（万元）', '全年预算数', '全年执行数'],
        ['年度资金总额', 40, 40],
      ],
      merges: [],
    };
    expect(locateTables(s).map((t) => [t.kind, t.name, t.range.top, t.range.bottom])).toEqual([
      ['project', '', 0, 3],
      ['project', '', 5, 8],
    ]);
  });
});

describe('the rows of a table without a title', () => {
  /** Identity, funds, one indicator, 总分 and 自评等级: rows top … top + 7. */
  function untitled(name: string, budget: number): Row[] {
    return [
      ['金额单位：万元'],
      ['项目名称', name],
      ['项目资金（万元）', '全年预算数', '全年执行数', '执行率'],
      ['年度资金总额', budget, budget, 1],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '维修里程', '≥10公里', '12公里', 90, 90],
      ['总分', null, null, null, null, 100, 100],
      ['自评等级', '优'],
    ];
  }

  test('blank rows above the first table and between two untitled tables belong to neither', () => {
    const s = sheet([[], [], ...untitled('乡道维修', 50), [], ...untitled('村道维修', 30)]);
    // First: rows 2 (金额单位) … 9 (自评等级). Row 10 is blank. Second: rows 11 … 18.
    expect(locateTables(s).map((t) => [t.name, t.range])).toEqual([
      ['乡道维修', { top: 2, left: 0, bottom: 9, right: 6 }],
      ['村道维修', { top: 11, left: 0, bottom: 18, right: 6 }],
    ]);
  });
});

describe('a summary between two project tables', () => {
  test('each table keeps its own rows: the project the rows after it, the summary from its identity row, the next project from its name', () => {
    const s = sheet([
      ['项目支出绩效自评表'],
      ['项目名称', '乡道维修'],
      ['项目资金（万元）', '全年预算数', '全年执行数', '执行率'],
      ['年度资金总额', 50, 50, 1],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '维修里程', '≥10公里', '12公里', 90, 90],
      ['总分', null, null, null, null, 100, 100],
      ['自评等级', '优'],
      ['存在问题', '无'],
      [],
      ['金额单位：万元'],
      ['部门名称：某区交通运输局'],
      ['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '自评得分'],
      [1, '乡道维修', 50, 50, 1, 100],
      [2, '村道维修', 30, 27, 0.9, 95],
      ['合计', null, 80, 77, 0.9625],
      [],
      ['项目名称', '村道维修'],
      ['项目资金（万元）', '全年预算数', '全年执行数', '执行率'],
      ['年度资金总额', 30, 27, 0.9],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '维修里程', '≥8公里', '8公里', 90, 90],
      ['总分', null, null, null, null, 100, 99],
      ['自评等级', '优'],
    ]);
    const tables = located(s);
    // The project runs on to the row before the summary's identity row: 存在问题 (8) and 金额单位 (10) are
    // its own. The summary starts at its identity row (11) and ends at 合计 (15); the untitled project
    // starts at its 项目名称 (17).
    expect(tables.map((t) => [t.kind, t.name, t.range])).toEqual([
      ['project', '乡道维修', { top: 0, left: 0, bottom: 10, right: 6 }],
      ['summary', '', { top: 11, left: 0, bottom: 15, right: 5 }],
      ['project', '村道维修', { top: 17, left: 0, bottom: 23, right: 6 }],
    ]);
    expect(tables[1]).toEqual({
      kind: 'summary',
      range: { top: 11, left: 0, bottom: 15, right: 5 },
      name: '',
      header: { row: 12, col: 0, missing: [] },
      rows: [
        {
          row: 13,
          name: '乡道维修',
          budget: ref(13, 2, 50),
          executed: ref(13, 3, 50),
          rate: ref(13, 4, 1),
          score: ref(13, 5, 100),
        },
        {
          row: 14,
          name: '村道维修',
          budget: ref(14, 2, 30),
          executed: ref(14, 3, 27),
          rate: ref(14, 4, 0.9),
          score: ref(14, 5, 95),
        },
      ],
      subtotals: [],
      totalRow: {
        row: 15,
        name: '合计',
        budget: ref(15, 2, 80),
        executed: ref(15, 3, 77),
        rate: ref(15, 4, 0.9625),
        score: ref(15, 5, null),
      },
    });
  });
});

describe('goal groups', () => {
  const hdr = ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'];

  /** A goal-group table with its total in the identity rows; `after` rows follow its last indicator. */
  function groups(after: Row[]): Sheet {
    return sheet([
      ['2023年度项目支出绩效自评表'],
      ['项目名称', '乡村振兴示范村建设', '自评得分', 99],
      ['预算执行情况（万元）（20分）', '预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20分*执行率）'],
      ['年度财政资金总额', 200, 190, '95.00%', 19],
      ['年度绩效目标1（40分） '],
      [],
      hdr,
      ['产出指标', '数量指标', '示范村建设数量', '≥5个', '5个', 20],
      [null, '质量指标', '工程验收合格率', '100%', '100%', 20],
      ['年度绩效目标2（40分）'],
      hdr,
      ['效益指标', '社会效益指标', '带动农户增收户数', '≥200户', '210户', 20],
      ['满意度指标', '服务对象满意度指标', '村民满意度', '≥90%', '93%', 20],
      ...after,
    ]);
  }

  test('a title a blank row above its header is the first group; titles are the cells as typed, trimmed', () => {
    const [m] = locateTables(groups([])) as ProjectModel[];
    // The first title keeps its full-width brackets （40分） and loses the space typed after it.
    expect(m.groups).toEqual([
      { row: 4, col: 0, title: '年度绩效目标1（40分）', weight: '40' },
      { row: 9, col: 0, title: '年度绩效目标2（40分）', weight: '40' },
    ]);
    expect(m.indicators.map((i) => [i.row, i.name, i.group])).toEqual([
      [7, '示范村建设数量', 0],
      [8, '工程验收合格率', 0],
      [11, '带动农户增收户数', 1],
      [12, '村民满意度', 1],
    ]);
    expect(m.total).toEqual({ row: 1, score: ref(1, 3, 99), identity: true });
    expect(m.range).toEqual({ top: 0, left: 0, bottom: 12, right: 5 });
  });

  test('an unused third goal title with no header of its own ends the groups', () => {
    const [m] = locateTables(groups([['年度绩效目标3（20分）']])) as ProjectModel[];
    expect(m.groups.map((g) => g.title)).toEqual(['年度绩效目标1（40分）', '年度绩效目标2（40分）']);
    expect(m.indicators).toHaveLength(4);
    expect(m.total).toEqual({ row: 1, score: ref(1, 3, 99), identity: true });
  });

  test('a goal-group table followed by a table of indicators only: two tables, the groups in the first', () => {
    const s = groups([
      [],
      ['项目支出绩效自评表'],
      ['项目名称', '高标准农田建设'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '新建农田面积', '≥1000亩', '1050亩', 100, 100],
      ['总分', null, null, null, null, 100, 100],
    ]);
    const tables = locateTables(s) as ProjectModel[];
    expect(tables.map((t) => [t.name, t.range.top, t.range.bottom, t.groups.length, t.indicators.length])).toEqual([
      ['乡村振兴示范村建设', 0, 12, 2, 4],
      ['高标准农田建设', 14, 18, 0, 1],
    ]);
  });
});
