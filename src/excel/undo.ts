/**
 * Undo and clear, from the record kept in the workbook (see ledger.ts), so both work after the pane
 * was closed and reopened; and the user's settings, stored in the same hidden sheet.
 */
import { NOTE_TAG, RESULTS_SHEET } from '../engine/plan';
import { Settings } from '../engine/settings';
import { emptyLedger, ledgerSheet, parseLedgerSheet, queueWriteLedger, queueWriteSettings } from './ledger';
import { workbookProtectedError } from './errors';
import { LEDGER_SHEET, readWorkbook } from './read';
import { assertWritable, clearOps, queueCellOps, undoOps } from './write';

type Sync = () => Promise<void>;

/** Put every recorded cell back as it was (value or formula, number format, fill, note); delete the results sheet. */
export async function undoLast(
  context: Excel.RequestContext,
  sync: Sync,
  opts: { notes: boolean; chainLength?: number },
): Promise<{ restored: number }> {
  const read = await readWorkbook(context, sync, { contents: false, chainLength: opts.chainLength });
  const { ledger } = parseLedgerSheet(read.ledgerValues);
  const ops = undoOps(ledger, opts.notes);
  const names = new Set(read.sheets.map((s) => s.name));
  const liveOps = ops.filter((o) => names.has(o.sheet));
  const dropResults = ledger.resultsSheet && names.has(RESULTS_SHEET);
  if (liveOps.length === 0 && !dropResults) return { restored: 0 };
  assertWritable(
    read.sheets,
    liveOps.map((o) => o.sheet),
    dropResults && read.workbookProtected,
  );
  queueCellOps(context, liveOps, opts.notes);
  if (dropResults) context.workbook.worksheets.getItem(RESULTS_SHEET).delete();
  queueWriteLedger(ledgerSheet(context, true), emptyLedger());
  await sync();
  return { restored: liveOps.length };
}

/** Remove the add-in's fills and notes only (the user's own fill and note text come back). */
export async function clearMarks(
  context: Excel.RequestContext,
  sync: Sync,
  opts: { notes: boolean; chainLength?: number },
): Promise<{ cleared: number }> {
  const read = await readWorkbook(context, sync, {
    contents: false,
    notes: opts.notes,
    scanNotesFor: opts.notes ? NOTE_TAG : undefined,
    chainLength: opts.chainLength,
  });
  const { ledger } = parseLedgerSheet(read.ledgerValues);
  const names = new Set(read.sheets.map((s) => s.name));
  const { ops, ledger: rest } = clearOps(ledger, read.tagged);
  const liveOps = ops.filter((o) => names.has(o.sheet));
  const dropResults = names.has(RESULTS_SHEET) && (ledger.resultsSheet || liveOps.length > 0);
  if (liveOps.length === 0 && !dropResults) return { cleared: 0 };
  assertWritable(
    read.sheets,
    liveOps.map((o) => o.sheet),
    dropResults && read.workbookProtected,
  );
  queueCellOps(context, liveOps, opts.notes);
  if (dropResults) context.workbook.worksheets.getItem(RESULTS_SHEET).delete();
  if (names.has(LEDGER_SHEET)) queueWriteLedger(ledgerSheet(context, true), rest);
  await sync();
  return { cleared: liveOps.length };
}

export async function loadSettings(context: Excel.RequestContext, sync: Sync): Promise<Partial<Settings>> {
  const r = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET).getRange('A1');
  r.load('values');
  await sync();
  if (r.isNullObject) return {};
  return parseLedgerSheet(r.values as [][]).settings;
}

export async function saveSettings(context: Excel.RequestContext, sync: Sync, s: Partial<Settings>): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET);
  ws.load('name');
  const prot = context.workbook.protection;
  prot.load('protected');
  await sync();
  if (ws.isNullObject && prot.protected) {
    throw workbookProtectedError();
  }
  queueWriteSettings(ledgerSheet(context, !ws.isNullObject), s);
  await sync();
}
