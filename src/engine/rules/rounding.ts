/** Rounding (ROUND_HALF_UP) and how a reported value is compared with a computed one. */
import Decimal from 'decimal.js';

export function roundHalfUp(d: Decimal, places: number): Decimal {
  return d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export type Agreement = 'agree' | 'rounding' | 'mismatch';

/**
 * A reported value agrees when rounding the unrounded computed value to the reported value's own
 * number of decimals (never fewer than `minDecimals`, 1 by default) gives the reported value.
 * A difference that truncation instead of rounding explains is 'rounding' (99.99 for 99.998).
 */
export function compareReported(
  computed: Decimal,
  reported: Decimal,
  reportedDecimals: number,
  minDecimals = 1,
): Agreement {
  const dp = Math.max(minDecimals, reportedDecimals);
  if (roundHalfUp(computed, dp).eq(reported)) return 'agree';
  if (computed.toDecimalPlaces(dp, Decimal.ROUND_DOWN).eq(reported)) return 'rounding';
  return 'mismatch';
}
