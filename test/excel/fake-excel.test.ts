/**
 * The fake does what Excel does (issue 12 item 5), each behaviour with the Office documentation it
 * follows cited in fake-excel.ts; and the host tests that only such a fake can fail.
 */
import { promises as fs } from 'fs';
import { Sheet } from '../../src/engine/grid';
import { resolveSettings } from '../../src/engine/settings';
import { createExcelHost } from '../../src/excel';
import { excelInput } from '../../src/excel/write';
import { gridFromWorkbook, loadWorkbook } from '../../src/file/read';
import { ACTION_BYTES, createFakeExcel, sheetRef } from './fake-excel';

const settings = resolveSettings();
const SICHUAN = '项目支出绩效自评表';

async function sichuan(): Promise<Sheet[]> {
  const wb = await loadWorkbook(await fs.readFile(`${__dirname}/../fixtures/sichuan-project-2023.xlsx`));
  return gridFromWorkbook(wb).sheets;
}

describe('written arrays: null leaves the cell as it is', () => {
  test('values, numberFormat and formulas', async () => {
    const fake = createFakeExcel([{ name: '表', values: [[1, 2, 3]], formats: [['0.00', '0.00', '0.00']] }]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表').getRange('A1:C1');
      r.values = [[null, '', 9]] as unknown as string[][];
      r.numberFormat = [[null, 'General', null]] as unknown as string[][];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('表').getRange('A1:B1').formulas = [[null, '=A1*2']] as unknown as string[][];
      await ctx.sync();
    });
    const s = fake.sheet('表');
    expect(s.get('A1')).toEqual({ value: 1, numFmt: '0.00', fill: null, note: null });
    expect(s.get('B1')).toEqual({ value: null, numFmt: null, fill: null, note: null, formula: '=A1*2' });
    expect(s.get('C1')).toEqual({ value: 9, numFmt: '0.00', fill: null, note: null });
  });

  test('fill then undo: a cell that was empty is empty again (fails against a host writing null for "")', async () => {
    const sheets = await sichuan();
    // The total (J29) left empty by the user: the check fills it in.
    sheets[0].values[28][9] = null;
    const fake = createFakeExcel(sheets);
    const host = createExcelHost(fake.run);
    await host.check({ writeValues: true, settings });
    expect(typeof fake.sheet(SICHUAN).get('J29').value).toBe('number');
    await host.undoLast();
    expect(fake.sheet(SICHUAN).get('J29').value).toBeNull();
    expect(fake.sheet(SICHUAN).get('J29').numFmt).toBeNull();
  });
});

describe('strings Excel interprets', () => {
  test('"=…" becomes a formula, "95%" 0.95 with a percent format, "001" the number 1; text cells and quote prefix keep text', async () => {
    const fake = createFakeExcel([{ name: '表', values: [[]], formats: [[null, null, null, '@', null]] }]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('A1:F1').values = [['=1+1', '95%', '001', '001', "'001", '合计']];
      await ctx.sync();
    });
    const s = fake.sheet('表');
    expect(s.get('A1').formula).toBe('=1+1');
    expect(s.get('B1')).toEqual({ value: 0.95, numFmt: '0%', fill: null, note: null });
    expect(s.get('C1').value).toBe(1);
    expect(s.get('D1').value).toBe('001');
    expect(s.get('E1').value).toBe('001');
    expect(s.get('F1').value).toBe('合计');
  });

  test("the host's excelInput protects a user's text put back by undo", () => {
    expect(excelInput('001', 'General')).toBe("'001");
    expect(excelInput('95%', 'General')).toBe("'95%");
    expect(excelInput('=A1', 'General')).toBe("'=A1");
    expect(excelInput('-', 'General')).toBe("'-");
    expect(excelInput('2023-12', 'General')).toBe("'2023-12");
    expect(excelInput('001', '@')).toBe('001');
    expect(excelInput('合计', 'General')).toBe('合计');
    expect(excelInput(0.95, 'General')).toBe(0.95);
    expect(excelInput(null, 'General')).toBe('');
  });

  test('undo puts a numeric-looking text back as text', async () => {
    const sheets = await sichuan();
    // A user's text "7.70" in J16 (imported as text): the check writes 7.68 over it, undo brings "7.70" back.
    sheets[0].values[15][9] = '7.70';
    const fake = createFakeExcel(sheets);
    const host = createExcelHost(fake.run);
    await host.check({ writeValues: true, settings });
    expect(fake.sheet(SICHUAN).get('J16').value).not.toBe('7.70');
    await host.undoLast();
    expect(fake.sheet(SICHUAN).get('J16').value).toBe('7.70');
  });
});

