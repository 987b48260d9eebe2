/** The funds block: each row's rate, the total row's score, the 其中 rows adding up to the total. */
import Decimal from 'decimal.js';
import { a1 } from '../address';
import { FundsRowModel, ProjectModel } from '../model';
import { FundsResult } from '../result';
import { executionScore } from '../rules/execution';
import { compareReported, roundHalfUp } from '../rules/rounding';
import { fixed, isEmptyMarker } from '../values/number';
import { ReadNumber, TableContext, amountText, cellText } from './context';
import { checkRate, lowExecution } from './rate';

export interface FundsOutcome {
  rows: FundsResult[];
  /** The score that counts in the total (rounded computed, else the kept reported one), null when not scored. */
  score: Decimal | null;
  weight: Decimal | null;
  /** The total row's rate as a fraction, when there is one. */
  rate: Decimal | null;
  rateCell?: { row: number; col: number };
}

export function checkFunds(m: ProjectModel, ctx: TableContext): FundsOutcome {
  const out: FundsOutcome = { rows: [], score: null, weight: null, rate: null };
  if (m.fundsHeader && m.fundsHeader.missing.length) {
    ctx.add(
      'COLUMN_MISSING',
      m.fundsHeader,
      `资金表缺少“${m.fundsHeader.missing.join('、')}”列`,
      `the funds block lacks the column(s) ${m.fundsHeader.missing.join(', ')}`,
    );
    return out;
  }
  const scored = m.funds.length > 0 && m.funds[0].score !== undefined;
  const sums = new Map<string, { budget: Decimal; executed: Decimal; any: boolean }>();
  let totalBudget: ReadNumber = { kind: 'empty' };
  let totalExecuted: ReadNumber = { kind: 'empty' };

  for (const f of m.funds) {
    const budgetCell = f.budget && !isEmptyMarker(f.budget.value) ? f.budget : f.initial;
    const budget = ctx.number(budgetCell, `${f.label}的预算数`);
    const executed = ctx.number(f.executed, `${f.label}的执行数`);
    const res: FundsResult = {
      label: f.label,
      row: f.row + 1,
      budget: amountText(budget),
      executed: amountText(executed),
      rate: null,
      score: null,
    };
    const ownBudget = budgetCell === f.budget ? budget : ctx.number(f.budget, '');
    if (f.isTotal) {
      totalBudget = ownBudget;
      totalExecuted = executed;
    } else {
      const s = sums.get(f.group) ?? { budget: new Decimal(0), executed: new Decimal(0), any: false };
      const b = ownBudget;
      if (b.kind === 'ok') s.budget = s.budget.plus(b.value);
      if (executed.kind === 'ok') s.executed = s.executed.plus(executed.value);
      s.any = s.any || b.kind === 'ok' || executed.kind === 'ok';
      sums.set(f.group, s);
    }
    const r = checkRate(ctx, {
      label: f.label,
      budget,
      executed,
      budgetRef: budgetCell,
      executedRef: f.executed,
      rateRef: f.rate,
    });
    res.rate = r.figure;
    if (!r.outcome) {
      out.rows.push(res);
      continue;
    }
    if (f.isTotal) {
      if (r.outcome.kind === 'rate') {
        out.rate = r.outcome.rate;
        if (f.rate) {
          out.rateCell = f.rate;
          lowExecution(ctx, f.rate, f.label, r.percent!, cellText(f.reason), '原因栏');
        }
      }
      if (scored) scoreFunds(m, f, ctx, r.outcome.kind === 'rate' ? r.outcome.rate : null, res, out);
    }
    out.rows.push(res);
  }
  subtotals(m, ctx, sums, totalBudget, totalExecuted);
  return out;
}

