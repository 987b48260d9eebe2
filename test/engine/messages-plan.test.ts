/**
 * The words substituted into findings — where a reason belongs (原因栏 / 备注栏), which group of funds
 * rows (按收入性质分的 / 按支出性质分的 / 其中), which block lacks a column (资金表 / 绩效指标表 / 汇总表),
 * the qualitative band (达成 / 部分达成 / 未达成) and the English month names — each reached through a
 * real-looking table that raises the finding, then rendered in both languages and compared word for word.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Finding } from '../../src/engine/findings';
import { render } from '../../src/engine/messages/findings';
import { CentralSpec, SheetBuilder, centralClean, centralProject, grid, summaryTable } from '../helpers/tables';
import { all } from '../helpers/findings';
import { operatorColumn } from './layouts-builders';

function central(mut: (s: CentralSpec) => void, sheet = '兰洽会经费') {
  const spec = centralClean();
  mut(spec);
  const b = new SheetBuilder();
  centralProject(b, spec);
  return checkWorkbook(grid(b.sheet(sheet)));
}

/** One finding's words: [zh, en]. */
const words = (fs: Finding[], code: string, cell: string): [string, string] => {
  const f = fs.find((x) => x.code === code && x.cell === cell)!;
  return [render(f, 'zh'), render(f, 'en')];
};

// Central builder: funds total on row 6 (D budget, E executed, G rate, H score), 其中 on row 7, the
// indicator header on row 12, indicators from row 13 (E target, F actual, H score, I reason), total on
// row 19, grade in C20. Summary builder: header on row 2, projects from row 3 (E rate, H 备注).

