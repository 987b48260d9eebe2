/** Reading a target or actual cell of an indicator: operator, number, unit, percent, date or text. */
import Decimal from 'decimal.js';
import { CellValue } from '../grid';
import { compact } from '../text';
import { DateValue, fromSerial, looksLikeDateTarget, parseDateText, startsWithDate } from './date';
import { isDateFormat, isEmptyMarker, isPercentFormat, parseNumber } from './number';
import { Operator, leadingOperator, trailingOperator } from './operator';
import { cleanUnit } from './unit';

export type IndicatorValue =
  | { kind: 'empty' }
  | {
      kind: 'number';
      value: Decimal;
      /** The unit as written next to the number ('' when none); '%' for percent. */
      unit: string;
      /** A bare number cell without a percent sign or format (so 0.95 may mean 95%). */
      bare: boolean;
      operator: Operator | null;
      text: string;
      /** Decimal places as written or as the number format shows. */
      decimals: number;
    }
  | { kind: 'date'; date: DateValue; operator: Operator | null; text: string }
  | { kind: 'text'; text: string; operator: Operator | null };

/** Words in front of a number that do not change it. */
const HARMLESS_PREFIX = /^(完成|共|共计|累计|实际|全年|达|合计|实现|新增|为)?$/;

export function readIndicatorValue(v: CellValue, fmt?: string | null): IndicatorValue {
  if (isEmptyMarker(v)) return { kind: 'empty' };
  if (typeof v === 'boolean') return { kind: 'text', text: v ? '是' : '否', operator: null };
  if (typeof v === 'number') {
    if (isDateFormat(fmt) && !isPercentFormat(fmt)) {
      return { kind: 'date', date: fromSerial(v), operator: null, text: String(v) };
    }
    const p = parseNumber(v, fmt);
    if (!p) return { kind: 'text', text: String(v), operator: null };
    return {
      kind: 'number',
      value: p.value,
      unit: p.percent ? '%' : '',
      bare: !p.percent,
      operator: null,
      text: String(v),
      decimals: p.decimals,
    };
  }
  const full = compact(v as string);
  let s = full;
  let operator: Operator | null = null;
  const lead = leadingOperator(s);
  if (lead) {
    operator = lead.op;
    s = lead.rest;
  }
  if (operator === '定性') return { kind: 'text', text: full, operator };
  if (looksLikeDateTarget(s)) {
    const d = parseDateText(s);
    if (d) return { kind: 'date', date: d, operator, text: full };
  }
  const p = parseNumber(s);
  if (!p || !HARMLESS_PREFIX.test(p.prefix)) return { kind: 'text', text: full, operator };
  // The unit is what follows the number up to the first punctuation.
  let rest = p.rest.split(/[,，;；。、(（]/)[0];
  const trail = trailingOperator(rest);
  if (trail) {
    if (!operator) operator = trail.op;
    rest = trail.rest;
  }
  // A date written without 前 (an actual such as 2022年7月10日, 2022-7-10召开, 2022年底).
  const dated = startsWithDate(s);
  if (dated) return { kind: 'date', date: dated, operator, text: full };
  if (/^月/.test(p.rest)) {
    const d = parseDateText(s);
    if (d) return { kind: 'date', date: d, operator, text: full };
  }
  const unit = p.percent ? '%' : cleanUnit(rest);
  return { kind: 'number', value: p.value, unit, bare: false, operator, text: full, decimals: p.decimals };
}
