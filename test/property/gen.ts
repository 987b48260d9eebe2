/**
 * Generators for property tests: grids of self-evaluation tables as departments fill them
 * (shared/domain/layouts.md) — central (财预〔2020〕10号) and Sichuan project layouts, department and
 * summary tables — at random offsets, several per sheet, with merged level-1/level-2 cells, blank rows
 * inside blocks and the many spellings of a number. A table generated `consistent` is right by the
 * rules of shared/domain/scoring.md: the engine must raise no error or warning on it.
 *
 * The expected figures are computed here independently of the engine (decimal.js only), and each table
 * carries the findings it must raise (`expect`): execution below the threshold with no reason, overspending,
 * money spent against a budget of 0, targets beaten by more than the over-achievement threshold. Settings
 * (profile, score decimals, thresholds, grade bounds) vary per workbook; some totals and summary scores
 * land exactly on a grade bound (or 0.01 beside it), and qualitative scores on their band's edges.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { CellRange } from '../../src/engine/address';
import { CellValue, Sheet, WorkbookGrid } from '../../src/engine/grid';
import { FindingCode } from '../../src/engine/findings';
import { ProfileName, Settings, resolveSettings } from '../../src/engine/settings';

export const FUZZ_RUNS = Number(process.env.SELFEVAL_FUZZ_RUNS ?? '') || 0;
/** numRuns: `n` by default, SELFEVAL_FUZZ_RUNS when set; a fixed seed unless SELFEVAL_FUZZ_SEED says otherwise. */
export function runs(n: number): { numRuns: number; seed: number } {
  const seed = Number(process.env.SELFEVAL_FUZZ_SEED ?? '') || 20260101;
  return { numRuns: FUZZ_RUNS || n, seed };
}

const r2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const r1 = (d: Decimal) => d.toDecimalPlaces(1, Decimal.ROUND_HALF_UP);

// ---------------------------------------------------------------------------------------------
// Spellings of a number

