/** `＝`, `=`: met when a = t; otherwise w × max(0, 1 − |a − t| ÷ t); a target of 0 scores 0 unless met. */
import Decimal from 'decimal.js';
import { QuantScore } from './types';

export function scoreExact(t: Decimal, a: Decimal, w: Decimal): QuantScore {
  if (a.eq(t)) return { met: true, score: w, formula: `${a} = ${t}` };
  if (t.isZero()) {
    return a.lte(0)
      ? { met: true, score: w, formula: `${a} ≤ 0` }
      : { met: false, score: new Decimal(0), formula: `${a} ≠ 0` };
  }
  const s = w.times(Decimal.max(0, new Decimal(1).minus(a.minus(t).abs().div(t.abs()))));
  return { met: false, score: s, formula: `(1 − |${a} − ${t}| ÷ ${t}) × ${w}` };
}
