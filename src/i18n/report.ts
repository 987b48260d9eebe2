/** The task pane's 自评报告 panel (src/taskpane/components/ReportPanel.tsx), in Chinese and English. */
import type { Lang } from '../engine';

export interface ReportPaneText {
  draft: string;
  draftHint: string;
  download: (name: string) => string;
  checkReport: string;
  checkHint: string;
  none: (file: string, relations: number) => string;
  found: (file: string, errors: number, warnings: number) => string;
  para: (n: number) => string;
  failed: string;
}

export const REPORT_PANE_TEXT: Record<Lang, ReportPaneText> = {
  zh: {
    draft: '生成报告草稿',
    draftHint: '按检查结果起草自评报告（.docx）：数字取自表中按规则计算的值，需人工填写处标为【请填写】',
    download: (n: string) => `下载 ${n}`,
    checkReport: '检查报告（.docx）',
    checkHint: '核对已写好的自评报告：数字前后是否一致、是否与表中计算值一致',
    none: (f: string, n: number) => `${f}：核对了 ${n} 处数字关系，未发现问题`,
    found: (f: string, e: number, w: number) => `${f}：${e} 个错误、${w} 个警告`,
    para: (n: number) => `第 ${n} 段`,
    failed: '无法处理：',
  },
  en: {
    draft: 'Draft the report',
    draftHint:
      'Draft the self-evaluation report (.docx) from this check: figures are the computed ones; what a person must write is left as a visible placeholder',
    download: (n: string) => `Download ${n}`,
    checkReport: 'Check a report (.docx)',
    checkHint: 'Check a written report: its own arithmetic and its figures against the computed table',
    none: (f: string, n: number) => `${f}: ${n} figure relations checked, no problem found`,
    found: (f: string, e: number, w: number) => `${f}: ${e} errors, ${w} warnings`,
    para: (n: number) => `paragraph ${n}`,
    failed: 'Failed: ',
  },
};