const FULL: Record<string, string> = { '.': '．', ',': '，', '%': '％', '-': '－' };
export function fullWidth(s: string): string {
  return s.replace(/[0-9.,%-]/g, (ch) => FULL[ch] ?? String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

function thousands(d: Decimal): string {
  const [i, f] = d.toFixed().split('.');
  const g = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return f ? `${g}.${f}` : g;
}

/** A plain number (amount, weight, score) as a cell: number, text, full-width text, thousands, with a unit. */
export function spellNumber(d: Decimal, style: number, unit = ''): CellValue {
  switch (style % 5) {
    case 0:
      return d.toNumber();
    case 1:
      return d.toFixed();
    case 2:
      return fullWidth(d.toFixed());
    case 3:
      return thousands(d);
    default:
      return unit ? `${d.toFixed()}${unit}` : ` ${d.toFixed()} `;
  }
}

/** A rate in percent (already rounded to 2 decimals) as a cell: 0.00%-formatted fraction, text, percent units. */
export function spellRate(percent: Decimal, style: number): { v: CellValue; fmt?: string } {
  switch (style % 4) {
    case 0:
      return { v: percent.div(100).toNumber(), fmt: '0.00%' };
    case 1:
      return { v: `${percent.toFixed(2)}%` };
    case 2:
      return { v: fullWidth(`${percent.toFixed(2)}%`) };
    default:
      return { v: percent.toNumber(), fmt: '0.00' };
  }
}

// ---------------------------------------------------------------------------------------------
// Table specs (what fast-check generates) and the built block (cells relative to the table's corner)

export type Op = '≥' | '>' | '≤' | '<' | '=' | 'qual' | 'date';
export type Layout = 'central' | 'sichuan';

export interface IndSpec {
  op: Op;
  unitIx: number;
  /** target = base / 10^dec */
  base: number;
  dec: number;
  /** actual = target × ratio / 100 */
  ratio: number;
  spell: number;
  band: number;
  bandStep: number;
  reason: number;
  /** the actual written in another money unit */
  otherUnit: number;
}

export interface FundsSpec {
  /** budgets in cents of 万元 and the executed share in permille, per 其中 row */
  rows: { budget: number; permille: number; spell: number; rateSpell: number; zero: boolean; spentAtZero?: boolean }[];
  /** the reason cell (Sichuan layout) says why, whatever the rate */
  lowReason: boolean;
}

/** Land a total or score on a grade bound (0 优, 1 良, 2 中) plus delta hundredths. */
export interface OnBound {
  which: number;
  delta: number;
}

export interface ProjectSpec {
  kind: 'project' | 'department';
  layout: Layout;
  funds: FundsSpec;
  inds: IndSpec[];
  /** cut points into level-1 blocks and level-2 groups */
  l1Cuts: number[];
  l2Cuts: number[];
  halfWeights: boolean;
  weightSeed: number[];
  stateL1Weight: boolean;
  stateSection: boolean;
  blankAt: number[];
  scoreDecimals1: boolean;
  gradeLong: boolean;
  withGoals: boolean;
  name: number;
  onBound?: OnBound | null;
}

export interface SummaryRowSpec {
  budget: number;
  permille: number;
  score: number;
  remark: boolean;
  spell: number;
  rateSpell: number;
  onBound?: OnBound | null;
}

export interface SummarySpec {
  rows: SummaryRowSpec[];
  withTotal: boolean;
  gradeLong: boolean;
  /** rows copied from the workbook's projects (cross-check) */
  linkProjects: boolean;
}

export type TableSpec = ({ t: 'project' } & ProjectSpec) | ({ t: 'summary' } & SummarySpec);

export interface Block {
  rows: CellValue[][];
  formats: (string | undefined)[][];
  merges: CellRange[];
  width: number;
  /** expectations */
  kind: 'project' | 'department' | 'summary';
  name: string;
  total?: Decimal;
  grade?: string;
  budget?: Decimal;
  executed?: Decimal;
  /**
   * cells (relative) holding a derived figure a fix may rewrite: rate, score, total, grade — with the value
   * the rules give it (a rate in percent at 2 decimals, a score or total as counted, a grade's one character)
   */
  derived: { row: number; col: number; what: 'rate' | 'score' | 'total' | 'grade'; value: string }[];
  /** the errors and warnings the table must raise, on their cells (relative) */
  expect: { row: number; col: number; code: FindingCode }[];
}

class BlockBuilder {
  rows: CellValue[][] = [];
  formats: (string | undefined)[][] = [];
  merges: CellRange[] = [];
  derived: Block['derived'] = [];
  expect: Block['expect'] = [];
  constructor(readonly width: number) {}
  row(): number {
    this.rows.push([]);
    this.formats.push([]);
    return this.rows.length - 1;
  }
  set(r: number, c: number, v: CellValue, fmt?: string): void {
    this.rows[r][c] = v;
    if (fmt) this.formats[r][c] = fmt;
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }
}

const UNITS = ['个', '人', '万元', '亿元', '%', '次', '项', '元'];
const MONEY: Record<string, Decimal> = { 元: new Decimal(1), 万元: new Decimal(1e4), 亿元: new Decimal(1e8) };
const OP_SPELL: Record<string, string[]> = {
  '≥': ['≥', '≧', '>=', '不低于', '不少于', '达到'],
  '>': ['>', '大于'],
  '≤': ['≤', '≦', '<=', '不高于', '不超过'],
  '<': ['<', '小于'],
  '=': ['=', '＝'],
};
const QUAL_ACTUAL: string[][] = [
  ['达成预期指标', '有效提升', '达到预期', '显著提升'],
  ['部分达成预期指标并具有一定效果', '基本达成', '较好'],
  ['未达成预期指标且效果较差', '未达到预期'],
];
/** Fractions of the weight inside each band, its edges included (达成 [0.8, 1], 部分达成 [0.6, 0.8], 未达成 [0, 0.6]). */
const QUAL_STEPS = [
  ['1', '0.9', '0.8'],
  ['0.8', '0.7', '0.6'],
  ['0.6', '0.3', '0'],
];
const QUAL_RANGE = [
  ['0.8', '1'],
  ['0.6', '0.8'],
  ['0', '0.6'],
];
const QUAL_TARGET = ['有效提升', '持续发挥', '明显改善', '稳步提高'];
const L1 = ['产出指标', '效益指标', '满意度指标', '成本指标'];
const L2: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标'],
  效益指标: ['经济效益指标', '社会效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标'],
};
const REASONS = ['受政策调整影响，部分任务未完成', '=因疫情影响进度滞后', '资金拨付较晚', '项目延期'];

const DEFAULTS = resolveSettings();

export function gradeOf(total: Decimal, s: Settings = DEFAULTS): '优' | '良' | '中' | '差' {
  const b = s.gradeBounds;
  if (total.gte(b.excellent)) return '优';
  if (total.gte(b.good)) return '良';
  if (total.gte(b.pass)) return '中';
  return '差';
}

/** The bound picked by an OnBound, plus its delta in hundredths. */
function boundValue(o: OnBound, s: Settings): Decimal {
  const b = [s.gradeBounds.excellent, s.gradeBounds.good, s.gradeBounds.pass][o.which % 3];
  return new Decimal(b).plus(new Decimal(o.delta).div(100));
}

/** Scores are kept at the setting's decimals. */
const atScore = (d: Decimal, s: Settings) => (s.scoreDecimals === 1 ? r1(d) : r2(d));
const LONG: Record<string, string> = { 优: '优秀', 良: '良好', 中: '中等', 差: '差' };

/** Weights: a composition of `units` into n positive parts. */
function composition(n: number, units: number, seed: number[]): number[] {
  const cuts = new Set<number>();
  for (let i = 0; cuts.size < n - 1 && i < seed.length * 4 + n * 8; i++) {
    const s = seed[i % seed.length] + i * 7919;
    cuts.add(1 + (Math.abs(s) % (units - 1)));
  }
  for (let k = 1; cuts.size < n - 1; k++) if (!cuts.has(k)) cuts.add(k);
  const sorted = [...cuts].sort((a, b) => a - b);
  const parts: number[] = [];
  let prev = 0;
  for (const c of [...sorted, units]) {
    parts.push(c - prev);
    prev = c;
  }
  return parts;
}

function groups(n: number, cuts: number[], max: number): number[] {
  // group index of each of n items; cuts are positions where a new group starts
  const starts = new Set(cuts.map((c) => c % n).filter((c) => c > 0));
  const out: number[] = [];
  let g = 0;
  for (let i = 0; i < n; i++) {
    if (starts.has(i) && g < max - 1) g++;
    out.push(g);
  }
  return out;
}

interface IndFigures {
  /** cells (relative to the indicator's columns) of findings this row must raise */
  expect: { col: 'actual'; code: FindingCode }[];
  /** qualitative: the band's score range */
  band?: [Decimal, Decimal];
  target: CellValue;
  targetFmt?: string;
  op: CellValue;
  unit: CellValue;
  actual: CellValue;
  actualFmt?: string;
  reason: CellValue;
  /** what counts in the total */
  counted: Decimal;
  score: CellValue;
}

function indicatorFigures(s: IndSpec, w: Decimal, layout: Layout, oneDecimal: boolean, set: Settings): IndFigures {
  const pick = <T>(xs: T[], i: number) => xs[Math.abs(i) % xs.length];
  if (s.op === 'qual') {
    const band = s.band % 3;
    const f = new Decimal(pick(QUAL_STEPS[band], s.bandStep));
    // w has at most 1 decimal, f 1: the exact product has at most 2 and lies in the band, edges included
    const score = w.times(f);
    return {
      expect: [],
      band: [w.times(QUAL_RANGE[band][0]), w.times(QUAL_RANGE[band][1])],
      target: pick(QUAL_TARGET, s.spell),
      op: '定性',
      unit: null,
      actual: pick(QUAL_ACTUAL[band], s.spell),
      reason: band === 0 ? null : pick(REASONS, s.reason),
      counted: score,
      score: spellNumber(score, s.spell),
    };
  }
  if (s.op === 'date') {
    const month = 1 + (s.base % 12);
    const day = 1 + (s.dec % 28);
    const target = pick([`2022年${month}月${day}日前`, `${month}月底前`, '年底前'], s.spell);
    const actual = pick([`2022年${month}月${day}日`, '按时完成', '已完成'], s.spell);
    return {
      expect: [],
      target,
      op: '≤',
      unit: null,
      actual,
      reason: null,
      counted: w,
      score: spellNumber(w, s.spell),
    };
  }
  const unit = pick(UNITS, s.unitIx);
  const pct = unit === '%';
  let t = new Decimal(s.base).div(new Decimal(10).pow(s.dec % 3));
  if (pct) t = Decimal.max(10, Decimal.min(t, 100));
  if (t.lte(0)) t = new Decimal(1);
  // ratio in percent: up to 50% beyond the target either way (over-achievement above the threshold)
  let ratio = s.ratio;
  const reverse = s.op === '≤' || s.op === '<';
  if (reverse)
    ratio = 50 + (ratio % 101); // 50..150
  else if (s.op === '=') ratio = s.ratio % 2 === 0 ? 100 : 50 + (ratio % 101);
  else ratio = 50 + (ratio % 101); // 50..150
  const a = t.times(ratio).div(100);
  let met: boolean;
  let computed: Decimal;
  if (s.op === '≥' || s.op === '>') {
    met = s.op === '>' ? a.gt(t) : a.gte(t);
    computed = met ? w : w.times(a).div(t);
  } else if (reverse) {
    met = s.op === '<' ? a.lt(t) : a.lte(t);
    computed = met ? w : w.times(t).div(a);
  } else {
    met = a.eq(t);
    computed = met ? w : w.times(Decimal.max(0, new Decimal(1).minus(a.minus(t).abs().div(t))));
  }
  // Beyond the target (met ≥/≤ only): flagged above the threshold; the deduction setting and yitihua's
  // 2 points at 30% or more (scoring.md, in that order).
  const expect: IndFigures['expect'] = [];
  if (met && s.op !== '=') {
    const dev = (reverse ? t.minus(a) : a.minus(t)).div(t);
    const threshold = new Decimal(set.overachieveThreshold).div(100);
    if (dev.gt(threshold)) {
      expect.push({ col: 'actual', code: 'OVERACHIEVED' });
      if (set.deductOverachievement)
        computed = computed.times(Decimal.max(0, new Decimal(1).minus(dev.minus(threshold))));
    }
    if (set.preset === 'yitihua' && dev.gte('0.3')) computed = Decimal.max(0, computed.minus(2));
  }
  const rounded = atScore(computed, set);
  const reported = oneDecimal ? r1(computed) : rounded;
  const opText = pick(OP_SPELL[s.op], s.spell);
  const trailing = s.op === '≥' && s.spell % 7 === 6;
  // the actual, possibly in another money unit (converted exactly)
  let aUnit = unit;
  let aValue = a;
  if (MONEY[unit] && s.otherUnit % 3 !== 0) {
    aUnit = pick(['元', '万元', '亿元'], s.otherUnit);
    aValue = a.times(MONEY[unit]).div(MONEY[aUnit]);
  }
  const fig: IndFigures = {
    expect,
    target: null,
    op: null,
    unit: null,
    actual: null,
    reason: met ? null : pick(REASONS, s.reason),
    counted: rounded,
    score: spellNumber(reported, s.spell),
  };
  const num = (d: Decimal) => (s.spell % 3 === 2 ? fullWidth(d.toFixed()) : d.toFixed());
  if (layout === 'central') {
    fig.target = trailing ? `${num(t)}${unit}以上` : `${opText}${num(t)}${unit}`;
    if (pct && s.spell % 2 === 1) {
      fig.actual = a.div(100).toNumber();
      fig.actualFmt = '0.00%';
    } else if (s.spell % 4 === 3 && aUnit === unit && !pct) {
      fig.actual = a.toNumber();
    } else fig.actual = `${num(aValue)}${aUnit}`;
  } else {
    fig.op = opText;
    fig.unit = unit;
    fig.target = s.spell % 2 === 0 ? t.toNumber() : num(t);
    if (aUnit !== unit) fig.actual = `${aValue.toFixed()}${aUnit}`;
    else if (pct && s.spell % 3 === 1) {
      fig.actual = a.div(100).toNumber();
      fig.actualFmt = '0.00%';
    } else fig.actual = s.spell % 2 === 0 ? a.toNumber() : num(a);
  }
  return fig;
}

const CENTRAL_FUNDS = ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金'];
const SICHUAN_FUNDS = ['总额', '其中：财政资金', '财政专户管理资金', '单位资金', '其他资金'];
const DEPT_FUNDS = ['年度资金总额', '按收入性质分：财政拨款', '其他资金', '按支出性质分：基本支出', '项目支出'];

export function buildProject(spec: ProjectSpec, name: string, set: Settings = DEFAULTS): Block {
  const central = spec.layout === 'central';
  // A table follows the setting's score decimals: 1-decimal scores when the setting says 1.
  const oneDecimal = spec.scoreDecimals1 || set.scoreDecimals === 1;
  // columns (relative): central 9, Sichuan 11
  const b = new BlockBuilder(central ? 9 : 11);
  const W = b.width - 1;
  const dept = spec.kind === 'department';
  const title = b.row();
  b.set(
    title,
    0,
    dept ? '部门整体支出绩效自评表' : central ? '项目支出绩效自评表' : '部门预算项目支出绩效自评表（2023年度）',
  );
  b.merge(title, 0, title, W);
  if (central) {
    const y = b.row();
    b.set(y, 0, '（2022年度）');
    b.merge(y, 0, y, W);
  }
  const id = b.row();
  b.set(id, 0, dept ? '部门（单位）名称' : '项目名称');
  b.set(id, 2, name);
  b.merge(id, 0, id, 1);
  b.merge(id, 2, id, W);
  const id2 = b.row();
  b.set(id2, 0, '主管部门');
  b.set(id2, 2, '某某局');
  b.set(id2, 5, '实施单位（盖章）');
  b.set(id2, 6, '某某局');
  if (!central && spec.withGoals) {
    const g = b.row();
    b.set(g, 0, '项目基本情况');
    b.set(g, 1, '项目年度目标');
    b.set(g, 6, '年度目标完成情况');
    const g2 = b.row();
    b.set(g2, 1, '完成年度任务');
    b.set(g2, 6, '已完成');
    b.merge(g, 0, g2, 0);
  }

  // Funds
  const labels = dept ? DEPT_FUNDS : central ? CENTRAL_FUNDS : SICHUAN_FUNDS;
  const fh = b.row();
  const fc0 = central ? 2 : 3; // first data column: 年初预算
  const fcols = central
    ? { initial: 2, budget: 3, executed: 4, weight: 5, rate: 6, score: 7, reason: -1 }
    : { initial: 3, budget: 4, executed: 5, rate: 6, weight: 7, score: 8, reason: 9 };
  b.set(fh, 0, central ? (spec.stateSection ? '预算执行情况（10分）' : '项目资金（万元）') : '预算执行情况（10分）');
  if (central) {
    b.set(fh, 2, '年初预算数');
    b.set(fh, 3, '全年预算数');
    b.set(fh, 4, '全年执行数');
    b.set(fh, 5, '分值');
    b.set(fh, 6, '执行率');
    b.set(fh, 7, '得分');
  } else {
    b.set(fh, 1, '年度预算数（万元）');
    b.merge(fh, 1, fh, 2);
    b.set(fh, 3, '年初预算');
    b.set(fh, 4, '调整后预算数');
    b.set(fh, 5, '预算执行数');
    b.set(fh, 6, '预算执行率');
    b.set(fh, 7, '权重');
    b.set(fh, 8, '得分');
    b.set(fh, 9, '原因');
    b.merge(fh, 9, fh, 10);
  }
  void fc0;
  // sub rows: budgets and executed amounts in cents
  const n = labels.length - 1;
  const sub = spec.funds.rows.slice(0, n);
  while (sub.length < n) sub.push({ budget: 0, permille: 1000, spell: 0, rateSpell: 0, zero: true });
  const budgets: number[] = sub.map((r) => (r.zero ? 0 : r.budget));
  // money spent against a budget of 0 (BUDGET_ZERO): not in a department table's two-way split
  const execs: number[] = sub.map((r, i) =>
    r.zero && r.spentAtZero && !dept ? 1 + (r.budget % 50000) : Math.ceil((budgets[i] * r.permille) / 1000),
  );
  const amounts: { budget: Decimal; executed: Decimal }[] = [];
  if (dept) {
    // two splits of the same total: income (2 rows), expense (2 rows)
    const tb = budgets[0] + budgets[1] + 100;
    const te = execs[0] + execs[1] + 91;
    const eb = Math.floor(tb / 3);
    const ee = Math.min(eb, Math.floor(te / 3));
    const rows = [
      [tb, te],
      [budgets[0] + 100, execs[0] + 91],
      [budgets[1], execs[1]],
      [eb, ee],
      [tb - eb, te - ee],
    ];
    for (const [bb, ee2] of rows)
      amounts.push({ budget: new Decimal(bb).div(100), executed: new Decimal(ee2).div(100) });
  } else {
    const tb = budgets.reduce((x, y) => x + y, 0) || 100;
    if (!budgets.some((x) => x !== 0)) {
      budgets[0] = 100;
      execs[0] = 95;
    }
    const te = execs.reduce((x, y) => x + y, 0);
    amounts.push({ budget: new Decimal(tb).div(100), executed: new Decimal(te).div(100) });
    sub.forEach((_, i) =>
      amounts.push({ budget: new Decimal(budgets[i]).div(100), executed: new Decimal(execs[i]).div(100) }),
    );
  }
  const fundsWeight = new Decimal(10);
  let fundsScore = new Decimal(0);
  const totalRate = amounts[0].executed.div(amounts[0].budget);
  const lowOk = !central && spec.funds.lowReason;
  const shownRate = r2(totalRate.times(100));
  const fundRows: number[] = [];
  labels.forEach((label, i) => {
    const r = b.row();
    fundRows.push(r);
    const sp = i === 0 ? (spec.funds.rows[0]?.spell ?? 0) : sub[i - 1].spell;
    const rs = i === 0 ? (spec.funds.rows[0]?.rateSpell ?? 0) : sub[i - 1].rateSpell;
    b.set(r, 1, label);
    if (!central) b.merge(r, 1, r, 2);
    const { budget, executed } = amounts[i];
    b.set(r, fcols.initial, spellNumber(budget, sp + 1, '万元'));
    b.set(r, fcols.budget, spellNumber(budget, sp, '万元'));
    b.set(r, fcols.executed, spellNumber(executed, sp + 2, '万元'));
    if (budget.isZero() && executed.gt(0)) b.expect.push({ row: r, col: fcols.budget, code: 'BUDGET_ZERO' });
    if (!budget.isZero() && executed.gt(budget)) b.expect.push({ row: r, col: fcols.executed, code: 'OVERSPENT' });
    if (budget.isZero()) {
      b.set(r, fcols.rate, rs % 2 === 0 ? 0 : '—', rs % 2 === 0 ? '0.00%' : undefined);
    } else {
      const p = r2(executed.div(budget).times(100));
      const sr = spellRate(p, rs);
      b.set(r, fcols.rate, sr.v, sr.fmt);
      if (i === 0) b.derived.push({ row: r, col: fcols.rate, what: 'rate', value: p.toFixed() });
    }
    if (i === 0) {
      b.set(r, fcols.weight, spellNumber(fundsWeight, sp));
      fundsScore = atScore(fundsWeight.times(Decimal.min(totalRate, 1)), set);
      b.set(r, fcols.score, spellNumber(fundsScore, sp));
      b.derived.push({ row: r, col: fcols.score, what: 'score', value: fundsScore.toFixed() });
      if (lowOk) b.set(r, fcols.reason, '年底集中支付，部分资金结转');
      else if (shownRate.lt(set.lowExecutionThreshold))
        b.expect.push({ row: r, col: fcols.rate, code: 'LOW_EXECUTION' });
    } else {
      b.set(r, fcols.weight, central ? '—' : '/');
      b.set(r, fcols.score, central ? '—' : '/');
    }
    if (fcols.reason >= 0) b.merge(r, fcols.reason, r, fcols.reason + 1);
  });
  b.merge(fh, 0, fundRows[fundRows.length - 1], 0);

  if (central && spec.withGoals) {
    const g = b.row();
    b.set(g, 0, '年度总体目标');
    b.set(g, 1, '预期目标');
    b.set(g, 5, '实际完成情况');
    const g2 = b.row();
    b.set(g2, 1, '按计划完成年度任务');
    b.set(g2, 5, '已按计划完成');
    b.merge(g, 0, g2, 0);
    b.merge(g, 1, g, 4);
    b.merge(g2, 1, g2, 4);
  }

  // Indicators
  const inds = spec.inds;
  const units = spec.halfWeights ? 180 : 90;
  const weights = composition(inds.length, units, spec.weightSeed).map((x) =>
    spec.halfWeights ? new Decimal(x).div(2) : new Decimal(x),
  );
  const l1 = groups(inds.length, spec.l1Cuts, L1.length);
  const ih = b.row();
  const ic = central
    ? { l1: 1, l2: 2, name: 3, target: 4, actual: 5, weight: 6, score: 7, reason: 8, op: -1, unit: -1 }
    : { l1: 1, l2: 2, name: 3, op: 4, target: 5, unit: 6, actual: 7, weight: 8, score: 9, reason: 10 };
  b.set(ih, 0, spec.stateSection || !central ? '绩效指标（90分）' : '绩效指标');
  const heads: [number, string][] = central
    ? [
        [1, '一级指标'],
        [2, '二级指标'],
        [3, '三级指标'],
        [4, '年度指标值'],
        [5, '实际完成值'],
        [6, '分值'],
        [7, '得分'],
        [8, '偏差原因分析及改进措施'],
      ]
    : [
        [1, '一级指标'],
        [2, '二级指标'],
        [3, '三级指标'],
        [4, '指标性质'],
        [5, '指标值'],
        [6, '度量单位'],
        [7, '完成值'],
        [8, '权重'],
        [9, '得分'],
        [10, '未完成原因分析'],
      ];
  for (const [c, h] of heads) b.set(ih, c, h);
  let indSum = new Decimal(0);
  const figs = inds.map((s, i) => indicatorFigures(s, weights[i], spec.layout, oneDecimal, set));
  // Land the total on a grade bound (± 0.01) through a qualitative score, when its band allows it.
  const qual = figs.findIndex((f) => f.band);
  const fundsRate = totalRate;
  const capApplies = set.preset === 'yitihua' && fundsRate.lt('0.8');
  if (spec.onBound && qual >= 0 && !capApplies) {
    const others = figs.reduce((x, f, i) => (i === qual ? x : x.plus(f.counted)), fundsScore);
    const need = boundValue(spec.onBound, set).minus(others);
    const [lo, hi] = figs[qual].band!;
    if (need.gte(lo) && need.lte(hi)) {
      figs[qual].counted = need;
      figs[qual].score = spellNumber(need, inds[qual].spell);
    }
  }
  const blank = new Set(spec.blankAt.map((x) => x % Math.max(1, inds.length)).filter((x) => x > 0));
  let l1Start = -1;
  let l2Start = -1;
  let l2Index = -1;
  const l1Weight = new Map<number, Decimal>();
  inds.forEach((_, i) => l1Weight.set(l1[i], (l1Weight.get(l1[i]) ?? new Decimal(0)).plus(weights[i])));
  const l2 = groups(inds.length, spec.l2Cuts, 99);
  let lastRow = ih;
  const closeL2 = (end: number) => {
    if (l2Start >= 0) b.merge(l2Start, ic.l2, end, ic.l2);
  };
  const closeL1 = (end: number) => {
    if (l1Start >= 0) b.merge(l1Start, ic.l1, end, ic.l1);
  };
  inds.forEach((s, i) => {
    if (blank.has(i)) lastRow = b.row(); // a blank row inside the block (covered by the merges)
    const r = b.row();
    const newL1 = i === 0 || l1[i] !== l1[i - 1];
    const newL2 = newL1 || l2[i] !== l2[i - 1];
    if (newL1) {
      closeL2(lastRow);
      closeL1(lastRow);
      const label = L1[l1[i]];
      b.set(r, ic.l1, spec.stateL1Weight ? `${label}（${l1Weight.get(l1[i])!.toFixed()}分）` : label);
      l1Start = r;
      l2Index = -1;
    }
    if (newL2) {
      if (!newL1) closeL2(lastRow);
      l2Index++;
      const names = L2[L1[l1[i]]];
      b.set(r, ic.l2, names[l2Index % names.length]);
      l2Start = r;
    }
    const fig = figs[i];
    for (const e of fig.expect) b.expect.push({ row: r, col: ic[e.col], code: e.code });
    b.set(r, ic.name, `指标${i + 1}`);
    if (ic.op >= 0) b.set(r, ic.op, fig.op);
    b.set(r, ic.target, fig.target, fig.targetFmt);
    if (ic.unit >= 0) b.set(r, ic.unit, fig.unit);
    b.set(r, ic.actual, fig.actual, fig.actualFmt);
    b.set(r, ic.weight, spellNumber(weights[i], s.spell));
    b.set(r, ic.score, fig.score);
    b.set(r, ic.reason, fig.reason);
    if (s.op !== 'qual') b.derived.push({ row: r, col: ic.score, what: 'score', value: fig.counted.toFixed() });
    indSum = indSum.plus(fig.counted);
    lastRow = r;
  });
  closeL2(lastRow);
  closeL1(lastRow);
  b.merge(ih, 0, lastRow, 0);

  let total = fundsScore.plus(indSum);
  // yitihua: the total capped by the execution rate (89 / 79 / 69 / 59 under 80 / 70 / 60 / 50%)
  if (set.preset === 'yitihua') {
    const cap = fundsRate.gte('0.8')
      ? null
      : fundsRate.gte('0.7')
        ? 89
        : fundsRate.gte('0.6')
          ? 79
          : fundsRate.gte('0.5')
            ? 69
            : 59;
    if (cap !== null && total.gt(cap)) total = new Decimal(cap);
  }
  const tr = b.row();
  b.set(tr, 0, central ? '总分' : '合计');
  b.merge(tr, 0, tr, ic.weight - 1);
  b.set(tr, ic.weight, 100);
  const reportedTotal = oneDecimal ? r1(total) : total;
  b.set(tr, ic.score, spellNumber(reportedTotal, spec.name));
  b.derived.push({ row: tr, col: ic.score, what: 'total', value: total.toFixed() });
  const grade = gradeOf(total, set);
  const gr = b.row();
  b.set(gr, 0, central ? '自评等级' : '评价结论');
  const gc = central ? 2 : 1;
  b.merge(gr, 0, gr, gc - 1);
  b.set(gr, gc, spec.gradeLong ? LONG[grade] : grade);
  b.merge(gr, gc, gr, W);
  b.derived.push({ row: gr, col: gc, what: 'grade', value: grade });
  if (!central) {
    const p = b.row();
    b.set(p, 0, '存在问题');
    b.set(p, 1, '无');
    b.merge(p, 1, p, W);
  }
  return {
    rows: b.rows,
    formats: b.formats,
    merges: b.merges,
    width: b.width,
    derived: b.derived,
    expect: b.expect,
    kind: spec.kind,
    name,
    total,
    grade,
    budget: amounts[0].budget,
    executed: amounts[0].executed,
  };
}

export function buildSummary(spec: SummarySpec, projects: Block[], set: Settings = DEFAULTS): Block {
  const b = new BlockBuilder(8);
  const t = b.row();
  b.set(t, 0, '2022年度某某局部门项目支出绩效自评结果汇总表');
  b.merge(t, 0, t, 7);
  const h = b.row();
  [
    '序号',
    '项目名称',
    '全年预算数（万元）',
    '全年执行数（万元）',
    '预算执行率',
    '自评得分',
    '自评等级',
    '备注',
  ].forEach((x, c) => b.set(h, c, x));
  let sb = new Decimal(0);
  let se = new Decimal(0);
  const rows: { name: string; budget: Decimal; executed: Decimal; score: Decimal; s: SummaryRowSpec }[] = [];
  spec.rows.forEach((s, i) => {
    const budget = new Decimal(Math.max(1, s.budget)).div(100);
    const executed = new Decimal(Math.floor((Math.max(1, s.budget) * s.permille) / 1000)).div(100);
    const score = s.onBound ? boundValue(s.onBound, set) : new Decimal(s.score).div(10);
    rows.push({ name: `汇总项目${i + 1}号`, budget, executed, score, s });
  });
  if (spec.linkProjects) {
    projects
      .filter((p) => p.kind === 'project' && p.total && p.budget && p.executed)
      .forEach((p, i) => {
        const s = spec.rows[i % spec.rows.length];
        rows.push({ name: p.name, budget: p.budget!, executed: p.executed!, score: atScore(p.total!, set), s });
      });
  }
  rows.forEach((x, i) => {
    const r = b.row();
    b.set(r, 0, i + 1);
    b.set(r, 1, x.name);
    b.set(r, 2, spellNumber(x.budget, x.s.spell));
    b.set(r, 3, spellNumber(x.executed, x.s.spell + 1));
    const p = r2(x.executed.div(x.budget).times(100));
    const sr = spellRate(p, x.s.rateSpell);
    b.set(r, 4, sr.v, sr.fmt);
    b.derived.push({ row: r, col: 4, what: 'rate', value: p.toFixed() });
    if (x.executed.gt(x.budget)) b.expect.push({ row: r, col: 3, code: 'OVERSPENT' });
    b.set(r, 5, x.score.toNumber());
    const g = gradeOf(x.score, set);
    b.set(r, 6, spec.gradeLong ? LONG[g] : g);
    b.derived.push({ row: r, col: 6, what: 'grade', value: g });
    if (x.s.remark) b.set(r, 7, '项目跨年度实施');
    else if (p.lt(set.lowExecutionThreshold)) b.expect.push({ row: r, col: 4, code: 'LOW_EXECUTION' });
    sb = sb.plus(x.budget);
    se = se.plus(x.executed);
  });
  if (spec.withTotal) {
    const r = b.row();
    b.set(r, 0, '合计');
    b.merge(r, 0, r, 1);
    b.set(r, 2, sb.toNumber());
    b.set(r, 3, se.toNumber());
    if (se.gt(sb)) b.expect.push({ row: r, col: 3, code: 'OVERSPENT' });
    const tp = r2(se.div(sb).times(100));
    const sr = spellRate(tp, 0);
    b.set(r, 4, sr.v, sr.fmt);
    b.derived.push({ row: r, col: 4, what: 'rate', value: tp.toFixed() });
  }
  return {
    rows: b.rows,
    formats: b.formats,
    merges: b.merges,
    width: b.width,
    derived: b.derived,
    expect: b.expect,
    kind: 'summary',
    name: '汇总表',
  };
}

/** Place blocks on one sheet: at an offset, one under another with gaps. Returns where each went. */
export function placeBlocks(
  name: string,
  blocks: Block[],
  at: { row: number; col: number },
  gaps: number[],
): { sheet: Sheet; origins: { row: number; col: number }[] } {
  const values: CellValue[][] = [];
  const formats: (string | null | undefined)[][] = [];
  const merges: CellRange[] = [];
  const origins: { row: number; col: number }[] = [];
  let row = at.row;
  for (let i = 0; i < at.row; i++) {
    values.push([]);
    formats.push([]);
  }
  blocks.forEach((b, i) => {
    if (i > 0) {
      for (let g = 0; g < (gaps[i] ?? 1); g++) {
        values.push([]);
        formats.push([]);
        row++;
      }
    }
    origins.push({ row, col: at.col });
    b.rows.forEach((cells, r) => {
      const v: CellValue[] = [];
      const f: (string | undefined)[] = [];
      cells.forEach((x, c) => {
        if (x !== undefined) v[at.col + c] = x;
      });
      (b.formats[r] ?? []).forEach((x, c) => {
        if (x !== undefined) f[at.col + c] = x;
      });
      for (let c = 0; c < v.length; c++) if (v[c] === undefined) v[c] = null;
      values.push(v);
      formats.push(f);
    });
    for (const m of b.merges)
      merges.push({ top: m.top + row, bottom: m.bottom + row, left: m.left + at.col, right: m.right + at.col });
    row += b.rows.length;
  });
  return { sheet: { name, values, formats, merges }, origins };
}

// ---------------------------------------------------------------------------------------------
// fast-check arbitraries

const indSpec: fc.Arbitrary<IndSpec> = fc.record({
  op: fc.constantFrom<Op>('≥', '≥', '≥', '>', '≤', '≤', '<', '=', 'qual', 'date'),
  unitIx: fc.nat(50),
  base: fc.integer({ min: 1, max: 500000 }),
  dec: fc.nat(5),
  ratio: fc.nat(1000),
  spell: fc.nat(1000),
  band: fc.nat(2),
  bandStep: fc.nat(2),
  reason: fc.nat(10),
  otherUnit: fc.nat(10),
});

/** Executed share in permille: mostly 91–100%, often below 90%, sometimes over 100%. */
const permille = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 910, max: 1000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 909 }) },
  { weight: 1, arbitrary: fc.integer({ min: 880, max: 920 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1001, max: 1300 }) },
);

