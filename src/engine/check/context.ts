/** Collects the findings and computed writes of one table, and reads reported figures. */
import Decimal from 'decimal.js';
import { a1 } from '../address';
import { CellValue } from '../grid';
import { Finding, FindingCode, Severity, finding } from '../findings';
import { Field, MessageId, Params } from '../messages/findings';
import { CellRef } from '../model';
import { ValueWrite } from '../result';
import { Settings } from '../settings';
import { compareReported, roundHalfUp } from '../rules/rounding';
import { fixed, isEmptyMarker, parseNumber, parsePlainNumber } from '../values/number';

export interface Reported {
  value: Decimal;
  decimals: number;
  /** The figure as the report shows it. */
  text: string;
}

export type ReadNumber = { kind: 'empty' } | { kind: 'bad' } | ({ kind: 'ok' } & Reported);

export class TableContext {
  readonly findings: Finding[] = [];
  readonly writes: ValueWrite[] = [];

  constructor(
    readonly sheet: string,
    readonly settings: Settings,
  ) {}

  /** Raise a finding: its message id in the catalogue (messages/findings.ts) and its parameters. */
  add<C extends FindingCode>(
    code: C,
    ref: { row: number; col: number },
    id: MessageId<C>,
    params: Params = {},
    severity?: Severity,
  ): void {
    this.findings.push(finding(code, this.sheet, a1(ref.row, ref.col), id, params, severity));
  }

  write(ref: { row: number; col: number }, value: CellValue, numFmt?: string, agrees = false): void {
    this.writes.push({ sheet: this.sheet, row: ref.row, col: ref.col, value, numFmt, ...(agrees ? { agrees } : {}) });
  }

  /**
   * A cell that must hold one number: empty, a number, or bad (UNPARSEABLE raised here). `who` names
   * the row (`subject(...)`), `field` what the cell is.
   */
  number(ref: CellRef | undefined, who: Params, field: Field): ReadNumber {
    if (!ref || isEmptyMarker(ref.value)) return { kind: 'empty' };
    const p = parsePlainNumber(ref.value, ref.fmt);
    if (!p) {
      this.add('UNPARSEABLE', ref, 'number', { ...who, field, value: String(ref.value) });
      return { kind: 'bad' };
    }
    return { kind: 'ok', value: p.value, decimals: p.decimals, text: show(p.value, p.decimals) };
  }

  /**
   * A reported rate, in percent. A bare number is read as a fraction or as percent, whichever
   * agrees with the computed rate (else: a fraction when it is at most 2).
   */
  rate(
    ref: CellRef | undefined,
    computedPercent: Decimal | null,
    id: 'rate' | 'coefficient' = 'rate',
    who: Params = {},
  ): ReadNumber {
    if (!ref || isEmptyMarker(ref.value)) return { kind: 'empty' };
    const p = parseNumber(ref.value, ref.fmt);
    if (!p || (p.rest !== '' && p.rest !== '%') || (p.prefix !== '' && p.prefix !== '-')) {
      this.add('UNPARSEABLE', ref, id, { ...who, value: String(ref.value) });
      return { kind: 'bad' };
    }
    if (p.percent) return { kind: 'ok', value: p.value, decimals: p.decimals, text: show(p.value, p.decimals) };
    const asFraction = p.value.times(100);
    const fracDecimals = Math.max(0, p.decimals - 2);
    const asPercent = p.value;
    let useFraction = p.value.abs().lte(2);
    if (computedPercent) {
      const f = compareReported(computedPercent, asFraction, fracDecimals, 0) !== 'mismatch';
      const q = compareReported(computedPercent, asPercent, p.decimals, 0) !== 'mismatch';
      if (f !== q) useFraction = f;
    }
    return useFraction
      ? { kind: 'ok', value: asFraction, decimals: fracDecimals, text: show(asFraction, fracDecimals) }
      : { kind: 'ok', value: asPercent, decimals: p.decimals, text: show(asPercent, p.decimals) };
  }

  score(d: Decimal): Decimal {
    return roundHalfUp(d, this.settings.scoreDecimals);
  }

  scoreText(d: Decimal): string {
    return fixed(d, this.settings.scoreDecimals);
  }

  scoreFormat(): string {
    return this.settings.scoreDecimals === 1 ? '0.0' : '0.00';
  }
}

/**
 * Who a finding is about, as message parameters: a label (funds row, indicator or project name) or,
 * for an unnamed row, its 1-based row number.
 */
export function subject(label: string, row?: number, rowKind: 'indicator' | 'row' = 'row'): Params {
  if (label) return { label };
  return row === undefined ? {} : { row: String(row + 1), rowKind };
}

export function show(d: Decimal, decimals: number): string {
  return d.toFixed(Math.max(0, decimals));
}

export function cellText(ref: CellRef | undefined): string | null {
  if (!ref || isEmptyMarker(ref.value)) return null;
  return String(ref.value).trim();
}

/** Was the cell written as a plain number in percent units (95.44 rather than 0.9544 / 95.44%)? */
export function ratePercentUnits(ref: CellRef, reported: ReadNumber): boolean {
  if (reported.kind !== 'ok' || typeof ref.value !== 'number') return false;
  if (ref.fmt && ref.fmt.includes('%')) return false;
  return reported.value.eq(parseNumber(ref.value)!.value);
}

/** Amounts (万元) in the report: at least 2 decimals, more when written with more (12594.40, 89.974). */
export function amountText(r: ReadNumber): string | null {
  return r.kind === 'ok' ? r.value.toFixed(Math.max(2, r.value.decimalPlaces())) : null;
}
