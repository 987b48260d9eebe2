/**
 * The pane's view of the office.js host (src/excel). Until src/excel exists this file carries the
 * agreed contract so the pane compiles; it then re-exports the real module.
 */
import { Finding } from '../engine/findings';
import { TableResult } from '../engine/result';
import { Settings } from '../engine/settings';

export interface HostCheckResult {
  tables: TableResult[];
  findings: Finding[];
  syncCount: number;
  written: number;
}

export interface ExcelHost {
  check(opts: {
    writeValues: boolean;
    settings: Settings;
    lang?: 'zh' | 'en';
    onProgress?: (done: number, total: number) => void;
  }): Promise<HostCheckResult>;
  undoLast(): Promise<{ restored: number }>;
  clearMarks(): Promise<{ cleared: number }>;
  loadSettings(): Promise<Partial<Settings>>;
  saveSettings(s: Partial<Settings>): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  watch(onResult: (r: HostCheckResult) => void, settings: () => Settings): () => void;
}

export class HostError extends Error {
  messageZh: string;
  messageEn: string;
  constructor(messageZh: string, messageEn: string) {
    super(messageEn);
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

export function createExcelHost(_run?: typeof Excel.run): ExcelHost {
  throw new HostError('Excel 宿主模块尚未就绪', 'The Excel host module is not available yet');
}

/** A message for the user from anything thrown by the host. */
export function errorText(e: unknown, lang: 'zh' | 'en'): string {
  if (e && typeof e === 'object' && 'messageZh' in e && 'messageEn' in e) {
    const h = e as { messageZh: string; messageEn: string };
    return lang === 'zh' ? h.messageZh : h.messageEn;
  }
  return e instanceof Error ? e.message : String(e);
}
