/**
 * Reading a summary table (locate/tables.ts readSummary): its name from the 汇总 title, the project-name
 * column, heading rows with and without their category's sums, 小计 and 合计 rows, rows without a name, and
 * the rows that end it (a note, the next title). Hand-built grids; the located models are asserted whole.
 */
import { CellValue, Sheet } from '../../src/engine/grid';
import { locateTables } from '../../src/engine/locate/tables';
import { CellRef, SummaryModel, TableModel } from '../../src/engine/model';

type Row = (CellValue | undefined)[];

/** Rows as a host gives them; `undefined` stays a hole (a cell the host never filled). */
function sheet(rows: Row[], merges: Sheet['merges'] = []): Sheet {
  const values = rows.map((r) => {
    const out: CellValue[] = [];
    r.forEach((v, c) => {
      if (v !== undefined) out[c] = v;
    });
    out.length = r.length;
    return out;
  });
  return { name: '汇总', values, merges };
}

function ref(row: number, col: number, value: CellValue): CellRef {
  return { row, col, value, fmt: null };
}

function summaries(s: Sheet): Omit<SummaryModel, 'sheet'>[] {
  return locateTables(s)
    .filter((t): t is SummaryModel => t.kind === 'summary')
    .map(({ sheet: _sheet, ...m }) => m);
}

const kinds = (s: Sheet) => locateTables(s).map((t: TableModel) => t.kind);

test('headings with and without sums, a 小计 with the category beside it, a 合计 with its count, a code column before the names', () => {
  const s = sheet(
    [
      ['2023年度部门项目支出绩效自评结果汇总表'],
      [
        '序号',
        '项目（代码）',
        '项目名称',
        '全年预算数（万元）',
        '全年执行数（万元）',
        '预算执行率',
        '自评得分',
        '备注',
      ],
      ['一、常年性项目', null, null, 150, 143, '95.33%'],
      [1, 2023001, '机关运行保障', 100, 98, '98.00%', 96],
      [2, 2023002, '大小计量器具检定经费', 50, 45, '90.00%', 91],
      ['二、一次性项目'],
      [3, 2023003, '（一）办公设备购置', 30, 30, '100.00%', 95],
      [4, 2023004, '专项调查', 80, 60, '75.00%', 78, '不计入小计'],
      [5, 2023005, '课题研究'],
      ['小计', null, '一次性项目', 110, 90, '81.82%'],
      ['合计', null, '共5个项目', 260, 233, '89.62%'],
    ],
    [{ top: 0, left: 0, bottom: 0, right: 7 }],
  );
  /** A row's cells: 全年预算数 D, 全年执行数 E, 预算执行率 F, 自评得分 G, 备注 H (no grade column). */
  const cells = (
    r: number,
    b: CellValue,
    e: CellValue,
    rate: CellValue,
    score: CellValue,
    remark: CellValue = null,
  ) => ({
    budget: ref(r, 3, b),
    executed: ref(r, 4, e),
    rate: ref(r, 5, rate),
    score: ref(r, 6, score),
    remark: ref(r, 7, remark),
  });
  expect(summaries(s)).toEqual([
    {
      kind: 'summary',
      range: { top: 0, left: 0, bottom: 10, right: 7 },
      name: '2023年度部门项目支出绩效自评结果汇总表',
      header: { row: 1, col: 0, missing: [] },
      // The names are read from 项目名称 (C), not from 项目（代码） (B), though both are name words.
      // `大小计量器具…` has 小计 inside it, not at its end; `（一）办公设备购置` has a 序号, so it is a project;
      // 课题研究 has no figures yet and is still a project; 不计入小计 right of the amounts is a remark.
      rows: [
        { row: 3, name: '机关运行保障', ...cells(3, 100, 98, '98.00%', 96) },
        { row: 4, name: '大小计量器具检定经费', ...cells(4, 50, 45, '90.00%', 91) },
        { row: 6, name: '（一）办公设备购置', ...cells(6, 30, 30, '100.00%', 95) },
        { row: 7, name: '专项调查', ...cells(7, 80, 60, '75.00%', 78, '不计入小计') },
        { row: 8, name: '课题研究', ...cells(8, null, null, null, null) },
      ],
      // 一、常年性项目 carries its sums (150 = 100 + 50) over rows[0..2); the 小计 sums rows[2..5)
      // (30 + 80 = 110 and 30 + 60 = 90; 课题研究 has none).
      subtotals: [
        { row: { row: 2, name: '一、常年性项目', ...cells(2, 150, 143, '95.33%', null) }, from: 0, to: 2 },
        { row: { row: 9, name: '小计', ...cells(9, 110, 90, '81.82%', null) }, from: 2, to: 5 },
      ],
      totalRow: { row: 10, name: '合计', ...cells(10, 260, 233, '89.62%', null) },
    },
  ]);
});

