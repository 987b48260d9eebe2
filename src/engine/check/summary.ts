/** The summary table: one row per project (rate, score, grade), the 合计 row, the grade distribution. */
import Decimal from 'decimal.js';
import { a1, rangeA1 } from '../address';
import { SummaryModel, SummaryRowModel } from '../model';
import { Figure, SummaryRowResult, TableCheck } from '../result';
import { Settings } from '../settings';
import { gradeInWording, gradeOf, parseGrade } from '../rules/grade';
import { roundHalfUp } from '../rules/rounding';
import { Params } from '../messages/findings';
import { ReadNumber, TableContext, amountText, cellText, subject } from './context';
import { checkRate, lowExecution } from './rate';

function rateOf(
  ctx: TableContext,
  row: SummaryRowModel,
  who: Params,
  flagLow: boolean,
): { budget: ReadNumber; executed: ReadNumber; rate: Figure | null; percent: Decimal | null } {
  const budget = ctx.number(row.budget, who, 'budget');
  const executed = ctx.number(row.executed, who, 'executed');
  const r = checkRate(ctx, {
    who,
    budget,
    executed,
    budgetRef: row.budget,
    executedRef: row.executed,
    rateRef: row.rate,
  });
  if (flagLow && r.percent && row.rate) lowExecution(ctx, row.rate, who, r.percent, cellText(row.remark), 'remark');
  return { budget, executed, rate: r.figure, percent: r.percent };
}

export function checkSummary(m: SummaryModel, settings: Settings): TableCheck {
  const ctx = new TableContext(m.sheet.name, settings);
  if (m.header.missing.length) {
    ctx.add('COLUMN_MISSING', m.header, 'default', { block: 'summary', columns: m.header.missing.join('、') });
  }
  const rows: SummaryRowResult[] = [];
  const counts: Record<string, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  let sumBudget = new Decimal(0);
  let sumExecuted = new Decimal(0);
  const amounts: [Decimal, Decimal][] = [];
  for (const row of m.rows) {
    const who = subject(row.name, row.row);
    const r = rateOf(ctx, row, who, true);
    const b = r.budget.kind === 'ok' ? r.budget.value : ZERO;
    const e = r.executed.kind === 'ok' ? r.executed.value : ZERO;
    amounts.push([b, e]);
    sumBudget = sumBudget.plus(b);
    sumExecuted = sumExecuted.plus(e);
    const score = ctx.number(row.score, who, 'score');
    const gradeText = cellText(row.grade);
    const reportedGrade = gradeText ? parseGrade(gradeText) : null;
    const computedGrade = score.kind === 'ok' ? gradeOf(score.value, settings) : null;
    if (score.kind === 'ok' && score.value.gt(100) && row.score) {
      ctx.add('SCORE_OVER_WEIGHT', row.score, 'summary', { ...who, reported: score.text });
    }
    if (computedGrade && row.grade) {
      if (gradeText && reportedGrade !== computedGrade) {
        ctx.add('GRADE_MISMATCH', row.grade, 'row', {
          ...who,
          score: score.kind === 'ok' ? score.text : '',
          grade: computedGrade,
          reportedGrade: gradeText,
        });
      }
      if (reportedGrade !== computedGrade) ctx.write(row.grade, gradeInWording(computedGrade, gradeText));
    }
    const g = computedGrade ?? reportedGrade;
    if (g) counts[g]++;
    rows.push({
      row: row.row + 1,
      name: row.name,
      budget: amountText(r.budget),
      executed: amountText(r.executed),
      rate: r.rate,
      score: row.score
        ? { cell: a1(row.score.row, row.score.col), computed: null, reported: score.kind === 'ok' ? score.text : null }
        : null,
      grade: row.grade ? { cell: a1(row.grade.row, row.grade.col), computed: g, reported: gradeText } : null,
    });
  }
  // 小计 rows: the projects since the last heading; 合计: all the projects (not the 小计 rows).
  const subtotals = m.subtotals.map((st) => {
    const part = amounts.slice(st.from, st.to);
    const b = part.reduce((x, y) => x.plus(y[0]), ZERO);
    const e = part.reduce((x, y) => x.plus(y[1]), ZERO);
    return sumRow(ctx, st.row, 'subtotal', b, e);
  });
  const totalRow = m.totalRow ? sumRow(ctx, m.totalRow, 'summary', sumBudget, sumExecuted) : undefined;
  return {
    result: {
      sheet: m.sheet.name,
      kind: 'summary',
      range: rangeA1(m.range),
      name: m.name,
      funds: [],
      indicators: [],
      total: null,
      grade: null,
      rows,
      ...(totalRow ? { totalRow } : {}),
      ...(subtotals.length ? { subtotals } : {}),
      gradeCounts: counts,
    },
    findings: ctx.findings,
    writes: ctx.writes,
  };
}

const ZERO = new Decimal(0);

/** A 小计 or 合计 row: its amounts against the sum of its projects, and its rate. */
function sumRow(
  ctx: TableContext,
  t: SummaryRowModel,
  id: 'subtotal' | 'summary',
  sumBudget: Decimal,
  sumExecuted: Decimal,
) {
  const r = rateOf(ctx, t, subject(t.name || (id === 'subtotal' ? '小计' : '合计')), false);
  const pairs: [ReadNumber, Decimal, typeof t.budget, 'budget' | 'executed'][] = [
    [r.budget, sumBudget, t.budget, 'budget'],
    [r.executed, sumExecuted, t.executed, 'executed'],
  ];
  for (const [reported, sum, ref, field] of pairs) {
    if (reported.kind !== 'ok' || !ref) continue;
    if (!roundHalfUp(sum, Math.max(2, reported.decimals)).eq(reported.value)) {
      ctx.add('FUNDS_SUBTOTAL_MISMATCH', ref, id, { field, total: reported.text, sum: sum.toFixed() });
    }
  }
  return { row: t.row + 1, budget: amountText(r.budget), executed: amountText(r.executed), rate: r.rate };
}
