/**
 * Builders of real-looking self-evaluation tables as engine grids: the Sichuan-style and central
 * (财预〔2020〕10号) project layouts, the department table and the summary table, at any offset, with
 * merged section labels and level-1/level-2 cells as departments fill them.
 */
import { CellRange } from '../../src/engine/address';
import { CellValue, Sheet, WorkbookGrid } from '../../src/engine/grid';

type V = CellValue;

export class SheetBuilder {
  values: V[][] = [];
  formats: (string | null)[][] = [];
  merges: CellRange[] = [];

  set(row: number, col: number, v: V, fmt?: string): void {
    while (this.values.length <= row) {
      this.values.push([]);
      this.formats.push([]);
    }
    this.values[row][col] = v;
    if (fmt) this.formats[row][col] = fmt;
  }

  row(row: number, col: number, vs: V[], fmts: (string | undefined)[] = []): void {
    vs.forEach((v, i) => {
      if (v !== undefined && v !== null) this.set(row, col + i, v, fmts[i]);
    });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  sheet(name: string): Sheet {
    for (let r = 0; r < this.values.length; r++) {
      this.values[r] = this.values[r] ?? [];
      this.formats[r] = this.formats[r] ?? [];
    }
    return { name, values: this.values, formats: this.formats, merges: this.merges };
  }
}

export const PCT = '0.00%';

/** funds row: [label, 年初预算, 调整后预算数, 预算执行数, 预算执行率, 权重, 得分, 原因] */
export type SichuanFunds = [string, V, V, V, V, V, V, V?];
/** indicator row: [一级, 二级, 三级, 指标性质, 指标值, 度量单位, 完成值, 权重, 得分, 原因] */
export type SichuanIndicator = [V, V, string, V, V, V, V, V, V, V?];

export interface SichuanSpec {
  top?: number;
  left?: number;
  name?: string;
  funds: SichuanFunds[];
  indicators: SichuanIndicator[];
  total: [V, V];
  grade: V;
  /** Label of the funds block; default 预算执行情况（10分）. */
  fundsLabel?: string;
  indicatorsLabel?: string;
  /** Blank rows inserted after these indicator indexes. */
  blankAfter?: number[];
}

/** Sichuan-style 部门预算项目支出绩效自评表; returns the next free row. */
export function sichuanProject(b: SheetBuilder, s: SichuanSpec): number {
  const t = s.top ?? 0;
  const l = s.left ?? 0;
  b.set(t, l, '部门预算项目支出绩效自评表（2023年度）');
  b.merge(t, l, t, l + 10);
  b.row(t + 1, l, ['项目名称', s.name ?? '2023招商引资']);
  b.merge(t + 1, l + 1, t + 1, l + 10);
  b.row(t + 2, l, ['主管部门', '某区经济合作局', null, null, null, '实施单位 （盖章）', null, '某区经济合作局']);
  let r = t + 3;
  b.row(r, l, [
    s.fundsLabel ?? '预算执行情况（10分）',
    '年度预算数（万元）',
    null,
    '年初预算',
    '调整后预算数',
    '预算执行数',
    '预算执行率',
    '权重',
    '得分',
    '原因',
  ]);
  b.merge(r, l, r + s.funds.length, l);
  b.merge(r, l + 1, r, l + 2);
  b.merge(r, l + 9, r, l + 10);
  r++;
  for (const f of s.funds) {
    b.row(
      r,
      l + 1,
      [f[0], null, f[1], f[2], f[3], f[4], f[5], f[6], f[7] ?? null],
      [undefined, undefined, undefined, undefined, undefined, typeof f[4] === 'number' ? PCT : undefined],
    );
    b.merge(r, l + 1, r, l + 2);
    b.merge(r, l + 9, r, l + 10);
    r++;
  }
  const hdr = r;
  b.row(r, l, [
    s.indicatorsLabel ?? '绩效指标（90分）',
    '一级指标',
    '二级指标',
    '三级指标',
    '指标性质',
    '指标值',
    '度量单位',
    '完成值',
    '权重',
    '得分',
    '未完成原因分析',
  ]);
  r++;
  s.indicators.forEach((ind, i) => {
    b.row(
      r,
      l + 1,
      ind.map((v) => (v === undefined ? null : v)),
    );
    r++;
    if (s.blankAfter?.includes(i)) r++;
  });
  b.merge(hdr, l, r - 1, l);
  b.row(r, l, ['合计', null, null, null, null, null, null, null, s.total[0], s.total[1]]);
  b.merge(r, l, r, l + 7);
  r++;
  b.row(r, l, ['评价结论', s.grade]);
  b.merge(r, l + 1, r, l + 10);
  r++;
  b.row(r, l, ['存在问题', '无']);
  r++;
  return r;
}

/** funds row: [label, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分] */
export type CentralFunds = [string, V, V, V, V, V, V];
/** indicator row: [一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因] */
export type CentralIndicator = [V, V, string, V, V, V, V, V?];

export interface CentralSpec {
  top?: number;
  left?: number;
  name?: string;
  title?: string;
  identityLabel?: string;
  funds: CentralFunds[];
  indicators: CentralIndicator[];
  total: [V, V];
  grade: V;
}

/** Central 财预〔2020〕10号 项目支出绩效自评表 (or 部门整体 with identityLabel); returns the next free row. */
export function centralProject(b: SheetBuilder, s: CentralSpec): number {
  const t = s.top ?? 0;
  const l = s.left ?? 0;
  b.set(t, l, s.title ?? '项目支出绩效自评表');
  b.merge(t, l, t, l + 8);
  b.set(t + 1, l, '（2022年度）');
  b.row(t + 2, l, [s.identityLabel ?? '项目名称', null, s.name ?? '兰洽会经费']);
  b.merge(t + 2, l, t + 2, l + 1);
  b.row(t + 3, l, ['主管部门', null, '某新区经济合作局', null, null, '实施单位', '某新区经济合作局']);
  let r = t + 4;
  b.row(r, l, ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  b.merge(r, l, r + s.funds.length, l);
  r++;
  for (const f of s.funds) {
    b.row(
      r,
      l + 1,
      [...f],
      [undefined, undefined, undefined, undefined, undefined, typeof f[5] === 'number' ? PCT : undefined],
    );
    r++;
  }
  b.row(r, l, ['年度总体目标', '预期目标', null, null, null, '实际完成情况']);
  b.row(r + 1, l + 1, ['按计划完成全年工作任务。', null, null, null, '已完成。']);
  r += 2;
  const hdr = r;
  b.row(r, l, [
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ]);
  r++;
  for (const ind of s.indicators) {
    b.row(
      r,
      l + 1,
      ind.map((v) => (v === undefined ? null : v)),
    );
    r++;
  }
  b.merge(hdr, l, r - 1, l);
  b.row(r, l, ['总分', null, null, null, null, null, s.total[0], s.total[1]]);
  b.merge(r, l, r, l + 5);
  r++;
  b.row(r, l, ['自评等级', null, s.grade]);
  b.merge(r, l, r, l + 1);
  b.merge(r, l + 2, r, l + 8);
  r++;
  return r;
}

/** summary row: [序号, 项目名称, 全年预算数, 全年执行数, 预算执行率, 自评得分, 自评等级, 备注] */
export type SummaryRow = [V, string, V, V, V, V, V, V?];

export function summaryTable(
  b: SheetBuilder,
  s: { top?: number; left?: number; rows: SummaryRow[]; total?: [V, V, V] },
): number {
  const t = s.top ?? 0;
  const l = s.left ?? 0;
  b.set(t, l, '2022年度部门项目支出绩效自评结果汇总表');
  b.merge(t, l, t, l + 7);
  b.row(t + 1, l, [
    '序号',
    '项目名称',
    '全年预算数（万元）',
    '全年执行数（万元）',
    '预算执行率',
    '自评得分',
    '自评等级',
    '备注',
  ]);
  let r = t + 2;
  for (const row of s.rows) {
    b.row(
      r,
      l,
      row.map((v) => v ?? null),
      [undefined, undefined, undefined, undefined, typeof row[4] === 'number' ? PCT : undefined],
    );
    r++;
  }
  if (s.total) {
    b.row(r, l, ['合计', null, s.total[0], s.total[1], s.total[2]], [undefined, undefined, undefined, undefined, PCT]);
    b.merge(r, l, r, l + 1);
    r++;
  }
  return r;
}

export function grid(...sheets: Sheet[]): WorkbookGrid {
  return { sheets };
}

/** The 2023 招商引资 table of the shared example, as a spec to vary. */
export function sichuanExample(): SichuanSpec {
  return {
    name: '51090423T000008717642-2023招商引资',
    funds: [
      ['总额', 300, 349.78, 349.78, 1, 10, 10],
      ['其中：财政资金', 300, 349.78, 349.78, 1, '/', '/'],
      ['财政专户管理资金', 0, 0, 0, 0, '/', '/'],
      ['单位资金', 0, 0, 0, 0, '/', '/'],
      ['其他资金', null, null, null, null, '/', '/'],
    ],
    indicators: [
      ['产出指标', '数量指标', '招引项目个数', '≥', 16, '个', 21, 10, 10],
      [null, null, '协议金额', '≥', 240, '亿元', 184.2, 10, 7.7, '无超大项目'],
      [null, '质量指标', '10亿元以上项目个数', '≥', 5, '个', 5, 10, 10],
      [null, '时效指标', '完成时间', '＝', 1, '年', 1, 10, 10],
      ['效益指标', '经济效益指标', '创造GDP产值', '≥', 30, '亿元', null, 10, 10, '未完全投产，无法计算'],
      [null, null, '完成税收', '≥', 3, '亿元', null, 5, 5, '未完全投产，无法计算'],
      [null, '社会效益指标', '创造就业岗位', '≥', 3000, '个', null, 5, 5, '未完全投产，无法计算'],
      ['满意度指标', '满意度指标', '群众满意度', '≥', 95, '%', 100, 10, 10],
      ['成本指标', '经济成本指标', '参加或举办大型活动', '≤', 110, '万元', 110, 10, 10],
      [null, null, '差旅费', '≤', 144, '万元', 130, 2, 2],
      [null, null, '租赁费', '≤', 10, '万元', 10, 2, 2],
      [null, null, '其它费用', '≤', 20, '万元', 19, 2, 2],
      [null, null, '接待费', '≤', 80, '万元', 80, 2, 2],
      [null, null, '资料印制费', '≤', 10, '万元', 10, 2, 2],
    ],
    total: [100, 97.7],
    grade: '优秀',
  };
}

/** A small clean central table: every figure agrees. Total = 9.54 + 90 = 99.54. */
export function centralClean(): CentralSpec {
  return {
    funds: [
      ['年度资金总额', 110, 584.48, 557.82, 10, 0.9544, 9.54],
      ['其中：当年财政拨款', 110, 584.48, 557.82, '—', 0.9544, '—'],
      ['上年结转资金', 0, 0, 0, '—', null, '—'],
      ['其他资金', 0, 0, 0, '—', null, '—'],
    ],
    indicators: [
      ['产出指标', '数量指标', '布展特色产业馆数量', '≥3个', '3个', 20, 20],
      [null, '质量指标', '签约项目个数', '≥200个', '218个', 20, 20],
      [null, '时效指标', '承办事项完成时间', '2022年7月31日前', '2022年7月10日', 10, 10],
      ['成本指标', '经济成本指标', '兰洽会经费', '≤584.48万元', '557.82万元', 15, 15],
      ['效益指标', '社会效益指标', '新区对外影响力', '有效提升', '达成预期', 15, 15],
      ['满意度指标', '服务对象满意度指标', '参展客商满意度', '≥90%', '92%', 10, 10],
    ],
    total: [100, 99.54],
    grade: '优',
  };
}
