/**
 * The draft of the Sichuan example, parsed back: every number is the table's (computed values at the
 * table's decimals, the table's own inputs, or counts and differences of them), placeholders stand where
 * only a person can write, fonts and margins follow GB/T 9704. Where soffice exists, a PNG page goes to
 * test-output/ for a person to look at.
 */
import { spawnSync } from 'child_process';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { render, resolveSettings } from '../../src/engine';
import { checkFile } from '../../src/file/check-file';
import { MARGINS_MM } from '../../src/report/docx-write';
import { draftFromBytes, draftName } from '../../src/report/draft';
import { readReport } from '../../src/report/text';

const FIX = path.join(__dirname, '..', 'fixtures');
const SICHUAN = path.join(FIX, 'sichuan-project-2023.xlsx');
const settings = resolveSettings();

const atPlaces = (v: string, like: string): string => {
  const i = like.indexOf('.');
  return new Decimal(v).toFixed(i < 0 ? 0 : like.length - i - 1, Decimal.ROUND_HALF_UP);
};
const key = (s: string): string => new Decimal(s).toString();

async function sichuanDraft() {
  const bytes = new Uint8Array(await fs.readFile(SICHUAN));
  const draft = await draftFromBytes(SICHUAN, bytes, settings);
  const paras = readReport('draft.docx', draft.docx);
  const check = (await checkFile(SICHUAN, settings)).report;
  return { draft, paras, check };
}

test('file name: <name>.自评报告草稿.docx', () => {
  expect(draftName('/x/四川/sichuan-project-2023.xlsx')).toBe('sichuan-project-2023.自评报告草稿.docx');
});

test('every number in the Sichuan draft is the table’s: computed values at its decimals, its inputs, or counts of them', async () => {
  const { paras, check } = await sichuanDraft();
  const tr = check.tables[0];
  const prose = paras.filter((p) => !p.table).map((p) => p.text);
  const text = prose.join('\n');

  // The computed figures, at the table's decimals.
  const f = tr.funds[0];
  expect(text).toContain(`全年预算${f.budget}万元，全年执行${f.executed}万元，预算执行率${f.rate!.computed}%`);
  expect(text).toContain(
    `总得分${atPlaces(tr.total!.computed!, tr.total!.reported!)}分，等级为“${tr.grade!.computed}”`,
  );
  for (const i of tr.indicators) {
    const line = prose.find((p) => p.includes(`“${i.name}”`) && p.includes('年度指标值'))!;
    expect(line).toBeDefined();
    if (i.score?.computed) expect(line).toContain(`得${atPlaces(i.score.computed, i.score.reported!)}分`);
    else expect(line).toContain('完成值未填写，无法按规则评分');
  }

  // Every number written anywhere in the prose is one of these.
  const allowed = new Set<string>();
  const add = (s: string | null | undefined) => {
    for (const m of (s ?? '').matchAll(/\d+(?:\.\d+)?/g)) allowed.add(key(m[0]));
  };
  add(JSON.stringify(tr)); // every figure the check gives: budgets, targets, actuals, weights, computed, reported
  for (const x of check.findings) add(render(x, 'zh'));
  // inputs the draft reads beside the check (the 年初预算 cell, the goal text, the title's year)
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SICHUAN);
  wb.worksheets[0].eachRow((row) =>
    row.eachCell((c) => {
      if (c.type !== ExcelJS.ValueType.Merge) add(String(c.text));
    }),
  );
  // counts and differences of those, worked out here independently
  const scored = tr.indicators.filter((i) => i.score?.computed);
  const met = scored.filter((i) => new Decimal(i.score!.computed!).gte(i.score!.weight!)).length;
  [tr.indicators.length, met, scored.length - met, tr.indicators.length - scored.length].forEach((n) => add(String(n)));
  for (const l1 of new Set(tr.indicators.map((i) => i.level1))) {
    const list = tr.indicators.filter((i) => i.level1 === l1);
    add(String(list.length));
    const sum = list.reduce((s, i) => s.plus(i.score!.computed ?? i.score!.reported!), new Decimal(0));
    add(atPlaces(sum.toString(), tr.total!.reported!));
  }
  add(new Decimal(f.budget!).minus(300).toString()); // 追加 = 全年 − 年初
  const unmet = tr.indicators.find((i) => i.name === '协议金额')!;
  add(new Decimal(unmet.actual!).div(unmet.target!).times(100).toFixed(2)); // 完成率
  const stray: string[] = [];
  for (const p of prose) {
    const outside = p.replace(/【请填写：[^】]*】/g, '');
    for (const m of outside.matchAll(/\d+(?:\.\d+)?/g)) if (!allowed.has(key(m[0]))) stray.push(`${m[0]} in ${p}`);
  }
  expect(stray).toEqual([]);
  // …and no judgement word that no rule decides, no 无结余.
  expect(text).not.toMatch(/良好|显著|全面实现|无结余/);
});

