/**
 * Writing through office.js. Everything here only QUEUES commands on the request context; the caller
 * syncs once. Protection is checked from what the read sync loaded BEFORE anything is queued, so a
 * protected sheet yields a HostError and no partial write.
 */
import {
  parseA1,
  CellValue,
  WorkbookGrid,
  cellValue,
  NOTE_TAG,
  PlannedCell,
  RESULTS_SHEET,
  WritePlan,
  ownNote,
} from '../engine';
import { ACTION_BYTES, BUDGET_BYTES, jsonBytes } from './budget';
import { protectedSheetError, workbookProtectedError } from './errors';
import { BeforeState, LEDGER_SHEET, Ledger, LedgerCell, Wrote, ledgerKey, ledgerPieces, ledgerSheet } from './ledger';
import { SheetMeta, localAddress } from './read';

/** One cell's change: undefined = leave as is; fill null = clear; note null = delete. */
export interface CellOp {
  sheet: string;
  cell: string;
  value?: CellValue;
  /** A formula to write (through `range.formulas`, so it stays a formula); used instead of `value`. */
  formula?: string;
  numFmt?: string;
  fill?: string | null;
  note?: string | null;
}

export interface ApplyInput {
  sheets: SheetMeta[];
  workbookProtected: boolean;
  /** The grid as read (current notes of the cells). */
  grid: WorkbookGrid;
  plan: WritePlan;
  ledger: Ledger;
  /** Write notes (ExcelApi 1.18 available). */
  notes: boolean;
  /**
   * Comments mode (ExcelApi 1.10 without 1.18): the sheets whose comments of ours are replaced
   * (`commentRefreshes`) and the cells holding a user's comment there (`locateUserComments`).
   */
  comments?: { refreshes: CommentRefresh[]; blocked: Map<string, Set<string>> };
  /** Touch only cells whose state differs from what the record says the add-in wrote (re-check). */
  onlyChanged?: boolean;
  /** Sheets re-read after user edits: a value the add-in wrote and the user changed stays the user's. */
  edited?: Set<string>;
}

export interface ApplyResult {
  ops: CellOp[];
  ledger: Ledger;
}

function sameWrote(a: Wrote, b: Wrote): boolean {
  return a.value === b.value && a.numFmt === b.numFmt && a.fill === b.fill && a.note === b.note;
}

/** The formula text the read found at a cell ('=…'), or undefined (no formula, or its text unknown). */
function currentFormula(grid: WorkbookGrid, sheet: string, cell: string): string | undefined {
  const f = grid.sheets.find((x) => x.name === sheet)?.formulas?.[cell];
  return f && f.startsWith('=') ? f : undefined;
}

function currentNote(grid: WorkbookGrid, sheet: string, cell: string): string | null | undefined {
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s || !s.notes) return undefined;
  return s.notes[cell] ?? null;
}

/** The add-in wrote a value here and the cell (as read now) holds something else. */
function userEdited(
  grid: WorkbookGrid,
  sheet: string,
  row: number,
  col: number,
  wrote: Wrote | undefined,
  cell?: string,
): boolean {
  if (!wrote || wrote.value === undefined) return false;
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s) return false;
  const at = cell ? parseA1(cell) : { row, col };
  const now = cellValue(s, at.row, at.col);
  const was = wrote.value === '' ? null : wrote.value;
  return now !== was;
}

