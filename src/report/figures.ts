/**
 * The figures a written report restates: amounts (with what they are: budget, executed, balance,
 * adjustment), percentages (execution rates, shares, growth), scores, grades, counts, and the parts
 * listed after 其中 / 主要用于 / 预算安排为. Pure text work; the checks are in arithmetic.ts.
 */
import Decimal from 'decimal.js';
import { Paragraph, normalize } from './text';

export type AmountKind = 'budget' | 'executed' | 'balance' | 'adjust' | 'other';

export interface Amount {
  value: Decimal;
  raw: string;
  /** Normalized unit: 万元, 亿元, 元, 万美元, 人, 个, 家, 次, 辆, 分… */
  unit: string;
  kind: AmountKind;
  /** The words before the number in its clause. */
  label: string;
  start: number;
  end: number;
  /** 超 / 逾 / 约 / 余 / 多: not an exact figure. */
  approx: boolean;
  /** Before a 其中 (the total), in the list after it (a part), or neither. */
  role: 'total' | 'part' | 'free';
}

export interface Percent {
  value: Decimal;
  raw: string;
  label: string;
  start: number;
  end: number;
}

export interface Score {
  value: Decimal;
  raw: string;
  label: string;
  start: number;
  total: boolean;
}

export interface Parts {
  total: Amount;
  parts: Amount[];
  /** Percentages written right after a part (占 x%), by part index. */
  shares: Map<number, Percent>;
}

export interface Sentence {
  paragraph: number;
  /** Normalized text (spaces and thousands separators removed, full-width digits made ASCII). */
  text: string;
  amounts: Amount[];
  percents: Percent[];
  scores: Score[];
  grade: { word: string; start: number } | null;
  parts: Parts[];
}

const UNIT_ALIASES: Record<string, string> = { 万: '万元', 名: '人' };
const NUMBER_UNIT =
  /(-?\d+(?:\.\d+)?)(万美元|万元|亿元|元|万(?![人次])|人次|人|名|个|项|家|场次|批次|次|辆|份|册|篇|条)/g;
const PERCENT = /(-?\d+(?:\.\d+)?)%/g;
const CLAUSE_BREAK = /[，,；;：:。（(）)、]/;

const KIND_WORDS: [AmountKind, string[]][] = [
  ['budget', ['预算', '安排', '收入', '预算数']],
  ['executed', ['支出', '执行', '使用', '拨付', '支付', '决算', '花费']],
  ['balance', ['结余', '结转', '剩余']],
  ['adjust', ['追加', '调增', '调减', '调整数', '调剂', '调整']],
];

export function classify(label: string): AmountKind {
  let best: AmountKind = 'other';
  let at = -1;
  for (const [kind, words] of KIND_WORDS) {
    for (const w of words) {
      const i = label.lastIndexOf(w);
      if (i >= 0 && i + w.length > at) {
        at = i + w.length;
        best = kind;
      }
    }
  }
  return best;
}

/** Split a paragraph into sentences at 。！？ (a ；-list stays in its sentence). */
export function sentencesOf(p: Paragraph): Sentence[] {
  const text = normalize(p.text);
  const out: Sentence[] = [];
  for (const piece of text.split(/(?<=[。！？!?])/)) {
    if (piece.trim() === '') continue;
    out.push(parseSentence(p.index, piece));
  }
  return out;
}

function labelBefore(text: string, start: number, floor: number): string {
  let i = start;
  while (i > floor && !CLAUSE_BREAK.test(text[i - 1])) i--;
  return text.slice(i, start);
}

const INTRODUCER = /其中[：:，,]?|主要用于以下方面[：:]?|主要用于[：:]|预算安排为[：:]?|包括[：:]/g;
const STOP = /^[，,；;：:]?(另外|此外|另有|另)/;

