/** The write plan: computed values, fills and notes, the 校验结果 rows, and the before-state for undo. */
import { checkWorkbook } from '../../src/engine/check/workbook';
import ExcelJS from 'exceljs';
import {
  FILLS,
  NOTE_TAG,
  RESULTS_SHEET,
  buildWritePlan,
  formulaOverwrites,
  ownNote,
  undoPlan,
} from '../../src/engine/plan';
import { RESULTS_TEXT, SEVERITY_NAMES } from '../../src/engine/messages/results';
import { patchPackage } from '../../src/file/patch';
import { SheetBuilder, grid, sichuanExample, sichuanProject } from '../helpers/tables';

function example() {
  const b = new SheetBuilder();
  sichuanProject(b, sichuanExample());
  const sheet = b.sheet('项目表');
  sheet.notes = { H11: '数据来源：招商台账' };
  sheet.fills = { H11: 'DDEBF7' };
  const g = grid(sheet);
  return { g, check: checkWorkbook(g) };
}

test('the plan writes the computed score and total, and flags each finding cell with its colour and a tagged note', () => {
  const { g, check } = example();
  const plan = buildWritePlan(g, check, { lang: 'zh' });
  const at = (cell: string) => plan.cells.find((c) => c.cell === cell)!;
  expect(at('J12')).toMatchObject({ value: 7.68, numFmt: '0.00', before: { value: 7.7 } });
  expect(at('J25')).toMatchObject({ value: 97.68, before: { value: 97.7 } });
  expect(at('H15')).toMatchObject({ fill: 'FFEB9C', before: { value: null } });
  expect(at('H15').note).toBe(`${NOTE_TAG}创造GDP产值：没有完成值，却得 10 分；请填写完成值或说明理由`);
  // The grade 优秀 already agrees: it is not touched, nor is anything else.
  expect(plan.cells.find((c) => c.cell === 'B26')).toBeUndefined();
  expect(plan.cells.map((c) => c.cell).sort()).toEqual(['H11', 'H15', 'H16', 'H17', 'J12', 'J25']);
});

test('a user’s own note is kept before ours, and undo gives back value, format, fill and note', () => {
  const { g, check } = example();
  const plan = buildWritePlan(g, check, { lang: 'zh' });
  const h11 = plan.cells.find((c) => c.cell === 'H11')!;
  expect(h11.note!.startsWith(`数据来源：招商台账\n${NOTE_TAG}`)).toBe(true);
  expect(ownNote(h11.note)).toBe('数据来源：招商台账');
  expect(h11.before).toEqual({ value: 21, numFmt: null, fill: 'DDEBF7', note: '数据来源：招商台账' });
  const undo = undoPlan(plan);
  const u = undo.find((c) => c.cell === 'H11')!;
  expect([u.value, u.fill, u.note]).toEqual([21, 'DDEBF7', '数据来源：招商台账']);
  expect(undo.find((c) => c.cell === 'J12')!.value).toBe(7.7);
});

test('flags only (the pane’s 检查): no value is written', () => {
  const { g, check } = example();
  const plan = buildWritePlan(g, check, { lang: 'zh', values: false });
  expect(plan.cells.filter((c) => c.value !== undefined)).toEqual([]);
  expect(plan.resultsSheet.rows).toHaveLength(4);
  expect(plan.resultsSheet.rows[0]).toEqual([
    '项目表',
    'H11',
    '警告',
    'OVERACHIEVED',
    '招引项目个数：完成值 21 超出指标值 16 的 31%（阈值 20%），目标可能定得偏低，请在原因栏说明',
  ]);
});

test('re-checking the plan’s own output: the values agree and only the missing actuals remain', () => {
  const { g, check } = example();
  const plan = buildWritePlan(g, check, { lang: 'zh' });
  for (const p of plan.cells) if (p.value !== undefined) g.sheets[0].values[p.row][p.col] = p.value;
  const again = checkWorkbook(g);
  expect(again.findings.map((f) => `${f.code}@${f.cell}`).sort()).toEqual([
    'ACTUAL_MISSING@H15',
    'ACTUAL_MISSING@H16',
    'ACTUAL_MISSING@H17',
    'OVERACHIEVED@H11',
  ]);
  expect(again.writes).toEqual([]);
});