describe('sheet names', () => {
  test('addresses quote names that need it; lookups ignore case', async () => {
    expect(sheetRef('Sheet1')).toBe('Sheet1');
    expect(sheetRef(SICHUAN)).toBe(SICHUAN);
    expect(sheetRef('My sheet')).toBe("'My sheet'");
    expect(sheetRef('2023年')).toBe("'2023年'");
    expect(sheetRef("O'Neil")).toBe("'O''Neil'");
    expect(sheetRef('AB12')).toBe("'AB12'");
    const fake = createFakeExcel([{ name: 'My sheet', values: [[1, 2]] }]);
    const got = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('MY SHEET').getUsedRangeOrNullObject(true);
      r.load('address');
      const none = ctx.workbook.worksheets.getItemOrNullObject('other');
      none.load('name');
      await ctx.sync();
      return { address: r.address, missing: none.isNullObject };
    });
    expect(got).toEqual({ address: "'My sheet'!A1:B1", missing: true });
  });

  test('the host on sheets named "2023年 项目" and "O\'Neil": same findings, marks on the right cells, undo', async () => {
    const [sheet] = await sichuan();
    const names = ['2023年 项目', "O'Neil"];
    const fake = createFakeExcel(names.map((name) => ({ ...structuredClone(sheet), name })));
    const host = createExcelHost(fake.run);
    const r = await host.check({ writeValues: true, settings });
    expect(r.tables.map((t) => t.sheet)).toEqual(names);
    for (const n of names) expect(fake.sheet(n).get('H15').fill).toBe('FFEB9C');
    await host.undoLast();
    for (const n of names) expect(fake.sheet(n).fills()).toEqual({});
  });
});

describe('Excel.run and sizes', () => {
  test("Excel.run's final sync sends what is still queued, and is counted", async () => {
    const fake = createFakeExcel([{ name: '表', values: [[1]] }]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('B2').values = [[5]];
    });
    expect(fake.sheet('表').get('B2').value).toBe(5);
    expect(fake.syncCount()).toBe(1);
    // Nothing queued at the end: no extra sync.
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('B2').values = [[6]];
      await ctx.sync();
    });
    expect(fake.syncCount()).toBe(2);
  });

  test('requests and responses are measured in bytes (UTF-8 JSON), Chinese text 3 bytes a character', async () => {
    const fake = createFakeExcel([{ name: '表', values: [['项目名称', 12.5]] }]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表').getRange('A1:B1');
      r.load('values');
      await ctx.sync();
      ctx.workbook.worksheets.getItem('表').getRange('C1').values = [['合计']];
      await ctx.sync();
    });
    const [read, write] = fake.batchSizes();
    // [["项目名称",12.5]] = 4×3 + 13 bytes of JSON, plus the property name.
    expect(read.response).toBe(Buffer.byteLength(JSON.stringify([['项目名称', 12.5]])) + 'values'.length + 4);
    expect(read.request).toBe(ACTION_BYTES);
    expect(write.request).toBe(ACTION_BYTES + Buffer.byteLength(JSON.stringify([['合计']])));
    expect(write.response).toBe(0);
  });

  test('a payload limit in bytes fails the sync that exceeds it', async () => {
    const fake = createFakeExcel([{ name: '表', values: [['项目名称'.repeat(60)]] }], { payloadLimitBytes: 1000 });
    const err = await fake
      .run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('表').getRange('A1:A2');
        r.load('values');
        await ctx.sync();
        ctx.workbook.worksheets.getItem('表').getRange('B1').values = [['x'.repeat(2000)]];
        await ctx.sync();
      })
      .catch((e: { code?: string }) => e.code);
    expect(err).toBe('RequestPayloadSizeLimitExceeded');
    const sizes = fake.batchSizes();
    expect(sizes[0].failed).toBe(false);
    expect(sizes[0].response).toBeGreaterThan(700);
    expect(sizes[1]).toMatchObject({ failed: true });
    expect(fake.sheet('表').get('B1').value).toBeNull();
  });
});
