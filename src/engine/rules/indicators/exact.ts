/**
 * `＝`, `=`: met when a = t. Not met: `deviation` w × max(0, 1 − |a − t| ÷ t); `positive` (fasp) scored
 * as `≥`. A target of 0 is met when a ≤ 0 and scores 0 otherwise.
 */
import Decimal from 'decimal.js';
import { scorePositive } from './positive';
import { QuantScore } from './types';

export function scoreExact(
  t: Decimal,
  a: Decimal,
  w: Decimal,
  formula: 'deviation' | 'positive' = 'deviation',
): QuantScore {
  if (a.eq(t)) return { met: true, score: w, formula: `${a} = ${t}` };
  if (t.isZero()) {
    return a.lte(0)
      ? { met: true, score: w, formula: `${a} ≤ 0` }
      : { met: false, score: new Decimal(0), formula: `${a} ≠ 0` };
  }
  if (formula === 'positive') return scorePositive(t, a, w, false);
  const s = w.times(Decimal.max(0, new Decimal(1).minus(a.minus(t).abs().div(t.abs()))));
  return { met: false, score: s, formula: `(1 − |${a} − ${t}| ÷ ${t}) × ${w}` };
}
