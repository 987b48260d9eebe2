/** `≤`, `<`, 不高于, 不超过: met when a ≤ t (a < t for `<`); otherwise w × t ÷ a (0 when t ≤ 0). */
import Decimal from 'decimal.js';
import { QuantScore } from './types';

export function scoreReverse(t: Decimal, a: Decimal, w: Decimal, strict: boolean): QuantScore {
  const met = strict ? a.lt(t) : a.lte(t);
  if (met) return { met: true, score: w, formula: `${a} ≤ ${t}` };
  if (t.lte(0)) return { met: false, score: new Decimal(0), formula: `${t} ≤ 0` };
  return { met: false, score: w.times(t).div(a), formula: `${t} ÷ ${a} × ${w}` };
}
