/** The file host: a checked copy keeps everything of the workbook but the planned cells. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import { checkBuffer } from '../../src/file/check-file';
import { resolveSettings } from '../../src/engine/settings';
import { FIXTURES } from '../helpers/run-cli';

/** A note as exceljs reads it back: a string, or rich text runs. */
function note(cell: ExcelJS.Cell): string {
  const n = cell.note as ExcelJS.Comment | string | undefined;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

async function prepared(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(FIXTURES, 'sichuan-project-2023.xlsx'));
  const ws = wb.getWorksheet('项目支出绩效自评表')!;
  ws.getCell('H15').note = '数据来源：招商台账';
  const d2 = ws.getCell('D2');
  // exceljs shares loaded styles between cells: give D2 its own before colouring it.
  d2.style = {
    ...structuredClone(d2.style),
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  };
  ws.getColumn(4).width = 31;
  const other = wb.addWorksheet('测算');
  other.getCell('A1').value = 349.78;
  other.getCell('A2').value = { formula: 'A1*2', result: 699.56 };
  other.getCell('B1').value = '=不是公式，是文字';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the checked copy: computed cells written, flags applied, everything else as it was', async () => {
  const out = await checkBuffer('sichuan.xlsx', await prepared(), resolveSettings(), { fix: true });
  const buf = Buffer.from(out.output!);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('项目支出绩效自评表')!;
  expect(ws.getCell('J16').value).toBe(7.68);
  expect(ws.getCell('J29').value).toBe(97.68);
  expect(ws.getCell('B30').value).toBe('优秀');
  expect((ws.getCell('H19').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
  expect(note(ws.getCell('H19'))).toMatch(/^【自评校验】创造GDP产值/);
  // The user's own note stays first on a flagged cell; their fill and widths are untouched.
  expect(note(ws.getCell('H15'))).toMatch(/^数据来源：招商台账\n【自评校验】招引项目个数/);
  expect((ws.getCell('D2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDDEBF7');
  expect(ws.getColumn(4).width).toBe(31);
  expect((ws.model as unknown as { merges: string[] }).merges).toHaveLength(39);
  // An unflagged neighbour keeps its own (empty) fill: styles are not shared by mistake.
  expect((ws.getCell('J17').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
  const other = wb.getWorksheet('测算')!;
  expect(other.getCell('A2').value).toEqual({ formula: 'A1*2', result: 699.56 });
  expect(other.getCell('B1').value).toBe('=不是公式，是文字');
  const rs = wb.getWorksheet('校验结果')!;
  // Four warnings on the table, and NO_TABLE (info) for the 测算 sheet.
  expect(rs.rowCount).toBe(6);
  expect(rs.getRow(6).getCell(4).value).toBe('NO_TABLE');
  expect(rs.getRow(2).getCell(4).value).toBe('OVERACHIEVED');
});

test('the input file itself is never changed by --fix', async () => {
  const src = path.join(FIXTURES, 'central-project-2022.xlsx');
  const before = await fs.readFile(src);
  await checkBuffer(src, before, resolveSettings(), { fix: true });
  expect((await fs.readFile(src)).equals(before)).toBe(true);
});
