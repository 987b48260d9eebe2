/**
 * Tables in the provincial and system layouts of layouts.md §2–§4, built from our own figures (not a
 * published table's): each builder returns the sheet, and every figure is chosen so the arithmetic in
 * the tests (test/engine/layouts.test.ts) can be followed by hand.
 */
import { CellValue, Sheet } from '../../src/engine/grid';
import { SheetBuilder } from '../helpers/tables';

type V = CellValue;
export type Rows = (V | undefined)[][];

/** Rows placed at (top, left); `fmts` gives number formats by [row][col] of the same block. */
export function put(b: SheetBuilder, top: number, left: number, rows: Rows, pctCols: number[] = []): void {
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== undefined && v !== null)
        b.set(top + i, left + j, v, typeof v === 'number' && pctCols.includes(j) ? '0.00%' : undefined);
    }),
  );
}

export interface Offset {
  top?: number;
  left?: number;
}

/**
 * §4 "Weight before target": sections of an evaluation framework, a funds block without weight or score
 * (values on the row below its header, the label merged over both rows), 预算执行率 as an indicator, the
 * total in the identity rows (`自评得分 | 95.5 | 财政审核评分 | `).
 */
export function weightBeforeTarget(o: Offset & { execActual?: V; execScore?: V; total?: V } = {}): Sheet {
  const b = new SheetBuilder();
  const t = o.top ?? 0;
  const l = o.left ?? 0;
  put(b, t, l, [
    ['项目支出绩效自评表（2023年度）'],
    ['项目名称', '农村公路养护'],
    ['主管部门', '某县交通运输局', '实施单位', '某县公路事务中心'],
    ['自评得分', o.total ?? 99.5, '财政审核评分', null],
    ['年度资金总额（万元）', '年初预算数', '调整预算数（A）', '全年执行数（B）', '执行率（B/A）'],
    [null, 500, 480, 456, 0.95],
    ['年度总体目标', '完成全县农村公路养护300公里，优良路率保持在85%以上。'],
    ['一级指标', '二级指标', '三级指标', '分值', '指标值（A）', '全年实际值（B）', '得分', '未完成原因分析及改进措施'],
    ['项目决策（10分）', '项目立项', '立项依据充分性', 5, '充分', '充分', 5],
    [null, '绩效目标', '绩效目标合理性', 5, '合理', '合理', 5],
    [
      '项目管理（25分）',
      '资金管理',
      '预算执行率',
      10,
      '100%',
      o.execActual ?? '95%',
      o.execScore ?? 9.5,
      '部分工程款未到结算期',
    ],
    [null, null, '资金使用合规性', 5, '合规', '合规', 5],
    [null, '组织实施', '管理制度健全性', 10, '健全', '健全', 10],
    ['项目产出（30分）', '数量指标', '养护里程', 15, '≥300公里', '310公里', 15],
    [null, '质量指标', '优良路率', 15, '≥85%', '86%', 15],
    ['项目效益（35分）', '社会效益指标', '群众出行条件', 20, '有效改善', '有效改善', 20],
    [null, '满意度指标', '群众满意度', 15, '≥90%', '92%', 15],
  ]);
  b.formats[t + 5][l + 4] = '0.00%';
  b.merge(t, l, t, l + 7);
  b.merge(t + 4, l, t + 5, l);
  b.merge(t + 6, l + 1, t + 6, l + 7);
  b.merge(t + 8, l, t + 9, l);
  b.merge(t + 10, l, t + 12, l);
  b.merge(t + 13, l, t + 14, l);
  b.merge(t + 15, l, t + 16, l);
  return b.sheet('项目自评');
}

/**
 * §4 "Department table with a coefficient column": the total right of `自评总分（分）` in the identity
 * row, funds with 执行率权重 / 执行率得分 and a bare-number rate (90 = 90%), indicators with 年初指标值 and
 * 调整指标值 (the adjusted one wins), 得分系数（%）, 指标权重, 指标得分 and 是否核心指标.
 */
