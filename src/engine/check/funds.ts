/** The funds block: each row's rate, the total row's score, the 其中 rows adding up to the total. */
import Decimal from 'decimal.js';
import { a1 } from '../address';
import { FundsRowModel, ProjectModel } from '../model';
import { FundsResult } from '../result';
import { executionScore } from '../rules/execution';
import { compareReported, roundHalfUp } from '../rules/rounding';
import { fixed, isEmptyMarker } from '../values/number';
import { Params } from '../messages/findings';
import { ReadNumber, TableContext, amountText, cellText, subject } from './context';
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
    ctx.add('COLUMN_MISSING', m.fundsHeader, 'default', { block: 'funds', columns: m.fundsHeader.missing.join('、') });
    return out;
  }
  const scored = m.funds.length > 0 && m.funds[0].score !== undefined;
  const sums = new Map<string, { budget: Decimal; executed: Decimal; any: boolean }>();
  let totalBudget: ReadNumber = { kind: 'empty' };
  let totalExecuted: ReadNumber = { kind: 'empty' };

  for (const f of m.funds) {
    const budgetCell = f.budget && !isEmptyMarker(f.budget.value) ? f.budget : f.initial;
    const who = subject(f.label);
    const budget = ctx.number(budgetCell, who, 'budget');
    const executed = ctx.number(f.executed, who, 'executed');
    const res: FundsResult = {
      label: f.label,
      row: f.row + 1,
      budget: amountText(budget),
      executed: amountText(executed),
      rate: null,
      score: null,
    };
    const ownBudget = budgetCell === f.budget ? budget : ctx.number(f.budget, who, 'budget');
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
      who,
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
          lowExecution(ctx, f.rate, who, r.percent!, cellText(f.reason), 'reason');
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
  const who = subject(f.label);
  const w = ctx.number(f.weight, who, 'weight');
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
  const reported = ctx.number(ref, who, 'score');
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
  compareScore(ctx, ref, who, computed, weight, reported, { formula: `${fixed(rate!.times(100), 2)}% × ${weight}` });
}

/** A reported score against its computed value: filled, over weight, mismatch, rounding, or agreement. */
export function compareScore(
  ctx: TableContext,
  ref: { row: number; col: number },
  who: Params,
  computed: Decimal,
  weight: Decimal,
  reported: ReadNumber,
  /** How the score was computed: `formula` (arithmetic), `onTime`, `overDeduct`, `yitihuaDeduct`. */
  how: Params,
): void {
  const rounded = ctx.score(computed);
  const text = ctx.scoreText(computed);
  if (reported.kind === 'bad') return;
  if (reported.kind === 'empty') {
    ctx.add('SCORE_FILLED', ref, 'default', { ...who, ...how, score: text });
    ctx.write(ref, rounded.toNumber(), ctx.scoreFormat());
    return;
  }
  if (reported.value.gt(weight)) {
    ctx.add('SCORE_OVER_WEIGHT', ref, 'default', {
      ...who,
      ...how,
      score: text,
      reported: reported.text,
      weight: weight.toFixed(),
    });
    ctx.write(ref, rounded.toNumber(), ctx.scoreFormat());
    return;
  }
  const cmp = compareReported(computed, reported.value, reported.decimals);
  if (cmp !== 'agree') {
    const params = { ...who, ...how, score: text, reported: reported.text };
    if (cmp === 'rounding') ctx.add('ROUNDING', ref, 'score', params);
    else ctx.add('SCORE_MISMATCH', ref, 'default', params);
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
  for (const [group, s] of sums) {
    if (!s.any) continue;
    const pairs: [ReadNumber, Decimal, typeof total.budget, 'budget' | 'executed'][] = [
      [totalBudget, s.budget, total.budget, 'budget'],
      [totalExecuted, s.executed, total.executed, 'executed'],
    ];
    for (const [t, sum, ref, field] of pairs) {
      if (!ref || t.kind === 'bad') continue;
      const tv = t.kind === 'ok' ? t.value : new Decimal(0);
      const dp = Math.max(2, t.kind === 'ok' ? t.decimals : 0);
      if (roundHalfUp(sum, dp).eq(tv)) continue;
      const key = `${ref.row}:${ref.col}`;
      if (flagged.has(key)) continue;
      flagged.add(key);
      ctx.add('FUNDS_SUBTOTAL_MISMATCH', ref, 'default', {
        ...subject(total.label),
        field,
        total: tv.toFixed(),
        group: group === 'income' || group === 'expense' ? group : 'of',
        sum: sum.toFixed(),
      });
    }
  }
}
