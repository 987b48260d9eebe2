/**
 * The report's own arithmetic: each check takes the figures of figures.ts and says nothing unless the
 * written figures contradict each other. Every rounded figure is given the benefit of its rounding
 * (a figure written 5 may be anything from 4.5 to 5.5), so only a real contradiction is reported.
 */
import { Severity } from '../engine';
import Decimal from 'decimal.js';
import { Amount, Percent, Sentence, dp, half } from './figures';

export const REPORT_CODES = {
  REPORT_RATE: 'error',
  REPORT_TRUNCATED: 'warning',
  REPORT_PERCENT: 'error',
  REPORT_PARTS_SUM: 'error',
  REPORT_BALANCE: 'error',
  REPORT_GRADE: 'error',
  REPORT_COUNT: 'error',
  REPORT_FENBIE: 'warning',
  REPORT_CONFLICT: 'warning',
  REPORT_TABLE_MISMATCH: 'error',
} as const satisfies Record<string, Severity>;

export type ReportCode = keyof typeof REPORT_CODES;

export interface ReportFinding {
  code: ReportCode;
  severity: Severity;
  /** 1-based paragraph number (non-empty paragraphs). */
  paragraph: number;
  /** The sentence, as read (spaces removed). */
  sentence: string;
  message: string;
  /** The arithmetic that shows it, e.g. "12395.67 ÷ 12395.67 = 100%". */
  arithmetic: string;
}

export interface GradeBounds {
  excellent: string;
  good: string;
  pass: string;
}

const HUNDRED = new Decimal(100);

/** A relation the checker worked out and found to hold (for tests and --verbose). */
export interface Checked {
  paragraph: number;
  sentence: string;
  what: string;
  arithmetic: string;
}

interface Ctx {
  out: ReportFinding[];
  checked: Checked[];
}

function holds(ctx: Ctx, s: Sentence, what: string, arithmetic: string): void {
  ctx.checked.push({ paragraph: s.paragraph, sentence: s.text, what, arithmetic });
}

function f(s: Sentence, code: ReportCode, message: string, arithmetic: string, severity?: Severity): ReportFinding {
  return {
    code,
    severity: severity ?? REPORT_CODES[code],
    paragraph: s.paragraph,
    sentence: s.text,
    message,
    arithmetic,
  };
}

function show(d: Decimal, places = 2): string {
  return d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toString();
}

interface Verdict {
  ok: boolean;
  truncated: boolean;
  exact: Decimal;
  rounded: string;
}

