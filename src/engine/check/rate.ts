/** A rate cell — executed ÷ budget against what the cell says — shared by funds rows and summary rows. */
import Decimal from 'decimal.js';
import { a1 } from '../address';
import { CellRef } from '../model';
import { Figure } from '../result';
import { ExecutionOutcome, executionRate } from '../rules/execution';
import { compareReported, roundHalfUp } from '../rules/rounding';
import { fixed } from '../values/number';
import { ReadNumber, TableContext, amountText, ratePercentUnits } from './context';

export interface RateInput {
  label: string;
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
  const executedText = amountText(x.executed);
  const outcome = executionRate(
    x.budget.kind === 'ok' ? x.budget.value : null,
    x.executed.kind === 'ok' ? x.executed.value : null,
  );
  const percent = outcome.kind === 'rate' ? outcome.rate.times(100) : null;
  if (outcome.kind === 'budget-zero' && x.budgetRef) {
    ctx.add(
      'BUDGET_ZERO',
      x.budgetRef,
      `${x.label}：预算数为 0，执行数却为 ${executedText}，无法计算执行率`,
      `${x.label}: budget is 0 but ${executedText} was executed`,
    );
  }
  if (outcome.kind === 'rate' && outcome.overspent && x.executedRef) {
    ctx.add(
      'OVERSPENT',
      x.executedRef,
      `${x.label}：执行数 ${executedText} 超过预算数 ${budgetText}，请说明`,
      `${x.label}: executed ${executedText} exceeds the budget ${budgetText}`,
    );
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
      ctx.add(
        'RATE_MISMATCH',
        ref,
        `${x.label}：预算数和执行数均为 0，没有执行率，表内为 ${reported.text}%`,
        `${x.label}: budget and executed are 0, so there is no rate; the cell says ${reported.text}%`,
      );
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
      ctx.add(
        cmp === 'rounding' ? 'ROUNDING' : 'RATE_MISMATCH',
        ref,
        `${x.label}：执行率应为 ${fixed(percent, 2)}%（${executedText} ÷ ${budgetText}），表内为 ${reported.text}%`,
        `${x.label}: the rate should be ${fixed(percent, 2)}% (${executedText} ÷ ${budgetText}), the cell says ${reported.text}%`,
      );
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
  label: string,
  percent: Decimal,
  reason: string | null,
  where: string,
): void {
  const threshold = new Decimal(ctx.settings.lowExecutionThreshold);
  if (reason !== null || !roundHalfUp(percent, 2).lt(threshold)) return;
  ctx.add(
    'LOW_EXECUTION',
    ref,
    `${label}：预算执行率 ${fixed(percent, 2)}% 低于 ${threshold}%，${where}未说明原因`,
    `${label}: execution rate ${fixed(percent, 2)}% is under ${threshold}% with no reason given`,
  );
}
