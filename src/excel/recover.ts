/**
 * When a write batch fails midway. Office batches are not transactional: the commands before the
 * failing one have run ("Excel JavaScript object model in Office Add-ins", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts —
 * a failed `sync()` does not undo the queued commands that succeeded). The undo record is written last
 * in the batch, so it does not list what this batch changed.
 *
 * So, after a failed check write:
 * 1. read back every cell the batch was to change (one sync) and compare it with the state the read
 *    batch saw — the cells that differ are exactly the ones written;
 * 2. put those back (one sync): value or formula, number format, fill, note;
 * 3. tell the user: either "nothing was left half-written" with the cells restored, or, when the
 *    rollback fails too, exactly which cells now hold the add-in's writes.
 * Events are switched back on (runtime.enableEvents) in the first of these syncs, whatever happens.
 */
import { CellValue, WorkbookGrid, cellValue, parseA1 } from '../engine';
import { HostError, toHostError } from './errors';
import { fillHex } from './read';
import { ACTION_BYTES, READ_BYTES_PER_CELL, jsonBytes } from './budget';
import { CellOp, WriteStep, cellOpSteps, packSteps, sendSteps, setEvents } from './write';

type Sync = (write?: boolean) => Promise<void>;

/** A cell's state as the read batch saw it (before the failed write). */
interface CellBefore {
  value: CellValue;
  formula?: string;
  /** A formula cell whose text the read did not get: only its value is compared. */
  formulaUnknown: boolean;
  numFmt: string | null;
  fill: string | null;
  note: string | null;
}

function beforeOf(grid: WorkbookGrid, sheet: string, cell: string): CellBefore {
  const s = grid.sheets.find((x) => x.name === sheet);
  const { row, col } = parseA1(cell);
  const f = s?.formulas?.[cell];
  return {
    value: s ? cellValue(s, row, col) : null,
    formula: f && f.startsWith('=') ? f : undefined,
    formulaUnknown: f === '',
    numFmt: s?.formats?.[row]?.[col] ?? null,
    fill: s?.fills?.[cell] ?? null,
    note: s?.notes?.[cell] ?? null,
  };
}

const norm = (v: unknown): CellValue => (v === '' || v === undefined || v === null ? null : (v as CellValue));
const fmt = (f: unknown): string | null => (typeof f === 'string' && f !== 'General' ? f : null);

/** Where the cells list is shown to the user: "表1!H15、表1!H19 等 12 个". */
export function cellList(cells: { sheet: string; cell: string }[], max = 20): { zh: string; en: string } {
  const shown = cells.slice(0, max).map((c) => `${c.sheet}!${c.cell}`);
  const more = cells.length - shown.length;
  return {
    zh: shown.join('、') + (more > 0 ? ` 等共 ${cells.length} 个` : ''),
    en: shown.join(', ') + (more > 0 ? ` and ${more} more (${cells.length} in all)` : ''),
  };
}

/**
 * After the check's write sync failed with `error`: find the cells written, put them back, and
 * return the HostError to show (never throws).
 */
