/**
 * Reading the open workbook into the engine's grid through office.js, in as few `context.sync()`
 * round trips as the payload budget allows (usually ONE; measurements and the reasoning behind each
 * phase: docs/excel-host-notes.md).
 *
 * Phases of `readWorkbook`, top to bottom:
 * 1. first batch — the sheets are walked with `getFirst()` / `getNextOrNullObject()` (no sync needed to
 *    know their names); for each: name, id, visibility, protection, the used range's values, number
 *    formats, fills (`getCellProperties`), merged areas (`areas/items/address`), formula cells, and the
 *    notes or comments. Fallbacks: a payload failure (or GeneralException, which is how Excel on the
 *    web can report one) → chunked contents; any other failure of the walk → the LISTED walk, which
 *    first loads `worksheets.items` (one more sync) and needs no call on a null object (Office does not
 *    document what such calls do).
 * 2. rest of the walk — more sheets than the walk covered: one more sync from the last one.
 * 3. group — the queued objects per sheet name (walked, named directly, note probes).
 * 4. chunks — chunked contents: row bands within the byte budget, one sync per budget (budget.ts).
 * 5. notes — locations of notes not found by probing (one more sync only when needed).
 * 6. assemble — the engine's grid and the sheets' metadata.
 */
import { CellRange, a1, parseRangeA1, CellValue, Sheet, WorkbookGrid } from '../engine';
import { isPayloadError, isUserSituation } from './errors';
import { READ_CELLS_PER_SYNC } from './budget';
import { LEDGER_SHEET } from './ledger';

export interface SheetMeta {
  name: string;
  id: string;
  visibility: string;
  protected: boolean;
  /** The values-only used range, 0-based; null when the sheet is empty. */
  used: CellRange | null;
  /** Notes were read (and located) for this sheet. */
  notesRead: boolean;
}

export interface WorkbookRead {
  grid: WorkbookGrid;
  sheets: SheetMeta[];
  workbookProtected: boolean;
  /** Values of the hidden undo/settings sheet, or null when it does not exist. */
  ledgerValues: CellValue[][] | null;
  /** Number of context.sync() calls the read took. */
  syncs: number;
  /** The read fell back to chunks (payload limit). */
  chunked: boolean;
  /** With scanNotesFor: the notes containing that text, by sheet. */
  tagged: { sheet: string; cell: string; note: string }[];
  /** With `comments`: each sheet's comments (content loaded; no location), by sheet name. */
  comments: Map<string, Excel.Comment[]>;
  /** `worksheets.getCount()` as of the first batch. */
  sheetCount: number;
  /** The walk that worked (the host keeps 'listed' for the session once the chain failed). */
  walk: WalkKind;
}

export interface ReadOptions {
  /** Read values, formats, merges, fills and notes (false: names, protection and the undo sheet only). */
  contents?: boolean;
  /** The notes API (ExcelApi 1.18) is available. */
  notes?: boolean;
  /**
   * Load every walked sheet's comments (`worksheet.comments`, ExcelApi 1.10; content only), with or
   * without contents. Result in `comments`.
   */
  comments?: boolean;
  /** Sheets to walk in the first batch. */
  chainLength?: number;
  /** Cells (A1) per sheet name whose notes are probed in the first batch. */
  probeNotes?: Map<string, string[]>;
  /** Read only these sheets' contents (by name); the others get names and protection only. */
  onlySheets?: Set<string>;
  /**
   * Without contents: also find the add-in's own notes (content containing this text) with their
   * cells — one more sync when there are any. Result in `tagged`.
   */
  scanNotesFor?: string;
  /** Skip the single-batch attempt and read in chunks. */
  chunked?: boolean;
  /** How to walk the sheets (default 'chain'). */
  walk?: WalkKind;
  /**
   * GeneralException counts as a payload failure (Excel on the web can report an oversized request or
   * response that way): the first batch is retried in chunks.
   */
  generalIsPayload?: boolean;
  chunkCells?: number;
  syncBudgetCells?: number;
  /** At most this many formula cells per sheet are listed in `Sheet.formulas`. */
  formulaCells?: number;
}

