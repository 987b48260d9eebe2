/** The office.js host against the recording fake (fake-excel.ts): sync counts, writes, undo, protection, re-check. */
import { promises as fs } from 'fs';
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Sheet } from '../../src/engine/grid';
import { NOTE_TAG, RESULTS_SHEET, buildWritePlan } from '../../src/engine/plan';
import { resolveSettings } from '../../src/engine/settings';
import { HostCheckResult, HostError, LEDGER_SHEET, createExcelHost, markMode } from '../../src/excel';
import { parseLedgerSheet } from '../../src/excel/ledger';
import { addFormulaCells, areaList, formulaCells, readWorkbook } from '../../src/excel/read';
import { gridFromWorkbook, loadWorkbook } from '../../src/file/read';
import { STRINGS } from '../../src/taskpane/i18n';
import { formulaNotice } from '../../src/taskpane/view-model';
import { FakeExcel, FakeSheetInit, createFakeExcel } from './fake-excel';

const settings = resolveSettings();
const SICHUAN = '项目支出绩效自评表';

async function fixture(name: string): Promise<Sheet[]> {
  const wb = await loadWorkbook(await fs.readFile(`${__dirname}/../fixtures/${name}.xlsx`));
  return gridFromWorkbook(wb).sheets;
}

function copies(sheet: Sheet, n: number): FakeSheetInit[] {
  return Array.from({ length: n }, (_, i) => ({ ...structuredClone(sheet), name: `${sheet.name}${i + 1}` }));
}

/** Every non-empty cell of a sheet: A1 → state. */
function snapshot(fake: FakeExcel, sheet: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [addr, c] of fake.sheet(sheet).sortedCells()) {
    if (c.value === null && c.numFmt === null && c.fill === null && c.note === null && !c.hyperlink) continue;
    out[addr] = { ...c };
  }
  return out;
}

/** Cells carrying the add-in's note. */
function taggedCells(fake: FakeExcel, sheet: string): string[] {
  return Object.entries(fake.sheet(sheet).notes())
    .filter(([, n]) => n.includes(NOTE_TAG))
    .map(([a]) => a);
}

describe('check: round trips', () => {
  test('1 sheet: exactly 2 context.sync() calls, same findings as the engine', async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets);
    const host = createExcelHost(fake.run);
    const progress: number[] = [];
    const r = await host.check({ writeValues: true, settings, onProgress: (d) => progress.push(d) });
    expect(r.syncCount).toBe(2);
    expect(fake.syncCount()).toBe(2);
    expect(progress).toEqual([1, 2, 3]);
    const expected = checkWorkbook({ sheets }, settings);
    expect(r.findings).toEqual(expected.findings);
    expect(r.tables).toEqual(expected.tables);
  });

  test('30 sheets: exactly 2 context.sync() calls', async () => {
    const [sheet] = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(copies(sheet, 30));
    const host = createExcelHost(fake.run);
    const r = await host.check({ writeValues: true, settings });
    expect(r.syncCount).toBe(2);
    expect(fake.syncCount()).toBe(2);
    expect(r.tables).toHaveLength(30);
    expect(r.findings).toHaveLength(30 * 4);
    // A second check in the same session (the marks' notes are probed): still 2.
    fake.resetSyncCount();
    const again = await host.check({ writeValues: true, settings });
    expect(again.syncCount).toBe(2);
    expect(again.findings).toEqual(r.findings);
  });

  test('1, 30 and 100 sheets: 2 syncs on the first check (walk of 128) and on later ones, also from a new host', async () => {
    const [sheet] = await fixture('summary-2022');
    for (const n of [1, 30, 100]) {
      const fake = createFakeExcel(copies(sheet, n));
      const host = createExcelHost(fake.run);
      const r = await host.check({ writeValues: false, settings });
      expect(r.tables).toHaveLength(n);
      expect(r.syncCount).toBe(2);
      const again = await host.check({ writeValues: false, settings });
      expect(again.syncCount).toBe(2);
      expect(again.findings).toEqual(r.findings);
      // The pane reopened: a new host loads the settings first (1 sync: settings, undo record and sheet
      // count), then checks (2: the walk is as long as the workbook, the record's notes are probed).
      fake.resetSyncCount();
      const reopened = createExcelHost(fake.run);
      await reopened.loadSettings();
      expect(fake.syncCount()).toBe(1);
      expect((await reopened.check({ writeValues: true, settings })).syncCount).toBe(2);
    }
  });

  test('200 sheets: the first check that knows no sheet count costs 3, every later one 2', async () => {
    const [sheet] = await fixture('summary-2022');
    const fake = createFakeExcel(copies(sheet, 200));
    const host = createExcelHost(fake.run);
    const first = await host.check({ writeValues: false, settings });
    expect(first.tables).toHaveLength(200);
    expect(first.syncCount).toBe(3); // 128 steps, then the other 72
    const later = await host.check({ writeValues: false, settings });
    expect(later.syncCount).toBe(2); // 202 sheets known: 210 steps in the first batch
    expect(later.findings).toEqual(first.findings);
    fake.resetSyncCount();
    // The pane reopened: loadSettings reads the count in its one sync, so even the first check costs 2.
    const reopened = createExcelHost(fake.run);
    await reopened.loadSettings();
    const r = await reopened.check({ writeValues: false, settings });
    expect(r.syncCount).toBe(2);
    expect(fake.syncCount()).toBe(3);
    expect(r.findings).toEqual(first.findings);
    // Undo and clear walk as far: 2 syncs each.
    expect((await reopened.check({ writeValues: true, settings })).syncCount).toBe(2);
    fake.resetSyncCount();
    await reopened.undoLast();
    expect(fake.syncCount()).toBe(2);
  });

  test('sheets added beyond the margin since the last check: one more sync, once', async () => {
    const [sheet] = await fixture('summary-2022');
    const fake = createFakeExcel(copies(sheet, 3));
    const host = createExcelHost(fake.run);
    expect((await host.check({ writeValues: false, settings })).syncCount).toBe(2);
    // 5 known (3 + results + undo sheet), walk 5 + 8: adding 8 sheets stays within it, 9 more does not.
    await fake.run(async (ctx) => {
      for (let i = 0; i < 8; i++) ctx.workbook.worksheets.add(`新表${i}`);
      await ctx.sync();
    });
    expect((await host.check({ writeValues: false, settings })).syncCount).toBe(2);
    await fake.run(async (ctx) => {
      for (let i = 8; i < 17; i++) ctx.workbook.worksheets.add(`新表${i}`);
      await ctx.sync();
    });
    expect((await host.check({ writeValues: false, settings })).syncCount).toBe(3);
    expect((await host.check({ writeValues: false, settings })).syncCount).toBe(2);
  });

  test('a user note the add-in does not know costs one sync to locate; kept in front of ours', async () => {
    const [sheet] = await fixture('sichuan-project-2023');
    const fake = createFakeExcel([{ ...sheet, notes: { H19: '待统计局数据' } }]);
    const r = await createExcelHost(fake.run).check({ writeValues: false, settings });
    expect(r.syncCount).toBe(3);
    expect(fake.sheet(SICHUAN).get('H19').note).toMatch(/^待统计局数据\n【自评校验】/);
  });
});

