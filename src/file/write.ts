/**
 * Applying a write plan to an exceljs workbook: only the planned cells change, plus the `校验结果` sheet,
 * worded as the plan was (`plan.lang`).
 */
import ExcelJS from 'exceljs';
import { PlannedCell, WritePlan } from '../engine';

function applyCell(ws: ExcelJS.Worksheet, p: PlannedCell): void {
  const cell = ws.getCell(p.row + 1, p.col + 1);
  // exceljs shares one style object between cells loaded with the same style: give this cell its own.
  cell.style = structuredClone(cell.style ?? {});
  if ('value' in p && p.value !== undefined) cell.value = p.value as ExcelJS.CellValue;
  if (p.numFmt) cell.numFmt = p.numFmt;
  if (p.fill) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${p.fill}` } };
  }
  if (p.note !== undefined) {
    cell.note = p.note;
    // exceljs drops a note on a cell with no style at all on reload: give it one.
    if (!cell.style || Object.keys(cell.style).length === 0) cell.alignment = { wrapText: false };
  }
}

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  for (const p of plan.cells) {
    const ws = wb.getWorksheet(p.sheet);
    if (ws) applyCell(ws, p);
  }
  const old = wb.getWorksheet(plan.resultsSheet.name);
  if (old) wb.removeWorksheet(old.id);
  const rs = wb.addWorksheet(plan.resultsSheet.name);
  rs.addRow(plan.resultsSheet.header).font = { bold: true };
  plan.resultsSheet.rows.forEach((row, i) => {
    const r = rs.addRow(row);
    const link = plan.resultsSheet.links[i];
    const sheetRef = `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
    r.getCell(2).value = { text: link.cell, hyperlink: `#${sheetRef}` };
    const fill = plan.resultsSheet.fills[i];
    if (fill) r.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
  });
  rs.columns = [{ width: 24 }, { width: 10 }, { width: 10 }, { width: 26 }, { width: 90 }];
  if (plan.resultsSheet.rows.length === 0) rs.addRow(plan.resultsSheet.emptyRow);
}
