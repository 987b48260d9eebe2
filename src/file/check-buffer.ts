/**
 * One workbook's bytes through the engine: read, check, and (optionally) make the checked copy. No file
 * system here, so the browser's file mode runs exactly this too.
 */
import {
  FileReport,
  Finding,
  FormulaOverwrite,
  Settings,
  WorkbookGrid,
  WritePlan,
  buildWritePlan,
  checkWorkbook,
  formulaOverwrites,
  Lang,
} from '../engine';
import { REBUILT_COPY_TEXT } from '../i18n/file';
import { WorkBook, fileKind, gridFromWorkbook, loadWorkbook, readErrorMessage } from './read';

export interface FileOutcome {
  report: FileReport;
  /** Set when the file could not be read (one line naming it). */
  error?: string;
  /** The grid the check read (unset when the file could not be read): the report draft reads it too. */
  grid?: WorkbookGrid;
  /** With fix: the checked copy's bytes, and whether it is an .xlsx or (macros kept) an .xlsm. */
  output?: Uint8Array;
  outputExt?: 'xlsx' | 'xlsm';
  /**
   * With fix, when the copy could not be the original package patched (an .xls, .xlsb or .ods): one
   * line saying what the copy keeps and how to get a full one.
   */
  copyNote?: string;
  /** With fix: formulas in computed cells that the checked copy replaces by the computed value. */
  formulasReplaced?: FormulaOverwrite[];
}

export interface CheckOptions {
  fix?: boolean;
  lang?: Lang;
}

/**
 * The line for a copy rebuilt from what was read. `format` is the original's format (`.xls`), or null
 * when it is an .xlsx whose package could not be patched part by part (strict OOXML, an odd package).
 */
export function rebuiltCopyNote(format: string | null, lang: Lang = 'zh'): string {
  const t = REBUILT_COPY_TEXT[lang];
  return t.note(t.why(format));
}

/** The original's format for the note: from the bytes (an OLE file is an .xls) and the name. */
function formatLabel(name: string, bytes: Uint8Array): string | null {
  if (fileKind(bytes) === 'ole') return '.xls';
  const m = /\.(xlsb|ods)$/i.exec(name);
  if (m) return `.${m[1].toLowerCase()}`;
  return /\.xls[xm]$/i.test(name) ? null : '.xlsb / .ods';
}

/** The original package, patched; or, where it is not an .xlsx/.xlsm package, an .xlsx rebuilt and patched. */
async function checkedCopy(
  name: string,
  bytes: Uint8Array,
  wb: WorkBook,
  grid: WorkbookGrid,
  plan: WritePlan,
  lang: Lang,
): Promise<Pick<FileOutcome, 'output' | 'outputExt' | 'copyNote'>> {
  // The writer (fflate, xmldom) loads only when a copy is made: a check alone never needs it.
  const { patchPackage } = await import('./patch');
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  const formulaOf = (sheet: string, cell: string) => sheets.get(sheet)?.formulas?.[cell];
  if (fileKind(bytes) === 'zip') {
    try {
      const out = patchPackage(bytes, plan, formulaOf);
      return { output: out.bytes, outputExt: out.macros ? 'xlsm' : 'xlsx' };
    } catch {
      // not an OOXML spreadsheet package (.xlsb, .ods, strict OOXML): rebuilt below
    }
  }
  const { rebuildXlsx } = await import('./rebuild');
  const rebuilt = rebuildXlsx(wb);
  return {
    output: patchPackage(rebuilt, plan, formulaOf).bytes,
    outputExt: 'xlsx',
    copyNote: rebuiltCopyNote(formatLabel(name, bytes), lang),
  };
}

/**
 * The plan without the notes that only say a sheet holds no table (NO_TABLE, on A1 of a chart's data
 * sheet, a hidden parameter sheet, a pivot table): such sheets stay untouched in the copy, byte for
 * byte; the finding is still listed on the results sheet.
 */
function markedOnly(plan: WritePlan, findings: Finding[]): WritePlan {
  const noTable = new Set(findings.filter((f) => f.code === 'NO_TABLE').map((f) => `${f.sheet}!${f.cell}`));
  const other = new Set(findings.filter((f) => f.code !== 'NO_TABLE').map((f) => `${f.sheet}!${f.cell}`));
  const cells = plan.cells.filter((p) => {
    const key = `${p.sheet}!${p.cell}`;
    return !(noTable.has(key) && !other.has(key) && p.value === undefined && !p.fill);
  });
  return { ...plan, cells };
}

export async function checkBuffer(
  name: string,
  data: Uint8Array | ArrayBuffer,
  settings: Settings,
  opts: CheckOptions = {},
): Promise<FileOutcome> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let wb: WorkBook;
  try {
    wb = await loadWorkbook(bytes, { styles: !!opts.fix });
  } catch (e) {
    const error = readErrorMessage(name, e, bytes, opts.lang);
    return { report: { file: name, error, tables: [], findings: [] }, error };
  }
  const grid = gridFromWorkbook(wb, { styles: !!opts.fix });
  const check = checkWorkbook(grid, settings);
  const report: FileReport = { file: name, error: null, tables: check.tables, findings: check.findings };
  if (!opts.fix) return { report, grid };
  const plan = markedOnly(buildWritePlan(grid, check, { lang: opts.lang ?? 'zh' }), check.findings);
  return {
    report,
    grid,
    formulasReplaced: formulaOverwrites(grid, plan),
    ...(await checkedCopy(name, bytes, wb, grid, plan, opts.lang ?? 'zh')),
  };
}
