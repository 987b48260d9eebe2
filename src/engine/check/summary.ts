/** The summary table: one row per project (rate, score, grade), the 合计 row, the grade distribution. */
import Decimal from 'decimal.js';
import { a1, rangeA1 } from '../address';
import { SummaryModel, SummaryRowModel } from '../model';
import { Figure, SummaryRowResult, TableCheck } from '../result';
import { Settings } from '../settings';
import { executionRate } from '../rules/execution';
import { gradeInWording, gradeOf, parseGrade } from '../rules/grade';
import { compareReported, roundHalfUp } from '../rules/rounding';
import { fixed } from '../values/number';
import { ReadNumber, TableContext, amountText, cellText, ratePercentUnits } from './context';

function rateOf(
  ctx: TableContext,
  row: SummaryRowModel,
  label: string,
  flagLow: boolean,
): { budget: ReadNumber; executed: ReadNumber; rate: Figure | null; percent: Decimal | null } {
  const budget = ctx.number(row.budget, `${label}的预算数`);
  const executed = ctx.number(row.executed, `${label}的执行数`);
  let percent: Decimal | null = null;
  let figure: Figure | null = null;
  if (budget.kind !== 'bad' && executed.kind !== 'bad') {
    const o = executionRate(budget.kind === 'ok' ? budget.value : null, executed.kind === 'ok' ? executed.value : null);
    if (o.kind === 'rate') percent = o.rate.times(100);
    if (o.kind === 'budget-zero' && row.budget) {
      ctx.add('BUDGET_ZERO', row.budget, `${label}：预算数为 0，执行数却不为 0`, `${label}: budget 0 with spending`);
    }
    if (o.kind === 'rate' && o.overspent && row.executed) {
      ctx.add('OVERSPENT', row.executed, `${label}：执行数超过预算数，请说明`, `${label}: executed exceeds the budget`);
    }
    if (row.rate) {
      const reported = ctx.rate(row.rate, percent);
      figure = {
        cell: a1(row.rate.row, row.rate.col),
        computed: percent ? fixed(percent, 2) : null,
        reported: reported.kind === 'ok' ? reported.text : null,
      };
      if (percent) {
        const ref = row.rate;
        const units = ratePercentUnits(ref, reported);
        const write = () =>
          units
            ? ctx.write(ref, roundHalfUp(percent!, 2).toNumber(), ref.fmt ?? undefined)
            : ctx.write(ref, roundHalfUp(percent!, 2).div(100).toNumber(), '0.00%');
        if (reported.kind === 'empty') write();
        else if (reported.kind === 'ok') {
          const cmp = compareReported(percent, reported.value, reported.decimals);
          if (cmp !== 'agree') {
            ctx.add(
              cmp === 'rounding' ? 'ROUNDING' : 'RATE_MISMATCH',
              ref,
              `${label}：执行率应为 ${fixed(percent, 2)}%（${executed.kind === 'ok' ? executed.text : ''} ÷ ${budget.kind === 'ok' ? budget.text : ''}），表内为 ${reported.text}%`,
              `${label}: the rate should be ${fixed(percent, 2)}%, the cell says ${reported.text}%`,
            );
          }
          if (!roundHalfUp(percent, 2).eq(reported.value)) write();
        }
        const threshold = new Decimal(ctx.settings.lowExecutionThreshold);
        // Compared as shown (2 decimals), like the funds rate.
        if (flagLow && roundHalfUp(percent, 2).lt(threshold) && cellText(row.remark) === null) {
          ctx.add(
            'LOW_EXECUTION',
            ref,
            `${label}：预算执行率 ${fixed(percent, 2)}% 低于 ${threshold}%，备注栏未说明原因`,
            `${label}: execution rate ${fixed(percent, 2)}% is under ${threshold}% with no remark`,
          );
        }
      } else if (reported.kind === 'ok' && !reported.value.isZero()) {
        const o2 = executionRate(
          budget.kind === 'ok' ? budget.value : null,
          executed.kind === 'ok' ? executed.value : null,
        );
        if (o2.kind === 'zero') {
          ctx.add(
            'RATE_MISMATCH',
            row.rate,
            `${label}：预算数和执行数均为 0，没有执行率，表内为 ${reported.text}%`,
            `${label}: no rate for 0 ÷ 0; the cell says ${reported.text}%`,
          );
        }
      }
    }
  }
  return { budget, executed, rate: figure, percent };
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
  for (const row of m.rows) {
    const label = row.name || `第 ${row.row + 1} 行`;
    const r = rateOf(ctx, row, label, true);
    if (r.budget.kind === 'ok') sumBudget = sumBudget.plus(r.budget.value);
    if (r.executed.kind === 'ok') sumExecuted = sumExecuted.plus(r.executed.value);
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
  let totalRow: TableCheck['result']['totalRow'];
  if (m.totalRow) {
    const t = m.totalRow;
    const r = rateOf(ctx, t, '合计', false);
    const pairs: [ReadNumber, Decimal, typeof t.budget, string][] = [
      [r.budget, sumBudget, t.budget, '预算数'],
      [r.executed, sumExecuted, t.executed, '执行数'],
    ];
    for (const [reported, sum, ref, what] of pairs) {
      if (reported.kind !== 'ok' || !ref) continue;
      if (!roundHalfUp(sum, Math.max(2, reported.decimals)).eq(reported.value)) {
        ctx.add(
          'FUNDS_SUBTOTAL_MISMATCH',
          ref,
          `合计${what}为 ${reported.text}，各项目合计为 ${sum.toFixed()}，两者不符`,
          `the total ${what === '预算数' ? 'budget' : 'executed'} is ${reported.text} but the rows add up to ${sum.toFixed()}`,
        );
      }
    }
    totalRow = {
      row: t.row + 1,
      budget: amountText(r.budget),
      executed: amountText(r.executed),
      rate: r.rate,
    };
  }
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
      gradeCounts: counts,
    },
    findings: ctx.findings,
    writes: ctx.writes,
  };
}
