/**
 * The engine's boundary: src/engine imports nothing but itself and decimal.js, and outside the
 * engine every import of it goes through its front door, src/engine/index.ts.
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');
const ENGINE = path.join(SRC, 'engine');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier a file names: import/export … from, side-effect imports, import(), require(). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

test('the specifier scan finds every kind of import (so the checks below can fail)', () => {
  const text = [
    "import Decimal from 'decimal.js';",
    "import type { A } from './a';",
    "import {\n  B,\n  C,\n} from '../b';",
    "export * from './c';",
    "export { D } from './d';",
    "import 'side-effect';",
    "const x = require('fs');",
    "const y = await import('office');",
  ].join('\n');
  expect(specifiers(text)).toEqual(['decimal.js', './a', '../b', './c', './d', 'side-effect', 'fs', 'office']);
});

test('src/engine imports nothing but itself and decimal.js', () => {
  const files = sources(ENGINE);
  expect(files.length).toBeGreaterThan(30);
  const outside: string[] = [];
  for (const f of files) {
    for (const s of specifiers(fs.readFileSync(f, 'utf8'))) {
      if (s === 'decimal.js') continue;
      const inside = s.startsWith('.') && !path.relative(ENGINE, path.resolve(path.dirname(f), s)).startsWith('..');
      if (!inside) outside.push(`${path.relative(SRC, f)} → ${s}`);
    }
  }
  expect(outside).toEqual([]);
});

test('outside src/engine, the engine is imported from src/engine/index.ts only', () => {
  const deep: string[] = [];
  let front = 0;
  for (const f of sources(SRC).filter((x) => !x.startsWith(ENGINE + path.sep))) {
    for (const s of specifiers(fs.readFileSync(f, 'utf8'))) {
      if (!s.startsWith('.')) continue;
      const target = path.resolve(path.dirname(f), s);
      if (target === ENGINE || target === path.join(ENGINE, 'index')) front++;
      else if (target.startsWith(ENGINE + path.sep)) deep.push(`${path.relative(SRC, f)} → ${s}`);
    }
  }
  expect(deep).toEqual([]);
  expect(front).toBeGreaterThan(10);
});