describe('writing', () => {
  test('touches exactly the planned cells, plus the results sheet and the hidden undo sheet', async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets);
    await createExcelHost(fake.run).check({ writeValues: true, settings });
    const plan = buildWritePlan({ sheets }, checkWorkbook({ sheets }, settings), { lang: 'zh', values: true });
    const touched = new Set(fake.writes.filter((w) => w.sheet === SICHUAN).map((w) => w.cell));
    expect([...touched].sort()).toEqual(plan.cells.map((p) => p.cell).sort());
    const other = new Set(fake.writes.map((w) => w.sheet));
    expect([...other].sort()).toEqual([LEDGER_SHEET, RESULTS_SHEET, SICHUAN].sort());
    // Fills and notes as the plan says.
    const s = fake.sheet(SICHUAN);
    for (const p of plan.cells) {
      if (p.fill) expect(s.get(p.cell).fill).toBe(p.fill);
      if (p.note) expect(s.get(p.cell).note).toBe(p.note);
      if (p.value !== undefined) expect(s.get(p.cell).value).toBe(p.value);
    }
    expect(s.get('H15').fill).toBe('FFEB9C');
    // The results sheet: header, one row per finding, links to the cells.
    const rs = fake.sheet(RESULTS_SHEET);
    expect([0, 1, 2, 3, 4].map((c) => rs.cellAt(0, c)?.value)).toEqual([
      '工作表',
      '单元格',
      '严重程度',
      '代码',
      '说明',
    ]);
    expect(rs.cellAt(1, 1)?.hyperlink).toBe(`'${SICHUAN}'!H15`);
    expect(rs.cellAt(4, 3)?.value).toBe('ACTUAL_MISSING');
    // The undo sheet is very hidden.
    expect(fake.sheet(LEDGER_SHEET).visibility).toBe('VeryHidden');
  });

  test('flags only (writeValues false) writes no values', async () => {
    const sheets = await fixture('summary-2022');
    const fake = createFakeExcel(sheets);
    await createExcelHost(fake.run).check({ writeValues: false, settings });
    expect(fake.writes.filter((w) => w.sheet === sheets[0].name && w.what === 'value')).toEqual([]);
    expect(fake.sheet(sheets[0].name).get('E9').fill).toBe('FFC7CE');
  });

  test('a protected sheet: Chinese message, nothing written', async () => {
    const [sheet] = await fixture('sichuan-project-2023');
    const fake = createFakeExcel([{ ...sheet, protected: true }]);
    const before = snapshot(fake, SICHUAN);
    const err = await createExcelHost(fake.run)
      .check({ writeValues: true, settings })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).messageZh).toContain('受保护');
    expect((err as HostError).messageZh).toContain(SICHUAN);
    expect((err as HostError).messageZh).toContain('没有写入任何内容');
    expect(fake.writes).toEqual([]);
    expect(fake.sheetNames()).toEqual([SICHUAN]);
    expect(snapshot(fake, SICHUAN)).toEqual(before);
    expect(fake.syncCount()).toBe(1);
  });

  test('a protected workbook structure: Chinese message, nothing written', async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets);
    fake.setWorkbookProtected(true);
    const err = (await createExcelHost(fake.run)
      .check({ writeValues: true, settings })
      .catch((e: unknown) => e)) as HostError;
    expect(err.messageZh).toContain('工作簿结构受保护');
    expect(fake.writes).toEqual([]);
  });

  test('cell edit mode: Chinese message', async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets);
    fake.setEditMode(true);
    const err = (await createExcelHost(fake.run)
      .check({ writeValues: true, settings })
      .catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.messageZh).toContain('编辑状态');
    expect(fake.writes).toEqual([]);
  });

  test('a used range over the payload limit is read in row chunks, with the same result', async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets, { payloadLimitCells: 200 });
    const host = createExcelHost(fake.run, { chunkCells: 100, syncBudgetCells: 200 });
    // Chunks of 9 rows x 11 columns (99 cells), two per sync.
    const r = await host.check({ writeValues: true, settings });
    expect(r.findings).toEqual(checkWorkbook({ sheets }, settings).findings);
    // 1 failed attempt + 1 for the addresses + 4 chunks in 2 syncs + 1 write.
    expect(r.syncCount).toBe(5);
    // The session remembers: the next check goes straight to chunks (no failed attempt).
    const again = await host.check({ writeValues: true, settings });
    expect(again.syncCount).toBe(4);
    expect(again.findings).toEqual(r.findings);
  });
});

