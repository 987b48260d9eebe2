/** SUMMARY_ROW_MISMATCH: a summary row against the project table of the same name in the workbook. */
import Decimal from 'decimal.js';
import { a1 } from '../address';
import { Finding, finding } from '../findings';
import { CellRef, ProjectModel, SummaryModel } from '../model';
import { TableResult } from '../result';
import { compareReported } from '../rules/rounding';
import { compact } from '../text';
import { isEmptyMarker, parsePlainNumber } from '../values/number';
import { parseGrade } from '../rules/grade';

/** Project names as summaries write them: codes and years in front removed. */
export function nameKey(name: string): string {
  return compact(name)
    .replace(/^[0-9A-Za-z]{6,}[-_—－]*/, '')
    .replace(/^\d{4}年?度?/, '')
    .replace(/[-_—－]/g, '');
}

export interface ProjectFigures {
  model: ProjectModel;
  result: TableResult;
}

export function crossCheck(summary: SummaryModel, result: TableResult, projects: ProjectFigures[]): Finding[] {
  const out: Finding[] = [];
  const byName = new Map<string, ProjectFigures[]>();
  for (const p of projects) {
    if (!p.model.name) continue;
    const k = nameKey(p.model.name);
    byName.set(k, [...(byName.get(k) ?? []), p]);
  }
  summary.rows.forEach((row, i) => {
    const matches = byName.get(nameKey(row.name));
    if (!matches || matches.length !== 1) return;
    const p = matches[0];
    const fundsTotal = p.result.funds[0];
    const compare = (
      ref: CellRef | undefined,
      want: string | null | undefined,
      field: 'budget' | 'executed' | 'selfScore',
      minDecimals: number,
    ) => {
      if (!ref || want === null || want === undefined || isEmptyMarker(ref.value)) return;
      const got = parsePlainNumber(ref.value, ref.fmt);
      if (!got) return;
      if (compareReported(new Decimal(want), got.value, got.decimals, minDecimals) === 'agree') return;
      out.push(
        finding('SUMMARY_ROW_MISMATCH', summary.sheet.name, a1(ref.row, ref.col), 'number', {
          label: row.name,
          field,
          reported: got.value.toFixed(),
          sheet: p.result.sheet,
          expected: want,
        }),
      );
    };
    compare(row.budget, fundsTotal?.budget, 'budget', 2);
    compare(row.executed, fundsTotal?.executed, 'executed', 2);
    const total = p.result.total?.computed;
    compare(row.score, total, 'selfScore', 1);
    const rowResult = result.rows[i];
    if (rowResult?.score && total) rowResult.score.computed = total;
    const g = p.result.grade?.computed;
    if (row.grade && g && !isEmptyMarker(row.grade.value)) {
      const got = parseGrade(String(row.grade.value));
      if (got && got !== g) {
        out.push(
          finding('SUMMARY_ROW_MISMATCH', summary.sheet.name, a1(row.grade.row, row.grade.col), 'grade', {
            label: row.name,
            reportedGrade: String(row.grade.value),
            sheet: p.result.sheet,
            grade: g,
          }),
        );
      }
    }
  });
  return out;
}
