/** Rule settings and named profiles (docs/rules.md, "Profiles and settings"). */

export type ProfileName = 'mof2020' | 'yitihua';

export interface Settings {
  preset: ProfileName;
  /** Weight of the budget-execution block when the table does not state one. */
  executionWeight: string;
  scoreDecimals: 1 | 2;
  /** Percent: deviation above this is OVERACHIEVED. */
  overachieveThreshold: string;
  deductOverachievement: boolean;
  /** Percent: a scored funds rate below this with no reason is LOW_EXECUTION. */
  lowExecutionThreshold: string;
  /** Grade bounds: 优 ≥ excellent, 良 ≥ good, 中 ≥ pass. */
  gradeBounds: { excellent: string; good: string; pass: string };
}

export const DEFAULT_SETTINGS: Settings = {
  preset: 'mof2020',
  executionWeight: '10',
  scoreDecimals: 2,
  overachieveThreshold: '20',
  deductOverachievement: false,
  lowExecutionThreshold: '90',
  gradeBounds: { excellent: '90', good: '80', pass: '60' },
};

export const PROFILES: Record<ProfileName, Partial<Settings>> = {
  mof2020: {},
  yitihua: {},
};

/** The profile's settings, then the user's own changes on top. */
export function resolveSettings(overrides: Partial<Settings> = {}): Settings {
  const preset = overrides.preset ?? DEFAULT_SETTINGS.preset;
  return {
    ...DEFAULT_SETTINGS,
    ...PROFILES[preset],
    ...overrides,
    preset,
    gradeBounds: { ...DEFAULT_SETTINGS.gradeBounds, ...(overrides.gradeBounds ?? {}) },
  };
}

/** The JSON report's view of the settings. */
export function settingsForReport(s: Settings): Record<string, unknown> {
  return {
    preset: s.preset,
    scoreDecimals: s.scoreDecimals,
    overachieveThreshold: s.overachieveThreshold,
    lowExecutionThreshold: s.lowExecutionThreshold,
    executionWeight: s.executionWeight,
    deductOverachievement: s.deductOverachievement,
    gradeBounds: s.gradeBounds,
  };
}
