/** The words of 一键重算's notice dialog (src/commands/summary.ts builds it, notice.ts shows it). */
import type { Lang } from '../engine';

export const NOTICE_TEXT = {
  zh: {
    done: '一键重算完成',
    failed: '一键重算未完成',
    noTables: '没有找到绩效自评表。',
    figures: (total: string, grade: string | null) => `总分 ${total}${grade ? `（${grade}）` : ''}`,
    line: (name: string, figures: string) => `${name}：${figures}`,
    more: (n: number) => `……另有 ${n} 张表`,
    counts: (e: number, w: number, i: number, written: number) =>
      `问题：错误 ${e}，警告 ${w}，提示 ${i}；已写回 ${written} 个单元格。`,
    flagged: '问题已在单元格上标出，并列在“校验结果”工作表中。',
    undo: 'Ctrl+Z 可能无法撤销本次写入：请在“打开助手”中使用“撤销上次写入”。',
    close: '关闭',
    appName: '绩效自评助手',
  },
  en: {
    done: 'Recalculation done',
    failed: 'Recalculation failed',
    noTables: 'No self-evaluation table found.',
    figures: (total: string, grade: string | null) => `total ${total}${grade ? ` (${grade})` : ''}`,
    line: (name: string, figures: string) => `${name}: ${figures}`,
    more: (n: number) => `… and ${n} more tables`,
    counts: (e: number, w: number, i: number, written: number) =>
      `Findings: ${e} errors, ${w} warnings, ${i} notes; ${written} cells written.`,
    flagged: 'Problems are flagged on their cells and listed on the 校验结果 sheet.',
    undo: 'Ctrl+Z may not undo this: use “Undo last write” in the pane.',
    close: 'Close',
    appName: 'SelfEval',
  },
} satisfies Record<Lang, unknown>;
