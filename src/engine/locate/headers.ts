/** Header words of each block (docs/rules.md, "Tables it reads"), matched after headerKey(). */

export type FundsRole = 'initial' | 'budget' | 'executed' | 'weight' | 'rate' | 'score' | 'reason';
export type IndicatorRole =
  'level1' | 'level2' | 'name' | 'operator' | 'target' | 'unit' | 'actual' | 'weight' | 'score' | 'reason';
export type SummaryRole = 'index' | 'name' | 'budget' | 'executed' | 'rate' | 'score' | 'grade' | 'remark';

export const FUNDS_HEADERS: Record<FundsRole, string[]> = {
  initial: ['年初预算数', '年初预算', '年初预算金额'],
  budget: ['全年预算数', '调整后预算数', '全年预算', '预算数', '调整后预算', '全年预算金额', '调整预算数'],
  executed: [
    '全年执行数',
    '预算执行数',
    '执行数',
    '实际支出',
    '全年实际支出',
    '实际执行数',
    '全年执行金额',
    '执行金额',
  ],
  weight: ['分值', '权重'],
  rate: ['执行率', '预算执行率', '全年执行率'],
  score: ['得分', '自评得分'],
  reason: ['原因', '偏差原因', '偏差原因分析', '未完成原因分析', '原因分析', '备注', '偏差原因分析及改进措施'],
};

export const INDICATOR_HEADERS: Record<IndicatorRole, string[]> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称', '三级指标名称'],
  operator: ['指标性质', '指标方向', '指标值性质'],
  target: ['年度指标值', '指标值', '目标值', '年度目标值', '预期指标值', '预期目标值', '年度指标目标值', '计划指标值'],
  unit: ['度量单位', '计量单位', '单位', '指标单位'],
  actual: ['实际完成值', '完成值', '全年实际值', '实际值', '全年实际完成值', '实际完成情况', '年度实际完成值'],
  weight: ['分值', '权重'],
  score: ['得分', '自评得分'],
  reason: [
    '偏差原因分析及改进措施',
    '未完成原因分析',
    '偏差原因',
    '原因分析',
    '偏差原因分析',
    '未完成原因分析及改进措施',
    '偏差原因及改进措施',
    '原因',
    '备注',
  ],
};

export const SUMMARY_HEADERS: Record<SummaryRole, string[]> = {
  index: ['序号'],
  name: ['项目名称', '项目'],
  budget: ['全年预算数', '预算数', '调整后预算数', '全年预算', '预算金额', '年度预算数', '预算安排数', '全年预算金额'],
  executed: [
    '全年执行数',
    '执行数',
    '实际支出',
    '预算执行数',
    '执行金额',
    '实际执行数',
    '实际支出数',
    '全年支出数',
    '支出数',
  ],
  rate: ['预算执行率', '执行率', '资金执行率', '全年执行率'],
  score: ['自评得分', '得分', '自评分', '评价得分', '自评分数', '总分'],
  grade: [
    '自评等级',
    '等级',
    '评价等级',
    '自评结果',
    '评价结论',
    '自评结论',
    '评价结果',
    '自评等次',
    '等次',
    '绩效等级',
  ],
  remark: ['备注', '说明', '原因', '偏差原因'],
};

export const TOTAL_WORDS = ['总分', '合计', '总计', '得分合计', '合计得分', '总得分'];
export const GRADE_WORDS = [
  '评价结论',
  '自评等级',
  '自评结果',
  '等级',
  '自评结论',
  '评价等级',
  '绩效等级',
  '自评等次',
  '评价等次',
];
export const GOAL_WORDS =
  /^(年度总体目标|项目年度目标|总体目标|年度目标|项目基本情况|绩效目标|预期目标|\d+[.、]?项目年度目标)/;

/** key → role of a header table (the first role listing a key wins). */
function roleIndex<R extends string>(table: Record<R, string[]>): (key: string) => R | null {
  const index = new Map<string, R>();
  for (const role of Object.keys(table) as R[]) for (const k of table[role]) if (!index.has(k)) index.set(k, role);
  return (key) => index.get(key) ?? null;
}

export const fundsRole = roleIndex(FUNDS_HEADERS);
export const indicatorRole = roleIndex(INDICATOR_HEADERS);
export const summaryRole = roleIndex(SUMMARY_HEADERS);

/** Every header word of any block: a row with fewer than two of them is not a header row. */
export const HEADER_WORDS = new Set([
  ...Object.values<string[]>(FUNDS_HEADERS).flat(),
  ...Object.values<string[]>(INDICATOR_HEADERS).flat(),
  ...Object.values<string[]>(SUMMARY_HEADERS).flat(),
]);
