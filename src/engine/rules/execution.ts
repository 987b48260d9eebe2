/** Budget execution: rate = executed ÷ budget, score = weight × min(rate, 100%). */
import Decimal from 'decimal.js';

export type ExecutionOutcome =
  | { kind: 'none' } // no figures at all
  | { kind: 'zero' } // 0 ÷ 0: no rate, nothing to score
  | { kind: 'budget-zero' } // executed > 0 against a budget of 0
  | { kind: 'rate'; rate: Decimal; overspent: boolean };

/** The rate as a fraction (0.9544), unrounded. */
export function executionRate(budget: Decimal | null, executed: Decimal | null): ExecutionOutcome {
  if (budget === null && executed === null) return { kind: 'none' };
  const b = budget ?? new Decimal(0);
  const e = executed ?? new Decimal(0);
  if (b.isZero()) return e.gt(0) ? { kind: 'budget-zero' } : { kind: 'zero' };
  return { kind: 'rate', rate: e.div(b), overspent: e.gt(b) };
}

/** weight × min(rate, 100%), unrounded. */
export function executionScore(weight: Decimal, rate: Decimal): Decimal {
  return weight.times(Decimal.min(rate, 1));
}