describe('undo and clear', () => {
  test('undo restores value, number format, fill and note of every touched cell — after reopening the pane', async () => {
    const [sheet] = await fixture('sichuan-project-2023');
    // The user's own fill and note on cells the check will flag and write.
    const fake = createFakeExcel([
      { ...sheet, fills: { H15: 'DDEBF7', G9: '92D050' }, notes: { H19: '我的批注', G9: '手工核对' } },
    ]);
    fake.setNote(SICHUAN, 'G9', '手工核对');
    const before = snapshot(fake, SICHUAN);
    const r = await createExcelHost(fake.run).check({ writeValues: true, settings });
    expect(r.written).toBeGreaterThan(0);
    expect(snapshot(fake, SICHUAN)).not.toEqual(before);
    expect(fake.sheet(SICHUAN).get('H19').note).toMatch(/^我的批注\n【自评校验】/);
    // A new host: the record comes from the workbook.
    fake.resetSyncCount();
    const u = await createExcelHost(fake.run).undoLast();
    expect(u.restored).toBe(r.written);
    expect(fake.syncCount()).toBe(2);
    expect(snapshot(fake, SICHUAN)).toEqual(before);
    expect(fake.sheetNames()).not.toContain(RESULTS_SHEET);
    // Nothing left to undo.
    expect((await createExcelHost(fake.run).undoLast()).restored).toBe(0);
  });

  test('undo after two checks goes back to before the first', async () => {
    const sheets = await fixture('summary-2022');
    const fake = createFakeExcel(sheets);
    const name = sheets[0].name;
    const before = snapshot(fake, name);
    const host = createExcelHost(fake.run);
    await host.check({ writeValues: false, settings });
    await host.check({ writeValues: true, settings });
    await host.undoLast();
    expect(snapshot(fake, name)).toEqual(before);
  });

  test("clearMarks removes only the add-in's fills and notes; the user's note and fill stay", async () => {
    const [sheet] = await fixture('sichuan-project-2023');
    const fake = createFakeExcel([
      { ...sheet, fills: { H15: 'DDEBF7', B2: 'FFFF00' }, notes: { H19: '我的批注', A1: '表头说明' } },
    ]);
    const host = createExcelHost(fake.run);
    await host.check({ writeValues: true, settings });
    const written = fake.sheet(SICHUAN).get('G9').value;
    const c = await createExcelHost(fake.run).clearMarks();
    expect(c.cleared).toBe(4);
    const s = fake.sheet(SICHUAN);
    expect(s.get('H15').fill).toBe('DDEBF7');
    expect(s.get('B2').fill).toBe('FFFF00');
    expect(s.get('H19').note).toBe('我的批注');
    expect(s.get('H19').fill).toBeNull();
    expect(s.get('A1').note).toBe('表头说明');
    expect(s.get('H20').note).toBeNull();
    expect(taggedCells(fake, SICHUAN)).toEqual([]);
    // Computed values stay (clear removes marks, not values).
    expect(s.get('G9').value).toBe(written);
    expect(fake.sheetNames()).not.toContain(RESULTS_SHEET);
  });

  test('clearMarks finds tagged notes the record does not know (e.g. a copied sheet)', async () => {
    const fake = createFakeExcel([
      { name: '副本', values: [['x']], notes: { A1: `我的\n${NOTE_TAG}旧标记`, B2: '别动' } },
    ]);
    const c = await createExcelHost(fake.run).clearMarks();
    expect(c.cleared).toBe(1);
    expect(fake.sheet('副本').notes()).toEqual({ A1: '我的', B2: '别动' });
  });
});

describe('settings', () => {
  test('saved in the workbook, loaded by a new host', async () => {
    const sheets = await fixture('summary-2022');
    const fake = createFakeExcel(sheets);
    expect(await createExcelHost(fake.run).loadSettings()).toEqual({});
    await createExcelHost(fake.run).saveSettings({ scoreDecimals: 1, overachieveThreshold: '30' });
    expect(await createExcelHost(fake.run).loadSettings()).toEqual({ scoreDecimals: 1, overachieveThreshold: '30' });
    // A check and an undo keep them.
    const host = createExcelHost(fake.run);
    await host.check({ writeValues: true, settings });
    await host.undoLast();
    expect(await host.loadSettings()).toEqual({ scoreDecimals: 1, overachieveThreshold: '30' });
  });
});