export function coefficientDepartment(
  o: Offset & { reportActual?: V; reportCoef?: V; reportScore?: V; total?: V; rate?: V } = {},
): Sheet {
  const b = new SheetBuilder();
  const t = o.top ?? 0;
  const l = o.left ?? 0;
  put(b, t, l, [
    ['2023年度部门整体支出绩效自评表'],
    ['部门名称', '某市统计局'],
    [
      '主管部门',
      '某市统计局',
      '财政处室',
      '行政政法处',
      '自评总分（分）',
      o.total ?? 95.67,
      '部门联系人',
      '张三',
      '联系电话',
      '0000-1234567',
    ],
    [
      '部门预算执行情况（万元）',
      '年初预算数',
      '全年（调整）预算数',
      '全年执行数',
      '执行率（%）',
      '执行率权重',
      '执行率得分（分）',
    ],
    [null, 1000, 1200, 1080, o.rate ?? 90, 10, 9],
    ['年度总体目标', '完成年度统计调查任务，按时发布统计数据。'],
    [
      '指标名称',
      '计量单位',
      '指标性质',
      '年初指标值',
      '调整指标值',
      '全年完成值',
      '得分系数（%）',
      '指标权重（分）',
      '指标得分（分）',
      '是否核心指标',
    ],
    ['统计调查项目完成数', '项', '≥', 20, 25, 25, 100, 30, 30, '是'],
    ['数据差错率', '%', '≤', 1, null, 0.8, 100, 20, 20, '否'],
    [
      '统计报告发布数',
      '篇',
      '≥',
      12,
      null,
      o.reportActual ?? 10,
      o.reportCoef ?? 83.33,
      20,
      o.reportScore ?? 16.67,
      '否',
    ],
    ['服务对象满意度', '%', '≥', 90, null, 95, 100, 20, 20, '是'],
  ]);
  b.merge(t, l, t, l + 9);
  b.merge(t + 3, l, t + 4, l);
  b.merge(t + 5, l + 1, t + 5, l + 9);
  return b.sheet('部门整体');
}

/**
 * §4 "Goal groups with weights only at group level": funds `预算执行情况（万元）（20分）` with a score
 * header `得分（20分*执行率）`, then per annual goal a title row and its own header, `总分 | 99`, text rows.
 */
export function goalGroups(o: Offset & { g1?: [V, V]; g2?: [V, V]; total?: V } = {}): Sheet {
  const b = new SheetBuilder();
  const t = o.top ?? 0;
  const l = o.left ?? 0;
  const [a1, a2] = o.g1 ?? [20, 20];
  const [b1, b2] = o.g2 ?? [20, 20];
  const hdr = ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'];
  put(b, t, l, [
    ['2023年度项目支出绩效自评表'],
    ['项目名称', '乡村振兴示范村建设'],
    ['主管部门', '某县农业农村局', '实施单位', '某县农业农村局'],
    ['预算执行情况（万元）（20分）', '预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20分*执行率）'],
    ['年度财政资金总额', 200, 190, '95.00%', 19],
    ['年度绩效目标1（40分）'],
    hdr,
    ['产出指标', '数量指标', '示范村建设数量', '≥5个', '5个', a1],
    [null, '质量指标', '工程验收合格率', '100%', '100%', a2],
    ['年度绩效目标2（40分）'],
    hdr,
    ['效益指标', '社会效益指标', '带动农户增收户数', '≥200户', '210户', b1],
    ['满意度指标', '服务对象满意度指标', '村民满意度', '≥90%', '93%', b2],
    ['总分', o.total ?? 99],
    ['偏差大或目标未完成原因分析', '无'],
    ['改进措施及结果应用方案', '继续加强项目后续管护。'],
  ]);
  b.merge(t, l, t, l + 5);
  b.merge(t + 5, l, t + 5, l + 5);
  b.merge(t + 9, l, t + 9, l + 5);
  b.merge(t + 13, l + 1, t + 13, l + 5);
  return b.sheet('绩效目标');
}

