#!/usr/bin/env node
/** `selfeval check`: the headless main job and the batch tool. */
import { promises as fs } from 'fs';
import { buildReport, FileReport } from '../engine/report';
import { resolveSettings } from '../engine/settings';
import { checkFile } from '../file/check-file';
import { USAGE, parseArgs } from './args';
import { checkedName, expandInputs } from './inputs';
import { textReport } from './text-report';

export async function main(argv: string[]): Promise<number> {
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
  const reports: FileReport[] = [];
  const written = new Map<string, string>();
  let unreadable = false;
  for (const file of files) {
    const r = await checkFile(file, settings, { fix: opts.fix, lang: opts.lang });
    reports.push(r.report);
    if (r.error) {
      unreadable = true;
      process.stderr.write(`${r.error}\n`);
      continue;
    }
    if (opts.fix && r.workbook) {
      const target = checkedName(file, opts.out);
      try {
        await r.workbook.xlsx.writeFile(target);
        written.set(file, target);
      } catch (e) {
        unreadable = true;
        process.stderr.write(`${file}：无法写出 ${target}（${(e as Error).message}）\n`);
      }
    }
  }
  const report = buildReport(reports, settings, opts.lang);
  if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${textReport(report, opts.lang, written)}\n`);
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
