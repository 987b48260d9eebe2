/**
 * Workbooks written by other programs (test/fixtures/other, made by scripts/fixtures/make.sh with
 * LibreOffice and openpyxl): each is read with its real values, and its checked copy is the original
 * package with only the planned cells, the results sheet and the parts that list them changed — the
 * chart, drawings, picture, pivot table, custom properties, hidden and untouched sheets keep their bytes.
 * Where LibreOffice is installed, the copy opens and converts (skipped, saying why, where it is not).
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { strFromU8 } from 'fflate';
import { resolveSettings } from '../../src/engine/settings';
import { checkBuffer } from '../../src/file/check-buffer';
import { gridFromWorkbook, loadWorkbook } from '../../src/file/read';
import { diffPackages, packageParts } from '../helpers/package-diff';

const DIR = path.resolve(__dirname, '../fixtures/other');
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));
const SHEET = '项目支出绩效自评表';
const WARNINGS = ['OVERACHIEVED@H15', 'ACTUAL_MISSING@H19', 'ACTUAL_MISSING@H20', 'ACTUAL_MISSING@H21'];

const ALL = [
  'libreoffice-table.xlsx',
  'libreoffice-pivot.xlsx',
  'openpyxl-picture.xlsx',
  'libreoffice-table.xls',
  'libreoffice-table.ods',
];

describe.each(ALL)('%s is read with its real values', (name) => {
  test('the Sichuan table: funds, total 97.68 against 97.7, grade, four warnings', async () => {
    const r = await checkBuffer(name, read(name), resolveSettings());
    expect(r.error).toBeUndefined();
    expect(r.report.tables).toHaveLength(1);
    const t = r.report.tables[0];
    expect(t.sheet).toBe(SHEET);
    expect(t.funds[0]).toMatchObject({ budget: '349.78', executed: '349.78' });
    expect(t.total).toMatchObject({ cell: 'J29', computed: '97.68', reported: '97.7' });
    expect(t.grade).toMatchObject({ computed: '优', reported: '优秀' });
    const serious = r.report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}@${f.cell}`);
    expect(serious).toEqual(WARNINGS);
  });
});

test('notes, hidden sheets and formulas come through the reader', async () => {
  const grid = gridFromWorkbook(await loadWorkbook(read('libreoffice-table.xlsx'), { styles: true }));
  expect(grid.sheets.map((s) => s.name)).toEqual([SHEET, '指标图表', '得分图', '参数']);
  const table = grid.sheets[0];
  expect(table.notes?.H15).toContain('数据来源：招商台账');
  expect(table.notes?.D9).toContain('含年中追加预算');
  expect(grid.sheets[3].values[0]).toEqual(['执行率阈值', 90]);
  // The percent format of the rate cell (what the engine reads shown decimals from).
  expect(table.formats?.[8]?.[6]).toBe('0.00%');
});

/** Parts a checked copy may change: the table's sheet, and the parts that list cells, styles and sheets. */
function expectOnlyListedPartsChanged(before: Uint8Array, after: Uint8Array, sheetPart: string) {
  const d = diffPackages(before, after);
  expect(d.removed).toEqual([]);
  const allowed = new Set([
    '[Content_Types].xml',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    sheetPart,
    sheetPart.replace(/([^/]+)$/, '_rels/$1.rels'),
  ]);
  const unexpected = d.changed.filter((p) => !allowed.has(p) && !/comment|vmlDrawing/i.test(p));
  expect(unexpected).toEqual([]);
  expect(d.added.filter((p) => !/^xl\/worksheets\/sheet\d+\.xml$/.test(p))).toEqual([]);
  // Byte for byte in the file, not only after unzipping: an unchanged part's compressed bytes are copied.
  expect(d.rewritten).toEqual([]);
  return d;
}

test('LibreOffice workbook: chart, chart sheet, picture, drawings, custom properties, hidden sheet unchanged', async () => {
  const before = read('libreoffice-table.xlsx');
  const r = await checkBuffer('libreoffice-table.xlsx', before, resolveSettings(), { fix: true });
  expect(r.outputExt).toBe('xlsx');
  expect(r.copyNote).toBeUndefined();
  const d = expectOnlyListedPartsChanged(before, r.output!, 'xl/worksheets/sheet1.xml');
  for (const part of [
    'xl/charts/chart1.xml',
    'xl/charts/chart2.xml',
    'xl/drawings/drawing1.xml',
    'xl/drawings/drawing2.xml',
    'xl/media/image1.png',
    'docProps/custom.xml',
    'xl/worksheets/sheet2.xml',
    'xl/worksheets/sheet3.xml',
    'xl/worksheets/sheet4.xml',
    'xl/sharedStrings.xml',
    'xl/theme/theme1.xml',
  ].filter((p) => p in packageParts(before))) {
    expect(d.same).toContain(part);
  }
  expect(d.same).toContain('xl/charts/chart1.xml');
  expect(d.same).toContain('docProps/custom.xml');
  expect(d.added).toEqual(['xl/worksheets/sheet5.xml']);
  const wb = strFromU8(packageParts(r.output!)['xl/workbook.xml']);
  expect(wb).toContain('name="参数" sheetId="4" state="hidden"');
  expect(wb).toContain('name="校验结果" sheetId="5"');
});

