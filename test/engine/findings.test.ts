/**
 * Every finding code of docs/rules.md ("Findings"), each raised by a real-looking table with one defect,
 * on the cell a person must change — and a clean table raises nothing.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Finding } from '../../src/engine/findings';
import { resolveSettings, Settings } from '../../src/engine/settings';
import {
  CentralSpec,
  SheetBuilder,
  SichuanSpec,
  centralClean,
  centralProject,
  grid,
  sichuanExample,
  sichuanProject,
  summaryTable,
} from '../helpers/tables';
import { all, serious } from '../helpers/findings';
import { render } from '../../src/engine/messages/findings';

function sichuan(mut: (s: SichuanSpec) => void = () => {}, settings?: Partial<Settings>) {
  const spec = sichuanExample();
  mut(spec);
  const b = new SheetBuilder();
  sichuanProject(b, spec);
  return checkWorkbook(grid(b.sheet('项目支出绩效自评表')), resolveSettings(settings));
}

function central(mut: (s: CentralSpec) => void = () => {}, settings?: Partial<Settings>) {
  const spec = centralClean();
  mut(spec);
  const b = new SheetBuilder();
  centralProject(b, spec);
  return checkWorkbook(grid(b.sheet('兰洽会经费')), resolveSettings(settings));
}

const one = (fs: Finding[], code: string) => fs.find((f) => f.code === code)!;

// Sichuan builder: funds total on row 5 (G5 rate, I5 score), indicators from row 11 (H actual, J score,
// K reason), total on row 25 (I25 weight, J25 score), grade in B26.
// Central builder: funds total on row 6 (G6 rate, H6 score), indicator header on row 12, indicators from
// row 13 (E target, F actual, H score, I reason), total on row 19 (G19/H19), grade in C20.

describe('clean tables raise nothing', () => {
  test('a clean central table: no finding at all; total 99.54, grade 优', () => {
    const c = central();
    expect(all(c.findings)).toEqual([]);
    expect(c.tables[0].total).toMatchObject({ cell: 'H19', computed: '99.54', reported: '99.54' });
    expect(c.tables[0].grade).toMatchObject({ cell: 'C20', computed: '优' });
  });
  test('the Sichuan example built from scratch gives the shared example’s findings', () => {
    const c = sichuan();
    expect(serious(c.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'OVERACHIEVED@H11',
    ]);
    expect(c.tables[0].total?.computed).toBe('97.68');
  });
});

describe('funds findings', () => {
  test('RATE_MISMATCH: 96% printed for 557.82 ÷ 584.48 = 95.44%', () => {
    const c = central((s) => {
      s.funds[0][5] = '96%';
    });
    expect(serious(c.findings)).toEqual(['RATE_MISMATCH@G6']);
    expect(render(one(c.findings, 'RATE_MISMATCH'), 'zh')).toContain('95.44%');
  });
  test('a rate is compared at the decimals it shows: 95% for 95.44% agrees (95.4% too), 95.5% does not', () => {
    expect(serious(central((s) => (s.funds[0][5] = '95%')).findings)).toEqual([]);
    expect(serious(central((s) => (s.funds[0][5] = '95.4%')).findings)).toEqual([]);
    expect(serious(central((s) => (s.funds[0][5] = '95.5%')).findings)).toEqual(['RATE_MISMATCH@G6']);
  });
  test('ROUNDING: 99.99% printed for 99.998%', () => {
    const c = central((s) => {
      s.funds[0] = ['年度资金总额', 500, 500, 499.99, 10, 0.9999, 10];
      s.funds[1] = ['其中：当年财政拨款', 500, 500, 499.99, '—', 0.9999, '—'];
      s.total = [100, 100];
    });
    expect(serious(c.findings)).toEqual([]);
    expect(all(c.findings)).toEqual(['ROUNDING@G6', 'ROUNDING@G7']);
  });
  test('FUNDS_SUBTOTAL_MISMATCH: 年度资金总额 0/0/0 over 其中 90/89.974 (the published 2022 table)', () => {
    const c = central((s) => {
      s.funds[0] = ['年度资金总额', 0, 0, 0, 10, null, 10];
      s.funds[1] = ['其中：本年财政拨款', 90, 90, 89.974, '—', 0.9997, '—'];
      s.total = [100, 100]; // 0 ÷ 0 cannot be scored: the reported 10 is kept
    });
    expect(serious(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@D6', 'FUNDS_SUBTOTAL_MISMATCH@E6']);
    expect(render(one(c.findings, 'FUNDS_SUBTOTAL_MISMATCH'), 'zh')).toContain('90');
  });
  test('BUDGET_ZERO on the budget cell when money was spent against a budget of 0', () => {
    // No rate, so the funds score cannot be computed and the reported 10 is kept (scoring.md: nothing to
    // score): 10 + 90 = 100. The table's own total 99.54 therefore disagrees — TOTAL_MISMATCH is right.
    const c = central((s) => {
      s.funds[0] = ['年度资金总额', 0, 0, 5, 10, null, 10];
      s.funds[1] = ['其中：当年财政拨款', 0, 0, 5, '—', null, '—'];
    });
    expect(all(c.findings)).toEqual(['BUDGET_ZERO@D6', 'BUDGET_ZERO@D7', 'TOTAL_MISMATCH@H19']);
    expect(c.tables[0].total?.computed).toBe('100.00');
    const consistent = central((s) => {
      s.funds[0] = ['年度资金总额', 0, 0, 5, 10, null, 10];
      s.funds[1] = ['其中：当年财政拨款', 0, 0, 5, '—', null, '—'];
      s.total = [100, 100];
    });
    expect(all(consistent.findings)).toEqual(['BUDGET_ZERO@D6', 'BUDGET_ZERO@D7']);
  });
  test('OVERSPENT on the executed cell; the score stays at the full weight', () => {
    const c = central((s) => {
      s.funds[0] = ['年度资金总额', 100, 100, 120, 10, 1.2, 10];
      s.funds[1] = ['其中：当年财政拨款', 100, 100, 120, '—', 1.2, '—'];
      s.total = [100, 100];
    });
    expect(serious(c.findings)).toEqual(['OVERSPENT@E6', 'OVERSPENT@E7']);
    expect(c.tables[0].funds[0].score?.computed).toBe('10.00');
  });
  test('LOW_EXECUTION on the total row only, when the reason cell is empty', () => {
    const c = sichuan((s) => {
      s.funds[0] = ['总额', 300, 349.78, 279.82, 0.8, 10, 8];
      s.funds[1] = ['其中：财政资金', 300, 349.78, 279.82, 0.8, '/', '/'];
      s.total = [100, 95.68];
    });
    expect(serious(c.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'LOW_EXECUTION@G5',
      'OVERACHIEVED@H11',
    ]);
    const withReason = sichuan((s) => {
      s.funds[0] = ['总额', 300, 349.78, 279.82, 0.8, 10, 8, '项目尾款次年支付'];
      s.funds[1] = ['其中：财政资金', 300, 349.78, 279.82, 0.8, '/', '/'];
      s.total = [100, 95.68];
    });
    expect(serious(withReason.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'OVERACHIEVED@H11',
    ]);
  });
  test('EXECUTION_OUTCOME_GAP (info): indicators in full while only 50% was spent', () => {
    const c = central((s) => {
      s.funds[0] = ['年度资金总额', 100, 100, 50, 10, 0.5, 5];
      s.funds[1] = ['其中：当年财政拨款', 100, 100, 50, '—', 0.5, '—'];
      s.indicators[3] = ['成本指标', '经济成本指标', '兰洽会经费', '≤100万元', '50万元', 15, 15, '节约'];
      s.total = [100, 95];
    });
    expect(all(c.findings)).toEqual(['EXECUTION_OUTCOME_GAP@G6', 'LOW_EXECUTION@G6', 'OVERACHIEVED@F16']);
    expect(one(c.findings, 'EXECUTION_OUTCOME_GAP').severity).toBe('info');
  });
});

describe('indicator findings', () => {
  test('SCORE_MISMATCH: 协议金额 scored 8, should be 7.68 (184.2 ÷ 240 × 10)', () => {
    const c = sichuan((s) => {
      s.indicators[1][8] = 8;
      s.total = [100, 98];
    });
    expect(serious(c.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'OVERACHIEVED@H11',
      'SCORE_MISMATCH@J12',
      'TOTAL_MISMATCH@J25',
    ]);
    expect(render(one(c.findings, 'SCORE_MISMATCH'), 'zh')).toBe(
      '协议金额：得分应为 7.68（184.2 ÷ 240 × 10），表内为 8',
    );
  });
  test('SCORE_OVER_WEIGHT: 12 points of a 10-point indicator', () => {
    const c = sichuan((s) => {
      s.indicators[0][8] = 12;
    });
    expect(serious(c.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'OVERACHIEVED@H11',
      'SCORE_OVER_WEIGHT@J11',
    ]);
  });
  test('SCORE_FILLED (info): an empty score gets its computed value written', () => {
    const c = sichuan((s) => {
      s.indicators[1][8] = null;
    });
    expect(all(c.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'OVERACHIEVED@H11',
      'SCORE_FILLED@J12',
    ]);
    const w = c.writes.find((x) => x.row === 11 && x.col === 9);
    expect(w?.value).toBe(7.68);
  });
  test('UNMET_NO_REASON on the reason cell of an unmet indicator with no reason', () => {
    const c = sichuan((s) => {
      s.indicators[1][9] = null;
    });
    expect(serious(c.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'OVERACHIEVED@H11',
      'UNMET_NO_REASON@K12',
    ]);
  });
  test('OVERACHIEVED is info when the reason cell says why', () => {
    const c = sichuan((s) => {
      s.indicators[0][9] = '招商政策吸引力增强';
    });
    expect(one(c.findings, 'OVERACHIEVED').severity).toBe('info');
    expect(serious(c.findings)).toEqual(['ACTUAL_MISSING@H15', 'ACTUAL_MISSING@H16', 'ACTUAL_MISSING@H17']);
  });
  test('over-achievement threshold is a setting: at 40% the 31% over 16 is not flagged', () => {
    const c = sichuan(() => {}, { overachieveThreshold: '40' });
    expect(all(c.findings)).toEqual(['ACTUAL_MISSING@H15', 'ACTUAL_MISSING@H16', 'ACTUAL_MISSING@H17']);
  });
  test('ACTUAL_MISSING keeps the reported score in the total and names it', () => {
    const c = sichuan();
    expect(render(one(c.findings, 'ACTUAL_MISSING'), 'zh')).toBe(
      '创造GDP产值：没有完成值，却得 10 分；请填写完成值或说明理由',
    );
  });
  test('UNPARSEABLE: 约300 is not a number; the reported score is kept', () => {
    const c = central((s) => {
      s.indicators[1] = [null, '质量指标', '签约项目个数', '≥200个', '约300个', 20, 20];
    });
    expect(serious(c.findings)).toEqual(['UNPARSEABLE@F14']);
    expect(c.tables[0].total?.computed).toBe('99.54');
  });
  test('OPERATOR_MISSING: a target of 100% with no direction is scored as ≥', () => {
    const c = central((s) => {
      s.indicators[5] = [
        '满意度指标',
        '服务对象满意度指标',
        '参展客商满意度',
        '100%',
        '92%',
        10,
        9.2,
        '个别客商对展位不满意',
      ];
      s.total = [100, 98.74];
    });
    expect(serious(c.findings)).toEqual(['OPERATOR_MISSING@E18']);
  });
  test('UNIT_MISMATCH: a count target against an amount', () => {
    const c = central((s) => {
      s.indicators[0] = ['产出指标', '数量指标', '布展特色产业馆数量', '≥3个', '3万元', 20, 20];
    });
    expect(serious(c.findings)).toEqual(['UNIT_MISMATCH@F13']);
  });
  test('units convert: 2,400,000 万元 actual against a 240 亿元 target is met', () => {
    const c = sichuan((s) => {
      s.indicators[1] = [null, null, '协议金额', '≥', '240亿元', null, '2,400,000万元', 10, 10];
      s.total = [100, 100];
    });
    expect(c.tables[0].indicators[1].score?.computed).toBe('10.00');
    expect(all(c.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'OVERACHIEVED@H11',
    ]);
  });
  test('DATE_NOT_MET: finished 2022年8月5日 against 2022年7月31日前 scores 0', () => {
    const c = central((s) => {
      s.indicators[2] = [null, '时效指标', '承办事项完成时间', '2022年7月31日前', '2022年8月5日', 10, 0, '场馆延期'];
      s.total = [100, 89.54];
      s.grade = '良';
    });
    expect(serious(c.findings)).toEqual(['DATE_NOT_MET@F15']);
  });
  test('QUALITATIVE_OUT_OF_BAND: 基本达成 scored in full; the boundary 4 of 5 is accepted', () => {
    const out = central((s) => {
      s.indicators[4] = ['效益指标', '可持续影响指标', '招商引资载体作用', '持续发挥', '基本达成', 15, 15];
    });
    expect(serious(out.findings)).toEqual(['QUALITATIVE_OUT_OF_BAND@H17']);
    const edge = central((s) => {
      s.indicators[4] = ['效益指标', '可持续影响指标', '招商引资载体作用', '持续发挥', '基本达成', 15, 12];
      s.total = [100, 96.54];
    });
    expect(serious(edge.findings)).toEqual([]);
  });
  test('QUALITATIVE_UNSCORED when a person has not judged it; QUALITATIVE_UNKNOWN when the text names no band', () => {
    const c = central((s) => {
      s.indicators[4] = ['效益指标', '社会效益指标', '新区对外影响力', '有效提升', '达成预期', 15, null];
      s.total = [100, 84.54];
      s.grade = '良';
    });
    expect(serious(c.findings)).toEqual(['QUALITATIVE_UNSCORED@H17']);
    const u = central((s) => {
      s.indicators[4] = ['效益指标', '社会效益指标', '新区对外影响力', '有效提升', '详见附件', 15, 15];
    });
    expect(all(u.findings)).toEqual(['QUALITATIVE_UNKNOWN@F17']);
  });
});

describe('weights, totals and grades', () => {
  test('WEIGHT_SUM on the total weight cell when the weights add up to 95', () => {
    const c = sichuan((s) => {
      s.indicators[9][7] = 2;
      s.indicators[10][7] = 2;
      s.indicators[0][7] = 5;
      s.indicators[0][8] = 5;
      s.total = [100, 92.7];
    });
    expect(serious(c.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'OVERACHIEVED@H11',
      'WEIGHT_SUM@A10',
      'WEIGHT_SUM@I25',
    ]);
  });
  test('WEIGHT_SUM on a level-1 block whose rows differ from its （N分） label', () => {
    const c = central((s) => {
      s.indicators[0][0] = '产出指标(45分)';
    });
    expect(serious(c.findings)).toEqual(['WEIGHT_SUM@B13']);
  });
  test('TOTAL_MISMATCH and GRADE_MISMATCH: 89 / 良 reported for 99.54 / 优', () => {
    const c = central((s) => {
      s.total = [100, 89];
      s.grade = '良';
    });
    expect(serious(c.findings)).toEqual(['GRADE_MISMATCH@C20', 'TOTAL_MISMATCH@H19']);
    const grade = c.writes.find((w) => w.row === 19 && w.col === 2);
    expect(grade?.value).toBe('优');
  });
  test('score decimals is a setting: 1 decimal gives 9.5 and a total of 99.5', () => {
    const c = central(() => {}, { scoreDecimals: 1 });
    expect(c.tables[0].funds[0].score?.computed).toBe('9.5');
    expect(c.tables[0].total?.computed).toBe('99.5');
  });
  test('TOTAL_CAPPED (info, yitihua): a 75% execution rate caps the total at 89', () => {
    const c = central(
      (s) => {
        s.funds[0] = ['年度资金总额', 100, 100, 75, 10, 0.75, 7.5];
        s.funds[1] = ['其中：当年财政拨款', 100, 100, 75, '—', 0.75, '—'];
        s.total = [100, 89];
        s.grade = '良';
      },
      { preset: 'yitihua' },
    );
    expect(all(c.findings)).toEqual(['EXECUTION_OUTCOME_GAP@G6', 'LOW_EXECUTION@G6', 'TOTAL_CAPPED@H19']);
    expect(c.tables[0].total?.computed).toBe('89.00');
    expect(serious(c.findings)).toEqual(['LOW_EXECUTION@G6']);
  });
  test('yitihua takes 2 points off an indicator 30% or more beyond its target', () => {
    const c = sichuan(() => {}, { preset: 'yitihua' });
    expect(c.tables[0].indicators[0].score?.computed).toBe('8.00');
  });
});

describe('workbook-level findings', () => {
  test('NO_TABLE: a warning when no sheet holds a table, info for a table-less sheet beside one', () => {
    const b = new SheetBuilder();
    b.row(0, 0, ['说明', '本工作簿用于报送']);
    const none = checkWorkbook(grid(b.sheet('说明')));
    expect(none.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([['NO_TABLE', 'warning', 'A1']]);
    const t = new SheetBuilder();
    centralProject(t, centralClean());
    const some = checkWorkbook(grid(b.sheet('说明'), t.sheet('兰洽会经费')));
    expect(some.findings.map((f) => [f.code, f.severity, f.sheet])).toEqual([['NO_TABLE', 'info', '说明']]);
  });
  test('COLUMN_MISSING on the header row’s first cell when the actual-value column is absent', () => {
    const b = new SheetBuilder();
    centralProject(b, centralClean());
    const s = b.sheet('兰洽会经费');
    s.values[11][5] = '完成情况说明';
    const c = checkWorkbook(grid(s));
    expect(serious(c.findings)).toEqual(['COLUMN_MISSING@A12']);
  });
  test('SUMMARY_ROW_MISMATCH: the summary’s budget and score disagree with the project table of the same name', () => {
    const p = new SheetBuilder();
    centralProject(p, centralClean());
    const s = new SheetBuilder();
    summaryTable(s, {
      rows: [
        [1, '兰洽会经费', 600, 557.82, 0.9297, 99.54, '优', '年中追加'],
        [2, '招商小组经费', 96, 96, 1, 92, '优'],
      ],
      total: [696, 653.82, 0.9394],
    });
    const c = checkWorkbook(grid(s.sheet('汇总'), p.sheet('兰洽会经费')));
    expect(serious(c.findings)).toEqual(['SUMMARY_ROW_MISMATCH@C3']);
    expect(render(one(c.findings, 'SUMMARY_ROW_MISMATCH'), 'zh')).toContain('584.48');
    expect(c.tables[0].rows[0].score?.computed).toBe('99.54');
  });
});

describe('percentages written two ways', () => {
  test('a target of ≥90% against an actual written 0.92 is met (0.92 is 92%)', () => {
    const c = central((s) => {
      s.indicators[5] = ['满意度指标', '服务对象满意度指标', '参展客商满意度', '≥90%', 0.92, 10, 10];
    });
    expect(all(c.findings)).toEqual([]);
    expect(c.tables[0].indicators[5].score?.computed).toBe('10.00');
  });
});

describe('values computed by formulas (binary floating point)', () => {
  test('a rate cell =E/D holding 0.9543867369299206 and a score =10*184.2/240 agree with the exact figures', () => {
    const c = central((s) => {
      s.funds[0][5] = 557.82 / 584.48;
      s.funds[1][5] = 557.82 / 584.48;
      s.funds[0][6] = (10 * 557.82) / 584.48;
      s.total = [100, 90 + (10 * 557.82) / 584.48];
    });
    expect(all(c.findings)).toEqual([]);
    const p = sichuan((s) => {
      s.indicators[1][8] = (10 * 184.2) / 240;
    });
    expect(serious(p.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'OVERACHIEVED@H11',
    ]);
    expect(all(p.findings).filter((f) => f.endsWith('@J12'))).toEqual([]);
  });
});

test('安全事故 ≤0次 with the actual 无: met (无 is the count 0 here, not a missing value)', () => {
  const c = central((s) => {
    s.indicators[1] = [null, '质量指标', '安全事故', '≤0次', '无', 20, 20];
  });
  expect(all(c.findings)).toEqual([]);
  expect(c.tables[0].indicators[1].score?.computed).toBe('20.00');
});

test('a date target met or missed in words: 已按计划完成 meets it, 延期完成 misses it', () => {
  const met = central((s) => {
    s.indicators[2] = [null, '时效指标', '承办事项完成时间', '2022年7月31日前', '已按计划完成', 10, 10];
  });
  expect(all(met.findings)).toEqual([]);
  const late = central((s) => {
    s.indicators[2] = [null, '时效指标', '承办事项完成时间', '2022年7月31日前', '延期完成', 10, 0, '场馆档期冲突'];
    s.total = [100, 89.54];
    s.grade = '良';
  });
  expect(serious(late.findings)).toEqual(['DATE_NOT_MET@F15']);
});
