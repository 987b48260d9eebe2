/**
 * The layouts as data: header words of each block and the words of the rows around them
 * (docs/rules.md "Tables it reads", §8). Locating (tables.ts) reads no province by name: a new layout is
 * new words here — a synonym in a role's list, or a new role when the block holds a new kind of cell.
 *
 * Header cells are matched after headerKey(): half-width, no spaces, brackets and their notes removed,
 * asterisks and a trailing colon or `%` dropped (`*指标得分（不包含扣减分数。）` → `指标得分`). A key that
 * is no word of a table but starts with one of three characters or more (`实际完成值说明`), or with a
 * two-character word followed by a note (`分值数量、质量、时效…`), takes that word's role.
 */

export type FundsRole = 'initial' | 'budget' | 'executed' | 'weight' | 'rate' | 'score' | 'reason';
export type IndicatorRole =
  | 'level1'
  | 'level2'
  | 'name'
  | 'operator'
  | 'target'
  | 'adjustedTarget'
  | 'unit'
  | 'actual'
  | 'weight'
  | 'score'
  | 'deduction'
  | 'coefficient'
  | 'reason';
export type SummaryRole = 'index' | 'name' | 'budget' | 'executed' | 'rate' | 'score' | 'grade' | 'remark';
export type TaskRole = 'task' | 'content' | 'budget' | 'executed' | 'rate';

export const FUNDS_HEADERS: Record<FundsRole, string[]> = {
  initial: ['年初预算数', '年初预算', '年初预算金额'],
  budget: [
    '全年预算数',
    '调整后预算数',
    '全年预算',
    '预算数',
    '调整后预算',
    '全年预算金额',
    '调整预算数',
    '调整后的预算',
    '调整后的预算数',
    '全年调整预算数',
  ],
  executed: [
    '全年执行数',
    '预算执行数',
    '执行数',
    '实际支出',
    '全年实际支出',
    '实际执行数',
    '全年执行金额',
    '执行金额',
    '全年执行',
  ],
  weight: ['分值', '权重', '执行率权重'],
  rate: ['执行率', '预算执行率', '全年执行率'],
  score: ['得分', '自评得分', '执行率得分'],
  reason: ['原因', '偏差原因', '偏差原因分析', '未完成原因分析', '原因分析', '备注', '偏差原因分析及改进措施'],
};

export const INDICATOR_HEADERS: Record<IndicatorRole, string[]> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称', '三级指标名称', '指标内容', '三级指标内容', '绩效指标名称'],
  operator: ['指标性质', '指标方向', '指标值性质', '计算符号', '运算符号', '符号'],
  target: [
    '年度指标值',
    '指标值',
    '目标值',
    '年度目标值',
    '预期指标值',
    '预期目标值',
    '年度指标目标值',
    '计划指标值',
    '年初指标值',
    '年初目标值',
    '全年指标值',
  ],
  adjustedTarget: ['调整指标值', '调整后指标值', '调整目标值', '全年调整指标值'],
  unit: ['度量单位', '计量单位', '单位', '指标单位'],
  actual: [
    '实际完成值',
    '完成值',
    '全年实际值',
    '实际值',
    '全年实际完成值',
    '实际完成情况',
    '年度实际完成值',
    '全年完成值',
    '实际完成指标值',
    '年度完成值',
  ],
  weight: ['分值', '权重', '指标权重', '指标分值'],
  score: ['得分', '自评得分', '指标得分', '实际得分', '评价得分'],
  deduction: ['扣减分数', '扣分', '扣减分值'],
  coefficient: ['得分系数', '得分率'],
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

/** A department table's 年度主要任务 block (docs/rules.md §8.2): a task list, not funds, not indicators. */
export const TASK_HEADERS: Record<TaskRole, string[]> = {
  task: ['任务名称', '主要任务', '任务'],
  content: ['主要内容', '任务内容', '主要工作内容'],
  budget: ['预算数', '全年预算数', '预算金额', '年度预算数', '调整后预算数'],
  executed: ['执行数', '全年执行数', '实际支出', '执行金额', '预算执行数'],
  rate: ['执行率', '预算执行率'],
};

/**
 * Block shapes: which roles make a header row a header of that block. Checked in this order; the
 * first shape whose roles are all present (one of each alternative list) wins.
 */
export const BLOCK_SHAPES = {
  indicators: [['name'], ['target', 'adjustedTarget', 'actual'], ['score', 'weight']] as IndicatorRole[][],
  tasks: [['task', 'content'], ['budget'], ['executed']] as TaskRole[][],
  /** A summary's name column is literally 项目名称 (a funds block never has one). */
  summary: [['budget'], ['executed']] as SummaryRole[][],
  funds: [['budget', 'initial'], ['executed']] as FundsRole[][],
};

