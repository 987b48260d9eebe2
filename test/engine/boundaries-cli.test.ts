/**
 * The over-achievement settings end to end through the built CLI (dist/, rebuilt by Jest's globalSetup
 * when src is newer), on the shared Sichuan example: 招引项目个数 21 against ≥16 is 31.25% over.
 * Worked by hand: with --deduct-overachievement the score is 10 × (1 − (31.25% − 20%)) = 8.875 → 8.88 and
 * the total 97.68 − 10 + 8.88 = 96.56; with --preset yitihua (≥ 30% over) it is 10 − 2 = 8, total 95.68.
 */
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { FIXTURES, runCli, runJson } from '../helpers/run-cli';

const sichuan = path.join(FIXTURES, 'sichuan-project-2023.xlsx');
const SHEET = '项目支出绩效自评表';
type F = { code: string; cell: string };
const codes = (fs: F[]) => fs.map((f) => `${f.code}@${f.cell}`).sort();

test('without the flag the 31.25% over-achievement is only flagged: 10 stays, total 97.68', () => {
  const r = runJson(['check', sichuan]);
  expect(r.status).toBe(0);
  expect(r.json.settings.deductOverachievement).toBe(false);
  const t = r.json.files[0].tables[0];
  expect([t.indicators[0].score.computed, t.total.computed]).toEqual(['10.00', '97.68']);
});

test('--deduct-overachievement: 招引项目个数 scores 8.88, the total 96.56, and --fix writes both', async () => {
  const r = runJson(['check', sichuan, '--deduct-overachievement']);
  expect(r.status).toBe(1);
  expect(r.json.settings.deductOverachievement).toBe(true);
  const t = r.json.files[0].tables[0];
  expect(t.indicators[0].score).toMatchObject({ cell: 'J15', computed: '8.88', reported: '10' });
  expect(t.total).toMatchObject({ cell: 'J29', computed: '96.56', reported: '97.7' });
  expect(codes(r.json.files[0].findings)).toEqual([
    'ACTUAL_MISSING@H19',
    'ACTUAL_MISSING@H20',
    'ACTUAL_MISSING@H21',
    'OVERACHIEVED@H15',
    'SCORE_MISMATCH@J15',
    'TOTAL_MISMATCH@J29',
  ]);

  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-deduct-'));
  const fixed = runCli(['check', sichuan, '--deduct-overachievement', '--fix', '--out', out]);
  expect(fixed.status).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, 'sichuan-project-2023.checked.xlsx'));
  const ws = wb.getWorksheet(SHEET)!;
  expect([ws.getCell('J15').value, ws.getCell('J29').value]).toEqual([8.88, 96.56]);
  // The copy checked again with the flag: the deduction is now in the table, nothing left to correct.
  const again = runJson(['check', path.join(out, 'sichuan-project-2023.checked.xlsx'), '--deduct-overachievement']);
  expect(codes(again.json.files[0].findings.filter((f: F & { severity: string }) => f.severity !== 'info'))).toEqual([
    'ACTUAL_MISSING@H19',
    'ACTUAL_MISSING@H20',
    'ACTUAL_MISSING@H21',
    'OVERACHIEVED@H15',
  ]);
  await fs.rm(out, { recursive: true, force: true });
});

test('--preset yitihua: 2 points off at ≥ 30% over: 8, total 95.68', () => {
  const r = runJson(['check', sichuan, '--preset', 'yitihua']);
  const t = r.json.files[0].tables[0];
  expect([t.indicators[0].score.computed, t.total.computed]).toEqual(['8.00', '95.68']);
  expect(codes(r.json.files[0].findings)).toEqual([
    'ACTUAL_MISSING@H19',
    'ACTUAL_MISSING@H20',
    'ACTUAL_MISSING@H21',
    'OVERACHIEVED@H15',
    'SCORE_MISMATCH@J15',
    'TOTAL_MISMATCH@J29',
  ]);
});