/** The cell changes that bring the workbook from the recorded marks to the plan's, and the new record. */
export function diffPlan(input: ApplyInput): ApplyResult {
  const { plan, ledger, grid } = input;
  const old = new Map(ledger.cells.map((c) => [ledgerKey(c.sheet, c.cell), c]));
  const next = new Map<string, LedgerCell>();
  const ops: CellOp[] = [];
  const planned = new Set<string>();
  for (const p of plan.cells) {
    const k = ledgerKey(p.sheet, p.cell);
    planned.add(k);
    const o = old.get(k);
    let before: BeforeState = o?.before ?? p.before;
    const op: CellOp = { sheet: p.sheet, cell: p.cell };
    const wrote: Wrote = {};
    // On a re-check, a cell the add-in wrote and the user has since typed over stays the user's:
    // not written again, and undo leaves its value alone.
    const edited = !!input.edited?.has(p.sheet) && userEdited(grid, p.sheet, p.row, p.col, o?.wrote);
    if (edited) {
      // nothing: the user's value stands
    } else if (p.value !== undefined) {
      op.value = p.value;
      wrote.value = p.value;
      // A formula the value replaces (the cell's own, not a value of ours): kept for undo.
      const formula = o?.wrote.value === undefined ? currentFormula(grid, p.sheet, p.cell) : undefined;
      if (formula !== undefined) before = { ...before, formula };
      if (p.numFmt) {
        op.numFmt = p.numFmt;
        wrote.numFmt = p.numFmt;
      }
    } else if (o?.wrote.value !== undefined) {
      // Written by an earlier check: keep it (and keep the before-state for undo).
      wrote.value = o.wrote.value;
      if (o.wrote.numFmt) wrote.numFmt = o.wrote.numFmt;
    }
    if (p.fill) {
      op.fill = `#${p.fill}`;
      wrote.fill = p.fill;
    } else if (o?.wrote.fill) {
      op.fill = before.fill ? `#${before.fill}` : null;
    }
    if (input.notes) {
      if (p.note !== undefined) {
        op.note = p.note;
        wrote.note = p.note;
      } else if (o?.wrote.note) {
        op.note = ownNote(currentNote(grid, p.sheet, p.cell) ?? before.note);
      }
    }
    next.set(k, { sheet: p.sheet, cell: p.cell, before, wrote });
    if (input.onlyChanged && o && sameWrote(o.wrote, wrote)) continue;
    ops.push(op);
  }
  for (const o of ledger.cells) {
    const k = ledgerKey(o.sheet, o.cell);
    if (planned.has(k)) continue;
    const op: CellOp = { sheet: o.sheet, cell: o.cell };
    if (o.wrote.fill) op.fill = o.before.fill ? `#${o.before.fill}` : null;
    if (o.wrote.note && input.notes) op.note = ownNote(currentNote(grid, o.sheet, o.cell) ?? o.before.note);
    if (op.fill !== undefined || op.note !== undefined) ops.push(op);
    if (
      o.wrote.value !== undefined &&
      !(input.edited?.has(o.sheet) && userEdited(grid, o.sheet, -1, -1, o.wrote, o.cell))
    ) {
      next.set(k, { ...o, wrote: { value: o.wrote.value, numFmt: o.wrote.numFmt } });
    }
  }
  return { ops, ledger: { v: 1, cells: [...next.values()], resultsSheet: true } };
}

/** Throws (before anything is queued) when a sheet to be written, or the workbook structure, is protected. */
export function assertWritable(sheets: SheetMeta[], touched: Iterable<string>, workbookProtected: boolean): void {
  const meta = new Map(sheets.map((s) => [s.name, s]));
  const locked = [...new Set(touched)].filter((n) => meta.get(n)?.protected);
  if (locked.length > 0) throw protectedSheetError(locked);
  if (workbookProtected) throw workbookProtectedError();
}

/**
 * A value as written through `range.values`. Excel interprets written strings as if typed ("Range.values",
 * learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member: "=…" is a formula,
 * "95%" or "001" become numbers), so a TEXT value that would be interpreted — a user's text put back by
 * undo — gets Excel's quote prefix (') unless the cell is formatted as text ("@"). null → '' (clears the
 * cell: a null in a written array would leave the cell as it is).
 */
