/**
 * A project or department table, in phases that read top to bottom:
 *   funds → tasks → indicators → goal groups → weights → total → grade → execution/outcome gap.
 */
import Decimal from 'decimal.js';
import { a1, rangeA1 } from '../address';
import { ProjectModel } from '../model';
import { Figure, IndicatorResult, TableCheck, TaskResult } from '../result';
import { Settings } from '../settings';
import { Grade, gradeInWording, gradeOf, parseGrade } from '../rules/grade';
import { compareReported, roundHalfUp } from '../rules/rounding';
import { totalCap } from '../rules/yitihua';
import { fixed, parsePlainNumber } from '../values/number';
import { ReadNumber, TableContext, amountText, cellText, subject } from './context';
import { FundsOutcome, checkFunds } from './funds';
import { IndicatorEnv, IndicatorOutcome, checkIndicator, readIndicator, statesDirection } from './indicator';
import { checkRate } from './rate';

/** The indicators' part of a table: results, the sum that counts in the total, weights per block. */
interface IndicatorsOutcome {
  results: IndicatorResult[];
  outcomes: IndicatorOutcome[];
  sum: Decimal;
  weights: Decimal;
  blockWeights: Map<string, Decimal>;
  /** The indicators could be scored (no target or actual column missing). */
  scored: boolean;
}

export function checkProject(m: ProjectModel, settings: Settings): TableCheck {
  const ctx = new TableContext(m.sheet.name, settings);
  const funds = checkFunds(m, ctx);
  const tasks = checkTasks(m, ctx);
  const ind = checkIndicators(m, ctx, funds);
  const groupWeights = checkGroups(m, ctx, ind);
  const weightSum = checkWeights(m, ctx, funds, ind, groupWeights);
  const total = checkTotal(m, ctx, funds, ind, weightSum);
  const grade = checkGrade(m, ctx, total.value);
  executionOutcomeGap(ctx, funds, ind);
  return {
    result: {
      sheet: m.sheet.name,
      kind: m.kind,
      range: rangeA1(m.range),
      name: m.name,
      funds: funds.rows,
      indicators: ind.results,
      total: total.figure,
      grade,
      rows: [],
      ...(tasks.length ? { tasks } : {}),
    },
    findings: ctx.findings,
    writes: ctx.writes,
  };
}

/** The 年度主要任务 block: a shown rate against 执行数 ÷ 预算数, and nothing else. */
function checkTasks(m: ProjectModel, ctx: TableContext): TaskResult[] {
  const quiet = (ref: { value: unknown; fmt: string | null } | undefined): ReadNumber => {
    const p = ref ? parsePlainNumber(ref.value as never, ref.fmt) : null;
    return p ? { kind: 'ok', value: p.value, decimals: p.decimals, text: p.value.toFixed() } : { kind: 'empty' };
  };
  return m.tasks.map((t) => {
    const budget = quiet(t.budget);
    const executed = quiet(t.executed);
    // No budget/executed cells passed: BUDGET_ZERO and OVERSPENT are not a task list's business.
    const rate =
      t.rate && budget.kind === 'ok' && executed.kind === 'ok'
        ? checkRate(ctx, { who: subject(t.name, t.row), budget, executed, rateRef: t.rate }).figure
        : null;
    return { row: t.row + 1, name: t.name, budget: amountText(budget), executed: amountText(executed), rate };
  });
}

