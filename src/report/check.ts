/**
 * `selfeval report check`: a written report's figures against its own arithmetic and, given the
 * checked table, against the table's computed values. Bytes in, findings out (no file system).
 */
import { FileReport, Settings } from '../engine';
import { Checked, ReportFinding, checkArithmetic } from './arithmetic';
import { sentencesOfReport } from './figures';
import { checkAgainstTable } from './against-table';
import { readReport } from './text';

export interface ReportCheck {
  file: string;
  paragraphs: number;
  findings: ReportFinding[];
  /** Relations worked out and found to hold. */
  checked: Checked[];
  summary: { errors: number; warnings: number; infos: number };
}

export function checkReportBytes(name: string, data: Uint8Array, settings: Settings, table?: FileReport): ReportCheck {
  const paragraphs = readReport(name, data);
  const doc = sentencesOfReport(paragraphs);
  const checked: Checked[] = [];
  const findings = checkArithmetic(doc, settings.gradeBounds, checked);
  if (table) findings.push(...checkAgainstTable(doc, table, checked));
  findings.sort((a, b) => a.paragraph - b.paragraph);
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const x of findings) {
    if (x.severity === 'error') summary.errors++;
    else if (x.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return { file: name, paragraphs: paragraphs.length, findings, checked, summary };
}

const LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

export function reportCheckText(r: ReportCheck, verbose = false): string {
  const lines = [`${r.file}：${r.paragraphs} 段，核对了 ${r.checked.length + r.findings.length} 处数字关系`];
  for (const x of r.findings) {
    lines.push(`  第 ${x.paragraph} 段 [${LABEL[x.severity]}] ${x.code} ${x.message}`);
    lines.push(`    算式：${x.arithmetic}`);
    lines.push(`    原文：“${x.sentence}”`);
  }
  if (verbose) for (const c of r.checked) lines.push(`  第 ${c.paragraph} 段 [相符] ${c.what}：${c.arithmetic}`);
  const s = r.summary;
  lines.push(
    r.findings.length === 0
      ? '报告中的数字前后一致，未发现问题。'
      : `共 ${s.errors} 个错误、${s.warnings} 个警告、${s.infos} 个提示。`,
  );
  return lines.join('\n');
}
