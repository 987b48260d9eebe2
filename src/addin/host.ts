/** The office.js host (src/excel) as the pane and the ribbon commands use it, plus one helper for its errors. */
import type { Lang } from '../engine';

export { HostError, createExcelHost } from '../excel';
export type { ExcelHost, HostCheckResult } from '../excel';

/** A message for the user from anything thrown by the host (HostError carries both languages). */
export function errorText(e: unknown, lang: Lang): string {
  if (e && typeof e === 'object' && 'messageZh' in e && 'messageEn' in e) {
    const h = e as { messageZh: string; messageEn: string };
    return lang === 'zh' ? h.messageZh : h.messageEn;
  }
  return e instanceof Error ? e.message : String(e);
}