export const DEFAULT_CHAIN = 128;
/** Chunked reads: cells per chunk and per sync, from the byte budget (budget.ts). */
export const DEFAULT_CHUNK_CELLS = READ_CELLS_PER_SYNC;
export const DEFAULT_SYNC_BUDGET_CELLS = READ_CELLS_PER_SYNC;
export const DEFAULT_FORMULA_CELLS = 300_000;

/** What is loaded of the merged areas: each area's own address. */
const MERGED_AREAS = 'areas/items/address';

/** What is loaded of a formula-cells RangeAreas: each area's address and formula texts. */
const FORMULA_AREAS = 'areas/items/address,areas/items/formulas';

/** One area of formula cells: its address and, when loaded, its formulas (row by row). */
export interface FormulaArea {
  address: string;
  formulas?: unknown[][];
}

type Props = Excel.CellProperties[][];

interface SheetQueue {
  ws: Excel.Worksheet;
  used?: Excel.Range;
  merged?: Excel.RangeAreas;
  formulas?: Excel.RangeAreas;
  props?: OfficeExtension.ClientResult<Props>;
  notes?: Excel.NoteCollection;
  comments?: Excel.CommentCollection;
  probes?: { cell: string; note: Excel.Note }[];
  contents: boolean;
}

/** "Sheet1!B3:F20" or "'My sheet'!B3" → the part after the sheet name. */
export function localAddress(address: string): string {
  const i = address.lastIndexOf('!');
  return i < 0 ? address : address.slice(i + 1);
}

function cellText(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * A RangeAreas address ("Sheet1!$G$9, Sheet1!$J$16:$J$29", "'My, sheet'!A1") → its areas without the
 * sheet names. Commas inside a quoted sheet name do not split.
 */
export function areaList(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  const push = (end: number): void => {
    const part = localAddress(address.slice(start, end).trim()).replace(/\$/g, '');
    if (part) out.push(part);
  };
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      push(i);
      start = i + 1;
    }
  }
  push(address.length);
  return out;
}

/**
 * One area ("J16:J29", "A:A", "3:5") as a range, whole rows or columns taken within `within`, and the
 * sheet position of its top-left cell (row 1 / column A for whole columns / rows).
 */
function areaRange(part: string, within: CellRange): { r: CellRange; top: number; left: number } | null {
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(part);
  const rows = /^(\d+):(\d+)$/.exec(part);
  try {
    if (cols) {
      const x = parseRangeA1(`${cols[1]}1:${cols[2]}1`);
      return { r: { top: within.top, bottom: within.bottom, left: x.left, right: x.right }, top: 0, left: x.left };
    }
    if (rows) {
      const top = Number(rows[1]) - 1;
      return { r: { top, bottom: Number(rows[2]) - 1, left: within.left, right: within.right }, top, left: 0 };
    }
    const r = parseRangeA1(part);
    return { r, top: r.top, left: r.left };
  } catch {
    return null;
  }
}

/**
 * Add the cells of formula areas to `out` (A1 → formula text, '' when the area's formulas were not
 * loaded or a text is not a formula), clipped to `within`, until `out` holds `cap` cells.
 */
export function addFormulaCells(
  out: Record<string, string>,
  areas: FormulaArea[],
  within: CellRange | null,
  cap: number,
): Record<string, string> {
  if (!within) return out;
  let n = Object.keys(out).length;
  for (const area of areas) {
    const parts = areaList(area.address);
    for (const part of parts) {
      const at = areaRange(part, within);
      if (!at) continue;
      const r = at.r;
      // Formula texts belong to a single-area address (an item of RangeAreas.areas).
      const texts = parts.length === 1 ? area.formulas : undefined;
      const top = Math.max(r.top, within.top);
      const bottom = Math.min(r.bottom, within.bottom);
      const left = Math.max(r.left, within.left);
      const right = Math.min(r.right, within.right);
      for (let i = top; i <= bottom; i++) {
        for (let j = left; j <= right; j++) {
          const k = a1(i, j);
          if (out[k] !== undefined) continue;
          if (n >= cap) return out;
          const f = texts?.[i - at.top]?.[j - at.left];
          out[k] = typeof f === 'string' && f.startsWith('=') ? f : '';
          n++;
        }
      }
    }
  }
  return out;
}

