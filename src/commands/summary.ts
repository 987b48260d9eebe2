/** The outcome of 一键重算 as a short notice: title, a few lines, and how serious it is. */
import { HostCheckResult } from '../addin/host';
import { Lang } from '../addin/lang';
import { countBySeverity } from '../addin/severity';

export interface Notice {
  lang: Lang;
  intent: 'success' | 'warning' | 'error';
  title: string;
  lines: string[];
}

const MAX_TABLE_LINES = 5;

/** The notice's words, one entry per language. */
const TEXT = {
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
  },
} satisfies Record<Lang, unknown>;

export function summaryNotice(r: HostCheckResult, lang: Lang): Notice {
  const t = TEXT[lang];
  const counts = countBySeverity(r.findings);
  const lines: string[] = [];
  if (r.tables.length === 0) lines.push(t.noTables);
  for (const table of r.tables.slice(0, MAX_TABLE_LINES)) {
    const name = table.name || table.sheet;
    const total = table.total?.computed;
    lines.push(total ? t.line(name, t.figures(total, table.grade?.computed ?? null)) : name);
  }
  if (r.tables.length > MAX_TABLE_LINES) lines.push(t.more(r.tables.length - MAX_TABLE_LINES));
  lines.push(t.counts(counts.error, counts.warning, counts.info, r.written));
  if (r.findings.length > 0) lines.push(t.flagged);
  lines.push(t.undo);
  return {
    lang,
    intent: counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'success',
    title: t.done,
    lines,
  };
}

export function errorNotice(message: string, lang: Lang): Notice {
  return { lang, intent: 'error', title: TEXT[lang].failed, lines: [message] };
}

/** Notices travel to the dialog page in its query string. */
export function encodeNotice(n: Notice): string {
  return `n=${encodeURIComponent(JSON.stringify(n))}`;
}

export function decodeNotice(search: string): Notice | null {
  try {
    const raw = new URLSearchParams(search).get('n');
    if (!raw) return null;
    const n = JSON.parse(raw) as Notice;
    return typeof n.title === 'string' && Array.isArray(n.lines) ? n : null;
  } catch {
    return null;
  }
}
