/**
 * Issue 9 item 3: every sync within BUDGET_BYTES of request and response (the fake measures bytes and
 * enforces Excel on the web's 5 MB), GeneralException on the web read as a payload failure, and
 * `values === null` never taken for an empty sheet.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Sheet } from '../../src/engine/grid';
import { resolveSettings } from '../../src/engine/settings';
import { createExcelHost } from '../../src/excel';
import { BUDGET_BYTES, READ_CELLS_PER_SYNC } from '../../src/excel/budget';
import { readWorkbook } from '../../src/excel/read';
import { createFakeExcel } from './fake-excel';

const settings = resolveSettings();
const FIVE_MB = 5 * 1024 * 1024;

/** A data sheet of rows × cols cells: numbers and Chinese text (no self-evaluation table in it). */
function dataSheet(name: string, rows: number, cols: number): Sheet {
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (c % 3 === 1 ? `明细${r}-${c}` : (r * 31 + c) / 100)),
  );
  return { name, values, formats: [], merges: [], fills: {}, notes: {}, formulas: {} };
}

describe('byte budget', () => {
  test('a 100,000-cell sheet: loadSettings sizes it, the read is chunked at once, no sync over the budget', async () => {
    const sheet = dataSheet('明细', 2000, 50);
    const fake = createFakeExcel([sheet], { payloadLimitBytes: FIVE_MB });
    const host = createExcelHost(fake.run);
    await host.loadSettings();
    fake.resetSyncCount();
    const r = await host.check({ writeValues: true, settings });
    const sizes = fake.batchSizes();
    expect(sizes.filter((s) => s.failed)).toEqual([]);
    for (const s of sizes) {
      expect(s.request).toBeLessThanOrEqual(BUDGET_BYTES);
      expect(s.response).toBeLessThanOrEqual(BUDGET_BYTES);
    }
    // addresses, ⌈100,000 / cells per sync⌉ chunk syncs, the write.
    expect(r.syncCount).toBe(1 + Math.ceil(100_000 / READ_CELLS_PER_SYNC) + 1);
    expect(r.findings).toEqual(checkWorkbook({ sheets: [sheet] }, settings).findings);
  });

  test('without loadSettings: the oversized first batch fails once, then chunks within the budget', async () => {
    const sheet = dataSheet('明细', 2000, 50);
    const fake = createFakeExcel([sheet], { payloadLimitBytes: FIVE_MB });
    const r = await createExcelHost(fake.run).check({ writeValues: false, settings });
    const sizes = fake.batchSizes();
    expect(sizes[0].failed).toBe(true);
    expect(sizes.slice(1).every((s) => !s.failed && s.response <= BUDGET_BYTES)).toBe(true);
    expect(r.findings).toEqual(checkWorkbook({ sheets: [sheet] }, settings).findings);
  });

  test('a chunk sync still too large (long texts) is retried with half the cells', async () => {
    const long = '这是一段很长的说明文字'.repeat(20);
    const values = Array.from({ length: 400 }, () => Array.from({ length: 10 }, () => long));
    const sheet: Sheet = { name: '说明', values, formats: [], merges: [], fills: {}, notes: {}, formulas: {} };
    // 4,000 cells of ~660 bytes: 2.6 MB; with a 1 MB limit the planned chunks fail and halve.
    const fake = createFakeExcel([sheet], { payloadLimitBytes: 1024 * 1024 });
    const read = await fake.run((ctx) =>
      readWorkbook(ctx, () => ctx.sync(), { chunked: true, chunkCells: 4000, syncBudgetCells: 4000 }),
    );
    expect(read.grid.sheets[0].values[399][9]).toBe(long);
    expect(fake.batchSizes().some((s) => s.failed)).toBe(true);
    expect(
      fake
        .batchSizes()
        .filter((s) => !s.failed)
        .every((s) => s.response <= 1024 * 1024),
    ).toBe(true);
  });
});

describe('Excel on the web', () => {
  const web = { context: { platform: 'OfficeOnline' }, PlatformType: { OfficeOnline: 'OfficeOnline' } };

  test('GeneralException from the first batch is taken as a payload failure: read again in chunks', async () => {
    const sheet = dataSheet('明细', 300, 20);
    const fake = createFakeExcel([sheet]);
    // The first batch's response fails with GeneralException (as the web can report an overflow).
    let first = true;
    const run = ((fn: (ctx: Excel.RequestContext) => Promise<unknown>) =>
      fake.run(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        (ctx as { sync: () => Promise<void> }).sync = async () => {
          if (first) {
            first = false;
            await sync();
            throw Object.assign(new Error('An internal error has occurred.'), { code: 'GeneralException' });
          }
          await sync();
        };
        return fn(ctx);
      })) as unknown as typeof Excel.run;
    const g = globalThis as { Office?: unknown };
    g.Office = web;
    try {
      const read = await fake
        .run(async () => undefined)
        .then(() => run((ctx) => readWorkbook(ctx, () => ctx.sync(), { generalIsPayload: true })));
      const r = read as Awaited<ReturnType<typeof readWorkbook>>;
      expect(r.chunked).toBe(true);
      expect(r.walk).toBe('chain');
      expect(r.grid.sheets[0].values[299][19]).toBe(sheet.values[299][19]);
      // The host passes generalIsPayload on the web.
      first = true;
      const host = createExcelHost(run);
      const res = await host.check({ writeValues: false, settings });
      expect(res.findings).toEqual(checkWorkbook({ sheets: [sheet] }, settings).findings);
    } finally {
      delete g.Office;
    }
  });

  test('values === null (office-js#6781) is a payload failure, never an empty sheet', async () => {
    const sheet = dataSheet('明细', 100, 10);
    // Excel gives values null, with no error, for a range of more than 500 cells (5M in real Excel).
    const fake = createFakeExcel([sheet], { nullValuesAboveCells: 500 });
    const read = await fake.run((ctx) =>
      readWorkbook(ctx, () => ctx.sync(), { chunkCells: 500, syncBudgetCells: 500 }),
    );
    expect(read.chunked).toBe(true);
    expect(read.grid.sheets[0].values).toEqual(sheet.values);
  });
});
