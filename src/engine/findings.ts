/**
 * Finding codes, their severities, and the Finding record (docs/rules.md, "Findings"). A finding is
 * data: its wording lives in the message catalogue (messages/findings.ts) and `render(f, lang)`
 * produces it in the language a host asks for.
 */
import type { MessageId, Params } from './messages/findings';

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
  /** The message id under `code` in the catalogue (messages/findings.ts). */
  id: string;
  /** The message's parameters: numbers as strings, cell texts as written, ids for parts of a table. */
  params: Params;
}

export function finding<C extends FindingCode>(
  code: C,
  sheet: string,
  cell: string,
  id: MessageId<C>,
  params: Params = {},
  severity: Severity = FINDING_SEVERITY[code],
): Finding {
  return { code, severity, sheet, cell, id, params };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function severityRank(s: Severity): number {
  return ORDER[s];
}
