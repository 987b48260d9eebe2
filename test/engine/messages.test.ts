/**
 * The message catalogue: every finding code has its messages in Chinese and English, and the English
 * holds no Chinese except quoted cell text and table labels (the TEXT_PARAMS), both for every message
 * with every id-valued parameter and for the findings real and junk-filled workbooks raise.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import {
  FIELDS,
  FINDING_MESSAGES,
  FINDING_SEVERITY,
  Finding,
  FindingCode,
  Params,
  RESULTS_TEXT,
  SEVERITY_NAMES,
  TEXT_PARAMS,
  buildWritePlan,
  checkWorkbook,
  render,
} from '../../src/engine';
import { Sheet } from '../../src/engine/grid';
import { gridFromWorkbook, loadWorkbook } from '../../src/file/read';
import { cloneGrid, consistentWorkbook, junkCell, runs } from '../property/gen';
import { SheetBuilder, centralClean, centralProject, grid } from '../helpers/tables';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const codes = Object.keys(FINDING_SEVERITY) as FindingCode[];
const textParams = new Set<string>(TEXT_PARAMS);

/** The English with the cell texts and labels taken out: what must be free of Chinese. */
function englishOutsideText(f: Pick<Finding, 'code' | 'id' | 'params'>): string {
  let s = render(f, 'en');
  const texts = Object.entries(f.params)
    .filter(([k, v]) => textParams.has(k) && v)
    .map(([, v]) => v!)
    .sort((a, b) => b.length - a.length);
  for (const t of texts) s = s.split(t).join('');
  // Column lists are written 、-joined and shown comma-joined in English.
  for (const t of texts) for (const part of t.split('、')) s = s.split(part).join('');
  return s;
}

test('every finding code has at least one message, each worded in Chinese and in English', () => {
  expect(Object.keys(FINDING_MESSAGES).sort()).toEqual([...codes].sort());
  for (const code of codes) {
    const entries = Object.entries(FINDING_MESSAGES[code]);
    expect(entries.length).toBeGreaterThan(0);
    for (const [id] of entries) {
      const p: Params = { label: '年度资金总额', value: 'x', sum: '95', total: '100', reported: '90' };
      const zh = render({ code, id, params: p }, 'zh');
      const en = render({ code, id, params: p }, 'en');
      expect({ code, id, zh: CJK.test(zh) }).toEqual({ code, id, zh: true });
      expect({ code, id, en: en.length > 0 && en !== zh }).toEqual({ code, id, en: true });
    }
  }
});

test('English messages hold no Chinese but cell text and labels, for every id-valued parameter', () => {
  const ids: Record<string, string[]> = {
    field: Object.keys(FIELDS),
    where: ['reason', 'remark'],
    group: ['income', 'expense', 'of'],
    block: ['funds', 'indicators', 'summary'],
    band: ['met', 'partly', 'unmet'],
    onTime: ['yes', 'no'],
    deadline: ['2022-7-31', '-12-31'],
    actualDate: ['2022-8-5', '-1-15'],
    rowKind: ['indicator', 'row'],
  };
  const base: Record<string, string> = {
    ...Object.fromEntries(TEXT_PARAMS.map((k) => [k, `“中文${k}”`])),
    columns: '指标值、完成值',
    rate: '95.44',
    executed: '184.20',
    budget: '193.00',
    score: '7.68',
    weight: '10',
    threshold: '90',
    sum: '95',
    stated: '20',
    total: '97.7',
    cap: '90',
    reported: '8',
    expected: '100.00',
    target: '240',
    operator: '≥',
    deviation: '25',
    low: '6',
    high: '8',
    formula: '184.2 ÷ 240 × 10',
    deadline: '2022-7-31',
    overDeduct: 'yes',
    yitihuaDeduct: '2',
    reason: 'yes',
  };
  let rendered = 0;
  for (const code of codes) {
    for (const id of Object.keys(FINDING_MESSAGES[code])) {
      for (const [key, values] of Object.entries(ids)) {
        for (const v of values) {
          for (const who of [{ label: '协议金额' }, { row: '12', label: '' }]) {
            const params = { ...base, ...who, [key]: v };
            const en = englishOutsideText({ code, id, params });
            expect({ code, id, key, v, en, chinese: CJK.test(en) }).toMatchObject({ chinese: false });
            rendered++;
          }
        }
      }
    }
  }
  expect(rendered).toBeGreaterThan(500);
  for (const lang of ['en'] as const) {
    expect(RESULTS_TEXT[lang].header.join(' ') + RESULTS_TEXT[lang].none).not.toMatch(CJK);
    expect(Object.values(SEVERITY_NAMES[lang]).join(' ')).not.toMatch(CJK);
  }
});

