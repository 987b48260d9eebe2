/** One .xlsx file through the engine: read, check, and (optionally) write the checked copy. */
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../engine/check/workbook';
import { FormulaOverwrite, buildWritePlan, formulaOverwrites } from '../engine/plan';
import { FileReport } from '../engine/report';
import { Settings } from '../engine/settings';
import { gridFromWorkbook, loadWorkbook, readErrorMessage } from './read';
import { applyPlan } from './write';

export interface FileOutcome {
  report: FileReport;
  /** Set when the file could not be read. */
  error?: string;
  workbook?: ExcelJS.Workbook;
  /** With fix: formulas in computed cells that the checked copy replaces by the computed value. */
  formulasReplaced?: FormulaOverwrite[];
}

export interface CheckOptions {
  fix?: boolean;
  lang?: 'zh' | 'en';
}

export async function checkBuffer(
  name: string,
  buffer: Buffer,
  settings: Settings,
  opts: CheckOptions = {},
): Promise<FileOutcome> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(buffer);
  } catch (e) {
    const error = readErrorMessage(name, e, buffer);
    return { report: { file: name, error, tables: [], findings: [] }, error };
  }
  const grid = gridFromWorkbook(wb);
  const check = checkWorkbook(grid, settings);
  let formulasReplaced: FormulaOverwrite[] | undefined;
  if (opts.fix) {
    const plan = buildWritePlan(grid, check, { lang: opts.lang });
    formulasReplaced = formulaOverwrites(grid, plan);
    applyPlan(wb, plan);
  }
  return {
    report: { file: name, error: null, tables: check.tables, findings: check.findings },
    workbook: wb,
    formulasReplaced,
  };
}

export async function checkFile(path: string, settings: Settings, opts: CheckOptions = {}): Promise<FileOutcome> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(path);
  } catch (e) {
    const error = readErrorMessage(path, e);
    return { report: { file: path, error, tables: [], findings: [] }, error };
  }
  return checkBuffer(path, buffer, settings, opts);
}
