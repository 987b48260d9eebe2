/**
 * Rule settings and named profiles (docs/rules.md "Profiles and settings", docs/rules.md §8.4). A profile is one row of PROFILES:
 * the settings it changes from mof2020. Adding a province or system is adding a row (and its name to
 * PROFILE_NAMES); the layout of a table never switches the profile.
 */

export const PROFILE_NAMES = ['mof2020', 'hubei', 'hebei', 'fasp', 'yitihua'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

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
  /** Lower bounds (percent of the weight) of the qualitative bands 达成 and 部分达成. */
  qualitativeBands: { met: string; partly: string };
  /**
   * Reverse indicators not met: `ratio` w × t ÷ a; `deviation` w × (1 − (a − t) ÷ t), 0 from a ≥ 2t.
   */
  reverseFormula: 'ratio' | 'deviation';
  /** Exact (`=`) indicators not met: `deviation` w × (1 − |a − t| ÷ t); `positive` scored as `≥`. */
  exactFormula: 'deviation' | 'positive';
  /** Who needs a reason: quantitative indicators not met, or any score below its weight. */
  reasonRequired: 'unmet' | 'below-weight';
  /** Points off an indicator this far (percent) beyond a target, or null. */
  overDeviation: { percent: string; points: string } | null;
  /** The total capped by the execution rate: below `rate`% the total is at most `cap`; highest rate first. */
  executionCaps: { rate: string; cap: string }[];
  /** Level-1 blocks whose weights the profile fixes: level-1 names matching `match` add up to `weight`. */
  blockWeights: { match: string; weight: string }[];
}

export const DEFAULT_SETTINGS: Settings = {
  preset: 'mof2020',
  executionWeight: '10',
  scoreDecimals: 2,
  overachieveThreshold: '20',
  deductOverachievement: false,
  lowExecutionThreshold: '90',
  gradeBounds: { excellent: '90', good: '80', pass: '60' },
  qualitativeBands: { met: '80', partly: '60' },
  reverseFormula: 'ratio',
  exactFormula: 'deviation',
  reasonRequired: 'unmet',
  overDeviation: null,
  executionCaps: [],
  blockWeights: [],
};

/** One row per profile: what it changes from mof2020 (scoring.md's profile table). */
export const PROFILES: Record<ProfileName, Partial<Settings>> = {
  mof2020: {},
  hubei: { executionWeight: '20', qualitativeBands: { met: '80', partly: '50' } },
  hebei: {
    executionWeight: '20',
    qualitativeBands: { met: '80', partly: '50' },
    blockWeights: [
      { match: '产出', weight: '40' },
      { match: '效益|满意度', weight: '40' },
    ],
  },
  fasp: {
    reverseFormula: 'deviation',
    exactFormula: 'positive',
    gradeBounds: { excellent: '80', good: '70', pass: '60' },
    reasonRequired: 'below-weight',
  },
  yitihua: {
    overDeviation: { percent: '30', points: '2' },
    executionCaps: [
      { rate: '80', cap: '89' },
      { rate: '70', cap: '79' },
      { rate: '60', cap: '69' },
      { rate: '50', cap: '59' },
    ],
  },
};

export function isProfileName(s: string): s is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(s);
}

/** The profile's settings, then the user's own changes on top. */
export function resolveSettings(overrides: Partial<Settings> = {}): Settings {
  const preset = overrides.preset ?? DEFAULT_SETTINGS.preset;
  const profile = PROFILES[preset] ?? {};
  return {
    ...DEFAULT_SETTINGS,
    ...profile,
    ...overrides,
    preset,
    gradeBounds: { ...DEFAULT_SETTINGS.gradeBounds, ...profile.gradeBounds, ...(overrides.gradeBounds ?? {}) },
    qualitativeBands: {
      ...DEFAULT_SETTINGS.qualitativeBands,
      ...profile.qualitativeBands,
      ...(overrides.qualitativeBands ?? {}),
    },
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
    qualitativeBands: s.qualitativeBands,
    reverseFormula: s.reverseFormula,
    exactFormula: s.exactFormula,
    reasonRequired: s.reasonRequired,
    overDeviation: s.overDeviation,
    executionCaps: s.executionCaps,
    blockWeights: s.blockWeights,
  };
}
