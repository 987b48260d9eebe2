/**
 * An .xlsx made from what SheetJS read (values, formulas, merges, number formats, notes), for inputs
 * whose own package cannot be patched: .xls, .xlsb, .ods. The write plan is then applied to it.
 */
import * as XLSX from '@e965/xlsx/dist/xlsx.core.min.js';

export function rebuildXlsx(wb: XLSX.WorkBook): Uint8Array {
  const out = XLSX.write(wb, { bookType: 'xlsx', type: 'array', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
