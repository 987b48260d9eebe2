/** Row-level views of a sheet used by the locators: the text cells of each row, header keys, extents. */
import { CellRange } from '../address';
import { Sheet, cellFormat, cellValue, isEmptyValue, mergeAt } from '../grid';
import { CellRef } from '../model';
import { compact, keyOfCompact } from '../text';

export interface TextCell {
  col: number;
  text: string;
  key: string;
  /** Is the key a header word of some block? Worked out on first use. */
  header?: boolean;
}

export class SheetView {
  readonly rows: number;
  private texts: TextCell[][] = [];
  private nonEmpty: boolean[] = [];
  /** Merged areas by their top-left cell: values sit there only, so that is where a lookup starts. */
  private mergeByMaster = new Map<string, CellRange>();

  constructor(readonly sheet: Sheet) {
    this.rows = sheet.values.length;
    for (const m of sheet.merges) this.mergeByMaster.set(`${m.top}:${m.left}`, m);
    for (let r = 0; r < this.rows; r++) {
      const row = sheet.values[r] ?? [];
      const cells: TextCell[] = [];
      let any = false;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (isEmptyValue(v ?? null)) continue;
        any = true;
        if (typeof v === 'string') {
          const text = compact(v);
          cells.push({ col: c, text, key: keyOfCompact(text), header: undefined });
        }
      }
      this.texts.push(cells);
      this.nonEmpty.push(any);
    }
  }

  textCells(row: number): TextCell[] {
    return this.texts[row] ?? [];
  }

  private headerOverride = new Map<number, TextCell[]>();

  /** The header words of a header row: its own cells, or the two rows of a two-row header. */
  headerCells(row: number): TextCell[] {
    return this.headerOverride.get(row) ?? this.textCells(row);
  }

  /** A header spread over `row - 1` and `row` (group words above, column words below). */
  twoRowHeader(row: number): TextCell[] {
    const below = this.textCells(row);
    const cols = new Set(below.map((c) => c.col));
    return [...this.textCells(row - 1).filter((c) => !cols.has(c.col)), ...below].sort((a, b) => a.col - b.col);
  }

  setHeaderCells(row: number, cells: TextCell[]): void {
    this.headerOverride.set(row, cells);
  }

  /** Does the row hold text only (no numbers)? */
  textOnly(row: number): boolean {
    const r = this.sheet.values[row] ?? [];
    return !r.some((v) => typeof v === 'number');
  }

  isBlank(row: number): boolean {
    return !this.nonEmpty[row];
  }

  /** The first non-empty text of a row, left to right. */
  firstText(row: number): TextCell | undefined {
    return this.texts[row]?.[0];
  }

  /** The leftmost non-empty cell of the row (any type). */
  firstCol(row: number): number {
    const r = this.sheet.values[row] ?? [];
    for (let c = 0; c < r.length; c++) if (!isEmptyValue(r[c] ?? null)) return c;
    return -1;
  }

  ref(row: number, col: number | undefined): CellRef | undefined {
    if (col === undefined) return undefined;
    return { row, col, value: cellValue(this.sheet, row, col), fmt: cellFormat(this.sheet, row, col) };
  }

  /** Columns spanned by the non-empty cells of rows top..bottom (merged areas included). */
  extent(top: number, bottom: number): CellRange {
    let left = Number.MAX_SAFE_INTEGER;
    let right = 0;
    for (let r = top; r <= bottom; r++) {
      const row = this.sheet.values[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        if (isEmptyValue(row[c] ?? null)) continue;
        const m = this.mergeByMaster.get(`${r}:${c}`);
        left = Math.min(left, m ? m.left : c);
        right = Math.max(right, m ? m.right : c);
      }
    }
    if (left === Number.MAX_SAFE_INTEGER) left = 0;
    return { top, left, bottom, right };
  }

  /** The cell to the right of a label: the first non-empty one, else the one just after the label's merge. */
  valueRightOf(row: number, col: number, before?: number): number | undefined {
    const m = this.mergeByMaster.get(`${row}:${col}`) ?? mergeAt(this.sheet, row, col);
    const start = m ? m.right + 1 : col + 1;
    const r = this.sheet.values[row] ?? [];
    const end = before ?? Math.max(r.length, start + 1);
    for (let c = start; c < end; c++) if (!isEmptyValue(r[c] ?? null)) return c;
    return start < end ? start : undefined;
  }
}

/** role → column for a header row, first occurrence wins. */
export function mapHeader<R extends string>(cells: TextCell[], roleOf: (key: string) => R | null): Map<R, number> {
  const map = new Map<R, number>();
  for (const c of cells) {
    const role = roleOf(c.key);
    if (role && !map.has(role)) map.set(role, c.col);
  }
  return map;
}