describe('selectCell', () => {
  test('selects the cell on its sheet', async () => {
    const fake = createFakeExcel(await fixture('summary-2022'));
    await createExcelHost(fake.run).selectCell('自评结果汇总', 'E9');
    expect(fake.selected).toEqual({ sheet: '自评结果汇总', address: 'E9' });
    const err = (await createExcelHost(fake.run)
      .selectCell('没有这张表', 'A1')
      .catch((e: unknown) => e)) as HostError;
    expect(err.messageZh).toContain('找不到');
  });
});

describe('re-check on edits', () => {
  // Assertions run after awaiting the watch (stop.ready / stop.idle()), never inside its callback, and
  // background errors are collected and asserted empty: nothing is swallowed, nothing sleeps.
  test('fixing a flagged cell removes its flag; flagged cells always equal findings', async () => {
    const [sheet] = await fixture('sichuan-project-2023');
    const fake = createFakeExcel([sheet]);
    const errors: HostError[] = [];
    const host = createExcelHost(fake.run, { debounceMs: 10, onWatchError: (e) => errors.push(e) });
    const first = await host.check({ writeValues: true, settings });
    expect(taggedCells(fake, SICHUAN)).toEqual(['H15', 'H19', 'H20', 'H21']);
    const results: HostCheckResult[] = [];
    const flaggedNow: string[][] = [];
    const stop = host.watch(
      (r) => {
        results.push(r);
        flaggedNow.push(taggedCells(fake, SICHUAN).sort());
      },
      () => settings,
    );
    await stop.ready;
    fake.resetSyncCount();
    await fake.edit(SICHUAN, 'H19', 30);
    await stop.idle();
    expect(results.map((r) => [r.findings.length, r.syncCount])).toEqual([[first.findings.length - 1, 2]]);
    expect(flaggedNow[0]).toEqual([...new Set(results[0].findings.map((f) => f.cell))].sort());
    const s = fake.sheet(SICHUAN);
    expect(s.get('H19').fill).toBeNull();
    expect(s.get('H19').note).toBeNull();
    expect(s.get('H20').fill).toBe('FFEB9C');
    // An edit outside every table does not re-check.
    await fake.edit(SICHUAN, 'Z100', 1);
    await stop.idle();
    expect(results).toHaveLength(1);
    // Several quick edits: one re-check.
    await fake.edit(SICHUAN, 'H20', 3);
    await fake.edit(SICHUAN, 'H21', 3000);
    await stop.idle();
    expect(results).toHaveLength(2);
    expect(results[1].findings).toHaveLength(first.findings.length - 3);
    expect(flaggedNow[1]).toEqual([...new Set(results[1].findings.map((f) => f.cell))].sort());
    expect(taggedCells(fake, SICHUAN)).toEqual(['H15']);
    stop();
    await fake.edit(SICHUAN, 'H15', 16);
    await stop.idle();
    expect(results).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  test('a computed value the user types over stays theirs: not rewritten, and undo leaves it', async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets);
    const before = snapshot(fake, SICHUAN);
    const errors: HostError[] = [];
    const host = createExcelHost(fake.run, { debounceMs: 10, onWatchError: (e) => errors.push(e) });
    await host.check({ writeValues: true, settings });
    const plan = buildWritePlan({ sheets }, checkWorkbook({ sheets }, settings), { lang: 'zh', values: true });
    const written = plan.cells.find((p) => p.value !== undefined && p.value !== p.before.value)!;
    expect(written).toBeDefined();
    let rechecks = 0;
    const stop = host.watch(
      () => rechecks++,
      () => settings,
    );
    await stop.ready;
    await fake.edit(SICHUAN, written.cell, 12345);
    await stop.idle();
    stop();
    expect(rechecks).toBe(1);
    expect(errors).toEqual([]);
    expect(fake.sheet(SICHUAN).get(written.cell).value).toBe(12345);
    await createExcelHost(fake.run).undoLast();
    const after = snapshot(fake, SICHUAN);
    expect((after[written.cell] as { value: unknown }).value).toBe(12345);
    delete after[written.cell];
    const exp = { ...before };
    delete exp[written.cell];
    expect(after).toEqual(exp);
  });

  test("the add-in's own writes do not trigger a re-check (events off; ExcelApi 1.14 triggerSource)", async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets);
    const host = createExcelHost(fake.run, { debounceMs: 10 });
    await host.check({ writeValues: false, settings });
    let calls = 0;
    const stop = host.watch(
      () => calls++,
      () => settings,
    );
    await stop.ready;
    await host.check({ writeValues: true, settings });
    await fake.idle();
    await stop.idle();
    expect(fake.writes.some((w) => w.sheet === SICHUAN && w.what === 'value')).toBe(true);
    expect(calls).toBe(0);
    stop();
  });

  test('without runtime.enableEvents and before ExcelApi 1.14 (no triggerSource): the own-write filter', async () => {
    const sheets = await fixture('sichuan-project-2023');
    // Excel raises events for the add-in's writes, without saying whose they are.
    const fake = createFakeExcel(sheets, { triggerSource: false, enableEvents: false });
    const host = createExcelHost(fake.run, { debounceMs: 10 });
    await host.check({ writeValues: false, settings });
    const seen: string[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(e.address);
      });
      await ctx.sync();
    });
    let calls = 0;
    const stop = host.watch(
      () => calls++,
      () => settings,
    );
    await stop.ready;
    await host.check({ writeValues: true, settings });
    await fake.idle();
    await stop.idle();
    // The events came (J16, J29 written) and were recognised as the add-in's own.
    expect(seen).toEqual(expect.arrayContaining(['J16', 'J29']));
    expect(calls).toBe(0);
    // A user's edit right after still re-checks.
    await fake.edit(SICHUAN, 'H19', 30);
    await stop.idle();
    expect(calls).toBe(1);
    stop();
  });
});

