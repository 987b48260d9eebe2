/** The notice dialog of 一键重算 is gone before the ribbon command's 5-minute limit (notice-close.ts). */
import { CLOSE_AFTER_MS, FALLBACK_MS, closeDelay, untilFrom } from '../../src/commands/notice-close';
import { encodeNotice } from '../../src/commands/summary';

describe('notice dialog closes itself', () => {
  const start = Date.UTC(2026, 10, 26, 9, 0, 0);
  const search = `?${encodeNotice({ lang: 'zh', intent: 'success', title: '完成', lines: ['总分 97.68'] })}&until=${start + CLOSE_AFTER_MS}`;

  test('the deadline is under 4.5 minutes from the command start', () => {
    expect(CLOSE_AFTER_MS).toBeLessThan(4.5 * 60_000);
    expect(untilFrom(search)).toBe(start + CLOSE_AFTER_MS);
  });

  test('a dialog opened after a long check closes at the command deadline, not 4 minutes later', () => {
    // The check took 3 minutes: 1 minute left.
    expect(closeDelay(untilFrom(search), start + 3 * 60_000)).toBe(60_000);
    // Opened after the deadline: at once.
    expect(closeDelay(untilFrom(search), start + 5 * 60_000)).toBe(0);
    // A clock running behind never stretches it past CLOSE_AFTER_MS.
    expect(closeDelay(untilFrom(search), start - 60 * 60_000)).toBe(CLOSE_AFTER_MS);
  });

  test('no or broken until: the fallback from opening', () => {
    expect(untilFrom('?n=%7B%7D')).toBeNull();
    expect(untilFrom('?until=abc')).toBeNull();
    expect(closeDelay(null, start)).toBe(FALLBACK_MS);
    expect(FALLBACK_MS).toBeLessThan(4.5 * 60_000);
  });
});
