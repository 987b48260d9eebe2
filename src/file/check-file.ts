/** One .xlsx file through the engine: read, check, and (optionally) write the checked copy. */
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../engine/check/workbook';
import { buildWritePlan } from '../engine/plan';
import { FileReport } from '../engine/report';
import { Settings } from '../engine/settings';
import { gridFromWorkbook, loadWorkbook, readErrorMessage } from './read';
import { applyPlan } from './write';

export interface FileOutcome {
  report: FileReport;
  /** Set when the file could not be read. */
  error?: string;
  workbook?: ExcelJS.Workbook;
}

export async function checkBuffer(
  name: string,
  buffer: Buffer,
  settings: Settings,
  opts: { fix?: boolean; lang?: 'zh' | 'en' } = {},
): Promise<FileOutcome> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(buffer);
  } catch (e) {
    const error = readErrorMessage(name, e, buffer.subarray(0, 8));
    return { report: { file: name, error, tables: [], findings: [] }, error };
  }
  const grid = gridFromWorkbook(wb);
  const check = checkWorkbook(grid, settings);
  if (opts.fix) applyPlan(wb, buildWritePlan(grid, check, { lang: opts.lang }));
  return { report: { file: name, error: null, tables: check.tables, findings: check.findings }, workbook: wb };
}

export async function checkFile(
  path: string,
  settings: Settings,
  opts: { fix?: boolean; lang?: 'zh' | 'en' } = {},
): Promise<FileOutcome> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(path);
  } catch (e) {
    const error = readErrorMessage(path, e);
    return { report: { file: path, error, tables: [], findings: [] }, error };
  }
  return checkBuffer(path, buffer, settings, opts);
}