describe('formulas', () => {
  /** The Sichuan table with a formula rate G9 (result 1: agrees) and a formula total J29 (result 98.7: wrong). */
  async function withFormulas(name?: string): Promise<FakeSheetInit> {
    const [sheet] = await fixture('sichuan-project-2023');
    const s = structuredClone(sheet);
    s.values[28][9] = 98.7;
    return { ...s, name: name ?? s.name, formulas: { G9: '=F9/E9', J29: '=I9+SUM(J16:J28)' } };
  }

  test('the read lists the formula cells of every sheet (no extra sync)', async () => {
    const fake = createFakeExcel([
      await withFormulas(),
      { name: '其他', values: [[1, 2, 3]], formulas: { C1: '=A1+B1' } },
    ]);
    fake.setFormula('其他', 'B1', '=1+1', 2);
    const read = await fake.run((ctx) => readWorkbook(ctx, () => ctx.sync()));
    expect(read.syncs).toBe(1);
    expect(read.grid.sheets.map((s) => s.formulas)).toEqual([
      { G9: '=F9/E9', J29: '=I9+SUM(J16:J28)' },
      { B1: '=1+1', C1: '=A1+B1' },
    ]);
  });

  test('a formula whose result agrees keeps its formula; a wrong formula total is replaced and listed', async () => {
    const fake = createFakeExcel([await withFormulas()]);
    const r = await createExcelHost(fake.run).check({ writeValues: true, settings });
    expect(r.syncCount).toBe(2);
    expect(fake.syncCount()).toBe(2);
    const s = fake.sheet(SICHUAN);
    // G9: no value written, the formula stays.
    expect(fake.writes.filter((w) => w.sheet === SICHUAN && w.cell === 'G9' && w.what === 'value')).toEqual([]);
    expect(s.get('G9')).toMatchObject({ value: 1, formula: '=F9/E9' });
    // J29: the computed total replaces the formula, and the pane is told.
    expect(s.get('J29').value).toBe(97.68);
    expect(s.get('J29').formula).toBeUndefined();
    expect(r.formulasReplaced).toEqual([{ sheet: SICHUAN, cell: 'J29' }]);
    // Checking again: J29 is a constant now, nothing more is replaced.
    const again = await createExcelHost(fake.run).check({ writeValues: true, settings });
    expect(again.formulasReplaced).toEqual([]);
    expect(s.get('G9').formula).toBe('=F9/E9');
  });

  test('flags only: no formula is replaced', async () => {
    const fake = createFakeExcel([await withFormulas()]);
    const r = await createExcelHost(fake.run).check({ writeValues: false, settings });
    expect(r.formulasReplaced).toEqual([]);
    expect(fake.sheet(SICHUAN).formulas()).toEqual({ G9: '=F9/E9', J29: '=I9+SUM(J16:J28)' });
  });

  test('30 sheets with formulas: still 2 syncs, each sheet’s wrong total listed', async () => {
    const one = await withFormulas();
    const fake = createFakeExcel(
      Array.from({ length: 30 }, (_, i) => ({ ...structuredClone(one), name: `表${i + 1}` })),
    );
    const r = await createExcelHost(fake.run).check({ writeValues: true, settings });
    expect(r.syncCount).toBe(2);
    expect(r.formulasReplaced).toEqual(Array.from({ length: 30 }, (_, i) => ({ sheet: `表${i + 1}`, cell: 'J29' })));
    expect(fake.sheet('表30').get('G9').formula).toBe('=F9/E9');
  });

  test('chunked reads list the formulas within their syncs', async () => {
    const fake = createFakeExcel([await withFormulas()], { payloadLimitCells: 200 });
    const host = createExcelHost(fake.run, { chunkCells: 100, syncBudgetCells: 200 });
    const r = await host.check({ writeValues: true, settings });
    expect(r.syncCount).toBe(5); // as without formulas
    expect(r.formulasReplaced).toEqual([{ sheet: SICHUAN, cell: 'J29' }]);
    expect(fake.sheet(SICHUAN).get('G9').formula).toBe('=F9/E9');
    // The chunks carry the formula texts too; undo puts J29's formula back.
    await host.undoLast();
    expect(fake.sheet(SICHUAN).formulas()).toEqual({ G9: '=F9/E9', J29: '=I9+SUM(J16:J28)' });
  });

  test('chunked reads: the texts of each chunk, no more than the per-sheet cap', async () => {
    const fake = createFakeExcel([await withFormulas()]);
    const read = (formulaCells?: number) =>
      fake.run((ctx) =>
        readWorkbook(ctx, () => ctx.sync(), { chunked: true, chunkCells: 50, syncBudgetCells: 100, formulaCells }),
      );
    expect((await read()).grid.sheets[0].formulas).toEqual({ G9: '=F9/E9', J29: '=I9+SUM(J16:J28)' });
    expect((await read(1)).grid.sheets[0].formulas).toEqual({ G9: '=F9/E9' });
  });
});