/** Is the written percentage what num ÷ den gives, allowing for the rounding of num and den? */
export function percentVerdict(num: Amount | Decimal, den: Amount | Decimal, p: Percent): Verdict | null {
  const nv = num instanceof Decimal ? num : num.value;
  const dv = den instanceof Decimal ? den : den.value;
  const nh = num instanceof Decimal ? new Decimal(0) : half(num.raw);
  const dh = den instanceof Decimal ? new Decimal(0) : half(den.raw);
  if (dv.lte(dh)) return null;
  const exact = nv.div(dv).times(HUNDRED);
  const places = dp(p.raw);
  const lo = Decimal.max(nv.minus(nh), 0).div(dv.plus(dh)).times(HUNDRED);
  const hi = nv.plus(nh).div(dv.minus(dh)).times(HUNDRED);
  const r = p.value;
  const ok =
    r.gte(lo.toDecimalPlaces(places, Decimal.ROUND_HALF_UP)) &&
    r.lte(hi.toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
  const truncated =
    !ok &&
    r.gte(lo.toDecimalPlaces(places, Decimal.ROUND_DOWN)) &&
    r.lte(hi.toDecimalPlaces(places, Decimal.ROUND_DOWN));
  return { ok, truncated, exact, rounded: exact.toFixed(places, Decimal.ROUND_HALF_UP) };
}

function amountsBefore(s: Sentence, at: number): Amount[] {
  return s.amounts.filter((a) => a.end <= at && a.role !== 'part');
}

/** Budget and executed amount a rate or a balance refers to: in its sentence, else earlier in its paragraph. */
function budgetAndExecuted(
  para: Sentence[],
  si: number,
  at: number,
  lookBackForBudget: boolean,
): { budget: Amount; executed: Amount; parts?: Decimal } | null {
  const s = para[si];
  const here = amountsBefore(s, at);
  let pool: Amount[];
  if (here.length > 0) {
    pool = here;
    if (lookBackForBudget && !here.some((a) => a.kind === 'budget')) {
      pool = [...para.slice(0, si).flatMap((x) => x.amounts.filter((a) => a.role !== 'part')), ...here];
    }
  } else {
    pool = para.slice(0, si).flatMap((x) => x.amounts.filter((a) => a.role !== 'part'));
  }
  const money = pool.filter((a) => /元/.test(a.unit));
  const ei = findLastIndex(money, (a) => a.kind === 'executed');
  if (ei < 0) return null;
  const executed = money[ei];
  const before = money.slice(0, ei).filter((a) => a.unit === executed.unit);
  let budget = [...before].reverse().find((a) => a.kind === 'budget' || /经费|共计|合计|总额/.test(a.label));
  // After an adjustment, the adjusted total is the budget: 年初预算110万，追加474.48万元，共计584.48万元.
  if (!budget) return null;
  const bi = before.indexOf(budget);
  const later = before.slice(bi + 1).find((a) => a.kind === 'other' && /共计|合计|总/.test(a.label));
  if (later) budget = later;
  let parts: Decimal | undefined;
  for (const x of [...para.slice(0, si + 1)]) {
    for (const p of x.parts)
      if (p.total === executed) parts = p.parts.reduce((t, a) => t.plus(a.value), new Decimal(0));
  }
  return { budget, executed, parts };
}

function findLastIndex<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i])) return i;
  return -1;
}

function checkParts(s: Sentence, ctx: Ctx): void {
  for (const p of s.parts) {
    if (p.parts.length >= 2 && !p.parts.some((a) => a.approx)) {
      const sum = p.parts.reduce((t, a) => t.plus(a.value), new Decimal(0));
      const diff = sum.minus(p.total.value).abs();
      const tol = p.parts.reduce((t, a) => t.plus(half(a.raw)), half(p.total.raw));
      const expr = `${p.parts.map((a) => a.raw).join(' + ')} = ${sum.toString()}`;
      // "项目16个，其中1个50亿元以上项目，2个…": counts written before their noun name a subset.
      const subset =
        sum.lt(p.total.value) && p.parts.every((a) => !/[\u4e00-\u9fa5]/.test(a.label.replace(/^其中/, '')));
      if (diff.isZero()) holds(ctx, s, '分项之和', `${expr} = ${p.total.raw}`);
      else if (!subset) {
        const small = diff.lte(tol) && dp(p.total.raw) > 0;
        ctx.out.push(
          f(
            s,
            'REPORT_PARTS_SUM',
            small
              ? `分项之和 ${sum.toString()}${p.total.unit} 与合计 ${p.total.raw}${p.total.unit} 差 ${diff.toString()}，可能是各分项分别四舍五入所致，请核对`
              : `所列分项加起来是 ${sum.toString()}${p.total.unit}，不是所写的合计 ${p.total.raw}${p.total.unit}（差 ${diff.toString()}）`,
            `${expr} ≠ ${p.total.raw}`,
            small ? 'warning' : undefined,
          ),
        );
      }
    }
    p.shares.forEach((pct, i) => {
      const part = p.parts[i];
      const v = percentVerdict(part, p.total, pct);
      if (!v) return;
      const expr = `${part.raw} ÷ ${p.total.raw} = ${show(v.exact, dp(pct.raw) + 2)}%`;
      if (v.ok) return holds(ctx, s, '占比', `${expr} → ${pct.raw}%`);
      if (v.truncated)
        ctx.out.push(
          f(
            s,
            'REPORT_TRUNCATED',
            `占比 ${pct.raw}% 是截断而不是四舍五入：按四舍五入应为 ${v.rounded}%`,
            `${expr}，四舍五入 ${v.rounded}%`,
          ),
        );
      else ctx.out.push(f(s, 'REPORT_PERCENT', `占比 ${pct.raw}% 与所列金额不符，应为 ${v.rounded}%`, expr));
    });
  }
}

