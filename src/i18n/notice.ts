/** The words of 一键重算's notice dialog (src/commands/summary.ts), one entry per language. */
import type { Lang } from '../engine';

export interface NoticeText {
  done: string;
  failed: string;
  noTables: string;
  figures(total: string, grade: string | null): string;
  line(name: string, figures: string): string;
  more(n: number): string;
  counts(e: number, w: number, i: number, written: number): string;
  /** `sheet`: the results sheet's name (校验结果, as the workbook shows it in either language). */
  flagged(sheet: string): string;
  undo: string;
  /** The dialog's button, and its title when the notice cannot be read. */
  close: string;
  appName: string;
}

export const NOTICE_TEXT: Record<Lang, NoticeText> = {
  zh: {
    done: '一键重算完成',
    failed: '一键重算未完成',
    noTables: '没有找到绩效自评表。',
    figures: (total, grade) => `总分 ${total}${grade ? `（${grade}）` : ''}`,
    line: (name, figures) => `${name}：${figures}`,
    more: (n) => `……另有 ${n} 张表`,
    counts: (e, w, i, written) => `问题：错误 ${e}，警告 ${w}，提示 ${i}；已写回 ${written} 个单元格。`,
    flagged: (sheet) => `问题已在单元格上标出，并列在“${sheet}”工作表中。`,
    undo: 'Ctrl+Z 可能无法撤销本次写入：请在“打开助手”中使用“撤销上次写入”。',
    close: '关闭',
    appName: '绩效自评助手',
  },
  en: {
    done: 'Recalculation done',
    failed: 'Recalculation failed',
    noTables: 'No self-evaluation table found.',
    figures: (total, grade) => `total ${total}${grade ? ` (${grade})` : ''}`,
    line: (name, figures) => `${name}: ${figures}`,
    more: (n) => `… and ${n} more tables`,
    counts: (e, w, i, written) => `Findings: ${e} errors, ${w} warnings, ${i} notes; ${written} cells written.`,
    flagged: (sheet) => `Problems are flagged on their cells and listed on the ${sheet} sheet.`,
    undo: 'Ctrl+Z may not undo this: use “Undo last write” in the pane.',
    close: 'Close',
    appName: 'SelfEval',
  },
};
