/** Runs the built CLI (dist/cli/selfeval.js) as a user would. */
import { spawnSync } from 'child_process';
import path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli', 'selfeval.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runJson(args: string[]) {
  const r = runCli([...args, '--json']);
  return { ...r, json: JSON.parse(r.stdout) };
}
