/** Checking a whole workbook: every sheet's tables, the summary cross-check, NO_TABLE. */
import { Finding, finding, severityRank } from '../findings';
import { WorkbookGrid } from '../grid';
import { locateTables } from '../locate/tables';
import { ProjectModel, SummaryModel } from '../model';
import { TableResult, ValueWrite } from '../result';
import { Settings, resolveSettings } from '../settings';
import { RESULTS_SHEET } from '../plan';
import { ProjectFigures, crossCheck } from './cross';
import { checkProject } from './project';
import { checkSummary } from './summary';
import { parseA1 } from '../address';

export interface WorkbookCheck {
  tables: TableResult[];
  findings: Finding[];
  writes: ValueWrite[];
}

export function checkWorkbook(grid: WorkbookGrid, settings: Settings = resolveSettings()): WorkbookCheck {
  const tables: TableResult[] = [];
  const findings: Finding[] = [];
  const writes: ValueWrite[] = [];
  const projects: ProjectFigures[] = [];
  const summaries: { model: SummaryModel; result: TableResult }[] = [];
  const sheets = grid.sheets.filter((s) => s.name !== RESULTS_SHEET);
  const noTable: string[] = [];
  for (const sheet of sheets) {
    const models = locateTables(sheet);
    if (models.length === 0) noTable.push(sheet.name);
    for (const m of models) {
      const c = m.kind === 'summary' ? checkSummary(m, settings) : checkProject(m as ProjectModel, settings);
      tables.push(c.result);
      findings.push(...c.findings);
      writes.push(...c.writes);
      if (m.kind === 'summary') summaries.push({ model: m, result: c.result });
      else projects.push({ model: m as ProjectModel, result: c.result });
    }
  }
  for (const s of summaries) findings.push(...crossCheck(s.model, s.result, projects));
  if (tables.length === 0) {
    const first = sheets[0]?.name ?? grid.sheets[0]?.name ?? '';
    findings.push(finding('NO_TABLE', first, 'A1', 'workbook', {}, 'warning'));
  } else {
    for (const name of noTable) {
      findings.push(finding('NO_TABLE', name, 'A1', 'sheet', { sheet: name }));
    }
  }
  const sheetOrder = new Map(grid.sheets.map((s, i) => [s.name, i]));
  findings.sort((a, b) => {
    const s = (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0);
    if (s) return s;
    const pa = parseA1(a.cell);
    const pb = parseA1(b.cell);
    return pa.row - pb.row || pa.col - pb.col || severityRank(a.severity) - severityRank(b.severity);
  });
  return { tables, findings, writes };
}
