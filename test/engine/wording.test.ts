/**
 * The exact words a finance officer reads: every message of the catalogue, in Chinese and English,
 * rendered with realistic parameters — the subject as a label, as an indicator row or a plain row, and
 * each id-valued parameter (field, band, group, where, block, on time, dates) in each of its values —
 * compared with the committed snapshot (`__snapshots__/wording.test.ts.snap`). A changed word shows up
 * there for review; update it with `npx jest test/engine/wording.test.ts -u` when the change is meant.
 */
import {
  FINDING_MESSAGES,
  FINDING_SEVERITY,
  FindingCode,
  RESULTS_TEXT,
  SEVERITY_NAMES,
  render,
} from '../../src/engine';

const codes = Object.keys(FINDING_SEVERITY) as FindingCode[];

/** Figures of one real case (the Sichuan table's 协议金额: 184.2 of 240 亿元, weight 10). */
const BASE: Record<string, string> = {
  label: '协议金额',
  sheet: '项目支出绩效自评表',
  value: '约500',
  text: '基本达成',
  columns: '指标值、完成值',
  actualUnit: '万元',
  targetUnit: '亿元',
  grade: '优',
  reportedGrade: '良',
  project: '招商引资项目',
  actual: '184.2',
  rate: '95.44',
  executed: '557.82',
  budget: '584.48',
  score: '7.68',
  weight: '10',
  threshold: '90',
  sum: '95.5',
  stated: '20',
  total: '97.7',
  cap: '90',
  reported: '7.7',
  expected: '100.00',
  target: '240',
  operator: '≥',
  deviation: '25',
  low: '6',
  high: '8',
  formula: '184.2 ÷ 240 × 10',
  deadline: '2023-12-31',
  profile: 'mof2020',
  coefficient: '77',
};

const VARIANTS: Record<string, (string | undefined)[]> = {
  field: ['budget', 'executed', 'weight', 'score', 'totalWeight', 'total', 'selfScore', 'deduction'],
  where: ['reason', 'remark'],
  group: ['income', 'expense', 'of'],
  block: ['funds', 'indicators', 'summary'],
  band: ['met', 'partly', 'unmet', undefined],
  onTime: ['yes', 'no'],
  deadline: ['-12-31'],
  actualDate: ['2024-1-15', '-1-15'],
  overDeduct: ['yes'],
  yitihuaDeduct: ['2'],
  devPercent: ['50'],
  deduct: ['1.5'],
  reason: ['yes', undefined],
};

const SUBJECTS: Record<string, Record<string, string | undefined>> = {
  label: {},
  'indicator row': { label: undefined, row: '16', rowKind: 'indicator' },
  row: { label: undefined, row: '9', rowKind: 'row' },
  none: { label: undefined },
};

/** Each message's words: the base case, then every variant whose words differ from it. */
function wording(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const code of codes) {
    for (const id of Object.keys(FINDING_MESSAGES[code])) {
      for (const lang of ['zh', 'en'] as const) {
        const say = (params: Record<string, string | undefined>) => render({ code, id, params }, lang);
        const base = say(BASE);
        out[`${code}.${id}.${lang}`] = base;
        for (const [name, who] of Object.entries(SUBJECTS)) {
          const s = say({ ...BASE, ...who });
          if (s !== base) out[`${code}.${id}.${lang} subject=${name}`] = s;
        }
        for (const [key, values] of Object.entries(VARIANTS)) {
          for (const v of values) {
            const s = say({ ...BASE, [key]: v });
            if (s !== base) out[`${code}.${id}.${lang} ${key}=${v ?? '(none)'}`] = s;
          }
        }
      }
    }
  }
  return out;
}

test('every message, in both languages, with its variants: the words as committed', () => {
  const words = wording();
  expect(Object.keys(words).length).toBeGreaterThan(200);
  expect(words).toMatchSnapshot();
});

test('the 校验结果 sheet’s header, its empty line and the severity names', () => {
  expect({ RESULTS_TEXT, SEVERITY_NAMES }).toMatchSnapshot();
});
