/** One input file of `selfeval check`, start to end: read, check, write the checked copy. Serializable result. */
import { promises as fs } from 'fs';
import { FileReport, FormulaOverwrite, Lang, Settings } from '../engine';
import { checkFile } from '../file/check-file';
import { checkedCopyPath } from './inputs';

export interface ProcessOptions {
  fix: boolean;
  lang: Lang;
  out: string | null;
}

export interface FileResult {
  report: FileReport;
  /** The file could not be read (one Chinese line). */
  error?: string;
  /** With --fix: where the checked copy went, or why it could not be written. */
  written?: string;
  writeError?: string;
  formulasReplaced?: FormulaOverwrite[];
  /** With --fix, for an .xls (.xlsb, .ods): what the rebuilt copy keeps, one line. */
  copyNote?: string;
}

export async function processFile(file: string, settings: Settings, opts: ProcessOptions): Promise<FileResult> {
  let r;
  try {
    r = await checkFile(file, settings, { fix: opts.fix, lang: opts.lang });
  } catch (e) {
    // Never a stack trace: whatever went wrong inside, the file is reported as unreadable.
    const error = `${file}：无法检查（${e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e)}）`;
    return { report: { file, error, tables: [], findings: [] }, error };
  }
  if (r.error) return { report: r.report, error: r.error };
  const out: FileResult = { report: r.report };
  if (opts.fix && r.output) {
    const target = checkedCopyPath(file, opts.out, r.outputExt);
    try {
      await fs.writeFile(target, r.output);
      out.written = target;
      if (r.formulasReplaced?.length) out.formulasReplaced = r.formulasReplaced;
      if (r.copyNote) out.copyNote = r.copyNote;
    } catch (e) {
      out.writeError = `${file}：无法写出 ${target}（${(e as Error).message}）`;
    }
  }
  return out;
}
