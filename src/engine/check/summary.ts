/** The summary table: one row per project (rate, score, grade), the 合计 row, the grade distribution. */
import Decimal from 'decimal.js';
import { a1, rangeA1 } from '../address';
import { SummaryModel, SummaryRowModel } from '../model';
import { Figure, SummaryRowResult, TableCheck } from '../result';
import { Settings } from '../settings';
import { gradeInWording, gradeOf, parseGrade } from '../rules/grade';
import { roundHalfUp } from '../rules/rounding';
import { ReadNumber, TableContext, amountText, cellText } from './context';
import { checkRate, lowExecution } from './rate';

function rateOf(
  ctx: TableContext,
  row: SummaryRowModel,
  label: string,
  flagLow: boolean,
): { budget: ReadNumber; executed: ReadNumber; rate: Figure | null; percent: Decimal | null } {
  const budget = ctx.number(row.budget, `${label}的预算数`);
  const executed = ctx.number(row.executed, `${label}的执行数`);
  const r = checkRate(ctx, {
    label,
    budget,
    executed,
    budgetRef: row.budget,
    executedRef: row.executed,
    rateRef: row.rate,
  });
  if (flagLow && r.percent && row.rate) lowExecution(ctx, row.rate, label, r.percent, cellText(row.remark), '备注栏');
  return { budget, executed, rate: r.figure, percent: r.percent };
}

export function checkSummary(m: SummaryModel, settings: Settings): TableCheck {
  const ctx = new TableContext(m.sheet.name, settings);
  if (m.header.missing.length) {
    ctx.add(
      'COLUMN_MISSING',
      m.header,
      `汇总表缺少“${m.header.missing.join('、')}”列`,
      `the summary lacks the column(s) ${m.header.missing.join(', ')}`,
    );
  }
  const rows: SummaryRowResult[] = [];
  const counts: Record<string, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  let sumBudget = new Decimal(0);
  let sumExecuted = new Decimal(0);
  const amounts: [Decimal, Decimal][] = [];
  for (const row of m.rows) {
    const label = row.name || `第 ${row.row + 1} 行`;
    const r = rateOf(ctx, row, label, true);
    const b = r.budget.kind === 'ok' ? r.budget.value : new Decimal(0);
    const e = r.executed.kind === 'ok' ? r.executed.value : new Decimal(0);
    amounts.push([b, e]);
    sumBudget = sumBudget.plus(b);
    sumExecuted = sumExecuted.plus(e);
    const score = ctx.number(row.score, `${label}的得分`);
    const gradeText = cellText(row.grade);
    const reportedGrade = gradeText ? parseGrade(gradeText) : null;
    const computedGrade = score.kind === 'ok' ? gradeOf(score.value, settings) : null;
    if (score.kind === 'ok' && score.value.gt(100) && row.score) {
      ctx.add(
        'SCORE_OVER_WEIGHT',
        row.score,
        `${label}：自评得分 ${score.text} 超过 100 分`,
        `${label}: score ${score.text} is above 100`,
      );
    }
    if (computedGrade && row.grade) {
      if (gradeText && reportedGrade !== computedGrade) {
        ctx.add(
          'GRADE_MISMATCH',
          row.grade,
          `${label}：得分 ${score.kind === 'ok' ? score.text : ''} 对应等级“${computedGrade}”，表内为“${gradeText}”`,
          `${label}: a score of ${score.kind === 'ok' ? score.text : ''} is grade ${computedGrade}; the cell says ${gradeText}`,
        );
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
    const b = part.reduce((s, x) => s.plus(x[0]), new Decimal(0));
    const e = part.reduce((s, x) => s.plus(x[1]), new Decimal(0));
    return sumRow(ctx, st.row, '小计', b, e);
  });
  const totalRow = m.totalRow ? sumRow(ctx, m.totalRow, '合计', sumBudget, sumExecuted) : undefined;
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

/** A 小计 or 合计 row: its amounts against the sum of its projects, and its rate. */
function sumRow(
  ctx: TableContext,
  t: SummaryRowModel,
  what: '小计' | '合计',
  sumBudget: Decimal,
  sumExecuted: Decimal,
) {
  const r = rateOf(ctx, t, what, false);
  const pairs: [ReadNumber, Decimal, typeof t.budget, string][] = [
    [r.budget, sumBudget, t.budget, '预算数'],
    [r.executed, sumExecuted, t.executed, '执行数'],
  ];
  for (const [reported, sum, ref, col] of pairs) {
    if (reported.kind !== 'ok' || !ref) continue;
    if (!roundHalfUp(sum, Math.max(2, reported.decimals)).eq(reported.value)) {
      ctx.add(
        'FUNDS_SUBTOTAL_MISMATCH',
        ref,
        `${what}${col}为 ${reported.text}，${what === '小计' ? '本类' : '各'}项目合计为 ${sum.toFixed()}，两者不符`,
        `the ${what === '小计' ? 'subtotal' : 'total'} ${col === '预算数' ? 'budget' : 'executed'} is ${reported.text} but the rows add up to ${sum.toFixed()}`,
      );
    }
  }
  return { row: t.row + 1, budget: amountText(r.budget), executed: amountText(r.executed), rate: r.rate };
}
