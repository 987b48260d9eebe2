/** `≥`, `>`, 不低于, 不少于, 达到: met when a ≥ t (a > t for `>`); otherwise w × a ÷ t (0 when a ≤ 0). */
import Decimal from 'decimal.js';
import { QuantScore } from './types';

export function scorePositive(t: Decimal, a: Decimal, w: Decimal, strict: boolean): QuantScore {
  const met = strict ? a.gt(t) : a.gte(t);
  if (met || t.lte(0)) return { met: true, score: w, formula: `${a} ≥ ${t}` };
  if (a.lte(0)) return { met: false, score: new Decimal(0), formula: `${a} ≤ 0` };
  return { met: false, score: w.times(a).div(t), formula: `${a} ÷ ${t} × ${w}` };
}
