/**
 * docs/ stays true to the code: rules.md lists every finding code with its severity, and every file
 * path docs/architecture.md and rules.md name exists.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FINDING_SEVERITY } from '../src/engine';

const ROOT = path.join(__dirname, '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

test('docs/rules.md lists every finding code with the severity the engine gives it', () => {
  const rows = new Map<string, string>();
  for (const m of read('docs/rules.md').matchAll(/^\| ([A-Z_]+) +\| (error|warning|info) +\|/gm)) rows.set(m[1], m[2]);
  expect(Object.fromEntries(rows)).toEqual(FINDING_SEVERITY);
});

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('every path the docs name exists', () => {
  const engineFiles = files(path.join(ROOT, 'src/engine'));
  const missing: string[] = [];
  let named = 0;
  for (const doc of ['docs/architecture.md', 'docs/rules.md']) {
    const text = read(doc);
    // `src/…`, `test/…` in backticks; in rules.md, engine files are named relative to src/engine/.
    for (const m of text.matchAll(/`((?:src|test|docs)\/[^`*\s]+?)`/g)) {
      named++;
      if (!fs.existsSync(path.join(ROOT, m[1]))) missing.push(`${doc}: ${m[1]}`);
    }
    if (doc === 'docs/rules.md') {
      for (const m of text.matchAll(/`((?:check|rules|locate|values|messages)\/[a-z/-]+\.ts|[a-z-]+\.ts)`/g)) {
        named++;
        // A bare file name is one of the engine's files, in whichever folder.
        const found = m[1].includes('/')
          ? fs.existsSync(path.join(ROOT, 'src/engine', m[1]))
          : engineFiles.some((f) => path.basename(f) === m[1]);
        if (!found) missing.push(`${doc}: ${m[1]}`);
      }
    }
  }
  expect(missing).toEqual([]);
  expect(named).toBeGreaterThan(40);
});
