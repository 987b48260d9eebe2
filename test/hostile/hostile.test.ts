/**
 * Hostile and odd inputs through the built CLI: each gives one clear Chinese line (exit 2) or a
 * correct result, never a stack trace, and the other files of the same run are still checked.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { FIXTURES, runCli, runJson } from '../helpers/run-cli';
import { encryptedXlsx, oldXls, zip } from './files';

const sichuan = path.join(FIXTURES, 'sichuan-project-2023.xlsx');
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-hostile-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function put(name: string, data: Buffer | string): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, data);
  return p;
}

/** One line on stderr naming the file, no stack trace; the good file still checked; exit 2. */
function expectOneLine(file: string, pattern: RegExp) {
  const r = runJson(['check', file, sichuan]);
  expect(r.status).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|node_modules/);
  expect(r.json.files[0]).toMatchObject({ file, tables: [], findings: [] });
  expect(r.json.files[0].error).toMatch(pattern);
  expect(r.json.files[1].tables[0].total.computed).toBe('97.68');
  return r;
}

test('not a zip at all', async () => {
  expectOneLine(await put('随便.xlsx', Buffer.from('%PDF-1.7\n这不是工作簿')), /不是 Excel 工作簿/);
});

test('an empty file', async () => {
  expectOneLine(await put('空文件.xlsx', Buffer.alloc(0)), /文件是空的/);
});

test('a zip that is not a workbook', async () => {
  const f = await put('压缩包.xlsx', zip({ 'readme.txt': '你好', 'data/1.csv': 'a,b\n1,2\n' }));
  expectOneLine(f, /工作簿/);
});

test('a truncated workbook', async () => {
  const whole = await fs.readFile(sichuan);
  expectOneLine(await put('截断.xlsx', whole.subarray(0, Math.floor(whole.length / 2))), /已损坏或不完整/);
});

test('a password-protected .xlsx (encrypted OLE compound file)', async () => {
  const buf = encryptedXlsx();
  expect(buf.readUInt32BE(0)).toBe(0xd0cf11e0);
  expectOneLine(await put('加密.xlsx', buf), /密码|加密/);
});

test('an .xls is checked like any other workbook; its copy is an .xlsx, and one line says what it keeps', async () => {
  const xls = path.join(FIXTURES, 'other', 'libreoffice-table.xls');
  const r = runJson(['check', xls]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.json.files[0].tables[0].total).toMatchObject({ computed: '97.68', reported: '97.7' });
  const out = path.join(dir, 'xls-out');
  const fix = runCli(['check', xls, '--fix', '--out', out]);
  expect(fix.stderr).toBe('');
  expect(fix.status).toBe(0);
  expect(fix.stdout).toContain(`已写出检查后的副本：${path.join(out, 'libreoffice-table.xls.checked.xlsx')}`);
  const notes = fix.stdout.split('\n').filter((l) => l.includes('另存为 .xlsx'));
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatch(/原文件为 \.xls 格式.*保留数值、合并单元格、数字格式和校验标记.*Excel 或 WPS/);
  expect(await fs.readdir(out)).toEqual(['libreoffice-table.xls.checked.xlsx']);
  const json = runJson(['check', xls, '--fix', '--out', out]);
  expect(json.json.files[0].copyNote).toBe(notes[0].trim().replace(/^注意：/, ''));
});

test('an .xls holding no sheet at all (renamed .xlsx, or .xls): one line, never a stack trace', async () => {
  expectOneLine(await put('旧格式.xlsx', oldXls()), /没有任何工作表/);
  expectOneLine(await put('旧格式.xls', oldXls()), /没有任何工作表/);
});

