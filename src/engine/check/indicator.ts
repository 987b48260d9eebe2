/**
 * One indicator row, in phases that read top to bottom:
 *   readIndicator   — the cells as values: weight, reported score, target (the adjusted one wins), actual, operator;
 *   checkIndicator  — no actual → qualitative → date → quantitative;
 *   quantitative    — numbers, units, direction, the score by operator and profile, over-achievement,
 *                     the reason, 预算执行率 against the funds block;
 *   finishScore     — deduction, the reported score, the coefficient.
 */
import Decimal from 'decimal.js';
import { a1 } from '../address';
import { CellRef, IndicatorModel } from '../model';
import { IndicatorResult } from '../result';
import { scoreExact } from '../rules/indicators/exact';
import { dateMet } from '../rules/indicators/date';
import { scorePositive } from '../rules/indicators/positive';
import { Band, bandOf, bandRange, inBand } from '../rules/indicators/qualitative';
import { scoreReverse } from '../rules/indicators/reverse';
import { QuantScore } from '../rules/indicators/types';
import { deviation, overachievementFactor } from '../rules/overachievement';
import { compareReported } from '../rules/rounding';
import { deviationDeduction } from '../rules/yitihua';
import { compact } from '../text';
import { formatDate, onTimeWords, parseDateText } from '../values/date';
import { IndicatorValue, readIndicatorValue } from '../values/indicator-value';
import { fixed, isEmptyMarker } from '../values/number';
import { Operator, isReverse, operatorCell } from '../values/operator';
import { cleanUnit, conversion } from '../values/unit';
import { compareScore } from './funds';
import { Params, dateParam } from '../messages/findings';
import { ReadNumber, TableContext, cellText, subject } from './context';

/** What the whole table tells an indicator: directions stated anywhere, the funds rate, deductions. */
export interface IndicatorEnv {
  /** Some indicator of the table states a direction (≥ ≤ = …). */
  statesDirection: boolean;
  /** The table states none: one OPERATOR_MISSING (info) for the table, raised once. */
  directionInfoRaised: boolean;
  /** The funds block's rate in percent (unrounded), when it computes one. */
  fundsPercent: Decimal | null;
  /** The score column is before deductions (`不包含扣减分数`). */
  scoreExcludesDeduction: boolean;
}

export interface IndicatorOutcome {
  result: IndicatorResult;
  weight: Decimal | null;
  /** What counts in the total: the rounded computed score, or the kept reported one (0 when empty), less deductions. */
  score: Decimal;
  /** Whether the indicator met its target (null when that cannot be told). */
  met: boolean | null;
}

/** An indicator's cells read as values. */
export interface IndicatorInput {
  ind: IndicatorModel;
  /** Who the messages are about (`subject(...)`). */
  who: Params;
  weight: Decimal | null;
  reported: ReadNumber;
  target: IndicatorValue;
  /** The target cell in force: 调整指标值 when filled, else the initial one. */
  targetRef?: CellRef;
  actual: IndicatorValue;
  op: Operator | null;
  unitCol: string;
  /** 扣减分数 (0 when none). */
  deduction: Decimal;
}

const ZERO = new Decimal(0);
/** Bands as the message catalogue's ids. */
const BAND_ID: Record<Band, string> = { 达成: 'met', 部分达成: 'partly', 未达成: 'unmet' };
const ONE = new Decimal(1);

function valueText(v: IndicatorValue): string | null {
  if (v.kind === 'empty') return null;
  if (v.kind === 'number') return v.value.toFixed();
  if (v.kind === 'date') return formatDate(v.date);
  return v.text;
}

