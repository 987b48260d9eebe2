/** Pure helpers behind the pane's components: what a table card shows, findings by severity, settings checks. */
import { Finding, Severity, Figure, TableResult, Settings } from '../engine';
import { SEVERITIES } from '../addin/severity';
import { Strings } from './i18n';

export { SEVERITIES, countBySeverity } from '../addin/severity';

export interface CardView {
  key: string;
  kind: TableResult['kind'];
  name: string;
  where: string;
  rate: Figure | null;
  total: Figure | null;
  grade: Figure | null;
  rows: number;
}

/** The scored funds row's rate (the total row), else the first row's, else a summary's 合计 row. */
export function cardView(t: TableResult): CardView {
  const scored = t.funds.find((f) => f.score) ?? t.funds[0];
  return {
    key: `${t.sheet}!${t.range}`,
    kind: t.kind,
    name: t.name,
    where: `${t.sheet}!${t.range}`,
    rate: scored?.rate ?? t.totalRow?.rate ?? null,
    total: t.total,
    grade: t.grade,
    rows: t.rows.length,
  };
}

/**
 * The worst severity of the findings on one cell, or null. A figure is shown as wrong only when the
 * engine says so: 97.7 reported for 97.68 agrees at one decimal and is not an error.
 */
export function cellSeverity(findings: Finding[], sheet: string, cell: string): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) {
    if (f.sheet !== sheet || f.cell !== cell) continue;
    if (worst === null || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(worst)) worst = f.severity;
  }
  return worst;
}

export function groupFindings(findings: Finding[]): { severity: Severity; items: Finding[] }[] {
  return SEVERITIES.map((severity) => ({ severity, items: findings.filter((f) => f.severity === severity) })).filter(
    (g) => g.items.length > 0,
  );
}

/** The notice after a write that replaced formulas (their results were wrong), or null when none was. */
export function formulaNotice(
  replaced: { sheet: string; cell: string }[] | undefined,
  s: Strings,
  max = 20,
): string | null {
  if (!replaced || replaced.length === 0) return null;
  const cells = replaced.slice(0, max).map((c) => `${c.sheet}!${c.cell}`);
  return s.formulasReplaced(s.cellList(cells, replaced.length - cells.length));
}

/** The settings the panel edits, as text fields. */
export interface SettingsDraft {
  preset: Settings['preset'];
  scoreDecimals: 1 | 2;
  overachieveThreshold: string;
  lowExecutionThreshold: string;
  excellent: string;
  good: string;
  pass: string;
}

export function draftFrom(s: Settings): SettingsDraft {
  return {
    preset: s.preset,
    scoreDecimals: s.scoreDecimals,
    overachieveThreshold: s.overachieveThreshold,
    lowExecutionThreshold: s.lowExecutionThreshold,
    excellent: s.gradeBounds.excellent,
    good: s.gradeBounds.good,
    pass: s.gradeBounds.pass,
  };
}

const PERCENT = /^\d{1,3}(\.\d+)?$/;

function inRange(v: string): boolean {
  return PERCENT.test(v.trim()) && Number(v) >= 0 && Number(v) <= 100;
}

export type DraftErrors = Partial<Record<keyof SettingsDraft, 'number' | 'bounds'>>;

export function validateDraft(d: SettingsDraft): DraftErrors {
  const e: DraftErrors = {};
  for (const k of ['overachieveThreshold', 'lowExecutionThreshold', 'excellent', 'good', 'pass'] as const) {
    if (!inRange(d[k])) e[k] = 'number';
  }
  if (!e.excellent && !e.good && !e.pass) {
    const [x, g, p] = [Number(d.excellent), Number(d.good), Number(d.pass)];
    if (!(x > g && g > p)) e.good = 'bounds';
  }
  return e;
}

/** The part of the settings the panel owns, ready for resolveSettings / ExcelHost.saveSettings. */
export function settingsFromDraft(d: SettingsDraft): Partial<Settings> {
  return {
    preset: d.preset,
    scoreDecimals: d.scoreDecimals,
    overachieveThreshold: d.overachieveThreshold.trim(),
    lowExecutionThreshold: d.lowExecutionThreshold.trim(),
    gradeBounds: { excellent: d.excellent.trim(), good: d.good.trim(), pass: d.pass.trim() },
  };
}
