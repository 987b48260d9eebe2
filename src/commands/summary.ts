/** The outcome of 一键重算 as a short notice: title, a few lines, and how serious it is. */
import { HostCheckResult, countBySeverity } from '../addin';
import { Lang, RESULTS_SHEET } from '../engine';
import { NOTICE_TEXT } from '../i18n';

export interface Notice {
  lang: Lang;
  intent: 'success' | 'warning' | 'error';
  title: string;
  lines: string[];
}

const MAX_TABLE_LINES = 5;

export function summaryNotice(r: HostCheckResult, lang: Lang): Notice {
  const t = NOTICE_TEXT[lang];
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
  if (r.findings.length > 0) lines.push(t.flagged(RESULTS_SHEET));
  lines.push(t.undo);
  return {
    lang,
    intent: counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'success',
    title: t.done,
    lines,
  };
}

export function errorNotice(message: string, lang: Lang): Notice {
  return { lang, intent: 'error', title: NOTICE_TEXT[lang].failed, lines: [message] };
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
