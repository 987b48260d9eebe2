/**
 * The report's restated figures against the checked table's computed values (`report check --table`).
 * A sentence is about a table when it says 总分 (and the workbook has one project table) or names the
 * project; its scores, executed amount, rate and grade are then compared with the computed values.
 */
import { FileReport, Severity, TableResult } from '../engine';
import Decimal from 'decimal.js';
import { Checked, REPORT_CODES, ReportFinding } from './arithmetic';
import { Sentence, dp } from './figures';

/** "51090423T000008717642-2023招商引资" → "招商引资": the words a report would use. */
export function shortName(name: string): string {
  return name
    .replace(/^[\dA-Za-z]+[-—_ ]*/, '')
    .replace(/^\d{4}年?(度)?/, '')
    .replace(/项目$/, '')
    .trim();
}

const GRADE_FAMILY: Record<string, string> = {
  优秀: '优',
  良好: '良',
  中等: '中',
  合格: '中',
  及格: '中',
  不合格: '差',
};
const family = (g: string): string => GRADE_FAMILY[g] ?? g;

function same(a: Decimal, b: string | null): boolean {
  return b !== null && a.eq(new Decimal(b));
}

/** The report's figure is the computed value at the decimals the report writes it with (7.7 for 7.68). */
function agrees(raw: string, computed: string | null): boolean {
  if (computed === null || !/^-?\d+(\.\d+)?$/.test(computed)) return false;
  return new Decimal(computed).toFixed(dp(raw), Decimal.ROUND_HALF_UP) === new Decimal(raw).toFixed(dp(raw));
}

interface TableScore {
  what: string;
  /** Words that name it in a report: the indicator's name, the level-1 label, 预算执行. */
  name: string;
  computed: string | null;
  reported: string | null;
  subtotal?: boolean;
}

function tableScores(t: TableResult): TableScore[] {
  const out: TableScore[] = [];
  for (const i of t.indicators) if (i.score) out.push({ what: `“${i.name}”得分`, name: i.name, ...i.score });
  for (const f of t.funds) if (f.score) out.push({ what: '预算执行得分', name: '预算执行', ...f.score });
  // Level-1 subtotals, from the computed scores.
  const sub = new Map<string, Decimal>();
  for (const i of t.indicators) {
    if (!i.score?.computed) continue;
    sub.set(i.level1, (sub.get(i.level1) ?? new Decimal(0)).plus(i.score.computed));
  }
  sub.forEach((v, k) =>
    out.push({ what: `${k}小计`, name: k, computed: v.toString(), reported: null, subtotal: true }),
  );
  return out;
}

export function checkAgainstTable(doc: Sentence[][], table: FileReport, checked: Checked[] = []): ReportFinding[] {
  const out: ReportFinding[] = [];
  const projects = table.tables.filter((t) => t.kind !== 'summary');
  const push = (
    s: Sentence,
    message: string,
    arithmetic: string,
    severity: Severity = REPORT_CODES.REPORT_TABLE_MISMATCH,
  ): void => {
    out.push({
      code: 'REPORT_TABLE_MISMATCH',
      severity,
      paragraph: s.paragraph,
      sentence: s.text,
      message,
      arithmetic,
    });
  };
  for (const para of doc) {
    for (const s of para) {
      for (const t of projects) {
        const short = shortName(t.name);
        const named = short.length >= 2 && s.text.includes(short);
        const totals = s.scores.filter(
          (x) => /总分|总得分/.test(x.label) || (short.length >= 2 && x.label.includes(short)),
        );
        if (totals.length === 0 || (!named && projects.length > 1)) continue;
        const total = t.total;
        if (!total?.computed) continue;
        for (const x of totals) {
          if (agrees(x.raw, total.computed)) {
            checked.push({
              paragraph: s.paragraph,
              sentence: s.text,
              what: '总分与表一致',
              arithmetic: `${x.raw} = 表中计算值 ${total.computed}`,
            });
            continue;
          }
          const copied = same(x.value, total.reported);
          push(
            s,
            copied
              ? `总分 ${x.raw} 照抄了表中的 ${total.reported}，按规则计算应为 ${total.computed}`
              : `总分 ${x.raw} 与表中计算的总分 ${total.computed} 不符`,
            `表“${t.sheet}”${total.cell}：计算值 ${total.computed}${total.reported !== null ? `，表中填 ${total.reported}` : ''}`,
          );
        }
        // The other scores of a sentence that gives the total: each should be a score of the table.
        const all = tableScores(t);
        for (const x of s.scores) {
          if (totals.includes(x)) continue;
          // Named in its clause: compared with that score only; unnamed: any indicator or funds score
          // (a level-1 subtotal is never meant without its name).
          const named = all.filter((c) => c.name.length >= 2 && x.label.includes(c.name));
          const scores = named.length ? named : all.filter((c) => !c.subtotal);
          const right = scores.find((c) => agrees(x.raw, c.computed));
          if (right) {
            checked.push({
              paragraph: s.paragraph,
              sentence: s.text,
              what: '得分与表一致',
              arithmetic: `${x.raw} = ${right.what} ${right.computed}`,
            });
            continue;
          }
          const wrong = scores.find((c) => c.reported !== null && same(x.value, c.reported) && c.computed !== null);
          const table = all
            .filter((c) => !c.subtotal)
            .map((c) => `${c.what} ${c.computed ?? c.reported}`)
            .slice(0, 12)
            .join('，');
          if (wrong)
            push(
              s,
              `得分 ${x.raw} 照抄了表中${wrong.what}的 ${wrong.reported}，按规则计算应为 ${wrong.computed}`,
              `${wrong.what}：计算值 ${wrong.computed}，表中填 ${wrong.reported}`,
            );
          else push(s, `得分 ${x.raw} 分在表中找不到：不是哪一项指标或预算执行的得分`, `表中得分：${table}`, 'warning');
        }
        if (s.grade && t.grade?.computed) {
          if (family(s.grade.word) === family(t.grade.computed))
            checked.push({
              paragraph: s.paragraph,
              sentence: s.text,
              what: '等级与表一致',
              arithmetic: `${s.grade.word} = ${t.grade.computed}`,
            });
          else
            push(
              s,
              `等级“${s.grade.word}”与表中按规则得出的“${t.grade.computed}”不符`,
              `总分 ${total.computed} → ${t.grade.computed}`,
            );
        }
      }
      // Executed amount and rate of a named project.
      for (const t of projects) {
        const short = shortName(t.name);
        if (short.length < 2) continue;
        const f = t.funds[0];
        if (!f) continue;
        for (const a of s.amounts) {
          if (a.kind !== 'executed' || a.unit !== '万元' || !a.label.includes(short) || f.executed === null) continue;
          if (agrees(a.raw, f.executed))
            checked.push({
              paragraph: s.paragraph,
              sentence: s.text,
              what: '支出与表一致',
              arithmetic: `${a.raw} = ${f.executed}`,
            });
          else push(s, `${short}支出 ${a.raw} 万元，表中为 ${f.executed} 万元`, `${a.raw} ≠ ${f.executed}`);
        }
        for (const p of s.percents) {
          if (!/执行率/.test(p.label) || !p.label.includes(short) || !f.rate?.computed) continue;
          const want = new Decimal(f.rate.computed).toFixed(dp(p.raw), Decimal.ROUND_HALF_UP);
          if (p.value.eq(want)) continue;
          push(
            s,
            `${short}执行率 ${p.raw}%，按表计算为 ${f.rate.computed}%`,
            `${f.executed} ÷ ${f.budget} = ${f.rate.computed}%`,
          );
        }
      }
    }
  }
  return out;
}
