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
import { TableContext, cellText } from './context';
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
    ctx.add(
      'COLUMN_MISSING',
      ih,
      `绩效指标表缺少“${ih.missing.join('、')}”列`,
      `the indicator block lacks the column(s) ${ih.missing.join(', ')}`,
    );
  }
  for (const ind of m.indicators) {
    if (!canScore) {
      const r = ctx.number(ind.score, '得分');
      if (r.kind === 'ok') indicatorSum = indicatorSum.plus(r.value);
      const w = ctx.number(ind.weight, '分值');
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
  const reportedTotalWeight = ctx.number(totalWeightCell, '总分值');
  if (m.indicators.length) {
    const target = new Decimal(100);
    const off = !weightSum.eq(target);
    const cellOff = reportedTotalWeight.kind === 'ok' && !reportedTotalWeight.value.eq(target);
    const where = totalWeightCell ?? m.indicatorsLabel ?? m.indicatorHeader;
    if ((off || cellOff) && where) {
      ctx.add(
        'WEIGHT_SUM',
        where,
        `各项分值合计为 ${weightSum.toFixed()}${reportedTotalWeight.kind === 'ok' ? `，总分值栏为 ${reportedTotalWeight.text}` : ''}，应为 100`,
        `the weights add up to ${weightSum.toFixed()}; they must add up to 100`,
      );
    }
  }
  if (m.fundsLabel && funds.weight && !funds.weight.eq(m.fundsLabel.weight)) {
    ctx.add(
      'WEIGHT_SUM',
      m.fundsLabel,
      `预算执行情况标明 ${m.fundsLabel.weight} 分，分值栏为 ${funds.weight.toFixed()}`,
      `the funds block states ${m.fundsLabel.weight} points but its weight is ${funds.weight.toFixed()}`,
    );
  }
  if (m.indicatorsLabel && canScore && !indicatorWeights.eq(m.indicatorsLabel.weight)) {
    ctx.add(
      'WEIGHT_SUM',
      m.indicatorsLabel,
      `绩效指标标明 ${m.indicatorsLabel.weight} 分，各指标分值合计为 ${indicatorWeights.toFixed()}`,
      `the indicator block states ${m.indicatorsLabel.weight} points; its weights add up to ${indicatorWeights.toFixed()}`,
    );
  }
  for (const [key, stated] of m.level1Weights) {
    const sum = blockWeights.get(key) ?? new Decimal(0);
    if (!sum.eq(stated.weight)) {
      ctx.add(
        'WEIGHT_SUM',
        stated,
        `该一级指标标明 ${stated.weight} 分，其下各指标分值合计为 ${sum.toFixed()}`,
        `the level-1 block states ${stated.weight} points; its weights add up to ${sum.toFixed()}`,
      );
    }
  }

  // Total and grade.
  let total = (funds.score ?? new Decimal(0)).plus(indicatorSum);
  if (settings.preset === 'yitihua' && funds.rate) {
    const cap = totalCap(funds.rate);
    if (cap && total.gt(cap)) {
      if (m.total?.score) {
        ctx.add(
          'TOTAL_CAPPED',
          m.total.score,
          `预算执行率 ${fixed(funds.rate.times(100), 2)}%，总分上限为 ${cap}，由 ${ctx.scoreText(total)} 降为 ${cap}`,
          `execution rate ${fixed(funds.rate.times(100), 2)}% caps the total at ${cap}`,
        );
      }
      total = cap;
    }
  }
  let totalFigure = null;
  if (m.total?.score) {
    const ref = m.total.score;
    const reported = ctx.number(ref, '总分');
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
        ctx.add(
          cmp === 'rounding' ? 'ROUNDING' : 'TOTAL_MISMATCH',
          ref,
          `总分应为 ${ctx.scoreText(total)}（各项得分之和），表内为 ${reported.text}`,
          `the total should be ${ctx.scoreText(total)} (the sum of the scores), the cell says ${reported.text}`,
        );
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
      ctx.add(
        'GRADE_MISMATCH',
        m.grade,
        `总分 ${ctx.scoreText(total)} 对应等级“${grade}”，表内为“${text}”`,
        `a total of ${ctx.scoreText(total)} is grade ${grade}; the cell says ${text}`,
      );
    }
    if (reportedGrade !== grade) ctx.write(m.grade, gradeInWording(grade, text));
  }

  // Targets met with the money unspent.
  if (funds.rate && funds.rateCell && indicatorWeights.gt(0)) {
    if (funds.rate.lt('0.8') && indicatorSum.gte(indicatorWeights.times('0.95'))) {
      ctx.add(
        'EXECUTION_OUTCOME_GAP',
        funds.rateCell,
        `预算执行率仅 ${fixed(funds.rate.times(100), 2)}%，绩效指标却得 ${indicatorSum.toFixed()} / ${indicatorWeights.toFixed()} 分：资金未用完而目标全部完成，评审会问原因`,
        `execution is only ${fixed(funds.rate.times(100), 2)}% yet the indicators score ${indicatorSum.toFixed()} of ${indicatorWeights.toFixed()}`,
      );
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
