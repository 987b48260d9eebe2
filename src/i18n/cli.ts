/** The `selfeval check` summary's words, in Chinese and English (findings are worded by the engine). */
import type { Lang, Severity, TableResult } from '../engine';

export interface CliText {
  colon: string;
  comma: string;
  severity: Record<Severity, string>;
  kind: Record<TableResult['kind'], string>;
  file: string;
  unreadable: string;
  rate: string;
  total: string;
  grade: string;
  projects: string;
  overallRate: string;
  grades: string;
  /** A computed figure against the table's: the table's empty or its value. */
  versus: (computed: string, reported: string | null) => string;
  counts: (c: Record<Severity, number>) => string;
  written: string;
  formulasReplaced: string;
  summary: (s: { files: number; tables: number; errors: number; warnings: number; infos: number }) => string;
  /** The rule profile in force (scoring.md "Rule profiles"). */
  profile: (name: string) => string;
}

export const CLI_TEXT: Record<Lang, CliText> = {
  zh: {
    colon: '：',
    comma: '，',
    severity: { error: '错误', warning: '警告', info: '提示' },
    kind: { project: '项目支出绩效自评表', department: '部门整体支出绩效自评表', summary: '自评结果汇总表' },
    file: '文件',
    unreadable: '无法读取',
    rate: '预算执行率',
    total: '总分',
    grade: '等级',
    projects: '项目',
    overallRate: '合计执行率',
    grades: '等级分布',
    versus: (c, r) => (r === null ? `${c}（表内为空）` : `${c}（表内 ${r}）`),
    counts: (c) => `问题：错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`,
    written: '已写出检查后的副本',
    formulasReplaced: '注意：副本中以下公式单元格的公式已被计算值替换（原公式结果不对或不够精确）：',
    summary: (s) => `合计：${s.files} 个文件，${s.tables} 张表；错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}`,
    profile: (name) => `规则方案：${name}`,
  },
  en: {
    colon: ': ',
    comma: ', ',
    severity: { error: 'error', warning: 'warning', info: 'info' },
    kind: { project: 'project table', department: 'department table', summary: 'summary table' },
    file: 'File',
    unreadable: 'cannot be read',
    rate: 'execution rate',
    total: 'total',
    grade: 'grade',
    projects: 'projects',
    overallRate: 'overall rate',
    grades: 'grades',
    versus: (c, r) => (r === null ? `${c} (empty in the table)` : `${c} (table: ${r})`),
    counts: (c) => `findings: ${c.error} errors, ${c.warning} warnings, ${c.info} infos`,
    written: 'checked copy written to',
    formulasReplaced: 'note: in the copy, these formula cells now hold the computed value instead of their formula:',
    summary: (s) =>
      `Total: ${s.files} files, ${s.tables} tables; ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos`,
    profile: (name) => `Rule profile: ${name}`,
  },
};
