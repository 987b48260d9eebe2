/** One indicator row: quantitative (by operator), date, or qualitative; its score against the reported one. */
import Decimal from 'decimal.js';
import { a1 } from '../address';
import { IndicatorModel } from '../model';
import { IndicatorResult } from '../result';
import { scoreExact } from '../rules/indicators/exact';
import { dateMet } from '../rules/indicators/date';
import { scorePositive } from '../rules/indicators/positive';
import { BAND_RANGE, bandOf, inBand } from '../rules/indicators/qualitative';
import { scoreReverse } from '../rules/indicators/reverse';
import { QuantScore } from '../rules/indicators/types';
import { deviation, overachievementFactor } from '../rules/overachievement';
import { YITIHUA_DEDUCTION, YITIHUA_DEVIATION } from '../rules/yitihua';
import { compact } from '../text';
import { formatDate, onTimeWords, parseDateText } from '../values/date';
import { IndicatorValue, readIndicatorValue } from '../values/indicator-value';
import { fixed } from '../values/number';
import { Operator, isReverse, operatorCell } from '../values/operator';
import { cleanUnit, conversion } from '../values/unit';
import { compareScore } from './funds';
import { Params } from '../messages/findings';
import { TableContext, cellText, subject } from './context';

export interface IndicatorOutcome {
  result: IndicatorResult;
  weight: Decimal | null;
  /** What counts in the total: the rounded computed score, or the kept reported one (0 when empty). */
  score: Decimal;
}

function valueText(v: IndicatorValue): string | null {
  if (v.kind === 'empty') return null;
  if (v.kind === 'number') return v.value.toFixed();
  if (v.kind === 'date') return formatDate(v.date);
  return v.text;
}

export function checkIndicator(ind: IndicatorModel, ctx: TableContext): IndicatorOutcome {
  const who = subject(ind.name, ind.row, 'indicator');
  const w = ctx.number(ind.weight, who, 'weight');
  const weight = w.kind === 'ok' ? w.value : null;
  const reported = ctx.number(ind.score, who, 'score');
  const kept = reported.kind === 'ok' ? reported.value : new Decimal(0);
  const target = readIndicatorValue(ind.target?.value ?? null, ind.target?.fmt);
  let actual = readIndicatorValue(ind.actual?.value ?? null, ind.actual?.fmt);
  // 安全事故 ≤0次, actual 无: "none" is the count 0, not a missing value.
  if (
    actual.kind === 'empty' &&
    typeof ind.actual?.value === 'string' &&
    /^(无|没有|零)$/.test(compact(ind.actual.value)) &&
    target.kind === 'number' &&
    target.value.isZero()
  ) {
    actual = { kind: 'number', value: new Decimal(0), unit: '', bare: false, operator: null, text: '无' };
  }
  const opCellText = cellText(ind.operator);
  let op: Operator | null = opCellText ? operatorCell(compact(opCellText)) : null;
  if (!op && target.kind !== 'empty' && target.kind !== 'text') op = target.operator;
  if (!op && target.kind === 'text' && target.operator === '定性') op = '定性';
  const unitCol = cleanUnit(cellText(ind.unit) ? compact(cellText(ind.unit)!) : '');
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
    unit: (target.kind === 'number' && target.unit) || unitCol || null,
    score: ind.score
      ? {
          cell: a1(ind.score.row, ind.score.col),
          weight: weight ? weight.toFixed() : undefined,
          computed: null,
          reported: reported.kind === 'ok' ? reported.text : null,
        }
      : null,
  };
  const out: IndicatorOutcome = { result, weight, score: kept };
  const keptText = reported.kind === 'ok' ? reported.text : '0';

  if (actual.kind === 'empty') {
    if (ind.actual) {
      if (kept.gt(0)) ctx.add('ACTUAL_MISSING', ind.actual, 'scored', { ...who, score: keptText });
      else ctx.add('ACTUAL_MISSING', ind.actual, 'default', who);
    }
    return out;
  }
  if (qualitative) return qualitativeIndicator(ind, ctx, who, actual, weight, reported, out);
  if (target.kind === 'date') {
    let met: boolean | null = null;
    if (actual.kind === 'date') met = dateMet(target.date, actual.date);
    else if (actual.kind === 'text' && parseDateText(actual.text))
      met = dateMet(target.date, parseDateText(actual.text)!);
    else if (actual.kind === 'text') met = onTimeWords(actual.text);
    if (met === null) {
      ctx.add('UNPARSEABLE', ind.actual!, 'date', {
        ...who,
        actual: valueText(actual) ?? '',
        deadline: formatDate(target.date),
      });
      return out;
    }
    if (!met) {
      ctx.add('DATE_NOT_MET', ind.actual!, 'default', {
        ...who,
        actual: valueText(actual) ?? '',
        deadline: formatDate(target.date),
      });
    }
    if (weight === null || !ind.score) return out;
    const computed = met ? weight : new Decimal(0);
    finishScore(ctx, ind, who, computed, weight, reported, { onTime: met ? 'yes' : 'no' }, out);
    return out;
  }
  if (target.kind !== 'number') {
    ctx.add('UNPARSEABLE', ind.target ?? ind.actual!, 'target', who);
    return out;
  }
  if (actual.kind !== 'number') {
    ctx.add('UNPARSEABLE', ind.actual!, 'actual', {
      ...who,
      actual: valueText(actual) ?? '',
      target: target.value.toFixed(),
    });
    return out;
  }
  // Units: both sides in the target's unit; a percentage written 0.95 is 95%.
  const tu = target.unit || unitCol;
  const au = actual.unit || unitCol;
  let a = actual.value;
  let t = target.value;
  const pct = (u: string) => u === '%' || u === '';
  if (tu === '%' && pct(au) && actual.bare && a.abs().lte(1) && t.abs().gt(1)) a = a.times(100);
  if (au === '%' && pct(tu) && target.bare && t.abs().lte(1) && a.abs().gt(1)) t = t.times(100);
  const factor = conversion(au, tu);
  if (!factor) {
    ctx.add('UNIT_MISMATCH', ind.actual!, 'default', { ...who, actualUnit: au, targetUnit: tu });
    return out;
  }
  a = a.times(factor);
  if (!op) {
    ctx.add('OPERATOR_MISSING', ind.target!, 'default', who);
    op = '≥';
    result.operator = null;
  }
  if (weight === null) return out;
  const reverse = isReverse(op);
  let q: QuantScore;
  if (op === '=') q = scoreExact(t, a, weight);
  else if (reverse) q = scoreReverse(t, a, weight, op === '<');
  else q = scorePositive(t, a, weight, op === '>');
  let computed = q.score;
  const how: Record<string, string> = { formula: q.formula };
  if (q.met && op !== '=') {
    const dev = deviation(t, a, reverse);
    const threshold = new Decimal(ctx.settings.overachieveThreshold).div(100);
    if (dev && dev.gt(threshold)) {
      const reason = cellText(ind.reason);
      ctx.add(
        'OVERACHIEVED',
        ind.actual!,
        'default',
        {
          ...who,
          actual: a.toFixed(),
          target: t.toFixed(),
          deviation: fixed(dev.times(100), 0),
          threshold: String(ctx.settings.overachieveThreshold),
          ...(reason ? { reason: 'yes' } : {}),
        },
        reason ? 'info' : 'warning',
      );
      if (ctx.settings.deductOverachievement) {
        computed = computed.times(overachievementFactor(dev, threshold));
        how.overDeduct = 'yes';
      }
    }
    if (ctx.settings.preset === 'yitihua' && dev && dev.gte(YITIHUA_DEVIATION)) {
      computed = Decimal.max(0, computed.minus(YITIHUA_DEDUCTION));
      how.yitihuaDeduct = String(YITIHUA_DEDUCTION);
    }
  }
  if (!q.met && ind.reason && cellText(ind.reason) === null) {
    ctx.add('UNMET_NO_REASON', ind.reason, 'default', {
      ...who,
      actual: a.toFixed(),
      operator: op,
      target: t.toFixed(),
    });
  }
  if (!ind.score) return out;
  finishScore(ctx, ind, who, computed, weight, reported, how, out);
  return out;
}