/**
 * §4 "Two-row indicator header": `绩效指标` over 一级/二级/三级 and `年度指标值` over 指标性质/指标值/度量单位,
 * the other headers merged down both rows; a central funds block with `其中:当年财政拨款` (ASCII colon).
 */
export function twoRowHeader(o: Offset & { unitPrice?: V; unitPriceScore?: V; total?: V; reason?: V } = {}): Sheet {
  const b = new SheetBuilder();
  const t = o.top ?? 0;
  const l = o.left ?? 0;
  put(b, t, l, [
    ['项目支出绩效自评表'],
    ['项目名称', null, '城区绿化养护'],
    ['主管部门', null, '某区城市管理局', null, null, '实施单位', '某区园林所'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 300, 300, 288, 10, 0.96, 9.6],
    [null, '其中:当年财政拨款', 300, 300, 288, '—', 0.96, '—'],
    [null, '上年结转资金', 0, 0, 0, '—', null, '—'],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, '完成城区120万平方米绿化养护。', null, null, null, '已完成125万平方米。'],
    ['绩效指标', null, null, '年度指标值', null, null, '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
    ['产出指标', '数量指标', '养护面积', '≥', 120, '万平方米', 125, 30, 30],
    [null, '质量指标', '苗木成活率', '≥', 95, '%', 97, 20, 20],
    [null, '成本指标', '养护单价', '≤', 25, '元/平方米', o.unitPrice ?? 24, 10, o.unitPriceScore ?? 10, o.reason],
    ['效益指标', '生态效益指标', '绿化覆盖率', '≥', 40, '%', 41.5, 20, 20],
    ['满意度指标', '满意度指标', '市民满意度', '≥', 90, '%', 92, 10, 10],
    ['总分', null, null, null, null, null, null, 100, o.total ?? 99.6],
    ['自评等级', '优'],
  ]);
  b.formats[t + 4][l + 6] = '0.00%';
  b.formats[t + 5][l + 6] = '0.00%';
  b.merge(t, l, t, l + 9);
  b.merge(t + 3, l, t + 6, l);
  b.merge(t + 9, l, t + 9, l + 2);
  b.merge(t + 9, l + 3, t + 9, l + 5);
  for (const c of [6, 7, 8, 9]) b.merge(t + 9, l + c, t + 10, l + c);
  b.merge(t + 11, l, t + 13, l);
  b.merge(t + 16, l, t + 16, l + 6);
  return b.sheet('两行表头');
}

/**
 * §4 "Separate operator and unit columns", a department table with no 一级/二级 columns: the name is the
 * first column, `计算符号` holds ≥ ≤ = 定性; funds split by 收入性质 and 支出性质.
 */
