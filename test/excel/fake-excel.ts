/**
 * A recording fake of the office.js Excel objects the host (src/excel) uses, for tests and benchmarks.
 *
 *   import { createFakeExcel } from '../test/excel/fake-excel';
 *   const fake = createFakeExcel(grid.sheets);          // sheets: { name, values, formats?, merges, fills?, notes?, formulas? }
 *   const host = createExcelHost(fake.run);
 *   await host.check({ writeValues: true, settings });
 *   fake.syncCount();                                     // context.sync() calls so far (fake.resetSyncCount())
 *   fake.sheet('项目表').get('F12');                        // { value, numFmt, fill, note, formula? } of a cell now
 *   fake.writes;                                          // every cell-level write: { sheet, cell, what }
 *
 * Why a fake and not office-addin-mock: the mock is a bag of loaded properties; it has no batch queue
 * (writes take effect at once, loads need no sync), no null objects, no used range, merged areas,
 * cell properties, notes, worksheet walking or events. This fake behaves like Excel where it matters:
 * - commands are queued and run in order at `context.sync()`; loaded properties are readable only
 *   after the sync that loaded them (reading earlier throws PropertyNotLoaded);
 * - `*OrNullObject` calls give null objects on which every call is a no-op (`isNullObject` true);
 * - Excel-shaped values: empty cells are "", formats "General", fills "#RRGGBB" (no fill: "#FFFFFF"
 *   with pattern "None"), addresses "Sheet!A1:B2", multi-area addresses "Sheet!A1:B2, Sheet!D4";
 * - formulas: a cell given a formula (FakeSheetInit.formulas, or `setFormula`) keeps it, with its
 *   `value` as the formula's result (the fake does not calculate), until a value is written over it
 *   (API `values`, `clear()`, or `edit()`); `getSpecialCellsOrNullObject('Formulas' | 'Constants')`
 *   gives the areas of such cells within the range (rows of runs merged into rectangles; loadable
 *   `address` and `areas/items/address,areas/items/formulas`), and `load('formulas')` the formula
 *   ("=…") or, for other cells, the value. Writing `range.formulas` sets a formula ("=…") or a
 *   constant; the fake does not calculate: a formula written back to a cell that held it before gets
 *   the result it had then (init, `setFormula`), any other formula reads as empty until `setFormula`;
 * - writing to a protected sheet, or adding/deleting sheets in a protected workbook, fails the sync
 *   with AccessDenied (commands before it in the batch have run — office.js batches are not
 *   transactional); `setEditMode(true)` fails every sync with InvalidOperationInCellEditMode;
 *   `payloadLimitCells` fails a sync that loads more cells than that (ResponsePayloadSizeLimitExceeded);
 * - comments (ExcelApi 1.10): `workbook.comments` and `worksheet.comments` — `add(cellAddress, content)`
 *   with a sheet-qualified address ("'My sheet'!B3") or a Range (a cell holding a comment already
 *   fails the sync with InvalidArgument, as one thread per cell), `load('items/content')`, and each
 *   comment's `content`, `id`, `getLocation()` and `delete()`; `getItemByCell` throws ItemNotFound on
 *   a cell without one. `setComment` adds a user's comment; `sheet(name).comments()` lists them.
 *   `FakeOptions.notes` / `.comments` false make the notes / comments API unavailable (a sync using
 *   it fails with ApiNotFound) and `isSetSupported('ExcelApi', '1.18' / '1.10')` say so;
 * - `worksheets.onChanged` handlers fire after `edit()` (triggerSource "Unknown") and after API
 *   writes of values (triggerSource "ThisLocalAddin", as ExcelApi 1.14 reports).
 */
import { CellRange, a1, parseA1, parseRangeA1, rangeA1 } from '../../src/engine/address';
import { CellValue } from '../../src/engine/grid';

export interface FakeCell {
  value: CellValue;
  numFmt: string | null;
  fill: string | null;
  note: string | null;
  hyperlink?: string;
  /** The cell's formula ("=E9/D9"); `value` is its result. Absent on constants. */
  formula?: string;
}

export interface FakeSheetInit {
  name: string;
  values: CellValue[][];
  formats?: (string | null | undefined)[][];
  merges?: CellRange[];
  fills?: Record<string, string | null>;
  notes?: Record<string, string | null>;
  /** A1 → formula text ("=E9/D9" or "E9/D9"; '' for a formula of unknown text). The cell's value is its result. */
  formulas?: Record<string, string>;
  protected?: boolean;
}

export interface FakeWrite {
  sheet: string;
  cell: string;
  what: 'value' | 'formula' | 'numFmt' | 'fill' | 'note' | 'comment' | 'clear' | 'hyperlink';
}

/**
 * An optional API's state: true (works), false (Excel lacks it: `isSetSupported` says no and a sync
 * using it fails with ApiNotFound), 'absent' (Excel says the set is supported but the loaded office.js
 * has no such property: `worksheet.notes` is undefined — office.js 1.1.110 in current Excel) or
 * 'throws' (supported and present, but every sync using it fails with GeneralException) or
 * 'write-throws' (reading works; adding or deleting fails with GeneralException).
 */
export type FakeApi = boolean | 'absent' | 'throws' | 'write-throws';

export interface FakeOptions {
  payloadLimitCells?: number;
  /**
   * `range.values` comes back null, with no error, for a range of more cells than this (office-js#6781:
   * above about 5 million cells).
   */
  nullValuesAboveCells?: number;
  /** Fail a sync whose serialised request or response is larger (bytes; Excel on the web: 5 MB). */
  payloadLimitBytes?: number;
  /** The notes API (ExcelApi 1.18). Default true. */
  notes?: FakeApi;
  /** The comments API (ExcelApi 1.10). Default true. */
  comments?: FakeApi;
  /** Fire onChanged for values written through the API (Excel does). Default true. */
  eventsOnApiWrites?: boolean;
  /**
   * Change events carry `triggerSource` (ExcelApi 1.14). false: Excel before 1.14, events without it
   * ("WorksheetChangedEventArgs", learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs:
   * triggerSource is [API set: ExcelApi 1.14]). Default true.
   */
  triggerSource?: boolean;
  /**
   * The context has `runtime.enableEvents` (ExcelApi 1.8). false: no `context.runtime`, so the add-in
   * cannot switch its events off and its own writes raise events. Default true.
   */
  enableEvents?: boolean;
  /**
   * Calls chained on a null WORKSHEET (`getNextOrNullObject`, `getUsedRangeOrNullObject`, its
   * protection, notes or comments) fail the sync with GeneralException. Office documents that a null
   * object's `isNullObject` is true ("*OrNullObject methods and properties",
   * learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties)
   * but not what calls on it do; the default (false) treats them as no-ops, as Excel has been seen to.
   */
  nullChainThrows?: boolean;
  /**
   * The merged areas' `address` lists only the first area (office-js#3611 and #1590 report merges
   * returned partly); `areas/items/address` stays complete, the workaround the issue names.
   */
  mergedAddressPartial?: boolean;
}

class OfficeError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const key = (r: number, c: number): string => `${r},${c}`;

