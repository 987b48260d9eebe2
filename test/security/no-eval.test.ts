/** No dynamic code anywhere in src/: no eval(, no new Function, no string timers. */
import { promises as fs } from 'fs';
import path from 'path';

const SRC = path.resolve(__dirname, '..', '..', 'src');

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

test('src/ holds no eval( and no new Function', async () => {
  const hits: string[] = [];
  const all = await files(SRC);
  expect(all.length).toBeGreaterThan(10);
  for (const f of all) {
    const text = await fs.readFile(f, 'utf8');
    text.split('\n').forEach((line, i) => {
      if (
        /(^|[^.\w$])eval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]|set(Timeout|Interval)\s*\(\s*['"`]/.test(line)
      ) {
        hits.push(`${path.relative(SRC, f)}:${i + 1}: ${line.trim()}`);
      }
    });
  }
  expect(hits).toEqual([]);
});
