/**
 * The grid: a sheet's cells as Excel gives them. Hosts (SheetJS, office.js) build it in one read;
 * the engine never touches a host object.
 */
import { CellRange } from './address';

/** A cell value as Excel gives it: number, text, boolean, or empty (null). */
export type CellValue = number | string | boolean | null;

export interface Sheet {
  name: string;
  /** values[row][col], 0-based; rows may be shorter than the widest row. Merged areas: top-left only. */
  values: CellValue[][];
  /** Number formats, same shape as values (missing = General). */
  formats?: (string | null | undefined)[][];
  merges: CellRange[];
  /** Optional, for undo: the cell's own fill colour (RRGGBB) and note, keyed by A1. */
  fills?: Record<string, string | null>;
  notes?: Record<string, string | null>;
  /** Optional: A1 addresses of cells that hold a formula (their cached result is in values). */
  formulas?: Record<string, string>;
}

export interface WorkbookGrid {
  sheets: Sheet[];
}

export function cellValue(sheet: Sheet, row: number, col: number): CellValue {
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function cellFormat(sheet: Sheet, row: number, col: number): string | null {
  const r = sheet.formats?.[row];
  if (!r) return null;
  return r[col] ?? null;
}

export function rowCount(sheet: Sheet): number {
  return sheet.values.length;
}

export function colCount(sheet: Sheet): number {
  let n = 0;
  for (const r of sheet.values) if (r && r.length > n) n = r.length;
  return n;
}

export function isEmptyValue(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** The merged area that contains (row, col), if any. */
export function mergeAt(sheet: Sheet, row: number, col: number): CellRange | undefined {
  for (const m of sheet.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}

/** Build a sheet from rows of values (tests, generators). */
export function sheetFromRows(
  name: string,
  rows: CellValue[][],
  merges: CellRange[] = [],
  formats?: (string | null | undefined)[][],
): Sheet {
  return { name, values: rows, merges, formats };
}