function checkRates(para: Sentence[], si: number, ctx: Ctx): void {
  const s = para[si];
  let previous = -1;
  for (const p of s.percents) {
    if (!/执行率|执行实现率|执行进度/.test(p.label)) continue;
    // "预算执行率99.99%，其中基本支出预算执行率100%…": the figures serve the first rate after them only.
    const last = previous;
    previous = p.end;
    if (amountsBefore(s, p.start).every((a) => a.end <= last) && last >= 0) continue;
    const hasHere = amountsBefore(s, p.start).length > 0;
    const be = budgetAndExecuted(para, si, p.start, false);
    if (!be || (hasHere && !s.amounts.includes(be.executed))) continue;
    const v = percentVerdict(be.executed, be.budget, p);
    if (!v) continue;
    const alt = be.parts ? percentVerdict(be.parts, be.budget.value, p) : null;
    const base = `${be.executed.raw} ÷ ${be.budget.raw} = ${show(v.exact, dp(p.raw) + 2)}%`;
    if (v.ok || alt?.ok) {
      holds(ctx, s, '执行率', `${base} → ${p.raw}%`);
      continue;
    }
    let expr = `${be.executed.raw} ÷ ${be.budget.raw} = ${show(v.exact, dp(p.raw) + 2)}%`;
    if (alt) expr += `；按所列分项 ${be.parts!.toString()} ÷ ${be.budget.raw} = ${show(alt.exact, dp(p.raw) + 2)}%`;
    if (v.truncated || alt?.truncated)
      ctx.out.push(
        f(
          s,
          'REPORT_TRUNCATED',
          `执行率 ${p.raw}% 是截断而不是四舍五入：${be.executed.raw} ÷ ${be.budget.raw} 四舍五入应为 ${v.rounded}%`,
          expr,
        ),
      );
    else
      ctx.out.push(
        f(
          s,
          'REPORT_RATE',
          `执行率 ${p.raw}% 与所写的预算 ${be.budget.raw}、支出 ${be.executed.raw} 不符，应为 ${v.rounded}%${
            alt ? `（按所列分项为 ${alt.rounded}%）` : ''
          }`,
          expr,
        ),
      );
  }
}

function checkBalance(para: Sentence[], si: number, ctx: Ctx): void {
  const s = para[si];
  const stated: { value: Decimal; raw: string; at: number }[] = [];
  for (const a of s.amounts)
    if (a.kind === 'balance' && /结余/.test(a.label) && a.role === 'free') stated.push({ ...a, at: a.start });
  const none = /无结余|没有结余|无结转结余|资金无结余/.exec(s.text);
  if (none) stated.push({ value: new Decimal(0), raw: '0', at: none.index });
  for (const b of stated) {
    const be = budgetAndExecuted(para, si, b.at, true);
    if (!be) continue;
    const left = be.budget.value.minus(be.executed.value);
    const tol = half(be.budget.raw)
      .plus(half(be.executed.raw))
      .plus(b.raw === '0' ? 0 : half(b.raw));
    const ok = left.minus(b.value).abs().lte(tol);
    const leftParts = be.parts ? be.budget.value.minus(be.parts) : null;
    const okParts = leftParts ? leftParts.minus(b.value).abs().lte(tol) : false;
    if (ok || okParts) {
      holds(ctx, s, '结余', `${be.budget.raw} − ${be.executed.raw} = ${left.toString()} → ${b.raw}`);
      continue;
    }
    let expr = `${be.budget.raw} − ${be.executed.raw} = ${left.toString()}`;
    if (leftParts) expr += `；按所列支出分项 ${be.budget.raw} − ${be.parts!.toString()} = ${leftParts.toString()}`;
    const said = none ? '“无结余”' : `结余 ${b.raw}`;
    ctx.out.push(
      f(
        s,
        'REPORT_BALANCE',
        `${said} 与所写的预算 ${be.budget.raw}、支出 ${be.executed.raw} 不符：未支出的是 ${(leftParts ?? left).toString()}`,
        expr,
      ),
    );
  }
}

