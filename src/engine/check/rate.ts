/** A rate cell — executed ÷ budget against what the cell says — shared by funds rows and summary rows. */
import Decimal from 'decimal.js';
import { a1 } from '../address';
import { CellRef } from '../model';
import { Figure } from '../result';
import { ExecutionOutcome, executionRate } from '../rules/execution';
import { compareReported, roundHalfUp } from '../rules/rounding';
import { fixed } from '../values/number';
import { Params } from '../messages/findings';
import { ReadNumber, TableContext, amountText, ratePercentUnits } from './context';

export interface RateInput {
  /** Who the rate belongs to (`subject(...)` in context.ts). */
  who: Params;
  budget: ReadNumber;
  executed: ReadNumber;
  budgetRef?: CellRef;
  executedRef?: CellRef;
  rateRef?: CellRef;
}

export interface RateOutcome {
  /** null when the budget or executed cell could not be read. */
  outcome: ExecutionOutcome | null;
  /** The rate in percent, unrounded. */
  percent: Decimal | null;
  figure: Figure | null;
}

export function checkRate(ctx: TableContext, x: RateInput): RateOutcome {
  if (x.budget.kind === 'bad' || x.executed.kind === 'bad') return { outcome: null, percent: null, figure: null };
  const budgetText = amountText(x.budget);
  // An empty executed cell counts as 0 (the rate is 0.00%): the messages say so instead of a blank.
  const executedText = amountText(x.executed) ?? (x.executed.kind === 'empty' ? '0.00' : null);
  const outcome = executionRate(
    x.budget.kind === 'ok' ? x.budget.value : null,
    x.executed.kind === 'ok' ? x.executed.value : null,
  );
  const percent = outcome.kind === 'rate' ? outcome.rate.times(100) : null;
  if (outcome.kind === 'budget-zero' && x.budgetRef) {
    ctx.add('BUDGET_ZERO', x.budgetRef, 'default', { ...x.who, executed: executedText ?? '' });
  }
  if (outcome.kind === 'rate' && outcome.overspent && x.executedRef) {
    ctx.add('OVERSPENT', x.executedRef, 'default', {
      ...x.who,
      executed: executedText ?? '',
      budget: budgetText ?? '',
    });
  }
  if (!x.rateRef) return { outcome, percent, figure: null };
  const ref = x.rateRef;
  const reported = ctx.rate(ref, percent);
  const figure: Figure = {
    cell: a1(ref.row, ref.col),
    computed: percent ? fixed(percent, 2) : null,
    reported: reported.kind === 'ok' ? reported.text : null,
  };
  if (!percent) {
    // 0 ÷ 0: no rate; a reported 0% or an empty cell agrees with it.
    if (outcome.kind === 'zero' && reported.kind === 'ok' && !reported.value.isZero()) {
      ctx.add('RATE_MISMATCH', ref, 'zero', { ...x.who, reported: reported.text });
    }
    return { outcome, percent, figure };
  }
  const shown = roundHalfUp(percent, 2);
  const write = (agrees = false) =>
    ratePercentUnits(ref, reported)
      ? ctx.write(ref, shown.toNumber(), ref.fmt ?? undefined, agrees)
      : ctx.write(ref, shown.div(100).toNumber(), '0.00%', agrees);
  if (reported.kind === 'empty') write();
  else if (reported.kind === 'ok') {
    // A rate is compared at the decimals it shows, even none: 86% agrees with 86.20%.
    const cmp = compareReported(percent, reported.value, reported.decimals, 0);
    if (cmp !== 'agree') {
      const params = {
        ...x.who,
        rate: fixed(percent, 2),
        executed: executedText ?? '',
        budget: budgetText ?? '',
        reported: reported.text,
      };
      if (cmp === 'rounding') ctx.add('ROUNDING', ref, 'rate', params);
      else ctx.add('RATE_MISMATCH', ref, 'default', params);
    }
    if (!shown.eq(reported.value)) write(cmp === 'agree');
  }
  return { outcome, percent, figure };
}

/**
 * LOW_EXECUTION: a rate under the threshold with nothing in the reason / 备注 cell. Compared as shown
 * (2 decimals): 89.999% shows as 90.00% and is not "below 90%".
 */
export function lowExecution(
  ctx: TableContext,
  ref: CellRef,
  who: Params,
  percent: Decimal,
  reason: string | null,
  /** Where a reason would be written: the funds table's 原因栏 or the summary's 备注栏. */
  where: 'reason' | 'remark',
): void {
  const threshold = new Decimal(ctx.settings.lowExecutionThreshold);
  if (reason !== null || !roundHalfUp(percent, 2).lt(threshold)) return;
  ctx.add('LOW_EXECUTION', ref, 'default', {
    ...who,
    rate: fixed(percent, 2),
    threshold: threshold.toFixed(),
    where,
  });
}