function finishScore(
  ctx: TableContext,
  ind: IndicatorModel,
  who: Params,
  computed: Decimal,
  weight: Decimal,
  reported: ReturnType<TableContext['number']>,
  how: Params,
  out: IndicatorOutcome,
): void {
  out.score = ctx.score(computed);
  out.result.score!.computed = ctx.scoreText(computed);
  compareScore(ctx, ind.score!, who, computed, weight, reported, how);
}

function qualitativeIndicator(
  ind: IndicatorModel,
  ctx: TableContext,
  who: Params,
  actual: IndicatorValue,
  weight: Decimal | null,
  reported: ReturnType<TableContext['number']>,
  out: IndicatorOutcome,
): IndicatorOutcome {
  const text = valueText(actual) ?? '';
  const band = bandOf(compact(text));
  if (!band) {
    ctx.add('QUALITATIVE_UNKNOWN', ind.actual!, 'default', { ...who, text });
  }
  if (!ind.score || reported.kind === 'bad') return out;
  if (reported.kind === 'empty') {
    ctx.add(
      'QUALITATIVE_UNSCORED',
      ind.score,
      'default',
      band && weight
        ? {
            ...who,
            band,
            low: weight.times(BAND_RANGE[band][0]).toFixed(),
            high: weight.times(BAND_RANGE[band][1]).toFixed(),
          }
        : who,
    );
    return out;
  }
  if (weight === null) return out;
  if (reported.value.gt(weight)) {
    ctx.add('SCORE_OVER_WEIGHT', ind.score, 'qualitative', {
      ...who,
      reported: reported.text,
      weight: weight.toFixed(),
    });
    return out;
  }
  if (band && !inBand(reported.value, weight, band)) {
    const [lo, hi] = BAND_RANGE[band];
    ctx.add('QUALITATIVE_OUT_OF_BAND', ind.score, 'default', {
      ...who,
      text,
      band,
      low: weight.times(lo).toFixed(),
      high: weight.times(hi).toFixed(),
      reported: reported.text,
    });
  }
  return out;
}
