/** Locating tables by header words: offsets, several per sheet, blank rows, department and 35-row summaries. */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { locateTables } from '../../src/engine/locate/tables';
import { ProjectModel } from '../../src/engine/model';
import {
  SheetBuilder,
  SummaryRow,
  centralClean,
  centralProject,
  grid,
  sichuanExample,
  sichuanProject,
  summaryTable,
} from '../helpers/tables';
import { serious } from '../helpers/findings';
import { render } from '../../src/engine/messages/findings';

test('a table at an offset (row 4, column C) is found and its cells are named where they are', () => {
  const b = new SheetBuilder();
  b.row(0, 0, ['附表1']);
  sichuanProject(b, { ...sichuanExample(), top: 3, left: 2 });
  const c = checkWorkbook(grid(b.sheet('附表')));
  expect(c.tables).toHaveLength(1);
  expect(c.tables[0].range).toBe('C4:M30');
  // The example's findings, shifted by 3 rows and 2 columns.
  expect(serious(c.findings)).toEqual([
    'ACTUAL_MISSING@J18',
    'ACTUAL_MISSING@J19',
    'ACTUAL_MISSING@J20',
    'OVERACHIEVED@J14',
  ]);
  expect(c.tables[0].total).toMatchObject({ cell: 'L28', computed: '97.68' });
});

test('two tables on one sheet are two tables, each with its own name, range and findings', () => {
  const b = new SheetBuilder();
  const next = sichuanProject(b, sichuanExample());
  const second = sichuanExample();
  second.name = '2023招商小分队经费';
  second.indicators[1][8] = 9; // should be 7.68
  second.total = [100, 99];
  sichuanProject(b, { ...second, top: next + 2 });
  const c = checkWorkbook(grid(b.sheet('项目表')));
  expect(c.tables.map((t) => [t.name, t.range])).toEqual([
    ['51090423T000008717642-2023招商引资', 'A1:K27'],
    ['2023招商小分队经费', 'A30:K56'],
  ]);
  expect(c.tables.map((t) => t.total?.computed)).toEqual(['97.68', '97.68']);
  // Each table has the example's three missing actuals and its over-achievement; only the second its bad score.
  expect(serious(c.findings)).toEqual([
    'ACTUAL_MISSING@H15',
    'ACTUAL_MISSING@H16',
    'ACTUAL_MISSING@H17',
    'ACTUAL_MISSING@H44',
    'ACTUAL_MISSING@H45',
    'ACTUAL_MISSING@H46',
    'OVERACHIEVED@H11',
    'OVERACHIEVED@H40',
    'SCORE_MISMATCH@J41',
    'TOTAL_MISMATCH@J54',
  ]);
});

test('blank rows inside the indicator block are skipped; merged level-1/level-2 cells continue downwards', () => {
  const b = new SheetBuilder();
  sichuanProject(b, { ...sichuanExample(), blankAfter: [0, 5] });
  const [m] = locateTables(b.sheet('s')) as ProjectModel[];
  expect(m.indicators).toHaveLength(14);
  const byName = Object.fromEntries(m.indicators.map((i) => [i.name, i]));
  expect([byName['协议金额'].level1, byName['协议金额'].level2]).toEqual(['产出指标', '数量指标']);
  expect([byName['完成税收'].level1, byName['完成税收'].level2]).toEqual(['效益指标', '经济效益指标']);
  expect([byName['资料印制费'].level1, byName['资料印制费'].level2]).toEqual(['成本指标', '经济成本指标']);
  const c = checkWorkbook(grid(b.sheet('s')));
  expect(c.tables[0].total?.computed).toBe('97.68');
});