const GRADE_FAMILY: Record<string, string> = {
  优秀: '优',
  优: '优',
  良好: '良',
  良: '良',
  中等: '中',
  中: '中',
  合格: '中',
  及格: '中',
  不合格: '差',
  差: '差',
};

export function gradeOf(score: Decimal, b: GradeBounds): string {
  if (score.gte(b.excellent)) return '优';
  if (score.gte(b.good)) return '良';
  if (score.gte(b.pass)) return '中';
  return '差';
}

function checkGrade(s: Sentence, bounds: GradeBounds, ctx: Ctx): void {
  if (!s.grade || s.scores.length === 0) return;
  const before = s.scores.filter((x) => x.start < s.grade!.start);
  const score = before.find((x) => x.total) ?? before[before.length - 1];
  if (!score) return;
  const want = gradeOf(score.value, bounds);
  const said = GRADE_FAMILY[s.grade.word];
  if (said === want) return holds(ctx, s, '等级', `${score.raw} 分 → ${want}`);
  ctx.out.push(
    f(
      s,
      'REPORT_GRADE',
      `得分 ${score.raw} 分对应等级“${want}”，报告写的是“${s.grade.word}”`,
      `${score.raw} 分：优 ≥ ${bounds.excellent}，良 ≥ ${bounds.good}，中 ≥ ${bounds.pass}，其余为差 → ${want}`,
    ),
  );
}

function checkGradeCounts(para: Sentence[], si: number, ctx: Ctx): void {
  const s = para[si];
  const counts = [...s.text.matchAll(/[“"](优秀|良好|优|良|中|差)[”"](\d+)个/g)];
  if (counts.length < 2) return;
  const first = counts[0].index;
  const sum = counts.reduce((t, m) => t + Number(m[2]), 0);
  const text =
    para
      .slice(0, si)
      .map((x) => x.text)
      .join('') + s.text.slice(0, first);
  const all = [...text.matchAll(/(\d+)个项目|项目数?(?:为|共)?(\d+)个/g)];
  const last = all[all.length - 1];
  if (!last) return;
  const n = Number(last[1] ?? last[2]);
  if (n === sum) return holds(ctx, s, '等级计数', `${counts.map((m) => m[2]).join(' + ')} = ${n}`);
  ctx.out.push(
    f(
      s,
      'REPORT_COUNT',
      `各等级项目数加起来是 ${sum} 个，与所写的项目数 ${n} 个不符`,
      `${counts.map((m) => m[2]).join(' + ')} = ${sum} ≠ ${n}`,
    ),
  );
}

const CN_DIGIT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Items of a 、-list (和 / 及 before the last item), split outside brackets and quotes. */
export function listItems(t: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of t) {
    if ('（(“「《'.includes(ch)) depth++;
    if ('）)”」》'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && ch === '、') {
      items.push(cur);
      cur = '';
    } else cur += ch;
  }
  items.push(cur);
  const last = items[items.length - 1];
  const m = /^(.+?)(?:和|及|以及)(.+)$/.exec(last);
  if (m && items.length >= 2 && !/[（(]/.test(last)) items.splice(items.length - 1, 1, m[1], m[2]);
  return items.map((x) => x.trim()).filter((x) => x !== '');
}

