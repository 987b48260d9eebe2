/**
 * Generators of tables in the provincial and system layouts (layouts.md §2–§4) for property tests:
 * funds blocks with or without weight and score (values on the row below a merged label, a list of
 * sources with its 合计 last, a weight in the label), operator and unit in their own columns or in the
 * cells, starred headers with notes, weight before target, adjusted targets, coefficient and deduction
 * columns, goal groups, text rows, placeholder rows, task blocks, totals in a 总分 row or in the
 * identity rows — at random offsets with random spellings.
 *
 * A generated table is consistent by the rules of scoring.md (mof2020): the engine must raise no error
 * or warning on it. Expected figures are computed here with decimal.js only.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { CellRange } from '../../src/engine/address';
import { CellValue, Sheet } from '../../src/engine/grid';
import { spellNumber, spellRate } from './gen';

const r2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export type FundsStyle = 'scored' | 'below' | 'coefficient' | 'labelWeight' | 'sources';

export interface LayoutIndicator {
  /** '≥' or '≤' (quantitative) or 'qual'. */
  op: '≥' | '≤' | 'qual';
  target: number;
  /** Actual as a fraction of the target, in thousandths (met: 1000–1150 for ≥, 870–1000 for ≤). */
  ratio: number;
  met: boolean;
  weight: number;
  deduction: number;
}

export interface LayoutSpec {
  funds: FundsStyle;
  budget: number;
  /** Execution in thousandths of the budget (900–1000: never LOW_EXECUTION). */
  exec: number;
  rateStyle: number;
  numberStyle: number;
  levels: boolean;
  operatorColumn: boolean;
  unitColumn: boolean;
  weightFirst: boolean;
  starred: boolean;
  adjusted: boolean;
  coefficient: boolean;
  deduction: 'none' | 'excluded' | 'included';
  groups: boolean;
  textRow: boolean;
  placeholders: boolean;
  tasks: boolean;
  identityTotal: boolean;
  indicators: LayoutIndicator[];
  top: number;
  left: number;
}

export interface BuiltLayout {
  sheet: Sheet;
  total: Decimal;
  grade: '优' | '良' | '中' | '差';
  kind: 'project' | 'department';
}

const indicator: fc.Arbitrary<LayoutIndicator> = fc
  .record({
    op: fc.constantFrom<LayoutIndicator['op']>('≥', '≥', '≤', 'qual'),
    target: fc.integer({ min: 5, max: 5000 }),
    met: fc.boolean(),
    pick: fc.nat(1000),
    weight: fc.integer({ min: 5, max: 30 }),
    deduction: fc.constantFrom(0, 0, 0, 1, 2),
  })
  .map(({ op, target, met, pick, weight, deduction }) => {
    let ratio: number;
    if (op === 'qual') ratio = 1000;
    else if (op === '≥') ratio = met ? 1000 + (pick % 150) : 500 + (pick % 490);
    else ratio = met ? 870 + (pick % 131) : 1010 + (pick % 500);
    return { op, target, ratio, met: op === 'qual' ? true : met, weight, deduction };
  });

export const layoutSpec: fc.Arbitrary<LayoutSpec> = fc.record({
  funds: fc.constantFrom<FundsStyle>('scored', 'below', 'coefficient', 'labelWeight', 'sources'),
  budget: fc.integer({ min: 1000, max: 5000000 }),
  exec: fc.integer({ min: 900, max: 1000 }),
  rateStyle: fc.nat(3),
  numberStyle: fc.nat(4),
  levels: fc.boolean(),
  operatorColumn: fc.boolean(),
  unitColumn: fc.boolean(),
  weightFirst: fc.boolean(),
  starred: fc.boolean(),
  adjusted: fc.boolean(),
  coefficient: fc.boolean(),
  deduction: fc.constantFrom<LayoutSpec['deduction']>('none', 'excluded', 'included'),
  groups: fc.boolean(),
  textRow: fc.boolean(),
  placeholders: fc.boolean(),
  tasks: fc.boolean(),
  identityTotal: fc.boolean(),
  indicators: fc.array(indicator, { minLength: 2, maxLength: 7 }),
  top: fc.nat(4),
  left: fc.nat(3),
});

