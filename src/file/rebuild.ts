/**
 * An .xlsx made from what SheetJS read (values, formulas, merges, number formats, notes), for inputs
 * whose own package cannot be patched: .xls, .xlsb, .ods. The write plan is then applied to it.
 */
import * as XLSX from '@e965/xlsx/dist/xlsx.core.min.js';

export function rebuildXlsx(wb: XLSX.WorkBook): Uint8Array {
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const data = ws?.['!data'] as unknown[][] | undefined;
    if (!data) continue;
    // SheetJS's writer expects a row array for every row of the sheet's range (its reader leaves holes).
    const last = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']).e.r : data.length - 1;
    for (let r = 0; r <= Math.max(last, data.length - 1); r++) if (!data[r]) data[r] = [];
  }
  const out = XLSX.write(wb, { bookType: 'xlsx', type: 'array', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