test('LibreOffice pivot table: its cache and table parts keep their bytes', async () => {
  const before = read('libreoffice-pivot.xlsx');
  const parts = Object.keys(packageParts(before));
  const pivot = parts.filter((p) => /pivot/i.test(p));
  expect(pivot.length).toBeGreaterThanOrEqual(3);
  const r = await checkBuffer('libreoffice-pivot.xlsx', before, resolveSettings(), { fix: true });
  const d = expectOnlyListedPartsChanged(before, r.output!, 'xl/worksheets/sheet1.xml');
  for (const p of pivot) expect(d.same).toContain(p);
});

test('openpyxl workbook with a picture: read, and the copy keeps the picture, drawings and charts', async () => {
  const before = read('openpyxl-picture.xlsx');
  const r = await checkBuffer('openpyxl-picture.xlsx', before, resolveSettings(), { fix: true });
  const d = expectOnlyListedPartsChanged(before, r.output!, 'xl/worksheets/sheet1.xml');
  for (const p of [
    'xl/media/image1.png',
    'xl/drawings/drawing1.xml',
    'xl/charts/chart1.xml',
    'xl/chartsheets/sheet1.xml',
  ])
    expect(d.same).toContain(p);
  // The user's own note on H15 is kept, ours follows it; the untouched note on D9 is as it was.
  // (Read back with SheetJS: exceljs cannot load openpyxl's drawings — the bug this reader replaced.)
  const sheet = gridFromWorkbook(await loadWorkbook(r.output!, { styles: true })).sheets[0];
  expect(sheet.notes?.H15).toMatch(/数据来源：招商台账\n【自评校验】招引项目个数/);
  expect(sheet.notes?.H19).toMatch(/^【自评校验】创造GDP产值/);
  expect(sheet.notes?.D9).toContain('含年中追加预算');
  expect(sheet.values[15][9]).toBe(7.68);
  expect(sheet.values[28][9]).toBe(97.68);
  expect(sheet.fills?.H19).toBe('FFEB9C');
});

test.each(['libreoffice-table.xls', 'libreoffice-table.ods'])(
  '%s: the copy is an .xlsx rebuilt from what was read, with one line saying so',
  async (name) => {
    const r = await checkBuffer(name, read(name), resolveSettings(), { fix: true });
    expect(r.outputExt).toBe('xlsx');
    expect(r.copyNote).toMatch(/保留数值、合并单元格、数字格式和校验标记/);
    expect(r.copyNote).toMatch(/Excel 或 WPS 中把原文件另存为 \.xlsx/);
    const again = await checkBuffer('copy.xlsx', r.output!, resolveSettings());
    const t = again.report.tables[0];
    expect(t.total).toMatchObject({ computed: '97.68', reported: '97.68' });
    const grid = gridFromWorkbook(await loadWorkbook(r.output!, { styles: true }));
    const table = grid.sheets.find((s) => s.name === SHEET)!;
    expect(table.merges.length).toBeGreaterThan(30);
    expect(table.fills?.H19).toBe('FFEB9C');
    expect(table.notes?.H19).toMatch(/^【自评校验】/);
    expect(grid.sheets.map((s) => s.name)).toContain('校验结果');
  },
);

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p));
if (!soffice) console.warn('LibreOffice check skipped: soffice not found (it is not installed in CI on purpose)');
(soffice ? test : test.skip)(
  'LibreOffice opens every checked copy and converts it, with the computed values',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-lo-'));
    try {
      for (const name of ALL) {
        const r = await checkBuffer(name, read(name), resolveSettings(), { fix: true });
        const copy = path.join(dir, `${name.replace(/\./g, '-')}.checked.${r.outputExt}`);
        fs.writeFileSync(copy, r.output!);
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
            '--outdir',
            dir,
            copy,
          ],
          { stdio: 'pipe', timeout: 120000 },
        );
        const base = path.basename(copy).replace(/\.xls[xm]$/, '');
        const table = fs.readFileSync(path.join(dir, `${base}-${SHEET}.csv`), 'utf8');
        expect(table).toContain('合计,,,,,,,,100,97.68,');
        const results = fs.readFileSync(path.join(dir, `${base}-校验结果.csv`), 'utf8');
        expect(results.split('\n')[0]).toBe('工作表,单元格,严重程度,代码,说明');
        expect(results).toContain(`${SHEET},H19,警告,ACTUAL_MISSING`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  300000,
);
