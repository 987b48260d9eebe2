/**
 * Property tests of the engine on tables in the provincial and system layouts (gen-layouts.ts):
 * never throws, a consistent table gives no error or warning and the expected total, a second plan
 * changes nothing. Fixed seed; SELFEVAL_FUZZ_RUNS / SELFEVAL_FUZZ_SEED for a longer hunt.
 */
import fc from 'fast-check';
import { parseA1 } from '../../src/engine/address';
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Finding } from '../../src/engine/findings';
import { CellValue, WorkbookGrid } from '../../src/engine/grid';
import { buildWritePlan } from '../../src/engine/plan';
import { render } from '../../src/engine/messages/findings';
import { cloneGrid, junkCell, runs } from './gen';
import { buildLayout, layoutSpec } from './gen-layouts';

const serious = (fs: Finding[]) =>
  fs.filter((f) => f.severity !== 'info').map((f) => `${f.cell} ${f.code} ${render(f, 'zh')}`);

/** The plan's values written into a copy of the grid, as a host would. */
function applyPlan(grid: WorkbookGrid): WorkbookGrid {
  const g = cloneGrid(grid);
  const plan = buildWritePlan(g, checkWorkbook(g), { lang: 'zh' });
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

describe('provincial layouts: properties on generated tables', () => {
  test('a consistent table in any layout: one table of the right kind, no error or warning, the expected total', () => {
    fc.assert(
      fc.property(layoutSpec, (spec) => {
        const built = buildLayout(spec);
        const c = checkWorkbook({ sheets: [built.sheet] });
        expect(serious(c.findings)).toEqual([]);
        expect(c.tables.map((t) => t.kind)).toEqual([built.kind]);
        expect(c.tables[0].total?.computed).toBe(built.total.toFixed(2));
        // Nothing a person typed needs changing: no grade to rewrite.
        expect(c.writes.filter((w) => typeof w.value === 'string')).toEqual([]);
      }),
      runs(200),
    );
  });

  test('a second plan changes nothing', () => {
    fc.assert(
      fc.property(layoutSpec, fc.nat(1000), fc.integer({ min: 0, max: 100 }), (spec, pick, v) => {
        const built = buildLayout(spec);
        // Damage one numeric cell (a score, a rate, a total…), then fix twice.
        const g: WorkbookGrid = { sheets: [built.sheet] };
        const nums: [number, number][] = [];
        built.sheet.values.forEach((row, r) =>
          row.forEach((x, c) => {
            if (typeof x === 'number') nums.push([r, c]);
          }),
        );
        const [r, c] = nums[pick % nums.length];
        g.sheets[0].values[r][c] = v;
        const once = applyPlan(g);
        const twice = applyPlan(once);
        expect(twice).toEqual(once);
      }),
      runs(150),
    );
  });

  test('never throws when cells of these tables are replaced by junk; findings sit inside the sheet', () => {
    fc.assert(
      fc.property(
        layoutSpec,
        fc.array(fc.tuple(fc.nat(1000), fc.nat(100), junkCell), { minLength: 1, maxLength: 8 }),
        (spec, edits) => {
          const s = buildLayout(spec).sheet;
          for (const [r, c, v] of edits) {
            const row = s.values[r % s.values.length];
            row[c % Math.max(1, row.length + 1)] = v as CellValue;
          }
          const grid = { sheets: [s] };
          const c = checkWorkbook(grid);
          const rows = s.values.length;
          const cols = Math.max(...s.values.map((x) => x.length), ...s.merges.map((m) => m.right + 1));
          for (const f of c.findings) {
            const at = parseA1(f.cell);
            expect({ f: f.cell, inside: at.row < Math.max(rows, 1) && at.col < Math.max(cols, 1) }).toMatchObject({
              inside: true,
            });
          }
          applyPlan(grid);
        },
      ),
      runs(200),
    );
  });
});
