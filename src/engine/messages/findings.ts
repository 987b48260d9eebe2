/**
 * Every finding's wording, in Chinese and English, keyed by finding code and message id.
 *
 * A finding carries data only — its code, a message id and its parameters (numbers as strings, cell
 * texts as the cell shows them) — and `render(finding, lang)` words it here. Parameters that name a
 * part of the table (`field`, `where`, `group`, `band`, `block`, `onTime`, `deduct`) are ids, never
 * Chinese words, so the English never borrows Chinese grammar. The only Chinese an English message
 * may hold is quoted cell text and table labels (project, indicator and column names): the
 * parameters listed in `TEXT_PARAMS`.
 *
 * To add a message: add its entry under its code below (both languages); `ctx.add(code, ref, id,
 * params)` in src/engine/check raises it. docs/architecture.md ("A new message") has the steps.
 */
import type { FindingCode } from '../findings';

export type Lang = 'zh' | 'en';

/** A finding's parameters: numbers as strings, cell texts as written, ids for parts of the table. */
export type Params = Readonly<Record<string, string | undefined>>;

export interface Message {
  zh: (p: Params) => string;
  en: (p: Params) => string;
}

/** Parameters that hold cell text or table labels: the only place Chinese may appear in English. */
export const TEXT_PARAMS = [
  'label',
  'value',
  'text',
  'columns',
  'actualUnit',
  'targetUnit',
  'grade',
  'reportedGrade',
  'project',
  'sheet',
  'actual',
] as const;

/** What a number cell is: the id a check passes (never a Chinese label). */
export const FIELDS = {
  budget: { zh: '预算数', en: 'budget' },
  executed: { zh: '执行数', en: 'executed' },
  weight: { zh: '分值', en: 'weight' },
  score: { zh: '得分', en: 'score' },
  totalWeight: { zh: '总分值', en: 'total weight' },
  total: { zh: '总分', en: 'total' },
  selfScore: { zh: '自评得分', en: 'score' },
  deduction: { zh: '扣减分数', en: 'deduction' },
} as const;
export type Field = keyof typeof FIELDS;

const WHERE = { reason: { zh: '原因栏', en: 'reason column' }, remark: { zh: '备注栏', en: 'remarks column' } };
const GROUPS = {
  income: { zh: '按收入性质分的', en: 'by source of funds' },
  expense: { zh: '按支出性质分的', en: 'by type of spending' },
  of: { zh: '其中', en: 'of which' },
};
/** Qualitative bands, passed as ids. */
const BANDS = {
  met: { zh: '达成', en: 'achieved' },
  partly: { zh: '部分达成', en: 'partly achieved' },
  unmet: { zh: '未达成', en: 'not achieved' },
};
const BLOCKS = {
  funds: { zh: '资金表', en: 'the funds block' },
  indicators: { zh: '绩效指标表', en: 'the indicator block' },
  summary: { zh: '汇总表', en: 'the summary' },
};

function pick<T extends Record<string, { zh: string; en: string }>>(
  table: T,
  id: string | undefined,
  lang: Lang,
): string {
  const e = (table as Record<string, { zh: string; en: string }>)[id ?? ''];
  return e ? e[lang] : (id ?? '');
}

/**
 * Who a message is about: `label` (a funds row label, an indicator or project name) or, for an
 * unnamed row, `row` with `rowKind` `indicator` or `row`.
 */
function subject(p: Params, lang: Lang): string {
  if (p.label) return p.label;
  if (p.row) {
    if (p.rowKind === 'indicator') return lang === 'zh' ? `第 ${p.row} 行指标` : `the indicator in row ${p.row}`;
    return lang === 'zh' ? `第 ${p.row} 行` : `row ${p.row}`;
  }
  return '';
}
const zs = (p: Params) => subject(p, 'zh');
const es = (p: Params) => subject(p, 'en');
/** English sentence start: "<subject>: " when there is a subject. */
const lead = (p: Params) => (subject(p, 'en') ? `${subject(p, 'en')}: ` : '');

