/**
 * Issue 9 item 4, the smaller fixes: events off around the add-in's writes, co-authors' (Remote)
 * events ignored, merges read from `areas`, a fallback walk when calls on null objects fail, and a
 * write batch that fails midway rolled back (or the exact cells named).
 */
import { promises as fs } from 'fs';
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Sheet } from '../../src/engine/grid';
import { buildWritePlan } from '../../src/engine/plan';
import { resolveSettings } from '../../src/engine/settings';
import { HostCheckResult, HostError, createExcelHost } from '../../src/excel';
import { LEDGER_SHEET, parseLedgerSheet } from '../../src/excel/ledger';
import { padded, readWorkbook } from '../../src/excel/read';
import { gridFromWorkbook, loadWorkbook } from '../../src/file/read';
import { FakeExcel, createFakeExcel } from './fake-excel';

const settings = resolveSettings();
const SICHUAN = '项目支出绩效自评表';

async function sichuan(): Promise<Sheet[]> {
  const wb = await loadWorkbook(await fs.readFile(`${__dirname}/../fixtures/sichuan-project-2023.xlsx`));
  return gridFromWorkbook(wb).sheets;
}

/** Every non-empty cell of a sheet: A1 → state. */
function snapshot(fake: FakeExcel, sheet: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [addr, c] of fake.sheet(sheet).sortedCells()) {
    if (c.value === null && c.numFmt === null && c.fill === null && c.note === null && !c.hyperlink) continue;
    out[addr] = { ...c };
  }
  return out;
}

/** Events the workbook raised, seen by a handler registered like any add-in's. */
async function recordEvents(fake: FakeExcel): Promise<{ source?: string; address: string }[]> {
  const seen: { source?: string; address: string }[] = [];
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.onChanged.add(async (e) => {
      seen.push({ source: e.source, address: e.address });
    });
    await ctx.sync();
  });
  return seen;
}

describe('events', () => {
  test('runtime.enableEvents is off around the write: no event for the add-in’s own writes, on afterwards', async () => {
    const fake = createFakeExcel(await sichuan(), { triggerSource: false });
    const seen = await recordEvents(fake);
    const r = await createExcelHost(fake.run).check({ writeValues: true, settings });
    await fake.idle();
    expect(r.written).toBeGreaterThan(0);
    expect(fake.writes.some((w) => w.what === 'value')).toBe(true);
    expect(seen).toEqual([]);
    expect(fake.eventsEnabled()).toBe(true);
    // The user's edits still raise events.
    await fake.edit(SICHUAN, 'H19', 30);
    expect(seen).toEqual([{ source: 'Local', address: 'H19' }]);
  });

  test('undo and clear write with events off too', async () => {
    const fake = createFakeExcel(await sichuan());
    const host = createExcelHost(fake.run);
    await host.check({ writeValues: true, settings });
    const seen = await recordEvents(fake);
    await host.undoLast();
    await host.check({ writeValues: true, settings });
    await host.clearMarks();
    await fake.idle();
    expect(seen).toEqual([]);
    expect(fake.eventsEnabled()).toBe(true);
  });

  test("a co-author's edit (source Remote) does not re-check; a local one does", async () => {
    const fake = createFakeExcel(await sichuan());
    const host = createExcelHost(fake.run, { debounceMs: 5 });
    await host.check({ writeValues: false, settings });
    const results: HostCheckResult[] = [];
    const stop = host.watch(
      (r) => results.push(r),
      () => settings,
    );
    await stop.ready;
    await fake.remoteEdit(SICHUAN, 'H19', 30);
    await stop.idle();
    expect(results).toEqual([]);
    await fake.edit(SICHUAN, 'H20', 3);
    await stop.idle();
    stop();
    expect(results).toHaveLength(1);
    // H19 (fixed by the co-author) is read again on the local re-check: its finding is gone too.
    const expected = checkWorkbook({ sheets: gridFromSheets(fake) }, settings).findings;
    expect(results[0].findings).toEqual(expected);
  });

  test('pre-1.14 events (no triggerSource) over a multi-cell paste re-check once', async () => {
    const fake = createFakeExcel(await sichuan(), { triggerSource: false });
    const host = createExcelHost(fake.run, { debounceMs: 5 });
    await host.check({ writeValues: true, settings });
    const results: HostCheckResult[] = [];
    const stop = host.watch(
      (r) => results.push(r),
      () => settings,
    );
    await stop.ready;
    await fake.paste(SICHUAN, 'H19', [[30], [3]]);
    await stop.idle();
    // Our own write of the re-check raised nothing (events off), so exactly one re-check.
    await fake.idle();
    await stop.idle();
    stop();
    expect(results).toHaveLength(1);
    expect(results[0].findings).toEqual(checkWorkbook({ sheets: gridFromSheets(fake) }, settings).findings);
  });
});

