/**
 * Undo and clear, from the record kept in the workbook (see ledger.ts), so both work after the pane
 * was closed and reopened (the settings, in the same hidden sheet: settings-store.ts).
 */
import { NOTE_TAG, RESULTS_SHEET } from '../engine';
import { LEDGER_SHEET, Ledger, emptyLedger, parseLedgerSheet } from './ledger';
import { HostError, toHostError } from './errors';
import { WalkKind, readWorkbook } from './read';
import { ACTION_BYTES } from './budget';
import {
  WriteStep,
  assertWritable,
  cellOpSteps,
  clearOps,
  ledgerSteps,
  ownComments,
  sendSteps,
  setEvents,
  undoOps,
} from './write';

/** `context.sync()`; `write` true for a sync that sends writes. */
type Sync = (write?: boolean) => Promise<void>;

export interface MarkOptions {
  /** Notes are used (ExcelApi 1.18). */
  notes: boolean;
  /** Comments are used instead (ExcelApi 1.10 without 1.18): ours are those starting with the tag. */
  comments?: boolean;
  chainLength?: number;
  /** The sheet walk (read.ts). */
  walk?: WalkKind;
  /** Request budget of a write sync (tests); default BUDGET_BYTES. */
  writeBudgetBytes?: number;
}

/** Cells touched: the cell ops' and the record's commented cells on live sheets, plus our comments beyond those. */
function touchedCells(
  ops: { sheet: string; cell: string }[],
  ledger: { cells: { sheet: string; cell: string; wrote: { comment?: string | null } }[] },
  names: Set<string>,
  ours: number,
): number {
  const cells = new Set(ops.map((o) => `${o.sheet}!${o.cell}`));
  let commented = 0;
  for (const c of ledger.cells) {
    if (typeof c.wrote.comment !== 'string' || !names.has(c.sheet)) continue;
    commented++;
    cells.add(`${c.sheet}!${c.cell}`);
  }
  return cells.size + Math.max(0, ours - commented);
}

/**
 * The common end of undo and clear, in one sync (more only beyond the budget): refuse protected sheets before anything is queued,
 * put the cells back, delete our comments and the results sheet, and store what is left of the record.
 */
async function restoreCells(
  context: Excel.RequestContext,
  sync: Sync,
  opts: MarkOptions,
  x: {
    read: Awaited<ReturnType<typeof readWorkbook>>;
    names: Set<string>;
    liveOps: ReturnType<typeof undoOps>;
    ours: ReturnType<typeof ownComments>;
    dropResults: boolean;
    ledgerAfter: Ledger;
  },
): Promise<void> {
  assertWritable(
    x.read.sheets,
    [...x.liveOps.map((o) => o.sheet), ...x.ours.map((c) => c.sheet)],
    x.dropResults && x.read.workbookProtected,
  );
  const steps: WriteStep[] = [
    ...cellOpSteps(x.liveOps, opts.notes),
    {
      bytes: (x.ours.length + 2) * 2 * ACTION_BYTES,
      queue: (context) => {
        for (const c of x.ours) c.comment.delete();
        if (x.dropResults) context.workbook.worksheets.getItem(RESULTS_SHEET).delete();
      },
    },
    ...(x.names.has(LEDGER_SHEET) ? ledgerSteps(true, x.ledgerAfter) : []),
  ];
  try {
    // One sync unless the budget (budget.ts) needs more; the record is written last.
    await sendSteps(context, sync, steps, { budget: opts.writeBudgetBytes });
  } catch (e) {
    // Not transactional: part of it may have run. The record is written last, so it still lists
    // every cell: undo and clear only put recorded states back, so running them again completes it.
    setEvents(context, true);
    await sync().catch(() => undefined);
    const cause = toHostError(e);
    throw new HostError(
      `操作中途失败：${cause.messageZh}。撤销记录仍完整保存，请再点一次同一个按钮完成它。`,
      `The operation failed midway: ${cause.messageEn}. The undo record is intact: press the same button again to complete it.`,
      cause.code,
    );
  }
}

/**
 * Put every recorded cell back as it was (value or formula, number format, fill, note); delete the
 * results sheet; in comments mode delete our comments (content starting with the tag) — never a
 * user's.
 */
export async function undoLast(
  context: Excel.RequestContext,
  sync: Sync,
  opts: MarkOptions,
): Promise<{ restored: number }> {
  const read = await readWorkbook(context, sync, {
    contents: false,
    comments: !!opts.comments,
    chainLength: opts.chainLength,
    walk: opts.walk,
  });
  const { ledger } = parseLedgerSheet(read.ledgerValues);
  const ops = undoOps(ledger, opts.notes);
  const names = new Set(read.sheets.map((s) => s.name));
  const liveOps = ops.filter((o) => names.has(o.sheet));
  const dropResults = ledger.resultsSheet && names.has(RESULTS_SHEET);
  const ours = ownComments(read.comments);
  if (liveOps.length === 0 && !dropResults && ours.length === 0) return { restored: 0 };
  await restoreCells(context, sync, opts, { read, names, liveOps, ours, dropResults, ledgerAfter: emptyLedger() });
  return { restored: opts.comments ? touchedCells(liveOps, ledger, names, ours.length) : liveOps.length };
}

/**
 * Remove the add-in's fills and notes only (the user's own fill and note text come back); in comments
 * mode the comments starting with the tag (a user's comment stays).
 */
export async function clearMarks(
  context: Excel.RequestContext,
  sync: Sync,
  opts: MarkOptions,
): Promise<{ cleared: number }> {
  const read = await readWorkbook(context, sync, {
    contents: false,
    notes: opts.notes,
    scanNotesFor: opts.notes ? NOTE_TAG : undefined,
    comments: !!opts.comments,
    chainLength: opts.chainLength,
    walk: opts.walk,
  });
  const { ledger } = parseLedgerSheet(read.ledgerValues);
  const names = new Set(read.sheets.map((s) => s.name));
  const { ops, ledger: rest } = clearOps(ledger, read.tagged);
  const liveOps = ops.filter((o) => names.has(o.sheet));
  const ours = ownComments(read.comments);
  const dropResults = names.has(RESULTS_SHEET) && (ledger.resultsSheet || liveOps.length > 0 || ours.length > 0);
  if (liveOps.length === 0 && !dropResults && ours.length === 0) return { cleared: 0 };
  await restoreCells(context, sync, opts, { read, names, liveOps, ours, dropResults, ledgerAfter: rest });
  return { cleared: opts.comments ? touchedCells(liveOps, ledger, names, ours.length) : liveOps.length };
}
