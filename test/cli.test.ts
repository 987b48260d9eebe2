/** `selfeval check` as a user runs it: text and JSON, --fix/--out, settings flags, exit statuses. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { FIXTURES, runCli, runJson } from './helpers/run-cli';

const sichuan = path.join(FIXTURES, 'sichuan-project-2023.xlsx');
const summary = path.join(FIXTURES, 'summary-2022.xlsx');

test('the readable Chinese summary names the table, total, grade and each finding with its cell', () => {
  const r = runCli(['check', sichuan]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('总分 97.68（表内 97.7）');
  expect(r.stdout).toContain('等级 优（表内 优秀）');
  expect(r.stdout).toContain('[警告] 项目支出绩效自评表!H19 ACTUAL_MISSING');
  expect(r.stdout).toContain('合计：1 个文件，1 张表；错误 0，警告 4，提示 0');
  expect(r.stdout).toContain('规则方案：mof2020');
});

test('a file that is not a workbook: one Chinese line on stderr, exit 2, the other files still checked', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-'));
  const bad = path.join(dir, '报表.xlsx');
  await fs.writeFile(bad, '这不是工作簿');
  const r = runJson(['check', bad, summary]);
  expect(r.status).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(bad);
  expect(lines[0]).toMatch(/不是 Excel 工作簿/);
  expect(r.json.files).toHaveLength(2);
  expect(r.json.files[0]).toMatchObject({ file: bad, tables: [], findings: [] });
  expect(r.json.files[0].error).toContain('不是 Excel 工作簿');
  expect(r.json.files[1].tables[0].totalRow.rate.computed).toBe('98.75');
  expect(r.json.summary).toMatchObject({ files: 2, tables: 1, errors: 1, warnings: 4 });
});

test('a missing file and a wrong flag exit 2 with a Chinese message', () => {
  const r = runCli(['check', '/nonexistent/无此文件.xlsx']);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('文件不存在');
  const a = runCli(['check', sichuan, '--score-decimals', '3']);
  expect(a.status).toBe(2);
  expect(a.stderr).toContain('--score-decimals 只能是 1 或 2');
});

test('--fix --out writes <name>.checked.xlsx into the folder, leaving the input alone', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-out-'));
  const r = runCli(['check', summary, '--fix', '--out', dir]);
  expect(r.status).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'summary-2022.checked.xlsx'));
  const ws = wb.getWorksheet('自评结果汇总')!;
  expect(ws.getCell('E9').value).toBe(0.9875);
  expect(ws.getCell('E9').numFmt).toBe('0.00%');
  expect((ws.getCell('E9').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  const orig = new ExcelJS.Workbook();
  await orig.xlsx.readFile(summary);
  expect(orig.getWorksheet('自评结果汇总')!.getCell('E9').value).toBe(0.952);
});

test('settings flags change the outcome and are echoed in the report; --lang en gives English messages', async () => {
  const r = runJson(['check', summary, '--low-execution-threshold', '10', '--lang', 'en']);
  expect(r.json.settings).toMatchObject({ preset: 'mof2020', lowExecutionThreshold: '10', scoreDecimals: 2 });
  const low = r.json.files[0].findings.filter((f: { code: string }) => f.code === 'LOW_EXECUTION');
  expect(low.map((f: { cell: string }) => f.cell)).toEqual(['E7']);
  expect(low[0].message).toMatch(/execution rate 5.20% is under 10%/);
  // The version is package.json's, not a copy kept in the code.
  expect(r.json.version).toBe(
    JSON.parse(await fs.readFile(path.join(__dirname, '..', 'package.json'), 'utf8')).version,
  );
  const t = runJson(['check', sichuan, '--overachieve-threshold', '35']);
  // 21 against 16 is 31.25% over: under a 35% threshold only the three missing actuals remain.
  expect(t.json.files[0].findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`).sort()).toEqual([
    'ACTUAL_MISSING@H19',
    'ACTUAL_MISSING@H20',
    'ACTUAL_MISSING@H21',
  ]);
});

test('--preset picks a profile: named in the JSON and text reports; an unknown one is exit 2', () => {
  const f = runJson(['check', sichuan, '--preset', 'fasp']);
  // fasp's grade bounds are 80/70/60 and its reverse formula is the deviation one.
  expect(f.json.settings).toMatchObject({
    preset: 'fasp',
    gradeBounds: { excellent: '80', good: '70', pass: '60' },
    reverseFormula: 'deviation',
  });
  const h = runCli(['check', sichuan, '--preset', 'hubei']);
  expect(h.stdout).toContain('规则方案：hubei');
  const bad = runCli(['check', sichuan, '--preset', 'guangdong']);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('mof2020、hubei、hebei、fasp、yitihua');
});

test('a folder is checked recursively', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-dir-'));
  await fs.mkdir(path.join(dir, '二级单位'));
  await fs.copyFile(sichuan, path.join(dir, 'a.xlsx'));
  await fs.copyFile(summary, path.join(dir, '二级单位', 'b.xlsx'));
  const r = runJson(['check', dir]);
  expect(r.json.files.map((f: { file: string }) => path.relative(dir, f.file))).toEqual([
    'a.xlsx',
    path.join('二级单位', 'b.xlsx'),
  ]);
  expect(r.status).toBe(1);
});