/** The fake's sheets now as engine sheets (values, formats, merges, fills; no notes). */
function gridFromSheets(fake: FakeExcel): Sheet[] {
  const out: Sheet[] = [];
  for (const name of fake.sheetNames()) {
    if (name !== SICHUAN) continue;
    const s = fake.sheet(name);
    const values: (string | number | boolean | null)[][] = [];
    const formats: (string | null)[][] = [];
    for (const [addr, c] of s.sortedCells()) {
      const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
      const row = Number(m[2]) - 1;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
      col -= 1;
      (values[row] ??= [])[col] = c.value;
      (formats[row] ??= [])[col] = c.numFmt;
    }
    for (let i = 0; i < values.length; i++) values[i] = Array.from(values[i] ?? [], (v) => v ?? null);
    for (let i = 0; i < formats.length; i++) formats[i] = Array.from(formats[i] ?? [], (v) => v ?? null);
    out.push({ name, values, formats, merges: s.merges, fills: s.fills(), notes: {}, formulas: s.formulas() });
  }
  return out;
}

describe('reading', () => {
  test('merges come from areas/items/address, even when the RangeAreas address lists only the first', async () => {
    const sheets = await sichuan();
    expect(sheets[0].merges.length).toBeGreaterThan(1);
    const fake = createFakeExcel(sheets, { mergedAddressPartial: true });
    const read = await fake.run((ctx) => readWorkbook(ctx, () => ctx.sync()));
    expect(read.grid.sheets[0].merges).toEqual(sheets[0].merges);
  });

  test('calls on null objects failing: the listed walk reads every sheet (one more sync), and stays', async () => {
    const [sheet] = await sichuan();
    const copies = [1, 2, 3].map((i) => ({ ...structuredClone(sheet), name: `${SICHUAN}${i}` }));
    const fake = createFakeExcel(copies, { nullChainThrows: true });
    const host = createExcelHost(fake.run);
    const r = await host.check({ writeValues: true, settings });
    // The walk fails (1), the list (2), the listed read (3), the write (4).
    expect(r.syncCount).toBe(4);
    expect(r.findings).toEqual(checkWorkbook({ sheets: copies }, settings).findings);
    expect(r.tables).toHaveLength(3);
    // The session keeps the listed walk: list, read, write.
    expect((await host.check({ writeValues: true, settings })).syncCount).toBe(3);
    expect((await host.undoLast()).restored).toBeGreaterThan(0);
    for (const c of copies) expect(snapshot(fake, c.name)).toEqual(snapshot(createFakeExcel([c]), c.name));
  });
});

