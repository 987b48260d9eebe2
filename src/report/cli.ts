/** `selfeval report check|draft`: the command-line side of src/report (file system here only). */
import { resolveSettings } from '../engine';
import { promises as fs } from 'fs';
import * as path from 'path';
import { checkFile } from '../file/check-file';
import { checkReportBytes, reportCheckText } from './check';
import { ReportReadError } from './text';

export const REPORT_USAGE = `  selfeval report check <报告.docx|报告.txt> [--table 表.xlsx] [--json] [--verbose]
  selfeval report draft <表.xlsx> [--out DIR]`;

interface ReportArgs {
  sub: string;
  input: string | null;
  table: string | null;
  out: string | null;
  json: boolean;
  verbose: boolean;
}

function parse(argv: string[]): ReportArgs {
  const a: ReportArgs = { sub: argv[0] ?? '', input: null, table: null, out: null, json: false, verbose: false };
  const rest = argv.slice(1);
  while (rest.length) {
    const x = rest.shift()!;
    if (x === '--json') a.json = true;
    else if (x === '--verbose') a.verbose = true;
    else if (x === '--table' || x === '--out') {
      const v = rest.shift();
      if (v === undefined || v.startsWith('--')) throw new Error(`参数 ${x} 需要一个值`);
      if (x === '--table') a.table = v;
      else a.out = v;
    } else if (x.startsWith('-')) throw new Error(`不认识的参数：${x}`);
    else if (a.input === null) a.input = x;
    else throw new Error(`多余的参数：${x}`);
  }
  return a;
}

export async function reportMain(argv: string[]): Promise<number> {
  let a: ReportArgs;
  try {
    a = parse(argv);
  } catch (e) {
    process.stderr.write(`selfeval report：${(e as Error).message}\n用法：\n${REPORT_USAGE}\n`);
    return 2;
  }
  if ((a.sub !== 'check' && a.sub !== 'draft') || a.input === null) {
    process.stderr.write(`用法：\n${REPORT_USAGE}\n`);
    return 2;
  }
  const settings = resolveSettings();
  if (a.sub === 'draft') {
    const { draftMain } = await import('./draft-cli');
    return draftMain(a.input, a.out, settings);
  }
  let table;
  if (a.table) {
    const t = await checkFile(a.table, settings, {});
    if (t.error) {
      process.stderr.write(`${t.error}\n`);
      return 2;
    }
    table = t.report;
  }
  let data: Buffer;
  try {
    data = await fs.readFile(a.input);
  } catch {
    process.stderr.write(`${a.input}：无法读取（文件不存在或没有权限）\n`);
    return 2;
  }
  let r;
  try {
    r = checkReportBytes(path.basename(a.input) === a.input ? a.input : a.input, data, settings, table);
  } catch (e) {
    if (e instanceof ReportReadError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (a.json) {
    process.stdout.write(
      `${JSON.stringify({ tool: 'selfeval', command: 'report check', table: a.table, ...r }, null, 2)}\n`,
    );
  } else process.stdout.write(`${reportCheckText(r, a.verbose)}\n`);
  return r.summary.errors > 0 ? 1 : 0;
}
