/** `selfeval report check|draft` as a user runs them; .docx reports read like .txt ones; the Office-mode draft (through the host on the fake). */
import { Document, Packer, Paragraph } from 'docx';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { resolveSettings } from '../../src/engine';
import { checkFile } from '../../src/file/check-file';
import { checkReportBytes } from '../../src/report/check';
import { createExcelHost } from '../../src/excel';
import { gridFromWorkbook, loadWorkbook } from '../../src/file/read';
import { draftFromBytes } from '../../src/report/draft';
import { paneDraft } from '../../src/report/pane';
import { readReport } from '../../src/report/text';
import { createFakeExcel } from '../excel/fake-excel';
import { FIXTURES, runCli, runJson } from '../helpers/run-cli';

const SEED3 = path.join(FIXTURES, 'reports', '003_1fb6097d1cc84b19.txt');
const SEED4 = path.join(FIXTURES, 'reports', '004_8789b0faf39bb7ff.txt');
const SICHUAN = path.join(FIXTURES, 'sichuan-project-2023.xlsx');
const settings = resolveSettings();

test('report check: paragraph, sentence and arithmetic of each finding; exit 1 with an error', () => {
  const r = runCli(['report', 'check', SEED3]);
  expect(r.status).toBe(1);
  expect(r.stdout).toContain(
    '第 28 段 [错误] REPORT_BALANCE “无结余” 与所写的预算 70.40、支出 53.27 不符：未支出的是 17.13',
  );
  expect(r.stdout).toContain('算式：70.40 − 53.27 = 17.13');
  expect(r.stdout).toContain(
    '原文：“特定目标类项目年初预算共计70.40万元，实际执行共计53.27万元，预算执行率75.67%，年末资金无结余。”',
  );
  expect(r.stdout).toContain('共 1 个错误、1 个警告、0 个提示。');
});

test('report check --json: warnings only exit 0; --verbose lists what holds', () => {
  const r = runJson(['report', 'check', SEED4]);
  expect(r.status).toBe(0);
  expect(r.json.findings.map((f: { code: string; paragraph: number }) => [f.code, f.paragraph])).toEqual([
    ['REPORT_CONFLICT', 7],
  ]);
  expect(r.json.summary).toEqual({ errors: 0, warnings: 1, infos: 0 });
  const v = runCli(['report', 'check', SEED4, '--verbose']);
  expect(v.stdout).toContain('第 4 段 [相符] 执行率：925.77 ÷ 938.33 = 98.6615% → 98.66%');
});

test('report check --table and report draft: exit statuses and messages for what cannot be read', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-report-'));
  expect(runCli(['report', 'check', path.join(dir, '无此报告.docx')]).stderr).toContain('无此报告.docx：无法读取');
  const pdf = path.join(dir, '报告.pdf');
  await fs.writeFile(pdf, '%PDF');
  const r = runCli(['report', 'check', pdf]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('只能检查 .docx 或 .txt 格式的报告');
  const broken = path.join(dir, '报告.docx');
  await fs.writeFile(broken, '不是 docx');
  expect(runCli(['report', 'check', broken]).stderr).toContain('不是有效的 .docx 文件');
  expect(runCli(['report', 'check', SEED3, '--table', path.join(dir, '无此表.xlsx')]).status).toBe(2);
  expect(runCli(['report', 'check']).status).toBe(2);
  expect(runCli(['report', 'check', SEED3, '--bogus']).stderr).toContain('不认识的参数：--bogus');

  const d = runCli(['report', 'draft', SICHUAN, '--out', dir]);
  expect(d.status).toBe(0);
  const out = path.join(dir, 'sichuan-project-2023.自评报告草稿.docx');
  expect(d.stdout).toContain(`已写出 ${out}`);
  const text = readReport(out, new Uint8Array(await fs.readFile(out))).map((p) => p.text);
  expect(text[0]).toBe('2023年度招商引资项目支出绩效自评报告');
  expect(runCli(['report', 'draft', path.join(dir, '无此表.xlsx')]).status).toBe(2);
});

test('a .docx report reads like its .txt: same paragraphs numbered alike, same findings', async () => {
  const txt = await fs.readFile(SEED3, 'utf8');
  const doc = new Document({ sections: [{ children: txt.split(/\r?\n/).map((l) => new Paragraph(l)) }] });
  const docx = await Packer.pack(doc, 'uint8array');
  const a = checkReportBytes('r.txt', new TextEncoder().encode(txt), settings);
  const b = checkReportBytes('r.docx', docx, settings);
  expect(b.paragraphs).toBe(a.paragraphs);
  expect(b.findings.map((f) => [f.code, f.paragraph, f.arithmetic])).toEqual(
    a.findings.map((f) => [f.code, f.paragraph, f.arithmetic]),
  );
  expect(b.findings).toHaveLength(2);
});

test('without the grid, 年初预算, 年度目标 and the year become placeholders; the figures are the same', async () => {
  const check = (await checkFile(SICHUAN, settings)).report;
  const d = await paneDraft('自评表', null, check.tables, check.findings, settings);
  expect(d.name).toBe('自评表.自评报告草稿.docx');
  const text = readReport('d.docx', d.bytes)
    .map((p) => p.text)
    .join('\n');
  expect(text).toContain('【请填写：年度】年招商引资项目全年预算349.78万元，全年执行349.78万元，预算执行率100.00%');
  expect(text).toContain('【请填写：年度总体目标（表中未找到）】');
  expect(text).not.toContain('年初预算');
  expect(text).toContain('经自评，总得分97.7分，等级为“优”。');
});

test('Office mode: the host returns the grid it read, and the pane’s draft from it is the file draft, word for word', async () => {
  const wb = await loadWorkbook(await fs.readFile(SICHUAN));
  const fake = createFakeExcel(gridFromWorkbook(wb).sheets);
  const r = await createExcelHost(fake.run).check({ writeValues: true, settings });
  expect(r.grid?.sheets.map((s) => s.name)).toEqual(['项目支出绩效自评表']);
  const office = await paneDraft('自评表', r.grid ?? null, r.tables, r.findings, settings);
  const text = readReport('o.docx', office.bytes).map((p) => p.text);
  expect(text[0]).toBe('2023年度招商引资项目支出绩效自评报告');
  expect(text.join('\n')).not.toContain('【请填写：年度】');
  expect(text.join('\n')).not.toContain('年度总体目标（表中未找到）');
  const file = await draftFromBytes(SICHUAN, new Uint8Array(await fs.readFile(SICHUAN)), settings);
  expect(text).toEqual(readReport('f.docx', file.docx).map((p) => p.text));
});
