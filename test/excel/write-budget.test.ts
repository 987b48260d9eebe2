/**
 * A write larger than the request budget (budget.ts) goes in several syncs, each within the budget,
 * and leaves the workbook exactly as one sync would; undo likewise; a failure in a later sync rolls
 * back what the earlier ones wrote. The budget is set small here (`writeBudgetBytes`) so a few copies
 * of the Sichuan table need several syncs; `npm run bench:excel` shows the real budget's case
 * (a 10,000-row summary with every row wrong).
 */
import { promises as fs } from 'fs';
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Sheet } from '../../src/engine/grid';
import { resolveSettings } from '../../src/engine/settings';
import { HostError, LEDGER_SHEET, createExcelHost } from '../../src/excel';
import { ACTION_BYTES, jsonBytes } from '../../src/excel/budget';
import { CellOp, cellOpBytes, packSteps } from '../../src/excel/write';
import { gridFromWorkbook, loadWorkbook } from '../../src/file/read';
import { FakeExcel, createFakeExcel } from './fake-excel';

const settings = resolveSettings();
const BUDGET = 16 * 1024;

async function workbook(n: number): Promise<Sheet[]> {
  const wb = await loadWorkbook(await fs.readFile(`${__dirname}/../fixtures/sichuan-project-2023.xlsx`));
  const [sheet] = gridFromWorkbook(wb).sheets;
  return Array.from({ length: n }, (_, i) => ({ ...structuredClone(sheet), name: `自评表${i + 1}` }));
}

/** Every sheet's non-empty cells (the hidden undo sheet included). */
function state(fake: FakeExcel): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of fake.sheetNames()) {
    const cells: Record<string, unknown> = {};
    for (const [addr, c] of fake.sheet(name).sortedCells()) {
      if (c.value === null && c.numFmt === null && c.fill === null && c.note === null && !c.hyperlink) continue;
      cells[addr] = { ...c };
    }
    out[name] = cells;
  }
  return out;
}

test('packSteps: in order, each batch within the budget, a step larger than the budget alone', () => {
  const step = (bytes: number) => ({ bytes, queue: () => undefined });
  const steps = [step(6), step(5), step(4), step(12), step(1), step(9)];
  expect(packSteps(steps, 10).map((b) => b.map((s) => s.bytes))).toEqual([[6], [5, 4], [12], [1, 9]]);
  expect(packSteps(steps, 100)).toHaveLength(1);
  expect(packSteps([], 10)).toEqual([]);
});

test('a cell op is sized as its commands and the UTF-8 JSON they carry', () => {
  const op: CellOp = {
    sheet: '表',
    cell: 'J16',
    value: 8.5,
    numFmt: '0.00',
    fill: '#FFC7CE',
    note: '【自评校验】得分',
  };
  // sheet + range, format, value, fill (3), note (delete 3 + add 1)
  const actions = 2 + 1 + 1 + 3 + 4;
  const payload =
    jsonBytes('表') +
    jsonBytes('J16') +
    jsonBytes('0.00') +
    jsonBytes(8.5) +
    jsonBytes('#FFC7CE') +
    2 * jsonBytes('J16') +
    jsonBytes('【自评校验】得分');
  expect(cellOpBytes(op, true)).toBe(actions * ACTION_BYTES + payload);
  expect(jsonBytes('【自评校验】得分')).toBe(2 + 8 * 3);
  // Without notes, the note costs nothing.
  expect(cellOpBytes(op, false)).toBe(
    (actions - 4) * ACTION_BYTES + payload - 2 * jsonBytes('J16') - jsonBytes('【自评校验】得分'),
  );
});

test('over the budget: the check writes in several syncs, each within it, and the workbook ends as with one', async () => {
  const sheets = await workbook(8);
  const one = createFakeExcel(structuredClone(sheets));
  const r1 = await createExcelHost(one.run).check({ writeValues: true, settings });
  expect(r1.syncCount).toBe(2);

  const split = createFakeExcel(structuredClone(sheets));
  const host = createExcelHost(split.run, { writeBudgetBytes: BUDGET });
  split.resetSyncCount();
  const r2 = await host.check({ writeValues: true, settings });
  const sizes = split.batchSizes();
  const writes = sizes.slice(1);
  expect(r2.syncCount).toBe(sizes.length);
  expect(writes.length).toBeGreaterThan(3);
  // Each write sync within the budget, as estimated: the fake measures the request itself.
  for (const s of writes) expect(s.request).toBeLessThanOrEqual(BUDGET);
  expect(writes.every((s) => !s.failed)).toBe(true);
  expect(r2.findings).toEqual(checkWorkbook({ sheets }, settings).findings);
  expect(state(split)).toEqual(state(one));
  expect(split.eventsEnabled()).toBe(true);

  // Undo in several syncs too: every sheet as it was.
  const before = state(createFakeExcel(structuredClone(sheets)));
  await host.undoLast();
  const after = state(split);
  for (const s of sheets) expect(after[s.name]).toEqual(before[s.name]);
});

test('a later write sync failing: what the earlier ones wrote is put back, the record untouched', async () => {
  const sheets = await workbook(8);
  const fake = createFakeExcel(structuredClone(sheets));
  const original = state(fake);
  const host = createExcelHost(fake.run, { writeBudgetBytes: BUDGET });
  fake.resetSyncCount();
  // Fail at the 150th cell write: past the first write sync (each holds well under 100 cells' changes).
  fake.failAtWrite(150);
  const err = (await host.check({ writeValues: true, settings }).catch((e: unknown) => e)) as HostError;
  expect(err).toBeInstanceOf(HostError);
  const sizes = fake.batchSizes();
  expect(sizes.filter((s) => !s.failed).length).toBeGreaterThan(2); // the read, then two or more write syncs that went through
  // The read-back and the restore are sized like the write: every request after the read within the budget.
  for (const s of sizes.slice(1)) expect(s.request).toBeLessThanOrEqual(BUDGET);
  expect(err.messageZh).toContain('已恢复原状');
  const now = state(fake);
  for (const s of sheets) expect(now[s.name]).toEqual(original[s.name]);
  expect(fake.sheetNames()).not.toContain(LEDGER_SHEET);
  expect(fake.eventsEnabled()).toBe(true);
  // And the check then works.
  const r = await host.check({ writeValues: true, settings });
  expect(r.findings).toEqual(checkWorkbook({ sheets }, settings).findings);
});
