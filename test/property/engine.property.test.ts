/**
 * Property-based tests of the engine on generated grids (test/property/gen.ts).
 * Fixed seed; SELFEVAL_FUZZ_RUNS=5000 (and SELFEVAL_FUZZ_SEED) for a longer hunt.
 */
import fc from 'fast-check';
import { a1, parseA1 } from '../../src/engine/address';
import { CellValue, Sheet, WorkbookGrid, colCount } from '../../src/engine/grid';
import { checkWorkbook } from '../../src/engine/check/workbook';
import { buildWritePlan, WritePlan } from '../../src/engine/plan';
import { Finding } from '../../src/engine/findings';
import { TableResult } from '../../src/engine/result';
import Decimal from 'decimal.js';
import { GeneratedWorkbook, cloneGrid, consistentWorkbook, junkCell, junkSheet, runs } from './gen';

function insideSheet(grid: WorkbookGrid, f: { sheet: string; cell: string }): boolean {
  const s = grid.sheets.find((x) => x.name === f.sheet);
  if (!s) return false;
  const { row, col } = parseA1(f.cell);
  const rows = Math.max(s.values.length, ...s.merges.map((m) => m.bottom + 1));
  const cols = Math.max(colCount(s), ...s.merges.map((m) => m.right + 1));
  // A1 is where NO_TABLE sits, even on an empty sheet.
  if (f.cell === 'A1') return true;
  return row >= 0 && col >= 0 && row < rows && col < cols;
}

/** Apply the plan's values (and number formats) to a copy of the grid, as a host would. */
function applyValues(grid: WorkbookGrid, plan: WritePlan): WorkbookGrid {
  const g = cloneGrid(grid);
  for (const p of plan.cells) {
    if (p.value === undefined) continue;
    const s = g.sheets.find((x) => x.name === p.sheet)!;
    while (s.values.length <= p.row) s.values.push([]);
    s.values[p.row][p.col] = p.value;
    if (p.numFmt) {
      s.formats ??= [];
      while (s.formats.length <= p.row) s.formats.push([]);
      (s.formats[p.row] ??= [])[p.col] = p.numFmt;
    }
  }
  return g;
}