const onBound: fc.Arbitrary<OnBound | null> = fc.option(
  fc.record({ which: fc.nat(2), delta: fc.constantFrom(-1, 0, 0, 1) }),
  { freq: 2 },
);

const fundsSpec: fc.Arbitrary<FundsSpec> = fc.record({
  rows: fc.array(
    fc.record({
      budget: fc.integer({ min: 0, max: 2_000_000_00 }),
      permille,
      spell: fc.nat(100),
      rateSpell: fc.nat(100),
      zero: fc.boolean(),
      spentAtZero: fc.nat(5).map((x) => x === 0),
    }),
    { minLength: 4, maxLength: 4 },
  ),
  lowReason: fc.boolean(),
});

export const projectSpec: fc.Arbitrary<ProjectSpec> = fc.record({
  kind: fc.constantFrom<'project' | 'department'>('project', 'project', 'project', 'department'),
  layout: fc.constantFrom<Layout>('central', 'sichuan'),
  funds: fundsSpec,
  inds: fc.array(indSpec, { minLength: 2, maxLength: 14 }),
  l1Cuts: fc.array(fc.nat(20), { maxLength: 3 }),
  l2Cuts: fc.array(fc.nat(20), { maxLength: 5 }),
  halfWeights: fc.boolean(),
  weightSeed: fc.array(fc.integer(), { minLength: 1, maxLength: 14 }),
  stateL1Weight: fc.boolean(),
  stateSection: fc.boolean(),
  blankAt: fc.array(fc.nat(20), { maxLength: 2 }),
  scoreDecimals1: fc.boolean(),
  gradeLong: fc.boolean(),
  withGoals: fc.boolean(),
  name: fc.nat(1000),
  onBound,
});