test('a department table splits the total twice; each split must add up on its own', () => {
  const b = new SheetBuilder();
  const spec = centralClean();
  spec.title = '部门整体支出绩效自评表';
  spec.identityLabel = '部门（单位）名称';
  spec.name = '某区经济合作局';
  spec.funds = [
    ['年度资金总额', 700, 702.98, 702.98, 10, 1, 10],
    ['按收入性质分：财政拨款', 700, 702.98, 702.98, '—', 1, '—'],
    ['其他资金', 0, 0, 0, '—', null, '—'],
    ['按支出性质分：基本支出', 350, 353.2, 353.2, '—', 1, '—'],
    ['项目支出', 350, 339.78, 339.78, '—', 1, '—'],
  ];
  spec.total = [100, 100];
  centralProject(b, spec);
  const c = checkWorkbook(grid(b.sheet('部门整体')));
  expect(c.tables[0].kind).toBe('department');
  expect(c.tables[0].name).toBe('某区经济合作局');
  // 353.2 + 339.78 = 692.98 ≠ 702.98; the income split agrees.
  expect(serious(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D6', 'FUNDS_SUBTOTAL_MISMATCH@E6']);
  expect(render(c.findings[0], 'zh')).toContain('692.98');
});

test('a 35-row summary: every rate recomputed, grades counted, the 合计 row checked', () => {
  const rows: SummaryRow[] = [];
  let budget = 0;
  let executed = 0;
  for (let i = 1; i <= 35; i++) {
    const bgt = 10 * i;
    const exe = i % 7 === 0 ? 4 * i : 10 * i - i / 10;
    budget += bgt;
    executed += exe;
    const score = i === 35 ? 55 : i % 7 === 0 ? 78 : 92;
    rows.push([
      i,
      `项目${i}`,
      bgt,
      Number(exe.toFixed(2)),
      Number((exe / bgt).toFixed(4)),
      score,
      score >= 90 ? '优' : score >= 80 ? '良' : score >= 60 ? '中' : '差',
      i % 7 === 0 ? '疫情影响' : null,
    ]);
  }
  const b = new SheetBuilder();
  summaryTable(b, {
    top: 2,
    left: 1,
    rows,
    total: [budget, Number(executed.toFixed(2)), Number((executed / budget).toFixed(4))],
  });
  const c = checkWorkbook(grid(b.sheet('汇总')));
  const t = c.tables[0];
  expect(t.kind).toBe('summary');
  expect(t.rows).toHaveLength(35);
  expect(t.rows[0].rate?.computed).toBe('99.00');
  expect(t.rows[6].rate?.computed).toBe('40.00');
  expect(t.gradeCounts).toEqual({ 优: 30, 良: 0, 中: 4, 差: 1 });
  // The rows under 90% carry a remark, so the only finding is none at all.
  expect(serious(c.findings)).toEqual([]);
  // 合计: budget 10 × (1 + … + 35) = 6300; executed 4 × (7 + 14 + … + 35) + 9.9 × (630 − 105) = 420 + 5197.5
  // = 5617.5; 5617.5 ÷ 6300 = 89.1666…% → 89.17% (the 合计 row is not flagged LOW_EXECUTION).
  expect(t.totalRow?.budget).toBe('6300.00');
  expect(t.totalRow?.executed).toBe('5617.50');
  expect(t.totalRow?.rate?.computed).toBe('89.17');
});

test('a sheet without any table header is not a table', () => {
  const b = new SheetBuilder();
  b.row(0, 0, ['项目名称', '兰洽会经费']);
  b.row(1, 0, ['预算数', 100]);
  expect(locateTables(b.sheet('杂项'))).toEqual([]);
});

test('a funds header spread over two rows (年度预算数 above 年初预算 | 调整后预算数) is still one header', () => {
  const b = new SheetBuilder();
  sichuanProject(b, sichuanExample());
  const s = b.sheet('两行表头');
  // Move 年初预算/调整后预算数 to a second header row under a merged 年度预算数（万元）.
  const hdr = s.values[3];
  s.values.splice(4, 0, [null, null, null, '年初预算', '调整后预算数']);
  s.formats!.splice(4, 0, []);
  hdr[3] = '年度预算数（万元）';
  hdr[4] = null;
  hdr[1] = null;
  s.merges = s.merges.map((m) => (m.top > 3 ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m));
  const c = checkWorkbook(grid(s));
  expect(c.tables[0].funds[0].rate).toEqual({ cell: 'G6', computed: '100.00', reported: '100.00' });
  expect(c.tables[0].total?.computed).toBe('97.68');
  expect(serious(c.findings)).toEqual([
    'ACTUAL_MISSING@H16',
    'ACTUAL_MISSING@H17',
    'ACTUAL_MISSING@H18',
    'OVERACHIEVED@H12',
  ]);
});

test('a summary’s 小计 rows are not projects: not graded, not counted in the 合计', () => {
  const b = new SheetBuilder();
  summaryTable(b, {
    rows: [
      [1, '兰洽会经费', 584.48, 557.82, 0.9544, 95, '优'],
      ['小计', '', 584.48, 557.82, 0.9544, null, null],
      [2, '一事一议奖励金', 11855.92, 11855.92, 1, 100, '优'],
    ],
    total: [12440.4, 12413.74, 0.9979],
  });
  const c = checkWorkbook(grid(b.sheet('汇总')));
  expect(c.tables[0].rows.map((r) => r.name)).toEqual(['兰洽会经费', '一事一议奖励金']);
  expect(c.tables[0].gradeCounts).toEqual({ 优: 2, 良: 0, 中: 0, 差: 0 });
  expect(serious(c.findings)).toEqual([]);
});
