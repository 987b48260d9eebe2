/** Units and their conversion: 元/万元/亿元, percent, and 万/亿/千 prefixes on any count unit. */
import Decimal from 'decimal.js';

export interface UnitScale {
  base: string;
  factor: Decimal;
}

const PREFIXES: [string, number][] = [
  ['亿', 1e8],
  ['千万', 1e7],
  ['百万', 1e6],
  ['万', 1e4],
  ['千', 1e3],
];

/** Clean a unit as written: words that are not the unit (余, 多, 左右) removed. */
export function cleanUnit(u: string | null | undefined): string {
  if (!u) return '';
  const c = u
    .replace(/^(余|多|以上|左右|约)/, '')
    .replace(/(以上|以下|以内|左右|及以上|及以下|之内)$/, '')
    .replace(/^[)）]/, '')
    .trim();
  // 百分比 is the unit %: a bare 0.96 under it is 96%, as under %.
  return c === '百分比' ? '%' : c;
}

export function unitScale(u: string): UnitScale {
  if (u === '%' || u === '百分比' || u === '％') return { base: '%', factor: new Decimal(1) };
  for (const [p, f] of PREFIXES) {
    if (u.length > p.length && u.startsWith(p)) return { base: u.slice(p.length), factor: new Decimal(f) };
  }
  return { base: u, factor: new Decimal(1) };
}

/** Factor that turns a value in `from` into `to`, or null when they cannot be converted. Empty units convert to anything. */
export function conversion(from: string, to: string): Decimal | null {
  if (from === '' || to === '' || from === to) return new Decimal(1);
  const a = unitScale(from);
  const b = unitScale(to);
  if (a.base === b.base) return a.factor.div(b.factor);
  // A period written on one side only, wherever it stands: 1次/年, 次每年, 吨/年/台 against 次, 吨/台.
  const perless = (u: string) => u.replace(/每[年月周天日季]|\/[年月周天日季度]+/, '');
  const pa = perless(from);
  const pb = perless(to);
  if ((pa !== from || pb !== to) && pa !== '' && pb !== '') return conversion(pa, pb);
  return null;
}
