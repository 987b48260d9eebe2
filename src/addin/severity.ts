/** Findings by severity, worst first: the order the pane lists them in and the counts the ribbon's notice gives. */
import type { Finding, Severity } from '../engine';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