describe('undo puts back a replaced formula', () => {
  /** J29 a wrong formula total (=SUM(I9,J15:J28)+1 showing 98.7), G9 a formula rate that agrees (=F9/E9, 1). */
  async function wrongTotal(own?: { fill?: string; note?: string }): Promise<FakeSheetInit> {
    const [sheet] = await fixture('sichuan-project-2023');
    const s = structuredClone(sheet);
    s.values[28][9] = 98.7;
    return {
      ...s,
      formulas: { G9: '=F9/E9', J29: '=SUM(I9,J15:J28)+1' },
      fills: own?.fill ? { J29: own.fill } : {},
      notes: own?.note ? { J29: own.note } : {},
    };
  }

  test('check writes 97.68 over J29; undo restores the formula (not 98.7 as a number), its fill and note', async () => {
    // The user's own fill and note on J29 (the note, unknown to the add-in, costs one sync to locate).
    const fake = createFakeExcel([await wrongTotal({ fill: 'DDEBF7', note: '合计手工复核' })]);
    const s = fake.sheet(SICHUAN);
    const before = snapshot(fake, SICHUAN);
    expect(s.get('J29')).toMatchObject({ value: 98.7, formula: '=SUM(I9,J15:J28)+1' });
    const r = await createExcelHost(fake.run).check({ writeValues: true, settings });
    expect(r.syncCount).toBe(3);
    expect(r.formulasReplaced).toEqual([{ sheet: SICHUAN, cell: 'J29' }]);
    expect(s.get('J29').value).toBe(97.68);
    expect(s.get('J29').formula).toBeUndefined();
    // The record keeps the formula text.
    const { ledger } = parseLedgerSheet(
      fake
        .sheet(LEDGER_SHEET)
        .sortedCells()
        .filter(([addr]) => addr.startsWith('B'))
        .map(([, c]) => [null, c.value]),
    );
    expect(ledger.cells.find((c) => c.cell === 'J29')?.before).toMatchObject({
      value: 98.7,
      formula: '=SUM(I9,J15:J28)+1',
    });
    // A new host (pane reopened): undo writes the formula back through range.formulas.
    fake.resetSyncCount();
    const writesBefore = fake.writes.length;
    const u = await createExcelHost(fake.run).undoLast();
    expect(u.restored).toBe(r.written);
    expect(fake.syncCount()).toBe(2);
    const undoWrites = fake.writes.slice(writesBefore).filter((w) => w.sheet === SICHUAN && w.cell === 'J29');
    expect(undoWrites.map((w) => w.what)).toContain('formula');
    expect(undoWrites.map((w) => w.what)).not.toContain('value');
    expect(s.get('J29')).toMatchObject({
      formula: '=SUM(I9,J15:J28)+1',
      value: 98.7, // the fake's stand-in for Excel recalculating the restored formula
      fill: 'DDEBF7',
      note: '合计手工复核',
    });
    expect(s.formulas()).toEqual({ G9: '=F9/E9', J29: '=SUM(I9,J15:J28)+1' });
    expect(snapshot(fake, SICHUAN)).toEqual(before);
  });

  test('a formula that agrees (G9 =F9/E9, 1) is untouched by check and by undo', async () => {
    const fake = createFakeExcel([await wrongTotal()]);
    const host = createExcelHost(fake.run);
    await host.check({ writeValues: true, settings });
    await host.undoLast();
    expect(fake.writes.filter((w) => w.sheet === SICHUAN && w.cell === 'G9')).toEqual([]);
    expect(fake.sheet(SICHUAN).get('G9')).toMatchObject({ value: 1, formula: '=F9/E9' });
  });

  test('sync counts with formulas: check 2 for 1 and for 30 sheets, undo 2', async () => {
    const one = await wrongTotal();
    for (const n of [1, 30]) {
      const fake = createFakeExcel(
        Array.from({ length: n }, (_, i) => ({ ...structuredClone(one), name: `表${i + 1}` })),
      );
      const r = await createExcelHost(fake.run).check({ writeValues: true, settings });
      expect(r.syncCount).toBe(2);
      expect(fake.syncCount()).toBe(2);
      expect(r.formulasReplaced).toHaveLength(n);
      fake.resetSyncCount();
      await createExcelHost(fake.run).undoLast();
      expect(fake.syncCount()).toBe(2);
      for (let i = 1; i <= n; i++) {
        expect(fake.sheet(`表${i}`).formulas()).toEqual({ G9: '=F9/E9', J29: '=SUM(I9,J15:J28)+1' });
      }
    }
  });

  test('flagged first, values written later: undo still restores the formula', async () => {
    const fake = createFakeExcel([await wrongTotal()]);
    const before = snapshot(fake, SICHUAN);
    const host = createExcelHost(fake.run);
    await host.check({ writeValues: false, settings });
    expect(fake.sheet(SICHUAN).get('J29').formula).toBe('=SUM(I9,J15:J28)+1');
    await host.check({ writeValues: true, settings });
    expect(fake.sheet(SICHUAN).get('J29')).toMatchObject({ value: 97.68 });
    // A third check keeps the record's formula (J29 holds our value now).
    await host.check({ writeValues: true, settings });
    await host.undoLast();
    expect(snapshot(fake, SICHUAN)).toEqual(before);
  });

  test('clearMarks keeps the computed value; a later undo still restores the formula', async () => {
    const fake = createFakeExcel([await wrongTotal({ fill: 'DDEBF7', note: '合计手工复核' })]);
    await createExcelHost(fake.run).check({ writeValues: true, settings });
    await createExcelHost(fake.run).clearMarks();
    const s = fake.sheet(SICHUAN);
    expect(s.get('J29')).toMatchObject({ value: 97.68, fill: 'DDEBF7', note: '合计手工复核' });
    expect(s.get('J29').formula).toBeUndefined();
    await createExcelHost(fake.run).undoLast();
    expect(s.get('J29')).toMatchObject({ value: 98.7, formula: '=SUM(I9,J15:J28)+1' });
  });
});