/** Phase 1: the cells as values (the reported score and weight raise UNPARSEABLE here). */
export function readIndicator(ind: IndicatorModel, ctx: TableContext): IndicatorInput {
  const who = subject(ind.name, ind.row, 'indicator');
  const w = ctx.number(ind.weight, who, 'weight');
  const reported = ctx.number(ind.score, who, 'score');
  const adjusted = ind.adjustedTarget && !isEmptyMarker(ind.adjustedTarget.value) ? ind.adjustedTarget : undefined;
  const targetRef = adjusted ?? ind.target;
  const target = readIndicatorValue(targetRef?.value ?? null, targetRef?.fmt);
  let actual = readIndicatorValue(ind.actual?.value ?? null, ind.actual?.fmt);
  // 安全事故 ≤0次, actual 无 / 没有 / 零: "none" is the count 0, not a missing value (无 reads as empty, the others as text).
  if (
    (actual.kind === 'empty' || actual.kind === 'text') &&
    typeof ind.actual?.value === 'string' &&
    /^(无|没有|零)$/.test(compact(ind.actual.value)) &&
    target.kind === 'number' &&
    target.value.isZero()
  ) {
    actual = { kind: 'number', value: new Decimal(0), unit: '', bare: false, operator: null, text: '无', decimals: 0 };
  }
  const opCellText = cellText(ind.operator);
  let op: Operator | null = opCellText ? operatorCell(compact(opCellText)) : null;
  if (!op && target.kind !== 'empty' && target.kind !== 'text') op = target.operator;
  if (!op && target.kind === 'text' && target.operator === '定性') op = '定性';
  const unitText = cellText(ind.unit);
  const d = ind.deduction ? ctx.number(ind.deduction, who, 'deduction') : null;
  return {
    deduction: d && d.kind === 'ok' ? d.value.abs() : ZERO,
    ind,
    who,
    weight: w.kind === 'ok' ? w.value : null,
    reported,
    target,
    targetRef,
    actual,
    op,
    unitCol: cleanUnit(unitText ? compact(unitText) : ''),
  };
}

/** Does the input state a direction (an operator other than 定性)? */
export function statesDirection(x: IndicatorInput): boolean {
  return x.op !== null && x.op !== '定性';
}

/** A 预算执行率 indicator: scored as positive, its actual checked against the funds block. */
function isExecutionIndicator(name: string): boolean {
  const c = compact(name); // `预算执行\n率`: a name broken over two lines in its cell
  return c.includes('执行率') && /^(预算|资金|项目资金|部门预算)?执行率$|^预算执行率/.test(c);
}

export function checkIndicator(x: IndicatorInput, ctx: TableContext, env: IndicatorEnv): IndicatorOutcome {
  const { ind, target, actual, op, weight, reported } = x;
  const qualitative = op === '定性' || target.kind === 'text';
  const result: IndicatorResult = {
    row: ind.row + 1,
    level1: ind.level1,
    level2: ind.level2,
    name: ind.name,
    type: qualitative ? 'qualitative' : target.kind === 'date' ? 'date' : 'quantitative',
    operator: op,
    target: valueText(target),
    actual: valueText(actual),
    unit: (target.kind === 'number' && target.unit) || x.unitCol || null,
    score: ind.score
      ? {
          cell: a1(ind.score.row, ind.score.col),
          weight: weight ? weight.toFixed() : undefined,
          computed: null,
          reported: reported.kind === 'ok' ? reported.text : null,
        }
      : null,
  };
  const kept = reported.kind === 'ok' ? reported.value : ZERO;
  const out: IndicatorOutcome = { result, weight, score: deducted(kept, x, env), met: null };
  if (actual.kind === 'empty') {
    missingActual(x, ctx, kept);
    return out;
  }
  if (qualitative) qualitativeIndicator(x, ctx, env, out);
  else if (target.kind === 'date') dateIndicator(x, ctx, env, out);
  else quantitative(x, ctx, env, out);
  return out;
}

function missingActual(x: IndicatorInput, ctx: TableContext, kept: Decimal): void {
  if (!x.ind.actual) return;
  if (kept.gt(0) && x.reported.kind === 'ok') {
    ctx.add('ACTUAL_MISSING', x.ind.actual, 'scored', { ...x.who, score: x.reported.text });
  } else ctx.add('ACTUAL_MISSING', x.ind.actual, 'default', x.who);
}

