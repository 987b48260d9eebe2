/**
 * The funds block of a project table, through checkWorkbook: how a rate cell is read (percent text, a bare
 * fraction or percent number, words around it), the total row's score and what is written back, and the
 * 其中 rows adding up to the total (each split of a department table on its own).
 *
 * Central builder (test/helpers/tables.ts): funds header row 5, total row 6 (C 年初预算数, D 全年预算数,
 * E 全年执行数, F 分值, G 执行率, H 得分), 其中 rows 7–9, indicators rows 13–18, total H19, grade C20.
 * The clean table: 557.82 ÷ 584.48 = 95.4386…% → 95.44%; score 10 × 0.954386… = 9.54; indicators 90;
 * total 99.54.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Finding } from '../../src/engine/findings';
import { CellValue } from '../../src/engine/grid';
import { render } from '../../src/engine/messages/findings';
import { resolveSettings, Settings } from '../../src/engine/settings';
import { put } from './layouts-builders';
import { CentralSpec, SheetBuilder, centralClean, centralProject, grid } from '../helpers/tables';
import { all } from '../helpers/findings';

function central(
  mut: (s: CentralSpec) => void = () => {},
  settings?: Partial<Settings>,
  /** Change cells after the table is built (a number format, a header). */
  after: (b: SheetBuilder) => void = () => {},
) {
  const spec = centralClean();
  mut(spec);
  const b = new SheetBuilder();
  centralProject(b, spec);
  after(b);
  return checkWorkbook(grid(b.sheet('兰洽会经费')), resolveSettings(settings));
}

/** The Chinese message of the one finding with this code. */
const zh = (fs: Finding[], code: string): string => {
  const hits = fs.filter((f) => f.code === code);
  expect(hits).toHaveLength(1);
  return render(hits[0], 'zh');
};

/** Sets the total row's rate cell (G6) to `v`, as text or a number without a format. */
const rate = (v: CellValue) => (s: CentralSpec) => {
  s.funds[0][5] = v;
};

