import Decimal from 'decimal.js';

export interface QuantScore {
  met: boolean;
  /** Unrounded. */
  score: Decimal;
  /** How it was computed, for the message: `184.2 ÷ 240 × 10`. */
  formula: string;
}
