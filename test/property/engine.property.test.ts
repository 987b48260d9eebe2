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
import { cloneGrid, consistentWorkbook, junkCell, junkSheet, runs } from './gen';
import { render } from '../../src/engine/messages/findings';

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

function serious(fs: Finding[]): string[] {
  return fs.filter((f) => f.severity !== 'info').map((f) => `${f.sheet}!${f.cell} ${f.code} ${render(f, 'zh')}`);
}

function errors(fs: Finding[]): string[] {
  return fs.filter((f) => f.severity === 'error').map((f) => `${f.sheet}!${f.cell} ${f.code} ${render(f, 'zh')}`);
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

describe('engine properties on generated tables', () => {
  test('a consistent table: no error or warning; the expected totals and grades; no value to write', () => {
    fc.assert(
      fc.property(consistentWorkbook, ({ grid, blocks }) => {
        const check = checkWorkbook(grid);
        expect(serious(check.findings)).toEqual([]);
        const projects = blocks.filter((b) => b.block.kind !== 'summary');
        const tables = check.tables.filter((t) => t.kind !== 'summary');
        expect(tables.map((t) => `${t.sheet}:${t.kind}:${t.name}`)).toEqual(
          projects.map((b) => `${b.sheet}:${b.block.kind}:${b.block.name}`),
        );
        tables.forEach((t, i) => {
          const b = projects[i].block;
          expect(t.total?.computed).toBe(b.total!.toFixed(2));
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
      fc.property(consistentWorkbook, ({ grid }) => {
        const before = cloneGrid(grid);
        const check = checkWorkbook(grid);
        expect(grid).toEqual(before);
        for (const f of check.findings) expect({ f, inside: insideSheet(grid, f) }).toMatchObject({ inside: true });
        const figures = figureCells(check.tables);
        for (const w of check.writes) expect(figures.has(`${w.sheet}!${a1(w.row, w.col)}`)).toBe(true);
      }),
      runs(100),
    );
  });

  test('derived cells perturbed: the fix plan repairs them, a second check is clean and plans nothing', () => {
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
    fc.assert(
      fc.property(consistentWorkbook, perturbation, ({ grid, blocks }, { picks, values }) => {
        const derived = blocks.flatMap((b) =>
          b.block.derived.map((d) => ({ ...d, sheet: b.sheet, row: d.row + b.origin.row, col: d.col + b.origin.col })),
        );
        const g = cloneGrid(grid);
        const touched: string[] = [];
        picks.forEach((p, i) => {
          const d = derived[p % derived.length];
          const s = g.sheets.find((x) => x.name === d.sheet)!;
          let v = values[i % values.length];
          // a grade cell takes a grade, a number cell a number
          if (d.what === 'grade') v = typeof v === 'string' && /[优良中差]/.test(v) ? v : '差';
          else if (typeof v === 'string' && /[优良中差]/.test(v)) v = 1;
          s.values[d.row][d.col] = v;
          if (s.formats?.[d.row]) s.formats[d.row][d.col] = undefined;
          touched.push(`${d.sheet}!${a1(d.row, d.col)}`);
        });
        const first = checkWorkbook(g);
        const plan = buildWritePlan(g, first, { lang: 'zh' });
        const fixed = applyValues(g, plan);
        // Only planned cells changed.
        const planned = new Set(plan.cells.filter((p) => p.value !== undefined).map((p) => `${p.sheet}!${p.cell}`));
        for (const c of valuesDiff(g, fixed)) expect(planned.has(c)).toBe(true);
        const second = checkWorkbook(fixed);
        expect({ touched, errors: errors(second.findings) }).toEqual({ touched, errors: [] });
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
        ({ grid }, edits) => {
          const g = cloneGrid(grid);
          for (const [r, c, v] of edits) {
            const s: Sheet = g.sheets[r % g.sheets.length];
            const row = s.values[r % s.values.length] ?? [];
            row[c % Math.max(1, row.length + 1)] = v;
          }
          const check = checkWorkbook(g);
          for (const f of check.findings) expect({ f, inside: insideSheet(g, f) }).toMatchObject({ inside: true });
          const plan = buildWritePlan(g, check, { lang: 'zh' });
          const fixed = applyValues(g, plan);
          checkWorkbook(fixed);
        },
      ),
      runs(200),
    );
  });
});