describe('a rate cell: percent text, a bare fraction or a bare percent number', () => {
  test('a clean table reads every rate as it shows and writes nothing back', () => {
    const c = central();
    expect(all(c.findings)).toEqual([]);
    expect(c.writes).toEqual([]);
    const f = c.tables[0].funds;
    // Rows 6–9; 上年结转资金 and 其他资金 are 0 ÷ 0: no rate, nothing reported.
    expect(f.map((r) => [r.label, r.row, r.budget, r.executed])).toEqual([
      ['年度资金总额', 6, '584.48', '557.82'],
      ['当年财政拨款', 7, '584.48', '557.82'],
      ['上年结转资金', 8, '0.00', '0.00'],
      ['其他资金', 9, '0.00', '0.00'],
    ]);
    expect(f[0].rate).toEqual({ cell: 'G6', computed: '95.44', reported: '95.44' });
    expect(f[0].score).toEqual({ cell: 'H6', weight: '10', computed: '9.54', reported: '9.54' });
  });

  test('words before or after a percentage make the rate UNPARSEABLE, quoted as written', () => {
    const before = central(rate('约95%'));
    expect(all(before.findings)).toEqual(['UNPARSEABLE@G6']);
    expect(zh(before.findings, 'UNPARSEABLE')).toBe('执行率应为百分数，表内为“约95%”');
    expect(before.tables[0].funds[0].rate).toEqual({ cell: 'G6', computed: '95.44', reported: null });

    const after = central(rate('95%左右'));
    expect(all(after.findings)).toEqual(['UNPARSEABLE@G6']);
    expect(zh(after.findings, 'UNPARSEABLE')).toBe('执行率应为百分数，表内为“95%左右”');
    // Nothing is written over a cell the checker could not read.
    expect(after.writes).toEqual([]);
  });

  test('a doubled percent sign (95.44%%) is still 95.44%; a leading minus sign is a negative rate', () => {
    const doubled = central(rate('95.44%%'));
    expect(all(doubled.findings)).toEqual([]);
    expect(doubled.tables[0].funds[0].rate?.reported).toBe('95.44');

    // -5% is read (not UNPARSEABLE) and disagrees with 95.44%.
    const minus = central(rate('-5%'));
    expect(all(minus.findings)).toEqual(['RATE_MISMATCH@G6']);
    expect(zh(minus.findings, 'RATE_MISMATCH')).toBe('年度资金总额：执行率应为 95.44%（557.82 ÷ 584.48），表内为 -5%');

    // A stray second minus (--5%) is tolerated the same way: the number read is -5%.
    const doubledMinus = central(rate('--5%'));
    expect(all(doubledMinus.findings)).toEqual(['RATE_MISMATCH@G6']);
    expect(doubledMinus.tables[0].funds[0].rate?.reported).toBe('-5');
  });

  test('the text 0.9544 is a fraction: 95.44%, two decimals fewer than written', () => {
    const c = central(rate('0.9544'));
    expect(all(c.findings)).toEqual([]);
    // 0.9544 × 100 = 95.44, shown with 4 − 2 = 2 decimals.
    expect(c.tables[0].funds[0].rate).toEqual({ cell: 'G6', computed: '95.44', reported: '95.44' });
    expect(c.writes).toEqual([]);
  });

  test('the text 0.9 is read as 90% (a fraction, at most 2) when neither reading agrees', () => {
    // 90% and 0.9% both disagree with 95.44%: a bare number up to 2 is a fraction.
    const c = central(rate('0.9'));
    expect(all(c.findings)).toEqual(['RATE_MISMATCH@G6']);
    expect(zh(c.findings, 'RATE_MISMATCH')).toBe('年度资金总额：执行率应为 95.44%（557.82 ÷ 584.48），表内为 90%');
    expect(c.tables[0].funds[0].rate?.reported).toBe('90');
    // The text cell gets the rate as a fraction with a percent format.
    expect(c.writes).toStrictEqual([{ sheet: '兰洽会经费', row: 5, col: 6, value: 0.9544, numFmt: '0.00%' }]);
  });

  test('the text 95 is percent units; it agrees at no decimals and the fraction is written back', () => {
    // 95.4386…% rounded to 0 decimals is 95: it agrees; the cell gains precision (agrees: true).
    const c = central(rate('95'));
    expect(all(c.findings)).toEqual([]);
    expect(c.tables[0].funds[0].rate?.reported).toBe('95');
    // A text cell is never "percent units" to write back into: the fraction 0.9544 with a percent format.
    expect(c.writes).toStrictEqual([
      { sheet: '兰洽会经费', row: 5, col: 6, value: 0.9544, numFmt: '0.00%', agrees: true },
    ]);
  });

  test('a number 95 formatted 0.00 is percent units: 95.44 is written in those units, keeping the format', () => {
    const c = central(
      () => {},
      {},
      (b) => b.set(5, 6, 95, '0.00'),
    );
    // 95.00 at 2 decimals against 95.44: a mismatch.
    expect(all(c.findings)).toEqual(['RATE_MISMATCH@G6']);
    expect(zh(c.findings, 'RATE_MISMATCH')).toBe('年度资金总额：执行率应为 95.44%（557.82 ÷ 584.48），表内为 95.00%');
    expect(c.writes).toStrictEqual([{ sheet: '兰洽会经费', row: 5, col: 6, value: 95.44, numFmt: '0.00' }]);
  });

  test('a percent-formatted 0 (0.00%) is a fraction cell: 0.9544 is written, not 95.44', () => {
    const c = central(rate(0));
    expect(all(c.findings)).toEqual(['RATE_MISMATCH@G6']);
    expect(zh(c.findings, 'RATE_MISMATCH')).toBe('年度资金总额：执行率应为 95.44%（557.82 ÷ 584.48），表内为 0.00%');
    expect(c.writes).toStrictEqual([{ sheet: '兰洽会经费', row: 5, col: 6, value: 0.9544, numFmt: '0.00%' }]);
  });

  test('a percent-formatted 0.96 that disagrees is replaced by the fraction 0.9544', () => {
    const c = central(rate(0.96));
    expect(all(c.findings)).toEqual(['RATE_MISMATCH@G6']);
    expect(c.writes).toStrictEqual([{ sheet: '兰洽会经费', row: 5, col: 6, value: 0.9544, numFmt: '0.00%' }]);
  });

  test('an empty rate cell is filled with the fraction and a percent format', () => {
    const c = central(rate(null));
    expect(all(c.findings)).toEqual([]);
    expect(c.tables[0].funds[0].rate).toEqual({ cell: 'G6', computed: '95.44', reported: null });
    expect(c.writes).toStrictEqual([{ sheet: '兰洽会经费', row: 5, col: 6, value: 0.9544, numFmt: '0.00%' }]);
  });

  test('a bare number is read as fraction or percent, whichever agrees with the computed rate', () => {
    // Total 950 ÷ 1000 = 95%. 上年结转资金 0.6 ÷ 40 = 1.5%: the text 1.5 agrees as percent (150% would not).
    // 其他资金 50 ÷ 20 = 250%: the text 2.5 agrees as a fraction (2.5% would not), shown with
    // max(0, 1 − 2) = 0 decimals. 当年财政拨款 899.4 ÷ 940 = 95.6808…% → 95.68%.
    // Budgets 940 + 40 + 20 = 1000, executed 899.4 + 0.6 + 50 = 950: the 其中 rows add up.
    const c = central((s) => {
      s.funds = [
        ['年度资金总额', 1000, 1000, 950, 10, 0.95, 9.5],
        ['其中：当年财政拨款', 940, 940, 899.4, '—', '95.68%', '—'],
        ['上年结转资金', 40, 40, 0.6, '—', '1.5', '—'],
        ['其他资金', 20, 20, 50, '—', '2.5', '—'],
      ];
      s.total = [100, 99.5];
    });
    expect(all(c.findings)).toEqual(['OVERSPENT@E9']);
    expect(zh(c.findings, 'OVERSPENT')).toBe('其他资金：执行数 50.00 超过预算数 20.00，请说明');
    expect(c.tables[0].funds.map((r) => r.rate)).toEqual([
      { cell: 'G6', computed: '95.00', reported: '95.00' },
      { cell: 'G7', computed: '95.68', reported: '95.68' },
      { cell: 'G8', computed: '1.50', reported: '1.5' },
      { cell: 'G9', computed: '250.00', reported: '250' },
    ]);
    expect(c.writes).toEqual([]);
  });
});