export function parseSentence(paragraph: number, text: string): Sentence {
  const amounts: Amount[] = [];
  let lastEnd = 0;
  for (const m of text.matchAll(NUMBER_UNIT)) {
    const start = m.index;
    const end = start + m[0].length;
    // A year, a month, a code or an ordinal is not an amount: 2022年, 第19次, 201（…）.
    if (text[start - 1] === '第' || /[.\d]/.test(text[start - 1] ?? '')) continue;
    const label = labelBefore(text, start, lastEnd);
    const before = text.slice(Math.max(0, start - 2), start);
    const after = text.slice(end, end + 1);
    const unitAfter = text.slice(start + m[1].length, end);
    const approx = /超|逾|近|约|过/.test(before) || after === '余' || after === '多' || /余|多/.test(unitAfter);
    const unit = UNIT_ALIASES[m[2]] ?? m[2];
    amounts.push({
      value: new Decimal(m[1]),
      raw: m[1],
      unit,
      kind: classify(label),
      label,
      start,
      end,
      approx,
      role: 'free',
    });
    lastEnd = end;
  }

  const percents: Percent[] = [];
  for (const m of text.matchAll(PERCENT)) {
    if (/[.\d]/.test(text[m.index - 1] ?? '')) continue;
    percents.push({
      value: new Decimal(m[1]),
      raw: m[1],
      label: labelBefore(text, m.index, 0),
      start: m.index,
      end: m.index + m[0].length,
    });
  }

  const scores: Score[] = [];
  for (const m of text.matchAll(/(总得分|总分|得分|评分|得)(?:为|是|：|:)?(\d+(?:\.\d+)?)(分)?/g)) {
    if (m[1] === '得' && !m[3]) continue;
    const label = labelBefore(text, m.index, 0) + m[1];
    scores.push({
      value: new Decimal(m[2]),
      raw: m[2],
      label,
      start: m.index,
      total: /总分|总得分|自评得分|最终|整体|综合/.test(label),
    });
  }

  let grade: Sentence['grade'] = null;
  const g =
    /(结果|等级|评级|结论|评价)(?:为|是|：|:)?[“"「]?(优秀|良好|优|良|中等|中|合格|及格|不合格|差)[”"」]?(?!\d)/.exec(
      text,
    );
  if (g) grade = { word: g[2], start: g.index };

  const parts: Parts[] = [];
  const intros = [...text.matchAll(INTRODUCER)].map((m) => ({ at: m.index, end: m.index + m[0].length }));
  intros.forEach((intro, k) => {
    const total = [...amounts].reverse().find((a) => a.end <= intro.at && a.role === 'free');
    // The total is the figure right before the introducer: "收入合计 414.31 万元，其中：…".
    if (!total || total.approx || !/^[，,（(]?$/.test(text.slice(total.end, intro.at))) return;
    const limit = intros[k + 1]?.at ?? text.length;
    const list: Amount[] = [];
    for (const a of amounts) {
      if (a.start < intro.end || a.start >= limit) continue;
      if (a.unit !== total.unit) continue;
      const between = text.slice(list.length ? list[list.length - 1].end : intro.end, a.start);
      if (STOP.test(between) || /[。]/.test(between)) break;
      if (a.kind === 'balance' && total.kind !== 'balance') break;
      if (total.kind === 'budget' && a.kind === 'executed') break;
      if (total.kind === 'executed' && a.kind === 'budget') break;
      list.push(a);
    }
    if (list.length === 0) return;
    total.role = 'total';
    for (const a of list) a.role = 'part';
    const shares = new Map<number, Percent>();
    list.forEach((a, i) => {
      const next = list[i + 1]?.start ?? limit;
      const p = percents.find((x) => x.start > a.end && x.start < next);
      if (p && /^[，,]?占[^，,；;。\d]*$/.test(text.slice(a.end, p.start))) shares.set(i, p);
    });
    parts.push({ total, parts: list, shares });
  });

  return { paragraph, text, amounts, percents, scores, grade, parts };
}

export function sentencesOfReport(paragraphs: Paragraph[]): Sentence[][] {
  return paragraphs.map((p) => (p.table ? [] : sentencesOf(p)));
}

/** Decimal places as written. */
export function dp(raw: string): number {
  const i = raw.indexOf('.');
  return i < 0 ? 0 : raw.length - i - 1;
}

/** Half a unit in the last written place: how far a rounded figure may be from the true one. */
export function half(raw: string): Decimal {
  return new Decimal(5).times(new Decimal(10).pow(-(dp(raw) + 1)));
}
