/** The scoring rules of docs/rules.md ("Scoring"), one small module each. */
import Decimal from 'decimal.js';
import { compareReported, roundHalfUp } from '../../src/engine/rules/rounding';
import { scorePositive } from '../../src/engine/rules/indicators/positive';
import { scoreReverse } from '../../src/engine/rules/indicators/reverse';
import { scoreExact } from '../../src/engine/rules/indicators/exact';
import { bandOf, inBand } from '../../src/engine/rules/indicators/qualitative';
import { dateMet } from '../../src/engine/rules/indicators/date';
import { executionRate, executionScore } from '../../src/engine/rules/execution';
import { gradeInWording, gradeOf, parseGrade } from '../../src/engine/rules/grade';
import { deviation, overachievementFactor } from '../../src/engine/rules/overachievement';
import { totalCap } from '../../src/engine/rules/yitihua';
import { resolveSettings } from '../../src/engine/settings';
import { parseNumber } from '../../src/engine/values/number';
import { readIndicatorValue } from '../../src/engine/values/indicator-value';
import { conversion } from '../../src/engine/values/unit';
import { parseDateText } from '../../src/engine/values/date';

const d = (x: string | number) => new Decimal(x);

describe('rounding and comparing a reported value', () => {
  test('7.675 agrees with 7.7 and 7.68, not with 7.6 (truncated: ROUNDING) nor 7.5', () => {
    expect(compareReported(d('7.675'), d('7.7'), 1)).toBe('agree');
    expect(compareReported(d('7.675'), d('7.68'), 2)).toBe('agree');
    expect(compareReported(d('7.675'), d('7.6'), 1)).toBe('rounding');
    expect(compareReported(d('7.675'), d('7.5'), 1)).toBe('mismatch');
  });
  test('9.54 does not agree with a reported 10 (compared at 1 decimal); 10.00 agrees with 10', () => {
    expect(compareReported(d('9.54'), d('10'), 0)).toBe('mismatch');
    expect(compareReported(d('10.00'), d('10'), 0)).toBe('agree');
  });
  test('99.99% printed for 99.998% is a ROUNDING difference, not a mismatch', () => {
    expect(compareReported(d('99.998'), d('99.99'), 2)).toBe('rounding');
  });
  test('ROUND_HALF_UP, never banker’s rounding', () => {
    expect(roundHalfUp(d('2.675'), 2).toFixed(2)).toBe('2.68');
    expect(roundHalfUp(d('0.125'), 2).toFixed(2)).toBe('0.13');
  });
});

describe('budget execution', () => {
  test('557.82 ÷ 584.48 = 95.44%, score 9.54 of 10', () => {
    const o = executionRate(d('584.48'), d('557.82'));
    expect(o.kind).toBe('rate');
    if (o.kind !== 'rate') return;
    expect(roundHalfUp(o.rate.times(100), 2).toFixed(2)).toBe('95.44');
    expect(roundHalfUp(executionScore(d(10), o.rate), 2).toFixed(2)).toBe('9.54');
  });
  test('0 ÷ 0 has no rate; executed against a zero budget is budget-zero; overspending keeps the full score', () => {
    expect(executionRate(d(0), d(0)).kind).toBe('zero');
    expect(executionRate(d(0), d(5)).kind).toBe('budget-zero');
    const o = executionRate(d(100), d(120));
    expect(o.kind === 'rate' && o.overspent).toBe(true);
    if (o.kind === 'rate') expect(executionScore(d(10), o.rate).toFixed()).toBe('10');
  });
});

describe('quantitative indicators', () => {
  test('≥: 184.2 against 240 scores 10 × 184.2 ÷ 240 = 7.675', () => {
    const s = scorePositive(d(240), d('184.2'), d(10), false);
    expect(s.met).toBe(false);
    expect(s.score.toFixed()).toBe('7.675');
  });
  test('≥ met scores the weight; > needs strictly more; a non-positive actual scores 0', () => {
    expect(scorePositive(d(16), d(21), d(10), false).score.toFixed()).toBe('10');
    expect(scorePositive(d(16), d(16), d(10), true).met).toBe(false);
    expect(scorePositive(d(16), d(0), d(10), false).score.toFixed()).toBe('0');
    expect(scorePositive(d(0), d(0), d(10), false).met).toBe(true);
  });
  test('≤: 130 spent against 144 is met; 160 against 144 scores 10 × 144 ÷ 160 = 9', () => {
    expect(scoreReverse(d(144), d(130), d(10), false).met).toBe(true);
    expect(scoreReverse(d(144), d(160), d(10), false).score.toFixed()).toBe('9');
  });
  test('≤ 0 (安全事故 ≤0次): met at 0, scores 0 otherwise — never divides by zero', () => {
    expect(scoreReverse(d(0), d(0), d(5), false).met).toBe(true);
    const miss = scoreReverse(d(0), d(1), d(5), false);
    expect(miss.met).toBe(false);
    expect(miss.score.toFixed()).toBe('0');
  });
  test('=: 98 against 100 scores 10 × (1 − 2 ÷ 100) = 9.8; = 0 missed scores 0', () => {
    expect(scoreExact(d(100), d(98), d(10)).score.toFixed()).toBe('9.8');
    expect(scoreExact(d(100), d(100), d(10)).met).toBe(true);
    expect(scoreExact(d(0), d(2), d(10)).score.toFixed()).toBe('0');
    expect(scoreExact(d(10), d(25), d(10)).score.toFixed()).toBe('0');
  });
  test('over-achievement: 21 against 16 is 31.25% over; 130 against ≤144 is 9.7% under', () => {
    expect(deviation(d(16), d(21), false)!.times(100).toFixed()).toBe('31.25');
    expect(roundHalfUp(deviation(d(144), d(130), true)!.times(100), 1).toFixed()).toBe('9.7');
    expect(overachievementFactor(d('0.3125'), d('0.2')).toFixed()).toBe('0.8875');
  });
});