describe('where the missing reason belongs and which funds rows disagree', () => {
  test('a project funds block under 90% with no reason names the 原因栏; its 其中 row that disagrees names 其中', () => {
    // Executed 500 of 584.48: 500 ÷ 584.48 = 0.855461… → 85.55% < 90%, score 10 × 85.55% = 8.55;
    // total 8.55 + 90 = 98.55 (优). The 其中 row's budget 580 ≠ the total's 584.48.
    const c = central((s) => {
      s.funds[0] = ['年度资金总额', 110, 584.48, 500, 10, 0.8555, 8.55];
      s.funds[1] = ['其中：当年财政拨款', 110, 580, 500, '—', 0.8621, '—'];
      s.total = [100, 98.55];
    });
    expect(all(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D6', 'LOW_EXECUTION@G6']);
    expect(words(c.findings, 'LOW_EXECUTION', 'G6')).toEqual([
      '年度资金总额：预算执行率 85.55% 低于 90%，原因栏未说明原因',
      '年度资金总额: execution rate 85.55% is under 90% with no reason given',
    ]);
    expect(words(c.findings, 'FUNDS_SUBTOTAL_MISMATCH', 'D6')).toEqual([
      '年度资金总额的预算数为 584.48，其中各行合计为 580，两者不符',
      '年度资金总额: budget is 584.48 but the rows under it add up to 580',
    ]);
  });

  test('a summary row under 90% with an empty 备注 names the 备注栏; a row with a 备注 is not flagged', () => {
    // 80 ÷ 100 = 80.00% and 40 ÷ 50 = 80.00%, both under 90%; the second row says why in its 备注.
    const b = new SheetBuilder();
    summaryTable(b, {
      rows: [
        [1, '机关运行保障', 100, 80, 0.8, 85, '良'],
        [2, '信息系统运维', 50, 40, 0.8, 85, '良', '设备采购延期至次年'],
      ],
      total: [150, 120, 0.8],
    });
    const c = checkWorkbook(grid(b.sheet('汇总表')));
    expect(all(c.findings)).toEqual(['LOW_EXECUTION@E3']);
    expect(words(c.findings, 'LOW_EXECUTION', 'E3')).toEqual([
      '机关运行保障：预算执行率 80.00% 低于 90%，备注栏未说明原因',
      '机关运行保障: execution rate 80.00% is under 90% with no reason given',
    ]);
  });

  test('funds split by 收入性质 and 支出性质: each group that does not add up is named by its own words', () => {
    const s = operatorColumn();
    // 按收入性质分：财政拨款 executed 152 → 150: 150 + 0 (其他资金) = 150 ≠ 152 executed in total (E4).
    s.values[4][4] = 150;
    // 项目支出 budget 50 → 45: 110 (基本支出) + 45 = 155 ≠ 160 budget in total (D4).
    s.values[7][3] = 45;
    const c = checkWorkbook(grid(s));
    expect(all(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D4', 'FUNDS_SUBTOTAL_MISMATCH@E4']);
    expect(words(c.findings, 'FUNDS_SUBTOTAL_MISMATCH', 'E4')).toEqual([
      '年度资金总额的执行数为 152，按收入性质分的各行合计为 150，两者不符',
      '年度资金总额: executed is 152 but the rows under it add up to 150',
    ]);
    expect(words(c.findings, 'FUNDS_SUBTOTAL_MISMATCH', 'D4')).toEqual([
      '年度资金总额的预算数为 160，按支出性质分的各行合计为 155，两者不符',
      '年度资金总额: budget is 160 but the rows under it add up to 155',
    ]);
  });
});

describe('which block lacks a column', () => {
  test('an indicator block without 完成值 and 得分 columns: 绩效指标表, the columns listed 、 / , joined', () => {
    // 实际完成值 → 完成情况说明, 得分 → 备注: neither is a column the engine reads.
    const b = new SheetBuilder();
    centralProject(b, centralClean());
    const s = b.sheet('兰洽会经费');
    s.values[11][5] = '完成情况说明';
    s.values[11][7] = '备注';
    const c = checkWorkbook(grid(s));
    // Without a score column the indicators add nothing: total 9.54 (funds only) ≠ 99.54, grade 差 ≠ 优.
    expect(all(c.findings)).toEqual(['COLUMN_MISSING@A12', 'GRADE_MISMATCH@C20', 'TOTAL_MISMATCH@H19']);
    expect(words(c.findings, 'COLUMN_MISSING', 'A12')).toEqual([
      '绩效指标表缺少“完成值、得分”列',
      'the indicator block lacks the column(s) 完成值, 得分',
    ]);
  });

  test('a summary table without a 预算执行率 column: 汇总表', () => {
    const b = new SheetBuilder();
    summaryTable(b, { rows: [[1, '机关运行保障', 100, 100, 1, 95, '优']], total: [100, 100, 1] });
    const s = b.sheet('汇总表');
    s.values[1][4] = '执行情况';
    const c = checkWorkbook(grid(s));
    expect(all(c.findings)).toEqual(['COLUMN_MISSING@A2']);
    expect(words(c.findings, 'COLUMN_MISSING', 'A2')).toEqual([
      '汇总表缺少“预算执行率”列',
      'the summary lacks the column(s) 预算执行率',
    ]);
  });

  test('the funds block’s words (the catalogue entry; a funds header always has both amount columns)', () => {
    // A header row is only read as a funds block when it has a budget and an executed column, so no
    // table raises this; the catalogue still words it for any host that renders it.
    const f = { code: 'COLUMN_MISSING' as const, id: 'default', params: { block: 'funds', columns: '全年执行数' } };
    expect([render(f, 'zh'), render(f, 'en')]).toEqual([
      '资金表缺少“全年执行数”列',
      'the funds block lacks the column(s) 全年执行数',
    ]);
  });
});

describe('qualitative bands', () => {
  test('达成 / 部分达成 / 未达成 in the out-of-band message, and the band of an unscored indicator', () => {
    // Bands (mof2020): 达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight.
    // 新区对外影响力 w 20 达成: 16–20, scored 10. 招商品牌知名度 w 15 部分达成: 9–12, scored 15.
    // 产业集聚效应 w 15 未达成: 0–9, scored 12. 长效合作机制 w 10 部分建立 (部分达成): 6–8, no score.
    // Total 9.54 + 20 + 10 + 15 + 12 + 0 + 10 = 76.54 → 中.
    const c = central((s) => {
      s.indicators = [
        ['产出指标', '数量指标', '布展特色产业馆数量', '≥3个', '3个', 20, 20],
        ['效益指标', '社会效益指标', '新区对外影响力', '有效提升', '达成预期', 20, 10],
        [null, null, '招商品牌知名度', '有效提升', '部分达成', 15, 15],
        [null, null, '产业集聚效应', '明显增强', '未达成', 15, 12],
        [null, '可持续影响指标', '长效合作机制', '基本建立', '部分建立', 10, null],
        ['满意度指标', '服务对象满意度指标', '参展客商满意度', '≥90%', '92%', 10, 10],
      ];
      s.total = [100, 76.54];
      s.grade = '中';
    });
    expect(all(c.findings)).toEqual([
      'QUALITATIVE_OUT_OF_BAND@H14',
      'QUALITATIVE_OUT_OF_BAND@H15',
      'QUALITATIVE_OUT_OF_BAND@H16',
      'QUALITATIVE_UNSCORED@H17',
    ]);
    expect(words(c.findings, 'QUALITATIVE_OUT_OF_BAND', 'H14')).toEqual([
      '新区对外影响力：完成情况“达成预期”属于“达成”，得分应在 16–20 之间，表内为 10',
      '新区对外影响力: "达成预期" is achieved; the score should lie in 16–20, the cell says 10',
    ]);
    expect(words(c.findings, 'QUALITATIVE_OUT_OF_BAND', 'H15')).toEqual([
      '招商品牌知名度：完成情况“部分达成”属于“部分达成”，得分应在 9–12 之间，表内为 15',
      '招商品牌知名度: "部分达成" is partly achieved; the score should lie in 9–12, the cell says 15',
    ]);
    expect(words(c.findings, 'QUALITATIVE_OUT_OF_BAND', 'H16')).toEqual([
      '产业集聚效应：完成情况“未达成”属于“未达成”，得分应在 0–9 之间，表内为 12',
      '产业集聚效应: "未达成" is not achieved; the score should lie in 0–9, the cell says 12',
    ]);
    expect(words(c.findings, 'QUALITATIVE_UNSCORED', 'H17')).toEqual([
      '长效合作机制：定性指标没有得分，需要评价人判断（“部分达成”对应 6–8 分）',
      '长效合作机制: the qualitative indicator has no score; a person must judge it (partly achieved: 6–8 points)',
    ]);
  });
});

describe('dates in words', () => {
  // Twelve acceptance deadlines, one a month, each met ten days into the next month; the June one is
  // written without a year (6月底前 / 7月10日). Weight 7.5 each (12 × 7.5 = 90), scored 0 when late:
  // total 9.54 + 0 = 9.54 → 差.
  const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  // Built again before each test (not while Jest collects the tests), so that the mutation run sees which test
  // reaches which code (docs/mutation.md).
  let c: ReturnType<typeof central>;
  let late: Finding[];
  beforeEach(() => {
    c = central((s) => {
      s.indicators = DAYS.map((days, i) => {
        const m = i + 1;
        const target = m === 6 ? '6月底前' : `2023年${m}月${days}日前`;
        const actual = m === 6 ? '7月10日' : m === 12 ? '2024年1月10日' : `2023年${m + 1}月10日`;
        return [m === 1 ? '产出指标' : null, m === 1 ? '时效指标' : null, `第${m}批次验收`, target, actual, 7.5, 0];
      });
      s.total = [100, 9.54];
      s.grade = '差';
    }, '时效');
    late = c.findings.filter((f) => f.code === 'DATE_NOT_MET');
  });

  test('each late deadline raises DATE_NOT_MET on its actual and a missing reason beside it', () => {
    const rows = DAYS.map((_, i) => 13 + i);
    expect(all(c.findings)).toEqual(
      [...rows.map((r) => `DATE_NOT_MET@F${r}`), ...rows.map((r) => `UNMET_NO_REASON@I${r}`)].sort(),
    );
  });

  test('English names every month: “31 Jan 2023” … “31 Dec 2023”, no year when the table gives none', () => {
    expect(late.map((f) => render(f, 'en'))).toEqual([
      '第1批次验收: completed 10 Feb 2023, after the deadline 31 Jan 2023; scores 0',
      '第2批次验收: completed 10 Mar 2023, after the deadline 28 Feb 2023; scores 0',
      '第3批次验收: completed 10 Apr 2023, after the deadline 31 Mar 2023; scores 0',
      '第4批次验收: completed 10 May 2023, after the deadline 30 Apr 2023; scores 0',
      '第5批次验收: completed 10 Jun 2023, after the deadline 31 May 2023; scores 0',
      '第6批次验收: completed 10 Jul, after the deadline 30 Jun; scores 0',
      '第7批次验收: completed 10 Aug 2023, after the deadline 31 Jul 2023; scores 0',
      '第8批次验收: completed 10 Sep 2023, after the deadline 31 Aug 2023; scores 0',
      '第9批次验收: completed 10 Oct 2023, after the deadline 30 Sep 2023; scores 0',
      '第10批次验收: completed 10 Nov 2023, after the deadline 31 Oct 2023; scores 0',
      '第11批次验收: completed 10 Dec 2023, after the deadline 30 Nov 2023; scores 0',
      '第12批次验收: completed 10 Jan 2024, after the deadline 31 Dec 2023; scores 0',
    ]);
  });

  test('Chinese dates with and without a year, in DATE_NOT_MET and the missing-reason message', () => {
    const at = (code: string, cell: string) => words(c.findings, code, cell)[0];
    expect(at('DATE_NOT_MET', 'F13')).toBe('第1批次验收：完成时间 2023年2月10日 晚于目标 2023年1月31日，按 0 分计');
    expect(at('DATE_NOT_MET', 'F18')).toBe('第6批次验收：完成时间 7月10日 晚于目标 6月30日，按 0 分计');
    expect(at('UNMET_NO_REASON', 'I18')).toBe('第6批次验收：完成时间晚于 6月30日，请填写偏差原因');
    expect(words(c.findings, 'UNMET_NO_REASON', 'I24')).toEqual([
      '第12批次验收：完成时间晚于 2023年12月31日，请填写偏差原因',
      '第12批次验收: completed after the deadline 31 Dec 2023; give the reason',
    ]);
    // The data behind the June words: a date without a year is carried as `-month-day`.
    expect(late[5].params).toEqual({ label: '第6批次验收', actualDate: '-7-10', deadline: '-6-30' });
  });
});

test('a message id the catalogue does not have renders as the bare code', () => {
  // A finding from a newer engine read by an older host: its code, never a crash.
  const f = { code: 'ROUNDING' as const, id: 'coefficient', params: { reported: '77' } };
  expect([render(f, 'zh'), render(f, 'en')]).toEqual(['ROUNDING', 'ROUNDING']);
});
