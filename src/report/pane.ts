/**
 * The task pane's report actions (loaded on first use: it brings the docx writer). Bytes in, bytes
 * out; nothing leaves the browser. In Office mode there are no workbook bytes: the draft is written
 * from the check result alone, and what only the cells would give (年初预算, 年度目标, reason cells)
 * becomes a 【请填写】 placeholder.
 */
import { Finding, Settings, TableResult } from '../engine';
import { ReportCheck, checkReportBytes } from './check';
import { draftFromChecked, draftName } from './draft';

export interface PaneDraft {
  name: string;
  bytes: Uint8Array;
}

export async function paneDraft(
  workbookName: string,
  data: Uint8Array | null,
  tables: TableResult[],
  findings: Finding[],
  settings: Settings,
): Promise<PaneDraft> {
  const d = await draftFromChecked(data, tables, findings, settings);
  return { name: draftName(workbookName), bytes: d.docx };
}

export function paneReportCheck(
  reportName: string,
  data: Uint8Array,
  settings: Settings,
  workbook: { name: string; tables: TableResult[]; findings: Finding[] } | null,
): ReportCheck {
  const table = workbook
    ? { file: workbook.name, error: null, tables: workbook.tables, findings: workbook.findings }
    : undefined;
  return checkReportBytes(reportName, data, settings, table);
}
