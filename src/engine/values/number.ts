/** Reading numbers as departments write them: text numbers, full-width digits, thousands separators, percent. */
import Decimal from 'decimal.js';
import { CellValue } from '../grid';
import { compact } from '../text';

export interface ParsedNumber {
  value: Decimal;
  /** The number was written with a percent sign or a percent number format: value is in percent. */
  percent: boolean;
  /** Decimal places as written (or as the number format shows). */
  decimals: number;
  /** What follows the number (a unit, words), compacted. */
  rest: string;
  /** What precedes the number, compacted. */
  prefix: string;
}

const NUM_RE = /([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)/;

export function decimalsOf(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}

/** Decimal places a number format shows: `0.00%` → 2, `#,##0.0` → 1, General → null. */
export function formatDecimals(fmt: string | null | undefined): number | null {
  if (!fmt || /general/i.test(fmt)) return null;
  const section = fmt.split(';')[0].replace(/"[^"]*"/g, '');
  const m = /[0#][0#,]*(?:\.([0#]+))?/.exec(section);
  if (!m) return null;
  return m[1] ? m[1].length : 0;
}

export function isPercentFormat(fmt: string | null | undefined): boolean {
  return !!fmt && fmt.replace(/"[^"]*"/g, '').includes('%');
}

export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(f) || /m+\/|\/m+|年|月/.test(f);
}

/**
 * Binary floating point carries about 15 significant digits: a value with more decimals than this is
 * a formula's result (=F9/E9 gives 0.9543867369299206) and is read at this many decimals, so that it
 * agrees with the exact quotient instead of differing in its 16th digit.
 */
export const FLOAT_DECIMALS = 9;

function exact(n: number, times100 = false): Decimal {
  // String(n) is the shortest text that reads back as n: 0.136 stays 0.136, never 0.13600000000000001.
  const d = times100 ? new Decimal(String(n)).times(100) : new Decimal(String(n));
  return d.decimalPlaces() > FLOAT_DECIMALS ? d.toDecimalPlaces(FLOAT_DECIMALS, Decimal.ROUND_HALF_UP) : d;
}

/** Parse a number out of a cell. Returns null when there is no number at all. */
export function parseNumber(v: CellValue, fmt?: string | null): ParsedNumber | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    const fd = formatDecimals(fmt);
    if (isPercentFormat(fmt)) {
      const value = exact(v, true);
      return {
        value,
        percent: true,
        decimals: Math.max(value.decimalPlaces(), fd ?? 0),
        rest: '',
        prefix: '',
      };
    }
    const value = exact(v);
    return { value, percent: false, decimals: Math.max(value.decimalPlaces(), fd ?? 0), rest: '', prefix: '' };
  }
  if (typeof v !== 'string') return null;
  const s = compact(v);
  const m = NUM_RE.exec(s);
  if (!m) return null;
  const raw = m[1].replace(/,/g, '');
  let value: Decimal;
  try {
    value = new Decimal(raw);
  } catch {
    return null;
  }
  let rest = s.slice(m.index + m[0].length);
  let percent = false;
  if (rest.startsWith('%') || rest.startsWith('％')) {
    percent = true;
    rest = rest.slice(1);
  } else if (rest.startsWith('百分比')) {
    percent = true;
    rest = rest.slice(3);
  }
  return { value, percent, decimals: decimalsOf(raw), rest, prefix: s.slice(0, m.index) };
}

/** A cell that must be one number and nothing else (amounts, weights, scores): unit words allowed. */
export function parsePlainNumber(v: CellValue, fmt?: string | null): ParsedNumber | null {
  const p = parseNumber(v, fmt);
  if (!p) return null;
  if (p.prefix !== '' && !/^[+-]?$/.test(p.prefix)) return null;
  if (p.rest !== '' && !/^(万?元|亿元|千元|分|%)$/.test(p.rest)) return null;
  return p;
}

/** Text that means "no value": empty, —, -, /, 无. */
export function isEmptyMarker(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  const s = compact(v);
  return s === '' || /^[—\-－–/／\\、无]+$/.test(s) || s === 'N/A' || s === '--';
}

/** Render a decimal with a fixed number of places, for messages and the report. */
export function fixed(d: Decimal, places: number): string {
  return d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
}

/** Render a decimal without trailing zeros. */
export function plain(d: Decimal): string {
  return d.toFixed();
}
