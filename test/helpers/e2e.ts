/**
 * Browser tests need Debian's chromium. Without it they skip, saying why — unless SELFEVAL_REQUIRE_E2E=1
 * (set by .ci/run), when a missing chromium is a failing test instead of a quiet skip.
 */
import fs from 'fs';

export const CHROMIUM = '/usr/bin/chromium';

/** `describe` when chromium is present; otherwise a skip, or a failing test when the browser test is required. */
export function browserDescribe(what: string): (name: string, fn: () => void) => void {
  if (fs.existsSync(CHROMIUM)) return describe;
  const why = `${what}: ${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-zenhei)`;
  if (process.env.SELFEVAL_REQUIRE_E2E === '1') {
    return (name: string) =>
      describe(name, () => {
        test('chromium is installed (SELFEVAL_REQUIRE_E2E=1)', () => {
          throw new Error(`${why}; SELFEVAL_REQUIRE_E2E=1 requires the browser test to run`);
        });
      });
  }
  console.warn(`${why}; skipped`);
  return describe.skip;
}