/**
 * The cells of a RangeAreas address as `A1 → ''` (where formulas are, without their texts), clipped
 * to `within` (whole rows or columns, "A:A" or "3:5", are taken within it), at most `cap` cells.
 */
export function formulaCells(address: string, within: CellRange | null, cap: number): Record<string, string> {
  if (!address) return {};
  return addFormulaCells({}, [{ address }], within, cap);
}

/** The areas of a loaded formula-cells RangeAreas (null object: none). */
function loadedAreas(ra: Excel.RangeAreas | undefined): FormulaArea[] {
  if (!ra || ra.isNullObject) return [];
  return ra.areas.items.map((r) => ({ address: r.address, formulas: r.formulas as unknown[][] }));
}

/** "#FFC7CE" → "FFC7CE"; no fill → null. */
export function fillHex(color: string | null | undefined, pattern?: string | null): string | null {
  if (!color || pattern === 'None') return null;
  return color.replace(/^#/, '').toUpperCase();
}

/** What the read sees of a batch step: the objects queued for one sheet. */
interface ReadState {
  context: Excel.RequestContext;
  opts: ReadOptions;
  contents: boolean;
  wantNotes: boolean;
  chainLength: number;
  chunked: boolean;
  walk: WalkKind;
  syncs: number;
  sync: () => Promise<void>;
}

/** How the first batch walks the sheets: a chain of `getNextOrNullObject`, or the loaded list. */
export type WalkKind = 'chain' | 'listed';

interface FirstBatch {
  queues: SheetQueue[];
  ledgerRange?: Excel.Range;
  workbookProtected: boolean;
  sheetCount: number;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  opts: ReadOptions = {},
): Promise<WorkbookRead> {
  const contents = opts.contents !== false;
  const st: ReadState = {
    context,
    opts,
    contents,
    wantNotes: contents && opts.notes !== false,
    chainLength: Math.max(1, opts.chainLength ?? DEFAULT_CHAIN),
    chunked: !!opts.chunked && contents,
    walk: opts.walk ?? 'chain',
    syncs: 0,
    sync: async () => {
      st.syncs++;
      await sync();
    },
  };
  const first = await readFirstBatch(st);
  const { order, bySheet } = groupBySheet(first.queues);
  const chunks = st.chunked ? await readChunks(st, order, bySheet) : new Map<string, ChunkData>();
  const notes = await locateNotes(st, order, bySheet);
  return assemble(st, first, order, bySheet, chunks, notes);
}

/** Phase 1: the first batch, with its fallbacks (chunked contents; the listed walk). */
async function readFirstBatch(st: ReadState): Promise<FirstBatch> {
  for (;;) {
    try {
      return await queueAndSyncWalk(st);
    } catch (e) {
      if (st.contents && !st.chunked && isPayloadError(e, { generalIsPayload: !!st.opts.generalIsPayload })) {
        st.chunked = true;
        continue;
      }
      if (st.walk === 'chain' && !isUserSituation(e)) {
        st.walk = 'listed';
        continue;
      }
      throw e;
    }
  }
}

/** Queue one sheet's loads (see the phases above); contents only for sheets read in full. */
function queueSheet(st: ReadState, ws: Excel.Worksheet, withContents: boolean): SheetQueue {
  const { opts } = st;
  ws.load('name,id,visibility');
  ws.protection.load('protected');
  const q: SheetQueue = { ws, contents: withContents };
  if (opts.comments) {
    q.comments = ws.comments;
    q.comments.load('items/content');
  }
  if (!withContents) {
    if (opts.scanNotesFor && opts.notes !== false) {
      q.notes = ws.notes;
      q.notes.load('items/content');
    }
    return q;
  }
  const used = ws.getUsedRangeOrNullObject(true);
  q.used = used;
  if (!st.chunked) {
    used.load('address,values,numberFormat,rowIndex,columnIndex,rowCount,columnCount');
    q.props = used.getCellProperties({ format: { fill: { color: true, pattern: true } } });
  } else {
    used.load('address,rowIndex,columnIndex,rowCount,columnCount');
  }
  // Merged areas as their areas (issue office-js#3611/#1590: the address string can be partial).
  q.merged = used.getMergedAreasOrNullObject();
  q.merged.load(MERGED_AREAS);
  // The formula cells with their texts (only those cells); chunked reads load them per chunk.
  if (!st.chunked) {
    q.formulas = used.getSpecialCellsOrNullObject('Formulas');
    q.formulas.load(FORMULA_AREAS);
  }
  if (st.wantNotes) {
    q.notes = ws.notes;
    q.notes.load('items/content');
  }
  return q;
}

/** Phases 1 and 2: queue the walk (chain or listed), sync, and continue past the chain if needed. */
async function queueAndSyncWalk(st: ReadState): Promise<FirstBatch> {
  const { opts, context } = st;
  const wb = context.workbook;
  const walkContents = st.contents && !opts.onlySheets;
  let listed: Set<string> | null = null;
  let list: Excel.Worksheet[] = [];
  if (st.walk === 'listed') {
    // The sheets' names first: every object queued below exists (no call on a null object).
    wb.worksheets.load('items/name');
    await st.sync();
    list = wb.worksheets.items;
    listed = new Set(list.map((w) => w.name));
  }
  const exists = (name: string): boolean => !listed || listed.has(name);
  const queues: SheetQueue[] = [];
  const count = wb.worksheets.getCount();
  const wbProt = wb.protection;
  wbProt.load('protected');
  // The undo/settings sheet: values only, read by name (a null object when it does not exist).
  let ledgerRange: Excel.Range | undefined;
  if (exists(LEDGER_SHEET)) {
    const ledgerWs = listed ? wb.worksheets.getItem(LEDGER_SHEET) : wb.worksheets.getItemOrNullObject(LEDGER_SHEET);
    ledgerRange = ledgerWs.getUsedRangeOrNullObject(true);
    ledgerRange.load('values,rowIndex,columnIndex');
  }
  if (listed) {
    for (const ws of list) queues.push(queueSheet(st, ws, walkContents));
  } else {
    let ws: Excel.Worksheet = wb.worksheets.getFirst(false);
    for (let i = 0; i < st.chainLength; i++) {
      if (i > 0) ws = ws.getNextOrNullObject(false);
      queues.push(queueSheet(st, ws, walkContents));
    }
  }
  // With onlySheets, the named sheets are read directly, the others walked lightly.
  for (const name of opts.onlySheets ?? []) {
    if (!exists(name)) continue;
    const ws = listed ? wb.worksheets.getItem(name) : wb.worksheets.getItemOrNullObject(name);
    queues.push(queueSheet(st, ws, true));
  }
  if (st.wantNotes) queueNoteProbes(st, queues, exists);
  await st.sync();
  const sheetCount = count.value;
  if (!listed) await continueChain(st, queues, sheetCount, walkContents);
  // Values that came back null (office-js#6781) fail the batch as a payload failure: read in chunks.
  if (!st.chunked) {
    for (const q of queues) if (q.contents && q.used && !q.used.isNullObject) nonNullValues(q.used.values, q.ws.name);
  }
  return { queues, ledgerRange, workbookProtected: !!wbProt.protected, sheetCount };
}

/** Probe the notes of the cells the add-in marked before (the undo record), by sheet. */
function queueNoteProbes(st: ReadState, queues: SheetQueue[], exists: (name: string) => boolean): void {
  const { opts, context } = st;
  for (const [name, cells] of opts.probeNotes ?? []) {
    if (opts.onlySheets && !opts.onlySheets.has(name)) continue;
    if (!exists(name)) continue;
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    const probes = cells.map((cell) => {
      const note = sheet.notes.getItemOrNullObject(cell);
      note.load('content');
      return { cell, note };
    });
    queues.push({ ws: sheet, probes, contents: false });
    sheet.load('name');
  }
}

/** Phase 2: more sheets than the chain covered — continue from its last one, one more sync. */
async function continueChain(st: ReadState, queues: SheetQueue[], total: number, walkContents: boolean): Promise<void> {
  const last = queues[st.chainLength - 1].ws;
  if (total <= st.chainLength || last.isNullObject) return;
  const extra: SheetQueue[] = [];
  let w = last;
  for (let i = 0; i < total - st.chainLength; i++) {
    w = w.getNextOrNullObject(false);
    extra.push(queueSheet(st, w, walkContents));
  }
  await st.sync();
  queues.splice(st.chainLength, 0, ...extra);
}

type Probe = { cell: string; note: Excel.Note };
type BySheet = Map<string, { main?: SheetQueue; probes: Probe[] }>;

/** Phase 3: the queued objects per sheet name, in tab order (the fullest queue of a sheet wins). */
function groupBySheet(queues: SheetQueue[]): { order: string[]; bySheet: BySheet } {
  const order: string[] = [];
  const bySheet: BySheet = new Map();
  for (const q of queues) {
    if (q.ws.isNullObject) continue;
    const name = q.ws.name;
    let e = bySheet.get(name);
    if (!e) {
      e = { probes: [] };
      bySheet.set(name, e);
    }
    if (q.probes) e.probes.push(...q.probes);
    else if (!e.main || (q.contents && !e.main.contents)) {
      if (!e.main) order.push(name);
      e.main = q;
    }
  }
  return { order, bySheet };
}

interface ChunkData {
  values: unknown[][];
  formats: unknown[][];
  props: Props;
  formulas: Record<string, string>;
}

/**
 * Phase 4: chunked contents — row bands of at most `chunkCells` cells, `syncBudgetCells` per sync.
 * A sync that still fails with a payload error (the estimate was low: long texts) is tried again with
 * half the cells per sync, down to 1,000.
 */
async function readChunks(st: ReadState, order: string[], bySheet: BySheet): Promise<Map<string, ChunkData>> {
  let chunkCells = st.opts.chunkCells ?? DEFAULT_CHUNK_CELLS;
  let budget = st.opts.syncBudgetCells ?? DEFAULT_SYNC_BUDGET_CELLS;
  for (;;) {
    try {
      return await readChunksOnce(st, order, bySheet, chunkCells, budget);
    } catch (e) {
      if (!isPayloadError(e, { generalIsPayload: !!st.opts.generalIsPayload }) || budget <= 1000) throw e;
      budget = Math.max(1000, Math.floor(budget / 2));
      chunkCells = Math.min(chunkCells, budget);
    }
  }
}

async function readChunksOnce(
  st: ReadState,
  order: string[],
  bySheet: BySheet,
  chunkCells: number,
  budget: number,
): Promise<Map<string, ChunkData>> {
  const out = new Map<string, ChunkData>();
  const formulaCap = st.opts.formulaCells ?? DEFAULT_FORMULA_CELLS;
  let pending: (() => void)[] = [];
  let pendingCells = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    await st.sync();
    for (const f of pending) f();
    pending = [];
    pendingCells = 0;
  };
  for (const name of order) {
    const q = bySheet.get(name)?.main;
    if (!q || !q.contents || !q.used || q.used.isNullObject || name === LEDGER_SHEET) continue;
    const { rowIndex, columnIndex, rowCount, columnCount } = q.used;
    const data: ChunkData = { values: [], formats: [], props: [], formulas: {} };
    out.set(name, data);
    const rowsPer = Math.max(1, Math.floor(chunkCells / Math.max(1, columnCount)));
    for (let r0 = 0; r0 < rowCount; r0 += rowsPer) {
      const h = Math.min(rowsPer, rowCount - r0);
      if (pendingCells > 0 && pendingCells + h * columnCount > budget) await flush();
      const range = q.ws.getRangeByIndexes(rowIndex + r0, columnIndex, h, columnCount);
      range.load('values,numberFormat');
      const props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
      const formulas = range.getSpecialCellsOrNullObject('Formulas');
      formulas.load(FORMULA_AREAS);
      pendingCells += h * columnCount;
      const at = r0;
      const band = {
        top: rowIndex + r0,
        bottom: rowIndex + r0 + h - 1,
        left: columnIndex,
        right: columnIndex + columnCount - 1,
      };
      pending.push(() => {
        const values = nonNullValues(range.values, name);
        for (let i = 0; i < h; i++) {
          data.values[at + i] = values[i];
          data.formats[at + i] = range.numberFormat[i];
          data.props[at + i] = props.value[i];
        }
        addFormulaCells(data.formulas, loadedAreas(formulas), band, formulaCap);
      });
    }
  }
  await flush();
  return out;
}