describe('formula addresses', () => {
  const within = { top: 0, left: 0, bottom: 99, right: 25 };

  test('areas: sheet names stripped, quoted names with commas kept whole', () => {
    expect(areaList("Sheet1!$G$9, Sheet1!$J$16:$J$29,'a, b'!C3")).toEqual(['G9', 'J16:J29', 'C3']);
  });

  test('expanded cell by cell within the used range, capped', () => {
    expect(formulaCells('S!G9, S!J16:J18', within, 100)).toEqual({ G9: '', J16: '', J17: '', J18: '' });
    expect(formulaCells('S!A1:B3', { top: 1, left: 1, bottom: 5, right: 5 }, 100)).toEqual({ B2: '', B3: '' });
    expect(Object.keys(formulaCells('S!A:A', within, 1000))).toHaveLength(100);
    expect(Object.keys(formulaCells('S!A1:Z100', within, 250))).toHaveLength(250);
    expect(formulaCells('', within, 10)).toEqual({});
  });

  test('with texts: each area its own formulas, clipped and capped; non-formula texts read as unknown', () => {
    const areas = [
      { address: "'a, b'!$J$28:$J$29", formulas: [['=SUM(J16:J27)'], ['=SUM(I9,J15:J28)+1']] },
      { address: 'S!G9', formulas: [[5]] },
    ];
    expect(addFormulaCells({}, areas, within, 10)).toEqual({ J28: '=SUM(J16:J27)', J29: '=SUM(I9,J15:J28)+1', G9: '' });
    expect(addFormulaCells({}, areas, { top: 28, left: 0, bottom: 99, right: 25 }, 10)).toEqual({
      J29: '=SUM(I9,J15:J28)+1',
    });
    expect(addFormulaCells({ A1: '=1' }, areas, within, 2)).toEqual({ A1: '=1', J28: '=SUM(J16:J27)' });
  });
});

describe("the pane's notice of replaced formulas", () => {
  test('lists the cells in both languages; none → no notice', () => {
    const cells = [{ sheet: SICHUAN, cell: 'J29' }];
    expect(formulaNotice(cells, STRINGS.zh)).toBe(`以下单元格原有公式，因结果不符已替换为计算值：${SICHUAN}!J29`);
    expect(formulaNotice(cells, STRINGS.en)).toMatch(/formulas.*: 项目支出绩效自评表!J29$/);
    const many = Array.from({ length: 25 }, (_, i) => ({ sheet: 'S', cell: `A${i + 1}` }));
    expect(formulaNotice(many, STRINGS.zh)).toMatch(/S!A20 等另 5 个$/);
    expect(formulaNotice([], STRINGS.zh)).toBeNull();
    expect(formulaNotice(undefined, STRINGS.en)).toBeNull();
  });
});