function checkIndicators(m: ProjectModel, ctx: TableContext, funds: FundsOutcome): IndicatorsOutcome {
  const out: IndicatorsOutcome = {
    results: [],
    outcomes: [],
    sum: new Decimal(0),
    weights: new Decimal(0),
    blockWeights: new Map(),
    scored: false,
  };
  const ih = m.indicatorHeader;
  out.scored = !!ih && !ih.missing.includes('完成值') && !ih.missing.includes('指标值');
  if (ih && ih.missing.length) {
    ctx.add('COLUMN_MISSING', ih, 'default', { block: 'indicators', columns: ih.missing.join('、') });
  }
  if (!out.scored) {
    // Nothing to score: the reported scores and weights still count.
    for (const ind of m.indicators) {
      const who = subject(ind.name, ind.row, 'indicator');
      const r = ctx.number(ind.score, who, 'score');
      if (r.kind === 'ok') out.sum = out.sum.plus(r.value);
      const w = ctx.number(ind.weight, who, 'weight');
      if (w.kind === 'ok') out.weights = out.weights.plus(w.value);
    }
    return out;
  }
  const inputs = m.indicators.map((ind) => readIndicator(ind, ctx));
  const env: IndicatorEnv = {
    statesDirection: inputs.some(statesDirection),
    directionInfoRaised: false,
    fundsPercent: funds.rate ? funds.rate.times(100) : null,
    scoreExcludesDeduction: m.scoreExcludesDeduction,
  };
  for (const x of inputs) {
    const o = checkIndicator(x, ctx, env);
    out.outcomes.push(o);
    out.results.push(o.result);
    out.sum = out.sum.plus(o.score);
    if (o.weight) {
      out.weights = out.weights.plus(o.weight);
      const key = x.ind.level1Key;
      out.blockWeights.set(key, (out.blockWeights.get(key) ?? new Decimal(0)).plus(o.weight));
    }
  }
  return out;
}

/**
 * Goal groups: a group's scores never above its weight, and its full weight when every indicator of
 * it is met (GROUP_SCORE). Returns the weight the groups carry.
 */
function checkGroups(m: ProjectModel, ctx: TableContext, ind: IndicatorsOutcome): Decimal {
  let weights = new Decimal(0);
  m.groups.forEach((g, gi) => {
    const weight = new Decimal(g.weight);
    const members = ind.outcomes.filter((_, i) => m.indicators[i].group === gi);
    // Weights per indicator too: they are counted already, and must add up to the group's.
    const own = members.filter((o) => o.weight !== null);
    if (own.length === 0) weights = weights.plus(weight);
    else {
      const sum = own.reduce((s, o) => s.plus(o.weight!), new Decimal(0));
      if (!sum.eq(weight)) ctx.add('WEIGHT_SUM', g, 'group', { label: g.title, stated: g.weight, sum: sum.toFixed() });
    }
    if (!ind.scored || members.length === 0) return;
    const sum = members.reduce((s, o) => s.plus(o.score), new Decimal(0));
    const allMet = members.every((o) => o.met === true);
    const sd = ctx.settings.scoreDecimals;
    if (roundHalfUp(sum, sd).gt(weight)) {
      ctx.add('GROUP_SCORE', g, 'over', { label: g.title, sum: sum.toFixed(), weight: weight.toFixed() });
    } else if (allMet && roundHalfUp(sum, sd).lt(weight)) {
      ctx.add('GROUP_SCORE', g, 'short', { label: g.title, sum: sum.toFixed(), weight: weight.toFixed() });
    }
  });
  return weights;
}

