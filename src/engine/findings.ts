/** Finding codes, their severities, and the Finding record (see shared/domain/findings.md). */

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_SEVERITY = {
  NO_TABLE: 'info',
  COLUMN_MISSING: 'error',
  UNPARSEABLE: 'error',
  OPERATOR_MISSING: 'warning',
  UNIT_MISMATCH: 'warning',
  FUNDS_SUBTOTAL_MISMATCH: 'error',
  BUDGET_ZERO: 'error',
  OVERSPENT: 'warning',
  RATE_MISMATCH: 'error',
  LOW_EXECUTION: 'warning',
  WEIGHT_SUM: 'error',
  SCORE_MISMATCH: 'error',
  SCORE_OVER_WEIGHT: 'error',
  SCORE_FILLED: 'info',
  COEFFICIENT_MISMATCH: 'error',
  GROUP_SCORE: 'error',
  EXECUTION_INDICATOR_MISMATCH: 'error',
  TOTAL_MISMATCH: 'error',
  GRADE_MISMATCH: 'error',
  ACTUAL_MISSING: 'warning',
  UNMET_NO_REASON: 'warning',
  OVERACHIEVED: 'warning',
  DATE_NOT_MET: 'warning',
  QUALITATIVE_OUT_OF_BAND: 'warning',
  QUALITATIVE_UNSCORED: 'warning',
  QUALITATIVE_UNKNOWN: 'info',
  EXECUTION_OUTCOME_GAP: 'info',
  TOTAL_CAPPED: 'info',
  ROUNDING: 'info',
  SUMMARY_ROW_MISMATCH: 'error',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_SEVERITY;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1, without the sheet. */
  cell: string;
  /** Chinese message naming the numbers involved. */
  message: string;
  /** English message. */
  messageEn: string;
}

export function finding(
  code: FindingCode,
  sheet: string,
  cell: string,
  message: string,
  messageEn: string,
  severity: Severity = FINDING_SEVERITY[code],
): Finding {
  return { code, severity, sheet, cell, message, messageEn };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function severityRank(s: Severity): number {
  return ORDER[s];
}