describe('a write batch that fails midway', () => {
  test('is rolled back: the cells written are put back and named; the undo record is unchanged', async () => {
    const sheets = await sichuan();
    const fake = createFakeExcel(sheets);
    const original = snapshot(fake, SICHUAN);
    const host = createExcelHost(fake.run);
    const n0 = fake.writes.length;
    // The batch writes J16 (format, value), J29 (format, value), then fills and notes: it stops
    // before J29's value.
    fake.failAfterWrites(3);
    const err = (await host.check({ writeValues: true, settings }).catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    const written = [...new Set(fake.writes.slice(n0, n0 + 3).map((w) => `${w.sheet}!${w.cell}`))];
    expect(written).toEqual([`${SICHUAN}!J16`, `${SICHUAN}!J29`]);
    expect(err.messageZh).toContain(`已写入的 ${written.length} 个单元格已恢复原状（${written.join('、')}）`);
    expect(err.messageEn).toContain('nothing is left half-written');
    expect(snapshot(fake, SICHUAN)).toEqual(original);
    expect(fake.eventsEnabled()).toBe(true);
    // The check can be run again and works.
    const r = await host.check({ writeValues: true, settings });
    expect(r.findings).toEqual(checkWorkbook({ sheets }, settings).findings);
  });

  test('when putting back fails too, the message names exactly the cells written', async () => {
    const fake = createFakeExcel(await sichuan());
    const original = snapshot(fake, SICHUAN);
    const n0 = fake.writes.length;
    fake.failAfterWrites(4, 1);
    const err = (await createExcelHost(fake.run)
      .check({ writeValues: true, settings })
      .catch((e: unknown) => e)) as HostError;
    const written = [...new Set(fake.writes.slice(n0, n0 + 4).map((w) => `${w.sheet}!${w.cell}`))];
    expect(err.messageZh).toContain(
      `恢复也没有成功：以下 ${written.length} 个单元格已被本加载项改写，请手动检查：${written.join('、')}。`,
    );
    // Those cells (and no others) differ from the original, except the one the failed rollback restored.
    const now = snapshot(fake, SICHUAN);
    const differ = Object.keys({ ...original, ...now }).filter(
      (k) => JSON.stringify(now[k]) !== JSON.stringify(original[k]),
    );
    for (const d of differ) expect(written).toContain(`${SICHUAN}!${d}`);
    expect(fake.eventsEnabled()).toBe(true);
  });

  test('a failure right before a note (the batch stopped at the notes API): rolled back, then comments', async () => {
    const sheets = await sichuan();
    const fake = createFakeExcel(sheets);
    const original = snapshot(fake, SICHUAN);
    const host = createExcelHost(fake.run);
    // J16, J29 (format and value), H15's fill: the next command is H15's note.
    fake.failAfterWrites(5);
    const r = await host.check({ writeValues: false, settings });
    expect(r.findings).toEqual(checkWorkbook({ sheets }, settings).findings);
    expect(fake.sheet(SICHUAN).notes()).toEqual({});
    expect(Object.keys(fake.sheet(SICHUAN).comments()).length).toBeGreaterThan(0);
    await host.undoLast();
    expect(snapshot(fake, SICHUAN)).toEqual(original);
  });

  test('notes that fail only when written: rolled back, then the check runs with comments', async () => {
    const sheets = await sichuan();
    const fake = createFakeExcel(sheets, { notes: 'write-throws' });
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    const r = await host.check({ writeValues: true, settings });
    expect(r.findings).toEqual(checkWorkbook({ sheets }, settings).findings);
    expect(fake.sheet(SICHUAN).notes()).toEqual({});
    const plan = buildWritePlan({ sheets }, checkWorkbook({ sheets }, settings), { values: true, lang: 'zh' });
    const want: Record<string, string> = {};
    for (const p of plan.cells) if (p.note) want[p.cell] = p.note;
    expect(fake.sheet(SICHUAN).comments()).toEqual(want);
    // The record lists the comments, not notes: undo removes them.
    await host.undoLast();
    expect(fake.sheet(SICHUAN).comments()).toEqual({});
  });

  test('undo failing midway: the record stays, pressing undo again completes it', async () => {
    const fake = createFakeExcel(await sichuan());
    const original = snapshot(fake, SICHUAN);
    const host = createExcelHost(fake.run);
    await host.check({ writeValues: true, settings });
    fake.failAfterWrites(3);
    const err = (await host.undoLast().catch((e: unknown) => e)) as HostError;
    expect(err.messageZh).toContain('撤销记录仍完整保存');
    const ledger = parseLedgerSheet(
      await fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem(LEDGER_SHEET).getUsedRangeOrNullObject(true);
        r.load('values,rowIndex,columnIndex');
        await ctx.sync();
        return padded(r);
      }),
    ).ledger;
    expect(ledger.cells.length).toBeGreaterThan(0);
    await host.undoLast();
    expect(snapshot(fake, SICHUAN)).toEqual(original);
    expect(fake.eventsEnabled()).toBe(true);
  });
});