test('a formula whose result agrees is kept; a formula whose result disagrees is replaced (and listed)', () => {
  const b = new SheetBuilder();
  sichuanProject(b, sichuanExample());
  const sheet = b.sheet('项目表');
  // J12 (协议金额) holds =I12*H12/F12 → 7.675, which agrees; J25 holds =SUM(...) but a wrong 98.
  sheet.values[11][9] = (10 * 184.2) / 240;
  sheet.values[24][9] = 98;
  sheet.formulas = { J12: 'I12*H12/F12', J25: 'SUM(J11:J24)+I5+1' };
  const g = grid(sheet);
  const plan = buildWritePlan(g, checkWorkbook(g), { lang: 'zh' });
  expect(plan.cells.find((c) => c.cell === 'J12')).toBeUndefined();
  expect(plan.cells.find((c) => c.cell === 'J25')).toMatchObject({ value: 97.68, fill: 'FFC7CE' });
  expect(formulaOverwrites(g, plan)).toEqual([{ sheet: '项目表', cell: 'J25', formula: 'SUM(J11:J24)+I5+1' }]);
});

test('the plan carries data and is worded in the language it is given: English notes, rows and fills', () => {
  const { g, check } = example();
  const plan = buildWritePlan(g, check, { lang: 'en' });
  expect(plan.lang).toBe('en');
  const h15 = plan.cells.find((c) => c.cell === 'H15')!;
  expect(h15.note).toBe(`${NOTE_TAG}创造GDP产值: no actual value, yet scored 10; fill in the value or justify it`);
  expect(h15.findings!.map((f) => [f.code, f.id, f.params.score])).toEqual([['ACTUAL_MISSING', 'scored', '10']]);
  const rs = plan.resultsSheet;
  expect(rs.header).toEqual(['Sheet', 'Cell', 'Severity', 'Code', 'Message']);
  expect(rs.rows[0].slice(0, 4)).toEqual(['项目表', 'H11', 'warning', 'OVERACHIEVED']);
  expect(rs.rows[0][4]).toBe(
    '招引项目个数: actual 21 is 31% beyond the target 16; the target may have been set too low',
  );
  // Each row's fill comes from its finding's severity, never from matching the worded severity.
  expect(rs.fills).toEqual(rs.findings.map((f) => FILLS[f.severity]));
  expect(rs.fills).toEqual(['FFEB9C', 'FFEB9C', 'FFEB9C', 'FFEB9C']);
  expect(rs.emptyRow).toEqual(['', '', '', '', 'No findings']);
  expect(buildWritePlan(g, check, { lang: 'zh' }).resultsSheet.emptyRow[4]).toBe('没有发现问题');
});

test('the checked copy says “No findings” in English and 没有发现问题 in Chinese; severity fills from the data', async () => {
  const { g, check } = example();
  for (const [lang, none] of [
    ['en', 'No findings'],
    ['zh', '没有发现问题'],
  ] as const) {
    // The file host applies a plan by patching the workbook's package (src/file/patch.ts).
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('项目表');
    const bytes = new Uint8Array(await blank.xlsx.writeBuffer());
    const applied = async (plan: ReturnType<typeof buildWritePlan>) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(patchPackage(bytes, plan).bytes) as unknown as ArrayBuffer);
      return wb;
    };
    const wb = await applied(buildWritePlan(g, { findings: [], writes: [] }, { lang }));
    const rs = wb.getWorksheet(RESULTS_SHEET)!;
    expect(rs.getRow(1).values).toEqual([undefined, ...RESULTS_TEXT[lang].header]);
    expect(rs.getCell('E2').value).toBe(none);
    const flagged = await applied(buildWritePlan(g, check, { lang }));
    const cell = flagged.getWorksheet(RESULTS_SHEET)!.getCell('C2');
    expect([cell.value, (cell.fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([
      SEVERITY_NAMES[lang].warning,
      'FFFFEB9C',
    ]);
  }
});
