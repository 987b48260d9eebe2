/**
 * The package patcher on hand-made packages: shared formulas, the calculation chain, rows and cells
 * without `r`, new rows, inline strings, styles derived from the cell's own, notes with their VML,
 * macro-enabled workbooks, and a checked copy checked again.
 */
import fs from 'fs';
import path from 'path';
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync } from 'fflate';
import { resolveSettings } from '../../src/engine/settings';
import { WritePlan } from '../../src/engine/plan';
import { checkBuffer } from '../../src/file/check-buffer';
import { checkedFileName } from '../../src/file/names';
import { patchPackage } from '../../src/file/patch';
import { gridFromWorkbook, loadWorkbook } from '../../src/file/read';
import { zip } from '../hostile/files';
import { diffPackages, packageParts } from '../helpers/package-diff';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6, 7, 8]);

function handMade(): Buffer {
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><x:workbook xmlns:x="${MAIN}" xmlns:r="${R}"><x:sheets><x:sheet name="测算" sheetId="3" r:id="rId1"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${R}/calcChain" Target="calcChain.xml"/></Relationships>`,
    // A prefixed namespace, a row and a cell without `r`, a shared formula whose text is in B1.
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1" spans="1:2"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" s="1"><x:f t="shared" ref="B1:B3" si="0">A1*2</x:f><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>2</x:v></x:c><x:c><x:f t="shared" si="0"/><x:v>4</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c><x:c r="B3"><x:f t="shared" si="0"/><x:v>6</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf></cellXfs></styleSheet>`,
    'xl/calcChain.xml': `<?xml version="1.0"?><calcChain xmlns="${MAIN}"><c r="B1" i="3"/><c r="B2"/><c r="B3"/></calcChain>`,
    'xl/media/image1.png': PNG,
  });
}

const before = { value: null, numFmt: null, fill: null, note: null };
function plan(): WritePlan {
  return {
    cells: [
      { sheet: '测算', cell: 'B1', row: 0, col: 1, value: 5, fill: 'FFC7CE', note: '【自评校验】得分应为 5', before },
      { sheet: '测算', cell: 'C5', row: 4, col: 2, value: '优秀 & <良好>', before },
      { sheet: '测算', cell: 'A2', row: 1, col: 0, fill: 'FFEB9C', numFmt: '0.0000', before },
    ],
    lang: 'zh',
    resultsSheet: {
      name: '校验结果',
      lang: 'zh',
      header: ['工作表', '单元格', '严重程度', '代码', '说明'],
      rows: [['测算', 'B1', '错误', 'SCORE_MISMATCH', '得分应为 5']],
      findings: [],
      fills: ['FFC7CE'],
      links: [{ sheet: '测算', cell: 'B1' }],
      emptyRow: ['', '', '', '', '没有发现问题'],
    },
  };
}

test('values, styles, notes and the results sheet on a hand-made package; the rest keeps its bytes', async () => {
  const src = handMade();
  const formulas: Record<string, string> = { B2: 'A2*2', B3: 'A3*2' };
  const out = patchPackage(src, plan(), (sheet, cell) => (sheet === '测算' ? formulas[cell] : undefined));
  expect(out.macros).toBe(false);
  const d = diffPackages(src, out.bytes);
  expect(d.same).toEqual(['_rels/.rels', 'xl/media/image1.png']);
  expect(d.rewritten).toEqual([]);
  expect(d.removed).toEqual(['xl/calcChain.xml']); // a formula became a value: Excel rebuilds the chain
  expect(d.added).toEqual([
    'xl/comments1.xml',
    'xl/drawings/vmlDrawing1.vml',
    'xl/worksheets/_rels/sheet1.xml.rels',
    'xl/worksheets/sheet2.xml',
  ]);
  const parts = packageParts(out.bytes);
  expect(strFromU8(parts['[Content_Types].xml'])).not.toContain('calcChain');
  expect(strFromU8(parts['xl/_rels/workbook.xml.rels'])).not.toContain('calcChain');

  const wb = await loadWorkbook(out.bytes, { styles: true });
  const grid = gridFromWorkbook(wb, { styles: true });
  expect(grid.sheets.map((s) => s.name)).toEqual(['测算', '校验结果']);
  const s = grid.sheets[0];
  expect(s.values[0]).toEqual([1, 5]);
  expect(s.formulas).toEqual({ B2: 'A2*2', B3: 'A3*2' }); // the shared formula's cells keep theirs
  expect(s.values[1]).toEqual([2, 4]);
  expect(s.values[4][2]).toBe('优秀 & <良好>');
  expect(s.fills).toEqual({ B1: 'FFC7CE', A2: 'FFEB9C' });
  expect(s.notes).toEqual({ B1: '【自评校验】得分应为 5' });
  expect(s.formats?.[1]?.[0]).toBe('0.0000');
  // B1's new style is its own (number format 4, centred) plus the fill.
  const styles = strFromU8(parts['xl/styles.xml']);
  expect(styles).toMatch(
    /<xf numFmtId="4" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment horizontal="center"\/><\/xf>/,
  );
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
  expect(sheet).toContain('<x:row r="2">');
  expect(sheet).toMatch(/<x:legacyDrawing [^>]*r:id="rId2"\/><\/x:worksheet>$/);
  const rs = grid.sheets[1];
  expect(rs.values[1]).toEqual(['测算', 'B1', '错误', 'SCORE_MISMATCH', '得分应为 5']);
  expect(rs.fills?.C2).toBe('FFC7CE');
  expect(strFromU8(parts['xl/workbook.xml'])).toContain('<x:sheet name="校验结果" sheetId="4" r:id="rId4"/>');
  expect(strFromU8(parts['xl/worksheets/sheet2.xml'])).toContain(
    '<hyperlink ref="B2" location="\'测算\'!B1" display="B1"/>',
  );
});

const FIXTURE = path.resolve(__dirname, '../fixtures/sichuan-project-2023.xlsx');

test('a macro-enabled workbook stays one: its VBA project keeps its bytes and the copy is .checked.xlsm', async () => {
  const parts = packageParts(new Uint8Array(fs.readFileSync(FIXTURE)));
  const types = strFromU8(parts['[Content_Types].xml'])
    .replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml')
    .replace('<Default ', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ');
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']).replace(
    '</Relationships>',
    '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  const vba = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) & 0xff));
  const entries: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(parts)) entries[k] = Buffer.from(v);
  entries['[Content_Types].xml'] = Buffer.from(types);
  entries['xl/_rels/workbook.xml.rels'] = Buffer.from(rels);
  entries['xl/vbaProject.bin'] = vba;
  const xlsm = zip(entries);
  const r = await checkBuffer('宏.xlsm', xlsm, resolveSettings(), { fix: true });
  expect(r.report.tables[0].total).toMatchObject({ computed: '97.68' });
  expect(r.outputExt).toBe('xlsm');
  expect(checkedFileName('宏.xlsm', r.outputExt)).toBe('宏.checked.xlsm');
  const d = diffPackages(xlsm, r.output!);
  expect(d.same).toContain('xl/vbaProject.bin');
  expect(d.rewritten).toEqual([]);
  expect(strFromU8(packageParts(r.output!)['[Content_Types].xml'])).toContain('macroEnabled.main+xml');
});

test('checking a checked copy again replaces its results sheet and keeps one note per cell', async () => {
  const first = await checkBuffer('s.xlsx', fs.readFileSync(FIXTURE), resolveSettings(), { fix: true });
  const second = await checkBuffer('s.checked.xlsx', first.output!, resolveSettings(), { fix: true });
  const grid = gridFromWorkbook(await loadWorkbook(second.output!, { styles: true }), { styles: true });
  expect(grid.sheets.map((s) => s.name)).toEqual(['项目支出绩效自评表', '校验结果']);
  const notes = grid.sheets[0].notes ?? {};
  expect(notes.H19).toBe(
    gridFromWorkbook(await loadWorkbook(first.output!, { styles: true }), { styles: true }).sheets[0].notes?.H19,
  );
  expect(notes.H19?.match(/【自评校验】/g)).toHaveLength(1);
  expect(grid.sheets[1].values.length).toBe(first.report.findings.length + 1);
  expect(checkedFileName('旧.xls')).toBe('旧.xls.checked.xlsx');
  expect(checkedFileName('表.ods')).toBe('表.ods.checked.xlsx');
  expect(checkedFileName('表.XLSX')).toBe('表.checked.xlsx');
});

test('a package that cannot be patched (strict OOXML) still gets a copy: rebuilt, with the line saying so', async () => {
  const strict = zip(
    Object.fromEntries(
      Object.entries(packageParts(handMade())).map(([k, v]) => [
        k,
        /\.(xml|rels)$/.test(k)
          ? Buffer.from(strFromU8(v).split(MAIN).join('http://purl.oclc.org/ooxml/spreadsheetml/main'))
          : Buffer.from(v),
      ]),
    ),
  );
  const r = await checkBuffer('严格.xlsx', strict, resolveSettings(), { fix: true });
  expect(r.error).toBeUndefined();
  expect(r.outputExt).toBe('xlsx');
  expect(r.copyNote).toMatch(/^原文件的结构无法逐部件修补，检查后的副本是按读取内容重新生成的 \.xlsx/);
  const grid = gridFromWorkbook(await loadWorkbook(r.output!));
  expect(grid.sheets.map((s) => s.name)).toEqual(['测算', '校验结果']);
  expect(grid.sheets[0].values[2]).toEqual([3, 6]);
});

/** The hand-made package written as a streaming writer writes it: sizes in data descriptors after each entry. */
function streamed(parts: Record<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(parts)) {
    const f = new ZipDeflate(name, { level: 9 });
    z.add(f);
    f.push(data, true);
  }
  z.end();
  return Buffer.concat(chunks);
}

test('a package with data descriptors (a streaming writer) and a Chinese part name: unchanged entries copied, the copy opens', async () => {
  const parts = packageParts(handMade());
  parts['customXml/说明.xml'] = strToU8('<?xml version="1.0"?><说明>不动</说明>');
  const src = streamed(parts);
  expect(new DataView(src.buffer, src.byteOffset).getUint16(6, true) & 8).toBe(8); // sizes follow the data
  const out = patchPackage(src, plan(), () => undefined);
  const d = diffPackages(src, out.bytes);
  expect(d.same).toEqual(['_rels/.rels', 'customXml/说明.xml', 'xl/media/image1.png']);
  expect(d.rewritten).toEqual([]);
  // Every entry reads back whole (fflate checks sizes and CRCs), and SheetJS reads the sheet as patched.
  expect(Object.keys(unzipSync(out.bytes))).toEqual(
    expect.arrayContaining(['xl/worksheets/sheet1.xml', 'customXml/说明.xml']),
  );
  const grid = gridFromWorkbook(await loadWorkbook(out.bytes));
  expect(grid.sheets[0].values[0]).toEqual([1, 5]);
});