export function excelInput(v: CellValue, numFmt?: string): string | number | boolean {
  if (v === null) return '';
  if (typeof v !== 'string' || numFmt === '@') return v;
  const interpreted =
    /^[=+'-]/.test(v) ||
    /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*%?\s*$/.test(v) ||
    /^\s*\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?\s*$/.test(v);
  return interpreted ? `'${v}` : v;
}

/**
 * A piece of a write: `queue` adds its commands to the request; `bytes` is its estimated request size
 * (budget.ts). A write is a list of steps sent in as few syncs as the budget allows (`sendSteps`).
 */
export interface WriteStep {
  bytes: number;
  queue: (context: Excel.RequestContext) => void;
}

/** Steps in order, cut into batches of at most `budget` estimated bytes (a larger step goes alone). */
export function packSteps(steps: WriteStep[], budget = BUDGET_BYTES): WriteStep[][] {
  const out: WriteStep[][] = [];
  let batch: WriteStep[] = [];
  let size = 0;
  for (const step of steps) {
    if (batch.length > 0 && size + step.bytes > budget) {
      out.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(step);
    size += step.bytes;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/**
 * Send a write: one sync per batch of `packSteps` (one sync for any ordinary workbook), the add-in's
 * events off within each batch. `afterBatch` runs after each sync.
 */
export async function sendSteps(
  context: Excel.RequestContext,
  sync: (write?: boolean) => Promise<void>,
  steps: WriteStep[],
  opts: { budget?: number; afterBatch?: () => void } = {},
): Promise<void> {
  for (const batch of packSteps(steps, opts.budget)) {
    setEvents(context, false);
    for (const step of batch) step.queue(context);
    setEvents(context, true);
    await sync(true);
    opts.afterBatch?.();
  }
}

/** Estimated request bytes of one cell op: its commands and what they carry. */
export function cellOpBytes(op: CellOp, notes: boolean): number {
  let actions = 2; // the sheet and the range
  let payload = jsonBytes(op.sheet) + jsonBytes(op.cell);
  if (op.numFmt !== undefined && (op.formula !== undefined || op.value !== undefined)) {
    actions++;
    payload += jsonBytes(op.numFmt);
  }
  if (op.formula !== undefined) {
    actions++;
    payload += jsonBytes(op.formula);
  } else if (op.value !== undefined) {
    actions++;
    payload += jsonBytes(op.value);
  }
  if (op.fill !== undefined) {
    actions += 3;
    payload += jsonBytes(op.fill);
  }
  if (op.note !== undefined && notes) {
    actions += op.note ? 4 : 3;
    payload += jsonBytes(op.cell) * 2 + (op.note ? jsonBytes(op.note) : 0);
  }
  return actions * ACTION_BYTES + payload;
}

/** One step per cell change (only these cells are touched); the sheets are looked up once per context. */
export function cellOpSteps(ops: CellOp[], notes: boolean): WriteStep[] {
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetOf = (context: Excel.RequestContext, name: string): Excel.Worksheet => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };
  return ops.map((op) => ({
    bytes: cellOpBytes(op, notes),
    queue: (context) => queueCellOp(sheetOf(context, op.sheet), op, notes),
  }));
}

function queueCellOp(ws: Excel.Worksheet, op: CellOp, notes: boolean): void {
  const range = ws.getRange(op.cell);
  if (op.formula !== undefined) {
    if (op.numFmt !== undefined) range.numberFormat = [[op.numFmt]];
    range.formulas = [[op.formula]];
  } else if (op.value !== undefined) {
    if (op.numFmt !== undefined) range.numberFormat = [[op.numFmt]];
    range.values = [[excelInput(op.value, op.numFmt)]];
  }
  if (op.fill !== undefined) {
    if (op.fill === null) range.format.fill.clear();
    else range.format.fill.color = op.fill;
  }
  if (op.note !== undefined && notes) {
    // Delete-then-add: a null object's delete() is a no-op, so no read of the note is needed.
    ws.notes.getItemOrNullObject(op.cell).delete();
    if (op.note) ws.notes.add(op.cell, op.note);
  }
}

/**
 * Comments mode. A cell holds at most one comment thread and `comments.getItemByCell` throws when
 * there is none, so the add-in never addresses its comments by cell: the read loads each sheet's
 * comments (content only), ours are those whose content starts with the tag, and a sheet whose
 * comments must change has all of ours deleted through those loaded objects, then the wanted ones
 * added — in that order, in the write batch. A comment that does not start with the tag is the
 * user's and is never touched; a flagged cell holding one gets no comment of ours (its finding is
 * on the results sheet), which needs the user comments' cells: one more sync, only for sheets with
 * user comments where comments are added.
 */
export function isOwnComment(content: unknown): boolean {
  return typeof content === 'string' && content.startsWith(NOTE_TAG);
}

/** One sheet whose comments of ours are replaced in the write batch. */
export interface CommentRefresh {
  sheet: string;
  /** Our comments there now (content starts with the tag): deleted first. */
  remove: Excel.Comment[];
  /** The comments wanted: cell → content. */
  add: Map<string, string>;
  /** The user's comments on the sheet (not ours): never touched; located when `add` is not empty. */
  users: Excel.Comment[];
}

/**
 * The sheets whose comments differ from the plan's: a sheet is left alone when the record says the
 * add-in commented exactly the wanted cells with the wanted texts (or found a user's comment there)
 * and the sheet holds as many comments of ours as the record lists — so a re-check that changes
 * nothing on a sheet deletes and adds nothing there, and no location is needed.
 */
export function commentRefreshes(
  plan: WritePlan,
  ledger: Ledger,
  loaded: Map<string, Excel.Comment[]>,
): CommentRefresh[] {
  const out: CommentRefresh[] = [];
  for (const [sheet, items] of loaded) {
    if (sheet === RESULTS_SHEET || sheet === LEDGER_SHEET) continue;
    const want = new Map<string, string>();
    for (const p of plan.cells) if (p.sheet === sheet && p.note) want.set(p.cell, p.note);
    const had = new Map<string, string | null>();
    for (const c of ledger.cells)
      if (c.sheet === sheet && c.wrote.comment !== undefined) had.set(c.cell, c.wrote.comment);
    const remove = items.filter((c) => isOwnComment(c.content));
    const users = items.filter((c) => !isOwnComment(c.content));
    const ours = [...had.values()].filter((v) => v !== null).length;
    const same =
      remove.length === ours &&
      had.size === want.size &&
      [...want].every(([cell, text]) => had.get(cell) === text || (had.get(cell) === null && users.length > 0));
    if (!same) out.push({ sheet, remove, add: want, users });
  }
  return out;
}

/** One sync, only when needed: the cells of the user's comments on sheets where comments are added. */
export async function locateUserComments(
  refreshes: CommentRefresh[],
  sync: () => Promise<void>,
): Promise<Map<string, Set<string>>> {
  const blocked = new Map<string, Set<string>>();
  const pending = refreshes
    .filter((r) => r.add.size > 0 && r.users.length > 0)
    .map((r) => ({
      sheet: r.sheet,
      locs: r.users.map((c) => {
        const loc = c.getLocation();
        loc.load('address');
        return loc;
      }),
    }));
  if (pending.length === 0) return blocked;
  await sync();
  for (const p of pending) {
    blocked.set(p.sheet, new Set(p.locs.map((l) => localAddress(l.address).replace(/\$/g, ''))));
  }
  return blocked;
}

/** The record's comment cells after the write: refreshed sheets as written now, the others as before. */
function commentLedger(
  next: Ledger,
  old: Ledger,
  plan: WritePlan,
  comments: { refreshes: CommentRefresh[]; blocked: Map<string, Set<string>> },
): Ledger {
  const refreshed = new Map(comments.refreshes.map((r) => [r.sheet, r]));
  const before = new Map(old.cells.map((c) => [ledgerKey(c.sheet, c.cell), c.wrote.comment]));
  const cells = next.cells.map((c) => {
    const wrote: Wrote = { ...c.wrote };
    delete wrote.comment;
    const r = refreshed.get(c.sheet);
    if (r) {
      const text = r.add.get(c.cell);
      if (text !== undefined) wrote.comment = comments.blocked.get(c.sheet)?.has(c.cell) ? null : text;
    } else {
      const had = before.get(ledgerKey(c.sheet, c.cell));
      if (had !== undefined && plan.cells.some((p) => p.sheet === c.sheet && p.cell === c.cell && p.note)) {
        wrote.comment = had;
      }
    }
    return { ...c, wrote };
  });
  return { ...next, cells };
}

/** Queue: delete our comments on the refreshed sheets, then add the wanted ones (not over a user's). */
export function queueComments(
  context: Excel.RequestContext,
  refreshes: CommentRefresh[],
  blocked: Map<string, Set<string>>,
): void {
  for (const r of refreshes) for (const c of r.remove) c.delete();
  for (const r of refreshes) {
    for (const [cell, text] of r.add) {
      if (blocked.get(r.sheet)?.has(cell)) continue;
      context.workbook.comments.add(`${sheetRef(r.sheet)}!${cell}`, text);
    }
  }
}

/** Our comments among loaded ones (all sheets but the results and undo sheets), for undo and clear. */
export function ownComments(loaded: Map<string, Excel.Comment[]>): { sheet: string; comment: Excel.Comment }[] {
  const out: { sheet: string; comment: Excel.Comment }[] = [];
  for (const [sheet, items] of loaded) {
    if (sheet === RESULTS_SHEET || sheet === LEDGER_SHEET) continue;
    for (const c of items) if (isOwnComment(c.content)) out.push({ sheet, comment: c });
  }
  return out;
}

function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Rows of the results sheet per step (their values and text format). */
const RESULT_ROWS_PER_STEP = 500;

/**
 * Steps: delete and recreate the `校验结果` sheet, worded as the plan was (`plan.lang`): the sheet, then its
 * rows in blocks, then each finding's link to its cell and severity fill.
 */
export function resultsSheetSteps(plan: WritePlan, exists: boolean): WriteStep[] {
  const rs = plan.resultsSheet;
  let ws: Excel.Worksheet | undefined;
  const sheet = (context: Excel.RequestContext): Excel.Worksheet =>
    (ws ??= context.workbook.worksheets.getItem(rs.name));
  const rows: string[][] = [rs.header, ...rs.rows];
  if (rs.rows.length === 0) rows.push(rs.emptyRow);
  const widths = [120, 60, 60, 160, 520];
  const steps: WriteStep[] = [
    {
      bytes: (4 + 2 * widths.length) * ACTION_BYTES + 2 * jsonBytes(rs.name),
      queue: (context) => {
        const sheets = context.workbook.worksheets;
        if (exists) sheets.getItem(rs.name).delete();
        ws = sheets.add(rs.name);
        ws.getRange('A1:E1').format.font.bold = true;
        widths.forEach((w, i) => {
          ws!.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w;
        });
      },
    },
  ];
  for (let start = 0; start < rows.length; start += RESULT_ROWS_PER_STEP) {
    const block = rows.slice(start, start + RESULT_ROWS_PER_STEP);
    const text = block.map((r) => r.map(() => '@'));
    steps.push({
      bytes: 3 * ACTION_BYTES + jsonBytes(block) + jsonBytes(text),
      queue: (context) => {
        const range = sheet(context).getRangeByIndexes(start, 0, block.length, 5);
        range.numberFormat = text;
        range.values = block;
      },
    });
  }
  rs.links.forEach((link, i) => {
    const fill = rs.fills[i];
    const target = `${sheetRef(link.sheet)}!${link.cell}`;
    steps.push({
      bytes: (fill ? 6 : 2) * ACTION_BYTES + jsonBytes(target) + jsonBytes(link.cell) + (fill ? 10 : 0),
      queue: (context) => {
        const s = sheet(context);
        s.getCell(i + 1, 1).hyperlink = { documentReference: target, textToDisplay: link.cell };
        if (fill) s.getCell(i + 1, 2).format.fill.color = `#${fill}`;
      },
    });
  });
  return steps;
}

/**
 * Steps: replace the undo record (ledger.ts: column B of the hidden sheet, added when `exists` is false) —
 * clear the column, then one piece a step.
 */
export function ledgerSteps(exists: boolean, ledger: Ledger): WriteStep[] {
  let ws: Excel.Worksheet | undefined;
  const steps: WriteStep[] = [
    {
      bytes: 4 * ACTION_BYTES + jsonBytes(LEDGER_SHEET),
      queue: (context) => {
        ws = ledgerSheet(context, exists);
        ws.getRange('B:B').clear();
      },
    },
  ];
  if (ledger.cells.length === 0 && !ledger.resultsSheet) return steps;
  ledgerPieces(ledger).forEach((piece, i) => {
    steps.push({
      bytes: 3 * ACTION_BYTES + jsonBytes(piece) + 8,
      queue: () => {
        const r = ws!.getRange(`B${i + 1}`);
        r.numberFormat = [['@']];
        r.values = [[piece]];
      },
    });
  });
  return steps;
}

/**
 * Queue: the add-in's own events on or off (`context.runtime.enableEvents`, ExcelApi 1.8 — "Toggle
 * JavaScript events in the current task pane or content add-in", learn.microsoft.com/javascript/api/excel/excel.runtime).
 * Off around the add-in's writes, so its own changes raise no onChanged; back on at the end of the same
 * batch. No-op when the context has no runtime (older office.js).
 */
export function setEvents(context: Excel.RequestContext, on: boolean): void {
  const rt = (context as { runtime?: { enableEvents?: boolean } }).runtime;
  if (rt) rt.enableEvents = on;
}

/**
 * Everything a check writes, as steps in order: cells, comments, the results sheet, the undo record (last,
 * so a write that fails midway leaves the record as it was: recover.ts). Throws before anything is
 * queued when a sheet to be written is protected.
 */
export function checkWriteSteps(
  input: ApplyInput,
  exists: { results: boolean; ledger: boolean },
): ApplyResult & { steps: WriteStep[] } {
  const result = diffPlan(input);
  if (input.comments) result.ledger = commentLedger(result.ledger, input.ledger, input.plan, input.comments);
  const commentSheets = (input.comments?.refreshes ?? []).map((r) => r.sheet);
  assertWritable(input.sheets, [...result.ops.map((o) => o.sheet), ...commentSheets], input.workbookProtected);
  const steps = cellOpSteps(result.ops, input.notes);
  const comments = input.comments;
  if (comments) {
    let bytes = 0;
    for (const r of comments.refreshes) {
      bytes += r.remove.length * 2 * ACTION_BYTES;
      for (const [cell, text] of r.add)
        bytes += 2 * ACTION_BYTES + jsonBytes(`${sheetRef(r.sheet)}!${cell}`) + jsonBytes(text);
    }
    steps.push({ bytes, queue: (context) => queueComments(context, comments.refreshes, comments.blocked) });
  }
  steps.push(...resultsSheetSteps(input.plan, exists.results), ...ledgerSteps(exists.ledger, result.ledger));
  return { ...result, steps };
}

/** The cell changes that put every recorded cell back as it was (a replaced formula as its formula). */
export function undoOps(ledger: Ledger, notes: boolean): CellOp[] {
  const ops: CellOp[] = [];
  for (const c of ledger.cells) {
    const op: CellOp = { sheet: c.sheet, cell: c.cell };
    if (c.wrote.value !== undefined) {
      // A replaced formula comes back as the formula (Excel recalculates it), not as its old result.
      if (c.before.formula) op.formula = c.before.formula;
      else op.value = c.before.value;
      op.numFmt = c.before.numFmt ?? 'General';
    }
    if (c.wrote.fill !== undefined) op.fill = c.before.fill ? `#${c.before.fill}` : null;
    if (c.wrote.note !== undefined && notes) op.note = c.before.note;
    if (op.value !== undefined || op.formula !== undefined || op.fill !== undefined || op.note !== undefined) {
      ops.push(op);
    }
  }
  return ops;
}

/**
 * The cell changes that remove the add-in's marks only: fills it set go back to the cell's own fill;
 * tagged notes lose the tagged part (the user's own text stays, or the note goes when nothing is
 * left). `tagged` lists the notes that now contain the tag; notes without it are left alone.
 */
export function clearOps(
  ledger: Ledger,
  tagged: { sheet: string; cell: string; note: string }[],
): { ops: CellOp[]; ledger: Ledger } {
  const ops = new Map<string, CellOp>();
  const cells: LedgerCell[] = [];
  for (const c of ledger.cells) {
    if (c.wrote.fill) {
      ops.set(ledgerKey(c.sheet, c.cell), {
        sheet: c.sheet,
        cell: c.cell,
        fill: c.before.fill ? `#${c.before.fill}` : null,
      });
    }
    if (c.wrote.value !== undefined) cells.push({ ...c, wrote: { value: c.wrote.value, numFmt: c.wrote.numFmt } });
  }
  for (const t of tagged) {
    if (!t.note.includes(NOTE_TAG)) continue;
    const k = ledgerKey(t.sheet, t.cell);
    const op = ops.get(k) ?? { sheet: t.sheet, cell: t.cell };
    op.note = ownNote(t.note);
    ops.set(k, op);
  }
  return { ops: [...ops.values()], ledger: { v: 1, cells, resultsSheet: false } };
}

export type { PlannedCell };
export { RESULTS_SHEET };