/**
 * A sheet name as Excel writes it in an address: in single quotes (inner quotes doubled) unless it is
 * a plain name — letters, digits, underscores and dots, not starting with a digit and not readable as
 * a cell reference ("Sheet1!A1", "'My sheet'!A1", "'2023年'!A1"; Excel's reference syntax, "Create or
 * change a cell reference", support.microsoft.com/office/create-or-change-a-cell-reference-c7b8b95d-c594-4488-947e-c835903cebaa).
 */
export function sheetRef(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Sheet names compare without regard to case, as in Excel. */
const sameName = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** A formula text as Excel gives it back: with its leading '=' ('' stays '': text unknown). */
const formulaText = (f: string): string => (f === '' || f.startsWith('=') ? f : `=${f}`);

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  /** Cell comments (threads), A1 → id and content. */
  commentMap = new Map<string, { id: string; content: string }>();
  merges: CellRange[] = [];
  visibility = 'Visible';
  protected = false;
  constructor(
    public name: string,
    public id: string,
  ) {}

  cellAt(r: number, c: number, create = false): FakeCell | undefined {
    let cell = this.cells.get(key(r, c));
    if (!cell && create) {
      cell = { value: null, numFmt: null, fill: null, note: null };
      this.cells.set(key(r, c), cell);
    }
    return cell;
  }

  /** A copy of one cell's state (A1). */
  get(addr: string): FakeCell {
    const { row, col } = parseA1(addr);
    const c = this.cellAt(row, col);
    return c ? { ...c } : { value: null, numFmt: null, fill: null, note: null };
  }

  /** Cells that hold a note, A1 → text. */
  notes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, c] of this.sortedCells()) if (c.note !== null) out[k] = c.note;
    return out;
  }

  /** Cells that hold a comment, A1 → content (in cell order). */
  comments(): Record<string, string> {
    const out: Record<string, string> = {};
    const keys = [...this.commentMap.keys()]
      .map((k) => ({ k, p: parseA1(k) }))
      .sort((x, y) => x.p.row - y.p.row || x.p.col - y.p.col);
    for (const { k } of keys) out[k] = this.commentMap.get(k)!.content;
    return out;
  }

  /** Cells that hold a formula, A1 → formula text. */
  formulas(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, c] of this.sortedCells()) if (c.formula !== undefined) out[k] = c.formula;
    return out;
  }

  /**
   * The cells within `r` holding a formula ('Formulas') or a non-empty constant ('Constants'), as
   * rectangles: runs along each row, runs of the same columns on consecutive rows merged.
   */
  specialAreas(r: CellRange, type: 'Formulas' | 'Constants'): CellRange[] {
    const hits: { row: number; col: number }[] = [];
    for (const [k, c] of this.cells) {
      const [row, col] = k.split(',').map(Number);
      if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
      const isFormula = c.formula !== undefined;
      if (type === 'Formulas' ? isFormula : !isFormula && c.value !== null && c.value !== '') hits.push({ row, col });
    }
    hits.sort((x, y) => x.row - y.row || x.col - y.col);
    const done: CellRange[] = [];
    let open = new Map<string, CellRange>();
    let row = -1;
    let runs: CellRange[] = [];
    const closeRow = (): void => {
      const next = new Map<string, CellRange>();
      for (const run of runs) {
        const k = `${run.left},${run.right}`;
        const prev = open.get(k);
        if (prev && prev.bottom === run.top - 1) {
          prev.bottom = run.top;
          next.set(k, prev);
          open.delete(k);
        } else next.set(k, run);
      }
      done.push(...open.values());
      open = next;
      runs = [];
    };
    for (const h of hits) {
      if (h.row !== row) {
        if (row >= 0) closeRow();
        row = h.row;
      }
      const last = runs[runs.length - 1];
      if (last && last.right === h.col - 1) last.right = h.col;
      else runs.push({ top: h.row, bottom: h.row, left: h.col, right: h.col });
    }
    closeRow();
    done.push(...open.values());
    return done.sort((x, y) => x.top - y.top || x.left - y.left);
  }

  /** Cells that have a fill, A1 → RRGGBB. */
  fills(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, c] of this.sortedCells()) if (c.fill !== null) out[k] = c.fill;
    return out;
  }

  sortedCells(): [string, FakeCell][] {
    return [...this.cells.entries()]
      .map(([k, c]) => {
        const [r, col] = k.split(',').map(Number);
        return { r, col, c };
      })
      .sort((x, y) => x.r - y.r || x.col - y.col)
      .map(({ r, col, c }) => [a1(r, col), c]);
  }

  usedRange(valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      const has = c.value !== null && c.value !== '';
      const any = has || c.numFmt !== null || c.fill !== null || c.note !== null;
      if (valuesOnly ? !has : !any) continue;
      const [r, col] = k.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export interface FakeExcel {
  run: typeof Excel.run;
  /** context.sync() calls so far (including failed ones and Excel.run's final one). */
  syncCount(): number;
  /** Each sync's serialised request and response size (bytes), since the last resetSyncCount. */
  batchSizes(): FakeBatchSize[];
  resetSyncCount(): void;
  sheet(name: string): FakeSheet;
  sheetNames(): string[];
  writes: FakeWrite[];
  selected: { sheet: string; address: string } | null;
  setEditMode(on: boolean): void;
  setWorkbookProtected(on: boolean): void;
  /** The user types a value: sets it and fires onChanged (awaits the handlers). */
  edit(sheet: string, addr: string, value: CellValue): Promise<void>;
  /** The user pastes a block at `topLeft`: one onChanged event with the whole range's address. */
  paste(sheet: string, topLeft: string, values: CellValue[][]): Promise<void>;
  /** A co-author changes a cell: onChanged with source "Remote". */
  remoteEdit(sheet: string, addr: string, value: CellValue): Promise<void>;
  /** `context.runtime.enableEvents` as the add-in left it. */
  eventsEnabled(): boolean;
  /**
   * Arm failures: the next sync that writes fails with GeneralException after `n` more cell writes
   * (commands before it have run: batches are not transactional). Several numbers arm several syncs.
   */
  failAfterWrites(...n: number[]): void;
  /**
   * Arm one failure counted across syncs: the sync in which the `n`-th cell write from now would happen
   * fails there with GeneralException (a write sent in several syncs failing in a later one).
   */
  failAtWrite(n: number): void;
  /** The user enters a formula whose result is `value` (no event fired; the fake does not calculate). */
  setFormula(sheet: string, addr: string, formula: string, value: CellValue): void;
  /** The user adds a note of their own. */
  setNote(sheet: string, addr: string, note: string | null): void;
  /** The user adds a comment of their own (null: deletes the cell's comment). */
  setComment(sheet: string, addr: string, content: string | null): void;
  /** `Office.context.requirements.isSetSupported` as this fake Excel answers it (FakeOptions.notes/comments). */
  isSetSupported(name: string, version: string): boolean;
  setFill(sheet: string, addr: string, fill: string | null): void;
  /** Resolves when all event handlers fired so far have finished. */
  idle(): Promise<void>;
  options: FakeOptions;
}

type Resolver<T> = () => T | null;

interface Batch {
  ops: (() => void)[];
  loadedCells: number;
  /** Serialised size of the queued commands (bytes). */
  requestBytes: number;
}

/** One sync as the fake measured it: serialised request and response sizes in bytes (UTF-8 JSON). */
export interface FakeBatchSize {
  request: number;
  response: number;
  /** The sync failed (payload limit, protection, …). */
  failed: boolean;
}

/**
 * Bytes one command adds to a request besides its own data: office.js 1.1.110's serializer measured
 * on the read batch (13 actions and 6 object paths of a sheet step ≈ 1.9 KB: about 146 bytes an
 * action, object path included; docs/excel-host-notes.md).
 */
export const ACTION_BYTES = 146;

/** UTF-8 bytes of a string (TextEncoder: the fake also runs in the browser, test/e2e/office-fake.ts). */
const encoder = new TextEncoder();
const byteLength = (text: string): number => encoder.encode(text).length;
const utf8 = (v: unknown): number => byteLength(JSON.stringify(v) ?? '');

export function createFakeExcel(inits: FakeSheetInit[], options: FakeOptions = {}): FakeExcel {
  const sheets: FakeSheet[] = [];
  /** The result each formula had at a cell (sheet, A1, text): what it gives when written back there. */
  const results = new Map<string, CellValue>();
  const resultKey = (sheet: string, addr: string, f: string): string => `${sheet}\u0000${addr}\u0000${formulaText(f)}`;
  let nextId = 1;
  const addSheet = (name: string): FakeSheet => {
    const s = new FakeSheet(name, `{${String(nextId++).padStart(8, '0')}-FAKE}`);
    sheets.push(s);
    return s;
  };
  for (const init of inits) {
    const s = addSheet(init.name);
    s.protected = !!init.protected;
    s.merges = [...(init.merges ?? [])];
    init.values.forEach((row, r) =>
      (row ?? []).forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        s.cellAt(r, c, true)!.value = v;
      }),
    );
    init.formats?.forEach((row, r) =>
      (row ?? []).forEach((f, c) => {
        if (f && f !== 'General') s.cellAt(r, c, true)!.numFmt = f;
      }),
    );
    for (const [addr, f] of Object.entries(init.fills ?? {})) {
      if (!f) continue;
      const p = parseA1(addr);
      s.cellAt(p.row, p.col, true)!.fill = f.replace(/^#/, '').toUpperCase();
    }
    for (const [addr, n] of Object.entries(init.notes ?? {})) {
      if (!n) continue;
      const p = parseA1(addr);
      s.cellAt(p.row, p.col, true)!.note = n;
    }
    for (const [addr, f] of Object.entries(init.formulas ?? {})) {
      const p = parseA1(addr);
      const cell = s.cellAt(p.row, p.col, true)!;
      cell.formula = f;
      results.set(resultKey(s.name, addr, f), cell.value);
    }
  }

  let syncs = 0;
  const sizes: FakeBatchSize[] = [];
  let editMode = false;
  let workbookProtected = false;
  const writes: FakeWrite[] = [];
  /**
   * A constant written over a cell (range.values, or range.formulas without "="): its formula goes.
   * Strings are interpreted as Excel does when they are written ("Range.values":
   * learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member — a value
   * starting with "=" is taken as a formula; text that reads as a number or a percentage becomes that
   * number, a percentage also gets a percent format when the cell's is General), unless the cell is
   * formatted as text ("@") or the string starts with an apostrophe (Excel's quote prefix: the rest is
   * kept as text).
   */
  const writeConstant = (sheet: FakeSheet, r: number, c: number, x: unknown): void => {
    const cell = sheet.cellAt(r, c, true)!;
    const addr = a1(r, c);
    delete cell.formula;
    writes.push({ sheet: sheet.name, cell: addr, what: 'value' });
    if (typeof x === 'string' && x !== '' && cell.numFmt !== '@') {
      if (x.startsWith("'")) {
        cell.value = x.slice(1) === '' ? null : x.slice(1);
        return;
      }
      if (x.startsWith('=')) {
        cell.formula = x;
        cell.value = results.get(resultKey(sheet.name, addr, x)) ?? null;
        return;
      }
      const pct = /^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*$/.exec(x);
      if (pct) {
        cell.value = Number(pct[1]) / 100;
        if (cell.numFmt === null) cell.numFmt = pct[1].includes('.') ? '0.00%' : '0%';
        return;
      }
      if (/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(x)) {
        cell.value = Number(x);
        return;
      }
    }
    cell.value = x === '' || x === undefined ? null : (x as CellValue);
  };
  const handlers = new Set<(e: unknown) => Promise<unknown> | unknown>();
  /**
   * `context.runtime.enableEvents` (ExcelApi 1.8): while false, the add-in's own changes raise no
   * events ("Runtime.enableEvents", learn.microsoft.com/javascript/api/excel/excel.runtime#excel-excel-runtime-enableevents-member:
   * "Toggle JavaScript events in the current task pane or content add-in"). The fake applies it per
   * command, in batch order.
   */
  let eventsEnabled = true;
  /** Armed failures: the next sync fails once this many more cells were written in it (failAfterWrites). */
  const failures: number[] = [];
  /** Armed by failAtWrite: the count of `writes` at which a sync fails, whichever sync it is. */
  let failAt: number | null = null;
  const pendingEvents: Promise<unknown>[] = [];
  const state = { selected: null as { sheet: string; address: string } | null };

  /**
   * Excel's onChanged: `source` Local or Remote (a co-author), `triggerSource` only with ExcelApi 1.14
   * (options.triggerSource), the address of the whole changed range ("B3" or "B3:D7").
   * "Work with Events using the Excel JavaScript API",
   * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events.
   */
  const fire = (sheet: FakeSheet, address: string, byAddin = false, remote = false): void => {
    if (!eventsEnabled) return; // the add-in turned its events off (runtime.enableEvents)
    const withTrigger = options.triggerSource !== false;
    for (const h of [...handlers]) {
      const e: Record<string, unknown> = {
        type: 'WorksheetChanged',
        changeType: 'RangeEdited',
        source: remote ? 'Remote' : 'Local',
        worksheetId: sheet.id,
        address,
      };
      if (withTrigger) e.triggerSource = byAddin ? 'ThisLocalAddin' : 'Unknown';
      pendingEvents.push(Promise.resolve().then(() => h(e)));
    }
  };

  let nextComment = 1;
  const requireApi = (api: 'notes' | 'comments', write = false): void => {
    if (write && options[api] === 'write-throws') {
      throw new OfficeError('GeneralException', `An internal error has occurred (${api} write).`);
    }
    if (options[api] === false) {
      throw new OfficeError('ApiNotFound', `The ${api} API is not supported by this version of Excel.`);
    }
    if (options[api] === 'throws') {
      throw new OfficeError('GeneralException', `An internal error has occurred (${api}).`);
    }
  };
  const guardSheet = (s: FakeSheet): void => {
    if (s.protected) throw new OfficeError('AccessDenied', `The sheet ${s.name} is protected.`);
  };
  const guardWorkbook = (): void => {
    if (workbookProtected) throw new OfficeError('AccessDenied', 'The workbook structure is protected.');
  };

  function makeContext(): Excel.RequestContext {
    let batch: Batch = { ops: [], loadedCells: 0, requestBytes: 0 };
    const changed = new Map<FakeSheet, CellRange[]>();
    /** Response bytes of the sync being executed. */
    const meter = { response: 0 };
    /** Queue a command; `payload` is its data as sent (values written, text of a note, …). */
    const queue = (op: () => void, payload?: unknown): void => {
      batch.ops.push(op);
      batch.requestBytes += ACTION_BYTES + (payload === undefined ? 0 : utf8(payload));
    };
    /** The data a command carries (values written, a note's text, …) counts towards the request. */
    const addPayload = (x: unknown): void => {
      batch.requestBytes += utf8(x);
    };
    /** Serialise loaded data: nested loaded objects count where they are filled in, not twice. */
    const measure = (v: unknown): number =>
      byteLength(JSON.stringify(v, (_k, x: unknown) => (x instanceof Loadable ? {} : x)) ?? '');
    /** Loaded properties: every value set counts towards the running sync's response. */
    const loadedStore = (): Record<string, unknown> =>
      new Proxy({} as Record<string, unknown>, {
        set(target, prop, value) {
          meter.response += measure(value) + String(prop).length + 4;
          target[prop as string] = value;
          return true;
        },
      });

    class Loadable {
      _loaded: Record<string, unknown> = loadedStore();
      _null: boolean | undefined;
      _get(prop: string): never | unknown {
        if (!(prop in this._loaded)) throw new OfficeError('PropertyNotLoaded', `Property ${prop} was not loaded.`);
        return this._loaded[prop];
      }
      get isNullObject(): boolean {
        if (this._null === undefined) throw new OfficeError('PropertyNotLoaded', 'isNullObject was not loaded.');
        return this._null;
      }
    }

    const propList = (spec: unknown): string[] | null => {
      if (spec === undefined) return null;
      if (typeof spec === 'string') return spec.split(',').map((s) => s.trim());
      if (Array.isArray(spec)) return spec as string[];
      return Object.keys(spec as object).filter((k) => (spec as Record<string, unknown>)[k]);
    };

    type SheetRef = Resolver<FakeSheet>;
    interface RangeTarget {
      sheet: FakeSheet;
      r: CellRange;
    }

    class ClientResult<T> {
      private _val: T | undefined;
      _set = false;
      get _v(): T | undefined {
        return this._val;
      }
      set _v(x: T | undefined) {
        meter.response += measure(x);
        this._val = x;
      }
      get value(): T {
        if (!this._set) throw new OfficeError('PropertyNotLoaded', 'ClientResult.value was not synced.');
        return this._v as T;
      }
    }

    class Protection extends Loadable {
      constructor(private sheet: SheetRef) {
        super();
      }
      load(): this {
        queue(() => {
          const s = this.sheet();
          this._null = !s;
          this._loaded.protected = s ? s.protected : undefined;
        });
        return this;
      }
      get protected(): boolean {
        return this._get('protected') as boolean;
      }
    }

    class RangeAreas extends Loadable {
      constructor(
        private target: Resolver<{ sheet: FakeSheet; areas: CellRange[] }>,
        private partialAddress = false,
      ) {
        super();
      }
      /** 'address' and/or 'areas/items/<address|formulas|values>' (the areas as loaded Ranges). */
      load(spec?: unknown): this {
        const props = propList(spec) ?? ['address'];
        const itemProps: string[] = [];
        for (const p of props) {
          const m = /^areas\/items\/(\w+)$/.exec(p);
          if (m) itemProps.push(m[1]);
          else if (p !== 'address') throw new OfficeError('InvalidArgument', `fake: cannot load RangeAreas.${p}`);
        }
        queue(() => {
          const t = this.target();
          this._null = !t;
          if (!t) return;
          if (props.includes('address')) {
            const listed = this.partialAddress ? t.areas.slice(0, 1) : t.areas;
            this._loaded.address = listed.map((a) => areaAddress(t.sheet, a)).join(', ');
          }
          if (itemProps.length > 0) {
            this._loaded.areas = t.areas.map((a) => {
              const r = new Range(() => ({ sheet: t.sheet, r: a }));
              r._loadNow(itemProps);
              return r;
            });
          }
        });
        return this;
      }
      get address(): string {
        return this._get('address') as string;
      }
      get areas(): { items: Range[] } {
        const get = (): Range[] => this._get('areas') as Range[];
        return {
          get items(): Range[] {
            return get();
          },
        };
      }
    }

    const areaAddress = (s: FakeSheet, a: CellRange): string =>
      a.top === a.bottom && a.left === a.right
        ? `${sheetRef(s.name)}!${a1(a.top, a.left)}`
        : `${sheetRef(s.name)}!${rangeA1(a)}`;
    const cellsOf = (t: RangeTarget, f: (r: number, c: number) => void): void => {
      for (let r = t.r.top; r <= t.r.bottom; r++) for (let c = t.r.left; c <= t.r.right; c++) f(r, c);
    };
    const addrOf = (t: RangeTarget): string =>
      t.r.top === t.r.bottom && t.r.left === t.r.right
        ? `${sheetRef(t.sheet.name)}!${a1(t.r.top, t.r.left)}`
        : `${sheetRef(t.sheet.name)}!${rangeA1(t.r)}`;
    const markChanged = (t: RangeTarget): void => {
      if (!eventsEnabled) return;
      changed.set(t.sheet, [...(changed.get(t.sheet) ?? []), t.r]);
    };

    class Fill {
      constructor(private range: Range) {}
      set color(v: string) {
        addPayload(v);
        queue(() => {
          const t = this.range._target();
          if (!t) return;
          guardSheet(t.sheet);
          cellsOf(t, (r, c) => {
            t.sheet.cellAt(r, c, true)!.fill = v.replace(/^#/, '').toUpperCase();
            writes.push({ sheet: t.sheet.name, cell: a1(r, c), what: 'fill' });
          });
        });
      }
      clear(): void {
        queue(() => {
          const t = this.range._target();
          if (!t) return;
          guardSheet(t.sheet);
          cellsOf(t, (r, c) => {
            const cell = t.sheet.cellAt(r, c);
            if (cell) cell.fill = null;
            writes.push({ sheet: t.sheet.name, cell: a1(r, c), what: 'fill' });
          });
        });
      }
    }
    class Format {
      fill: Fill;
      font: { bold: boolean };
      constructor(range: Range) {
        this.fill = new Fill(range);
        const self = { range };
        this.font = {
          set bold(_v: boolean) {
            queue(() => {
              const t = self.range._target();
              if (t) guardSheet(t.sheet);
            });
          },
          get bold(): boolean {
            throw new OfficeError('PropertyNotLoaded', 'font.bold');
          },
        };
        this._range = range;
      }
      private _range: Range;
      set columnWidth(_v: number) {
        queue(() => {
          const t = this._range._target();
          if (t) guardSheet(t.sheet);
        });
      }
    }

    class Range extends Loadable {
      format: Format;
      constructor(public _target: Resolver<RangeTarget>) {
        super();
        this.format = new Format(this);
      }
      load(spec?: unknown): this {
        const props = propList(spec) ?? ['address', 'values', 'numberFormat', 'rowIndex', 'columnIndex'];
        queue(() => this._loadNow(props));
        return this;
      }
      /** Load now (inside a sync), counting the cells against the payload limit. */
      _loadNow(props: string[]): void {
        const t = this._target();
        this._null = !t;
        if (!t) return;
        const rows = t.r.bottom - t.r.top + 1;
        const cols = t.r.right - t.r.left + 1;
        const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] =>
          Array.from({ length: rows }, (_, i) =>
            Array.from({ length: cols }, (_, j) => f(t.sheet.cellAt(t.r.top + i, t.r.left + j))),
          );
        if (props.includes('values') || props.includes('numberFormat') || props.includes('formulas')) {
          batch.loadedCells += rows * cols;
          if (options.payloadLimitCells && batch.loadedCells > options.payloadLimitCells) {
            throw new OfficeError(
              'ResponsePayloadSizeLimitExceeded',
              'The response payload size has exceeded the limit.',
            );
          }
        }
        for (const p of props) {
          if (p === 'values') {
            const tooMany = options.nullValuesAboveCells !== undefined && rows * cols > options.nullValuesAboveCells;
            this._loaded.values = tooMany ? null : grid((c) => (c?.value ?? '') as unknown);
          } else if (p === 'numberFormat') this._loaded.numberFormat = grid((c) => c?.numFmt ?? 'General');
          else if (p === 'formulas') {
            this._loaded.formulas = grid((c) =>
              c?.formula !== undefined ? formulaText(c.formula) : ((c?.value ?? '') as unknown),
            );
          } else if (p === 'address') this._loaded.address = addrOf(t);
          else if (p === 'rowIndex') this._loaded.rowIndex = t.r.top;
          else if (p === 'columnIndex') this._loaded.columnIndex = t.r.left;
          else if (p === 'rowCount') this._loaded.rowCount = rows;
          else if (p === 'columnCount') this._loaded.columnCount = cols;
          else throw new OfficeError('InvalidArgument', `fake: cannot load Range.${p}`);
        }
      }
      get address(): string {
        return this._get('address') as string;
      }
      get values(): unknown[][] {
        return this._get('values') as unknown[][];
      }
      set values(v: unknown[][]) {
        addPayload(v);
        queue(() => {
          const t = this._target();
          if (!t) return;
          guardSheet(t.sheet);
          // null in a written array leaves that cell as it is ("null input in 2-D array":
          // learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#null-or-blank-property-values).
          cellsOf(t, (r, c) => {
            const x = v[r - t.r.top][c - t.r.left];
            if (x !== null) writeConstant(t.sheet, r, c, x);
          });
          markChanged(t);
        });
      }
      get formulas(): unknown[][] {
        return this._get('formulas') as unknown[][];
      }
      /** "=…" sets a formula (its result: see the header), anything else a constant. */
      set formulas(v: unknown[][]) {
        addPayload(v);
        queue(() => {
          const t = this._target();
          if (!t) return;
          guardSheet(t.sheet);
          cellsOf(t, (r, c) => {
            const x = v[r - t.r.top][c - t.r.left];
            if (x === null) return; // null leaves the cell as it is (see set values)
            const cell = t.sheet.cellAt(r, c, true)!;
            const addr = a1(r, c);
            if (typeof x === 'string' && x.startsWith('=')) {
              cell.formula = x;
              cell.value = results.get(resultKey(t.sheet.name, addr, x)) ?? null;
              writes.push({ sheet: t.sheet.name, cell: addr, what: 'formula' });
            } else writeConstant(t.sheet, r, c, x);
          });
          markChanged(t);
        });
      }
      get numberFormat(): unknown[][] {
        return this._get('numberFormat') as unknown[][];
      }
      set numberFormat(v: unknown[][]) {
        addPayload(v);
        queue(() => {
          const t = this._target();
          if (!t) return;
          guardSheet(t.sheet);
          cellsOf(t, (r, c) => {
            const f = v[r - t.r.top][c - t.r.left] as string | null;
            if (f === null) return; // null leaves the cell's format as it is (see set values)
            t.sheet.cellAt(r, c, true)!.numFmt = f === 'General' ? null : f;
            writes.push({ sheet: t.sheet.name, cell: a1(r, c), what: 'numFmt' });
          });
        });
      }
      set hyperlink(h: { documentReference?: string; address?: string }) {
        addPayload(h);
        queue(() => {
          const t = this._target();
          if (!t) return;
          guardSheet(t.sheet);
          cellsOf(t, (r, c) => {
            t.sheet.cellAt(r, c, true)!.hyperlink = h.documentReference ?? h.address;
            writes.push({ sheet: t.sheet.name, cell: a1(r, c), what: 'hyperlink' });
          });
        });
      }
      get rowIndex(): number {
        return this._get('rowIndex') as number;
      }
      get columnIndex(): number {
        return this._get('columnIndex') as number;
      }
      get rowCount(): number {
        return this._get('rowCount') as number;
      }
      get columnCount(): number {
        return this._get('columnCount') as number;
      }
      /** Merge the range into one area (across: one merge per row). */
      merge(across = false): void {
        queue(() => {
          const t = this._target();
          if (!t) return;
          guardSheet(t.sheet);
          if (across) {
            for (let r = t.r.top; r <= t.r.bottom; r++) t.sheet.merges.push({ ...t.r, top: r, bottom: r });
          } else t.sheet.merges.push({ ...t.r });
        });
      }
      getMergedAreasOrNullObject(): RangeAreas {
        return new RangeAreas(() => {
          const t = this._target();
          if (!t) return null;
          const areas = t.sheet.merges.filter(
            (m) => m.top <= t.r.bottom && m.bottom >= t.r.top && m.left <= t.r.right && m.right >= t.r.left,
          );
          return areas.length ? { sheet: t.sheet, areas } : null;
        }, !!options.mergedAddressPartial);
      }
      getSpecialCellsOrNullObject(type: string): RangeAreas {
        const kind = String(type);
        if (kind !== 'Formulas' && kind !== 'Constants') {
          throw new OfficeError('InvalidArgument', `fake: getSpecialCells(${kind}) is not supported`);
        }
        return new RangeAreas(() => {
          const t = this._target();
          if (!t) return null;
          const areas = t.sheet.specialAreas(t.r, kind);
          return areas.length ? { sheet: t.sheet, areas } : null;
        });
      }
      getCellProperties(): ClientResult<unknown[][]> {
        const res = new ClientResult<unknown[][]>();
        queue(() => {
          const t = this._target();
          res._set = true;
          if (!t) return;
          const rows: unknown[][] = [];
          for (let r = t.r.top; r <= t.r.bottom; r++) {
            const row: unknown[] = [];
            for (let c = t.r.left; c <= t.r.right; c++) {
              const f = t.sheet.cellAt(r, c)?.fill ?? null;
              row.push({
                format: { fill: f ? { color: `#${f}`, pattern: 'Solid' } : { color: '#FFFFFF', pattern: 'None' } },
              });
            }
            rows.push(row);
          }
          res._v = rows;
        });
        return res;
      }
      clear(): void {
        queue(() => {
          const t = this._target();
          if (!t) return;
          guardSheet(t.sheet);
          cellsOf(t, (r, c) => {
            const cell = t.sheet.cellAt(r, c);
            if (!cell) return;
            cell.value = null;
            cell.numFmt = null;
            cell.fill = null;
            delete cell.hyperlink;
            delete cell.formula;
            writes.push({ sheet: t.sheet.name, cell: a1(r, c), what: 'clear' });
          });
        });
      }
      select(): void {
        queue(() => {
          const t = this._target();
          if (t) state.selected = { sheet: t.sheet.name, address: rangeA1(t.r).replace(/^(\w+):\1$/, '$1') };
        });
      }
    }

    const fullRange = (s: FakeSheet, ref: string): CellRange => {
      const col = /^([A-Z]+):([A-Z]+)$/.exec(ref);
      if (col) {
        const l = parseA1(`${col[1]}1`).col;
        const r = parseA1(`${col[2]}1`).col;
        return { top: 0, left: l, bottom: 1048575, right: r };
      }
      void s;
      return parseRangeA1(ref);
    };

    class Note extends Loadable {
      constructor(public _target: Resolver<{ sheet: FakeSheet; row: number; col: number }>) {
        super();
      }
      load(): this {
        queue(() => {
          requireApi('notes');
          const t = this._target();
          this._null = !t;
          if (t) this._loaded.content = t.sheet.cellAt(t.row, t.col)?.note ?? null;
        });
        return this;
      }
      get content(): string {
        return this._get('content') as string;
      }
      getLocation(): Range {
        return new Range(() => {
          const t = this._target();
          return t ? { sheet: t.sheet, r: { top: t.row, left: t.col, bottom: t.row, right: t.col } } : null;
        });
      }
      delete(): void {
        queue(() => {
          requireApi('notes', true);
          const t = this._target();
          if (!t) return;
          guardSheet(t.sheet);
          t.sheet.cellAt(t.row, t.col)!.note = null;
          writes.push({ sheet: t.sheet.name, cell: a1(t.row, t.col), what: 'note' });
        });
      }
    }

    class Notes extends Loadable {
      constructor(private sheet: SheetRef) {
        super();
      }
      load(): this {
        queue(() => {
          requireApi('notes');
          const s = this.sheet();
          this._null = !s;
          if (!s) return;
          this._loaded.items = s
            .sortedCells()
            .filter(([, c]) => c.note !== null)
            .map(([addr, c]) => {
              const p = parseA1(addr);
              const n = new Note(() => {
                const cur = s.cellAt(p.row, p.col);
                return cur && cur.note !== null ? { sheet: s, row: p.row, col: p.col } : null;
              });
              n._null = false;
              n._loaded.content = c.note;
              return n;
            });
        });
        return this;
      }
      get items(): Note[] {
        return this._get('items') as Note[];
      }
      getItemOrNullObject(addr: string): Note {
        return new Note(() => {
          const s = this.sheet();
          if (!s) return null;
          const p = parseA1(addr);
          const c = s.cellAt(p.row, p.col);
          return c && c.note !== null ? { sheet: s, row: p.row, col: p.col } : null;
        });
      }
      getItem(addr: string): Note {
        return new Note(() => {
          const s = this.sheet();
          const p = parseA1(addr);
          const c = s?.cellAt(p.row, p.col);
          if (!s || !c || c.note === null) throw new OfficeError('ItemNotFound', `No note at ${addr}`);
          return { sheet: s, row: p.row, col: p.col };
        });
      }
      add(addr: string, content: string): Note {
        const p = parseA1(addr);
        addPayload([addr, content]);
        queue(() => {
          requireApi('notes', true);
          const s = this.sheet();
          if (!s) return;
          guardSheet(s);
          const c = s.cellAt(p.row, p.col, true)!;
          if (c.note !== null) throw new OfficeError('InvalidArgument', `The cell ${addr} already has a note.`);
          c.note = content;
          writes.push({ sheet: s.name, cell: addr, what: 'note' });
        });
        return this.getItemOrNullObject(addr);
      }
    }

    /** "'My sheet'!$B$3" or "Sheet1!B3" → sheet name and cell. */
    const splitAddress = (address: string): { sheet: string; cell: string } => {
      const i = address.lastIndexOf('!');
      if (i < 0) throw new OfficeError('InvalidArgument', `The address ${address} has no sheet name.`);
      let name = address.slice(0, i);
      if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
      return { sheet: name, cell: address.slice(i + 1).replace(/\$/g, '') };
    };

    type CommentAt = { sheet: FakeSheet; cell: string; id: string };

    class Comment extends Loadable {
      constructor(public _target: Resolver<CommentAt>) {
        super();
      }
      load(): this {
        queue(() => {
          requireApi('comments');
          const t = this._target();
          this._null = !t;
          if (!t) return;
          this._loaded.content = t.sheet.commentMap.get(t.cell)!.content;
          this._loaded.id = t.id;
        });
        return this;
      }
      get content(): string {
        return this._get('content') as string;
      }
      get id(): string {
        return this._get('id') as string;
      }
      getLocation(): Range {
        return new Range(() => {
          const t = this._target();
          if (!t) throw new OfficeError('ItemNotFound', 'The comment does not exist.');
          const p = parseA1(t.cell);
          return { sheet: t.sheet, r: { top: p.row, left: p.col, bottom: p.row, right: p.col } };
        });
      }
      delete(): void {
        queue(() => {
          requireApi('comments', true);
          const t = this._target();
          if (!t) throw new OfficeError('ItemNotFound', 'The comment does not exist.');
          guardSheet(t.sheet);
          t.sheet.commentMap.delete(t.cell);
          writes.push({ sheet: t.sheet.name, cell: t.cell, what: 'comment' });
        });
      }
    }

    /** The comment with this id, wherever it is now (moved cells are not modelled). */
    const commentById = (id: string): CommentAt | null => {
      for (const sh of sheets) for (const [cell, c] of sh.commentMap) if (c.id === id) return { sheet: sh, cell, id };
      return null;
    };

    /** A sheet's comments, or (sheet null) the workbook's. */
    class CommentCollection extends Loadable {
      constructor(private sheet: SheetRef | null) {
        super();
      }
      load(): this {
        queue(() => {
          requireApi('comments');
          const list = this.sheet ? [this.sheet()].filter((x): x is FakeSheet => !!x) : sheets;
          this._null = this.sheet ? list.length === 0 : false;
          const items: Comment[] = [];
          for (const sh of list) {
            for (const cell of Object.keys(sh.comments())) {
              const c = sh.commentMap.get(cell)!;
              const item = new Comment(() => commentById(c.id));
              item._null = false;
              item._loaded.content = c.content;
              item._loaded.id = c.id;
              items.push(item);
            }
          }
          this._loaded.items = items;
        });
        return this;
      }
      get items(): Comment[] {
        return this._get('items') as Comment[];
      }
      add(cellAddress: string | Range, content: string): Comment {
        let id: string | null = null;
        addPayload([typeof cellAddress === 'string' ? cellAddress : '', content]);
        queue(() => {
          requireApi('comments', true);
          let sh: FakeSheet | undefined;
          let cell: string;
          if (typeof cellAddress === 'string') {
            const at = splitAddress(cellAddress);
            sh = sheets.find((x) => sameName(x.name, at.sheet));
            cell = at.cell;
          } else {
            const t = cellAddress._target();
            if (!t || t.r.top !== t.r.bottom || t.r.left !== t.r.right) {
              throw new OfficeError('InvalidArgument', 'A comment goes on one cell.');
            }
            sh = t.sheet;
            cell = a1(t.r.top, t.r.left);
          }
          if (!sh) throw new OfficeError('ItemNotFound', `No sheet for ${String(cellAddress)}`);
          if (/:/.test(cell)) throw new OfficeError('InvalidArgument', 'A comment goes on one cell.');
          guardSheet(sh);
          if (sh.commentMap.has(cell))
            throw new OfficeError('InvalidArgument', `The cell ${cell} already has a comment.`);
          id = `{COMMENT-${nextComment++}}`;
          sh.commentMap.set(cell, { id, content });
          writes.push({ sheet: sh.name, cell, what: 'comment' });
        });
        return new Comment(() => (id ? commentById(id) : null));
      }
      getItemByCell(cellAddress: string): Comment {
        return new Comment(() => {
          const at = splitAddress(cellAddress);
          const sh = sheets.find((x) => sameName(x.name, at.sheet));
          const c = sh?.commentMap.get(at.cell);
          if (!sh || !c) throw new OfficeError('ItemNotFound', `No comment at ${cellAddress}`);
          return { sheet: sh, cell: at.cell, id: c.id };
        });
      }
    }

    /** The sheet a chained call starts from (nullChainThrows: a null sheet fails the sync). */
    const parentSheet = (resolve: SheetRef): FakeSheet | null => {
      const s = resolve();
      if (!s && options.nullChainThrows) {
        throw new OfficeError('GeneralException', 'fake: a call on a null worksheet object.');
      }
      return s;
    };

    class Worksheet extends Loadable {
      protection: Protection;
      notes?: Notes;
      comments?: CommentCollection;
      constructor(public _resolve: SheetRef) {
        super();
        this.protection = new Protection(() => parentSheet(this._resolve));
        // 'absent': an office.js without the API has no such property on its proxies.
        if (options.notes !== 'absent') this.notes = new Notes(() => parentSheet(this._resolve));
        if (options.comments !== 'absent') this.comments = new CommentCollection(() => parentSheet(this._resolve));
      }
      load(spec?: unknown): this {
        const props = propList(spec) ?? ['name', 'id', 'visibility', 'position'];
        queue(() => {
          const s = this._resolve();
          this._null = !s;
          if (!s) return;
          for (const p of props) {
            if (p === 'name') this._loaded.name = s.name;
            else if (p === 'id') this._loaded.id = s.id;
            else if (p === 'visibility') this._loaded.visibility = s.visibility;
            else if (p === 'position') this._loaded.position = sheets.indexOf(s);
            else throw new OfficeError('InvalidArgument', `fake: cannot load Worksheet.${p}`);
          }
        });
        return this;
      }
      get name(): string {
        return this._get('name') as string;
      }
      get id(): string {
        return this._get('id') as string;
      }
      get visibility(): string {
        return this._get('visibility') as string;
      }
      set visibility(v: string) {
        queue(() => {
          const s = this._resolve();
          if (s) s.visibility = v;
        });
      }
      getNextOrNullObject(visibleOnly = false): Worksheet {
        return new Worksheet(() => {
          const s = parentSheet(this._resolve);
          if (!s) return null;
          const list = visibleOnly ? sheets.filter((x) => x.visibility === 'Visible') : sheets;
          return list[list.indexOf(s) + 1] ?? null;
        });
      }
      getUsedRangeOrNullObject(valuesOnly = false): Range {
        return new Range(() => {
          const s = parentSheet(this._resolve);
          const r = s?.usedRange(valuesOnly);
          return s && r ? { sheet: s, r } : null;
        });
      }
      getRange(ref?: string): Range {
        return new Range(() => {
          const s = this._resolve();
          if (!s) return null;
          return { sheet: s, r: ref ? fullRange(s, ref) : { top: 0, left: 0, bottom: 1048575, right: 16383 } };
        });
      }
      getRangeByIndexes(r: number, c: number, h: number, w: number): Range {
        return new Range(() => {
          const s = this._resolve();
          return s ? { sheet: s, r: { top: r, left: c, bottom: r + h - 1, right: c + w - 1 } } : null;
        });
      }
      getCell(r: number, c: number): Range {
        return this.getRangeByIndexes(r, c, 1, 1);
      }
      activate(): void {
        queue(() => undefined);
      }
      delete(): void {
        queue(() => {
          const s = this._resolve();
          if (!s) return;
          guardWorkbook();
          sheets.splice(sheets.indexOf(s), 1);
        });
      }
    }

    /** A worksheet proxy bound to one sheet once resolved (like Excel's object path). */
    const bound = (find: () => FakeSheet | null, onMissing?: () => never): Worksheet => {
      let cached: FakeSheet | null | undefined;
      return new Worksheet(() => {
        if (cached && sheets.includes(cached)) return cached;
        cached = find();
        if (!cached && onMissing) onMissing();
        return cached;
      });
    };

    /** `worksheets.load('items/name,…')`: the sheets as loaded Worksheet objects, in tab order. */
    const sheetList = new (class extends Loadable {
      load(spec?: unknown): this {
        const props = (propList(spec) ?? ['items/name']).map((p) => p.replace(/^items\//, ''));
        queue(() => {
          this._null = false;
          this._loaded.items = sheets.map((sh) => {
            const w = bound(() => (sheets.includes(sh) ? sh : null));
            w._null = false;
            for (const p of props) {
              if (p === 'name') w._loaded.name = sh.name;
              else if (p === 'id') w._loaded.id = sh.id;
              else if (p === 'visibility') w._loaded.visibility = sh.visibility;
              else throw new OfficeError('InvalidArgument', `fake: cannot load Worksheet.${p}`);
            }
            return w;
          });
        });
        return this;
      }
      get items(): Worksheet[] {
        return this._get('items') as Worksheet[];
      }
    })();

    const worksheets = {
      load(spec?: unknown) {
        return sheetList.load(spec);
      },
      get items(): Worksheet[] {
        return sheetList.items;
      },
      getCount(): ClientResult<number> {
        const res = new ClientResult<number>();
        queue(() => {
          res._v = sheets.length;
          res._set = true;
        });
        return res;
      },
      getFirst(visibleOnly = false): Worksheet {
        return bound(() => (visibleOnly ? sheets.filter((s) => s.visibility === 'Visible') : sheets)[0] ?? null);
      },
      getItem(name: string): Worksheet {
        return bound(
          () => sheets.find((s) => sameName(s.name, name) || s.id === name) ?? null,
          () => {
            throw new OfficeError('ItemNotFound', `The worksheet ${name} does not exist.`);
          },
        );
      },
      getItemOrNullObject(name: string): Worksheet {
        return bound(() => sheets.find((s) => sameName(s.name, name) || s.id === name) ?? null);
      },
      add(name: string): Worksheet {
        let created: FakeSheet | null = null;
        queue(() => {
          guardWorkbook();
          if (sheets.some((s) => sameName(s.name, name))) {
            throw new OfficeError('ItemAlreadyExists', `A worksheet named ${name} already exists.`);
          }
          created = addSheet(name);
        });
        return new Worksheet(() => created);
      },
      onChanged: {
        add(h: (e: unknown) => Promise<unknown>): { context: unknown; remove(): void } {
          queue(() => handlers.add(h));
          return {
            context: ctx,
            remove(): void {
              queue(() => handlers.delete(h));
            },
          };
        },
      },
    };

    const protection = new (class extends Loadable {
      load(): this {
        queue(() => {
          this._null = false;
          this._loaded.protected = workbookProtected;
        });
        return this;
      }
      get protected(): boolean {
        return this._get('protected') as boolean;
      }
    })();

    const runtime = {
      set enableEvents(v: boolean) {
        queue(() => {
          eventsEnabled = v;
        });
      },
    };

    const ctx = {
      _pending: () => batch.ops.length,
      runtime: options.enableEvents === false ? undefined : runtime,
      workbook: {
        worksheets,
        protection,
        comments: options.comments === 'absent' ? undefined : new CommentCollection(null),
      },
      async sync(): Promise<void> {
        syncs++;
        const b = batch;
        batch = { ops: [], loadedCells: 0, requestBytes: 0 };
        meter.response = 0;
        const size: FakeBatchSize = { request: b.requestBytes, response: 0, failed: true };
        sizes.push(size);
        if (editMode) {
          throw new OfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
        }
        // "Resource limits and performance optimization for Office Add-ins"
        // (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization):
        // Excel on the web limits a request and a response to 5 MB. An oversized request runs nothing.
        if (options.payloadLimitBytes && b.requestBytes > options.payloadLimitBytes) {
          throw new OfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
        }
        try {
          const armed = failures.length > 0 ? writes.length + failures[0] : Infinity;
          for (const op of b.ops) {
            if (writes.length >= armed) {
              failures.shift();
              throw new OfficeError('GeneralException', 'fake: the batch failed midway (failAfterWrites).');
            }
            if (failAt !== null && writes.length >= failAt) {
              failAt = null;
              throw new OfficeError('GeneralException', 'fake: the batch failed midway (failAtWrite).');
            }
            op();
          }
          size.response = meter.response;
          if (options.payloadLimitBytes && meter.response > options.payloadLimitBytes) {
            throw new OfficeError(
              'ResponsePayloadSizeLimitExceeded',
              'The response payload size has exceeded the limit.',
            );
          }
          size.failed = false;
        } finally {
          size.response = meter.response;
          if (options.eventsOnApiWrites !== false) {
            for (const [s, rs] of changed) for (const r of rs) fire(s, rangeA1(r).replace(/^(\w+):\1$/, '$1'), true);
          }
          changed.clear();
        }
      },
    };
    return ctx as unknown as Excel.RequestContext;
  }

  const run = (async (a: unknown, b?: unknown): Promise<unknown> => {
    const batchFn = (typeof a === 'function' ? a : b) as (c: Excel.RequestContext) => Promise<unknown>;
    const ctx = typeof a === 'function' ? makeContext() : (a as Excel.RequestContext);
    const result = await batchFn(ctx);
    // Excel.run syncs once more when the batch function's promise resolves, so commands still queued
    // are sent ("Excel.run": learn.microsoft.com/javascript/api/excel#excel-excel-run-function(1);
    // office.js's runBatch ends with context.sync()). Counted like any sync; an empty queue sends nothing.
    if ((ctx as unknown as { _pending(): number })._pending() > 0) await ctx.sync();
    return result;
  }) as unknown as typeof Excel.run;

  const find = (name: string): FakeSheet => {
    const s = sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  };

  return {
    run,
    syncCount: () => syncs,
    batchSizes: () => [...sizes],
    resetSyncCount: () => {
      syncs = 0;
      sizes.length = 0;
    },
    sheet: find,
    sheetNames: () => sheets.map((s) => s.name),
    writes,
    get selected() {
      return state.selected;
    },
    setEditMode: (on) => {
      editMode = on;
    },
    setWorkbookProtected: (on) => {
      workbookProtected = on;
    },
    async paste(sheet, topLeft, values) {
      const s = find(sheet);
      const p = parseA1(topLeft);
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = s.cellAt(p.row + i, p.col + j, true)!;
          cell.value = v === '' ? null : v;
          delete cell.formula;
        }),
      );
      const r = { top: p.row, left: p.col, bottom: p.row + values.length - 1, right: p.col + values[0].length - 1 };
      fire(s, rangeA1(r));
      await this.idle();
    },
    async remoteEdit(sheet, addr, value) {
      const s = find(sheet);
      const p = parseA1(addr);
      const cell = s.cellAt(p.row, p.col, true)!;
      cell.value = value === '' ? null : value;
      delete cell.formula;
      fire(s, addr, false, true);
      await this.idle();
    },
    eventsEnabled: () => eventsEnabled,
    failAfterWrites(...n) {
      failures.push(...n);
    },
    failAtWrite(n) {
      failAt = writes.length + n;
    },
    async edit(sheet, addr, value) {
      const s = find(sheet);
      const p = parseA1(addr);
      const cell = s.cellAt(p.row, p.col, true)!;
      cell.value = value === '' ? null : value;
      delete cell.formula;
      fire(s, addr);
      await this.idle();
    },
    setFormula(sheet, addr, formula, value) {
      const p = parseA1(addr);
      const cell = find(sheet).cellAt(p.row, p.col, true)!;
      cell.formula = formula;
      cell.value = value === '' ? null : value;
      results.set(resultKey(sheet, addr, formula), cell.value);
    },
    setNote(sheet, addr, note) {
      const p = parseA1(addr);
      find(sheet).cellAt(p.row, p.col, true)!.note = note;
    },
    setComment(sheet, addr, content) {
      const s = find(sheet);
      if (content === null) s.commentMap.delete(addr);
      else s.commentMap.set(addr, { id: `{COMMENT-${nextComment++}}`, content });
    },
    isSetSupported(name, version) {
      if (name !== 'ExcelApi') return true;
      const [major, minor] = version.split('.').map(Number);
      const at = major * 1000 + (minor || 0);
      if (options.notes === false && at >= 1018) return false;
      if (options.comments === false && at >= 1010) return false;
      return true;
    },
    setFill(sheet, addr, fill) {
      const p = parseA1(addr);
      find(sheet).cellAt(p.row, p.col, true)!.fill = fill ? fill.replace(/^#/, '').toUpperCase() : null;
    },
    async idle() {
      while (pendingEvents.length) await pendingEvents.shift();
    },
    options,
  };
}