export const summarySpec: fc.Arbitrary<SummarySpec> = fc.record({
  rows: fc.array(
    fc.record({
      budget: fc.integer({ min: 1, max: 1_000_000_00 }),
      permille: fc.oneof(permille, fc.integer({ min: 0, max: 1000 })),
      score: fc.integer({ min: 0, max: 1000 }),
      remark: fc.boolean(),
      spell: fc.nat(100),
      rateSpell: fc.nat(100),
      onBound,
    }),
    { minLength: 1, maxLength: 8 },
  ),
  withTotal: fc.boolean(),
  gradeLong: fc.boolean(),
  linkProjects: fc.boolean(),
});

/** Settings a department might choose: profile, score decimals, thresholds, grade bounds, the deduction. */
export const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    preset: fc.constantFrom<ProfileName>('mof2020', 'mof2020', 'yitihua'),
    scoreDecimals: fc.constantFrom<1 | 2>(2, 2, 1),
    lowExecutionThreshold: fc.constantFrom('90', '90', '85', '95'),
    overachieveThreshold: fc.constantFrom('20', '20', '10', '30'),
    deductOverachievement: fc.nat(3).map((x) => x === 0),
    gradeBounds: fc.constantFrom(
      { excellent: '90', good: '80', pass: '60' },
      { excellent: '90', good: '80', pass: '60' },
      { excellent: '85', good: '75', pass: '60' },
      { excellent: '95', good: '85', pass: '70' },
    ),
  })
  .map((o) => resolveSettings(o));