test('a funds cell that is not a number: the label is the table’s, the field an id worded in each language', () => {
  const spec = centralClean();
  spec.funds[0][2] = '约500';
  const b = new SheetBuilder();
  centralProject(b, spec);
  const f = checkWorkbook(grid(b.sheet('兰洽会经费'))).findings.find((x) => x.code === 'UNPARSEABLE')!;
  expect([f.id, f.params]).toEqual(['number', { label: '年度资金总额', field: 'budget', value: '约500' }]);
  expect(render(f, 'zh')).toBe('年度资金总额的预算数应为数字，表内为“约500”');
  expect(render(f, 'en')).toBe('年度资金总额: the budget should be a number; the cell holds "约500"');
});

test('dates are data in a finding and words in each language: 2022年7月31日 / 31 Jul 2022', () => {
  const spec = centralClean();
  spec.indicators[2] = [null, '时效指标', '承办事项完成时间', '2022年7月31日前', '2022年8月5日', 10, 0, '场馆延期'];
  spec.total = [100, 89.54];
  spec.grade = '良';
  const b = new SheetBuilder();
  centralProject(b, spec);
  const f = checkWorkbook(grid(b.sheet('兰洽会经费'))).findings.find((x) => x.code === 'DATE_NOT_MET')!;
  expect(f.params).toEqual({ label: '承办事项完成时间', actualDate: '2022-8-5', deadline: '2022-7-31' });
  expect(render(f, 'zh')).toBe('承办事项完成时间：完成时间 2022年8月5日 晚于目标 2022年7月31日，按 0 分计');
  expect(render(f, 'en')).toBe('承办事项完成时间: completed 5 Aug 2022, after the deadline 31 Jul 2022; scores 0');
});

const FIXTURES = path.join(__dirname, '..', 'fixtures');

test('the fixtures’ findings: numbers carry no Chinese, English is Chinese-free outside cell text', async () => {
  let seen = 0;
  for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'))) {
    const grid = gridFromWorkbook(await loadWorkbook(fs.readFileSync(path.join(FIXTURES, file))));
    for (const f of checkWorkbook(grid).findings) {
      for (const [k, v] of Object.entries(f.params))
        if (!textParams.has(k)) expect({ k, v }).toEqual({ k, v: expect.not.stringMatching(CJK) });
      expect({ cell: f.cell, en: englishOutsideText(f) }).toEqual({ cell: f.cell, en: expect.not.stringMatching(CJK) });
      seen++;
    }
  }
  expect(seen).toBeGreaterThan(5);
});

test('junk in real tables: every finding raised renders in both languages, English Chinese-free outside cell text', () => {
  const seenCodes = new Set<string>();
  fc.assert(
    fc.property(
      consistentWorkbook,
      fc.array(fc.tuple(fc.nat(10000), fc.nat(100), junkCell), { minLength: 1, maxLength: 8 }),
      ({ grid }, edits) => {
        const g = cloneGrid(grid);
        for (const [r, c, v] of edits) {
          const s: Sheet = g.sheets[r % g.sheets.length];
          const row = s.values[r % s.values.length] ?? [];
          row[c % Math.max(1, row.length + 1)] = v;
        }
        const check = checkWorkbook(g);
        for (const f of check.findings) {
          seenCodes.add(f.code);
          expect(render(f, 'zh')).toMatch(CJK);
          for (const [k, v] of Object.entries(f.params)) {
            if (!textParams.has(k))
              expect({ code: f.code, k, v }).toEqual({ code: f.code, k, v: expect.not.stringMatching(CJK) });
          }
          expect({ code: f.code, en: englishOutsideText(f) }).toEqual({
            code: f.code,
            en: expect.not.stringMatching(CJK),
          });
        }
        const plan = buildWritePlan(g, check, { lang: 'en' });
        for (const row of plan.resultsSheet.rows) expect(row[2]).not.toMatch(CJK);
      },
    ),
    runs(150),
  );
  expect(seenCodes.size).toBeGreaterThan(5);
});
