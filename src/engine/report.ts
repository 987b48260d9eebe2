/** The JSON report (shared/domain/report.md). */
import { Finding } from './findings';
import { TableResult } from './result';
import { Settings, settingsForReport } from './settings';

export const VERSION = '0.1.0';

export interface FileReport {
  file: string;
  error: string | null;
  tables: TableResult[];
  findings: Omit<Finding, 'messageEn'>[] | Finding[];
}

export interface Report {
  tool: 'selfeval';
  version: string;
  settings: Record<string, unknown>;
  files: FileReport[];
  summary: { files: number; tables: number; errors: number; warnings: number; infos: number };
}

export function buildReport(files: FileReport[], settings: Settings, lang: 'zh' | 'en' = 'zh'): Report {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let tables = 0;
  const out = files.map((f) => {
    tables += f.tables.length;
    return {
      ...f,
      findings: (f.findings as Finding[]).map((x) => {
        if (x.severity === 'error') errors++;
        else if (x.severity === 'warning') warnings++;
        else infos++;
        return {
          code: x.code,
          severity: x.severity,
          sheet: x.sheet,
          cell: x.cell,
          message: lang === 'en' ? x.messageEn : x.message,
        };
      }),
    };
  });
  return {
    tool: 'selfeval',
    version: VERSION,
    settings: settingsForReport(settings),
    files: out,
    summary: { files: files.length, tables, errors, warnings, infos },
  };
}