/** Phase 5: notes not found by probing (or, with scanNotesFor, our own notes) — one sync for their locations. */
async function locateNotes(
  st: ReadState,
  order: string[],
  bySheet: BySheet,
): Promise<{ located: Map<string, Record<string, string | null>>; tagged: WorkbookRead['tagged'] }> {
  const located = new Map<string, Record<string, string | null>>();
  const tagged: WorkbookRead['tagged'] = [];
  const toLocate: { name: string; tag: boolean; items: { note: Excel.Note; loc: Excel.Range }[] }[] = [];
  const locate = (notes: Excel.Note[]): { note: Excel.Note; loc: Excel.Range }[] =>
    notes.map((note) => {
      const loc = note.getLocation();
      loc.load('address');
      return { note, loc };
    });
  for (const name of order) {
    const e = bySheet.get(name)!;
    const q = e.main;
    if (!q || !q.notes || name === LEDGER_SHEET) continue;
    if (!q.contents) {
      const tag = st.opts.scanNotesFor ?? '';
      const ours = q.notes.items.filter((n) => typeof n.content === 'string' && n.content.includes(tag));
      if (tag && ours.length > 0) toLocate.push({ name, tag: true, items: locate(ours) });
      continue;
    }
    const map: Record<string, string | null> = {};
    for (const p of e.probes) if (!p.note.isNullObject) map[p.cell] = p.note.content;
    located.set(name, map);
    if (q.notes.items.length > Object.keys(map).length)
      toLocate.push({ name, tag: false, items: locate(q.notes.items) });
  }
  if (toLocate.length === 0) return { located, tagged };
  await st.sync();
  for (const t of toLocate) {
    const map: Record<string, string | null> = {};
    for (const { note, loc } of t.items) {
      const cell = localAddress(loc.address).replace(/\$/g, '');
      map[cell] = note.content;
      if (t.tag) tagged.push({ sheet: t.name, cell, note: note.content });
    }
    if (!t.tag) located.set(t.name, map);
  }
  return { located, tagged };
}

