/**
 * `≤`, `<`, 不高于, 不超过: met when a ≤ t (a < t for `<`). Not met: `ratio` w × t ÷ a (0 when t ≤ 0);
 * `deviation` (fasp) w × (1 − (a − t) ÷ t), 0 from a ≥ 2t.
 */
import Decimal from 'decimal.js';
import { QuantScore } from './types';

export function scoreReverse(
  t: Decimal,
  a: Decimal,
  w: Decimal,
  strict: boolean,
  formula: 'ratio' | 'deviation' = 'ratio',
): QuantScore {
  const met = strict ? a.lt(t) : a.lte(t);
  if (met) return { met: true, score: w, formula: `${a} ≤ ${t}` };
  if (t.lte(0)) return { met: false, score: new Decimal(0), formula: `${t} ≤ 0` };
  if (formula === 'deviation') {
    const s = w.times(Decimal.max(0, new Decimal(1).minus(a.minus(t).div(t))));
    return { met: false, score: s, formula: `(1 − (${a} − ${t}) ÷ ${t}) × ${w}` };
  }
  return { met: false, score: w.times(t).div(a), formula: `${t} ÷ ${a} × ${w}` };
}
