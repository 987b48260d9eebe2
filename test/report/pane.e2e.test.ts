/**
 * The pane's report actions in Chromium (file mode): 生成报告草稿 downloads the draft; a written report
 * (.docx) checked beside the workbook lists its findings. Production build (rebuilt when stale), served
 * on 127.0.0.1; no request may leave it. Skips, saying why, when /usr/bin/chromium is missing.
 */
import { Document, Packer, Paragraph } from 'docx';
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { readReport } from '../../src/report/text';
import { DIST, ROOT, browserDescribe, ensureWebBuild, launchChromium, originOf, serve } from '../helpers/e2e';

const FIXTURE = path.join(ROOT, 'test/fixtures/sichuan-project-2023.xlsx');
const SEED = path.join(ROOT, 'test/fixtures/reports/002_d730022deb94f047.txt');

const maybe = browserDescribe('report pane e2e');

maybe('task pane: 生成报告草稿 and 检查报告 in Chromium (file mode)', () => {
  let server: http.Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    server = await serve(DIST);
    origin = originOf(server);
    ({ context, profile } = await launchChromium('selfeval-report-', {
      viewport: { width: 420, height: 1100 },
      acceptDownloads: true,
    }));
    context.on('request', (r) => requests.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector('body[data-mode="file"]', { timeout: 30000 });
    await page.setInputFiles('[data-testid="file-input"]', FIXTURE);
    await page.locator('[data-testid="table-card"]').first().waitFor({ timeout: 30000 });
  }, 300000);

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test('生成报告草稿 downloads <name>.自评报告草稿.docx with the computed figures', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.getByRole('button', { name: '生成报告草稿' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sichuan-project-2023.自评报告草稿.docx');
    const saved = path.join(profile, 'draft.docx');
    await download.saveAs(saved);
    const text = readReport('draft.docx', new Uint8Array(fs.readFileSync(saved)))
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('预算执行率100.00%');
    expect(text).toContain('经自评，总得分97.7分，等级为“优”。');
    expect(text).toContain('年初预算300.00万元'); // from the grid the check read
    expect(text).toContain('【请填写：');
  }, 90000);

  test('a written report (.docx) beside the workbook: its findings listed, compared with the workbook', async () => {
    const lines = fs.readFileSync(SEED, 'utf8').split(/\r?\n/);
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    const file = path.join(profile, '自评报告.docx');
    fs.writeFileSync(file, await Packer.pack(doc, 'uint8array'));
    await page.setInputFiles('[data-testid="report-input"]', file);
    const list = page.locator('[data-testid="report-findings"]');
    await list.waitFor({ timeout: 60000 });
    const shown = await list.innerText();
    expect(shown).toContain('自评报告.docx：');
    expect(shown).toContain('REPORT_PARTS_SUM');
    expect(shown).toContain('80 + 130 + 10 + 15 + 75 = 310 ≠ 300');
    expect(shown).toContain('得分 70 分在表中找不到'); // compared with the checked workbook beside it
    fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-output', 'report-pane.png'), fullPage: true });
  }, 90000);

  test('no request left 127.0.0.1 and nothing broke the page', () => {
    const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(blob|data):/.test(u));
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});
