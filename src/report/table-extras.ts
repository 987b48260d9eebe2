/**
 * What a draft needs from the table beyond the checked figures: 年初预算 per funds row, the reason cell
 * per indicator, the 年度目标 and its 完成情况 text, the year, 主管部门 and 实施单位. Read with SheetJS
 * and located by the engine's own locateTables, so the cells are the ones the check used.
 */
import { CellRange, CellValue, locateTables, Sheet, TableResult } from '../engine';
import * as XLSX from '@e965/xlsx';

export interface TableExtras {
  year: string | null;
  department: string | null;
  unit: string | null;
  goal: string | null;
  goalDone: string | null;
  /** By funds row number (0-based, as in TableResult). */
  initial: Map<number, CellValue>;
  /** By indicator row number. */
  reason: Map<number, string>;
}

function sheetOf(ws: XLSX.WorkSheet, name: string): Sheet {
  const values = XLSX.utils.sheet_to_json<CellValue[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
  const merges: CellRange[] = (ws['!merges'] ?? []).map((m) => ({
    top: m.s.r,
    left: m.s.c,
    bottom: m.e.r,
    right: m.e.c,
  }));
  return { name, values, merges };
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

function rightOf(sheet: Sheet, r: number, c: number): string | null {
  const row = sheet.values[r] ?? [];
  for (let k = c + 1; k < row.length; k++) if (text(row[k]) !== '') return text(row[k]);
  return null;
}

function below(sheet: Sheet, r: number, c: number): string | null {
  const v = text(sheet.values[r + 1]?.[c]);
  return v === '' ? null : v;
}

export function tableExtras(data: Uint8Array, tables: TableResult[]): Map<TableResult, TableExtras> {
  const out = new Map<TableResult, TableExtras>();
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(data, { type: 'array' });
  } catch {
    return out;
  }
  for (const t of tables) {
    const ws = wb.Sheets[t.sheet];
    if (!ws) continue;
    const sheet = sheetOf(ws, t.sheet);
    let model;
    if (t.kind !== 'summary')
      for (const m of locateTables(sheet)) if (m.kind !== 'summary' && m.name === t.name) model = m;
    const e: TableExtras = {
      year: null,
      department: null,
      unit: null,
      goal: null,
      goalDone: null,
      initial: new Map(),
      reason: new Map(),
    };
    if (model) {
      for (const f of model.funds) if (f.initial) e.initial.set(f.row, f.initial.value);
      for (const i of model.indicators) {
        const r = text(i.reason?.value);
        if (r !== '') e.reason.set(i.row, r);
      }
    }
    const top = model ? model.range.top : 0;
    const bottom =
      model?.indicators[0]?.row ??
      (t.kind === 'summary' ? Math.min(top + 3, sheet.values.length) : sheet.values.length);
    const header = /^(预期目标|实际完成情况|年度目标完成情况|项目年度目标|年度总体目标)$/;
    const value = (v: string | null): string | null => (v === null || header.test(v.replace(/\s/g, '')) ? null : v);
    for (let r = top; r < bottom; r++) {
      const row = sheet.values[r] ?? [];
      row.forEach((v, c) => {
        const s = text(v).replace(/\s/g, '');
        if (!e.year) {
          const y = /(20\d{2})年度?/.exec(s);
          if (y) e.year = y[1];
        }
        if (/^主管部门/.test(s)) e.department ??= rightOf(sheet, r, c);
        else if (/^实施单位/.test(s)) e.unit ??= rightOf(sheet, r, c);
        else if (/^(项目)?年度(总体)?目标$|^总体目标$|^预期目标$/.test(s))
          e.goal ??= value(below(sheet, r, c)) ?? value(rightOf(sheet, r, c));
        else if (/^(年度)?(总体)?目标完成情况$|^实际完成情况$/.test(s))
          e.goalDone ??= value(below(sheet, r, c)) ?? value(rightOf(sheet, r, c));
      });
    }
    out.set(t, e);
  }
  return out;
}
