/**
 * Jest globalSetup: the CLI tests run dist/cli, so dist/ must be built from the current src. When any
 * file the CLI build reads (src/engine, src/file, src/cli, the tsconfigs) is newer than the oldest
 * compiled file — or a compiled file is missing — run `tsc -p tsconfig.cli.json` before any test.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = ['src/engine', 'src/file', 'src/cli'];
const CONFIGS = ['tsconfig.json', 'tsconfig.cli.json'];

function files(dir: string, ext: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

/** Why dist/ must be rebuilt, or null when every compiled file is newer than every source. */
export function staleReason(): string | null {
  let oldestOut = Infinity;
  for (const dir of SOURCES) {
    for (const src of files(path.join(ROOT, dir), /\.ts$/)) {
      const rel = path.relative(path.join(ROOT, 'src'), src).replace(/\.ts$/, '.js');
      const out = path.join(ROOT, 'dist', rel);
      if (!fs.existsSync(out)) return `${path.join('dist', rel)} is missing`;
      oldestOut = Math.min(oldestOut, fs.statSync(out).mtimeMs);
    }
  }
  const inputs = [
    ...SOURCES.flatMap((d) => files(path.join(ROOT, d), /\.ts$/)),
    ...CONFIGS.map((c) => path.join(ROOT, c)),
  ];
  for (const p of inputs) {
    if (fs.existsSync(p) && fs.statSync(p).mtimeMs > oldestOut) return `${path.relative(ROOT, p)} is newer than dist/`;
  }
  return null;
}

export default function buildCli(): void {
  const why = staleReason();
  if (!why) return;
  process.stderr.write(`\njest: rebuilding dist/ (${why}): tsc -p tsconfig.cli.json\n`);
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