/** Phase 6: the grid and the sheets' metadata. */
function assemble(
  st: ReadState,
  first: FirstBatch,
  order: string[],
  bySheet: BySheet,
  chunks: Map<string, ChunkData>,
  notes: { located: Map<string, Record<string, string | null>>; tagged: WorkbookRead['tagged'] },
): WorkbookRead {
  const formulaCap = st.opts.formulaCells ?? DEFAULT_FORMULA_CELLS;
  const comments = new Map<string, Excel.Comment[]>();
  if (st.opts.comments) {
    for (const name of order) {
      const c = bySheet.get(name)!.main?.comments;
      if (c) comments.set(name, c.items);
    }
  }
  const sheets: SheetMeta[] = [];
  const gridSheets: Sheet[] = [];
  const lr = first.ledgerRange;
  const ledgerValues = lr && !lr.isNullObject ? padded(lr) : null;
  for (const name of order) {
    const q = bySheet.get(name)!.main!;
    const used = q.used && !q.used.isNullObject ? q.used : null;
    const usedRange = used ? parseRangeA1(localAddress(used.address).replace(/\$/g, '')) : null;
    sheets.push({
      name,
      id: q.ws.id,
      visibility: q.ws.visibility,
      protected: !!q.ws.protection.protected,
      used: usedRange,
      notesRead: notes.located.has(name),
    });
    if (name === LEDGER_SHEET || !q.contents) continue;
    const cd = chunks.get(name);
    const rawValues = cd ? cd.values : used ? nonNullValues(used.values, name) : [];
    const rawFormats = cd ? cd.formats : used ? (used.numberFormat as unknown[][]) : [];
    const rawProps = cd ? cd.props : used && q.props ? q.props.value : [];
    const formulas = cd ? cd.formulas : used ? addFormulaCells({}, loadedAreas(q.formulas), usedRange, formulaCap) : {};
    gridSheets.push(
      buildSheet(
        name,
        usedRange,
        rawValues,
        rawFormats,
        rawProps ?? [],
        mergedAddresses(q.merged),
        notes.located.get(name) ?? {},
        formulas,
      ),
    );
  }
  return {
    grid: { sheets: gridSheets },
    sheets,
    workbookProtected: first.workbookProtected,
    ledgerValues,
    syncs: st.syncs,
    chunked: st.chunked,
    walk: st.walk,
    tagged: notes.tagged,
    comments,
    sheetCount: first.sheetCount,
  };
}

