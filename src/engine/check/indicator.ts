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
import { TableContext, cellText } from './context';

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
  const label = ind.name || `第 ${ind.row + 1} 行指标`;
  const w = ctx.number(ind.weight, `${label}的分值`);
  const weight = w.kind === 'ok' ? w.value : null;
  const reported = ctx.number(ind.score, `${label}的得分`);
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
      ctx.add(
        'ACTUAL_MISSING',
        ind.actual,
        kept.gt(0)
          ? `${label}：没有完成值，却得 ${keptText} 分；请填写完成值或说明理由`
          : `${label}：没有完成值；请填写完成值或说明理由`,
        kept.gt(0)
          ? `${label}: no actual value, yet scored ${keptText}; fill in the value or justify it`
          : `${label}: no actual value; fill in the value or justify it`,
      );
    }
    return out;
  }
  if (qualitative) return qualitativeIndicator(ind, ctx, label, actual, weight, reported, out);
  if (target.kind === 'date') {
    let met: boolean | null = null;
    if (actual.kind === 'date') met = dateMet(target.date, actual.date);
    else if (actual.kind === 'text' && parseDateText(actual.text))
      met = dateMet(target.date, parseDateText(actual.text)!);
    else if (actual.kind === 'text') met = onTimeWords(actual.text);
    if (met === null) {
      ctx.add(
        'UNPARSEABLE',
        ind.actual!,
        `${label}：完成值“${valueText(actual)}”不是日期，无法与时限 ${formatDate(target.date)}前 比较`,
        `${label}: the actual "${valueText(actual)}" is not a date to compare with the deadline`,
      );
      return out;
    }
    if (!met) {
      ctx.add(
        'DATE_NOT_MET',
        ind.actual!,
        `${label}：完成时间 ${valueText(actual)} 晚于目标 ${formatDate(target.date)}，按 0 分计`,
        `${label}: completed ${valueText(actual)}, after the deadline ${formatDate(target.date)}; scores 0`,
      );
    }
    if (weight === null || !ind.score) return out;
    const computed = met ? weight : new Decimal(0);
    finishScore(ctx, ind, label, computed, weight, reported, met ? '按时完成' : '未按时完成', out);
    return out;
  }
  if (target.kind !== 'number') {
    ctx.add(
      'UNPARSEABLE',
      ind.target ?? ind.actual!,
      `${label}：指标值为空或不是数字，无法计分`,
      `${label}: the target is empty or not a number`,
    );
    return out;
  }
  if (actual.kind !== 'number') {
    ctx.add(
      'UNPARSEABLE',
      ind.actual!,
      `${label}：完成值“${valueText(actual)}”不是数字，无法与指标值 ${target.value.toFixed()} 比较`,
      `${label}: the actual "${valueText(actual)}" is not a number`,
    );
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
    ctx.add(
      'UNIT_MISMATCH',
      ind.actual!,
      `${label}：完成值单位“${au}”与指标值单位“${tu}”无法换算`,
      `${label}: the actual's unit "${au}" cannot be converted into the target's "${tu}"`,
    );
    return out;
  }
  a = a.times(factor);
  if (!op) {
    ctx.add(
      'OPERATOR_MISSING',
      ind.target!,
      `${label}：指标值没有写明方向（≥、≤ 或 =），按“≥”计分`,
      `${label}: the target has no operator; scored as ≥`,
    );
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
  let formula = q.formula;
  if (q.met && op !== '=') {
    const dev = deviation(t, a, reverse);
    const threshold = new Decimal(ctx.settings.overachieveThreshold).div(100);
    if (dev && dev.gt(threshold)) {
      const reason = cellText(ind.reason);
      ctx.add(
        'OVERACHIEVED',
        ind.actual!,
        `${label}：完成值 ${a.toFixed()} 超出指标值 ${t.toFixed()} 的 ${fixed(dev.times(100), 0)}%（阈值 ${ctx.settings.overachieveThreshold}%），目标可能定得偏低${reason ? '' : '，请在原因栏说明'}`,
        `${label}: actual ${a.toFixed()} is ${fixed(dev.times(100), 0)}% beyond the target ${t.toFixed()}; the target may have been set too low`,
        reason ? 'info' : 'warning',
      );
      if (ctx.settings.deductOverachievement) {
        computed = computed.times(overachievementFactor(dev, threshold));
        formula = `${formula}，超额扣减`;
      }
    }
    if (ctx.settings.preset === 'yitihua' && dev && dev.gte(YITIHUA_DEVIATION)) {
      computed = Decimal.max(0, computed.minus(YITIHUA_DEDUCTION));
      formula = `${formula} − ${YITIHUA_DEDUCTION}（偏离 ≥ 30%）`;
    }
  }
  if (!q.met && ind.reason && cellText(ind.reason) === null) {
    ctx.add(
      'UNMET_NO_REASON',
      ind.reason,
      `${label}：完成值 ${a.toFixed()} 未达到指标值 ${op}${t.toFixed()}，请填写偏差原因`,
      `${label}: actual ${a.toFixed()} misses the target ${op}${t.toFixed()}; give the reason`,
    );
  }
  if (!ind.score) return out;
  finishScore(ctx, ind, label, computed, weight, reported, formula, out);
  return out;
}

