/**
 * Reading the open workbook into the engine's grid through office.js.
 *
 * Round trips (`context.sync()`):
 * - Sheets cannot be listed and read in one batch by name (the names are only known after a sync),
 *   so the read walks the sheets with `worksheets.getFirst()` / `getNextOrNullObject()` — proxies that
 *   need no sync; steps past the last sheet are null objects on which every call is a no-op. The
 *   walk queues `chainLength` steps (DEFAULT_CHAIN, 128, when the host does not know the sheet count;
 *   the known count + CHAIN_MARGIN when it does, see index.ts); for each it queues name, id,
 *   visibility, `protection.protected`, `getUsedRangeOrNullObject(true)` with values, numberFormat and
 *   address, the merged areas (`getMergedAreasOrNullObject`, ExcelApi 1.13), the per-cell fill
 *   (`getCellProperties`, ExcelApi 1.9), the formula cells (`getSpecialCellsOrNullObject('Formulas')`
 *   on the used range, ExcelApi 1.9: each area's address and formula texts — only the formula cells,
 *   not the whole used range) and the sheet's notes (ExcelApi 1.18) or comments (ExcelApi 1.10).
 *   `worksheets.getCount()` in the same batch tells whether the walk was long enough; if not, one
 *   more sync reads the remaining sheets.
 * - Request size of the walk (office.js 1.1.110's own serializer, measured by building the batch
 *   with the real library and capturing the request body; the comments collection standing in for
 *   the notes one, same shape): one full step is 13 actions and 6 object paths, about 1.9 KB of
 *   JSON, whether the sheet exists or not — 64 steps 121 KB, 128 steps 244 KB, 256 steps 491 KB;
 *   a light step (names and protection only: undo, clear, re-check of other sheets) about 0.53 KB.
 *   Excel's request limit is 5 MB (Excel on the web), so 128 steps cost a quarter megabyte of
 *   request on a one-sheet workbook and save a round trip on workbooks of 65–128 sheets. The
 *   responses for steps past the last sheet are null markers only.
 * - Notes have no address property: their location needs `note.getLocation()` after the notes are
 *   known. Cells listed in `probeNotes` (the cells the add-in marked before, from the undo record)
 *   are probed in the first batch with `notes.getItemOrNullObject(cell)`; when a sheet's note count
 *   equals the notes found by probing, no further sync is needed. Otherwise one more sync loads the
 *   locations of that sheet's notes.
 * - Used ranges beyond the payload limit (Excel on the web: about 5 MB per request): when the first
 *   batch fails with a payload error (or `chunked` is set), one sync learns the used-range addresses
 *   and the contents are read in row chunks of at most `chunkCells` cells, queued together up to
 *   `syncBudgetCells` cells per sync (defaults 250,000 and 1,000,000). Each chunk also loads its own
 *   formula cells (`getSpecialCellsOrNullObject('Formulas')` on the chunk, areas with formula texts),
 *   in the chunk's sync.
 * - Formula cells become `Sheet.formulas` (A1 → the formula text, "=SUM(J16:J28)"; '' when Excel
 *   gave no text). The engine never replaces a formula whose result agrees; when it replaces one whose
 *   result was wrong, the undo record keeps the text so undo puts the formula back (write.ts). At
 *   most `formulaCells` cells per sheet (default 300,000), within the used range.
 *
 * So a workbook of up to 128 sheets (or any size the host learnt before, index.ts) with no notes other
 * than the add-in's own is read in ONE sync.
 */
import { CellRange, a1, parseRangeA1, CellValue, Sheet, WorkbookGrid } from '../engine';
import { isPayloadError } from './errors';

export const LEDGER_SHEET = '_selfeval_undo';

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
  chunkCells?: number;
  syncBudgetCells?: number;
  /** At most this many formula cells per sheet are listed in `Sheet.formulas`. */
  formulaCells?: number;
}