describe('dates, qualitative bands, grades', () => {
  test('a date target is met on or before the day', () => {
    const target = parseDateText('2022年7月31日前')!;
    expect(dateMet(target, parseDateText('2022年7月10日')!)).toBe(true);
    expect(dateMet(target, parseDateText('2022年7月31日')!)).toBe(true);
    expect(dateMet(target, parseDateText('2022年8月1日')!)).toBe(false);
    expect(dateMet(parseDateText('12月底前')!, parseDateText('2022年12月31日')!)).toBe(true);
  });
  test('bands are checked 未达成 first, then 部分达成, then 达成', () => {
    expect(bandOf('未达成预期指标且效果较差')).toBe('未达成');
    expect(bandOf('部分达成预期指标并具有一定效果')).toBe('部分达成');
    expect(bandOf('基本达成')).toBe('部分达成');
    expect(bandOf('达成预期指标')).toBe('达成');
    expect(bandOf('不满意')).toBe('未达成');
    expect(bandOf('持续发挥')).toBe('达成');
    expect(bandOf('详见附件')).toBeNull();
  });
  test('band bounds are inclusive: 4 of 5 is inside both 部分达成 and 达成', () => {
    expect(inBand(d(4), d(5), '部分达成')).toBe(true);
    expect(inBand(d(4), d(5), '达成')).toBe(true);
    expect(inBand(d('2.9'), d(5), '部分达成')).toBe(false);
  });
  test('grades: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差; bounds are a setting', () => {
    const s = resolveSettings();
    expect([95, 90, 89.99, 80, 60, 59.9].map((x) => gradeOf(d(x), s))).toEqual(['优', '优', '良', '良', '中', '差']);
    const s2 = resolveSettings({ gradeBounds: { excellent: '80', good: '70', pass: '60' } });
    expect(gradeOf(d(85), s2)).toBe('优');
  });
  test('long wordings are the same grade, and a grade is written back in the workbook’s own wording', () => {
    expect(['优秀', '良好', '中等', '合格', '差', '不合格'].map(parseGrade)).toEqual([
      '优',
      '良',
      '中',
      '中',
      '差',
      '差',
    ]);
    expect(gradeInWording('良', '优秀')).toBe('良好');
    expect(gradeInWording('差', '合格')).toBe('不合格');
    expect(gradeInWording('良', '优')).toBe('良');
  });
  test('yitihua caps the total by the execution rate', () => {
    const caps = resolveSettings({ preset: 'yitihua' }).executionCaps;
    expect(totalCap(d('0.75'), caps)!.toFixed()).toBe('89');
    expect(totalCap(d('0.65'), caps)!.toFixed()).toBe('79');
    expect(totalCap(d('0.55'), caps)!.toFixed()).toBe('69');
    expect(totalCap(d('0.3'), caps)!.toFixed()).toBe('59');
    expect(totalCap(d('0.8'), caps)).toBeNull();
  });
});

describe('reading values as departments write them', () => {
  test('text numbers, full-width digits, thousands separators, percent text and formatted percent', () => {
    expect(parseNumber('349.78')!.value.toFixed()).toBe('349.78');
    expect(parseNumber('１００')!.value.toFixed()).toBe('100');
    expect(parseNumber('1,285.24')!.value.toFixed()).toBe('1285.24');
    const p = parseNumber('95.44%')!;
    expect([p.value.toFixed(), p.percent]).toEqual(['95.44', true]);
    const f = parseNumber(0.9544, '0.00%')!;
    expect([f.value.toFixed(), f.percent, f.decimals]).toEqual(['95.44', true, 2]);
    expect(parseNumber(0.136, '0.00%')!.value.toFixed()).toBe('13.6');
  });
  test('operators inside the target, as symbols or words, and units after the number', () => {
    const v = readIndicatorValue('≥16个');
    expect(v.kind === 'number' && [v.operator, v.value.toFixed(), v.unit]).toEqual(['≥', '16', '个']);
    const w = readIndicatorValue('不少于300人次');
    expect(w.kind === 'number' && [w.operator, w.value.toFixed(), w.unit]).toEqual(['≥', '300', '人次']);
    const x = readIndicatorValue('不超过110万元');
    expect(x.kind === 'number' && [x.operator, x.unit]).toEqual(['≤', '万元']);
    const y = readIndicatorValue('＝１００％');
    expect(y.kind === 'number' && [y.operator, y.value.toFixed(), y.unit]).toEqual(['=', '100', '%']);
    const z = readIndicatorValue('95%以上');
    expect(z.kind === 'number' && z.operator).toBe('≥');
  });
  test('dates, empty markers, and text that is not a number', () => {
    expect(readIndicatorValue('2022年11月30日前').kind).toBe('date');
    expect(readIndicatorValue('—').kind).toBe('empty');
    expect(readIndicatorValue('/').kind).toBe('empty');
    expect(readIndicatorValue('约300').kind).toBe('text');
    expect(readIndicatorValue('三百').kind).toBe('text');
  });
  test('units convert 元/万元/亿元 and refuse 个 → 万元', () => {
    expect(conversion('亿元', '万元')!.toFixed()).toBe('10000');
    expect(conversion('元', '万元')!.toFixed()).toBe('0.0001');
    expect(conversion('个', '万元')).toBeNull();
    expect(conversion('', '个')!.toFixed()).toBe('1');
    expect(conversion('次', '次/年')!.toFixed()).toBe('1');
    expect(conversion('万人次', '人次/年')!.toFixed()).toBe('10000');
    expect(conversion('个', '次/年')).toBeNull();
  });
});
