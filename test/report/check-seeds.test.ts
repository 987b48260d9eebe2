/**
 * The five published reports (test/fixtures/reports, copied from the seeds). For each, BY HAND: the
 * contradictions it contains (worked out from its own figures) and restated figures that are right.
 * The checker must report exactly the first and stay silent on the second.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { resolveSettings } from '../../src/engine';
import ExcelJS from 'exceljs';
import { checkBuffer } from '../../src/file/check-buffer';
import { checkFile } from '../../src/file/check-file';
import { ReportCheck, checkReportBytes } from '../../src/report/check';

const DIR = path.join(__dirname, '..', 'fixtures', 'reports');
const SICHUAN = path.join(__dirname, '..', 'fixtures', 'sichuan-project-2023.xlsx');

interface Contradiction {
  /** A piece of the sentence, as written (spaces removed). */
  sentence: string;
  code: string;
  /** A piece of the arithmetic the finding must show. */
  shows: string;
}

interface Right {
  sentence: string;
  /** The arithmetic the checker worked out and found to hold. */
  shows: string;
}

interface Seed {
  file: string;
  contradictions: Contradiction[];
  right: Right[];
  /** Right figures the checker cannot pair up (other paragraph); it must say nothing about them. */
  silent: string[];
  /** Contradictions beyond a sentence-level reading (documented, not reported). */
  beyond: string[];
}