test('no 序号 column: a row named like a title just under the header is a project; the next title ends the table', () => {
  const s = sheet([
    ['项目支出绩效自评表（一）'],
    ['项目名称', '全年预算数', '全年执行数', '执行率', '自评得分', '备注'],
    ['绩效评价表格印制费 ', 12, 12, 1, 100],
    [' 机关运行保障', 100, 98, 0.98, 96],
    [null, 50, 45, 0.9, 91, '资金未到位'],
    [undefined, 30, 24, 0.8, 85, '二、三季度资金未到位'],
    [],
    ['项目支出绩效自评表（二）'],
    ['项目名称', '全年预算数', '全年执行数', '执行率', '自评得分'],
    ['课题研究', 20, 20, 1, 88],
  ]);
  const row = (r: number, name: string, v: CellValue[], remark: CellValue = null) => ({
    row: r,
    name,
    budget: ref(r, 1, v[0]),
    executed: ref(r, 2, v[1]),
    rate: ref(r, 3, v[2]),
    score: ref(r, 4, v[3]),
    remark: ref(r, 5, remark),
  });
  const [first, second] = summaries(s);
  // Names trimmed; a row with figures but no name (an empty cell, or none at all) is a row named "".
  // A remark that starts like a heading (二、) is no heading: it is right of the amounts.
  expect(first).toEqual({
    kind: 'summary',
    range: { top: 0, left: 0, bottom: 5, right: 5 },
    name: '',
    header: { row: 1, col: 0, missing: [] },
    rows: [
      row(2, '绩效评价表格印制费', [12, 12, 1, 100]),
      row(3, '机关运行保障', [100, 98, 0.98, 96]),
      row(4, '', [50, 45, 0.9, 91], '资金未到位'),
      row(5, '', [30, 24, 0.8, 85], '二、三季度资金未到位'),
    ],
    subtotals: [],
  });
  expect(second).toEqual({
    kind: 'summary',
    range: { top: 7, left: 0, bottom: 9, right: 4 },
    name: '',
    header: { row: 8, col: 0, missing: [] },
    rows: [
      {
        row: 9,
        name: '课题研究',
        budget: ref(9, 1, 20),
        executed: ref(9, 2, 20),
        rate: ref(9, 3, 1),
        score: ref(9, 4, 88),
      },
    ],
    subtotals: [],
  });
});

test('a summary without a rate column reports 预算执行率 missing', () => {
  const s = sheet([
    ['项目支出绩效自评结果汇总表'],
    ['序号', '项目名称', '全年预算数', '全年执行数', '自评得分'],
    [1, '机关运行保障', 100, 98, 96],
  ]);
  expect(summaries(s)).toEqual([
    {
      kind: 'summary',
      range: { top: 0, left: 0, bottom: 2, right: 4 },
      name: '项目支出绩效自评结果汇总表',
      header: { row: 1, col: 0, missing: ['预算执行率'] },
      rows: [{ row: 2, name: '机关运行保障', budget: ref(2, 2, 100), executed: ref(2, 3, 98), score: ref(2, 4, 96) }],
      subtotals: [],
    },
  ]);
});