describe('without notes (ExcelApi 1.18): comments (1.10), or fills and the results sheet only', () => {
  /** The plan's flagged cells and our messages (notes unreadable: no user note text in front). */
  function flagged(sheets: Sheet[]): Record<string, string> {
    const bare = sheets.map((s) => ({ ...s, notes: {} }));
    const plan = buildWritePlan({ sheets: bare }, checkWorkbook({ sheets: bare }, settings), {
      lang: 'zh',
      values: true,
    });
    const out: Record<string, string> = {};
    for (const p of plan.cells) if (p.note) out[p.cell] = p.note;
    return out;
  }
  const ours = (fake: FakeExcel, sheet: string): string[] =>
    Object.entries(fake.sheet(sheet).comments())
      .filter(([, c]) => c.startsWith(NOTE_TAG))
      .map(([a]) => a);

  test('the mode follows isSetSupported: notes, else comments, else none (Office undefined: notes)', () => {
    expect(markMode()).toBe('notes');
    const only = (max: number) => (_: string, v: string) => Number(v.split('.')[1]) <= max;
    expect(markMode({ isSetSupported: only(18) })).toBe('notes');
    expect(markMode({ isSetSupported: only(17) })).toBe('comments');
    expect(markMode({ isSetSupported: only(9) })).toBe('none');
    expect(markMode({ isSetSupported: createFakeExcel([], { notes: false }).isSetSupported })).toBe('comments');
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: only(12) } } };
    try {
      expect(markMode()).toBe('comments');
    } finally {
      delete g.Office;
    }
  });

  test('comments: tagged comments on exactly the flagged cells, 2 syncs; a user comment survives clearMarks; undo removes ours', async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets, { notes: false });
    const original = snapshot(fake, SICHUAN);
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    const r = await host.check({ writeValues: true, settings });
    expect(r.syncCount).toBe(2);
    expect(fake.syncCount()).toBe(2);
    // The user comments a cell of their own afterwards.
    fake.setComment(SICHUAN, 'B2', '请财务科复核');
    const want = flagged(sheets);
    expect(Object.keys(want).length).toBeGreaterThan(0);
    const comments = fake.sheet(SICHUAN).comments();
    expect(comments).toEqual({ B2: '请财务科复核', ...want });
    for (const a of ours(fake, SICHUAN)) expect(comments[a].startsWith(NOTE_TAG)).toBe(true);
    expect(fake.writes.filter((w) => w.what === 'note')).toEqual([]);
    expect(fake.sheet(SICHUAN).get('H15').fill).toBe('FFEB9C');
    // Checking again changes nothing: no comment deleted or added, still 2 syncs.
    fake.resetSyncCount();
    const n = fake.writes.length;
    expect((await host.check({ writeValues: true, settings })).syncCount).toBe(2);
    expect(fake.writes.slice(n).filter((w) => w.what === 'comment')).toEqual([]);
    // clearMarks (a new host: the pane reopened): ours go, the user's stays.
    fake.resetSyncCount();
    const c = await createExcelHost(fake.run, { isSetSupported: fake.isSetSupported }).clearMarks();
    expect(fake.syncCount()).toBe(2);
    expect(c.cleared).toBe(Object.keys(want).length);
    expect(fake.sheet(SICHUAN).comments()).toEqual({ B2: '请财务科复核' });
    expect(fake.sheet(SICHUAN).fills()).toEqual({});
    // Check again, then undo: ours go, the user's stays, the values come back.
    // (Adding comments on a sheet holding a user's comment: one sync to locate it — 3.)
    expect((await host.check({ writeValues: true, settings })).syncCount).toBe(3);
    expect(ours(fake, SICHUAN).sort()).toEqual(Object.keys(want).sort());
    fake.resetSyncCount();
    await createExcelHost(fake.run, { isSetSupported: fake.isSetSupported }).undoLast();
    expect(fake.syncCount()).toBe(2);
    expect(fake.sheet(SICHUAN).comments()).toEqual({ B2: '请财务科复核' });
    // The values the check wrote (kept by clearMarks) go back too: the record keeps them until undo.
    expect(snapshot(fake, SICHUAN)).toEqual(original);
  });

  test("comments: a flagged cell holding the user's comment keeps it (one sync to locate), ours elsewhere", async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets, { notes: false });
    fake.setComment(SICHUAN, 'H15', '数据待补');
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    const r = await host.check({ writeValues: false, settings });
    expect(r.syncCount).toBe(3);
    const want = flagged(sheets);
    expect(want.H15).toBeDefined();
    const { H15: _skipped, ...rest } = want;
    void _skipped;
    expect(fake.sheet(SICHUAN).comments()).toEqual({ ...rest, H15: '数据待补' });
    // The record says H15 was left to the user: the next check needs no location.
    expect((await host.check({ writeValues: false, settings })).syncCount).toBe(2);
    await host.undoLast();
    expect(fake.sheet(SICHUAN).comments()).toEqual({ H15: '数据待补' });
  });

  test('comments: a re-check after an edit removes the comment of a fixed cell only', async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets, { notes: false });
    const errors: HostError[] = [];
    const host = createExcelHost(fake.run, {
      debounceMs: 10,
      isSetSupported: fake.isSetSupported,
      onWatchError: (e) => errors.push(e),
    });
    await host.check({ writeValues: false, settings });
    expect(ours(fake, SICHUAN)).toContain('H19');
    const results: number[] = [];
    const stop = host.watch(
      (r) => results.push(r.syncCount),
      () => settings,
    );
    await stop.ready;
    await fake.edit(SICHUAN, 'H19', 30);
    await stop.idle();
    stop();
    expect(results).toEqual([2]);
    expect(errors).toEqual([]);
    expect(ours(fake, SICHUAN)).not.toContain('H19');
    expect(ours(fake, SICHUAN)).toContain('H15');
  });

  test('comments on 30 sheets: 2 syncs for check and undo', async () => {
    const [sheet] = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(copies(sheet, 30), { notes: false });
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    expect((await host.check({ writeValues: true, settings })).syncCount).toBe(2);
    expect(Object.keys(fake.sheet(`${SICHUAN}30`).comments()).length).toBeGreaterThan(0);
    fake.resetSyncCount();
    await host.undoLast();
    expect(fake.syncCount()).toBe(2);
    for (let i = 1; i <= 30; i++) expect(fake.sheet(`${SICHUAN}${i}`).comments()).toEqual({});
  });

  test('neither notes nor comments: fills and the results sheet only, 2 syncs; undo 2', async () => {
    const sheets = await fixture('sichuan-project-2023');
    const fake = createFakeExcel(sheets, { notes: false, comments: false });
    const before = snapshot(fake, SICHUAN);
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    const r = await host.check({ writeValues: false, settings });
    expect(r.syncCount).toBe(2);
    expect(new Set(fake.writes.filter((w) => w.sheet === SICHUAN).map((w) => w.what))).toEqual(new Set(['fill']));
    expect(fake.sheet(SICHUAN).comments()).toEqual({});
    expect(fake.sheet(SICHUAN).notes()).toEqual({});
    // Each finding still links to its cell on the results sheet.
    const rs = fake.sheet(RESULTS_SHEET);
    expect(r.findings.length).toBeGreaterThan(0);
    r.findings.forEach((f, i) => expect(rs.cellAt(i + 1, 1)?.hyperlink).toBe(`'${f.sheet}'!${f.cell}`));
    fake.resetSyncCount();
    await host.undoLast();
    expect(fake.syncCount()).toBe(2);
    expect(snapshot(fake, SICHUAN)).toEqual(before);
    expect(fake.sheetNames()).not.toContain(RESULTS_SHEET);
  });
});
