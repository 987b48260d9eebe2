/**
 * Zero false alarms, as a property: sentences written the way reports write them, with figures whose
 * arithmetic holds (rounded half up at the written decimals), give no finding; the same sentence with
 * one figure changed gives one.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { resolveSettings } from '../../src/engine';
import { checkReportBytes } from '../../src/report/check';

const settings = resolveSettings();
const check = (text: string) => checkReportBytes('r.txt', new TextEncoder().encode(text), settings);

/** An amount in 万元 with two decimals, 1.00 – 99999.99. */
const amount = fc.integer({ min: 100, max: 9999999 }).map((n) => new Decimal(n).div(100));
const pct = (a: Decimal, b: Decimal, places: number) => a.div(b).times(100).toFixed(places, Decimal.ROUND_HALF_UP);

const case_ = fc.record({
  budget: amount,
  share: fc.integer({ min: 0, max: 1000 }),
  split: fc.integer({ min: 1, max: 999 }),
  places: fc.constantFrom(0, 1, 2),
  year: fc.integer({ min: 2019, max: 2025 }),
});

function sentences(c: { budget: Decimal; share: number; split: number; places: number; year: number }) {
  const b = c.budget;
  const e = b.times(c.share).div(1000).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const basic = e.times(c.split).div(1000).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const project = e.minus(basic);
  const left = b.minus(e);
  return {
    e,
    basic,
    project,
    rate: `${c.year}年度项目年初预算${b.toFixed(2)}万元，实际支出${e.toFixed(2)}万元，预算执行率${pct(e, b, c.places)}%，结余${left.toFixed(2)}万元。`,
    parts: e.isZero()
      ? ''
      : `${c.year}年度支出合计${e.toFixed(2)}万元，其中：基本支出${basic.toFixed(2)}万元，占${pct(basic, e, 2)}%；项目支出${project.toFixed(2)}万元，占${pct(project, e, 2)}%。`,
  };
}

test('sentences whose arithmetic holds give nothing', () => {
  fc.assert(
    fc.property(case_, (c) => {
      const s = sentences(c);
      const r = check(`${s.rate}\n${s.parts}`);
      expect(r.findings).toEqual([]);
      // …and the checker did work them out.
      expect(r.checked.some((x) => x.what === '执行率')).toBe(true);
      expect(r.checked.some((x) => x.what === '结余')).toBe(true);
    }),
    { numRuns: 300 },
  );
});

/** Large enough that two units in the rate's last place lie outside what the amounts' own rounding allows. */
const sizable = fc.record({
  budget: fc.integer({ min: 100000, max: 9999999 }).map((n) => new Decimal(n).div(100)),
  share: fc.integer({ min: 100, max: 1000 }),
  split: fc.integer({ min: 1, max: 999 }),
  places: fc.constantFrom(0, 1, 2),
  year: fc.integer({ min: 2019, max: 2025 }),
});

test('a rate two units off in its last place, or a balance one off, is reported', () => {
  fc.assert(
    fc.property(sizable, (c) => {
      const s = sentences(c);
      const b = c.budget;
      const right = pct(s.e, b, c.places);
      const unit = new Decimal(10).pow(-c.places);
      const wrong = new Decimal(right).plus(unit.times(2)).toFixed(c.places);
      const r = check(s.rate.replace(`预算执行率${right}%`, `预算执行率${wrong}%`));
      expect(r.findings.map((x) => x.code)).toEqual(['REPORT_RATE']);
      const left = b.minus(s.e);
      const r2 = check(s.rate.replace(`结余${left.toFixed(2)}万元`, `结余${left.plus(1).toFixed(2)}万元`));
      expect(r2.findings.map((x) => x.code)).toEqual(['REPORT_BALANCE']);
    }),
    { numRuns: 200 },
  );
});
