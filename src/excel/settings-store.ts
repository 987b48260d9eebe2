/**
 * The user's settings, kept in the workbook: A1 of the very hidden sheet `_selfeval_undo` (ledger.ts),
 * so they travel with the file. `loadSettings` also brings the undo record and the sheets' sizes, in
 * the same sync, for the first check (index.ts).
 */
import { Settings } from '../engine';
import { workbookProtectedError } from './errors';
import { LEDGER_SHEET, Ledger, emptyLedger, ledgerSheet, parseLedgerSheet, queueWriteSettings } from './ledger';
import { DEFAULT_CHAIN, padded } from './read';

/** `context.sync()`; `write` true for a sync that sends writes. */
type Sync = (write?: boolean) => Promise<void>;

/**
 * The settings (ledger A1), the undo record (column B) and, in the same sync, the workbook's sheet
 * count. The pane and the ribbon command load the settings before their first check, so that check's
 * walk queues exactly as many steps as there are sheets (read.ts), whatever the workbook's size, and
 * probes the notes the record lists (no sync to locate the add-in's own notes of an earlier session).
 */
export async function loadSettings(
  context: Excel.RequestContext,
  sync: Sync,
  opts: { chainLength?: number } = {},
): Promise<{ settings: Partial<Settings>; ledger: Ledger; sheetCount: number; usedCells?: number }> {
  const r = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET).getUsedRangeOrNullObject(true);
  r.load('values,rowIndex,columnIndex');
  const count = context.workbook.worksheets.getCount();
  // The used ranges' sizes, so the first check can keep each sync within the byte budget (budget.ts).
  const sizes = sizeWalk(context, opts.chainLength ?? DEFAULT_CHAIN);
  await sync();
  const sheetCount = count.value;
  // More sheets than walked: the walked ones' average stands for the rest (an estimate, for the budget).
  const walked = Math.min(sheetCount, sizes.length);
  const usedCells = walked > 0 ? Math.round((cellsOf(sizes) * sheetCount) / walked) : undefined;
  const base = { sheetCount, usedCells };
  if (r.isNullObject) return { settings: {}, ledger: emptyLedger(), ...base };
  return { ...parseLedgerSheet(padded(r)), ...base };
}

/** Queue a light walk: each sheet's values-only used range, its row and column counts. */
function sizeWalk(context: Excel.RequestContext, steps: number): { ws: Excel.Worksheet; used?: Excel.Range }[] {
  const out: { ws: Excel.Worksheet; used?: Excel.Range }[] = [];
  let ws = context.workbook.worksheets.getFirst(false);
  for (let i = 0; i < steps; i++) {
    if (i > 0) ws = ws.getNextOrNullObject(false);
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowCount,columnCount');
    out.push({ ws, used });
  }
  return out;
}

function cellsOf(sizes: { ws: Excel.Worksheet; used?: Excel.Range }[]): number {
  let n = 0;
  for (const s of sizes) {
    if (s.ws.isNullObject || !s.used || s.used.isNullObject || s.ws.name === LEDGER_SHEET) continue;
    n += s.used.rowCount * s.used.columnCount;
  }
  return n;
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
  await sync(true);
}