function gradeOf(total: Decimal): BuiltLayout['grade'] {
  if (total.gte(90)) return '优';
  if (total.gte(80)) return '良';
  if (total.gte(60)) return '中';
  return '差';
}

/** Integer weights for `n` indicators adding up to `sum`, in the proportions of the drawn ones. */
function spread(drawn: number[], sum: number): number[] {
  const all = drawn.reduce((a, b) => a + b, 0);
  const out = drawn.map((w) => Math.max(1, Math.floor((w * sum) / all)));
  let rest = sum - out.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % out.length) {
    if (rest > 0) {
      out[i]++;
      rest--;
    } else if (out[i] > 1) {
      out[i]--;
      rest++;
    }
  }
  return out;
}

const UNITS = ['个', '人次', '万元', '%', '项', '次'];
const NAMES = ['培训人次', '覆盖率', '建设数量', '办公经费', '满意度', '完成率', '维修里程', '服务人数'];

/** Build a table from a spec; cells placed at (top, left). */
export function buildLayout(spec: LayoutSpec): BuiltLayout {
  const cells: { r: number; c: number; v: CellValue; fmt?: string }[] = [];
  const merges: CellRange[] = [];
  const T = spec.top;
  const Lf = spec.left;
  const set = (r: number, c: number, v: CellValue, fmt?: string) => {
    if (v !== null && v !== undefined) cells.push({ r: r + T, c: c + Lf, v, fmt });
  };
  const merge = (t: number, l: number, b: number, r: number) => {
    if (b > t || r > l) merges.push({ top: t + T, left: l + Lf, bottom: b + T, right: r + Lf });
  };
  const department = spec.tasks || spec.funds === 'coefficient';
  const groups = spec.groups && spec.indicators.length >= 2 && spec.funds !== 'coefficient';
  const fundsWeight = spec.funds === 'labelWeight' ? 20 : spec.funds === 'below' ? 0 : 10;
  // The execution indicator carries the points a funds block without a score does not.
  const execIndicator = spec.funds === 'below';
  let row = 0;
  set(row++, 0, department ? '部门整体支出绩效自评表（2023年度）' : '项目支出绩效自评表（2023年度）');
  set(row, 0, department ? '部门（单位）名称' : '项目名称');
  set(row++, 1, department ? '某区生成部门' : '生成项目');
  const identityRow = row;
  set(row, 0, '主管部门');
  set(row++, 1, '某区主管部门');

  // Funds
  const budget = new Decimal(spec.budget).div(100);
  // Rounded up: the rate never drops under 90% (no LOW_EXECUTION on a consistent table).
  const executed = Decimal.min(budget, budget.times(spec.exec).div(1000).toDecimalPlaces(2, Decimal.ROUND_UP));
  const rate = executed.div(budget); // fraction
  const percent = r2(rate.times(100));
  const fundsScore = fundsWeight ? r2(rate.times(fundsWeight)) : new Decimal(0);
  const rateCell = (r: number, c: number, style = spec.rateStyle) => {
    const s = spellRate(percent, style);
    set(r, c, s.v, s.fmt);
  };
  const num = (d: Decimal) => spellNumber(d, spec.numberStyle);
  if (spec.funds === 'scored') {
    set(row, 0, '项目资金（万元）');
    ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => set(row, 2 + i, h));
    merge(row, 0, row + 2, 0);
    set(row + 1, 1, '年度资金总额');
    set(row + 2, 1, '其中:当年财政拨款');
    for (const r of [row + 1, row + 2]) {
      set(r, 2, num(budget));
      set(r, 3, num(budget));
      set(r, 4, num(executed));
      rateCell(r, 6);
    }
    set(row + 1, 5, fundsWeight);
    set(row + 1, 7, fundsScore.toNumber());
    set(row + 2, 5, '—');
    set(row + 2, 7, '—');
    row += 3;
  } else if (spec.funds === 'below' || spec.funds === 'coefficient') {
    const coef = spec.funds === 'coefficient';
    set(row, 0, coef ? '部门预算执行情况（万元）' : '年度资金总额（万元）');
    const hs = coef
      ? ['年初预算数', '全年（调整）预算数', '全年执行数', '执行率（%）', '执行率权重', '执行率得分（分）']
      : ['年初预算数', '调整预算数（A）', '全年执行数（B）', '执行率（B/A）'];
    hs.forEach((h, i) => set(row, 1 + i, h));
    merge(row, 0, row + 1, 0);
    set(row + 1, 1, num(budget));
    set(row + 1, 2, num(budget));
    set(row + 1, 3, num(executed));
    if (coef) {
      set(row + 1, 4, percent.toNumber());
      set(row + 1, 5, fundsWeight);
      set(row + 1, 6, fundsScore.toNumber());
    } else rateCell(row + 1, 4);
    row += 2;
  } else if (spec.funds === 'labelWeight') {
    ['预算执行情况（万元）（20分）', '预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20分*执行率）'].forEach(
      (h, i) => set(row, i, h),
    );
    set(row + 1, 0, '年度财政资金总额');
    set(row + 1, 1, num(budget));
    set(row + 1, 2, num(executed));
    rateCell(row + 1, 3);
    set(row + 1, 4, fundsScore.toNumber());
    row += 2;
  } else {
    ['资金来源', '年初预算', '全年预算', '全年执行', '分值', '执行率', '得分'].forEach((h, i) => set(row, i, h));
    set(row + 1, 0, '财政拨款');
    set(row + 2, 0, '合计');
    for (const r of [row + 1, row + 2]) {
      set(r, 1, num(budget));
      set(r, 2, num(budget));
      set(r, 3, num(executed));
      rateCell(r, 5);
    }
    set(row + 2, 4, fundsWeight);
    set(row + 2, 6, fundsScore.toNumber());
    row += 3;
  }
  if (spec.tasks) {
    ['年度主要任务', '任务名称', '主要内容', '预算数', '执行数', '执行率'].forEach((h, i) => set(row, i, h));
    merge(row, 0, row + 2, 0);
    // Task amounts are not a split of the funds; one overspent task is normal.
    set(row + 1, 1, '日常运转');
    set(row + 1, 2, '保障机关运行');
    set(row + 1, 3, 120);
    set(row + 1, 4, 118);
    set(row + 1, 5, '98.33%');
    set(row + 2, 1, '专项工作');
    set(row + 2, 2, '开展专项调查');
    set(row + 2, 3, 80);
    set(row + 2, 4, 90);
    set(row + 2, 5, '112.5%');
    row += 3;
  }
  if (spec.textRow) {
    ['年度总体目标', '年初绩效目标', '全年（调整）绩效目标', '全年目标实际完成情况'].forEach((h, i) => set(row, i, h));
    set(row + 1, 1, '按计划完成年度工作任务。');
    set(row + 1, 2, '按调整后计划完成任务。');
    set(row + 1, 3, '已全部完成，群众反映良好。');
    row += 2;
  }

  // Indicators: the roles in column order.
  const inds = [...spec.indicators];
  const budgetShare = 100 - fundsWeight;
  let weights: number[];
  if (execIndicator) {
    weights = spread(
      inds.map((i) => i.weight),
      budgetShare - 10,
    );
  } else
    weights = spread(
      inds.map((i) => i.weight),
      budgetShare,
    );
  type Role =
    | 'level1'
    | 'level2'
    | 'name'
    | 'operator'
    | 'target'
    | 'adjusted'
    | 'actual'
    | 'unit'
    | 'weight'
    | 'score'
    | 'deduction'
    | 'coefficient'
    | 'reason';
  const roles: Role[] = [];
  if (spec.levels) roles.push('level1', 'level2');
  roles.push('name');
  if (spec.operatorColumn) roles.push('operator');
  if (spec.weightFirst && !groups) roles.push('weight');
  roles.push('target');
  if (spec.adjusted) roles.push('adjusted');
  roles.push('actual');
  if (spec.unitColumn) roles.push('unit');
  if (!spec.weightFirst && !groups) roles.push('weight');
  roles.push('score');
  const deduction = groups ? 'none' : spec.deduction;
  if (deduction !== 'none') roles.push('deduction');
  if (spec.coefficient && !groups) roles.push('coefficient');
  roles.push('reason');
  const col = (r: Role) => roles.indexOf(r);
  const HEAD: Record<Role, [string, string]> = {
    level1: ['一级指标', '一级指标'],
    level2: ['二级指标', '二级指标'],
    name: [spec.levels ? '三级指标' : '指标名称', '三级指标名称'],
    operator: ['指标性质', '计算符号'],
    target: [spec.adjusted ? '年初指标值' : '年度指标值', '指标值（A）'],
    adjusted: ['调整指标值', '调整指标值'],
    actual: ['实际完成值', '*实际完成值（定量填数字，定性填达成、部分达成、未达成）'],
    unit: ['计量单位', '度量单位'],
    weight: ['分值', '*分值 数量(20)、质量(10)、时效(10)、成本(10)、效益(30)、满意度(10)'],
    score: [
      deduction === 'excluded' ? '得分（不包含扣减分数）' : '得分',
      deduction === 'excluded' ? '*指标得分（不包含扣减分数。）' : '*指标得分',
    ],
    deduction: ['扣减分数', '扣减分数'],
    coefficient: ['得分系数（%）', '得分系数（%）'],
    reason: ['偏差原因分析及改进措施', '偏差原因及改进措施（指标未完成时必填）'],
  };
  const header = () => roles.forEach((r, i) => set(row, i, HEAD[r][spec.starred ? 1 : 0]));

  let indicatorSum = new Decimal(0);
  const writeIndicator = (ind: LayoutIndicator, k: number, weight: number | null, score: Decimal, level1: string) => {
    const unit = UNITS[k % UNITS.length];
    const name = k === -1 ? '预算执行率' : NAMES[k % NAMES.length] + (k >= NAMES.length ? k : '');
    if (spec.levels) {
      set(row, col('level1'), level1);
      set(row, col('level2'), ind.op === 'qual' ? '社会效益指标' : '数量指标');
    }
    set(row, col('name'), name);
    const t = new Decimal(ind.target);
    const a = k === -1 ? percent : r2(t.times(ind.ratio).div(1000));
    const opText = ind.op === 'qual' ? '定性' : ind.op;
    if (spec.operatorColumn) set(row, col('operator'), opText);
    const targetText =
      ind.op === 'qual'
        ? '有效提升'
        : spec.unitColumn
          ? spec.operatorColumn
            ? t.toNumber()
            : `${ind.op}${t.toFixed()}`
          : `${spec.operatorColumn ? '' : ind.op}${t.toFixed()}${unit}`;
    if (spec.adjusted) {
      // The initial target differs; the adjusted one is in force.
      set(
        row,
        col('target'),
        ind.op === 'qual' ? '有所提升' : spec.unitColumn ? t.times(3).toNumber() : `${t.times(3)}`,
      );
      set(row, col('adjusted'), targetText);
    } else set(row, col('target'), targetText);
    const actualText = ind.op === 'qual' ? '达成预期指标' : spec.unitColumn ? a.toNumber() : `${a.toFixed()}${unit}`;
    set(row, col('actual'), actualText);
    if (spec.unitColumn && ind.op !== 'qual') set(row, col('unit'), unit);
    if (weight !== null) set(row, col('weight'), weight);
    const d = new Decimal(deduction === 'none' ? 0 : Math.min(ind.deduction, score.floor().toNumber()));
    let shown = score;
    if (deduction === 'included') shown = Decimal.max(0, score.minus(d));
    set(row, col('score'), shown.toNumber());
    if (deduction !== 'none') set(row, col('deduction'), d.toNumber());
    if (spec.coefficient && !groups && weight)
      set(row, col('coefficient'), r2(shown.div(weight).times(100)).toNumber());
    if (!ind.met) set(row, col('reason'), '受客观因素影响未完成');
    indicatorSum = indicatorSum.plus(deduction === 'excluded' ? Decimal.max(0, score.minus(d)) : shown);
    row++;
  };
  /** The score a quantitative indicator earns (mof2020): full when met, else w × a ÷ t or w × t ÷ a. */
  const scoreOf = (ind: LayoutIndicator, w: number): Decimal => {
    if (ind.op === 'qual' || ind.met) return new Decimal(w);
    const t = new Decimal(ind.target);
    const a = r2(t.times(ind.ratio).div(1000));
    return r2(ind.op === '≥' ? new Decimal(w).times(a).div(t) : new Decimal(w).times(t).div(a));
  };

  const groupRows: { title: string; weight: number; inds: LayoutIndicator[] }[] = [];
  if (groups) {
    const half = Math.ceil(inds.length / 2);
    const w1 = Math.floor(budgetShare / 2);
    groupRows.push({ title: `年度绩效目标1（${w1}分）`, weight: w1, inds: inds.slice(0, half) });
    groupRows.push({
      title: `年度绩效目标2（${budgetShare - w1}分）`,
      weight: budgetShare - w1,
      inds: inds.slice(half),
    });
    groupRows.forEach((g, gi) => {
      set(row++, 0, g.title);
      header();
      row++;
      // Every indicator of a group met: the group earns its full weight, split in integers.
      const shares = spread(
        g.inds.map(() => 1),
        g.weight,
      );
      g.inds.forEach((ind, i) => {
        const met = { ...ind, met: true, ratio: ind.op === '≥' ? 1000 : ind.op === '≤' ? 1000 : ind.ratio };
        writeIndicator(met, gi * 10 + i, null, new Decimal(shares[i]), i === 0 ? '产出指标' : '');
      });
    });
  } else {
    header();
    row++;
    if (execIndicator) {
      // 预算执行率 ≥100%, weight 10: scored as positive, its actual the funds block's rate.
      writeIndicatorExec(10, r2(new Decimal(10).times(percent).div(100)), percent.gte(100));
    }
    inds.forEach((ind, i) => {
      if (spec.placeholders && i === 1) {
        set(row++, col('name'), '指标1：');
      }
      writeIndicator(
        ind,
        i,
        weights[i],
        scoreOf(ind, weights[i]),
        i === 0 ? '产出指标' : i === inds.length - 1 ? '满意度指标' : '',
      );
    });
    if (spec.placeholders) set(row++, col('name'), '……');
  }

  function writeIndicatorExec(w: number, s: Decimal, met: boolean) {
    if (spec.levels) {
      set(row, col('level1'), '项目管理');
      set(row, col('level2'), '资金管理');
    }
    set(row, col('name'), '预算执行率');
    if (spec.operatorColumn) set(row, col('operator'), '≥');
    const tText = spec.unitColumn ? 100 : '100%';
    set(row, col('target'), spec.operatorColumn ? tText : `≥${tText}`);
    if (spec.adjusted) {
      set(row, col('adjusted'), spec.operatorColumn ? tText : `≥${tText}`);
    }
    set(row, col('actual'), spec.unitColumn ? percent.toNumber() : `${percent.toFixed(2)}%`);
    if (spec.unitColumn) set(row, col('unit'), '%');
    set(row, col('weight'), w);
    set(row, col('score'), s.toNumber());
    if (deduction !== 'none') set(row, col('deduction'), 0);
    if (spec.coefficient) set(row, col('coefficient'), r2(s.div(w).times(100)).toNumber());
    if (!met) set(row, col('reason'), '部分资金未到支付期');
    indicatorSum = indicatorSum.plus(s);
    row++;
  }

  const total = fundsScore.plus(indicatorSum);
  const grade = gradeOf(total);
  if (spec.identityTotal) {
    set(identityRow, 2, '自评总分（分）');
    set(identityRow, 3, total.toNumber());
  } else {
    set(row, 0, '总分');
    const wc = groups ? -1 : col('weight');
    if (wc > 0) set(row, wc, 100);
    set(row, col('score'), total.toNumber());
    merge(row, 0, row, Math.max(0, Math.min(wc > 0 ? wc : col('score'), col('score')) - 1));
    row++;
    set(row, 0, '自评等级');
    set(row++, 1, grade === '优' ? '优秀' : grade);
  }
  set(row++, 0, '存在问题');

  const rows = T + row + 1;
  const values: CellValue[][] = Array.from({ length: rows }, () => []);
  const formats: (string | null)[][] = Array.from({ length: rows }, () => []);
  for (const x of cells) {
    values[x.r][x.c] = x.v;
    if (x.fmt) formats[x.r][x.c] = x.fmt;
  }
  return {
    sheet: { name: '生成表', values, formats, merges },
    total,
    grade,
    kind: department ? 'department' : 'project',
  };
}
