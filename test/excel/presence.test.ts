/**
 * Presence checks before use (issue 9 item 2): the mark mode is not taken from isSetSupported alone.
 * Notes missing from office.js's proxies although ExcelApi 1.18 is "supported" (office.js 1.1.110 in
 * current Excel), or notes failing, fall back to comments, then to fills and the results sheet — the
 * check never fails because of them.
 */
import { promises as fs } from 'fs';
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Sheet } from '../../src/engine/grid';
import { NOTE_TAG, RESULTS_SHEET, buildWritePlan } from '../../src/engine/plan';
import { render } from '../../src/engine/messages/findings';
import { resolveSettings } from '../../src/engine/settings';
import { HostError, createExcelHost } from '../../src/excel';
import { commentsPresent, notesPresent, optionalApiFailed, presentMode } from '../../src/excel/marks';
import { gridFromWorkbook, loadWorkbook } from '../../src/file/read';
import { FakeApi, FakeExcel, createFakeExcel } from './fake-excel';

const settings = resolveSettings();
const SICHUAN = '项目支出绩效自评表';

async function sichuan(): Promise<Sheet[]> {
  const wb = await loadWorkbook(await fs.readFile(`${__dirname}/../fixtures/sichuan-project-2023.xlsx`));
  return gridFromWorkbook(wb).sheets;
}

/** The plan's flagged cells → our message (the fixture has no notes of its own). */
function flagged(sheets: Sheet[]): Record<string, string> {
  const plan = buildWritePlan({ sheets }, checkWorkbook({ sheets }, settings), { values: true, lang: 'zh' });
  const out: Record<string, string> = {};
  for (const p of plan.cells) if (p.note) out[p.cell] = p.note;
  return out;
}

function fakeWith(sheets: Sheet[], notes: FakeApi, comments: FakeApi = true): FakeExcel {
  return createFakeExcel(sheets, { notes, comments });
}

/** A context of the fake, for the presence helpers. */
async function contextOf(fake: FakeExcel): Promise<Excel.RequestContext> {
  return fake.run(async (ctx) => ctx);
}

describe('presence on the objects, not only isSetSupported', () => {
  test("the fake's 'absent' notes: isSetSupported says 1.18, the worksheet proxy has no notes", async () => {
    const fake = fakeWith(await sichuan(), 'absent');
    expect(fake.isSetSupported('ExcelApi', '1.18')).toBe(true);
    const ctx = await contextOf(fake);
    const ws = ctx.workbook.worksheets.getFirst();
    expect((ws as { notes?: unknown }).notes).toBeUndefined();
    expect(notesPresent(ws)).toBe(false);
    expect(commentsPresent(ctx, ws)).toBe(true);
    expect(presentMode(ctx, 'notes')).toBe('comments');
    expect(presentMode(ctx, 'comments')).toBe('comments');
    expect(presentMode(ctx, 'none')).toBe('none');
    const neither = await contextOf(fakeWith(await sichuan(), 'absent', 'absent'));
    expect(presentMode(neither, 'notes')).toBe('none');
    const both = await contextOf(fakeWith(await sichuan(), true));
    expect(presentMode(both, 'notes')).toBe('notes');
  });

  test('notes absent although 1.18 is supported: the check writes comments, 2 syncs, no error', async () => {
    const sheets = await sichuan();
    const fake = fakeWith(sheets, 'absent');
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    const r = await host.check({ writeValues: true, settings });
    expect(r.syncCount).toBe(2);
    expect(fake.syncCount()).toBe(2);
    expect(r.findings).toEqual(checkWorkbook({ sheets }, settings).findings);
    expect(fake.sheet(SICHUAN).notes()).toEqual({});
    expect(fake.sheet(SICHUAN).comments()).toEqual(flagged(sheets));
    expect(fake.sheet(SICHUAN).get('H15').fill).toBe('FFEB9C');
    // Undo and clear work in the same mode.
    await host.clearMarks();
    expect(fake.sheet(SICHUAN).comments()).toEqual({});
    expect(fake.sheet(SICHUAN).fills()).toEqual({});
  });

  test('notes and comments both absent: fills and the results sheet only', async () => {
    const sheets = await sichuan();
    const fake = fakeWith(sheets, 'absent', 'absent');
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    const r = await host.check({ writeValues: false, settings });
    expect(r.syncCount).toBe(2);
    expect(new Set(fake.writes.filter((w) => w.sheet === SICHUAN).map((w) => w.what))).toEqual(new Set(['fill']));
    expect(fake.sheetNames()).toContain(RESULTS_SHEET);
    expect(fake.sheet(RESULTS_SHEET).cellAt(r.findings.length, 4)?.value).toBe(render(r.findings.at(-1)!, 'zh'));
  });
});