const SEEDS: Seed[] = [
  {
    file: '000_08df8fe990c8c5ca.txt',
    contradictions: [
      // 592.2 + 12395.66 = 12987.86, not the 13009.48 of income…
      {
        sentence: '全年调整预算收入13009.48万元，其中：行政运行为592.2万元',
        code: 'REPORT_PARTS_SUM',
        shows: '592.2 + 12395.66 = 12987.86 ≠ 13009.48',
      },
      // 592.2 ÷ 13009.48 = 4.552%: 4.6% at one place, 4.5% is truncated.
      { sentence: '行政运行为592.2万元占总收入4.5%', code: 'REPORT_TRUNCATED', shows: '592.2 ÷ 13009.48 = 4.552%' },
      // …nor of spending,
      {
        sentence: '我单位支出13009.48万元，其中：行政运行支出为592.2万元',
        code: 'REPORT_PARTS_SUM',
        shows: '12987.86 ≠ 13009.48',
      },
      // and the balance is 13009.48 − 12987.86 = 21.62, not 22.11.
      { sentence: '结余22.11万元', code: 'REPORT_BALANCE', shows: '13009.48 − 12987.86 = 21.62' },
      // 99.88% fits neither 13009.48 ÷ 13009.48 = 100% nor the parts' 99.83%.
      { sentence: '全年支出执行率为99.88%', code: 'REPORT_RATE', shows: '12987.86 ÷ 13009.48 = 99.8338%' },
      // 预算12395.67、支出12395.67、执行率95.2%: 100%.
      { sentence: '全年支出12395.67万元，执行率95.2%', code: 'REPORT_RATE', shows: '12395.67 ÷ 12395.67 = 100%' },
    ],
    right: [
      { sentence: '实有人数23人，其中行政人员5人，事业人员6人，聘用人员12人', shows: '5 + 6 + 12 = 23' },
      { sentence: '内设机构6个，均为正科级建制，分别为', shows: '6个：6 项' },
      { sentence: '项目收入为12395.66万元占总收入95.28%', shows: '12395.66 ÷ 13009.48 = 95.2817% → 95.28%' },
      { sentence: '已按计划支出557.82万元，执行率为95.44%', shows: '557.82 ÷ 584.48 = 95.4387% → 95.44%' },
      { sentence: '截止2022年12月支出13.06万元，执行率为13.6%', shows: '13.06 ÷ 96 = 13.604% → 13.6%' },
      { sentence: '全年实际支出11855.92万元，执行率为100%', shows: '11855.92 ÷ 11855.92 = 100% → 100%' },
      { sentence: '会展活动3场次，分别为', shows: '3场次：3 项' },
    ],
    silent: ['本年度预算执行率达79.6%', '占预算目标金额的42.5%', '项目绩效执行率为5.2%'],
    beyond: ['six project sections: budgets add to 12594.40 and spending to 12436.52, above the 12395.66 of 项目支出'],
  },
  {
    file: '001_85007a3e8b214713.txt',
    contradictions: [
      // 109605.01 ÷ 109607.51 = 99.9977%: 100.00% rounded; 99.99% is truncated.
      {
        sentence: '完成预算支出109605.01万元，预算执行率99.99%',
        code: 'REPORT_TRUNCATED',
        shows: '109605.01 ÷ 109607.51 = 99.9977%',
      },
    ],
    right: [
      { sentence: '总体绩效目标得分97.99，自评结果“优”', shows: '97.99 分 → 优' },
      {
        sentence: '完成项目预算支出90834.7179万元，预算执行率86.29%',
        shows: '90834.7179 ÷ 105261.2599 = 86.2945% → 86.29%',
      },
      { sentence: '自评结果“优”27个，“良”6个，“中”1个，“差”1个', shows: '27 + 6 + 1 + 1 = 35' },
      { sentence: '实际使用20.3055万元，执行实现率99.93%', shows: '20.3055 ÷ 20.32 = 99.9286% → 99.93%' },
    ],
    // The second 99.99% (项目支出预算执行率, no amounts of its own) is not paired with the department's
    // figures: the "nothing else" test above would catch a second finding.
    silent: [],
    beyond: [],
  },
  {
    file: '002_d730022deb94f047.txt',
    contradictions: [
      // 349.78 ÷ 702.98 = 49.7567%: 49.76%, written 49.75% (twice: the report repeats the paragraph).
      { sentence: '项目支出349.78万元，占49.75%', code: 'REPORT_TRUNCATED', shows: '349.78 ÷ 702.98 = 49.7567%' },
      { sentence: '项目支出349.78万元，占49.75%', code: 'REPORT_TRUNCATED', shows: '349.78 ÷ 702.98 = 49.7567%' },
      // planned lines for a budget of 300 add to 310.
      {
        sentence: '项目预算费用300万元，预算安排为接待费80万元',
        code: 'REPORT_PARTS_SUM',
        shows: '80 + 130 + 10 + 15 + 75 = 310 ≠ 300',
      },
      // spending lines add to 349.79, one cent off the 349.78 total (a warning: rounding may explain it).
      {
        sentence: '共计使用招商引资经费349.78万元，其中印刷费19.98万元',
        code: 'REPORT_PARTS_SUM',
        shows: '19.98 + 50 + 30 + 249.81 = 349.79 ≠ 349.78',
      },
    ],
    right: [
      { sentence: '收、支总计各增加95.83万元，增长15.78%', shows: '95.83 ÷ (702.98 − 95.83) = 15.7836% → 15.78%' },
      { sentence: '比2022年度增加1.42万元，增长3.37%', shows: '1.42 ÷ (43.61 − 1.42) = 3.3657% → 3.37%' },
      { sentence: '基本支出353.2万元，占50.24%', shows: '353.2 ÷ 702.98 = 50.2433% → 50.24%' },
      { sentence: '一般公共服务支出577.46万元，占82.14%', shows: '577.46 + 32.87 + 14.14 + 49.81 + 28.70 = 702.98' },
      { sentence: '一般公共服务支出577.46万元，占82.14%', shows: '577.46 ÷ 702.98 = 82.1446% → 82.14%' },
      { sentence: '社会保障和就业支出32.87万元，占4.68%', shows: '32.87 ÷ 702.98 = 4.6758% → 4.68%' },
      { sentence: '共有在职在编人员20人，其中行政人员7人，事业人员12人，机关工勤1人', shows: '7 + 12 + 1 = 20' },
      { sentence: '内设4个职能部门：办公室、产业促进股、项目服务股、项目督查股', shows: '4个：4 项' },
      { sentence: '单位共有公务用车1辆，其中：轿车1辆、越野车0辆、载客汽车0辆', shows: '1 + 0 + 0 = 1' },
      { sentence: '本部门得分98分，结果为优秀', shows: '98 分 → 优' },
      { sentence: '总分97.7分，综合自评结果优秀', shows: '97.7 分 → 优' },
    ],
    // 16 projects "其中1个50亿元以上项目，2个30亿元以上项目，2个10亿元以上项目" names a subset, not parts.
    silent: ['需引进工业企业类项目16个，其中1个50亿元以上项目', '另外有聘用人员1人'],
    beyond: ['the department scores 98 while the scores of its listed parts (20, 10, 17, 20, 10, 10) add to 87'],
  },
  {
    file: '003_1fb6097d1cc84b19.txt',
    contradictions: [
      // 无结余 with 70.40 − 53.27 = 17.13 unspent.
      {
        sentence: '实际执行共计53.27万元，预算执行率75.67%，年末资金无结余',
        code: 'REPORT_BALANCE',
        shows: '70.40 − 53.27 = 17.13',
      },
      // five figures before 分别, four percentages after it.
      { sentence: '分别完成市下目标的136.14%、163.48%、160%和100%', code: 'REPORT_FENBIE', shows: '（5 项）' },
    ],
    right: [
      { sentence: '实际执行共计53.27万元，预算执行率75.67%', shows: '53.27 ÷ 70.40 = 75.6676% → 75.67%' },
      { sentence: '核定人员编制10个，其中行政编制9个，行政工勤1个', shows: '9 + 1 = 10' },
      { sentence: '实有人数18人，其中行政9人，行政工勤1人，事业8人', shows: '9 + 1 + 8 = 18' },
      { sentence: '基本支出269.75万元，占65.11%', shows: '269.75 ÷ 414.31 = 65.1083% → 65.11%' },
      { sentence: '项目支出144.56万元，占34.89%', shows: '144.56 ÷ 414.31 = 34.8917% → 34.89%' },
      { sentence: '特定目标类项目共3个，分别为', shows: '3个：3 项' },
      { sentence: '三项指标分别居全市第一、第二、第三', shows: '3 项 ↔ 3 项' },
    ],
    silent: ['年末部门结转和结余为0万元', '300余次，其中主要领导参与81次'],
    beyond: [],
  },
  {
    file: '004_8789b0faf39bb7ff.txt',
    contradictions: [
      // one department's spending: 925.77 here, 810.55 there.
      { sentence: '调整后总预算数1285.24万元，实际支出810.55万元', code: 'REPORT_CONFLICT', shows: '925.77 ≠ 810.55' },
    ],
    right: [
      { sentence: '预算总体实际支出925.77万元，预算执行率为98.66%', shows: '925.77 ÷ 938.33 = 98.6615% → 98.66%' },
      { sentence: '项目实际总支出371.58万元，预算执行率为74.32%', shows: '371.58 ÷ 500 = 74.316% → 74.32%' },
      { sentence: '实际支出810.55万元，预算执行率为63.07%', shows: '810.55 ÷ 1285.24 = 63.066% → 63.07%' },
      { sentence: '（其中7个项目线上自评，1个项目线下自评）', shows: '7 + 1 = 8' },
      { sentence: '最终自评得分为92.31分，绩效评级为“优”', shows: '92.31 分 → 优' },
      { sentence: '总投资1109亿元，完成目标任务1000亿元的111%', shows: '1109 ÷ 1000 = 110.9% → 111%' },
      { sentence: '驻点签约项目741亿元，完成目标任务425亿元的174%', shows: '741 ÷ 425 = 174.35% → 174%' },
    ],
    // 371.58 against the department's 1285.24 would be 28.9%: the checker must not pair them.
    silent: ['项目实际总支出371.58万元，预算执行率74.32%。'],
    beyond: [],
  },
];

