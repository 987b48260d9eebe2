/** Profile rules on the total and on deviations: the execution-rate cap and the points off far beyond a target. */
import Decimal from 'decimal.js';
import { Settings } from '../settings';

/** The cap on the total for an execution rate (a fraction), or null when none applies. */
export function totalCap(rate: Decimal, caps: Settings['executionCaps']): Decimal | null {
  let cap: Decimal | null = null;
  // Highest rate first: the lowest band the rate falls under gives the cap.
  for (const c of caps) if (rate.times(100).lt(c.rate)) cap = new Decimal(c.cap);
  return cap;
}

const NONE = new Decimal(0);

/** Points off an indicator whose deviation (a fraction) reaches the profile's limit, else 0. */
export function deviationDeduction(dev: Decimal | null, s: Settings): Decimal {
  if (!s.overDeviation || !dev || dev.lt(new Decimal(s.overDeviation.percent).div(100))) return NONE;
  return new Decimal(s.overDeviation.points);
}