describe('a failing optional API falls back and never fails the check', () => {
  test('notes throwing (GeneralException): the read fails once, the check runs again with comments', async () => {
    const sheets = await sichuan();
    const fake = fakeWith(sheets, 'throws');
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    const r = await host.check({ writeValues: true, settings });
    // Notes mode: the walk fails (1), the listed walk (read.ts) lists the sheets (2) and fails too (3);
    // nothing was written, so comments mode: read and write (5).
    expect(fake.syncCount()).toBe(5);
    expect(r.syncCount).toBe(5);
    expect(r.findings).toEqual(checkWorkbook({ sheets }, settings).findings);
    expect(fake.sheet(SICHUAN).comments()).toEqual(flagged(sheets));
    expect(Object.values(fake.sheet(SICHUAN).comments()).every((c) => c.startsWith(NOTE_TAG))).toBe(true);
    // The session stays in comments mode: the next check costs 2 again.
    fake.resetSyncCount();
    expect((await host.check({ writeValues: true, settings })).syncCount).toBe(2);
    fake.resetSyncCount();
    await host.undoLast();
    expect(fake.syncCount()).toBe(2);
    expect(fake.sheet(SICHUAN).comments()).toEqual({});
  });

  test('notes and comments throwing: fills and the results sheet, after two failed modes', async () => {
    const sheets = await sichuan();
    const fake = fakeWith(sheets, 'throws', 'throws');
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    const r = await host.check({ writeValues: false, settings });
    // 3 syncs per failed mode (walk, list, listed walk), then read and write.
    expect(fake.syncCount()).toBe(8);
    expect(r.findings).toEqual(checkWorkbook({ sheets }, settings).findings);
    expect(fake.sheet(SICHUAN).comments()).toEqual({});
    expect(fake.sheet(SICHUAN).notes()).toEqual({});
    expect(Object.keys(fake.sheet(SICHUAN).fills()).sort()).toEqual(Object.keys(flagged(sheets)).sort());
  });

  test("the user's situation is not an API failure: cell-edit mode fails at once, the mode is kept", async () => {
    const sheets = await sichuan();
    const fake = fakeWith(sheets, true);
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    fake.setEditMode(true);
    const err = (await host.check({ writeValues: true, settings }).catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe('InvalidOperationInCellEditMode');
    expect(fake.syncCount()).toBe(1);
    fake.setEditMode(false);
    await host.check({ writeValues: true, settings });
    expect(Object.keys(fake.sheet(SICHUAN).notes()).sort()).toEqual(Object.keys(flagged(sheets)).sort());
    expect(fake.sheet(SICHUAN).comments()).toEqual({});
  });

  test('optionalApiFailed: protection, edit mode and payload limits are not the API', () => {
    for (const code of ['InvalidOperationInCellEditMode', 'AccessDenied', 'ResponsePayloadSizeLimitExceeded']) {
      expect(optionalApiFailed(Object.assign(new Error('x'), { code }))).toBe(false);
    }
    expect(optionalApiFailed(new HostError('a', 'b', 'SheetProtected'))).toBe(false);
    expect(optionalApiFailed(Object.assign(new Error('x'), { code: 'GeneralException' }))).toBe(true);
    expect(optionalApiFailed(Object.assign(new Error('x'), { code: 'ApiNotFound' }))).toBe(true);
    expect(optionalApiFailed(new TypeError("Cannot read properties of undefined (reading 'load')"))).toBe(true);
  });
});
