/** A project or department table: funds, indicators, weights, total and grade. */
import Decimal from 'decimal.js';
import { a1, rangeA1 } from '../address';
import { ProjectModel } from '../model';
import { TableCheck } from '../result';
import { Settings } from '../settings';
import { gradeInWording, gradeOf, parseGrade } from '../rules/grade';
import { compareReported, roundHalfUp } from '../rules/rounding';
import { totalCap } from '../rules/yitihua';
import { fixed } from '../values/number';
import { TableContext, cellText, subject } from './context';
import { checkFunds } from './funds';
import { checkIndicator } from './indicator';

export function checkProject(m: ProjectModel, settings: Settings): TableCheck {
  const ctx = new TableContext(m.sheet.name, settings);
  const funds = checkFunds(m, ctx);
  const indicators = [];
  let indicatorSum = new Decimal(0);
  let indicatorWeights = new Decimal(0);
  const blockWeights = new Map<string, Decimal>();
  const ih = m.indicatorHeader;
  const canScore = ih && !ih.missing.includes('完成值') && !ih.missing.includes('指标值');
  if (ih && ih.missing.length) {
    ctx.add('COLUMN_MISSING', ih, 'default', { block: 'indicators', columns: ih.missing.join('、') });
  }
  for (const ind of m.indicators) {
    if (!canScore) {
      const r = ctx.number(ind.score, subject(ind.name, ind.row, 'indicator'), 'score');
      if (r.kind === 'ok') indicatorSum = indicatorSum.plus(r.value);
      const w = ctx.number(ind.weight, subject(ind.name, ind.row, 'indicator'), 'weight');
      if (w.kind === 'ok') indicatorWeights = indicatorWeights.plus(w.value);
      continue;
    }
    const o = checkIndicator(ind, ctx);
    indicators.push(o.result);
    indicatorSum = indicatorSum.plus(o.score);
    if (o.weight) {
      indicatorWeights = indicatorWeights.plus(o.weight);
      blockWeights.set(ind.level1Key, (blockWeights.get(ind.level1Key) ?? new Decimal(0)).plus(o.weight));
    }
  }

  // Weights: 100 in all, and each stated （N分） block.
  // Counted only when the funds block is scored (it has a score column).
  const fundsWeight = funds.weight ?? new Decimal(0);
  const weightSum = fundsWeight.plus(indicatorWeights);
  const totalWeightCell = m.total?.weight;
  const reportedTotalWeight = ctx.number(totalWeightCell, {}, 'totalWeight');
  if (m.indicators.length) {
    const target = new Decimal(100);
    const off = !weightSum.eq(target);
    const cellOff = reportedTotalWeight.kind === 'ok' && !reportedTotalWeight.value.eq(target);
    const where = totalWeightCell ?? m.indicatorsLabel ?? m.indicatorHeader;
    if ((off || cellOff) && where) {
      ctx.add('WEIGHT_SUM', where, 'total', {
        sum: weightSum.toFixed(),
        ...(reportedTotalWeight.kind === 'ok' ? { reported: reportedTotalWeight.text } : {}),
      });
    }
  }
  if (m.fundsLabel && funds.weight && !funds.weight.eq(m.fundsLabel.weight)) {
    ctx.add('WEIGHT_SUM', m.fundsLabel, 'funds', { stated: String(m.fundsLabel.weight), sum: funds.weight.toFixed() });
  }
  if (m.indicatorsLabel && canScore && !indicatorWeights.eq(m.indicatorsLabel.weight)) {
    ctx.add('WEIGHT_SUM', m.indicatorsLabel, 'indicators', {
      stated: String(m.indicatorsLabel.weight),
      sum: indicatorWeights.toFixed(),
    });
  }
  for (const [key, stated] of m.level1Weights) {
    const sum = blockWeights.get(key) ?? new Decimal(0);
    if (!sum.eq(stated.weight)) {
      ctx.add('WEIGHT_SUM', stated, 'level1', { stated: String(stated.weight), sum: sum.toFixed() });
    }
  }

  // Total and grade.
  let total = (funds.score ?? new Decimal(0)).plus(indicatorSum);
  if (settings.preset === 'yitihua' && funds.rate) {
    const cap = totalCap(funds.rate);
    if (cap && total.gt(cap)) {
      if (m.total?.score) {
        ctx.add('TOTAL_CAPPED', m.total.score, 'default', {
          rate: fixed(funds.rate.times(100), 2),
          cap: String(cap),
          total: ctx.scoreText(total),
        });
      }
      total = cap;
    }
  }
  let totalFigure = null;
  if (m.total?.score) {
    const ref = m.total.score;
    const reported = ctx.number(ref, {}, 'total');
    totalFigure = {
      cell: a1(ref.row, ref.col),
      weight: weightSum.toFixed(),
      computed: ctx.scoreText(total),
      reported: reported.kind === 'ok' ? reported.text : null,
    };
    if (reported.kind === 'empty') ctx.write(ref, total.toNumber(), ctx.scoreFormat());
    else if (reported.kind === 'ok') {
      // The total is a sum of rounded scores: a total kept at more decimals (a SUM of unrounded formula
      // scores, 99.5438…) is read at the score decimals, as its cell shows it.
      const sd = settings.scoreDecimals;
      const cmp =
        reported.decimals > sd
          ? compareReported(total, roundHalfUp(reported.value, sd), sd)
          : compareReported(total, reported.value, reported.decimals);
      if (cmp !== 'agree') {
        const params = { total: ctx.scoreText(total), reported: reported.text };
        if (cmp === 'rounding') ctx.add('ROUNDING', ref, 'total', params);
        else ctx.add('TOTAL_MISMATCH', ref, 'default', params);
      }
      if (!total.eq(reported.value)) ctx.write(ref, total.toNumber(), ctx.scoreFormat(), cmp === 'agree');
    }
  }
  const grade = gradeOf(total, settings);
  let gradeFigure = null;
  if (m.grade) {
    const text = cellText(m.grade);
    const reportedGrade = text ? parseGrade(text) : null;
    gradeFigure = { cell: a1(m.grade.row, m.grade.col), computed: grade, reported: text };
    if (text && reportedGrade !== grade) {
      ctx.add('GRADE_MISMATCH', m.grade, 'default', { total: ctx.scoreText(total), grade, reportedGrade: text });
    }
    if (reportedGrade !== grade) ctx.write(m.grade, gradeInWording(grade, text));
  }

  // Targets met with the money unspent.
  if (funds.rate && funds.rateCell && indicatorWeights.gt(0)) {
    if (funds.rate.lt('0.8') && indicatorSum.gte(indicatorWeights.times('0.95'))) {
      ctx.add('EXECUTION_OUTCOME_GAP', funds.rateCell, 'default', {
        rate: fixed(funds.rate.times(100), 2),
        score: indicatorSum.toFixed(),
        weight: indicatorWeights.toFixed(),
      });
    }
  }

  return {
    result: {
      sheet: m.sheet.name,
      kind: m.kind,
      range: rangeA1(m.range),
      name: m.name,
      funds: funds.rows,
      indicators,
      total: totalFigure,
      grade: gradeFigure,
      rows: [],
    },
    findings: ctx.findings,
    writes: ctx.writes,
  };
}
