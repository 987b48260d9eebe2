/**
 * What a report needs from a checked table beyond its figures: 年初预算 per funds row, the reason cell
 * per indicator, the 年度目标 and its 完成情况 text, the year, 主管部门 and 实施单位. Read from the same grid
 * the check read and located by the same locateTables, so the cells are the ones the check used — in
 * every host (file, browser, Excel), with no second read of the workbook.
 */
import { CellValue, Sheet, WorkbookGrid } from '../grid';
import { TableResult } from '../result';
import { locateTables } from './tables';

export interface TableExtras {
  year: string | null;
  department: string | null;
  unit: string | null;
  goal: string | null;
  goalDone: string | null;
  /** By funds row number as TableResult gives it (the sheet's row number, 1-based). */
  initial: Map<number, CellValue>;
  /** By indicator row number as TableResult gives it (1-based). */
  reason: Map<number, string>;
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

/** A column heading is not a goal's text (the goal's own headings, or the indicator table's). */
const HEADING = /^(预期目标|实际完成情况|年度目标完成情况|项目年度目标|年度总体目标|一级指标|绩效指标|指标名称)$/;
const valueText = (v: string | null): string | null => (v === null || HEADING.test(v.replace(/\s/g, '')) ? null : v);

function extrasOf(sheet: Sheet, located: ReturnType<typeof locateTables>, t: TableResult): TableExtras {
  let model;
  if (t.kind !== 'summary') for (const m of located) if (m.kind !== 'summary' && m.name === t.name) model = m;
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
    // The model counts rows from 0, TableResult (and the user) from 1.
    for (const f of model.funds) if (f.initial) e.initial.set(f.row + 1, f.initial.value);
    for (const i of model.indicators) {
      const r = text(i.reason?.value);
      if (r !== '') e.reason.set(i.row + 1, r);
    }
  }
  // The identity block: from the table's top to its first indicator (a summary: its first rows).
  const top = model ? model.range.top : 0;
  const bottom =
    model?.indicators[0]?.row ?? (t.kind === 'summary' ? Math.min(top + 3, sheet.values.length) : sheet.values.length);
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
      // The text right of the label on its row (`年度总体目标 | 完成…`), else below it (a label over a column,
      // `预期目标` above its text); a heading in either place is not the text.
      else if (/^(项目)?年度(总体)?目标$|^总体目标$|^预期目标$/.test(s))
        e.goal ??= valueText(rightOf(sheet, r, c)) ?? valueText(below(sheet, r, c));
      else if (/^(年度)?(总体)?目标完成情况$|^实际完成情况$/.test(s))
        e.goalDone ??= valueText(rightOf(sheet, r, c)) ?? valueText(below(sheet, r, c));
    });
  }
  return e;
}

/** Each checked table's extras, from the grid it was checked on (a table whose sheet is gone has none). */
export function tableExtras(grid: WorkbookGrid, tables: TableResult[]): Map<TableResult, TableExtras> {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  // Each sheet located once, however many tables it holds (the check's own models are not kept in its result).
  const located = new Map<string, ReturnType<typeof locateTables>>();
  const out = new Map<TableResult, TableExtras>();
  for (const t of tables) {
    const sheet = sheets.get(t.sheet);
    if (!sheet) continue;
    if (!located.has(t.sheet)) located.set(t.sheet, locateTables(sheet));
    out.set(t, extrasOf(sheet, located.get(t.sheet)!, t));
  }
  return out;
}
