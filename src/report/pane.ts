/**
 * The task pane's report actions (loaded on first use: it brings the docx writer). Bytes in, bytes
 * out; nothing leaves the browser. Both modes pass the grid their check read, so 年初预算, 年度目标 and
 * the reason cells come from the cells; without it (null) they become 【请填写】 placeholders.
 */
import { Finding, Settings, TableResult, WorkbookGrid } from '../engine';
import { ReportCheck, checkReportBytes } from './check';
import { draftFromChecked, draftName } from './draft';

export interface PaneDraft {
  name: string;
  bytes: Uint8Array;
}

export async function paneDraft(
  workbookName: string,
  grid: WorkbookGrid | null,
  tables: TableResult[],
  findings: Finding[],
  settings: Settings,
): Promise<PaneDraft> {
  const d = await draftFromChecked(grid, tables, findings, settings);
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