export async function recoverFailedWrite(
  context: Excel.RequestContext,
  sync: Sync,
  x: { error: unknown; ops: CellOp[]; grid: WorkbookGrid; notes: boolean; comments: boolean; budget?: number },
): Promise<HostError> {
  const budget = x.budget;
  const cause = toHostError(x.error);
  const cells = new Map<string, { sheet: string; cell: string; note: boolean }>();
  for (const op of x.ops) {
    const k = `${op.sheet}!${op.cell}`;
    const c = cells.get(k) ?? { sheet: op.sheet, cell: op.cell, note: false };
    c.note ||= op.note !== undefined && x.notes;
    cells.set(k, c);
  }
  // 1. Read back (events back on in the same batch).
  let written: { sheet: string; cell: string; before: CellBefore; noteTouched: boolean }[];
  let culprit: Culprit = 'other';
  try {
    setEvents(context, true);
    // Read back within the budget (budget.ts): as many syncs as the cells need, one for an ordinary write.
    type Probe = {
      sheet: string;
      cell: string;
      note: boolean;
      r: Excel.Range;
      props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
      noteObj?: Excel.Note;
    };
    const probes: Probe[] = [];
    const steps: WriteStep[] = [...cells.values()].map((c) => ({
      bytes: (c.note ? 9 : 6) * ACTION_BYTES + 2 * (jsonBytes(c.sheet) + jsonBytes(c.cell)) + READ_BYTES_PER_CELL,
      queue: () => {
        const ws = context.workbook.worksheets.getItem(c.sheet);
        const r = ws.getRange(c.cell);
        r.load('values,numberFormat,formulas');
        const props = r.getCellProperties({ format: { fill: { color: true, pattern: true } } });
        let noteObj: Excel.Note | undefined;
        if (c.note) {
          noteObj = ws.notes.getItemOrNullObject(c.cell);
          noteObj.load('content');
        }
        probes.push({ ...c, r, props, noteObj });
      },
    }));
    for (const batch of packSteps(steps, budget)) {
      for (const step of batch) step.queue(context);
      await sync();
    }
    written = [];
    const noteNow = new Map<string, string | null>();
    for (const p of probes) {
      const before = beforeOf(x.grid, p.sheet, p.cell);
      const v = norm(p.r.values[0][0]);
      const f = p.r.formulas[0][0];
      const formula = typeof f === 'string' && f.startsWith('=') ? f : undefined;
      const fill = fillHex(p.props.value[0][0]?.format?.fill?.color, p.props.value[0][0]?.format?.fill?.pattern);
      const note = p.noteObj ? (p.noteObj.isNullObject ? null : p.noteObj.content) : before.note;
      noteNow.set(`${p.sheet}!${p.cell}`, note);
      const same =
        v === before.value &&
        (before.formulaUnknown || formula === before.formula) &&
        fmt(p.r.numberFormat[0][0]) === before.numFmt &&
        fill === before.fill &&
        note === before.note;
      if (!same) written.push({ sheet: p.sheet, cell: p.cell, before, noteTouched: note !== before.note });
    }
    culprit = whereItFailed(x, new Set(written.map((w) => `${w.sheet}!${w.cell}`)), noteNow);
  } catch {
    const all = cellList([...cells.values()]);
    return new HostError(
      `写入中途失败：${cause.messageZh}。无法确认哪些单元格已被改写；以下单元格可能已改变，请逐一检查：${all.zh}。`,
      `The write failed midway: ${cause.messageEn}. Which cells were written could not be read back; these may have changed, please check them: ${all.en}.`,
      cause.code,
    );
  }
  const commentsNote = x.comments
    ? {
        zh: '部分批注可能已添加或删除，可用“清除标记”清除本加载项的批注。',
        en: " Some of the add-in's comments may have been added or removed: Clear marks removes them.",
      }
    : { zh: '', en: '' };
  if (written.length === 0) {
    return clean(
      new HostError(
        `写入失败：${cause.messageZh}。没有单元格被改动。${commentsNote.zh}`,
        `The write failed: ${cause.messageEn}. No cell was changed.${commentsNote.en}`,
        cause.code,
      ),
      culprit,
    );
  }
  // 2. Put them back (within the budget, like the write).
  const list = cellList(written);
  try {
    // The same cell changes as any write (write.ts), sized and sent within the budget.
    const restore: CellOp[] = written.map((w) => ({
      sheet: w.sheet,
      cell: w.cell,
      numFmt: w.before.numFmt ?? 'General',
      ...(w.before.formula ? { formula: w.before.formula } : { value: w.before.value }),
      fill: w.before.fill ? `#${w.before.fill}` : null,
      ...(w.noteTouched ? { note: w.before.note } : {}),
    }));
    await sendSteps(context, sync, cellOpSteps(restore, true), { budget });
  } catch {
    setEvents(context, true);
    await sync().catch(() => undefined);
    return new HostError(
      `写入中途失败：${cause.messageZh}。恢复也没有成功：以下 ${written.length} 个单元格已被本加载项改写，请手动检查：${list.zh}。${commentsNote.zh}`,
      `The write failed midway: ${cause.messageEn}. Restoring failed too: these ${written.length} cells hold the add-in's writes, please check them: ${list.en}.${commentsNote.en}`,
      cause.code,
    );
  }
  return clean(
    new HostError(
      `写入中途失败：${cause.messageZh}。已写入的 ${written.length} 个单元格已恢复原状（${list.zh}），没有留下部分写入。${commentsNote.zh}`,
      `The write failed midway: ${cause.messageEn}. The ${written.length} cells already written were restored (${list.en}); nothing is left half-written.${commentsNote.en}`,
      cause.code,
    ),
    culprit,
  );
}

/** The cells are as they were before the batch (the host may try again in a lower mark mode). */
function clean(e: HostError, culprit: Culprit): HostError {
  return Object.assign(e, { rolledBack: culprit });
}

/** What the failing command was: a note, a comment, or something else (cell values, sheets, record). */
export type Culprit = 'notes' | 'comments' | 'other';

/**
 * After a clean rollback, the part that failed (else null: not rolled back). The commands run in
 * queue order (write.ts: each cell's format, value, fill, then note; then comments, the results sheet,
 * the record): the first cell op that did not fully apply is where it stopped. A note that is the
 * only part of its op not applied → the notes API failed; every cell op applied in comments mode →
 * the comments (queued next) are taken to have failed.
 */
export function rolledBack(e: unknown): Culprit | null {
  const r = e && typeof e === 'object' ? (e as { rolledBack?: Culprit }).rolledBack : undefined;
  return r ?? null;
}

function whereItFailed(
  x: { ops: CellOp[]; grid: WorkbookGrid; notes: boolean; comments: boolean },
  written: Set<string>,
  noteNow: Map<string, string | null>,
): Culprit {
  for (const op of x.ops) {
    const k = `${op.sheet}!${op.cell}`;
    const touchesMore = op.value !== undefined || op.formula !== undefined || op.fill !== undefined;
    if (touchesMore && !written.has(k)) return 'other';
    if (x.notes && op.note !== undefined) {
      const want = op.note ? op.note : null;
      if (noteNow.get(k) !== want) return 'notes';
    }
  }
  return x.comments ? 'comments' : 'other';
}