export function operatorColumn(o: Offset & { spend?: V; spendScore?: V; total?: V } = {}): Sheet {
  const b = new SheetBuilder();
  const t = o.top ?? 0;
  const l = o.left ?? 0;
  put(b, t, l, [
    ['部门整体支出绩效自评表（2023年度）'],
    ['部门（单位）名称', '某县档案馆'],
    ['年度资金总额（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 150, 160, 152, 10, '95%', 9.5],
    [null, '按收入性质分：财政拨款', 150, 160, 152],
    [null, '其他资金', 0, 0, 0],
    [null, '按支出性质分：基本支出', 100, 110, 108],
    [null, '项目支出', 50, 50, 44],
    ['指标名称', '计算符号', '指标值', '实际完成值', '计量单位', '分值', '得分', '偏差原因分析及改进措施'],
    ['档案接收进馆数量', '≥', 5000, 5200, '卷', 25, 25],
    ['档案数字化率', '≥', 60, 55, '%', 20, 18.33, '扫描设备故障停机两个月'],
    ['档案安全事故', '=', 0, 0, '起', 15, 15],
    ['办公经费支出', '≤', 30, o.spend ?? 28, '万元', 10, o.spendScore ?? 10],
    ['查档利用满意度', '定性', '满意', '满意', null, 20, 20],
    ['总分', null, null, null, null, 100, o.total ?? 97.83],
    ['自评等级', '优'],
  ]);
  b.merge(t, l, t, l + 7);
  b.merge(t + 2, l, t + 7, l);
  return b.sheet('档案馆');
}

/**
 * §4 the import/export layout of a provincial system: starred headers with notes in brackets and weight
 * hints, 三级指标名称, 计算符号, 计量单位, a score that excludes deductions and a 扣减分数 column.
 */
export function faspImport(o: Offset & { total?: V; reason?: V; deduction?: V } = {}): Sheet {
  const b = new SheetBuilder();
  const t = o.top ?? 0;
  const l = o.left ?? 0;
  put(b, t, l, [
    ['项目支出绩效自评表'],
    ['项目名称', null, '智慧校园建设'],
    ['主管部门', null, '某市教育局', null, '实施单位', '某市第一中学'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 80, 80, 80, 10, '100%', 10],
    [null, '其中:当年财政拨款', 80, 80, 80, '—', '100%', '—'],
    [
      '一级指标',
      '二级指标',
      '三级指标名称',
      '计算符号',
      '指标值',
      '*实际完成值（定量填数字，定性填达成、部分达成、未达成）',
      '计量单位',
      '*分值 数量(20)、质量(10)、时效(10)、成本(10)、效益(30)、满意度(10)',
      '*指标得分（不包含扣减分数。）',
      '扣减分数',
      '完成情况简要描述（定量选填，定性必填）',
      '偏差原因及改进措施（指标未完成时必填）',
    ],
    ['产出指标', '数量指标', '智慧教室建成数', '≥', 20, 20, '间', 20, 20, 0, '已全部建成'],
    [null, '质量指标', '设备验收合格率', '=', 100, 100, '%', 10, 10],
    [null, '时效指标', '建设周期', '≤', 12, 11, '月', 10, 10],
    [null, '成本指标', '建设成本', '≤', 80, 80, '万元', 10, 10],
    [
      '效益指标',
      '社会效益指标',
      '师生信息化应用覆盖率',
      '≥',
      90,
      92,
      '%',
      30,
      30,
      o.deduction ?? 2,
      '部分系统上线延迟',
      o.reason ?? '已督促供应商整改',
    ],
    ['满意度指标', '服务对象满意度指标', '师生满意度', '≥', 90, 95, '%', 10, 10],
    ['总分', null, null, null, null, null, null, 100, o.total ?? 98],
  ]);
  b.merge(t, l, t, l + 11);
  b.merge(t + 3, l, t + 5, l);
  b.merge(t + 7, l, t + 10, l);
  b.merge(t + 13, l, t + 13, l + 6);
  return b.sheet('导入模板');
}

/**
 * §4 "Central layout as provinces filled it": `其中:当年财政拨款`, numbers in the goal cells, the
 * template's placeholder rows left in, rates with 0 decimals (`93%` for 92.80%).
 */
export function centralAsFilled(o: Offset & { rate?: V; total?: V } = {}): Sheet {
  const b = new SheetBuilder();
  const t = o.top ?? 0;
  const l = o.left ?? 0;
  put(b, t, l, [
    ['项目支出绩效自评表'],
    ['（2023年度）'],
    ['项目名称', null, '职业技能培训补贴'],
    ['主管部门', null, '某市人力资源和社会保障局', null, null, '实施单位', '某市就业服务中心'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 500, 500, 464, 10, o.rate ?? '93%', 9.28],
    [null, '其中:当年财政拨款', 500, 500, 464, '—', o.rate ?? '93%', '—'],
    [null, '上年结转资金', 0, 0, 0, '—', null, '—'],
    [null, '其他资金', 0, 0, 0, '—', null, '—'],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, 3000, null, null, null, 3120],
    [
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ],
    [null, '产出指标', '数量指标', '培训人次', '≥3000人次', '3120人次', 30, 30],
    [null, null, null, '指标1：'],
    [null, null, '质量指标', '培训合格率', '≥90%', '94%', 20, 20],
    [null, null, null, '指标2'],
    [null, '效益指标', '社会效益指标', '培训后就业率', '≥60%', '66%', 30, 30],
    [null, null, null, '……'],
    [null, '满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', 10, 10],
    ['总分', null, null, null, null, null, 100, o.total ?? 99.28],
    ['自评等级', null, '优'],
  ]);
  b.merge(t, l, t, l + 8);
  b.merge(t + 4, l, t + 8, l);
  b.merge(t + 11, l, t + 18, l);
  b.merge(t + 19, l, t + 19, l + 5);
  return b.sheet('省级填报');
}