/** Weights: 100 in all, each stated （N分） block, and a profile's fixed level-1 blocks. Returns the sum. */
function checkWeights(
  m: ProjectModel,
  ctx: TableContext,
  funds: FundsOutcome,
  ind: IndicatorsOutcome,
  groupWeights: Decimal,
): Decimal {
  // The funds weight counts only when the funds block is scored (it has a score column).
  const indicatorWeights = ind.weights.plus(groupWeights);
  const weightSum = (funds.weight ?? new Decimal(0)).plus(indicatorWeights);
  const totalWeightCell = m.total?.weight;
  const reportedTotalWeight = ctx.number(totalWeightCell, {}, 'totalWeight');
  // An indicator sheet on its own (no funds block, no 总分 weight: an import template) need not make 100.
  const whole = !!m.fundsHeader || reportedTotalWeight.kind === 'ok' || m.groups.length > 0;
  if (m.indicators.length && whole) {
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
  if (m.indicatorsLabel && ind.scored && !indicatorWeights.eq(m.indicatorsLabel.weight)) {
    ctx.add('WEIGHT_SUM', m.indicatorsLabel, 'indicators', {
      stated: String(m.indicatorsLabel.weight),
      sum: indicatorWeights.toFixed(),
    });
  }
  for (const [key, stated] of m.level1Weights) {
    const sum = ind.blockWeights.get(key) ?? new Decimal(0);
    if (!sum.eq(stated.weight)) {
      ctx.add('WEIGHT_SUM', stated, 'level1', { stated: String(stated.weight), sum: sum.toFixed() });
    }
  }
  profileBlockWeights(m, ctx);
  return weightSum;
}

/** A profile's fixed level-1 weights (hebei: 产出 40, 效益 and 满意度 40). */
function profileBlockWeights(m: ProjectModel, ctx: TableContext): void {
  for (const rule of ctx.settings.blockWeights) {
    const re = new RegExp(rule.match);
    let sum = new Decimal(0);
    let first: { row: number; col: number } | undefined;
    for (const ind of m.indicators) {
      if (!ind.level1 || !re.test(ind.level1) || !ind.weight) continue;
      const w = parsePlainNumber(ind.weight.value, ind.weight.fmt);
      if (w) sum = sum.plus(w.value);
      first ??= ind.weight;
    }
    if (first && !sum.eq(rule.weight)) {
      ctx.add('WEIGHT_SUM', first, 'profile', {
        profile: ctx.settings.preset,
        label: rule.match.replace(/\|/g, '、'),
        stated: rule.weight,
        sum: sum.toFixed(),
      });
    }
  }
}

/** The total: the sum of the scores, capped by the profile, against the 总分 row or the identity rows' total. */
function checkTotal(
  m: ProjectModel,
  ctx: TableContext,
  funds: FundsOutcome,
  ind: IndicatorsOutcome,
  weightSum: Decimal,
): { value: Decimal; figure: Figure | null } {
  let total = (funds.score ?? new Decimal(0)).plus(ind.sum);
  const cap = funds.rate ? totalCap(funds.rate, ctx.settings.executionCaps) : null;
  if (cap && total.gt(cap)) {
    if (m.total?.score) {
      ctx.add('TOTAL_CAPPED', m.total.score, 'default', {
        rate: fixed(funds.rate!.times(100), 2),
        cap: String(cap),
        total: ctx.scoreText(total),
      });
    }
    total = cap;
  }
  if (!m.total?.score) return { value: total, figure: null };
  const ref = m.total.score;
  const reported = ctx.number(ref, {}, 'total');
  const figure = {
    cell: a1(ref.row, ref.col),
    weight: weightSum.toFixed(),
    computed: ctx.scoreText(total),
    reported: reported.kind === 'ok' ? reported.text : null,
  };
  if (reported.kind === 'empty') ctx.write(ref, total.toNumber(), ctx.scoreFormat());
  else if (reported.kind === 'ok') {
    // The total is a sum of rounded scores: a total kept at more decimals (a SUM of unrounded formula
    // scores, 99.5438…) is read at the score decimals, as its cell shows it.
    const sd = ctx.settings.scoreDecimals;
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
  return { value: total, figure };
}

function checkGrade(m: ProjectModel, ctx: TableContext, total: Decimal): Figure | null {
  const grade: Grade = gradeOf(total, ctx.settings);
  if (!m.grade) return null;
  const text = cellText(m.grade);
  const reportedGrade = text ? parseGrade(text) : null;
  if (text && reportedGrade !== grade) {
    ctx.add('GRADE_MISMATCH', m.grade, 'default', { total: ctx.scoreText(total), grade, reportedGrade: text });
  }
  if (reportedGrade !== grade) ctx.write(m.grade, gradeInWording(grade, text));
  return { cell: a1(m.grade.row, m.grade.col), computed: grade, reported: text };
}

/** Targets met with the money unspent (EXECUTION_OUTCOME_GAP). */
function executionOutcomeGap(ctx: TableContext, funds: FundsOutcome, ind: IndicatorsOutcome): void {
  if (!funds.rate || !funds.rateCell || !ind.weights.gt(0)) return;
  if (funds.rate.lt('0.8') && ind.sum.gte(ind.weights.times('0.95'))) {
    ctx.add('EXECUTION_OUTCOME_GAP', funds.rateCell, 'default', {
      rate: fixed(funds.rate.times(100), 2),
      score: ind.sum.toFixed(),
      weight: ind.weights.toFixed(),
    });
  }
}
