/**
 * The task pane inside "Excel", end to end in Debian's chromium: the recording Excel fake
 * (test/excel/fake-excel.ts, built for the browser by test/e2e/office-fake.ts) stands in for office.js
 * and the workbook, loaded with the Sichuan example plus a fill and a note of the user's own. In the
 * Chinese pane: check, recalculate and write, undo, check again, clear, select a cell from a finding,
 * save the settings — each asserted on the fake's cells (values, fills, notes). Screenshots of the
 * cards, the findings and the settings go to test-output/office-*.png. Every request outside
 * 127.0.0.1 is aborted, except office.js itself, which the page asks for at Microsoft's CDN (opened
 * with Office's `_host_Info` query parameter, src/excel/load-office.js loads it) and the test answers
 * with the fake; the test asserts nothing else was asked for. Skips, saying why, without
 * /usr/bin/chromium.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { PROFILES } from '../../src/engine';
import { gridFromWorkbook, loadWorkbook } from '../../src/file/read';
import { readReport } from '../../src/report/text';
import type { FakeCell, FakeSheetInit } from '../excel/fake-excel';
import { FAKE_BUNDLE, ROOT, buildWithFake, serve } from './office-support';
import { browserDescribe, launchChromium, originOf } from '../helpers/e2e';

const FIXTURE = path.join(ROOT, 'test/fixtures/sichuan-project-2023.xlsx');
const OUT_DIR = path.join(ROOT, 'test-output');
const SHEET = '项目支出绩效自评表';
const TAG = '【自评校验】';
const WARNING_FILL = 'FFEB9C';

// Skips without chromium, saying why; fails instead with SELFEVAL_REQUIRE_E2E=1 (set by .ci/run).
const maybe = browserDescribe('office-mode e2e');

maybe('task pane in Excel (fake office.js) in Chromium, zh-CN', () => {
  let server: http.Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const requests: string[] = [];
  /** office.js URLs answered with the fake, and URLs aborted (outside 127.0.0.1). */
  const stubbed: string[] = [];
  const blocked: string[] = [];
  const problems: string[] = [];

  /** One cell of the fake workbook, as it is now. */
  const cell = (addr: string, sheet = SHEET): Promise<FakeCell> =>
    page.evaluate(
      ([s, a]) =>
        (window as unknown as { __selfevalFake: { sheet(n: string): { get(x: string): FakeCell } } }).__selfevalFake
          .sheet(s)
          .get(a),
      [sheet, addr] as const,
    );
  const sheetNames = (): Promise<string[]> =>
    page.evaluate(() =>
      (window as unknown as { __selfevalFake: { sheetNames(): string[] } }).__selfevalFake.sheetNames(),
    );
  const button = (name: string) => page.locator('[role="toolbar"] button', { hasText: name });
  const status = () => page.locator('[data-testid="status"]');
  /** Click a toolbar button and wait for the status line the action ends with. */
  const act = async (name: string, expected: RegExp): Promise<string> => {
    await button(name).click();
    try {
      await page.waitForFunction(
        (re) => new RegExp(re).test(document.querySelector('[data-testid="status"]')?.textContent ?? ''),
        expected.source,
        { timeout: 20000 },
      );
    } catch (e) {
      const shown = await page.locator('[data-testid="status"]').allInnerTexts();
      throw new Error(
        `${name}: no status matching ${expected} (shown: ${JSON.stringify(shown)}; ${problems.join('; ')})`,
        {
          cause: e,
        },
      );
    }
    return status().innerText();
  };

  beforeAll(async () => {
    const [dist, wb] = await Promise.all([buildWithFake(), loadWorkbook(fs.readFileSync(FIXTURE))]);
    const [sheet] = gridFromWorkbook(wb).sheets;
    // The user's own light-blue fill on H15 and note on H19: they must survive every action.
    const init: { sheets: FakeSheetInit[]; displayLanguage: string } = {
      sheets: [{ ...sheet, fills: { H15: 'DDEBF7' }, notes: { H19: '我的批注' } }],
      displayLanguage: 'zh-CN',
    };
    const fakeJs = fs.readFileSync(path.join(dist, FAKE_BUNDLE), 'utf8');
    server = await serve(dist);
    origin = originOf(server);
    ({ context, profile } = await launchChromium('selfeval-chromium-office-', {
      viewport: { width: 360, height: 900 },
    }));
    context.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/\/office\.js(\?.*)?$/.test(url)) {
        stubbed.push(url);
        return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: fakeJs });
      }
      if (url.startsWith(`${origin}/`) || /^(blob|data):/.test(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    await context.addInitScript((i) => {
      (window as unknown as { __SELFEVAL_FAKE_INIT__: unknown }).__SELFEVAL_FAKE_INIT__ = i;
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    }, init);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    fs.mkdirSync(OUT_DIR, { recursive: true });
    // The query parameter Office adds to the pane's URL: load-office.js then loads office.js.
    await page.goto(`${origin}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
  }, 240000);

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test('the pane opens in Office mode, in Chinese, with the four actions', async () => {
    await page.waitForSelector('body[data-mode="office"]', { timeout: 20000 });
    expect(await page.locator('[role="toolbar"] button').allInnerTexts()).toEqual([
      '检查',
      '重算并写回',
      '清除标记',
      '撤销上次写入',
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  test('检查: the card shows 97.68 against the table’s 97.7; the three missing actuals are flagged in the workbook, no value changes', async () => {
    const text = await act('检查', /检查完成/);
    expect(text).toMatch(/1 张表/);
    const card = page.locator('[data-testid="table-card"]');
    expect(await card.count()).toBe(1);
    const total = await card.locator('[data-testid="figure-J29"]').innerText();
    expect(total).toContain('97.68');
    expect(total).toContain('97.7');
    const missing = page.locator('li[data-code="ACTUAL_MISSING"]');
    expect(await missing.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')))).toEqual([
      'H19',
      'H20',
      'H21',
    ]);
    // In the workbook: marks only.
    expect((await cell('J29')).value).toBe(97.7);
    expect((await cell('J16')).value).toBe(7.7);
    const h19 = await cell('H19');
    expect(h19.fill).toBe(WARNING_FILL);
    expect(h19.note).toMatch(new RegExp(`^我的批注\\n${TAG}`));
    const h20 = await cell('H20');
    expect(h20.fill).toBe(WARNING_FILL);
    expect(h20.note?.startsWith(TAG)).toBe(true);
    expect(await sheetNames()).toContain('校验结果');
    await page.locator('[data-testid="table-card"]').screenshot({ path: path.join(OUT_DIR, 'office-cards.png') });
    await page.locator('[data-testid="findings"]').screenshot({ path: path.join(OUT_DIR, 'office-findings.png') });
    await page.screenshot({ path: path.join(OUT_DIR, 'office-pane.png'), fullPage: true });
  });

  test('a finding’s cell link selects that cell in Excel', async () => {
    await page.locator('li[data-cell="H20"] button').first().click();
    await page.waitForFunction(
      () => (window as unknown as { __selfevalFake: { selected: unknown } }).__selfevalFake.selected !== null,
    );
    const selected = await page.evaluate(
      () => (window as unknown as { __selfevalFake: { selected: unknown } }).__selfevalFake.selected,
    );
    expect(selected).toMatchObject({ sheet: SHEET });
    expect(JSON.stringify(selected)).toContain('H20');
  });

  test('重算并写回 writes the computed values (J16 7.68, J29 97.68) and keeps the user’s fill and note', async () => {
    const text = await act('重算并写回', /已写回 \d+ 个单元格/);
    expect(Number(/已写回 (\d+) 个单元格/.exec(text)![1])).toBeGreaterThanOrEqual(2);
    expect((await cell('J16')).value).toBe(7.68);
    expect((await cell('J29')).value).toBe(97.68);
    expect((await cell('H15')).fill).not.toBeNull();
    expect((await cell('H19')).note).toMatch(/^我的批注/);
  });

  test('生成报告草稿 in Office mode: the year, 年初预算 and the goal come from the cells the check read', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.getByRole('button', { name: '生成报告草稿' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('自评表.自评报告草稿.docx');
    const saved = path.join(profile, 'office-draft.docx');
    await download.saveAs(saved);
    const text = readReport('d.docx', new Uint8Array(fs.readFileSync(saved))).map((p) => p.text);
    expect(text[0]).toBe('2023年度招商引资项目支出绩效自评报告');
    expect(text.join('\n')).toContain('年初预算300.00万元');
    expect(text.join('\n')).not.toContain('【请填写：年度】');
  }, 90000);

  test('撤销上次写入 puts back every value, fill and note as it was before the first check', async () => {
    const text = await act('撤销上次写入', /已恢复 \d+ 个单元格/);
    expect(Number(/已恢复 (\d+) 个单元格/.exec(text)![1])).toBeGreaterThan(0);
    expect((await cell('J16')).value).toBe(7.7);
    expect((await cell('J29')).value).toBe(97.7);
    expect((await cell('H15')).fill).toBe('DDEBF7');
    const h19 = await cell('H19');
    expect(h19.note).toBe('我的批注');
    expect(h19.fill).toBeNull();
    expect((await cell('H20')).note).toBeNull();
    expect(await sheetNames()).not.toContain('校验结果');
  });

  test('检查 then 清除标记 removes the add-in’s marks only; values stay', async () => {
    await act('检查', /检查完成/);
    expect((await cell('H21')).fill).toBe(WARNING_FILL);
    const text = await act('清除标记', /已清除 \d+ 处标记/);
    expect(Number(/已清除 (\d+) 处标记/.exec(text)![1])).toBeGreaterThanOrEqual(3);
    for (const a of ['H20', 'H21']) {
      const c = await cell(a);
      expect({ a, fill: c.fill, note: c.note }).toEqual({ a, fill: null, note: null });
    }
    expect((await cell('H19')).note).toBe('我的批注');
    expect((await cell('H15')).fill).toBe('DDEBF7');
    expect((await cell('J29')).value).toBe(97.7);
    expect(await page.locator('[data-testid="table-card"]').count()).toBe(0);
  });

  test('设置: the form in Chinese; saving stores it in the workbook', async () => {
    await page.getByRole('button', { name: '设置' }).click();
    const save = page.getByRole('button', { name: '保存设置' });
    await save.waitFor();
    const panel = page.locator('.fui-AccordionItem').first();
    await panel.screenshot({ path: path.join(OUT_DIR, 'office-settings.png') });
    await save.click();
    await page.getByText('设置已保存在工作簿中。').waitFor({ timeout: 10000 });
  });

  test('no English in the Chinese pane: after a check, with the settings open, every Latin word is a name', async () => {
    await act('检查', /检查完成/);
    const text = await page.locator('main').innerText();
    // Allowed: cell addresses and ranges, the project's code, product names, the profiles' ids, file
    // extensions (the draft's download link, 自评表.自评报告草稿.docx), and the table's own words (创造GDP产值).
    const words = text
      .replace(/\b[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?\b/g, ' ')
      .replace(/\d+[A-Z]\d+/g, ' ')
      .match(/[A-Za-z]{2,}/g);
    // The profiles' ids shown beside their Chinese names (财预〔2020〕10号（mof2020）, 湖北（hubei）…).
    const allowed = new Set(['Excel', 'Ctrl', 'xlsx', 'docx', 'GDP', 'mof', ...Object.keys(PROFILES)]);
    expect([...new Set(words)].filter((w) => !allowed.has(w))).toEqual([]);
    await page.screenshot({ path: path.join(OUT_DIR, 'office-pane-settings.png'), fullPage: true });
  });

  test('自检 in the settings: every step passes on the fake; one copyable text with platform, Office version and requirement sets', async () => {
    const run = page.getByRole('button', { name: '自检', exact: true });
    if (!(await run.isVisible())) await page.getByRole('button', { name: /^设置/ }).click();
    await run.click();
    const box = page.locator('textarea[aria-label="自检"]');
    await box.waitFor({ timeout: 30000 });
    const text = await box.inputValue();
    expect(text.split('\n')[0]).toBe('绩效自评助手 自检结果');
    expect(text).toContain('平台: OfficeOnline');
    expect(text).toContain('Office 16.0.0.0 (fake-excel)');
    expect(text).toMatch(/^ExcelApi: .*\b1\.18\b/m);
    expect(text).toMatch(/^\[通过\] 批注 notes/m);
    expect(text).not.toContain('[失败]');
    expect(text.trim().endsWith('全部通过。')).toBe(true);
    expect(await page.locator('[data-testid="selftest-outcome"]').innerText()).toBe('全部通过。');
    // The scratch sheet is gone.
    expect((await sheetNames()).filter((n) => n.includes('selftest'))).toEqual([]);
    await page
      .locator('.fui-Field', { has: page.locator('textarea[aria-label="自检"]') })
      .screenshot({ path: path.join(OUT_DIR, 'office-selftest.png') });
  });

  test('a protected sheet: 重算并写回 says so in Chinese, naming the sheet, and writes nothing', async () => {
    const setProtected = (on: boolean) =>
      page.evaluate(
        ([name, v]) => {
          (window as unknown as { __selfevalFake: { sheet(n: string): { protected: boolean } } }).__selfevalFake.sheet(
            name,
          ).protected = v;
        },
        [SHEET, on] as const,
      );
    await setProtected(true);
    try {
      await button('重算并写回').click();
      const error = page.locator('[data-testid="status"]', { hasText: '受保护' });
      await error.waitFor({ timeout: 20000 });
      expect(await error.innerText()).toContain(`工作表“${SHEET}”受保护`);
      expect((await cell('J16')).value).toBe(7.7);
      await page.locator('[data-testid="status"]').screenshot({ path: path.join(OUT_DIR, 'office-error.png') });
    } finally {
      await setProtected(false);
    }
  });

  test('an office.js without the notes API (Excel reports ExcelApi 1.18, the proxies lack notes): the marks go into tagged comments', async () => {
    const stale = await context.newPage();
    stale.on('pageerror', (e) => problems.push(`pageerror (no notes): ${e.message}`));
    // Runs after the context's init script: the same workbook, notes 'absent'.
    await stale.addInitScript(() => {
      const w = window as unknown as { __SELFEVAL_FAKE_INIT__: { options?: Record<string, unknown> } };
      w.__SELFEVAL_FAKE_INIT__ = { ...w.__SELFEVAL_FAKE_INIT__, options: { notes: 'absent' } };
    });
    await stale.goto(`${origin}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await stale.waitForSelector('body[data-mode="office"]', { timeout: 20000 });
    await stale.locator('[role="toolbar"] button', { hasText: '检查' }).first().click();
    await stale.locator('[data-testid="status"]', { hasText: '检查完成' }).waitFor({ timeout: 20000 });
    const marks = await stale.evaluate((name) => {
      const f = (
        window as unknown as {
          __selfevalFake: { sheet(n: string): { comments(): Record<string, string>; notes(): Record<string, string> } };
        }
      ).__selfevalFake.sheet(name);
      return { comments: f.comments(), notes: f.notes() };
    }, SHEET);
    expect(Object.keys(marks.comments).sort()).toEqual(['H15', 'H19', 'H20', 'H21']);
    for (const c of Object.values(marks.comments)) expect(c.startsWith(TAG)).toBe(true);
    // The user's own note on H19 is left as it was; no note of ours anywhere.
    expect(marks.notes).toEqual({ H19: '我的批注' });
    await stale.close();
  });

  test('一键重算 from the ribbon (commands.html): writes the values, opens the notice dialog; the notice in Chinese', async () => {
    const commands = await context.newPage();
    commands.on('pageerror', (e) => problems.push(`pageerror (commands): ${e.message}`));
    await commands.goto(`${origin}/commands.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await commands.waitForFunction(
      () =>
        typeof (window as unknown as { __selfevalActions?: Record<string, unknown> }).__selfevalActions
          ?.recalcWorkbook === 'function',
      undefined,
      { timeout: 20000 },
    );
    // Office calls the function with an event whose completed() ends the command.
    await commands.evaluate(() => {
      const w = window as unknown as { __selfevalActions: Record<string, (e: unknown) => void>; __completed?: boolean };
      w.__selfevalActions.recalcWorkbook({ completed: () => (w.__completed = true) });
    });
    await commands.waitForFunction(
      () => (window as unknown as { __selfevalDialogs: unknown[] }).__selfevalDialogs.length === 1,
      undefined,
      { timeout: 20000 },
    );
    const fake = (addr: string) =>
      commands.evaluate(
        (a) =>
          (window as unknown as { __selfevalFake: { sheet(n: string): { get(x: string): FakeCell } } }).__selfevalFake
            .sheet('项目支出绩效自评表')
            .get(a),
        addr,
      );
    expect((await fake('J16')).value).toBe(7.68);
    expect((await fake('J29')).value).toBe(97.68);
    expect((await fake('H19')).fill).toBe(WARNING_FILL);
    const [dialog] = await commands.evaluate(
      () => (window as unknown as { __selfevalDialogs: { url: string; options: unknown }[] }).__selfevalDialogs,
    );
    expect(dialog.url.startsWith(`${origin}/notice.html?`)).toBe(true);
    await commands.close();

    // The dialog itself, at about the size Office gives it (30 % × 35 % of a 1366 × 768 screen).
    const notice = await context.newPage();
    notice.on('pageerror', (e) => problems.push(`pageerror (notice): ${e.message}`));
    await notice.setViewportSize({ width: 410, height: 270 });
    await notice.goto(dialog.url);
    const text = await notice.locator('#notice').innerText();
    expect(text).toContain('一键重算完成');
    expect(text).toContain('51090423T000008717642-2023招商引资：总分 97.68（优）');
    expect(text).toMatch(/错误 0，警告 4，提示 0；已写回 \d+ 个单元格/);
    await notice.screenshot({ path: path.join(OUT_DIR, 'office-notice.png'), fullPage: true });
    await notice.close();
  });

  test('nothing left 127.0.0.1 but office.js, answered by the fake; no page error or CSP violation', () => {
    expect(blocked).toEqual([]);
    // office.js from Microsoft's CDN, as the pane, commands and notice pages reference it (never
    // reached: answered by the fake).
    expect([...new Set(stubbed)]).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(stubbed.length).toBeGreaterThanOrEqual(3);
    const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(blob|data):/.test(u));
    expect(outside.filter((u) => !stubbed.includes(u))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
