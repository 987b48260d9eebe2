/** The outcome of 一键重算 as a short notice: title, a few lines, and how serious it is. */
import { HostCheckResult } from '../taskpane/host';
import { Lang } from '../taskpane/i18n';
import { countBySeverity } from '../taskpane/view-model';

export interface Notice {
  lang: Lang;
  intent: 'success' | 'warning' | 'error';
  title: string;
  lines: string[];
}

const MAX_TABLE_LINES = 5;

export function summaryNotice(r: HostCheckResult, lang: Lang): Notice {
  const zh = lang === 'zh';
  const c = countBySeverity(r.findings);
  const lines: string[] = [];
  if (r.tables.length === 0) lines.push(zh ? '没有找到绩效自评表。' : 'No self-evaluation table found.');
  for (const t of r.tables.slice(0, MAX_TABLE_LINES)) {
    const name = t.name || t.sheet;
    const total = t.total?.computed;
    const grade = t.grade?.computed;
    const figures = total
      ? zh
        ? `总分 ${total}${grade ? `（${grade}）` : ''}`
        : `total ${total}${grade ? ` (${grade})` : ''}`
      : '';
    lines.push(figures ? `${name}：${figures}` : name);
  }
  if (r.tables.length > MAX_TABLE_LINES) {
    const more = r.tables.length - MAX_TABLE_LINES;
    lines.push(zh ? `……另有 ${more} 张表` : `… and ${more} more tables`);
  }
  lines.push(
    zh
      ? `问题：错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}；已写回 ${r.written} 个单元格。`
      : `Findings: ${c.error} errors, ${c.warning} warnings, ${c.info} notes; ${r.written} cells written.`,
  );
  if (r.findings.length > 0)
    lines.push(
      zh
        ? '问题已在单元格上标出，并列在“校验结果”工作表中。'
        : 'Problems are flagged on their cells and listed on the 校验结果 sheet.',
    );
  lines.push(
    zh
      ? 'Ctrl+Z 可能无法撤销本次写入：请在“打开助手”中使用“撤销上次写入”。'
      : 'Ctrl+Z may not undo this: use “Undo last write” in the pane.',
  );
  return {
    lang,
    intent: c.error > 0 ? 'error' : c.warning > 0 ? 'warning' : 'success',
    title: zh ? '一键重算完成' : 'Recalculation done',
    lines,
  };
}

export function errorNotice(message: string, lang: Lang): Notice {
  return { lang, intent: 'error', title: lang === 'zh' ? '一键重算未完成' : 'Recalculation failed', lines: [message] };
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
