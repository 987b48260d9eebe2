/**
 * The quantitative scorers one by one: met or not, the score, and the arithmetic the finding shows the user
 * (`得分应为 7.68（184.2 ÷ 240 × 10）`), worked out by hand — including the branches for a target of 0.
 */
import Decimal from 'decimal.js';
import { scoreExact } from '../../src/engine/rules/indicators/exact';
import { scorePositive } from '../../src/engine/rules/indicators/positive';
import { scoreReverse } from '../../src/engine/rules/indicators/reverse';
import { deviation } from '../../src/engine/rules/overachievement';
import { gradeInWording, parseGrade } from '../../src/engine/rules/grade';

const d = (x: number | string) => new Decimal(x);
const shown = (r: { met: boolean; score: Decimal; formula: string }) => ({
  met: r.met,
  score: r.score.toFixed(4),
  formula: r.formula,
});

describe('≥ (positive)', () => {
  test.each([
    // t, a, w, strict → met, score, formula
    [240, 184.2, 10, false, false, '7.6750', '184.2 ÷ 240 × 10'],
    [16, 21, 10, false, true, '10.0000', '21 ≥ 16'],
    [16, 16, 10, false, true, '10.0000', '16 ≥ 16'],
    [16, 16, 10, true, false, '10.0000', '16 ÷ 16 × 10'], // `>`: equal is not met, scores w × 1
    [100, 0, 5, false, false, '0.0000', '0 ≤ 0'],
    [100, -3, 5, false, false, '0.0000', '-3 ≤ 0'],
    [0, 0, 5, false, true, '5.0000', '0 ≥ 0'], // `≥ 0` is always met
    [0, -1, 5, false, true, '5.0000', '-1 ≥ 0'],
  ] as const)('t %s, a %s, w %s, strict %s', (t, a, w, strict, met, score, formula) => {
    expect(shown(scorePositive(d(t), d(a), d(w), strict))).toEqual({ met, score, formula });
  });
});

describe('≤ (reverse)', () => {
  test.each([
    [110, 100, 10, false, 'ratio', true, '10.0000', '100 ≤ 110'],
    [110, 110, 10, true, 'ratio', false, '10.0000', '110 ÷ 110 × 10'], // `<`: equal is not met
    [100, 125, 10, false, 'ratio', false, '8.0000', '100 ÷ 125 × 10'],
    [0, 2, 10, false, 'ratio', false, '0.0000', '0 ≤ 0'], // 安全事故 ≤ 0 次, 2 happened: 0 points
    [0, 0, 10, false, 'ratio', true, '10.0000', '0 ≤ 0'],
    [800, 900, 10, false, 'deviation', false, '8.7500', '(1 − (900 − 800) ÷ 800) × 10'],
    [800, 1600, 10, false, 'deviation', false, '0.0000', '(1 − (1600 − 800) ÷ 800) × 10'],
    [800, 2000, 10, false, 'deviation', false, '0.0000', '(1 − (2000 − 800) ÷ 800) × 10'],
  ] as const)('t %s, a %s, w %s, strict %s, %s', (t, a, w, strict, formula, met, score, shownFormula) => {
    expect(shown(scoreReverse(d(t), d(a), d(w), strict, formula))).toEqual({ met, score, formula: shownFormula });
  });
});

describe('= (exact)', () => {
  test.each([
    [100, 100, 10, 'deviation', true, '10.0000', '100 = 100'],
    [100, 90, 10, 'deviation', false, '9.0000', '(1 − |90 − 100| ÷ 100) × 10'],
    [100, 110, 10, 'deviation', false, '9.0000', '(1 − |110 − 100| ÷ 100) × 10'],
    [100, 250, 10, 'deviation', false, '0.0000', '(1 − |250 − 100| ÷ 100) × 10'],
    [0, 0, 10, 'deviation', true, '10.0000', '0 = 0'],
    [0, -1, 10, 'deviation', true, '10.0000', '-1 ≤ 0'],
    [0, 3, 10, 'deviation', false, '0.0000', '3 ≠ 0'],
    [0, 3, 10, 'positive', false, '0.0000', '3 ≠ 0'], // fasp: exact with t = 0 — a ≤ 0 → w, else 0
    [100, 90, 10, 'positive', false, '9.0000', '90 ÷ 100 × 10'], // fasp: t ≠ 0 scored as positive
    [100, 120, 10, 'positive', true, '10.0000', '120 ≥ 100'],
  ] as const)('t %s, a %s, w %s, %s', (t, a, w, formula, met, score, shownFormula) => {
    expect(shown(scoreExact(d(t), d(a), d(w), formula))).toEqual({ met, score, formula: shownFormula });
  });
});

describe('over-achievement deviation', () => {
  test('(a − t) ÷ t for positive, (t − a) ÷ t for reverse; no deviation for a target of 0 or below', () => {
    expect(deviation(d(16), d(21), false)?.toFixed(4)).toBe('0.3125');
    expect(deviation(d(100), d(70), true)?.toFixed(4)).toBe('0.3000');
    expect(deviation(d(0), d(5), false)).toBeNull();
    expect(deviation(d(-2), d(5), true)).toBeNull();
  });
});

describe('grades as the workbook words them', () => {
  test.each([
    [' 优 秀 ', '优'],
    ['良好', '良'],
    ['中等', '中'],
    ['合格', '中'],
    ['一般', '中'],
    ['不合格', '差'],
    ['较差', '差'],
    ['差', '差'],
    ['待定', null],
  ] as const)('parseGrade(%j) → %s', (text, grade) => {
    expect(parseGrade(text)).toBe(grade);
  });
  test.each([
    // computed grade, the cell's wording → what is written back
    ['良', '优秀', '良好'],
    ['良', ' 优 秀 ', '良好'],
    ['中', '良好', '中等'],
    ['差', '良好', '差'],
    ['中', '合格', '合格'],
    ['差', '合格', '不合格'],
    ['优', '不合格', '优秀'],
    ['优', '一般', '优秀'], // a two-character wording that names a grade: the long form
    ['优', '优', '优'],
    ['良', '优', '良'],
    ['良', null, '良'],
    ['良', '', '良'],
    ['优', 'A+', '优'], // not a grade: the short form
  ] as const)('gradeInWording(%s, %j) → %s', (g, reported, written) => {
    expect(gradeInWording(g, reported)).toBe(written);
  });
});