function dateIndicator(x: IndicatorInput, ctx: TableContext, env: IndicatorEnv, out: IndicatorOutcome): void {
  const { ind, who, actual } = x;
  if (x.target.kind !== 'date') return;
  const due = x.target.date;
  let met: boolean | null = null;
  if (actual.kind === 'date') met = dateMet(due, actual.date);
  else if (actual.kind === 'text' && parseDateText(actual.text)) met = dateMet(due, parseDateText(actual.text)!);
  else if (actual.kind === 'text') met = onTimeWords(actual.text);
  out.met = met;
  if (met === null) {
    ctx.add('UNPARSEABLE', ind.actual!, 'date', { ...who, actual: valueText(actual) ?? '', deadline: dateParam(due) });
    return;
  }
  if (!met) {
    ctx.add('DATE_NOT_MET', ind.actual!, 'default', {
      ...who,
      ...(actual.kind === 'date' ? { actualDate: dateParam(actual.date) } : { actual: valueText(actual) ?? '' }),
      deadline: dateParam(due),
    });
  }
  if (x.weight === null) return;
  const computed = met ? x.weight : new Decimal(0);
  if (!met) reasonRequired(x, ctx, 'late', { deadline: dateParam(due) });
  else if (ctx.settings.reasonRequired === 'below-weight') belowWeightReason(x, ctx, computed, env);
  if (ind.score) finishScore(x, ctx, env, computed, { onTime: met ? 'yes' : 'no' }, out);
}

/** Both numbers in the target's unit: a percentage written 0.95 is 95%; 万/亿 prefixes convert. */
function sameUnit(
  x: IndicatorInput,
  ctx: TableContext,
  t0: Decimal,
  a0: Decimal,
): { t: Decimal; a: Decimal; unit: string } | null {
  const target = x.target as Extract<IndicatorValue, { kind: 'number' }>;
  const actual = x.actual as Extract<IndicatorValue, { kind: 'number' }>;
  const tu = target.unit || x.unitCol;
  const au = actual.unit || x.unitCol;
  let a = a0;
  let t = t0;
  const pct = (u: string) => u === '%' || u === '';
  if (tu === '%' && pct(au) && actual.bare && a.abs().lte(1) && t.abs().gt(1)) a = a.times(100);
  if (au === '%' && pct(tu) && target.bare && t.abs().lte(1) && a.abs().gt(1)) t = t.times(100);
  const factor = conversion(au, tu);
  if (!factor) {
    ctx.add('UNIT_MISMATCH', x.ind.actual!, 'default', { ...x.who, actualUnit: au, targetUnit: tu });
    return null;
  }
  return { t, a: a.times(factor), unit: tu };
}

/**
 * The direction: stated, or `≥`. OPERATOR_MISSING (warning) only where the direction changes the score
 * (a ≠ t); a table that states no direction anywhere gets one info on its first target instead.
 */
function direction(x: IndicatorInput, ctx: TableContext, env: IndicatorEnv, t: Decimal, a: Decimal): Operator {
  if (x.op) return x.op;
  if (isExecutionIndicator(x.ind.name)) return '≥';
  const where = x.targetRef ?? x.ind.actual!;
  if (!env.statesDirection) {
    if (!env.directionInfoRaised) {
      env.directionInfoRaised = true;
      ctx.add('OPERATOR_MISSING', where, 'table', {}, 'info');
    }
    return '≥';
  }
  if (!a.eq(t)) {
    ctx.add('OPERATOR_MISSING', where, 'default', x.who);
  }
  return '≥';
}

function scoreByOperator(op: Operator, t: Decimal, a: Decimal, w: Decimal, ctx: TableContext): QuantScore {
  if (op === '=') return scoreExact(t, a, w, ctx.settings.exactFormula);
  if (isReverse(op)) return scoreReverse(t, a, w, op === '<', ctx.settings.reverseFormula);
  return scorePositive(t, a, w, op === '>');
}

function quantitative(x: IndicatorInput, ctx: TableContext, env: IndicatorEnv, out: IndicatorOutcome): void {
  const { ind, who, target, actual } = x;
  if (target.kind !== 'number') {
    ctx.add('UNPARSEABLE', x.targetRef ?? ind.actual!, 'target', who);
    return;
  }
  if (actual.kind !== 'number') {
    ctx.add('UNPARSEABLE', ind.actual!, 'actual', {
      ...who,
      actual: valueText(actual) ?? '',
      target: target.value.toFixed(),
    });
    return;
  }
  executionIndicator(x, ctx, env, actual);
  const units = sameUnit(x, ctx, target.value, actual.value);
  if (!units) return;
  const { t, a } = units;
  const op = direction(x, ctx, env, t, a);
  // Without a weight of its own (goal groups) an indicator is only met or not.
  const q = scoreByOperator(op, t, a, x.weight ?? ONE, ctx);
  out.met = q.met;
  if (x.weight === null) return;
  let computed = q.score;
  let how: Record<string, string> = { formula: q.formula };
  if (q.met && op !== '=') {
    const adjusted = overachievement(x, ctx, t, a, isReverse(op), computed, how);
    computed = adjusted.score;
    how = adjusted.how;
  }
  if (!q.met) {
    reasonRequired(x, ctx, 'default', { actual: a.toFixed(), operator: op, target: t.toFixed() });
  } else if (ctx.settings.reasonRequired === 'below-weight') belowWeightReason(x, ctx, computed, env);
  if (!ind.score) return;
  finishScore(x, ctx, env, computed, how, out);
}