export interface GeneratedWorkbook {
  grid: WorkbookGrid;
  blocks: { sheet: string; block: Block; origin: { row: number; col: number } }[];
  /** the settings the tables were filled in under (check with these) */
  settings: Settings;
}

/** A workbook of 1–3 sheets, each with 1–3 consistent tables at a random offset, under random settings. */
export const consistentWorkbook: fc.Arbitrary<GeneratedWorkbook> = fc
  .record({
    settings: settingsArb,
    sheets: fc.array(
      fc.record({
        projects: fc.array(projectSpec, { minLength: 1, maxLength: 2 }),
        summary: fc.option(summarySpec, { freq: 4 }),
        at: fc.record({ row: fc.nat(5), col: fc.nat(3) }),
        gaps: fc.array(fc.nat(2), { minLength: 3, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ sheets, settings }) => {
    const all: Block[] = [];
    const grid: WorkbookGrid = { sheets: [] };
    const blocks: GeneratedWorkbook['blocks'] = [];
    let k = 0;
    sheets.forEach((s, si) => {
      const bs = s.projects.map((p) => buildProject(p, `${2022 + (k % 3)}年度测试项目${++k}`, settings));
      all.push(...bs);
      if (s.summary) bs.push(buildSummary(s.summary, all, settings));
      const placed = placeBlocks(`表${si + 1}`, bs, s.at, s.gaps);
      grid.sheets.push(placed.sheet);
      bs.forEach((b, i) => blocks.push({ sheet: placed.sheet.name, block: b, origin: placed.origins[i] }));
    });
    return { grid, blocks, settings };
  });

/** A cell of junk: header words, numbers, markers, operators, dates. */
export const junkCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    '三级指标',
    '指标值',
    '完成值',
    '得分',
    '分值',
    '权重',
    '全年预算数',
    '全年执行数',
    '执行率',
    '项目名称',
    '合计',
    '总分',
    '评价结论',
    '≥',
    '≤',
    '定性',
    '—',
    '/',
    '无',
    '约300',
    '三百',
    '１００',
    '1,285.24',
    '95.44%',
    '≥16个',
    '≤0次',
    '=0',
    '2022年12月31日前',
    '12月底前',
    '按时完成',
    '优秀',
    '基本达成',
    '（10分）',
    '产出指标(50分)',
    '1e309',
    '-0',
    '0',
    '.5',
    '∞',
    '=SUM(A1:A3)',
  ),
);

/** A grid of junk, with random merges (some overlapping, some outside the values). */
export const junkSheet: fc.Arbitrary<Sheet> = fc
  .record({
    rows: fc.array(fc.array(junkCell, { maxLength: 12 }), { maxLength: 25 }),
    merges: fc.array(
      fc.record({ top: fc.nat(30), left: fc.nat(14), h: fc.nat(3), w: fc.nat(3) }).map((m) => ({
        top: m.top,
        left: m.left,
        bottom: m.top + m.h,
        right: m.left + m.w,
      })),
      { maxLength: 5 },
    ),
    fmts: fc.array(fc.constantFrom('0.00%', '0%', 'yyyy-mm-dd', '0.00', 'General', '#,##0.00'), { maxLength: 6 }),
  })
  .map(({ rows, merges, fmts }) => ({
    name: 'junk',
    values: rows,
    formats: rows.map((r, i) => r.map((_, j) => (fmts.length ? fmts[(i + j) % fmts.length] : null))),
    merges,
  }));

/** Deep copy of a grid (values, formats, merges). */
export function cloneGrid(g: WorkbookGrid): WorkbookGrid {
  return structuredClone(g);
}