function checkLists(s: Sentence, ctx: Ctx): void {
  // "内设机构6个，…，分别为：办公室、…" / "内设4个职能部门：办公室、…": the count and the list.
  for (const m of s.text.matchAll(
    /(?:分别为[：:]?|分别是[：:]?|([\d两二三四五六七八九十]+)(个|项|家|场次|名)[^，。；：:\d]{0,8}[：:])/g,
  )) {
    const rest = s.text.slice(m.index + m[0].length);
    const clause = /^[^。；;，,]*/.exec(rest)![0];
    if (/等$/.test(clause) || !clause.includes('、')) continue;
    const items = listItems(clause);
    let n: number | null = null;
    let countText = '';
    if (m[1]) {
      n = /\d/.test(m[1]) ? Number(m[1]) : (CN_DIGIT[m[1]] ?? null);
      countText = m[1] + m[2];
    } else {
      const before = s.text.slice(0, m.index);
      const c = [...before.matchAll(/(\d+)(个|项|家|场次|名)/g)];
      const last = c[c.length - 1];
      if (last) {
        n = Number(last[1]);
        countText = last[0];
      }
    }
    if (n === null) continue;
    if (n === items.length) {
      holds(ctx, s, '列举项数', `${countText}：${items.length} 项`);
      continue;
    }
    ctx.out.push(
      f(
        s,
        'REPORT_COUNT',
        `写的是 ${countText}，后面列出的却是 ${items.length} 项`,
        `${items.map((x) => `“${x}”`).join('、')}：${items.length} 项 ≠ ${n}`,
      ),
    );
  }
  // 分别 with a list of values after it: as many as the things before it.
  for (const m of s.text.matchAll(/分别(?!为|是)/g)) {
    const rest = s.text.slice(m.index + 2);
    const clause = /^[^。；;，,]*/.exec(rest)![0];
    if (!clause.includes('、') && !/和|及/.test(clause)) continue;
    const right = listItems(clause);
    if (right.length < 2) continue;
    const head = s.text.slice(0, m.index);
    const leftClause = /[^，,；;。]*$/.exec(head)![0];
    let left: number;
    let leftText: string;
    if (leftClause.includes('、')) {
      left = listItems(leftClause.replace(/[一二三四五六七八九十两\d]+(项|个)?(指标|项目)?$/, '')).length;
      leftText = leftClause;
    } else {
      const start = Math.max(head.lastIndexOf('；'), head.lastIndexOf(';'), 0);
      const nums = s.amounts.filter((a) => a.start >= start && a.end <= m.index);
      if (nums.length < 2) continue;
      left = nums.length;
      leftText = nums.map((a) => a.raw + a.unit).join('，');
    }
    if (left === right.length) {
      holds(ctx, s, '分别', `${left} 项 ↔ ${right.length} 项`);
      continue;
    }
    ctx.out.push(
      f(
        s,
        'REPORT_FENBIE',
        `“分别”前有 ${left} 项，后面却有 ${right.length} 项，读者无法一一对应`,
        `前：${leftText}（${left} 项）；后：${right.join('、')}（${right.length} 项）`,
      ),
    );
  }
}

function checkGrowth(para: Sentence[], si: number, ctx: Ctx): void {
  const s = para[si];
  for (const p of s.percents) {
    if (!/增长/.test(p.label)) continue;
    const inc = [...s.amounts].reverse().find((a) => a.end <= p.start && /增加$/.test(a.label));
    if (!inc || s.text.slice(inc.end, p.start).replace(/增长/g, '') !== '，') continue;
    const pool = [...para.slice(0, si).flatMap((x) => x.amounts), ...s.amounts.filter((a) => a.end <= inc.start)];
    const now = [...pool].reverse().find((a) => a !== inc && a.unit === inc.unit && !/增加|减少/.test(a.label));
    if (!now) continue;
    const base = now.value.minus(inc.value);
    const v = percentVerdict(inc.value, base, p);
    if (!v) continue;
    const expr = `${inc.raw} ÷ (${now.raw} − ${inc.raw}) = ${show(v.exact, dp(p.raw) + 2)}%`;
    if (v.ok) {
      holds(ctx, s, '增长率', `${expr} → ${p.raw}%`);
      continue;
    }
    ctx.out.push(
      v.truncated
        ? f(s, 'REPORT_TRUNCATED', `增长率 ${p.raw}% 是截断而不是四舍五入，应为 ${v.rounded}%`, expr)
        : f(s, 'REPORT_PERCENT', `增长率 ${p.raw}% 与所写的金额不符，应为 ${v.rounded}%`, expr),
    );
  }
}