test('a workbook with no sheets: one line; with one empty sheet: NO_TABLE, exit 0', async () => {
  const none = zip({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  });
  expectOneLine(await put('无工作表.xlsx', none), /没有任何工作表|工作簿/);

  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  const empty = await put('空表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  const r = runJson(['check', empty]);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  expect(r.json.files[0].tables).toEqual([]);
  expect(r.json.files[0].findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`)).toEqual([
    'NO_TABLE@A1',
  ]);
});

test('a missing file and a folder named .xlsx', async () => {
  const folder = path.join(dir, '文件夹.xlsx');
  await fs.mkdir(folder, { recursive: true });
  const r = runJson(['check', path.join(dir, '不存在.xlsx'), sichuan]);
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain('文件不存在');
  expect(r.json.files[1].tables).toHaveLength(1);
});

test('a summary sheet of 100,000 rows is checked (streamed into a temp file, not committed)', async () => {
  const file = path.join(dir, '十万行.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = writer.addWorksheet('汇总');
  ws.addRow(['2022年度部门项目支出绩效自评结果汇总表']).commit();
  ws.addRow([
    '序号',
    '项目名称',
    '全年预算数（万元）',
    '全年执行数（万元）',
    '预算执行率',
    '自评得分',
    '自评等级',
    '备注',
  ]).commit();
  for (let i = 1; i <= 100_000; i++) {
    const row = ws.addRow([i, `项目${i}`, 100 + (i % 7), 100 + (i % 7), 1, 95, '优', null]);
    row.getCell(5).numFmt = '0.00%';
    row.commit();
  }
  ws.commit();
  await writer.commit();
  const started = Date.now();
  const r = runCli(['check', file]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('项目 100000');
  expect(r.stdout).toContain('优 100000');
  expect(Date.now() - started).toBeLessThan(60_000);
}, 120_000);

test('formulas: cached results are read; a formula that agrees is kept, a wrong computed one is replaced and the user is told', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sichuan);
  const ws = wb.worksheets[0];
  ws.getCell('G9').value = { formula: 'F9/E9', result: 1 }; // the rate, right: kept
  ws.getCell('H15').value = { formula: '20+1', result: 21 }; // an actual, flagged OVERACHIEVED: kept
  ws.getCell('J16').value = { formula: 'I16*H16/F16', result: (10 * 184.2) / 240 }; // a score that agrees: kept
  ws.getCell('J29').value = { formula: 'SUM(I9,J15:J28)+1', result: 98.7 }; // the total, 97.68 by the rules: wrong
  ws.getCell('K16').value = '=无超大项目，协议金额未达标'; // a reason that starts with "="
  const file = await put('公式.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  const out = path.join(dir, 'out');

  const r = runCli(['check', file, '--fix', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('总分 97.68（表内 98.7）');
  expect(r.stdout).toContain('公式已被计算值替换');
  expect(r.stdout).toContain('项目支出绩效自评表!J29  =SUM(I9,J15:J28)+1');
  expect(r.stdout).not.toContain('!J16  =');
  expect(r.stdout).not.toContain('!G9  =');
  expect(r.stdout).not.toContain('!H15  =');

  const j = runJson(['check', file, '--fix', '--out', out]);
  expect(j.json.files[0].formulasReplaced).toEqual([
    { sheet: '项目支出绩效自评表', cell: 'J29', formula: 'SUM(I9,J15:J28)+1' },
  ]);

  const checked = new ExcelJS.Workbook();
  await checked.xlsx.readFile(path.join(out, '公式.checked.xlsx'));
  const cs = checked.getWorksheet('项目支出绩效自评表')!;
  expect(cs.getCell('J29').value).toBe(97.68);
  expect(cs.getCell('G9').value).toMatchObject({ formula: 'F9/E9' });
  expect(cs.getCell('J16').value).toMatchObject({ formula: 'I16*H16/F16' });
  expect(cs.getCell('H15').value).toMatchObject({ formula: '20+1' });
  expect(String(cs.getCell('H15').note && JSON.stringify(cs.getCell('H15').note))).toContain('【自评校验】');
  expect(cs.getCell('K16').value).toBe('=无超大项目，协议金额未达标');
  expect(cs.getCell('K16').type).toBe(ExcelJS.ValueType.String);
});