/** The merged areas' addresses (each item of RangeAreas.areas); none for a null object. */
function mergedAddresses(ra: Excel.RangeAreas | undefined): string[] {
  if (!ra || ra.isNullObject) return [];
  return ra.areas.items.map((r) => r.address);
}

/**
 * `range.values` can come back null with no error for very large ranges (office-js#6781): never
 * taken for an empty sheet — a payload failure, so the caller reads smaller.
 */
function nonNullValues(values: unknown[][] | null | undefined, sheet: string): unknown[][] {
  if (values === null || values === undefined) {
    throw Object.assign(new Error(`Excel returned no values for sheet ${sheet} (range too large).`), {
      code: 'ResponsePayloadSizeLimitExceeded',
    });
  }
  return values;
}

/** A range's values placed at their sheet position (rows and columns before it empty). */
export function padded(range: Excel.Range): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < range.rowIndex; r++) out.push([]);
  for (const row of range.values as unknown[][]) {
    out.push([...new Array<CellValue>(range.columnIndex).fill(null), ...row.map(cellText)]);
  }
  return out;
}

function buildSheet(
  name: string,
  used: CellRange | null,
  rawValues: unknown[][],
  rawFormats: unknown[][],
  rawProps: Props,
  mergedAreas: string[],
  notes: Record<string, string | null>,
  formulas: Record<string, string>,
): Sheet {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const fills: Record<string, string | null> = {};
  if (used) {
    for (let r = 0; r < used.top; r++) {
      values.push([]);
      formats.push([]);
    }
    rawValues.forEach((row, i) => {
      const vr: CellValue[] = new Array<CellValue>(used.left).fill(null);
      const fr: (string | null)[] = new Array<string | null>(used.left).fill(null);
      row.forEach((v, j) => {
        vr.push(cellText(v));
        const f = rawFormats[i]?.[j];
        fr.push(typeof f === 'string' && f !== 'General' ? f : null);
        const p = rawProps[i]?.[j];
        const fill = fillHex(p?.format?.fill?.color, p?.format?.fill?.pattern);
        if (fill) fills[a1(used.top + i, used.left + j)] = fill;
      });
      values.push(vr);
      formats.push(fr);
    });
  }
  const merges: CellRange[] = mergedAreas
    .flatMap(areaList)
    .filter((a) => a.includes(':'))
    .map(parseRangeA1);
  return { name, values, formats, merges, fills, notes, formulas };
}