/** How a score was computed: the arithmetic, on-time wording, and any deduction. */
function formula(p: Params, lang: Lang): string {
  let f = p.formula ?? '';
  if (p.onTime === 'yes') f = lang === 'zh' ? '按时完成' : 'on time';
  if (p.onTime === 'no') f = lang === 'zh' ? '未按时完成' : 'late';
  if (p.overDeduct) f += lang === 'zh' ? '，超额扣减' : ', less the overachievement deduction';
  if (p.yitihuaDeduct) {
    const d = p.devPercent ?? '30';
    f += lang === 'zh' ? ` − ${p.yitihuaDeduct}（偏离 ≥ ${d}%）` : ` − ${p.yitihuaDeduct} (deviation ≥ ${d}%)`;
  }
  if (p.deduct) f += lang === 'zh' ? ` − ${p.deduct}（扣减）` : ` − ${p.deduct} (deduction)`;
  return f;
}
const zf = (p: Params) => formula(p, 'zh');
const ef = (p: Params) => formula(p, 'en');
const enColumns = (p: Params) => (p.columns ?? '').split('、').join(', ');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as a finding carries it: `2022-7-31`, or `-12-31` when the year is not given (年底前). */
export function dateParam(d: { year: number | null; month: number; day: number }): string {
  return `${d.year ?? ''}-${d.month}-${d.day}`;
}

/** A date parameter in words: 2022年7月31日 / 31 Jul 2022. */
function dateText(param: string | undefined, lang: Lang): string {
  const [y, m, d] = (param ?? '').split('-');
  if (lang === 'zh') return `${y ? `${y}年` : ''}${m}月${d}日`;
  return `${d} ${MONTHS[Number(m) - 1] ?? m}${y ? ` ${y}` : ''}`;
}
/** The actual of a date indicator: a date (`actualDate`) or the cell's text (`actual`). */
const actualText = (p: Params, lang: Lang) => (p.actualDate ? dateText(p.actualDate, lang) : (p.actual ?? ''));

const rateMismatch: Message = {
  zh: (p) => `${zs(p)}：执行率应为 ${p.rate}%（${p.executed} ÷ ${p.budget}），表内为 ${p.reported}%`,
  en: (p) => `${es(p)}: the rate should be ${p.rate}% (${p.executed} ÷ ${p.budget}), the cell says ${p.reported}%`,
};
const scoreMismatch: Message = {
  zh: (p) => `${zs(p)}：得分应为 ${p.score}（${zf(p)}），表内为 ${p.reported}`,
  en: (p) => `${es(p)}: the score should be ${p.score} (${ef(p)}), the cell says ${p.reported}`,
};
const totalMismatch: Message = {
  zh: (p) => `总分应为 ${p.total}（各项得分之和），表内为 ${p.reported}`,
  en: (p) => `the total should be ${p.total} (the sum of the scores), the cell says ${p.reported}`,
};

