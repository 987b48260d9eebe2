/**
 * The notice dialog of 一键重算 closes itself in time. A ribbon function command must call
 * `event.completed()` within 5 minutes or Office ends it; on Excel on the web that can leave the dialog
 * stuck open (office-js#1452, #4983). So the command passes, in the dialog URL, the moment by which
 * the dialog must be gone (`until`, epoch ms: the command's start + CLOSE_AFTER_MS, which is under 4.5
 * minutes), the dialog closes itself then (messageParent → the command closes it and completes), and
 * the command also closes it itself at that moment in case no message arrives.
 */

/** From the command's start; 4.5 minutes is the limit the issue sets, 5 Office's. */
export const CLOSE_AFTER_MS = 4 * 60_000;

/** Without `until` (an old URL): close this long after the dialog opened. */
export const FALLBACK_MS = 3 * 60_000;

/** The `until` parameter of the dialog's URL, or null. */
export function untilFrom(search: string): number | null {
  const v = new URLSearchParams(search).get('until');
  const n = v === null ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Milliseconds from `now` until the dialog must close (0: at once). */
export function closeDelay(until: number | null, now: number): number {
  if (until === null) return FALLBACK_MS;
  return Math.max(0, Math.min(until - now, CLOSE_AFTER_MS));
}
