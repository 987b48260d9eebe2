/**
 * Workbook bytes → grid, through SheetJS (@e965/xlsx, its core build: .xlsx, .xlsm, .xlsb, .xls, .ods).
 * Cached results of formulas are values (their text is kept too); merged areas keep the top-left only.
 */
import * as XLSX from '@e965/xlsx/dist/xlsx.core.min.js';
import { CellRange, CellValue, Sheet, WorkbookGrid, Lang } from '../engine';
import { READ_ERROR_TEXT } from '../i18n/file';

/** What kind of file the bytes are, from their first bytes (never from the name). */
export type FileKind = 'ooxml' | 'zip' | 'ole' | 'other' | 'empty';

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return 'ole';
  return 'other';
}

const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

export function argbToHex(argb: string | undefined): string | null {
  if (!argb) return null;
  return argb.length === 8 ? argb.slice(2).toUpperCase() : argb.toUpperCase();
}

/** The text of a cell's note (SheetJS's comments: one, or a thread), or null. */
export function noteText(c: XLSX.Comments | undefined): string | null {
  if (!c || c.length === 0) return null;
  const t = c.map((x) => x.t ?? '').join('\n');
  return t === '' ? null : t;
}

export interface GridOptions {
  /**
   * Reading for a checked copy: each cell's own fill and note (the write plan's before-state, for undo)
   * and formula texts (a formula whose result agrees is kept; a replaced one is named). A check alone
   * needs neither: values, cached results, merges and number formats.
   */
  styles?: boolean;
}

function cellValueOf(cell: XLSX.CellObject): CellValue {
  switch (cell.t) {
    case 'n':
    case 'b':
      return cell.v as number | boolean;
    case 's':
    case 'str' as XLSX.ExcelDataType:
      return cell.v === undefined || cell.v === null ? null : String(cell.v);
    case 'e':
      return ERRORS[cell.v as number] ?? '#ERROR!';
    case 'd':
      return cell.v instanceof Date ? (cell.v.getTime() - Date.UTC(1899, 11, 30)) / 86400000 : String(cell.v);
    default:
      return null;
  }
}

function column(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Read one SheetJS worksheet (dense) into a grid sheet. */
export function sheetFromWorksheet(name: string, ws: XLSX.WorkSheet, opts: GridOptions = {}): Sheet {
  const styles = opts.styles !== false;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const fills: Record<string, string | null> = {};
  const notes: Record<string, string | null> = {};
  const formulas: Record<string, string> = {};
  const merges: CellRange[] = (ws['!merges'] ?? []).map((m) => ({
    top: m.s.r,
    left: m.s.c,
    bottom: m.e.r,
    right: m.e.c,
  }));
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  // Cells covered by a merged area (not its top-left) read as empty, whatever the file holds there.
  const covered = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * 16384 + c);
    }
  }
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    values[r] = vr;
    formats[r] = fr;
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      let addr: string | undefined;
      if (styles) {
        const s = cell.s as { patternType?: string; fgColor?: { rgb?: string } } | undefined;
        if (s && s.patternType === 'solid' && s.fgColor?.rgb)
          fills[(addr ??= column(c) + (r + 1))] = argbToHex(s.fgColor.rgb);
        const n = noteText(cell.c);
        if (n) notes[(addr ??= column(c) + (r + 1))] = n;
      }
      if (covered.size && covered.has(r * 16384 + c)) continue;
      if (cell.f) formulas[(addr ??= column(c) + (r + 1))] = cell.f;
      const v = cellValueOf(cell);
      if (v !== null) vr[c] = v;
      if (cell.z && cell.z !== 'General' && (v !== null || cell.t === 'z')) fr[c] = String(cell.z);
    }
  }
  return { name, values, formats, merges, fills, notes, formulas };
}

/** A sheet that cannot hold a table: chart sheets, dialog and macro sheets. */
function isGridSheet(ws: XLSX.WorkSheet | undefined): ws is XLSX.WorkSheet {
  if (!ws) return false;
  const type = (ws as { '!type'?: string })['!type'];
  return type !== 'chart' && type !== 'dialog' && type !== 'macro';
}