/** §4 "Funds block as a list of sources", with its 合计 last: `资金来源 | 年初预算 | 全年预算 | 全年执行 | 分值 | 执行率 | 得分`. */
export function sourcesList(o: Offset & { totalExecuted?: V; score?: V } = {}): Sheet {
  const b = new SheetBuilder();
  const t = o.top ?? 0;
  const l = o.left ?? 0;
  put(b, t, l, [
    ['项目支出绩效自评表'],
    ['项目名称', '老旧小区改造'],
    ['资金来源', '年初预算', '全年预算', '全年执行', '分值', '执行率', '得分'],
    ['中央补助资金', 300, 300, 300, null, '100.00%', null],
    ['地方配套资金', 100, 120, 102, null, '85.00%', null],
    ['合计', 400, 420, o.totalExecuted ?? 402, 10, '95.71%', o.score ?? 9.57],
    ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因'],
    ['产出指标', '数量指标', '改造小区数量', '≥12个', '12个', 45, 45],
    ['效益指标', '社会效益指标', '居民居住条件', '明显改善', '明显改善', 35, 35],
    ['满意度指标', '满意度指标', '居民满意度', '≥90%', '91%', 10, 10],
    ['合计', null, null, null, null, 100, 99.57],
    ['评价结论', '优'],
  ]);
  return b.sheet('来源');
}

/** The second list of sources: `资金来源 | 年初预算 | 年度预算调整 | 调整后的预算 | 全年执行数 | 预算执行率% | 自评得分` (no weight column). */
export function sourcesAdjusted(o: Offset & { rate?: V } = {}): Sheet {
  const b = new SheetBuilder();
  const t = o.top ?? 0;
  const l = o.left ?? 0;
  put(b, t, l, [
    ['项目支出绩效自评表'],
    ['项目名称', '河道综合治理'],
    ['资金来源', '年初预算', '年度预算调整', '调整后的预算', '全年执行数', '预算执行率%', '自评得分'],
    ['合计', 800, -50, 750, 720, o.rate ?? 96, 9.6],
    ['财政资金', 800, -50, 750, 720, 96, null],
    ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因'],
    ['产出指标', '数量指标', '治理河道长度', '≥8公里', '8.5公里', 50, 50],
    ['效益指标', '生态效益指标', '水质达标率', '≥90%', '92%', 30, 30],
    ['满意度指标', '满意度指标', '沿岸群众满意度', '≥90%', '93%', 10, 10],
    ['合计', null, null, null, null, 100, 99.6],
  ]);
  return b.sheet('来源2');
}

/**
 * §4 "Text rows inside blocks": goal rows with sentences in the amount columns between the funds and
 * the indicators (`年度总体目标 | 年初绩效目标 | 全年（调整）绩效目标 | 全年目标实际完成情况`).
 */
