/**
 * Browser file mode: the same engine on a workbook picked by the user (.xlsx, .xlsm, .xls, .xlsb, .ods),
 * entirely in the browser (SheetJS, fflate, xmldom; no fetch, no upload) — the file host's checkBuffer,
 * as the command-line tool runs it. The checked copy is the original package patched.
 */
import { Finding, TableResult, Settings, Lang, WorkbookGrid } from '../engine';
import { checkBuffer } from '../file/check-buffer';
import { checkedFileName } from '../file/names';
import { readErrorMessage } from '../file/read';

export interface FileCheck {
  name: string;
  tables: TableResult[];
  findings: Finding[];
  /** The grid the check read (the report draft's 年初预算, 年度目标, reasons). */
  grid: WorkbookGrid | null;
  /** `<name>.checked.xlsx` (`.checked.xlsm` for a macro-enabled workbook) */
  outputName: string;
  /** The checked copy: computed values written, flags, the 校验结果 sheet. */
  output: Uint8Array;
  /** For an .xls (.xlsb, .ods): what the rebuilt copy keeps and how to get a full one. */
  copyNote?: string;
}

export class FileReadError extends Error {}

/** Why the bytes are not a workbook we can read, in one line (the CLI's wording). */
export function readError(name: string, head: Uint8Array, err: unknown, lang: Lang): string {
  return readErrorMessage(name, err, head, lang);
}

export async function checkXlsx(
  name: string,
  data: ArrayBuffer,
  settings: Settings,
  lang: Lang = 'zh',
): Promise<FileCheck> {
  const r = await checkBuffer(name, new Uint8Array(data), settings, { fix: true, lang });
  if (r.error || !r.output) throw new FileReadError(r.error ?? readErrorMessage(name, null, undefined, lang));
  return {
    name,
    tables: r.report.tables,
    findings: r.report.findings as Finding[],
    grid: r.grid ?? null,
    outputName: checkedFileName(name, r.outputExt),
    output: r.output,
    copyNote: r.copyNote,
  };
}