describe('the total row score', () => {
  test('an empty score is filled: SCORE_FILLED names the formula, the write has the score format', () => {
    const c = central((s) => (s.funds[0][6] = null));
    expect(all(c.findings)).toEqual(['SCORE_FILLED@H6']);
    expect(zh(c.findings, 'SCORE_FILLED')).toBe('年度资金总额：得分为空，已填入 9.54（95.44% × 10）');
    expect(c.writes).toStrictEqual([{ sheet: '兰洽会经费', row: 5, col: 7, value: 9.54, numFmt: '0.00' }]);
  });

  test('with one score decimal the filled score is 9.5 written as 0.0', () => {
    // 9.5438… → 9.5; total 9.5 + 90 = 99.5, and the table's 99.54 read at 1 decimal is 99.5: agrees.
    const c = central((s) => (s.funds[0][6] = null), { scoreDecimals: 1 });
    expect(all(c.findings)).toEqual(['SCORE_FILLED@H6']);
    expect(zh(c.findings, 'SCORE_FILLED')).toBe('年度资金总额：得分为空，已填入 9.5（95.44% × 10）');
    expect(c.writes).toStrictEqual([
      { sheet: '兰洽会经费', row: 5, col: 7, value: 9.5, numFmt: '0.0' },
      { sheet: '兰洽会经费', row: 18, col: 7, value: 99.5, numFmt: '0.0', agrees: true },
    ]);
  });

  test('a score above its weight is SCORE_OVER_WEIGHT only, with weight and formula in the message', () => {
    const c = central((s) => (s.funds[0][6] = 12));
    expect(all(c.findings)).toEqual(['SCORE_OVER_WEIGHT@H6']);
    expect(zh(c.findings, 'SCORE_OVER_WEIGHT')).toBe('年度资金总额：得分 12 超过分值 10，应为 9.54（95.44% × 10）');
    expect(c.writes).toStrictEqual([{ sheet: '兰洽会经费', row: 5, col: 7, value: 9.54, numFmt: '0.00' }]);
  });

  test('a wrong score is SCORE_MISMATCH with the arithmetic (rate × weight)', () => {
    const c = central((s) => (s.funds[0][6] = 9));
    expect(all(c.findings)).toEqual(['SCORE_MISMATCH@H6']);
    expect(zh(c.findings, 'SCORE_MISMATCH')).toBe('年度资金总额：得分应为 9.54（95.44% × 10），表内为 9');
    expect(render(c.findings[0], 'en')).toBe('年度资金总额: the score should be 9.54 (95.44% × 10), the cell says 9');
  });

  test('a truncated score (9.99 for 9.9998) is ROUNDING, not SCORE_MISMATCH', () => {
    // 499.99 ÷ 500 = 99.998% (shown 99.99%: ROUNDING); score 10 × 0.99998 = 9.9998 → 10.00, cell 9.99.
    const c = central((s) => {
      s.funds = [
        ['年度资金总额', 500, 500, 499.99, 10, 0.9999, 9.99],
        ['其中：当年财政拨款', 500, 500, 499.99, '—', 0.9999, '—'],
      ];
      s.total = [100, 100];
    });
    // The total: 10.00 + 90 = 100 agrees (total row on row 17 with two funds rows).
    expect(all(c.findings)).toEqual(['ROUNDING@G6', 'ROUNDING@G7', 'ROUNDING@H6']);
    const score = c.findings.find((f) => f.cell === 'H6')!;
    expect(score.id).toBe('score');
    expect(render(score, 'zh')).toBe('年度资金总额：得分应为 10.00（100.00% × 10），表内为 9.99');
  });
});