function checkTargetRatio(s: Sentence, ctx: Ctx): void {
  // "总投资1109亿元，完成目标任务1000亿元的111%"
  for (const m of s.text.matchAll(
    /(-?\d+(?:\.\d+)?)(亿元|万元|个|家)，完成[^，。；\d]*?(\d+(?:\.\d+)?)(亿元|万元|个|家)的(\d+(?:\.\d+)?)%/g,
  )) {
    if (m[2] !== m[4]) continue;
    const p: Percent = { value: new Decimal(m[5]), raw: m[5], label: '', start: 0, end: 0 };
    const num = s.amounts.find((a) => a.start === m.index);
    const den = s.amounts.find((a) => a.raw === m[3] && a.start > m.index);
    if (!num || !den || num.approx) continue;
    const v = percentVerdict(num, den, p);
    if (!v) continue;
    const expr = `${num.raw} ÷ ${den.raw} = ${show(v.exact, dp(p.raw) + 2)}%`;
    if (v.ok) {
      holds(ctx, s, '完成率', `${expr} → ${p.raw}%`);
      continue;
    }
    ctx.out.push(
      v.truncated
        ? f(s, 'REPORT_TRUNCATED', `完成率 ${p.raw}% 是截断而不是四舍五入，应为 ${v.rounded}%`, expr)
        : f(s, 'REPORT_PERCENT', `完成率 ${p.raw}% 与所写的数不符，应为 ${v.rounded}%`, expr),
    );
  }
}

/** One amount, two figures: the same 年初预算 followed by different spending in two places. */
function checkConflicts(doc: Sentence[][], ctx: Ctx): void {
  const seen = new Map<string, { s: Sentence; executed: Amount }>();
  for (const para of doc) {
    for (const s of para) {
      const initial = s.amounts.find((a) => a.kind === 'budget' && /年初预算/.test(a.label) && a.role !== 'part');
      if (!initial) continue;
      const executed = s.amounts.find((a) => a.start > initial.end && a.kind === 'executed' && a.role !== 'part');
      if (!executed) continue;
      const key = `${initial.value.toString()}${initial.unit}`;
      const prev = seen.get(key);
      if (!prev) {
        seen.set(key, { s, executed });
        continue;
      }
      if (prev.executed.value.eq(executed.value) || prev.s.paragraph === s.paragraph) continue;
      ctx.out.push(
        f(
          s,
          'REPORT_CONFLICT',
          `同一笔年初预算 ${initial.raw}${initial.unit} 的支出，第 ${prev.s.paragraph} 段写 ${prev.executed.raw}${prev.executed.unit}，这里写 ${executed.raw}${executed.unit}`,
          `${prev.executed.raw} ≠ ${executed.raw}（第 ${prev.s.paragraph} 段：“${prev.s.text}”）`,
        ),
      );
    }
  }
}

export function checkArithmetic(doc: Sentence[][], bounds: GradeBounds, checked: Checked[] = []): ReportFinding[] {
  const ctx: Ctx = { out: [], checked };
  for (const para of doc) {
    para.forEach((s, si) => {
      checkParts(s, ctx);
      checkRates(para, si, ctx);
      checkBalance(para, si, ctx);
      checkGrade(s, bounds, ctx);
      checkGradeCounts(para, si, ctx);
      checkLists(s, ctx);
      checkGrowth(para, si, ctx);
      checkTargetRatio(s, ctx);
    });
  }
  checkConflicts(doc, ctx);
  return ctx.out;
}