/** Errors and warnings as `sheet!cell CODE`, sorted. */
function seriousCodes(fs: Finding[]): string[] {
  return fs
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.sheet}!${f.cell} ${f.code}`)
    .sort();
}

/** What the generated tables must raise, as `sheet!cell CODE`, sorted (severity taken from the engine's list). */
function expected(blocks: GeneratedWorkbook['blocks'], only?: (code: string) => boolean): string[] {
  return blocks
    .flatMap((b) => b.block.expect.map((e) => `${b.sheet}!${a1(e.row + b.origin.row, e.col + b.origin.col)} ${e.code}`))
    .filter((x) => !only || only(x.split(' ')[1]))
    .sort();
}

/** Every cell a table result names as a figure (rate, score, total, grade). */
function figureCells(tables: TableResult[]): Set<string> {
  const out = new Set<string>();
  const add = (sheet: string, x: { cell: string } | null | undefined) => x && out.add(`${sheet}!${x.cell}`);
  for (const t of tables) {
    for (const f of t.funds) {
      add(t.sheet, f.rate);
      add(t.sheet, f.score);
    }
    for (const i of t.indicators) add(t.sheet, i.score);
    add(t.sheet, t.total);
    add(t.sheet, t.grade);
    for (const r of t.rows) {
      add(t.sheet, r.rate);
      add(t.sheet, r.grade);
    }
    add(t.sheet, t.totalRow?.rate);
  }
  return out;
}

function valuesDiff(a: WorkbookGrid, b: WorkbookGrid): string[] {
  const out: string[] = [];
  a.sheets.forEach((s, i) => {
    const t = b.sheets[i];
    const rows = Math.max(s.values.length, t.values.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(s.values[r]?.length ?? 0, t.values[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const x = s.values[r]?.[c] ?? null;
        const y = t.values[r]?.[c] ?? null;
        if (x !== y) out.push(`${s.name}!${a1(r, c)}`);
      }
    }
  });
  return out;
}

/** Up to 4 derived cells (rate, score, total, grade) of a consistent workbook given other values. */
const perturbation = fc.record({
  picks: fc.array(fc.nat(1000), { minLength: 1, maxLength: 4 }),
  values: fc.array(
    fc.oneof(
      fc.constant<CellValue>(null),
      fc.integer({ min: 0, max: 100 }),
      fc.constantFrom<CellValue>('95.44%', '0', '7.7', '优', '差', '良好', '100'),
    ),
    { minLength: 4, maxLength: 4 },
  ),
});

interface Touched {
  what: string;
  value: string;
  before: CellValue;
  after: CellValue;
}

/** Apply a perturbation to a copy of the grid: each touched cell with the value it had and now has. */
function perturb(
  { grid, blocks }: GeneratedWorkbook,
  { picks, values }: { picks: number[]; values: CellValue[] },
): { g: WorkbookGrid; touched: string[]; cells: Map<string, Touched> } {
  const derived = blocks.flatMap((b) =>
    b.block.derived.map((d) => ({ ...d, sheet: b.sheet, row: d.row + b.origin.row, col: d.col + b.origin.col })),
  );
  const g = cloneGrid(grid);
  const touched: string[] = [];
  const cells = new Map<string, Touched>();
  picks.forEach((p, i) => {
    const d = derived[p % derived.length];
    const s = g.sheets.find((x) => x.name === d.sheet)!;
    let v = values[i % values.length];
    // a grade cell takes a grade, a number cell a number
    if (d.what === 'grade') v = typeof v === 'string' && /[优良中差]/.test(v) ? v : '差';
    else if (typeof v === 'string' && /[优良中差]/.test(v)) v = 1;
    const key = `${d.sheet}!${a1(d.row, d.col)}`;
    const before = cells.get(key)?.before ?? s.values[d.row][d.col];
    s.values[d.row][d.col] = v;
    if (s.formats?.[d.row]) s.formats[d.row][d.col] = undefined;
    touched.push(key);
    cells.set(key, { what: d.what, value: d.value, before, after: v });
  });
  return { g, touched, cells };
}

/**
 * Does a cell's new content say what the rules compute? A grade names the same grade; a number (text with
 * % is a percentage) equals the computed value — for a rate, a bare number as a fraction or as a percentage.
 */
function saysComputed(c: Touched): boolean {
  if (c.what === 'grade') return typeof c.after === 'string' && c.after.trim().charAt(0) === c.value;
  if (c.after === null || c.after === '') return false;
  const text = String(c.after).trim();
  const percent = text.endsWith('%');
  const n = Number(percent ? text.slice(0, -1) : text);
  if (!Number.isFinite(n)) return false;
  const x = new Decimal(n);
  const want = new Decimal(c.value);
  if (c.what !== 'rate') return !percent && x.eq(want);
  return percent || typeof c.after !== 'number' ? x.eq(want) : x.eq(want) || x.times(100).eq(want);
}

describe('engine properties on generated tables', () => {
  test('a consistent table: no error or warning; the expected totals and grades; no value to write', () => {
    fc.assert(
      fc.property(consistentWorkbook, ({ grid, blocks, settings }) => {
        const check = checkWorkbook(grid, settings);
        // Exactly the findings the tables were built to raise (low execution, overspending, budget 0,
        // over-achievement), on their cells — and nothing else.
        expect(seriousCodes(check.findings)).toEqual(expected(blocks));
        const projects = blocks.filter((b) => b.block.kind !== 'summary');
        const tables = check.tables.filter((t) => t.kind !== 'summary');
        expect(tables.map((t) => `${t.sheet}:${t.kind}:${t.name}`)).toEqual(
          projects.map((b) => `${b.sheet}:${b.block.kind}:${b.block.name}`),
        );
        const sd = settings.scoreDecimals;
        tables.forEach((t, i) => {
          const b = projects[i].block;
          expect(t.total?.computed).toBe(b.total!.toDecimalPlaces(sd, Decimal.ROUND_HALF_UP).toFixed(sd));
          expect(t.grade?.computed).toBe(b.grade);
        });
        expect(check.tables.filter((t) => t.kind === 'summary')).toHaveLength(
          blocks.filter((b) => b.block.kind === 'summary').length,
        );
        // Nothing to correct: no grade to rewrite (number writes only restate a 1-decimal score).
        expect(check.writes.filter((w) => typeof w.value === 'string')).toEqual([]);
      }),
      runs(150),
    );
  });

  test('findings point inside the sheet; the input grid is not changed; writes only go to figure cells', () => {
    fc.assert(
      fc.property(consistentWorkbook, ({ grid, settings }) => {
        const before = cloneGrid(grid);
        const check = checkWorkbook(grid, settings);
        expect(grid).toEqual(before);
        for (const f of check.findings) expect({ f, inside: insideSheet(grid, f) }).toMatchObject({ inside: true });
        const figures = figureCells(check.tables);
        for (const w of check.writes) expect(figures.has(`${w.sheet}!${a1(w.row, w.col)}`)).toBe(true);
      }),
      runs(100),
    );
  });

  test('derived cells perturbed: the fix plan repairs them, a second check is clean and plans nothing', () => {
    fc.assert(
      fc.property(consistentWorkbook, perturbation, (wb, change) => {
        const { blocks, settings } = wb;
        const { g, touched } = perturb(wb, change);
        const first = checkWorkbook(g, settings);
        const plan = buildWritePlan(g, first, { lang: 'zh' });
        const fixed = applyValues(g, plan);
        // Only planned cells changed.
        const planned = new Set(plan.cells.filter((p) => p.value !== undefined).map((p) => `${p.sheet}!${p.cell}`));
        for (const c of valuesDiff(g, fixed)) expect(planned.has(c)).toBe(true);
        const second = checkWorkbook(fixed, settings);
        // Left: only the errors the table was built with (money spent against a budget of 0 is not ours to fix).
        const left = second.findings.filter((f) => f.severity === 'error').map((f) => `${f.sheet}!${f.cell} ${f.code}`);
        expect({ touched, errors: left.sort() }).toEqual({
          touched,
          errors: expected(blocks, (c) => c === 'BUDGET_ZERO'),
        });
        // Idempotent: the repaired workbook needs no further value.
        const again = buildWritePlan(fixed, second, { lang: 'zh' });
        const changes = again.cells.filter(
          (p) =>
            p.value !== undefined && p.value !== fixed.sheets.find((s) => s.name === p.sheet)!.values[p.row][p.col],
        );
        expect(changes.map((p) => `${p.sheet}!${p.cell}=${String(p.value)}`)).toEqual([]);
      }),
      runs(150),
    );
  });

  test('detection: every perturbed cell that no longer says its computed value gets a finding or a planned write', () => {
    fc.assert(
      fc.property(consistentWorkbook, perturbation, (wb, change) => {
        const { g, cells } = perturb(wb, change);
        const first = checkWorkbook(g, wb.settings);
        const plan = buildWritePlan(g, first, { lang: 'zh' });
        const flagged = new Set(first.findings.map((f) => `${f.sheet}!${f.cell}`));
        const written = new Set(plan.cells.filter((p) => p.value !== undefined).map((p) => `${p.sheet}!${p.cell}`));
        const damaged = [...cells].filter(([, c]) => !saysComputed(c));
        const missed = damaged
          .filter(([key]) => !flagged.has(key) && !written.has(key))
          .map(([key, c]) => `${key} ${c.what}: ${String(c.before)} → ${String(c.after)} (computed ${c.value})`);
        expect(missed).toEqual([]);
      }),
      runs(150),
    );
  });

  test('never throws on junk grids; every finding sits inside its sheet', () => {
    fc.assert(
      fc.property(fc.array(junkSheet, { minLength: 1, maxLength: 3 }), (sheets) => {
        const grid: WorkbookGrid = { sheets: sheets.map((s, i) => ({ ...s, name: `J${i}` })) };
        const check = checkWorkbook(grid);
        for (const f of check.findings) expect({ f, inside: insideSheet(grid, f) }).toMatchObject({ inside: true });
        buildWritePlan(grid, check, { lang: 'zh' });
      }),
      runs(300),
    );
  });

  test('never throws when cells of real tables are replaced by junk', () => {
    fc.assert(
      fc.property(
        consistentWorkbook,
        fc.array(fc.tuple(fc.nat(10000), fc.nat(100), junkCell), { minLength: 1, maxLength: 8 }),
        ({ grid, settings }, edits) => {
          const g = cloneGrid(grid);
          for (const [r, c, v] of edits) {
            const s: Sheet = g.sheets[r % g.sheets.length];
            const row = s.values[r % s.values.length] ?? [];
            row[c % Math.max(1, row.length + 1)] = v;
          }
          const check = checkWorkbook(g, settings);
          for (const f of check.findings) expect({ f, inside: insideSheet(g, f) }).toMatchObject({ inside: true });
          const plan = buildWritePlan(g, check, { lang: 'zh' });
          const fixed = applyValues(g, plan);
          checkWorkbook(fixed, settings);
        },
      ),
      runs(200),
    );
  });
});

describe('the generator reaches the cases that matter', () => {
  test('over the fixed-seed sample: low execution, overspending, budget 0, over-achievement, bounds, settings', () => {
    const sample = fc.sample(consistentWorkbook, { numRuns: 150, seed: runs(150).seed });
    const codes = new Map<string, number>();
    let onBound = 0;
    let reasonGiven = 0;
    let capped = 0;
    const presets = new Set<string>();
    const bounds = new Set<string>();
    for (const wb of sample) {
      presets.add(`${wb.settings.preset}/${wb.settings.scoreDecimals}/${wb.settings.deductOverachievement}`);
      bounds.add(JSON.stringify(wb.settings.gradeBounds));
      const b = wb.settings.gradeBounds;
      const edges = [b.excellent, b.good, b.pass].map((x) => new Decimal(x));
      for (const { block } of wb.blocks) {
        for (const e of block.expect) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
        if (block.total && edges.some((x) => x.eq(block.total!))) onBound++;
        if (block.total && wb.settings.preset === 'yitihua' && [89, 79, 69, 59].some((x) => block.total!.eq(x)))
          capped++;
        if (block.rows.some((r) => r.includes('年底集中支付，部分资金结转'))) reasonGiven++;
      }
    }
    // Each case appears several times in the sample the properties run on.
    for (const code of ['LOW_EXECUTION', 'OVERSPENT', 'BUDGET_ZERO', 'OVERACHIEVED']) {
      expect([code, (codes.get(code) ?? 0) >= 5]).toEqual([code, true]);
    }
    expect(onBound).toBeGreaterThanOrEqual(5);
    expect(capped).toBeGreaterThanOrEqual(3);
    expect(reasonGiven).toBeGreaterThanOrEqual(5);
    expect(presets.size).toBeGreaterThanOrEqual(6);
    expect(bounds.size).toBe(3);
  });
});
