/** Browser file mode's checker, run under Node: same tables and findings as the CLI, and the checked copy. */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { resolveSettings } from '../../src/engine/settings';
import { FileReadError, checkXlsx, readError } from '../../src/taskpane/file-mode';
import { checkedFileName as checkedName } from '../../src/file/names';

const FIXTURE = path.resolve(__dirname, '../fixtures/sichuan-project-2023.xlsx');

const arrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

test('checkedName', () => {
  expect(checkedName('a.xlsx')).toBe('a.checked.xlsx');
  expect(checkedName('报表.XLSX')).toBe('报表.checked.xlsx');
  expect(checkedName('noext')).toBe('noext.checked.xlsx');
});

test('the Sichuan example: total 97.68, three ACTUAL_MISSING, and a checked copy with values and flags', async () => {
  const r = await checkXlsx('sichuan-project-2023.xlsx', arrayBuffer(fs.readFileSync(FIXTURE)), resolveSettings());
  expect(r.outputName).toBe('sichuan-project-2023.checked.xlsx');
  expect(r.tables).toHaveLength(1);
  expect(r.tables[0].total).toMatchObject({ cell: 'J29', computed: '97.68', reported: '97.7' });
  expect(r.findings.filter((x) => x.code === 'ACTUAL_MISSING').map((x) => x.cell)).toEqual(['H19', 'H20', 'H21']);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(Buffer.from(r.output)));
  const ws = wb.getWorksheet('项目支出绩效自评表')!;
  expect(ws.getCell('J16').value).toBe(7.68);
  expect(ws.getCell('J29').value).toBe(97.68);
  expect((ws.getCell('H19').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
  expect(wb.getWorksheet('校验结果')).toBeDefined();
});

test('English messages in the checked copy when lang is en', async () => {
  const r = await checkXlsx('s.xlsx', arrayBuffer(fs.readFileSync(FIXTURE)), resolveSettings(), 'en');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(Buffer.from(r.output)));
  expect(wb.getWorksheet('校验结果')!.getCell('A1').value).toBe('Sheet');
});

test('not a workbook, and an encrypted / .xls file: one clear line', async () => {
  const text = new TextEncoder().encode('hello, not a zip').buffer as ArrayBuffer;
  await expect(checkXlsx('a.xlsx', text, resolveSettings())).rejects.toThrow(FileReadError);
  await expect(checkXlsx('a.xlsx', text, resolveSettings())).rejects.toThrow(
    'a.xlsx：不是 Excel 工作簿（.xlsx、.xlsm、.xls、.ods），无法读取',
  );
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  expect(readError('b.xlsx', ole, new Error('x'), 'zh')).toContain('文件已加密');
  expect(readError('b.xlsx', ole, new Error('x'), 'en')).toContain('password-protected');
  expect(readError('c.xlsx', new Uint8Array([0x50, 0x4b, 3, 4]), new Error('odd part\nmore'), 'zh')).toBe(
    'c.xlsx：无法作为 Excel 工作簿读取（odd part）',
  );
});