const settings = resolveSettings();

async function check(file: string, table?: Parameters<typeof checkReportBytes>[3]): Promise<ReportCheck> {
  return checkReportBytes(file, await fs.readFile(path.join(DIR, file)), settings, table);
}

describe.each(SEEDS)('seed report $file', (seed) => {
  let r: ReportCheck;
  beforeAll(async () => {
    r = await check(seed.file);
  });

  test('finds each contradiction, with its paragraph, sentence and arithmetic — and nothing else', () => {
    const unmatched = [...r.findings];
    for (const c of seed.contradictions) {
      const i = unmatched.findIndex(
        (x) => x.code === c.code && x.sentence.includes(c.sentence) && x.arithmetic.includes(c.shows),
      );
      expect({ missing: c, i }).toEqual({ missing: c, i: expect.any(Number) });
      expect(i).toBeGreaterThanOrEqual(0);
      expect(unmatched[i].paragraph).toBeGreaterThan(0);
      unmatched.splice(i, 1);
    }
    // Any other finding would be a false alarm.
    expect(unmatched.map((x) => `${x.code} ${x.message}｜${x.sentence}`)).toEqual([]);
  });

  test('works out each right figure and stays silent on it', () => {
    for (const ok of seed.right) {
      const hit = r.checked.find((c) => c.sentence.includes(ok.sentence) && c.arithmetic.includes(ok.shows));
      expect({ ok, found: !!hit }).toEqual({ ok, found: true });
      const alarm = r.findings.find(
        (x) => x.sentence.includes(ok.sentence) && x.arithmetic.includes(ok.shows.split(' → ')[0]),
      );
      expect(alarm).toBeUndefined();
    }
    for (const s of seed.silent) expect(r.findings.filter((x) => x.sentence.includes(s))).toEqual([]);
  });
});

