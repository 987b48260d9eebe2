/**
 * One workbook's bytes through the engine: read, check, and (optionally) apply the write plan. No file
 * system here, so the browser's file mode runs exactly this too.
 */
import ExcelJS from 'exceljs';
import {
  checkWorkbook,
  FormulaOverwrite,
  buildWritePlan,
  formulaOverwrites,
  FileReport,
  Lang,
  Settings,
} from '../engine';
import { gridFromWorkbook, loadWorkbook, readErrorMessage } from './read';
import { applyPlan } from './write';

export interface FileOutcome {
  report: FileReport;
  /** Set when the file could not be read (one line naming it). */
  error?: string;
  workbook?: ExcelJS.Workbook;
  /** With fix: formulas in computed cells that the checked copy replaces by the computed value. */
  formulasReplaced?: FormulaOverwrite[];
}

export interface CheckOptions {
  fix?: boolean;
  lang?: Lang;
}

export async function checkBuffer(
  name: string,
  data: Uint8Array | ArrayBuffer,
  settings: Settings,
  opts: CheckOptions = {},
): Promise<FileOutcome> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(data);
  } catch (e) {
    const error = readErrorMessage(name, e, data instanceof Uint8Array ? data : new Uint8Array(data), opts.lang);
    return { report: { file: name, error, tables: [], findings: [] }, error };
  }
  const grid = gridFromWorkbook(wb, { styles: !!opts.fix });
  const check = checkWorkbook(grid, settings);
  let formulasReplaced: FormulaOverwrite[] | undefined;
  if (opts.fix) {
    const plan = buildWritePlan(grid, check, { lang: opts.lang ?? 'zh' });
    formulasReplaced = formulaOverwrites(grid, plan);
    applyPlan(wb, plan);
  }
  return {
    report: { file: name, error: null, tables: check.tables, findings: check.findings },
    workbook: wb,
    formulasReplaced,
  };
}