describe('rows that end a summary, or do not', () => {
  const title = '2023年度项目支出绩效自评结果汇总表';
  const header = ['序号', '项目名称', '全年预算数', '全年执行数', '预算执行率', '自评得分', '备注'];

  test('a numbered row left empty is skipped: the 合计 below it is still the total', () => {
    const s = sheet([
      [title],
      header,
      [1, '机关运行保障', 100, 98, '98.00%', 96],
      [2],
      ['合计', null, 100, 98, '98.00%'],
    ]);
    const [m] = summaries(s);
    expect([m.rows.map((r) => r.name), m.totalRow?.row, m.range]).toEqual([
      ['机关运行保障'],
      4,
      { top: 0, left: 0, bottom: 4, right: 6 },
    ]);
  });

  test('a note under the projects ends the table: the project after it is not read', () => {
    const s = sheet([
      [title],
      header,
      [1, '机关运行保障', 100, 98, '98.00%', 96],
      ['注：以下为上年结转项目'],
      [2, '上年结转项目', 20, 18, '90.00%', 90],
    ]);
    const [m] = summaries(s);
    expect([m.rows.map((r) => r.name), m.totalRow, m.range]).toEqual([
      ['机关运行保障'],
      undefined,
      { top: 0, left: 0, bottom: 2, right: 6 },
    ]);
  });

  test('a note in the 备注 column that starts like a heading （1） ends the table, not a heading', () => {
    const s = sheet([
      [title],
      header,
      [1, '机关运行保障', 100, 98, '98.00%', 96],
      [null, null, null, null, null, null, '（1）金额单位：万元'],
    ]);
    const [m] = summaries(s);
    expect([m.rows.map((r) => r.name), m.subtotals, m.range]).toEqual([
      ['机关运行保障'],
      [],
      { top: 0, left: 0, bottom: 2, right: 6 },
    ]);
  });

  test('amounts written as words are a row of their own, not a heading or a 小计', () => {
    // No 序号 and no name: the first text is in 全年预算数 (C). It starts like a heading with sums （二）
    // and ends like a 小计; it is neither, being an amount cell.
    const s = sheet([
      [title],
      header,
      [1, '机关运行保障', 100, 98, '98.00%', 96],
      [null, null, '（二）项下列支小计', 20, null, 90],
      ['合计', null, 100, 98, '98.00%'],
    ]);
    const [m] = summaries(s);
    expect([m.rows.map((r) => [r.row, r.name]), m.subtotals, m.totalRow?.row]).toEqual([
      [
        [2, '机关运行保障'],
        [3, ''],
      ],
      [],
      4,
    ]);
  });
});

test('a header cell that mentions 汇总 does not rename the table; the title above does', () => {
  const s = sheet([
    ['某区教育局项目支出绩效自评结果汇总表'],
    ['序号', '项目名称', '全年预算数', '全年执行数', '预算执行率', '自评得分', '备注（汇总说明）'],
    [1, '机关运行保障', 100, 98, '98.00%', 96],
  ]);
  expect(summaries(s).map((m) => m.name)).toEqual(['某区教育局项目支出绩效自评结果汇总表']);
});

test('a project table followed by a summary whose first project is named like a title: the project stops at the summary title', () => {
  const s = sheet([
    ['项目支出绩效自评表'],
    ['项目名称', '绩效资料印制'],
    ['项目资金（万元）', '全年预算数', '全年执行数', '执行率'],
    ['年度资金总额', 12, 12, 1],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '印制份数', '≥5000份', '5200份', 100, 100],
    ['总分', null, null, null, null, 100, 100],
    [],
    ['项目支出绩效自评结果汇总表'],
    ['项目名称', '全年预算数', '全年执行数', '执行率', '自评得分'],
    ['绩效评价表格印制', 12, 12, 1, 100],
  ]);
  expect(kinds(s)).toEqual(['project', 'summary']);
  expect(locateTables(s).map((t) => [t.name, t.range])).toEqual([
    ['绩效资料印制', { top: 0, left: 0, bottom: 6, right: 6 }],
    ['项目支出绩效自评结果汇总表', { top: 8, left: 0, bottom: 10, right: 4 }],
  ]);
});

test('a summary under a cover line (附件2) and no title starts at its header', () => {
  const s = sheet([
    ['附件2'],
    ['序号', '项目名称', '全年预算数', '全年执行数', '预算执行率'],
    [1, '机关运行保障', 100, 98, '98.00%'],
  ]);
  expect(summaries(s).map((m) => m.range)).toEqual([{ top: 1, left: 0, bottom: 2, right: 4 }]);
});

test('a summary under an identity row (部门名称) and no title starts at that row', () => {
  const s = sheet([
    ['附件2'],
    ['部门名称：某区交通运输局'],
    ['序号', '项目名称', '全年预算数', '全年执行数', '预算执行率'],
    [1, '乡道维修', 50, 50, '100.00%'],
  ]);
  expect(summaries(s).map((m) => m.range)).toEqual([{ top: 1, left: 0, bottom: 3, right: 4 }]);
});
