/** The JSON report (docs/rules.md, "The JSON report"): findings worded in the report's language. */
import { Finding, Severity } from './findings';
import { Lang, render } from './messages/findings';
import { TableResult } from './result';
import { Settings, settingsForReport } from './settings';

/** One file's outcome as the engine gives it: findings as data. */
export interface FileReport {
  file: string;
  error: string | null;
  tables: TableResult[];
  findings: Finding[];
}

/** A finding as the JSON report shows it: its message worded in the report's language. */
export interface ReportFinding {
  code: Finding['code'];
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
}

export interface ReportFile extends Omit<FileReport, 'findings'> {
  findings: ReportFinding[];
}

export interface Report {
  tool: 'selfeval';
  version: string;
  settings: Record<string, unknown>;
  files: ReportFile[];
  summary: { files: number; tables: number; errors: number; warnings: number; infos: number };
}

/**
 * The report of a run. `version` is the tool's (package.json's `version`: the CLI reads it, the
 * engine imports nothing but itself and decimal.js); `lang` words the findings.
 */
export function buildReport(files: FileReport[], settings: Settings, opts: { lang: Lang; version: string }): Report {
  const lang = opts.lang;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let tables = 0;
  const out = files.map((f) => {
    tables += f.tables.length;
    return {
      ...f,
      findings: f.findings.map((x) => {
        if (x.severity === 'error') errors++;
        else if (x.severity === 'warning') warnings++;
        else infos++;
        return { code: x.code, severity: x.severity, sheet: x.sheet, cell: x.cell, message: render(x, lang) };
      }),
    };
  });
  return {
    tool: 'selfeval',
    version: opts.version,
    settings: settingsForReport(settings),
    files: out,
    summary: { files: files.length, tables, errors, warnings, infos },
  };
}
