/**
 * The undo record and the user's settings, kept IN the workbook on a very hidden worksheet
 * (`_selfeval_undo`), so they survive closing the pane and reopening the file:
 *
 * - A1: the user's rule settings (Partial<Settings>) as JSON;
 * - B1, B2, …: the undo record as JSON, cut into pieces of at most 30,000 characters (a cell holds
 *   at most 32,767). The cells are formatted as text ("@") so no piece is taken for a formula.
 *
 * The record lists every cell the add-in has touched since the last undo / clear: what it held
 * before the add-in first touched it (value, number format, fill, note; the formula when the add-in
 * wrote a value over one) and what the add-in wrote — including, in comments mode, the cells it
 * commented, so a later check knows where its comments are without locating them (a sync).
 */
import { CellValue, CellState, Settings } from '../engine';

/** The very hidden sheet holding the settings (A1) and the undo record (column B). */
export const LEDGER_SHEET = '_selfeval_undo';

export interface Wrote {
  value?: CellValue;
  numFmt?: string;
  fill?: string;
  note?: string;
  /**
   * The comment the add-in added (comments mode: ExcelApi 1.10 without 1.18), its content; null when
   * the cell had a comment of the user's, so ours was not added (the finding is on the results sheet).
   */
  comment?: string | null;
}

/** A cell as it was before the add-in touched it; `formula` when its value came from a formula. */
export interface BeforeState extends CellState {
  /** The formula text ("=SUM(J16:J28)") the add-in's value replaced: undo writes it back. */
  formula?: string;
}

export interface LedgerCell {
  sheet: string;
  cell: string;
  before: BeforeState;
  wrote: Wrote;
}

export interface Ledger {
  v: 1;
  cells: LedgerCell[];
  /** The add-in created the results sheet. */
  resultsSheet: boolean;
}

export const PIECE = 30_000;

export function emptyLedger(): Ledger {
  return { v: 1, cells: [], resultsSheet: false };
}

export function ledgerKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** Parse the hidden sheet's values; a damaged record reads as empty. */
export function parseLedgerSheet(values: CellValue[][] | null): { ledger: Ledger; settings: Partial<Settings> } {
  let settings: Partial<Settings> = {};
  let ledger = emptyLedger();
  if (!values) return { ledger, settings };
  const a1 = values[0]?.[0];
  if (typeof a1 === 'string' && a1.trim().startsWith('{')) {
    try {
      const s = JSON.parse(a1) as unknown;
      if (s && typeof s === 'object') settings = s as Partial<Settings>;
    } catch {
      /* keep defaults */
    }
  }
  const text = values.map((r) => (typeof r?.[1] === 'string' ? r[1] : '')).join('');
  if (text.trim()) {
    try {
      const l = JSON.parse(text) as Ledger;
      if (l && l.v === 1 && Array.isArray(l.cells)) ledger = { v: 1, cells: l.cells, resultsSheet: !!l.resultsSheet };
    } catch {
      /* keep empty */
    }
  }
  return { ledger, settings };
}

export function ledgerPieces(ledger: Ledger): string[] {
  const json = JSON.stringify(ledger);
  const out: string[] = [];
  for (let i = 0; i < json.length; i += PIECE) out.push(json.slice(i, i + PIECE));
  return out;
}

/**
 * Queue: make sure the hidden sheet exists (added when `exists` is false) and return it.
 * Adding a sheet and hiding it happen in the caller's batch.
 */
export function ledgerSheet(context: Excel.RequestContext, exists: boolean): Excel.Worksheet {
  if (exists) return context.workbook.worksheets.getItem(LEDGER_SHEET);
  const ws = context.workbook.worksheets.add(LEDGER_SHEET);
  ws.visibility = 'VeryHidden';
  return ws;
}

/** Queue: replace the settings (A1). */
export function queueWriteSettings(ws: Excel.Worksheet, settings: Partial<Settings>): void {
  const r = ws.getRange('A1');
  r.numberFormat = [['@']];
  r.values = [[JSON.stringify(settings)]];
}
