/** The pane's pure helpers: language choice, table cards, findings by severity, the settings form. */
import { Finding } from '../../src/engine/findings';
import { DEFAULT_SETTINGS, resolveSettings } from '../../src/engine/settings';
import { TableResult } from '../../src/engine/result';
import { STRINGS, langFrom } from '../../src/taskpane/i18n';
import {
  cardView,
  cellSeverity,
  countBySeverity,
  draftFrom,
  groupFindings,
  settingsFromDraft,
  validateDraft,
} from '../../src/taskpane/view-model';

const f = (code: Finding['code'], severity: Finding['severity'], cell: string, sheet = 'S'): Finding => ({
  code,
  severity,
  sheet,
  cell,
  id: 'default',
  params: {},
});

test('langFrom: Chinese display languages → zh, others → en, none → zh', () => {
  expect(langFrom('zh-CN')).toBe('zh');
  expect(langFrom('zh-TW')).toBe('zh');
  expect(langFrom('ZH-cn')).toBe('zh');
  expect(langFrom('en-US')).toBe('en');
  expect(langFrom('ja-JP')).toBe('en');
  expect(langFrom(undefined)).toBe('zh');
  expect(langFrom('')).toBe('zh');
});

test('both languages have every string, and the four buttons carry their Chinese names', () => {
  expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.zh).sort());
  expect([STRINGS.zh.check, STRINGS.zh.recalc, STRINGS.zh.clear, STRINGS.zh.undo]).toEqual([
    '检查',
    '重算并写回',
    '清除标记',
    '撤销上次写入',
  ]);
  expect(STRINGS.zh.undoNotice).toContain('Ctrl+Z');
  expect(STRINGS.zh.undoNotice).toContain('撤销上次写入');
});

const project: TableResult = {
  sheet: '项目支出绩效自评表',
  kind: 'project',
  range: 'A1:K33',
  name: '招商引资',
  funds: [
    {
      label: '其中：财政拨款',
      row: 10,
      budget: '1',
      executed: '1',
      rate: { cell: 'G10', computed: '100.00', reported: null },
      score: null,
    },
    {
      label: '总额',
      row: 9,
      budget: '349.78',
      executed: '349.78',
      rate: { cell: 'G9', computed: '100.00', reported: '100.00' },
      score: { cell: 'I9', weight: '10', computed: '10.00', reported: '10' },
    },
  ],
  indicators: [],
  total: { cell: 'J29', weight: '100', computed: '97.68', reported: '97.7' },
  grade: { cell: 'B30', computed: '优', reported: '优秀' },
  rows: [],
};

test('cardView: the scored funds row gives the rate; total and grade as figures', () => {
  const v = cardView(project);
  expect(v.rate?.cell).toBe('G9');
  expect(v.total?.computed).toBe('97.68');
  expect(v.grade?.reported).toBe('优秀');
  expect(v.where).toBe('项目支出绩效自评表!A1:K33');
});

test('cardView: a summary table shows its 合计 row rate and the number of projects', () => {
  const summary: TableResult = {
    ...project,
    kind: 'summary',
    funds: [],
    total: null,
    grade: null,
    rows: [{ row: 3, name: 'a', budget: null, executed: null, rate: null, score: null, grade: null }],
    totalRow: { row: 9, budget: '1', executed: '1', rate: { cell: 'F9', computed: '98.75', reported: '98.75' } },
  };
  const v = cardView(summary);
  expect(v.rate?.cell).toBe('F9');
  expect(v.rows).toBe(1);
});

test('findings grouped error → warning → info, empty groups left out', () => {
  const list = [
    f('ROUNDING', 'info', 'A1'),
    f('ACTUAL_MISSING', 'warning', 'H19'),
    f('TOTAL_MISMATCH', 'error', 'J29'),
  ];
  expect(groupFindings(list).map((g) => [g.severity, g.items.length])).toEqual([
    ['error', 1],
    ['warning', 1],
    ['info', 1],
  ]);
  expect(groupFindings([f('ACTUAL_MISSING', 'warning', 'H19')]).map((g) => g.severity)).toEqual(['warning']);
  expect(countBySeverity(list)).toEqual({ error: 1, warning: 1, info: 1 });
});

test('cellSeverity: the worst finding on that sheet and cell only', () => {
  const list = [
    f('ROUNDING', 'info', 'J29'),
    f('TOTAL_MISMATCH', 'error', 'J29'),
    f('X' as never, 'error', 'J29', 'T'),
  ];
  expect(cellSeverity(list, 'S', 'J29')).toBe('error');
  expect(cellSeverity(list.slice(0, 1), 'S', 'J29')).toBe('info');
  expect(cellSeverity(list, 'S', 'J16')).toBeNull();
});

test('settings form: round trip, number checks, ordered grade bounds', () => {
  const d = draftFrom(resolveSettings());
  expect(validateDraft(d)).toEqual({});
  const back = resolveSettings(settingsFromDraft(d));
  expect(back).toEqual(DEFAULT_SETTINGS);
  expect(validateDraft({ ...d, overachieveThreshold: 'abc' })).toEqual({ overachieveThreshold: 'number' });
  expect(validateDraft({ ...d, lowExecutionThreshold: '120' })).toEqual({ lowExecutionThreshold: 'number' });
  expect(validateDraft({ ...d, good: '95' })).toEqual({ good: 'bounds' });
  const s = resolveSettings(settingsFromDraft({ ...d, preset: 'yitihua', scoreDecimals: 1, excellent: ' 85 ' }));
  expect(s).toMatchObject({
    preset: 'yitihua',
    scoreDecimals: 1,
    gradeBounds: { excellent: '85', good: '80', pass: '60' },
  });
});