export const FINDING_MESSAGES = {
  NO_TABLE: {
    workbook: {
      zh: () => '整个工作簿中没有找到绩效自评表（项目表、部门整体表或汇总表）',
      en: () => 'no self-evaluation table was found in the workbook',
    },
    sheet: {
      zh: (p) => `工作表“${p.sheet}”中没有绩效自评表`,
      en: (p) => `sheet ${p.sheet} holds no table`,
    },
  },
  COLUMN_MISSING: {
    default: {
      zh: (p) => `${pick(BLOCKS, p.block, 'zh')}缺少“${p.columns}”列`,
      en: (p) => `${pick(BLOCKS, p.block, 'en')} lacks the column(s) ${enColumns(p)}`,
    },
  },
  UNPARSEABLE: {
    number: {
      zh: (p) => `${zs(p)}${zs(p) ? '的' : ''}${pick(FIELDS, p.field, 'zh')}应为数字，表内为“${p.value}”`,
      en: (p) => `${lead(p)}the ${pick(FIELDS, p.field, 'en')} should be a number; the cell holds "${p.value}"`,
    },
    rate: {
      zh: (p) => `执行率应为百分数，表内为“${p.value}”`,
      en: (p) => `the rate should be a percentage; the cell holds "${p.value}"`,
    },
    coefficient: {
      zh: (p) => `${zs(p)}${zs(p) ? '的' : ''}得分系数应为百分数，表内为“${p.value}”`,
      en: (p) => `${lead(p)}coefficient: expected a percentage, the cell holds "${p.value}"`,
    },
    date: {
      zh: (p) => `${zs(p)}：完成值“${p.actual}”不是日期，无法与时限 ${dateText(p.deadline, 'zh')}前 比较`,
      en: (p) =>
        `${es(p)}: the actual "${p.actual}" is not a date to compare with the deadline ${dateText(p.deadline, 'en')}`,
    },
    target: {
      zh: (p) => `${zs(p)}：指标值为空或不是数字，无法计分`,
      en: (p) => `${es(p)}: the target is empty or not a number`,
    },
    actual: {
      zh: (p) => `${zs(p)}：完成值“${p.actual}”不是数字，无法与指标值 ${p.target} 比较`,
      en: (p) => `${es(p)}: the actual "${p.actual}" is not a number`,
    },
  },
  OPERATOR_MISSING: {
    default: {
      zh: (p) => `${zs(p)}：指标值没有写明方向（≥、≤ 或 =），按“≥”计分`,
      en: (p) => `${es(p)}: the target has no operator; scored as ≥`,
    },
    table: {
      zh: () => `本表的指标值都没有写明方向（≥、≤ 或 =），均按“≥”计分`,
      en: () => `no target of this table states a direction (≥, ≤ or =); all are scored as ≥`,
    },
  },
  UNIT_MISMATCH: {
    default: {
      zh: (p) => `${zs(p)}：完成值单位“${p.actualUnit}”与指标值单位“${p.targetUnit}”无法换算`,
      en: (p) =>
        `${es(p)}: the actual's unit "${p.actualUnit}" cannot be converted into the target's "${p.targetUnit}"`,
    },
  },
  FUNDS_SUBTOTAL_MISMATCH: {
    default: {
      zh: (p) =>
        `${zs(p)}的${pick(FIELDS, p.field, 'zh')}为 ${p.total}，${pick(GROUPS, p.group, 'zh')}各行合计为 ${p.sum}，两者不符`,
      en: (p) => `${es(p)}: ${pick(FIELDS, p.field, 'en')} is ${p.total} but the rows under it add up to ${p.sum}`,
    },
    summary: {
      zh: (p) => `合计${pick(FIELDS, p.field, 'zh')}为 ${p.total}，各项目合计为 ${p.sum}，两者不符`,
      en: (p) => `the total ${pick(FIELDS, p.field, 'en')} is ${p.total} but the rows add up to ${p.sum}`,
    },
    subtotal: {
      zh: (p) => `小计${pick(FIELDS, p.field, 'zh')}为 ${p.total}，本类项目合计为 ${p.sum}，两者不符`,
      en: (p) =>
        `the subtotal ${pick(FIELDS, p.field, 'en')} is ${p.total} but the projects since the heading add up to ${p.sum}`,
    },
  },
  BUDGET_ZERO: {
    default: {
      zh: (p) => `${zs(p)}：预算数为 0，执行数却为 ${p.executed}，无法计算执行率`,
      en: (p) => `${es(p)}: budget is 0 but ${p.executed} was executed`,
    },
  },
  OVERSPENT: {
    default: {
      zh: (p) => `${zs(p)}：执行数 ${p.executed} 超过预算数 ${p.budget}，请说明`,
      en: (p) => `${es(p)}: executed ${p.executed} exceeds the budget ${p.budget}`,
    },
  },
  RATE_MISMATCH: {
    default: rateMismatch,
    zero: {
      zh: (p) => `${zs(p)}：预算数和执行数均为 0，没有执行率，表内为 ${p.reported}%`,
      en: (p) => `${es(p)}: budget and executed are 0, so there is no rate; the cell says ${p.reported}%`,
    },
  },
  LOW_EXECUTION: {
    default: {
      zh: (p) => `${zs(p)}：预算执行率 ${p.rate}% 低于 ${p.threshold}%，${pick(WHERE, p.where, 'zh')}未说明原因`,
      en: (p) => `${es(p)}: execution rate ${p.rate}% is under ${p.threshold}% with no reason given`,
    },
  },
  WEIGHT_SUM: {
    total: {
      zh: (p) => `各项分值合计为 ${p.sum}${p.reported ? `，总分值栏为 ${p.reported}` : ''}，应为 100`,
      en: (p) => `the weights add up to ${p.sum}; they must add up to 100`,
    },
    funds: {
      zh: (p) => `预算执行情况标明 ${p.stated} 分，分值栏为 ${p.sum}`,
      en: (p) => `the funds block states ${p.stated} points but its weight is ${p.sum}`,
    },
    indicators: {
      zh: (p) => `绩效指标标明 ${p.stated} 分，各指标分值合计为 ${p.sum}`,
      en: (p) => `the indicator block states ${p.stated} points; its weights add up to ${p.sum}`,
    },
    level1: {
      zh: (p) => `该一级指标标明 ${p.stated} 分，其下各指标分值合计为 ${p.sum}`,
      en: (p) => `the level-1 block states ${p.stated} points; its weights add up to ${p.sum}`,
    },
    group: {
      zh: (p) => `${p.label}标明 ${p.stated} 分，其下各指标分值合计为 ${p.sum}`,
      en: (p) => `${p.label} states ${p.stated} points; its indicators' weights add up to ${p.sum}`,
    },
    profile: {
      zh: (p) => `按“${p.profile}”方案，${p.label}指标合计应为 ${p.stated} 分，表内为 ${p.sum}`,
      en: (p) =>
        `under the ${p.profile} profile the ${p.label} indicators carry ${p.stated} points; the table gives ${p.sum}`,
    },
  },
  SCORE_MISMATCH: {
    default: scoreMismatch,
  },
  SCORE_OVER_WEIGHT: {
    default: {
      zh: (p) => `${zs(p)}：得分 ${p.reported} 超过分值 ${p.weight}，应为 ${p.score}（${zf(p)}）`,
      en: (p) => `${es(p)}: score ${p.reported} is above the weight ${p.weight}; it should be ${p.score} (${ef(p)})`,
    },
    qualitative: {
      zh: (p) => `${zs(p)}：得分 ${p.reported} 超过分值 ${p.weight}`,
      en: (p) => `${es(p)}: score ${p.reported} is above the weight ${p.weight}`,
    },
    summary: {
      zh: (p) => `${zs(p)}：自评得分 ${p.reported} 超过 100 分`,
      en: (p) => `${es(p)}: score ${p.reported} is above 100`,
    },
  },
  SCORE_FILLED: {
    default: {
      zh: (p) => `${zs(p)}：得分为空，已填入 ${p.score}（${zf(p)}）`,
      en: (p) => `${es(p)}: empty score filled with ${p.score} (${ef(p)})`,
    },
  },
  COEFFICIENT_MISMATCH: {
    default: {
      zh: (p) =>
        `${zs(p)}：得分系数应为 ${p.coefficient}%（得分 ${p.score} ÷ 分值 ${p.weight}），表内为 ${p.reported}%`,
      en: (p) =>
        `${es(p)}: the coefficient should be ${p.coefficient}% (score ${p.score} ÷ weight ${p.weight}), the cell says ${p.reported}%`,
    },
  },
  GROUP_SCORE: {
    over: {
      zh: (p) => `${p.label}：各指标得分合计 ${p.sum}，超过该目标的 ${p.weight} 分`,
      en: (p) => `${p.label}: the scores add up to ${p.sum}, above the group's ${p.weight} points`,
    },
    short: {
      zh: (p) => `${p.label}：各指标均已完成，得分合计却为 ${p.sum}，应为 ${p.weight}`,
      en: (p) => `${p.label}: every indicator is met, yet the scores add up to ${p.sum} instead of ${p.weight}`,
    },
  },
  EXECUTION_INDICATOR_MISMATCH: {
    default: {
      zh: (p) => `${zs(p)}：完成值为 ${p.actual}%，资金表的预算执行率为 ${p.rate}%，两者不符`,
      en: (p) => `${es(p)}: the actual says ${p.actual}%, the funds block's execution rate is ${p.rate}%`,
    },
  },
  TOTAL_MISMATCH: {
    default: totalMismatch,
  },
  GRADE_MISMATCH: {
    default: {
      zh: (p) => `总分 ${p.total} 对应等级“${p.grade}”，表内为“${p.reportedGrade}”`,
      en: (p) => `a total of ${p.total} is grade ${p.grade}; the cell says ${p.reportedGrade}`,
    },
    row: {
      zh: (p) => `${zs(p)}：得分 ${p.score ?? ''} 对应等级“${p.grade}”，表内为“${p.reportedGrade}”`,
      en: (p) => `${es(p)}: a score of ${p.score ?? ''} is grade ${p.grade}; the cell says ${p.reportedGrade}`,
    },
  },
  ACTUAL_MISSING: {
    default: {
      zh: (p) => `${zs(p)}：没有完成值；请填写完成值或说明理由`,
      en: (p) => `${es(p)}: no actual value; fill in the value or justify it`,
    },
    scored: {
      zh: (p) => `${zs(p)}：没有完成值，却得 ${p.score} 分；请填写完成值或说明理由`,
      en: (p) => `${es(p)}: no actual value, yet scored ${p.score}; fill in the value or justify it`,
    },
  },
  UNMET_NO_REASON: {
    default: {
      zh: (p) => `${zs(p)}：完成值 ${p.actual} 未达到指标值 ${p.operator}${p.target}，请填写偏差原因`,
      en: (p) => `${es(p)}: actual ${p.actual} misses the target ${p.operator}${p.target}; give the reason`,
    },
    late: {
      zh: (p) => `${zs(p)}：完成时间晚于 ${dateText(p.deadline, 'zh')}，请填写偏差原因`,
      en: (p) => `${es(p)}: completed after the deadline ${dateText(p.deadline, 'en')}; give the reason`,
    },
    belowWeight: {
      zh: (p) => `${zs(p)}：得分 ${p.score} 低于分值 ${p.weight}，请填写偏差原因`,
      en: (p) => `${es(p)}: the score ${p.score} is below the weight ${p.weight}; give the reason`,
    },
  },
  OVERACHIEVED: {
    default: {
      zh: (p) =>
        `${zs(p)}：完成值 ${p.actual} 超出指标值 ${p.target} 的 ${p.deviation}%（阈值 ${p.threshold}%），目标可能定得偏低${p.reason ? '' : '，请在原因栏说明'}`,
      en: (p) =>
        `${es(p)}: actual ${p.actual} is ${p.deviation}% beyond the target ${p.target}; the target may have been set too low`,
    },
  },
  DATE_NOT_MET: {
    default: {
      zh: (p) => `${zs(p)}：完成时间 ${actualText(p, 'zh')} 晚于目标 ${dateText(p.deadline, 'zh')}，按 0 分计`,
      en: (p) =>
        `${es(p)}: completed ${actualText(p, 'en')}, after the deadline ${dateText(p.deadline, 'en')}; scores 0`,
    },
  },
  QUALITATIVE_OUT_OF_BAND: {
    default: {
      zh: (p) =>
        `${zs(p)}：完成情况“${p.text}”属于“${pick(BANDS, p.band, 'zh')}”，得分应在 ${p.low}–${p.high} 之间，表内为 ${p.reported}`,
      en: (p) =>
        `${es(p)}: "${p.text}" is ${pick(BANDS, p.band, 'en')}; the score should lie in ${p.low}–${p.high}, the cell says ${p.reported}`,
    },
  },
  QUALITATIVE_UNSCORED: {
    default: {
      zh: (p) =>
        `${zs(p)}：定性指标没有得分，需要评价人判断${p.band ? `（“${pick(BANDS, p.band, 'zh')}”对应 ${p.low}–${p.high} 分）` : ''}`,
      en: (p) =>
        `${es(p)}: the qualitative indicator has no score; a person must judge it${p.band ? ` (${pick(BANDS, p.band, 'en')}: ${p.low}–${p.high} points)` : ''}`,
    },
  },
  QUALITATIVE_UNKNOWN: {
    default: {
      zh: (p) => `${zs(p)}：完成情况“${p.text}”无法归入达成、部分达成或未达成`,
      en: (p) => `${es(p)}: the actual "${p.text}" names no band (achieved, partly achieved, not achieved)`,
    },
  },
  EXECUTION_OUTCOME_GAP: {
    default: {
      zh: (p) =>
        `预算执行率仅 ${p.rate}%，绩效指标却得 ${p.score} / ${p.weight} 分：资金未用完而目标全部完成，评审会问原因`,
      en: (p) => `execution is only ${p.rate}% yet the indicators score ${p.score} of ${p.weight}`,
    },
  },
  TOTAL_CAPPED: {
    default: {
      zh: (p) => `预算执行率 ${p.rate}%，总分上限为 ${p.cap}，由 ${p.total} 降为 ${p.cap}`,
      en: (p) => `execution rate ${p.rate}% caps the total at ${p.cap} (it was ${p.total})`,
    },
  },
  ROUNDING: {
    rate: rateMismatch,
    score: scoreMismatch,
    total: totalMismatch,
  },
  SUMMARY_ROW_MISMATCH: {
    number: {
      zh: (p) =>
        `${zs(p)}：汇总表${pick(FIELDS, p.field, 'zh')}为 ${p.reported}，“${p.sheet}”工作表的项目表为 ${p.expected}`,
      en: (p) =>
        `${es(p)}: the summary says ${p.reported} for ${pick(FIELDS, p.field, 'en')}, the project table (sheet ${p.sheet}) says ${p.expected}`,
    },
    grade: {
      zh: (p) => `${zs(p)}：汇总表等级为“${p.reportedGrade}”，“${p.sheet}”工作表的项目表为“${p.grade}”`,
      en: (p) =>
        `${es(p)}: the summary grade is ${p.reportedGrade}, the project table (sheet ${p.sheet}) says ${p.grade}`,
    },
  },
} as const satisfies { [C in FindingCode]: Record<string, Message> };

/** The message ids of one code. */
export type MessageId<C extends FindingCode = FindingCode> = C extends FindingCode
  ? keyof (typeof FINDING_MESSAGES)[C] & string
  : never;

/** A finding's text in the language asked for. */
export function render(f: { code: FindingCode; id: string; params: Params }, lang: Lang): string {
  const entry = (FINDING_MESSAGES[f.code] as Record<string, Message>)[f.id];
  if (!entry) return `${f.code}`;
  return entry[lang](f.params);
}