/** OVERACHIEVED, the optional deduction for it, and a profile's points off far beyond the target. */
function overachievement(
  x: IndicatorInput,
  ctx: TableContext,
  t: Decimal,
  a: Decimal,
  reverse: boolean,
  score: Decimal,
  how: Record<string, string>,
): { score: Decimal; how: Record<string, string> } {
  const dev = deviation(t, a, reverse);
  const threshold = new Decimal(ctx.settings.overachieveThreshold).div(100);
  if (dev && dev.gt(threshold)) {
    const reason = cellText(x.ind.reason);
    ctx.add(
      'OVERACHIEVED',
      x.ind.actual!,
      'default',
      {
        ...x.who,
        actual: a.toFixed(),
        target: t.toFixed(),
        deviation: fixed(dev.times(100), 0),
        threshold: String(ctx.settings.overachieveThreshold),
        ...(reason ? { reason: 'yes' } : {}),
      },
      reason ? 'info' : 'warning',
    );
    if (ctx.settings.deductOverachievement) {
      score = score.times(overachievementFactor(dev, threshold));
      how = { ...how, overDeduct: 'yes' };
    }
  }
  const off = deviationDeduction(dev, ctx.settings);
  if (off.gt(0)) {
    score = Decimal.max(0, score.minus(off));
    how = { ...how, yitihuaDeduct: off.toFixed(), devPercent: ctx.settings.overDeviation!.percent };
  }
  return { score, how };
}

/** UNMET_NO_REASON: the target is missed (or the score is below the weight) and the reason cell is empty. */
function reasonRequired(
  x: IndicatorInput,
  ctx: TableContext,
  id: 'default' | 'late' | 'belowWeight',
  params: Record<string, string>,
): void {
  if (!x.ind.reason || cellText(x.ind.reason) !== null) return;
  ctx.add('UNMET_NO_REASON', x.ind.reason, id, { ...x.who, ...params });
}

/** Profiles whose every score below its weight needs a reason (fasp). */
function belowWeightReason(x: IndicatorInput, ctx: TableContext, score: Decimal, env: IndicatorEnv): void {
  if (x.weight === null) return;
  const final = deducted(ctx.score(score), x, env, true);
  if (final.lt(x.weight)) {
    reasonRequired(x, ctx, 'belowWeight', { score: ctx.scoreText(final), weight: x.weight.toFixed() });
  }
}

/** A score less the deduction, never below 0 (`always` also where the score column already has it taken off). */
function deducted(score: Decimal, x: IndicatorInput, env: IndicatorEnv, always = false): Decimal {
  if (x.deduction.isZero() || (!env.scoreExcludesDeduction && !always)) return score;
  return Decimal.max(0, score.minus(x.deduction));
}

/** The reported score against the computed one (after the deduction when the column includes it), and the coefficient. */
function finishScore(
  x: IndicatorInput,
  ctx: TableContext,
  env: IndicatorEnv,
  computed: Decimal,
  how: Record<string, string>,
  out: IndicatorOutcome,
): void {
  const off = x.deduction;
  // The score column holds the score before deductions when it says so, else after them.
  let shown = computed;
  if (off.gt(0) && !env.scoreExcludesDeduction) {
    shown = Decimal.max(0, computed.minus(off));
    how = { ...how, deduct: off.toFixed() };
  }
  const rounded = ctx.score(shown);
  out.score = env.scoreExcludesDeduction ? Decimal.max(0, rounded.minus(off)) : rounded;
  out.result.score!.computed = ctx.scoreText(shown);
  compareScore(ctx, x.ind.score!, x.who, shown, x.weight!, x.reported, how);
  coefficient(x, ctx, shown);
}