export function textRows(): Sheet {
  const b = new SheetBuilder();
  put(b, 0, 0, [
    ['项目支出绩效自评表'],
    ['项目名称', null, '社区养老服务'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 60, 60, 57, 10, '95.00%', 9.5],
    ['年度总体目标', '年初绩效目标', '全年（调整）绩效目标', '全年目标实际完成情况'],
    [null, '为全区老人提供助餐服务。', '为全区老人提供助餐、助浴服务。', '已为3000名老人提供服务。', '完成'],
    ['年度绩效目标', '实际完成情况', null, null, '偏差原因分析及改进措施'],
    [null, '建成10个社区养老服务站。', '已建成10个。', '无偏差。'],
    [
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ],
    [null, '产出指标', '数量指标', '服务老人人数', '≥3000人', '3000人', 50, 50],
    [null, '效益指标', '社会效益指标', '老人生活质量', '有效提升', '有效提升', 30, 30],
    [null, '满意度指标', '服务对象满意度指标', '老人满意度', '≥90%', '96%', 10, 10],
    ['总分', null, null, null, null, null, 100, 99.5],
    ['自评等级', null, '优'],
  ]);
  b.merge(0, 0, 0, 8);
  b.merge(2, 0, 3, 0);
  b.merge(8, 0, 11, 0);
  return b.sheet('文字行');
}

/**
 * §2 a department table with a 年度主要任务 block between the funds and the goals: a task list whose
 * amounts need not add up to the funds and whose only check is a shown rate.
 */
export function departmentTasks(o: { taskRate?: V } = {}): Sheet {
  const b = new SheetBuilder();
  put(b, 0, 0, [
    ['部门整体支出绩效自评表'],
    ['部门（单位）名称', null, '某区文化和旅游局'],
    ['年度资金总额（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 900, 1000, 950, 10, '95.00%', 9.5],
    [null, '按收入性质分：财政拨款', 900, 1000, 950],
    [null, '按支出性质分：基本支出', 600, 650, 640],
    [null, '项目支出', 300, 350, 310],
    ['年度主要任务', '任务名称', null, '主要内容', null, '预算数', '执行数', '执行率'],
    [null, '公共文化服务', null, '开展送戏下乡60场', null, 120, 118, o.taskRate ?? '98.33%'],
    [null, '文物保护', null, '完成3处文物修缮', null, 200, 150, '75.00%'],
    [null, '旅游推广', null, '举办旅游节1次', null, 80, 90, '112.50%'],
    ['年度总体目标', '全面完成年度文化旅游工作任务。'],
    ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['产出指标', '数量指标', '送戏下乡场次', '≥60场', '62场', 40, 40],
    ['效益指标', '社会效益指标', '群众文化获得感', '有效提升', '有效提升', 40, 40],
    ['满意度指标', '满意度指标', '群众满意度', '≥90%', '93%', 10, 10],
    ['总分', null, null, null, null, 100, 99.5],
    ['自评等级', '优'],
  ]);
  b.merge(0, 0, 0, 7);
  b.merge(2, 0, 6, 0);
  b.merge(7, 0, 10, 0);
  for (const r of [7, 8, 9, 10]) {
    b.merge(r, 1, r, 2);
    b.merge(r, 3, r, 4);
  }
  return b.sheet('部门整体');
}

/** §3 a summary table whose projects are grouped under heading rows, with 小计 rows and a 合计. */
export function summaryHeadings(o: { subtotalBudget?: V; totalRate?: V } = {}): Sheet {
  const b = new SheetBuilder();
  put(b, 0, 0, [
    ['2023年度项目支出绩效自评结果汇总表'],
    ['序号', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '预算执行率', '自评得分', '自评等级', '备注'],
    ['一、常年性项目'],
    [1, '机关运行保障', 100, 98, '98.00%', 96, '优'],
    [2, '信息系统运维', 50, 45, '90.00%', 91, '优'],
    ['小计', null, o.subtotalBudget ?? 150, 143, '95.33%'],
    ['二、一次性项目'],
    ['（一）专项业务费'],
    [3, '专项调查', 80, 60, '75.00%', 78, '中', '项目延期至次年'],
    [4, '课题研究', 20, 20, '100.00%', 88, '良'],
    ['小计', null, 100, 80, '80.00%'],
    ['合计', null, 250, 223, o.totalRate ?? '89.20%'],
  ]);
  b.merge(0, 0, 0, 7);
  for (const r of [2, 6, 7]) b.merge(r, 0, r, 7);
  for (const r of [5, 10, 11]) b.merge(r, 0, r, 1);
  return b.sheet('汇总表');
}
