/**
 * The ribbon commands (src/commands) and the task pane (src/taskpane) share src/addin and never
 * import each other: walk every relative import (static, `export … from` and dynamic) from each
 * side's files, transitively, and list where the walk lands.
 */
import fs from 'fs';
import path from 'path';

const SRC = path.resolve(__dirname, '../../src');

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*(?:\/\*.*?\*\/\s*)?['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** The relative imports of a source file, resolved to files. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), spec);
    const hit = ['.ts', '.tsx', '/index.ts', '/index.tsx', '']
      .map((e) => base + e)
      .find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (!hit) throw new Error(`${path.relative(SRC, file)}: cannot resolve ${spec}`);
    out.push(hit);
  }
  return out;
}

/** Every source file reachable from the given ones, as paths relative to src/. */
function reachable(starts: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...starts];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...importsOf(f));
  }
  return new Set([...seen].map((f) => path.relative(SRC, f).split(path.sep).join('/')));
}

const filesIn = (dir: string): string[] =>
  fs
    .readdirSync(path.join(SRC, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(SRC, dir, f));

test('the import walk sees static, re-export and dynamic imports', () => {
  const pane = reachable([path.join(SRC, 'taskpane/index.tsx')]);
  // static (App), re-export (taskpane/i18n → i18n/pane), dynamic (file-mode, loaded on first use)
  expect(pane.has('taskpane/components/App.tsx')).toBe(true);
  expect(pane.has('i18n/pane.ts')).toBe(true);
  expect(pane.has('taskpane/file-mode.ts')).toBe(true);
  expect(pane.has('excel/index.ts')).toBe(true);
});

test('src/commands reaches src/addin, never src/taskpane', () => {
  const reached = [...reachable(filesIn('commands'))];
  expect(reached).toContain('addin/host.ts');
  expect(reached).toContain('i18n/notice.ts');
  expect(reached.filter((f) => f.startsWith('taskpane/'))).toEqual([]);
});

test('src/addin reaches neither side, and the pane never imports the commands', () => {
  expect([...reachable(filesIn('addin'))].filter((f) => /^(taskpane|commands)\//.test(f))).toEqual([]);
  expect([...reachable(filesIn('taskpane'))].filter((f) => f.startsWith('commands/'))).toEqual([]);
});