describe('the 其中 rows add up to the total row', () => {
  const fundsRows = (rows: CentralSpec['funds']) => (s: CentralSpec) => {
    s.funds = [s.funds[0], ...rows];
  };

  test('其中 rows with nothing in them (all dashes) are not added up', () => {
    const c = central(fundsRows([['其中：当年财政拨款', '—', '—', '—', '—', null, '—']]));
    expect(all(c.findings)).toEqual([]);
  });

  test('a 其中 row with a budget only is added up: its missing executed makes the executed sum 0', () => {
    // Budget 584.48 = 584.48; executed 0 (其他资金 has nothing) ≠ 557.82 → on the total's executed E6.
    const c = central(
      fundsRows([
        ['其中：当年财政拨款', 110, 584.48, '—', '—', null, '—'],
        ['其他资金', '—', '—', '—', '—', null, '—'],
      ]),
    );
    expect(all(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@E6']);
    expect(zh(c.findings, 'FUNDS_SUBTOTAL_MISMATCH')).toBe('年度资金总额的执行数为 557.82，其中各行合计为 0，两者不符');
  });

  test('a 其中 row with an executed amount only is added up: the budget sum 0 is flagged on D6', () => {
    // The row itself has money executed against no budget: BUDGET_ZERO on its (fallback) budget cell C7.
    const c = central(fundsRows([['其中：当年财政拨款', '—', '—', 557.82, '—', null, '—']]));
    expect(all(c.findings)).toEqual(['BUDGET_ZERO@C7', 'FUNDS_SUBTOTAL_MISMATCH@D6']);
    expect(zh(c.findings, 'FUNDS_SUBTOTAL_MISMATCH')).toBe('年度资金总额的预算数为 584.48，其中各行合计为 0，两者不符');
    expect(
      render(
        c.findings.find((f) => f.cell === 'D6')!,
        'en',
      ),
    ).toBe('年度资金总额: budget is 584.48 but the rows under it add up to 0');
  });

  test('a 其中 row adds its 全年预算数 column, not its 年初预算数, even when its rate falls back to it', () => {
    // 当年财政拨款: 全年预算数 empty, 年初预算数 584.48 → its rate is 557.82 ÷ 584.48 = 95.44% (agrees),
    // but the budget column adds up to 0 against the total's 584.48.
    const c = central(fundsRows([['其中：当年财政拨款', 584.48, '—', 557.82, '—', 0.9544, '—']]));
    expect(all(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D6']);
    expect(c.tables[0].funds[1]).toEqual({
      label: '当年财政拨款',
      row: 7,
      budget: '584.48',
      executed: '557.82',
      rate: { cell: 'G7', computed: '95.44', reported: '95.44' },
      score: null,
    });
  });

  test('a total row with only 年初预算数 is scored on it', () => {
    // Both rows: 全年预算数 '—', 年初预算数 584.48 → rate 95.44%, score 9.54; the budget column adds up
    // (0 = 0), the executed one too (557.82 = 557.82).
    const c = central((s) => {
      s.funds = [
        ['年度资金总额', 584.48, '—', 557.82, 10, 0.9544, 9.54],
        ['其中：当年财政拨款', 584.48, '—', 557.82, '—', 0.9544, '—'],
      ];
    });
    expect(all(c.findings)).toEqual([]);
    expect(c.tables[0].funds[0]).toEqual({
      label: '年度资金总额',
      row: 6,
      budget: '584.48',
      executed: '557.82',
      rate: { cell: 'G6', computed: '95.44', reported: '95.44' },
      score: { cell: 'H6', weight: '10', computed: '9.54', reported: '9.54' },
    });
    expect(c.tables[0].total).toEqual({ cell: 'H17', weight: '100', computed: '99.54', reported: '99.54' });
  });

  test('an unreadable 其中 budget is reported once and counts as nothing in the sum', () => {
    const c = central((s) => (s.funds[1][2] = '约584万'));
    expect(all(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D6', 'UNPARSEABLE@D7']);
    expect(zh(c.findings, 'UNPARSEABLE')).toBe('当年财政拨款的预算数应为数字，表内为“约584万”');
  });

  test('an unreadable total budget is not compared with the 其中 rows', () => {
    // No rate without a budget: no funds score, total 0 + 90 = 90 against 99.54, weights 90 against 100.
    const c = central((s) => (s.funds[0][2] = '约584万'));
    expect(all(c.findings)).toEqual(['TOTAL_MISMATCH@H19', 'UNPARSEABLE@D6', 'WEIGHT_SUM@G19']);
  });

  test('amounts compare at the total’s decimals but never fewer than 2: 200 + 100.4 is not 300', () => {
    // Total 300 (0 decimals); 其中 200 + 100.4 = 300.4, at 2 decimals 300.40 ≠ 300.
    // Rates: 280 ÷ 300 = 93.33%, 180 ÷ 200 = 90%; 100 ÷ 100.4 = 99.60…% is written into the empty G8.
    const c = central((s) => {
      s.funds = [
        ['年度资金总额', 300, 300, 280, 10, 0.9333, 9.33],
        ['其中：当年财政拨款', 200, 200, 180, '—', 0.9, '—'],
        ['其他资金', 100.4, 100.4, 100, '—', null, '—'],
      ];
      s.total = [100, 99.33];
    });
    expect(all(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D6']);
    expect(zh(c.findings, 'FUNDS_SUBTOTAL_MISMATCH')).toBe(
      '年度资金总额的预算数为 300，其中各行合计为 300.4，两者不符',
    );
  });
});

describe('a department table splits its total twice: by source and by type of spending', () => {
  /** 部门整体 funds: total 1000 / 950; 按收入性质分 one row; 按支出性质分 基本支出 650/640 + 项目支出. */
  function department(income: number, projects: number) {
    const b = new SheetBuilder();
    put(b, 0, 0, [
      ['部门整体支出绩效自评表'],
      ['部门（单位）名称', null, '某区文化和旅游局'],
      ['年度资金总额（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', 900, 1000, 950, 10, '95.00%', 9.5],
      [null, '按收入性质分：财政拨款', 900, income, 950, null, '—'],
      [null, '按支出性质分：基本支出', 600, 650, 640, null, '—'],
      [null, '项目支出', 300, projects, 310, null, '—'],
      ['年度总体目标', '全面完成年度文化旅游工作任务。'],
      ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '送戏下乡场次', '≥60场', '62场', 40, 40],
      ['效益指标', '社会效益指标', '群众文化获得感', '有效提升', '有效提升', 40, 40],
      ['满意度指标', '满意度指标', '群众满意度', '≥90%', '93%', 10, 10],
      ['总分', null, null, null, null, 100, 99.5],
      ['自评等级', '优'],
    ]);
    b.merge(0, 0, 0, 7);
    b.merge(2, 0, 6, 0);
    return checkWorkbook(grid(b.sheet('部门整体')));
  }

  test('both splits add up: no finding', () => {
    // 收入: 1000 / 950; 支出: 650 + 350 = 1000, 640 + 310 = 950.
    expect(all(department(1000, 350).findings)).toEqual([]);
  });

  test('the split by source names its group in the message', () => {
    const c = department(990, 350);
    expect(all(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D4']);
    expect(zh(c.findings, 'FUNDS_SUBTOTAL_MISMATCH')).toBe(
      '年度资金总额的预算数为 1000，按收入性质分的各行合计为 990，两者不符',
    );
  });

  test('the split by type of spending names its group in the message', () => {
    // 650 + 340 = 990.
    const c = department(1000, 340);
    expect(all(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D4']);
    expect(zh(c.findings, 'FUNDS_SUBTOTAL_MISMATCH')).toBe(
      '年度资金总额的预算数为 1000，按支出性质分的各行合计为 990，两者不符',
    );
  });

  test('both splits wrong on the same cell: one finding, the first split’s', () => {
    const c = department(990, 340);
    expect(all(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D4']);
    expect(zh(c.findings, 'FUNDS_SUBTOTAL_MISMATCH')).toBe(
      '年度资金总额的预算数为 1000，按收入性质分的各行合计为 990，两者不符',
    );
  });
});