export function gridFromWorkbook(wb: XLSX.WorkBook, opts: GridOptions = {}): WorkbookGrid {
  const sheets: Sheet[] = [];
  wb.SheetNames.forEach((name) => {
    const ws = wb.Sheets[name];
    if (isGridSheet(ws)) sheets.push(sheetFromWorksheet(name, ws, opts));
  });
  return { sheets };
}

const NO_SHEETS = '工作簿中没有工作表';
const NOT_WORKBOOK = 'not a workbook';

/** Does the byte string hold `name` written in UTF-16LE (how a compound file names its streams)? */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const pat = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) {
    pat[2 * i] = name.charCodeAt(i) & 0xff;
    pat[2 * i + 1] = name.charCodeAt(i) >> 8;
  }
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Why a file cannot be read, in one line naming it (Chinese, or English). `head` is the file's bytes
 * (all of them, or at least the start): they tell a password-protected file from a non-workbook.
 */
export function readErrorMessage(file: string, err: unknown, head?: Uint8Array, lang: Lang = 'zh'): string {
  const t = READ_ERROR_TEXT[lang];
  const line = (reason: string) => `${file}${t.sep}${reason}`;
  const msg = err instanceof Error ? err.message : String(err);
  if (/ENOENT/.test(msg)) return line(t.missing);
  if (/EISDIR/.test(msg)) return line(t.folder);
  if (/EACCES/.test(msg)) return line(t.denied);
  if (msg === NO_SHEETS) return line(t.noSheets);
  if (head && head.length === 0) return line(t.empty);
  if (head && fileKind(head) === 'ole') {
    // An OLE compound file: an encrypted .xlsx holds an EncryptionInfo stream, an old .xls a Workbook/Book stream.
    if (hasUtf16(head, 'EncryptionInfo') || hasUtf16(head, 'EncryptedPackage') || /password/i.test(msg)) {
      return line(t.encrypted);
    }
    if (hasUtf16(head, 'Workbook') || hasUtf16(head, 'Book')) {
      return line(t.xlsDamaged);
    }
    return line(t.encryptedOrNotWorkbook);
  }
  if (msg === NOT_WORKBOOK || (head && head.length >= 2 && fileKind(head) === 'other')) {
    return line(t.notWorkbook);
  }
  if (
    /corrupted zip|central directory|end of data|unexpected end|invalid zip|bad zip|bad compressed|compressed size|invalid (block|distance|length)|unexpected EOF/i.test(
      msg,
    )
  ) {
    return line(t.damaged);
  }
  const detail = msg.split('\n')[0].slice(0, 80);
  return line(t.unreadable(detail));
}

let codepages = false;

/**
 * Read workbook bytes. Only zip packages (.xlsx, .xlsm, .xlsb, .ods) and compound files (.xls) are
 * tried: SheetJS would read any text as CSV, which is not a workbook here.
 */
export async function loadWorkbook(buffer: Uint8Array | ArrayBuffer, opts: GridOptions = {}): Promise<XLSX.WorkBook> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const kind = fileKind(bytes);
  if (kind === 'empty' || kind === 'other') throw new Error(NOT_WORKBOOK);
  if (kind === 'ole' && !codepages) {
    // .xls files store some text in code pages (GBK for Chinese): SheetJS needs its tables for them,
    // loaded once and only for an .xls — in Node its CommonJS file, in the browser its own chunk.
    const cp: { default?: unknown } =
      typeof process !== 'undefined' && !!process.versions?.node
        ? await import(/* webpackIgnore: true */ '@e965/xlsx/dist/cpexcel.js')
        : await import(/* webpackChunkName: "codepages" */ '@e965/xlsx/dist/cpexcel.full.mjs');
    XLSX.set_cptable(cp.default ?? cp);
    codepages = true;
  }
  // SheetJS reports some doubts on the console (an .ods's conditional number formats): not the user's concern.
  const quiet = console.error;
  let wb: XLSX.WorkBook;
  try {
    console.error = () => undefined;
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: !!opts.styles,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellStyles: !!opts.styles,
      bookVBA: false,
    });
  } finally {
    console.error = quiet;
  }
  if (!wb.SheetNames || wb.SheetNames.length === 0) throw new Error(NO_SHEETS);
  return wb;
}

export type { WorkBook } from '@e965/xlsx/dist/xlsx.core.min.js';