/** 得分系数（%）: score ÷ weight in percent, compared at the decimals the cell shows. */
function coefficient(x: IndicatorInput, ctx: TableContext, score: Decimal | null): void {
  const ref = x.ind.coefficient;
  if (!ref || x.weight === null || x.weight.isZero()) return;
  const s = score ?? (x.reported.kind === 'ok' ? x.reported.value : null);
  if (s === null) return;
  const percent = s.div(x.weight).times(100);
  // The shown score may be rounded: the exact or the rounded score's share may be what the cell shows
  // (a bare number is read as a fraction or as percent, whichever agrees).
  const byRounded = ctx.score(s).div(x.weight).times(100);
  let reported: ReadNumber = { kind: 'empty' };
  for (const p of [percent, byRounded]) {
    reported = ctx.rate(ref, p, 'coefficient', x.who);
    if (reported.kind !== 'ok') return;
    if (compareReported(p, reported.value, reported.decimals, 0) !== 'mismatch') return;
  }
  if (reported.kind !== 'ok') return;
  ctx.add('COEFFICIENT_MISMATCH', ref, 'default', {
    ...x.who,
    coefficient: fixed(percent, 2),
    score: ctx.scoreText(s),
    weight: x.weight.toFixed(),
    reported: reported.text,
  });
}

/** EXECUTION_INDICATOR_MISMATCH: a 预算执行率 indicator's actual against the funds block's rate. */
function executionIndicator(
  x: IndicatorInput,
  ctx: TableContext,
  env: IndicatorEnv,
  actual: Extract<IndicatorValue, { kind: 'number' }>,
): void {
  if (!env.fundsPercent || !isExecutionIndicator(x.ind.name) || !x.ind.actual) return;
  const unit = actual.unit || x.unitCol;
  const fraction = unit !== '%' && actual.bare && actual.value.abs().lte(2);
  const percent = fraction ? actual.value.times(100) : actual.value;
  const decimals = fraction ? Math.max(0, actual.decimals - 2) : actual.decimals;
  if (compareReported(env.fundsPercent, percent, decimals, 0) !== 'mismatch') return;
  ctx.add('EXECUTION_INDICATOR_MISMATCH', x.ind.actual, 'default', {
    ...x.who,
    actual: percent.toFixed(decimals),
    rate: fixed(env.fundsPercent, 2),
  });
}

function qualitativeIndicator(x: IndicatorInput, ctx: TableContext, env: IndicatorEnv, out: IndicatorOutcome): void {
  const { ind, who, weight } = x;
  // The band is judged on the score before deductions (a column that includes them gets them back).
  const reported: ReadNumber =
    x.reported.kind === 'ok' && !env.scoreExcludesDeduction && x.deduction.gt(0)
      ? { ...x.reported, value: x.reported.value.plus(x.deduction) }
      : x.reported;
  const text = valueText(x.actual) ?? '';
  const band: Band | null = bandOf(compact(text));
  out.met = band === null ? null : band === '达成';
  const bands = ctx.settings.qualitativeBands;
  if (!band) {
    ctx.add('QUALITATIVE_UNKNOWN', ind.actual!, 'default', { ...who, text });
  }
  if (!ind.score || reported.kind === 'bad') return;
  if (reported.kind === 'empty') {
    const range = band && weight ? bandRange(band, bands) : null;
    ctx.add(
      'QUALITATIVE_UNSCORED',
      ind.score,
      'default',
      range && band && weight
        ? {
            ...who,
            band: BAND_ID[band],
            low: weight.times(range[0]).toFixed(),
            high: weight.times(range[1]).toFixed(),
          }
        : who,
    );
    return;
  }
  if (weight === null) return;
  if (reported.value.gt(weight)) {
    ctx.add('SCORE_OVER_WEIGHT', ind.score, 'qualitative', {
      ...who,
      reported: reported.text,
      weight: weight.toFixed(),
    });
    return;
  }
  if (band && !inBand(reported.value, weight, band, bands)) {
    const [lo, hi] = bandRange(band, bands);
    ctx.add('QUALITATIVE_OUT_OF_BAND', ind.score, 'default', {
      ...who,
      text,
      band: BAND_ID[band],
      low: weight.times(lo).toFixed(),
      high: weight.times(hi).toFixed(),
      reported: reported.text,
    });
  }
  if (ctx.settings.reasonRequired === 'below-weight' && reported.value.lt(weight)) {
    reasonRequired(x, ctx, 'belowWeight', { score: reported.text, weight: weight.toFixed() });
  }
  coefficient(x, ctx, null);
}
