/**
 * The row views the locators read a sheet through (locate/rows.ts) and the header rows they find
 * (locate/tables.ts findAnchors), seen through locateTables: rows a host leaves out or fills with nulls,
 * merged cells that widen a table, a label's value cell at the end of its row, and headers of two words or
 * spread over two rows.
 */
import { CellRange } from '../../src/engine/address';
import { CellValue, Sheet } from '../../src/engine/grid';
import { locateTables } from '../../src/engine/locate/tables';
import { CellRef, ProjectModel } from '../../src/engine/model';

type Row = (CellValue | undefined)[] | undefined;

/** Rows exactly as a host may give them: `undefined` rows and cells stay holes; rows keep their lengths. */
function sheet(rows: Row[], merges: CellRange[] = []): Sheet {
  const values: CellValue[][] = [];
  rows.forEach((r, i) => {
    if (r === undefined) return;
    const out: CellValue[] = [];
    r.forEach((v, c) => {
      if (v !== undefined) out[c] = v;
    });
    out.length = r.length;
    values[i] = out;
  });
  values.length = rows.length;
  return { name: '自评表', values, merges };
}

function ref(row: number, col: number, value: CellValue): CellRef {
  return { row, col, value, fmt: null };
}

const projects = (s: Sheet) => locateTables(s) as ProjectModel[];

test('rows a host leaves out are blank, a row of nulls is blank, a merge widens the table to its right edge', () => {
  // Columns C… (left 2). Rows 0–1 and 6 are missing from the grid; row 10 holds nulls only.
  const s = sheet(
    [
      undefined,
      undefined,
      [null, null, '项目名称', '城区绿化养护'],
      [null, null, '项目资金（万元）', '全年预算数', '全年执行数', '执行率'],
      [null, null, '年度资金总额', 300, 288, 0.96],
      [null, null, '年度总体目标', '完成城区120万平方米绿化养护。'],
      undefined,
      [null, null, '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      [null, null, '产出指标', '数量指标', '养护面积', '≥120万平方米', '125万平方米', 100, 100],
      [null, null, '总分', null, null, null, null, 100, 100],
      [null, null, '自评等级', '优'],
      [null, null, null],
    ],
    // 优 is merged across D11:K11, two columns beyond the 得分 column I.
    [{ top: 10, left: 3, bottom: 10, right: 10 }],
  );
  const [m] = projects(s);
  // Top: 项目名称 (row 2), the first row of the grid that holds anything. Bottom: 自评等级 (row 10).
  // Left: column C (2); right: K (10), the merge's right edge.
  expect(m.range).toEqual({ top: 2, left: 2, bottom: 10, right: 10 });
  expect(m.funds.map((f) => [f.row, f.label])).toEqual([[4, '年度资金总额']]);
  expect(m.indicators.map((i) => [i.row, i.name])).toEqual([[8, '养护面积']]);
  expect(m.grade).toEqual(ref(10, 3, '优'));
});

test('an empty 自评得分 cell before the next label is the total cell; a 自评等级 at the end of its row takes the cell after it', () => {
  const s = sheet([
    ['项目支出绩效自评表（2023年度）'],
    ['项目名称', '农村公路养护'],
    ['自评得分', null, '财政审核评分', null],
    ['一级指标', '二级指标', '三级指标', '分值', '指标值', '全年实际值', '得分'],
    ['项目产出', '数量指标', '养护里程', 100, '≥300公里', '310公里', 100],
    ['自评等级'],
  ]);
  const [m] = projects(s);
  // B3 is empty and before 财政审核评分 (C3): it is where the total goes. The grade row ends at A6:
  // its cell is B6, empty.
  expect([m.total, m.grade]).toEqual([{ row: 2, score: ref(2, 1, null), identity: true }, ref(5, 1, null)]);
});

test('an indicator header over two rows from the sheet’s first row (no title) is one header', () => {
  const s = sheet(
    [
      ['绩效指标', null, null, '年度指标值', null, null, '实际完成值', '分值', '得分'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
      ['产出指标', '数量指标', '养护面积', '≥', 120, '万平方米', 125, 100, 100],
      ['总分', null, null, null, null, null, null, 100, 100],
    ],
    [
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 0, right: 5 },
      { top: 0, left: 6, bottom: 1, right: 6 },
      { top: 0, left: 7, bottom: 1, right: 7 },
      { top: 0, left: 8, bottom: 1, right: 8 },
    ],
  );
  expect(projects(s).map(({ sheet: _s, ...m }) => m)).toEqual([
    {
      kind: 'project',
      range: { top: 0, left: 0, bottom: 3, right: 8 },
      name: '',
      funds: [],
      tasks: [],
      indicatorHeader: { row: 1, col: 0, missing: [] },
      indicators: [
        {
          row: 2,
          level1: '产出指标',
          level2: '数量指标',
          name: '养护面积',
          level1Key: '2:0',
          operator: ref(2, 3, '≥'),
          target: ref(2, 4, 120),
          unit: ref(2, 5, '万平方米'),
          actual: ref(2, 6, 125),
          weight: ref(2, 7, 100),
          score: ref(2, 8, 100),
        },
      ],
      level1Weights: new Map(),
      groups: [],
      scoreExcludesDeduction: false,
      total: { row: 3, weight: ref(3, 7, 100), score: ref(3, 8, 100) },
    },
  ]);
});

test('a funds header of only 全年预算数 and 全年执行数, under an identity row with a number in it, is a header', () => {
  const s = sheet([
    ['项目支出绩效自评表'],
    ['项目名称', '城区绿化养护', '项目编号', 2023001],
    ['资金来源', '全年预算数', '全年执行数'],
    ['财政资金', 300, 288],
  ]);
  expect(projects(s).map((m) => [m.name, m.fundsHeader, m.funds.map((f) => [f.row, f.budget, f.executed])])).toEqual([
    ['城区绿化养护', { row: 2, col: 0, missing: [] }, [[3, ref(3, 1, 300), ref(3, 2, 288)]]],
  ]);
});

test('a funds header whose lower row has one header word (年初预算数 | 调整数 under 年度预算) is one header of both rows', () => {
  const s = sheet(
    [
      ['项目支出绩效自评表'],
      ['项目名称', '城区绿化养护'],
      ['资金来源', '年度预算', null, '全年执行数', '执行率'],
      [null, '年初预算数', '调整数'],
      ['财政资金', 300, 20, 307.2, 0.96],
    ],
    [
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 2, right: 2 },
      { top: 2, left: 3, bottom: 3, right: 3 },
      { top: 2, left: 4, bottom: 3, right: 4 },
    ],
  );
  const [m] = projects(s);
  // 307.2 ÷ (300 + 20) = 96%: the figures are a plain funds row under the combined header.
  expect([m.fundsHeader, m.funds]).toEqual([
    { row: 3, col: 1, missing: [] },
    [
      {
        row: 4,
        label: '财政资金',
        group: 'total',
        isTotal: true,
        initial: ref(4, 1, 300),
        executed: ref(4, 3, 307.2),
        rate: ref(4, 4, 0.96),
      },
    ],
  ]);
});
