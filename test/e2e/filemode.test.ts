/**
 * The task pane's browser file mode, end to end: production build (reused when fresh) served over
 * plain HTTP on 127.0.0.1, Debian's chromium driven by playwright-core. Upload the Sichuan example,
 * read the card and findings, download the checked copy and verify it with exceljs. No request may
 * leave 127.0.0.1 and the page's Content-Security-Policy must hold (no violation).
 * Skips, saying why, when /usr/bin/chromium is missing — fails instead with SELFEVAL_REQUIRE_E2E=1, which
 * .ci/run sets after installing chromium.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { DIST, ROOT, browserDescribe, ensureWebBuild, launchChromium, originOf, serve } from '../helpers/e2e';
import { diffPackages } from '../helpers/package-diff';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const FIXTURE = path.join(ROOT, 'test/fixtures/sichuan-project-2023.xlsx');
/** Saved by LibreOffice: a chart, a chart sheet, a picture, notes, a hidden sheet, custom properties. */
const CHART_FIXTURE = path.join(ROOT, 'test/fixtures/other/libreoffice-table.xlsx');
const OUT_DIR = path.join(ROOT, 'test-output');

const maybe = browserDescribe('filemode e2e');

maybe('task pane file mode in Chromium', () => {
  let server: http.Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const requests: string[] = [];
  const problems: string[] = [];
  const stubbed: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    server = await serve(DIST);
    origin = originOf(server);
    ({ context, profile } = await launchChromium('selfeval-chromium-', {
      viewport: { width: 420, height: 1100 },
      acceptDownloads: true,
    }));
    context.on('request', (r) => requests.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(`${origin}/taskpane.html`);
    await page.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  }, 300000); // a production build on a busy 2-core machine, with other e2e suites building at the same time

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test('outside Office the page offers the file mode', async () => {
    await page.waitForSelector('body[data-mode="file"]', { timeout: 20000 });
    await page.getByText('文件模式').first().waitFor();
  });

  test('checks the Sichuan example in the browser: total 97.68, three ACTUAL_MISSING findings', async () => {
    await page.setInputFiles('[data-testid="file-input"]', FIXTURE);
    const card = page.locator('[data-testid="table-card"]');
    await card.first().waitFor({ timeout: 30000 });
    expect(await card.count()).toBe(1);
    const total = await card.locator('[data-testid="figure-J29"]').innerText();
    expect(total).toContain('97.68');
    expect(total).toContain('97.7');
    expect(await card.innerText()).toContain('51090423T000008717642-2023招商引资');
    const missing = page.locator('li[data-code="ACTUAL_MISSING"]');
    expect(await missing.count()).toBe(3);
    expect(await missing.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')))).toEqual([
      'H19',
      'H20',
      'H21',
    ]);
    expect(await missing.first().innerText()).toContain('创造GDP产值');
    fs.mkdirSync(OUT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(OUT_DIR, 'filemode.png'), fullPage: true });
  });

  test('downloads <name>.checked.xlsx with the computed values and the flags', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="download"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('sichuan-project-2023.checked.xlsx');
    const saved = path.join(profile, 'checked.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet('项目支出绩效自评表')!;
    expect(ws.getCell('J16').value).toBe(7.68);
    expect(ws.getCell('J29').value).toBe(97.68);
    const h19 = ws.getCell('H19');
    const note = h19.note as ExcelJS.Comment | string | undefined;
    const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expect(text.startsWith('【自评校验】')).toBe(true);
    const fill = h19.fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe('FFFFEB9C');
    expect(wb.getWorksheet('校验结果')).toBeDefined();
  });

  test('a LibreOffice workbook with a chart: the downloaded copy keeps the chart, drawings, picture and properties byte for byte', async () => {
    await page.setInputFiles('[data-testid="file-input"]', CHART_FIXTURE);
    const link = page.locator('[data-testid="download"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="download"]')?.textContent?.includes('libreoffice-table.checked.xlsx'),
      undefined,
      { timeout: 30000 },
    );
    expect(await page.locator('[data-testid="table-card"] [data-testid="figure-J29"]').innerText()).toContain('97.68');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('libreoffice-table.checked.xlsx');
    const saved = path.join(profile, 'chart.checked.xlsx');
    await download.saveAs(saved);
    const d = diffPackages(new Uint8Array(fs.readFileSync(CHART_FIXTURE)), new Uint8Array(fs.readFileSync(saved)));
    for (const part of [
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/drawings/drawing1.xml',
      'xl/media/image1.png',
      'docProps/custom.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet4.xml',
    ]) {
      expect(d.same).toContain(part);
    }
    expect(d.removed).toEqual([]);
    expect(d.added).toEqual(['xl/worksheets/sheet5.xml']);
  });

  test('an .xls (LibreOffice) is checked in the browser too; its copy is an .xlsx and the page says what it keeps', async () => {
    await page.setInputFiles(
      '[data-testid="file-input"]',
      path.join(ROOT, 'test/fixtures/other/libreoffice-table.xls'),
    );
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="download"]')?.textContent?.includes('libreoffice-table.xls.checked.xlsx'),
      undefined,
      { timeout: 30000 },
    );
    expect(await page.locator('[data-testid="table-card"] [data-testid="figure-J29"]').innerText()).toContain('97.68');
    await page.getByText('保留数值、合并单元格、数字格式和校验标记', { exact: false }).first().waitFor();
    expect(requests.some((u) => /\/codepages\.[0-9a-f]+\.js$/.test(u))).toBe(true);
  });

  test('inside Excel (office.js stubbed, English display language): the four actions, the Ctrl+Z statement, host errors in English', async () => {
    const excel = await context.newPage();
    excel.on('pageerror', (e) => problems.push(`pageerror (office mode): ${e.message}`));
    // office.js comes from Microsoft's CDN; the stub stands in for it (the request never leaves the
    // machine: playwright answers it). load-office.js loads it only with Office's host information,
    // here the `_host_Info` parameter Office appends to the pane's URL.
    await excel.route(OFFICE_CDN, (route) => {
      stubbed.push(route.request().url());
      return route.fulfill({
        contentType: 'text/javascript',
        body: `window.Office = {
          HostType: { Excel: 'Excel' },
          onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
          context: { displayLanguage: 'en-US', requirements: { isSetSupported: () => true } },
        };
        window.Excel = { run: async () => { throw Object.assign(new Error('stub'), { code: 'InvalidOperationInCellEditMode' }); } };`,
      });
    });
    await excel.goto(`${origin}/taskpane.html?_host_Info=Excel$Web$16.00$en-US$$$$0`);
    await excel.waitForSelector('body[data-mode="office"]', { timeout: 20000 });
    const buttons = await excel.locator('[role="toolbar"] button').allInnerTexts();
    expect(buttons).toEqual(['Check', 'Recalculate and write', 'Clear marks', 'Undo last write']);
    expect(await excel.locator('main').innerText()).toContain('Ctrl+Z');
    await excel.locator('[role="toolbar"] button', { hasText: 'Check' }).first().click();
    await excel.getByText('Excel is in cell-edit mode', { exact: false }).first().waitFor({ timeout: 10000 });
    await excel.screenshot({ path: path.join(OUT_DIR, 'officemode-en.png'), fullPage: true });
    await excel.close();
  });

  test('no request left 127.0.0.1 and nothing broke the page (CSP included)', () => {
    // The only URL outside 127.0.0.1 is the CDN office.js of the Office-mode page, answered by the
    // test's stub; the file-mode page asked for no office.js at all.
    const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(blob|data):/.test(u));
    expect(outside).toEqual([OFFICE_CDN]);
    expect(stubbed).toEqual([OFFICE_CDN]);
    expect(requests.filter((u) => u.endsWith('/office.js'))).toEqual([OFFICE_CDN]);
    // No office.js outside Office, so no telemetry frame either: nothing to excuse.
    expect(problems).toEqual([]);
  });
});
