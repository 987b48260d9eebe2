/** Indicator operators (指标性质): as symbols or words. */

export type Operator = '≥' | '>' | '≤' | '<' | '=' | '定性';

/** Longest spellings first so `>=` wins over `>`. */
const SPELLINGS: [string, Operator][] = [
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['大于等于', '≥'],
  ['大于或等于', '≥'],
  ['达到', '≥'],
  ['至少', '≥'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不多于', '≤'],
  ['不大于', '≤'],
  ['小于等于', '≤'],
  ['小于或等于', '≤'],
  ['控制在', '≤'],
  ['大于', '>'],
  ['高于', '>'],
  ['多于', '>'],
  ['超过', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['等于', '='],
  ['>=', '≥'],
  ['<=', '≤'],
  ['≥', '≥'],
  ['≧', '≥'],
  ['⩾', '≥'],
  ['≤', '≤'],
  ['≦', '≤'],
  ['⩽', '≤'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  ['＝', '='],
  ['定性', '定性'],
];

/** An operator at the start of the (compact, half-width) text, and what follows it. */
export function leadingOperator(s: string): { op: Operator; rest: string } | null {
  for (const [w, op] of SPELLINGS) {
    if (s.startsWith(w)) return { op, rest: s.slice(w.length) };
  }
  return null;
}

/** A cell of the 指标性质 column: `≥`, `正向`, `反向`, `定性`… */
export function operatorCell(s: string): Operator | null {
  const t = s.trim();
  if (t === '') return null;
  const lead = leadingOperator(t);
  if (lead) return lead.op;
  if (/定性/.test(t)) return '定性';
  if (/正向|越大越好|大于/.test(t)) return '≥';
  if (/反向|越小越好|小于/.test(t)) return '≤';
  if (/等于|相等/.test(t)) return '=';
  return null;
}

/** A trailing word that gives the direction: `95%以上`, `5天以内`. */
export function trailingOperator(rest: string): { op: Operator; rest: string } | null {
  const m = /(以上|及以上|以下|及以下|以内)$/.exec(rest);
  if (!m) return null;
  const op: Operator = m[1].endsWith('以上') ? '≥' : '≤';
  return { op, rest: rest.slice(0, rest.length - m[1].length) };
}

export function isReverse(op: Operator): boolean {
  return op === '≤' || op === '<';
}