export const TOTAL_WORDS = ['总分', '合计', '总计', '得分合计', '合计得分', '总得分'];
/** The reported total in the identity rows (no 总分 row): the value is the cell to the right. */
export const IDENTITY_TOTAL_WORDS = ['自评总分', '自评得分', '自评总得分', '自评分数'];
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
/**
 * After a grade word, in its own cell: nothing, 评定/评价/结论/结果 (`等级评定`), a mark (`自评等级：优`) or the
 * grade itself (`自评等级优`). Any other word makes it a name: `等级公路新改建里程`, `自评结果运用率` are indicators.
 */
const AFTER_GRADE_WORD = /^(评定|评价|结论|结果)?($|[^\p{Script=Han}]|(优秀?|良好?|中等?|较?差|合格|不合格)$)/u;
/** Is this key (a row's first text) the grade row's label? */
export function isGradeLabel(key: string): boolean {
  return GRADE_WORDS.some((w) => key === w || (key.startsWith(w) && AFTER_GRADE_WORD.test(key.slice(w.length))));
}
/** Goal rows: sentences between the funds and the indicators; they end the funds block. */
export const GOAL_WORDS =
  /^(年度总体目标|项目年度目标|总体目标|年度目标|项目基本情况|绩效目标|预期目标|年度绩效目标|年初绩效目标|全年目标|年度主要任务|\d+[.、]?项目年度目标)/;
/** A goal group's title row: `年度绩效目标1（40分）` over its own indicator header. */
export const GROUP_TITLE = /^(年度)?(绩效)?目标[0-9一二三四五六七八九十]+.*\(\d+(?:\.\d+)?分\)/;
/** Labels of fund rows (a row without amounts but with one of these is still a fund row). */
export const FUND_ROW_WORDS = /资金|拨款|支出|收入|总额|合计|其中|按|结转|结余|专户|自有/;
/** The template's placeholder indicator rows, left in: `指标1：`, `指标2`, `……`. */
export const PLACEHOLDER = /^(指标\d*[:：]?|[…．.。·]{2,}|…+|\d+[.、]?)$/;
/** The label of a task block: with a budget and an executed column, a header is a task list's. */
export const TASK_LABEL = /^(年度)?(主要|重点)(工作)?任务$/;
/** A summary heading that may carry its category's sums: Chinese numerals only (`一、`, `（一）`). */
export const HEADING_WITH_SUMS = /^([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\))/;
/** Rows after the indicators that end the table (the conclusion's text rows), when nothing else is filled. */
export const END_WORDS =
  /^(存在问题|主要问题|改进措施|整改措施|其他说明|说明|备注|偏差大|结果应用|评价结论|自评结论|填表说明|注[:：])/;
/** A summary's category heading: `一、常年性项目`, `（一）专项业务费`, `1.专项`. */
export const HEADING =
  /^(\(?[一二三四五六七八九十]+[)、.]|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十]+[类部分])/;
/** A score header that says deductions are not in it (`*指标得分（不包含扣减分数。）`). */
export const EXCLUDES_DEDUCTION = /不包含扣减|不含扣减|扣减前/;

/** key → role of a header table (the first role listing a key wins), with the leading-words fallback. */
export function roleIndex<R extends string>(table: Record<R, string[]>): (key: string) => R | null {
  const index = new Map<string, R>();
  /** The first two characters of every word: a key that starts otherwise is no header (most cells). */
  const starts = new Set<string>();
  let longest = 0;
  for (const role of Object.keys(table) as R[]) {
    for (const k of table[role]) {
      if (!index.has(k)) index.set(k, role);
      starts.add(k.slice(0, 2));
      longest = Math.max(longest, k.length);
    }
  }
  const memo = new Map<string, R | null>();
  return (key) => {
    const exact = index.get(key);
    if (exact !== undefined) return exact;
    if (key.length < 3 || !starts.has(key.slice(0, 2))) return null;
    let hit = memo.get(key);
    if (hit !== undefined) return hit;
    hit = null;
    for (let n = Math.min(longest, key.length - 1); n >= 2; n--) {
      const r = index.get(key.slice(0, n));
      // Two-character words (分值, 单位, 项目) only before a note: `分值数量、质量…`, never `单位名称`.
      if (r !== undefined && (n >= 3 || /[、,，;；0-9]/.test(key.slice(n)))) {
        hit = r;
        break;
      }
    }
    if (memo.size > 50000) memo.clear();
    memo.set(key, hit);
    return hit;
  };
}

export const fundsRole = roleIndex(FUNDS_HEADERS);
export const indicatorRole = roleIndex(INDICATOR_HEADERS);
export const summaryRole = roleIndex(SUMMARY_HEADERS);
export const taskRole = roleIndex(TASK_HEADERS);

/** Every header word of any block: a row with fewer than two of them is not a header row. */
const anyRole = roleIndex({
  all: [
    ...Object.values<string[]>(FUNDS_HEADERS).flat(),
    ...Object.values<string[]>(INDICATOR_HEADERS).flat(),
    ...Object.values<string[]>(SUMMARY_HEADERS).flat(),
    ...Object.values<string[]>(TASK_HEADERS).flat(),
  ],
});

export function isHeaderWord(key: string): boolean {
  return key !== '' && anyRole(key) !== null;
}