export const DEFAULT_CHAIN = 128;
export const DEFAULT_CHUNK_CELLS = 250_000;
export const DEFAULT_SYNC_BUDGET_CELLS = 1_000_000;
export const DEFAULT_FORMULA_CELLS = 300_000;

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

export async function readWorkbook(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  opts: ReadOptions = {},
): Promise<WorkbookRead> {
  let syncs = 0;
  const counted = async (): Promise<void> => {
    syncs++;
    await sync();
  };
  const contents = opts.contents !== false;
  const wantNotes = contents && opts.notes !== false;
  const chainLength = Math.max(1, opts.chainLength ?? DEFAULT_CHAIN);
  let chunked = !!opts.chunked && contents;

  const wb = context.workbook;
  const queueSheet = (ws: Excel.Worksheet, withContents: boolean): SheetQueue => {
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
    if (!chunked) {
      used.load('address,values,numberFormat,rowIndex,columnIndex,rowCount,columnCount');
      q.props = used.getCellProperties({ format: { fill: { color: true, pattern: true } } });
    } else {
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
    }
    q.merged = used.getMergedAreasOrNullObject();
    q.merged.load('address');
    // The formula cells with their texts (only those cells); chunked reads load them per chunk.
    if (!chunked) {
      q.formulas = used.getSpecialCellsOrNullObject('Formulas');
      q.formulas.load(FORMULA_AREAS);
    }
    if (wantNotes) {
      q.notes = ws.notes;
      q.notes.load('items/content');
    }
    return q;
  };

  let sheetCount = 0;
  const attempt = async (): Promise<SheetQueue[]> => {
    const queues: SheetQueue[] = [];
    const count = wb.worksheets.getCount();
    const wbProt = wb.protection;
    wbProt.load('protected');
    // The undo/settings sheet: values only, read by name (a null object when it does not exist).
    ledgerRange = wb.worksheets.getItemOrNullObject(LEDGER_SHEET).getUsedRangeOrNullObject(true);
    ledgerRange.load('values,rowIndex,columnIndex');
    // With onlySheets, the named sheets are read directly (getItemOrNullObject), the others walked lightly.
    let ws: Excel.Worksheet = wb.worksheets.getFirst(false);
    for (let i = 0; i < chainLength; i++) {
      if (i > 0) ws = ws.getNextOrNullObject(false);
      queues.push(queueSheet(ws, contents && !opts.onlySheets));
    }
    if (opts.onlySheets) {
      for (const name of opts.onlySheets) {
        queues.push(queueSheet(wb.worksheets.getItemOrNullObject(name), true));
      }
    }
    if (wantNotes && opts.probeNotes && opts.probeNotes.size > 0) {
      for (const [name, cells] of opts.probeNotes) {
        if (opts.onlySheets && !opts.onlySheets.has(name)) continue;
        const sheet = wb.worksheets.getItemOrNullObject(name);
        const probes = cells.map((cell) => {
          const note = sheet.notes.getItemOrNullObject(cell);
          note.load('content');
          return { cell, note };
        });
        queues.push({ ws: sheet, probes, contents: false });
        sheet.load('name');
      }
    }
    await counted();
    // More sheets than the walk covered: continue from the last one.
    let total = count.value;
    sheetCount = total;
    let last = queues[chainLength - 1].ws;
    while (total > chainLength && !last.isNullObject) {
      const more = total - chainLength;
      const extra: SheetQueue[] = [];
      let w = last;
      for (let i = 0; i < more; i++) {
        w = w.getNextOrNullObject(false);
        extra.push(queueSheet(w, contents && !opts.onlySheets));
      }
      await counted();
      queues.splice(chainLength, 0, ...extra);
      last = w;
      total = 0;
    }
    workbookProtected = !!wbProt.protected;
    return queues;
  };

  let workbookProtected = false;
  let ledgerRange: Excel.Range | undefined;
  let queues: SheetQueue[];
  try {
    queues = await attempt();
  } catch (e) {
    if (!contents || chunked || !isPayloadError(e)) throw e;
    chunked = true;
    queues = await attempt();
  }

  // Group the queues per sheet name: walked sheets, directly named sheets, note probes.
  const order: string[] = [];
  const bySheet = new Map<string, { main?: SheetQueue; probes: { cell: string; note: Excel.Note }[] }>();
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

  // Chunked contents: addresses are known now; queue all chunks, one sync per budget.
  const chunkData = new Map<
    string,
    { values: unknown[][]; formats: unknown[][]; props: Props; formulas: Record<string, string> }
  >();
  const formulaCap = opts.formulaCells ?? DEFAULT_FORMULA_CELLS;
  if (chunked) {
    const chunkCells = opts.chunkCells ?? DEFAULT_CHUNK_CELLS;
    const budget = opts.syncBudgetCells ?? DEFAULT_SYNC_BUDGET_CELLS;
    let pending: (() => void)[] = [];
    let pendingCells = 0;
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      await counted();
      for (const f of pending) f();
      pending = [];
      pendingCells = 0;
    };
    for (const name of order) {
      const q = bySheet.get(name)?.main;
      if (!q || !q.contents || !q.used || q.used.isNullObject || name === LEDGER_SHEET) continue;
      const { rowIndex, columnIndex, rowCount, columnCount } = q.used;
      const data = {
        values: [] as unknown[][],
        formats: [] as unknown[][],
        props: [] as Props,
        formulas: {} as Record<string, string>,
      };
      chunkData.set(name, data);
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
          for (let i = 0; i < h; i++) {
            data.values[at + i] = range.values[i];
            data.formats[at + i] = range.numberFormat[i];
            data.props[at + i] = props.value[i];
          }
          addFormulaCells(data.formulas, loadedAreas(formulas), band, formulaCap);
        });
      }
    }
    await flush();
  }

  // Notes not found by probing (or, with scanNotesFor, our own notes): one more sync for their locations.
  const located = new Map<string, Record<string, string | null>>();
  const tagged: { sheet: string; cell: string; note: string }[] = [];
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
      const tag = opts.scanNotesFor ?? '';
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
  if (toLocate.length > 0) {
    await counted();
    for (const t of toLocate) {
      const map: Record<string, string | null> = {};
      for (const { note, loc } of t.items) {
        const cell = localAddress(loc.address).replace(/\$/g, '');
        map[cell] = note.content;
        if (t.tag) tagged.push({ sheet: t.name, cell, note: note.content });
      }
      if (!t.tag) located.set(t.name, map);
    }
  }

  const comments = new Map<string, Excel.Comment[]>();
  if (opts.comments) {
    for (const name of order) {
      const c = bySheet.get(name)!.main?.comments;
      if (c) comments.set(name, c.items);
    }
  }

  const sheets: SheetMeta[] = [];
  const gridSheets: Sheet[] = [];
  const ledgerValues = ledgerRange && !ledgerRange.isNullObject ? padded(ledgerRange) : null;
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
      notesRead: located.has(name),
    });
    if (name === LEDGER_SHEET || !q.contents) continue;
    const cd = chunkData.get(name);
    const rawValues = cd ? cd.values : used ? (used.values as unknown[][]) : [];
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
        q.merged && !q.merged.isNullObject ? q.merged.address : '',
        located.get(name) ?? {},
        formulas,
      ),
    );
  }
  return {
    grid: { sheets: gridSheets },
    sheets,
    workbookProtected,
    ledgerValues,
    syncs,
    chunked,
    tagged,
    comments,
    sheetCount,
  };
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
  mergedAddress: string,
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
  const merges: CellRange[] = mergedAddress
    ? mergedAddress
        .split(',')
        .map((s) => localAddress(s.trim()).replace(/\$/g, ''))
        .filter((s) => s.includes(':'))
        .map(parseRangeA1)
    : [];
  return { name, values, formats, merges, fills, notes, formulas };
}
