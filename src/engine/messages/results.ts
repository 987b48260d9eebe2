/** The `校验结果` sheet's words and the severity names, in Chinese and English. */
import type { Severity } from '../findings';
import type { Lang } from './findings';

export const SEVERITY_NAMES: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export const RESULTS_TEXT: Record<Lang, { header: string[]; none: string }> = {
  zh: { header: ['工作表', '单元格', '严重程度', '代码', '说明'], none: '没有发现问题' },
  en: { header: ['Sheet', 'Cell', 'Severity', 'Code', 'Message'], none: 'No findings' },
};
