/** The pane's view of the office.js host (src/excel), plus one helper for its errors. */
export { HostError, createExcelHost } from '../excel';
export type { ExcelHost, HostCheckResult } from '../excel';
import type { Lang } from '../engine';

/** A message for the user from anything thrown by the host (HostError carries both languages). */
export function errorText(e: unknown, lang: Lang): string {
  if (e && typeof e === 'object' && 'messageZh' in e && 'messageEn' in e) {
    const h = e as { messageZh: string; messageEn: string };
    return lang === 'zh' ? h.messageZh : h.messageEn;
  }
  return e instanceof Error ? e.message : String(e);
}
