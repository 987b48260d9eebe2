/** A folder of several files, checked in parallel by worker threads, reports exactly as the files one by one. */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { spawnSync } from 'child_process';
import { CLI, FIXTURES } from '../helpers/run-cli';

function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a folder (workers) gives the same JSON and text as each file alone, in order', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-folder-'));
  try {
    const names = ['a-central.xlsx', 'b-sichuan.xlsx', 'c-summary.xlsx', 'd/e-sichuan.xlsx', 'f-broken.xlsx'];
    const src = [
      'central-project-2022.xlsx',
      'sichuan-project-2023.xlsx',
      'summary-2022.xlsx',
      'sichuan-project-2023.xlsx',
    ];
    await fs.mkdir(path.join(dir, 'd'));
    for (let i = 0; i < src.length; i++) await fs.copyFile(path.join(FIXTURES, src[i]), path.join(dir, names[i]));
    await fs.writeFile(path.join(dir, names[4]), 'not a workbook');

    const par = run(['check', dir, '--json'], { SELFEVAL_WORKERS: '3' });
    const seq = run(['check', dir, '--json'], { SELFEVAL_WORKERS: '0' });
    expect(par.status).toBe(2);
    expect(par.stdout).toBe(seq.stdout);
    expect(par.stderr).toBe(seq.stderr);
    const files = JSON.parse(par.stdout).files.map((f: { file: string }) => path.relative(dir, f.file));
    expect(files).toEqual(names.map((n) => path.normalize(n)));

    // The same report as the files given one by one, merged.
    const single = names.map((n) => JSON.parse(run(['check', path.join(dir, n), '--json'], {}).stdout).files[0]);
    expect(JSON.parse(par.stdout).files).toEqual(single);

    const text = run(['check', dir], { SELFEVAL_WORKERS: '2' });
    expect(text.stdout).toBe(run(['check', dir], { SELFEVAL_WORKERS: '0' }).stdout);

    // --fix from the workers writes every checked copy.
    const out = path.join(dir, 'out');
    const fix = run(['check', dir, '--fix', '--out', out], { SELFEVAL_WORKERS: '2' });
    expect(fix.status).toBe(2);
    expect((await fs.readdir(out)).sort()).toEqual([
      'a-central.checked.xlsx',
      'b-sichuan.checked.xlsx',
      'c-summary.checked.xlsx',
      'e-sichuan.checked.xlsx',
    ]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