test('the Sichuan table beside seed 002 (its report): 97.7 and 7.7 agree at one decimal; the 70 and 20 are no table scores', async () => {
  const table = (await checkFile(SICHUAN, settings)).report;
  const r = await check('002_d730022deb94f047.txt', table);
  const t = r.findings.filter((x) => x.code === 'REPORT_TABLE_MISMATCH');
  expect(t.map((x) => [x.severity, x.message])).toEqual([
    ['warning', '得分 70 分在表中找不到：不是哪一项指标或预算执行的得分'],
    ['warning', '得分 20 分在表中找不到：不是哪一项指标或预算执行的得分'],
  ]);
  expect(t[0].sentence).toContain('得分70分，其中50亿元以上项目2个得分20分');
  const held = r.checked.map((c) => `${c.what}：${c.arithmetic}`);
  expect(held).toEqual(
    expect.arrayContaining([
      '总分与表一致：97.7 = 表中计算值 97.68',
      '得分与表一致：7.7 = “协议金额”得分 7.68',
      '支出与表一致：349.78 = 349.78',
      '等级与表一致：优秀 = 优',
    ]),
  );
  // Without the table, the report's own arithmetic (70 + 20 + 7.7 = 97.7) holds: nothing to say.
  const alone = await check('002_d730022deb94f047.txt');
  expect(alone.findings.some((x) => x.sentence.includes('总分97.7分'))).toBe(false);
});

test('a report that copies a wrong table figure: the computed value is named', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SICHUAN);
  const ws = wb.getWorksheet('项目支出绩效自评表')!;
  ws.getCell('J16').value = 7.5; // 10 × 184.2 ÷ 240 = 7.68
  ws.getCell('J29').value = 97.5;
  const table = (await checkBuffer('t.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()), settings)).report;
  const text = '经自评，“协议金额”得7.5分，总分97.5分，等级为优秀。';
  const r = checkReportBytes('r.txt', new TextEncoder().encode(text), settings, table);
  expect(r.findings.map((x) => x.message)).toEqual([
    '总分 97.5 照抄了表中的 97.5，按规则计算应为 97.68',
    '得分 7.5 照抄了表中“协议金额”得分的 7.5，按规则计算应为 7.68',
  ]);
  expect(r.findings[0]).toMatchObject({ paragraph: 1, sentence: text, severity: 'error' });
});