test('placeholders stand where a person must write; each unmet indicator quotes its own reason cell', async () => {
  const { paras } = await sichuanDraft();
  const text = paras.map((p) => p.text).join('\n');
  for (const what of [
    '项目背景、立项依据（文件名称及文号）和主要内容',
    '预算调整的依据（文件名称及文号）',
    '为完成上述指标开展的主要工作',
    '上述问题的原因',
    '针对上述问题的改进措施和下一步打算',
  ])
    expect(text).toContain(`【请填写：${what}】`);
  // Each indicator's own reason cell (K16 for 协议金额 in row 16; an off-by-one once quoted row 17's, empty).
  const unmet = paras.find((p) => p.text.includes('“协议金额”年度指标值'))!.text;
  expect(unmet).toContain('偏差原因：无超大项目。');
  const gdp = paras.find((p) => p.text.includes('“创造GDP产值”'))!.text;
  expect(gdp).toContain('表中说明：未完全投产，无法计算。'); // the table's own words, not invented
  expect(text).toContain('年度中预算追加49.78万元，由300.00万元调整为349.78万元。');
  expect(text).toMatch(/一是“协议金额”未达到年度目标.*；二是.*；三是.*。/);
  // 附件: the table summary with total and grade
  const cells = paras.filter((p) => p.table).map((p) => p.text);
  expect(cells).toEqual(expect.arrayContaining(['总分', '97.7', '等级', '优', '协议金额', '≥240亿元', '184.2亿元']));
});

test('an unmet indicator whose reason cell is empty: the draft asks for the reason', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SICHUAN);
  wb.getWorksheet('项目支出绩效自评表')!.getCell('K16').value = null;
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const paras = readReport('d.docx', (await draftFromBytes('无原因.xlsx', bytes, settings)).docx);
  const unmet = paras.find((p) => p.text.includes('“协议金额”年度指标值'))!.text;
  expect(unmet).toContain('偏差原因：【请填写：未完成的原因】');
});

test('where the table is wrong, the computed value is used and the difference marked', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SICHUAN);
  wb.getWorksheet('项目支出绩效自评表')!.getCell('J16').value = 7.5; // should be 7.68 (10 × 184.2 ÷ 240)
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const d = await draftFromBytes('wrong.xlsx', bytes, settings);
  const text = readReport('d.docx', d.docx)
    .map((p) => p.text)
    .join('\n');
  expect(text).toContain('完成率76.75%，得7.68分【表中 7.5，按规则应为 7.68】。');
  // The summary workbook: its total-row rate 95.2% against a computed 98.75%.
  const sum = path.join(FIX, 'summary-2022.xlsx');
  const check = (await checkFile(sum, settings)).report;
  const rate = check.tables[0].totalRow!.rate!;
  const ds = readReport('s.docx', (await draftFromBytes(sum, new Uint8Array(await fs.readFile(sum)), settings)).docx)
    .map((p) => p.text)
    .join('\n');
  expect(ds).toContain(`执行率${rate.computed}%【表中 ${rate.reported}，按规则应为 ${rate.computed}】`);
  expect(ds).toMatch(/本部门纳入自评项目6个/);
});

test('GB/T 9704 format: A4, margins, 仿宋_GB2312 3号 body, 黑体/楷体 headings, 2号 title, page numbers; every run names its East Asian font', async () => {
  const { draft } = await sichuanDraft();
  const files = unzipSync(draft.docx);
  const xml = strFromU8(files['word/document.xml']);
  const twip = (mm: number) => Math.floor((mm * 1440) / 25.4);
  expect(xml).toMatch(new RegExp(`<w:pgSz w:w="${twip(210)}" w:h="${twip(297)}"`));
  const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
  expect(mar).toContain(`w:top="${twip(MARGINS_MM.top)}"`);
  expect(mar).toContain(`w:left="${twip(28)}"`);
  // text block 156 × 225 mm
  expect(210 - MARGINS_MM.left - MARGINS_MM.right).toBe(156);
  expect(297 - MARGINS_MM.top - MARGINS_MM.bottom).toBe(225);
  const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]);
  expect(runs.length).toBeGreaterThan(50);
  for (const r of runs) expect(r).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"/);
  const bodyRuns = runs.filter((r) => r.includes('w:eastAsia="仿宋_GB2312"') && r.includes('<w:sz w:val="32"/>'));
  expect(bodyRuns.length).toBeGreaterThan(30);
  expect(runs.some((r) => r.includes('方正小标宋简体') && r.includes('<w:sz w:val="44"/>'))).toBe(true);
  expect(runs.some((r) => r.includes('w:eastAsia="黑体"') && r.includes('一、'))).toBe(true);
  expect(runs.some((r) => r.includes('w:eastAsia="楷体_GB2312"') && r.includes('（一）'))).toBe(true);
  expect(xml).toContain('w:line="579" w:lineRule="exact"'); // 22 lines in 225 mm
  const footers = Object.keys(files).filter((n) => /word\/footer\d+\.xml/.test(n));
  expect(footers.length).toBe(2); // odd pages right, even pages left
  for (const n of footers) {
    const fx = strFromU8(files[n]);
    expect(fx).toContain('PAGE');
    expect(fx).toContain('— ');
    expect(fx).toContain('w:eastAsia="宋体"');
  }
});

test('a page of the draft as PDF and PNG (test-output/), where LibreOffice is installed', async () => {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  const pdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  if (soffice.status !== 0 || pdftoppm.error) {
    console.warn('skipped: soffice or pdftoppm is not installed (LibreOffice is not installed in CI)');
    return;
  }
  const { draft } = await sichuanDraft();
  const out = path.join(__dirname, '..', '..', 'test-output');
  await fs.mkdir(out, { recursive: true });
  const docx = path.join(out, 'sichuan-project-2023.自评报告草稿.docx');
  await fs.writeFile(docx, draft.docx);
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'lo-'));
  const conv = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx],
    { encoding: 'utf8', timeout: 120000 },
  );
  expect(conv.status).toBe(0);
  const pdf = docx.replace(/\.docx$/, '.pdf');
  const png = spawnSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    path.join(out, 'draft-page-1'),
  ]);
  expect(png.status).toBe(0);
  const stat = await fs.stat(path.join(out, 'draft-page-1.png'));
  expect(stat.size).toBeGreaterThan(5000);
}, 180000);
