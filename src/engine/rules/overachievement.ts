/** Over-achievement: deviation = (a − t) ÷ t (positive) or (t − a) ÷ t (reverse), as a fraction. */
import Decimal from 'decimal.js';

export function deviation(t: Decimal, a: Decimal, reverse: boolean): Decimal | null {
  if (t.lte(0)) return null;
  return (reverse ? t.minus(a) : a.minus(t)).div(t);
}

/** With the deduction setting on: the score scaled by max(0, 1 − (deviation − threshold)). */
export function overachievementFactor(dev: Decimal, threshold: Decimal): Decimal {
  return Decimal.max(0, new Decimal(1).minus(dev.minus(threshold)));
}
