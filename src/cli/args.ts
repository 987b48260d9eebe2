/** Command-line arguments of `selfeval check`. */
import { Lang, PROFILE_NAMES, Settings, isProfileName } from '../engine';

export interface CliOptions {
  command: string;
  inputs: string[];
  json: boolean;
  fix: boolean;
  out: string | null;
  lang: Lang;
  settings: Partial<Settings>;
}

export class ArgError extends Error {}

const NUMBER = /^\d+(\.\d+)?$/;

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { command: '', inputs: [], json: false, fix: false, out: null, lang: 'zh', settings: {} };
  const args = [...argv];
  o.command = args.shift() ?? '';
  const value = (flag: string): string => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new ArgError(`参数 ${flag} 需要一个值`);
    return v;
  };
  while (args.length) {
    let a = args.shift()!;
    if (a.startsWith('--') && a.includes('=')) {
      const i = a.indexOf('=');
      args.unshift(a.slice(i + 1));
      a = a.slice(0, i);
    }
    switch (a) {
      case '--json':
        o.json = true;
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--out':
        o.out = value(a);
        break;
      case '--lang': {
        const v = value(a);
        if (v !== 'zh' && v !== 'en') throw new ArgError('--lang 只能是 zh 或 en');
        o.lang = v;
        break;
      }
      case '--score-decimals': {
        const v = value(a);
        if (v !== '1' && v !== '2') throw new ArgError('--score-decimals 只能是 1 或 2');
        o.settings.scoreDecimals = Number(v) as 1 | 2;
        break;
      }
      case '--overachieve-threshold':
      case '--low-execution-threshold':
      case '--execution-weight': {
        const v = value(a);
        if (!NUMBER.test(v)) throw new ArgError(`${a} 需要一个数字，收到“${v}”`);
        if (a === '--overachieve-threshold') o.settings.overachieveThreshold = v;
        else if (a === '--low-execution-threshold') o.settings.lowExecutionThreshold = v;
        else o.settings.executionWeight = v;
        break;
      }
      case '--deduct-overachievement':
        o.settings.deductOverachievement = true;
        break;
      case '--grade-bounds': {
        const v = value(a).split(/[,/，]/);
        if (v.length !== 3 || !v.every((x) => NUMBER.test(x))) throw new ArgError('--grade-bounds 形如 90,80,60');
        o.settings.gradeBounds = { excellent: v[0], good: v[1], pass: v[2] };
        break;
      }
      case '--preset':
      case '--profile': {
        const v = value(a);
        if (!isProfileName(v)) throw new ArgError(`--preset 只能是 ${PROFILE_NAMES.join('、')}`);
        o.settings.preset = v;
        break;
      }
      case '-h':
      case '--help':
        o.command = 'help';
        break;
      default:
        if (a.startsWith('-')) throw new ArgError(`不认识的参数：${a}`);
        o.inputs.push(a);
    }
  }
  return o;
}

export const USAGE = `用法 / Usage:
  selfeval check <file.xlsx | folder> ... [--json] [--fix] [--out DIR] [--score-decimals 1|2]
                 [--overachieve-threshold 20] [--low-execution-threshold 90] [--lang zh|en]
                 [--preset mof2020|hubei|hebei|fasp|yitihua] [--grade-bounds 90,80,60] [--execution-weight 10]
                 [--deduct-overachievement]
  selfeval report check <报告.docx|报告.txt> [--table 表.xlsx] [--json] [--verbose]
  selfeval report draft <表.xlsx> [--out DIR]

  检查绩效自评表：重新计算预算执行率、得分、总分和等级，列出所有问题。
  --json   在标准输出上给出 JSON 报告
  --fix    写出 <文件名>.checked.xlsx（计算值写回、问题单元格标色加批注、附“校验结果”工作表）
  --out    --fix 的输出目录（默认与原文件同目录）
  退出码：0 无错误；1 有错误级问题；2 文件无法读取或参数错误`;
