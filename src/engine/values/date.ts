/** Dates in targets and actuals: `2022年7月31日前`, `12月底前`, `年底前`, `2022.12.31`, Excel serials. */

export interface DateValue {
  year: number | null;
  month: number;
  day: number;
}

const DATE_WORDS = /(前|之前|以前|底前|完成|内)$/;

function lastDay(year: number | null, month: number): number {
  return new Date(Date.UTC(year ?? 2001, month, 0)).getUTCDate();
}

/** A date's lead-in words in a sentence: `于`, `在`, `已于`, `完成于` (`完成于2024年1月5日`). */
const LEAD = /^[^\d年]{0,4}?[于在](?=\d|年)/;
/** A full date, alone or with a note in brackets: `2023.12.31`, `2023年12月31日（含验收）`. */
const FULL_DATE = /^\d{4}[年./-]\d{1,2}[月./-]\d{1,2}日?(\([^)]*\))?$/;

/** Parse a (compact) date text. `年底前` is 12-31 of an unknown year. */
export function parseDateText(s: string): DateValue | null {
  const t = s.replace(LEAD, '');
  let m = /^(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?/.exec(t);
  if (m) return { year: +m[1], month: +m[2], day: +m[3] };
  m = /^(\d{4})年(\d{1,2})月(底|末)?/.exec(t);
  if (m) return { year: +m[1], month: +m[2], day: lastDay(+m[1], +m[2]) };
  m = /^(\d{1,2})月(\d{1,2})日/.exec(t);
  if (m) return { year: null, month: +m[1], day: +m[2] };
  m = /^(\d{1,2})月(底|末|份)?(前|之前|以前)/.exec(t);
  if (m) return { year: null, month: +m[1], day: lastDay(null, +m[1]) };
  m = /^(\d{4})年(底|末|内)/.exec(t);
  if (m) return { year: +m[1], month: 12, day: 31 };
  if (/^(年底|年末|年内|本年度内|当年)/.test(t)) return { year: null, month: 12, day: 31 };
  return null;
}

/**
 * The date a text starts with when it is a dated phrase (`2022-7-10召开`, `2022.7.10召开`, `2022年底`,
 * `于2022年7月`), else null: read as a date, not as the number 2022.
 */
export function startsWithDate(s: string): DateValue | null {
  const t = s.replace(LEAD, '');
  return /^\d{4}([年./-]\d{1,2}[月./-]\d{1,2}|年(\d{1,2}月|底|末|内))/.test(t) ? parseDateText(t) : null;
}

/**
 * Does the text look like a date target: a date followed by 前 or similar, a full date (with or without a note
 * in brackets), or a year's end (`年底`, `2023年末`)? Lead-in words (`在`, `于`) are skipped.
 */
export function looksLikeDateTarget(s: string): boolean {
  const t = s.replace(LEAD, '');
  if (!parseDateText(t)) return false;
  return DATE_WORDS.test(t) || FULL_DATE.test(t) || /^(\d{4})?年(底|末)/.test(t);
}

/** Excel serial day number (1900 system) to a date. */
export function fromSerial(n: number): DateValue {
  const ms = Math.round((n - 25569) * 86400000);
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** -1, 0, 1; an unknown year takes the other side's year. */
export function compareDates(a: DateValue, b: DateValue): number {
  const ya = a.year ?? b.year ?? 2000;
  const yb = b.year ?? a.year ?? 2000;
  const ka = ya * 10000 + a.month * 100 + a.day;
  const kb = yb * 10000 + b.month * 100 + b.day;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function formatDate(d: DateValue): string {
  return `${d.year !== null ? `${d.year}年` : ''}${d.month}月${d.day}日`;
}

/**
 * An actual written in words against a date target: true for 按时完成 / 已按计划完成 / 提前完成, false for
 * 未按时完成 / 延期完成, null when the words say neither.
 */
export function onTimeWords(s: string): boolean | null {
  if (/未|没有|延期|延迟|滞后|逾期|推迟|超期/.test(s)) return false;
  if (/按时|按期|如期|及时|按计划|准时|提前|完成|办结|达成|^是$/.test(s)) return true;
  return null;
}
