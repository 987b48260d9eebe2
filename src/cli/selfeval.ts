#!/usr/bin/env node
/** `selfeval check`: the headless main job and the batch tool. */
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { buildReport, FileReport, ReportFile, resolveSettings, FormulaOverwrite } from '../engine';
import { USAGE, parseArgs } from './args';
import { expandInputs } from './inputs';
import { checkAll } from './pool';
import { textReport } from './text-report';

/** The tool's version from package.json (two levels up from src/cli and from dist/cli alike). */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string })
    .version;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'report') return (await import('../report/cli')).reportMain(argv.slice(1));
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`selfeval：${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (opts.command === 'help' || opts.command === '' || opts.command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return opts.command === 'help' ? 0 : 2;
  }
  if (opts.command !== 'check') {
    process.stderr.write(`selfeval：不认识的命令“${opts.command}”，应为 check\n${USAGE}\n`);
    return 2;
  }
  if (opts.inputs.length === 0) {
    process.stderr.write(`selfeval：请给出要检查的 .xlsx 文件或文件夹\n${USAGE}\n`);
    return 2;
  }
  const settings = resolveSettings(opts.settings);
  const files = await expandInputs(opts.inputs);
  if (opts.out) await fs.mkdir(opts.out, { recursive: true });
  const written = new Map<string, string>();
  const formulas = new Map<string, FormulaOverwrite[]>();
  const copyNotes = new Map<string, string>();
  let unreadable = false;
  const results = await checkAll(files, settings, { fix: opts.fix, lang: opts.lang, out: opts.out }, (r) => {
    // In input order, as each file is done.
    if (r.error) {
      unreadable = true;
      process.stderr.write(`${r.error}\n`);
    }
    if (r.writeError) {
      unreadable = true;
      process.stderr.write(`${r.writeError}\n`);
    }
    if (r.copyNote) copyNotes.set(r.report.file, r.copyNote);
    // An .xls's copy is rebuilt: the line saying what it keeps follows the line naming it.
    if (r.written)
      written.set(
        r.report.file,
        r.copyNote ? `${r.written}\n  ${opts.lang === 'zh' ? '注意：' : 'note: '}${r.copyNote}` : r.written,
      );
    if (r.formulasReplaced) formulas.set(r.report.file, r.formulasReplaced);
  });
  const reports: FileReport[] = results.map((r) => r.report);
  const report = buildReport(reports, settings, { lang: opts.lang, version: toolVersion() });
  if (opts.json) {
    for (const f of report.files) {
      const replaced = formulas.get(f.file);
      if (replaced) (f as ReportFile & { formulasReplaced?: FormulaOverwrite[] }).formulasReplaced = replaced;
      const note = copyNotes.get(f.file);
      if (note) (f as ReportFile & { copyNote?: string }).copyNote = note;
    }
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else process.stdout.write(`${textReport(report, opts.lang, written, formulas)}\n`);
  if (unreadable) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`selfeval：内部错误：${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
