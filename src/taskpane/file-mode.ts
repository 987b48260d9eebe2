/**
 * Browser file mode: the same engine on an .xlsx picked by the user, entirely in the browser (exceljs's
 * browser build; no fetch, no upload) — the file host's checkBuffer, as the command-line tool runs it.
 */
import { Finding, Lang, TableResult, Settings } from '../engine';
import { checkBuffer } from '../file/check-buffer';
import { checkedFileName } from '../file/names';
import { readErrorMessage } from '../file/read';

export interface FileCheck {
  name: string;
  tables: TableResult[];
  findings: Finding[];
  /** `<name>.checked.xlsx` */
  outputName: string;
  /** The checked copy: computed values written, flags, the 校验结果 sheet. */
  output: Uint8Array;
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
  if (r.error || !r.workbook) throw new FileReadError(r.error ?? readErrorMessage(name, null, undefined, lang));
  const out = await r.workbook.xlsx.writeBuffer();
  return {
    name,
    tables: r.report.tables,
    findings: r.report.findings as Finding[],
    outputName: checkedFileName(name),
    output: new Uint8Array(out as ArrayBuffer),
  };
}