function finishScore(
  ctx: TableContext,
  ind: IndicatorModel,
  label: string,
  computed: Decimal,
  weight: Decimal,
  reported: ReturnType<TableContext['number']>,
  formula: string,
  out: IndicatorOutcome,
): void {
  out.score = ctx.score(computed);
  out.result.score!.computed = ctx.scoreText(computed);
  compareScore(ctx, ind.score!, label, computed, weight, reported, formula);
}

function qualitativeIndicator(
  ind: IndicatorModel,
  ctx: TableContext,
  label: string,
  actual: IndicatorValue,
  weight: Decimal | null,
  reported: ReturnType<TableContext['number']>,
  out: IndicatorOutcome,
): IndicatorOutcome {
  const text = valueText(actual) ?? '';
  const band = bandOf(compact(text));
  if (!band) {
    ctx.add(
      'QUALITATIVE_UNKNOWN',
      ind.actual!,
      `${label}：完成情况“${text}”无法归入达成、部分达成或未达成`,
      `${label}: the actual "${text}" names no band`,
    );
  }
  if (!ind.score || reported.kind === 'bad') return out;
  if (reported.kind === 'empty') {
    ctx.add(
      'QUALITATIVE_UNSCORED',
      ind.score,
      `${label}：定性指标没有得分，需要评价人判断${band && weight ? `（“${band}”对应 ${weight.times(BAND_RANGE[band][0]).toFixed()}–${weight.times(BAND_RANGE[band][1]).toFixed()} 分）` : ''}`,
      `${label}: the qualitative indicator has no score; a person must judge it`,
    );
    return out;
  }
  if (weight === null) return out;
  if (reported.value.gt(weight)) {
    ctx.add(
      'SCORE_OVER_WEIGHT',
      ind.score,
      `${label}：得分 ${reported.text} 超过分值 ${weight.toFixed()}`,
      `${label}: score ${reported.text} is above the weight ${weight.toFixed()}`,
    );
    return out;
  }
  if (band && !inBand(reported.value, weight, band)) {
    const [lo, hi] = BAND_RANGE[band];
    ctx.add(
      'QUALITATIVE_OUT_OF_BAND',
      ind.score,
      `${label}：完成情况“${text}”属于“${band}”，得分应在 ${weight.times(lo).toFixed()}–${weight.times(hi).toFixed()} 之间，表内为 ${reported.text}`,
      `${label}: "${text}" is ${band}; the score should lie in ${weight.times(lo).toFixed()}–${weight.times(hi).toFixed()}, the cell says ${reported.text}`,
    );
  }
  return out;
}