function scoreFunds(
  m: ProjectModel,
  f: FundsRowModel,
  ctx: TableContext,
  rate: Decimal | null,
  res: FundsResult,
  out: FundsOutcome,
): void {
  const w = ctx.number(f.weight, `${f.label}的分值`);
  const weight =
    w.kind === 'ok'
      ? w.value
      : m.fundsLabel
        ? new Decimal(m.fundsLabel.weight)
        : m.fundsHeaderWeight
          ? new Decimal(m.fundsHeaderWeight)
          : new Decimal(ctx.settings.executionWeight);
  out.weight = weight;
  const ref = f.score!;
  const reported = ctx.number(ref, `${f.label}的得分`);
  const computed = rate ? executionScore(weight, rate) : null;
  res.score = {
    cell: a1(ref.row, ref.col),
    weight: weight.toFixed(),
    computed: computed ? ctx.scoreText(computed) : null,
    reported: reported.kind === 'ok' ? reported.text : null,
  };
  if (!computed) {
    out.score = reported.kind === 'ok' ? reported.value : new Decimal(0);
    return;
  }
  out.score = ctx.score(computed);
  compareScore(ctx, ref, f.label, computed, weight, reported, `${fixed(rate!.times(100), 2)}% × ${weight}`);
}

/** A reported score against its computed value: filled, over weight, mismatch, rounding, or agreement. */
export function compareScore(
  ctx: TableContext,
  ref: { row: number; col: number },
  label: string,
  computed: Decimal,
  weight: Decimal,
  reported: ReadNumber,
  formula: string,
): void {
  const rounded = ctx.score(computed);
  const text = ctx.scoreText(computed);
  if (reported.kind === 'bad') return;
  if (reported.kind === 'empty') {
    ctx.add(
      'SCORE_FILLED',
      ref,
      `${label}：得分为空，已填入 ${text}（${formula}）`,
      `${label}: empty score filled with ${text} (${formula})`,
    );
    ctx.write(ref, rounded.toNumber(), ctx.scoreFormat());
    return;
  }
  if (reported.value.gt(weight)) {
    ctx.add(
      'SCORE_OVER_WEIGHT',
      ref,
      `${label}：得分 ${reported.text} 超过分值 ${weight}，应为 ${text}（${formula}）`,
      `${label}: score ${reported.text} is above the weight ${weight}; it should be ${text} (${formula})`,
    );
    ctx.write(ref, rounded.toNumber(), ctx.scoreFormat());
    return;
  }
  const cmp = compareReported(computed, reported.value, reported.decimals);
  if (cmp !== 'agree') {
    ctx.add(
      cmp === 'rounding' ? 'ROUNDING' : 'SCORE_MISMATCH',
      ref,
      `${label}：得分应为 ${text}（${formula}），表内为 ${reported.text}`,
      `${label}: the score should be ${text} (${formula}), the cell says ${reported.text}`,
    );
  }
  if (!rounded.eq(reported.value)) ctx.write(ref, rounded.toNumber(), ctx.scoreFormat(), cmp === 'agree');
}

function subtotals(
  m: ProjectModel,
  ctx: TableContext,
  sums: Map<string, { budget: Decimal; executed: Decimal; any: boolean }>,
  totalBudget: ReadNumber,
  totalExecuted: ReadNumber,
): void {
  const total = m.funds[0];
  if (!total) return;
  const flagged = new Set<string>();
  const groupName = (g: string) => (g === 'income' ? '按收入性质分的' : g === 'expense' ? '按支出性质分的' : '其中');
  for (const [group, s] of sums) {
    if (!s.any) continue;
    const pairs: [ReadNumber, Decimal, typeof total.budget, string][] = [
      [totalBudget, s.budget, total.budget, '预算数'],
      [totalExecuted, s.executed, total.executed, '执行数'],
    ];
    for (const [t, sum, ref, what] of pairs) {
      if (!ref || t.kind === 'bad') continue;
      const tv = t.kind === 'ok' ? t.value : new Decimal(0);
      const dp = Math.max(2, t.kind === 'ok' ? t.decimals : 0);
      if (roundHalfUp(sum, dp).eq(tv)) continue;
      const key = `${ref.row}:${ref.col}`;
      if (flagged.has(key)) continue;
      flagged.add(key);
      ctx.add(
        'FUNDS_SUBTOTAL_MISMATCH',
        ref,
        `${total.label}的${what}为 ${tv.toFixed()}，${groupName(group)}各行合计为 ${sum.toFixed()}，两者不符`,
        `${total.label}: ${what === '预算数' ? 'budget' : 'executed'} is ${tv.toFixed()} but the rows under it add up to ${sum.toFixed()}`,
      );
    }
  }
}
