/** The `yitihua` profile: 2 points off for ≥ 30% over a target, and the total capped by the execution rate. */
import Decimal from 'decimal.js';

export const YITIHUA_DEVIATION = new Decimal('0.3');
export const YITIHUA_DEDUCTION = new Decimal(2);

/** The cap on the total for an execution rate (a fraction), or null when none applies. */
export function totalCap(rate: Decimal): Decimal | null {
  if (rate.gte('0.8')) return null;
  if (rate.gte('0.7')) return new Decimal(89);
  if (rate.gte('0.6')) return new Decimal(79);
  if (rate.gte('0.5')) return new Decimal(69);
  return new Decimal(59);
}
