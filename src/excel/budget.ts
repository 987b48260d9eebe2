/**
 * The payload budget of one `context.sync()`: at most BUDGET_BYTES of request and of response, on
 * every platform. Excel on the web limits both to 5 MB ("Resource limits and performance optimization
 * for Office Add-ins", learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization);
 * the budget keeps a fifth in reserve for what the estimates below miss.
 *
 * The per-cell sizes are the fake's measured serialisations (UTF-8 JSON, test/excel/fake-excel.ts;
 * bench/excel.js and docs/excel-host-notes.md), rounded up: a cell's value, its number format and its
 * fill from getCellProperties.
 */
export const BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Response bytes of one cell read in full: value (~8 B for amounts, ~40 B for Chinese text), format
 * (~10 B), fill props (~57 B). Measured: 79 B a cell on bench (c)'s 200,000-cell sheet, 60–90 B on
 * generated tables; 100 leaves room for longer texts (and a failing sync is retried smaller, read.ts).
 */
export const READ_BYTES_PER_CELL = 100;

/** Cells whose contents fit one response within the budget. */
export const READ_CELLS_PER_SYNC = Math.floor(BUDGET_BYTES / READ_BYTES_PER_CELL);

/**
 * Request bytes of one queued command, its object path included: 146 measured with office.js 1.1.110's
 * own serializer (docs/excel-host-notes.md); rounded up. A write is sized as commands × this + the UTF-8
 * JSON of what they carry, and sent in as many syncs as the budget needs (write.ts `packSteps`).
 */
export const ACTION_BYTES = 160;

/** UTF-8 bytes of a value as JSON (what a request carries), counted without building the bytes. */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
