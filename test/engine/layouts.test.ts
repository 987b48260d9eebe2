/**
 * The layouts of layouts.md §2–§4, each as a table built from our own figures (test/engine/layouts-builders.ts):
 * a clean variant that gives no error and no warning, and a variant with defects whose computed cells and
 * findings are worked out by hand in the comments.
 */
import { parseA1 } from '../../src/engine/address';
import { checkWorkbook } from '../../src/engine/check/workbook';
import { CellValue, Sheet } from '../../src/engine/grid';
import { locateTables } from '../../src/engine/locate/tables';
import { render } from '../../src/engine/messages/findings';
import { ProjectModel } from '../../src/engine/model';
import { ProfileName, resolveSettings } from '../../src/engine/settings';
import { all, serious } from '../helpers/findings';
import { SheetBuilder } from '../helpers/tables';
import * as L from './layouts-builders';

function check(sheet: Sheet, preset?: ProfileName) {
  return checkWorkbook({ sheets: [sheet] }, resolveSettings(preset ? { preset } : {}));
}

/** Overwrite one cell of a built sheet (A1 address). */
function edit(sheet: Sheet, cell: string, v: CellValue): Sheet {
  const { row, col } = parseA1(cell);
  sheet.values[row][col] = v;
  return sheet;
}

const message = (c: ReturnType<typeof check>, code: string) => {
  const f = c.findings.find((x) => x.code === code);
  return f ? render(f, 'zh') : undefined;
};

describe('§4 weight before target, funds without weight or score, 预算执行率 as an indicator, total in the identity rows', () => {
  test('clean: read as a project, total 99.5 from the identity row, no error or warning', () => {
    const c = check(L.weightBeforeTarget());
    expect(c.tables.map((t) => t.kind)).toEqual(['project']);
    expect(serious(c.findings)).toEqual([]);
    const t = c.tables[0];
    // Funds: 456 ÷ 480 = 95.00%, no score column: the funds weight does not count; the total is the indicators'
    // 5 + 5 + 9.5 + 5 + 10 + 15 + 15 + 20 + 15 = 99.5, compared with 自评得分 in B4.
    expect(t.funds[0]).toMatchObject({ label: '年度资金总额', budget: '480.00', executed: '456.00', score: null });
    expect(t.funds[0].rate).toMatchObject({ cell: 'E6', computed: '95.00' });
    expect(t.total).toMatchObject({ cell: 'B4', weight: '100', computed: '99.50', reported: '99.5' });
    // 预算执行率: 10 × 95 ÷ 100 = 9.5.
    expect(t.indicators.find((i) => i.name === '预算执行率')?.score).toMatchObject({ computed: '9.50' });
  });
  test('a 预算执行率 of 98% against the funds block’s 95%: EXECUTION_INDICATOR_MISMATCH, its score and the total', () => {
    const c = check(L.weightBeforeTarget({ execActual: '98%', total: 95.5 }));
    // 98% ≠ 456 ÷ 480 = 95.00% → F11; scored as positive: 10 × 98 ÷ 100 = 9.8 ≠ 9.5 → G11;
    // total 5 + 5 + 9.8 + 5 + 10 + 15 + 15 + 20 + 15 = 99.8 ≠ 95.5 → B4.
    expect(serious(c.findings)).toEqual([
      'EXECUTION_INDICATOR_MISMATCH@F11',
      'SCORE_MISMATCH@G11',
      'TOTAL_MISMATCH@B4',
    ]);
    expect(message(c, 'EXECUTION_INDICATOR_MISMATCH')).toContain('95.00%');
    expect(c.tables[0].total?.computed).toBe('99.80');
  });
  test('the stated section weights are checked: 项目管理（25分） over 10 + 5 + 12', () => {
    const s = edit(L.weightBeforeTarget({ total: 101.5 }), 'D13', 12);
    const c = check(edit(s, 'G13', 12));
    // 10 + 5 + 12 = 27 ≠ 25 → A11; all weights 102 ≠ 100 (no 总分 row: on the header's first cell A8).
    expect(serious(c.findings)).toEqual(['WEIGHT_SUM@A11', 'WEIGHT_SUM@A8']);
  });
});

describe('§4 department table with a coefficient column', () => {
  test('clean: adjusted target wins, bare-number rate 90 = 90%, 执行率权重 10, total right of 自评总分', () => {
    const c = check(L.coefficientDepartment());
    expect(c.tables[0].kind).toBe('department');
    expect(serious(c.findings)).toEqual([]);
    const t = c.tables[0];
    // Funds: 1080 ÷ 1200 = 90%, 10 × 90% = 9. The adjusted target 25 replaces 20 (else 25 would be 25% over it).
    expect(t.funds[0].rate).toMatchObject({ cell: 'E5', computed: '90.00', reported: '90' });
    expect(t.funds[0].score).toMatchObject({ cell: 'G5', weight: '10', computed: '9.00' });
    expect(t.indicators[0]).toMatchObject({ target: '25', actual: '25' });
    // 统计报告发布数 20 × 10 ÷ 12 = 16.666… → 16.67, coefficient 83.33%; total 9 + 30 + 20 + 16.67 + 20 = 95.67.
    expect(t.indicators[2].score).toMatchObject({ computed: '16.67' });
    expect(t.total).toMatchObject({ cell: 'F3', computed: '95.67', reported: '95.67' });
  });
  test('a target 75% met but scored in full with coefficient 100%: SCORE_MISMATCH, COEFFICIENT_MISMATCH, TOTAL_MISMATCH', () => {
    const c = check(L.coefficientDepartment({ reportActual: 9, reportCoef: 100, reportScore: 20 }));
    // 20 × 9 ÷ 12 = 15 ≠ 20 → I10; 15 ÷ 20 = 75.00% ≠ 100% → G10; total 9 + 30 + 20 + 15 + 20 = 94 ≠ 95.67 → F3.
    expect(serious(c.findings)).toEqual(['COEFFICIENT_MISMATCH@G10', 'SCORE_MISMATCH@I10', 'TOTAL_MISMATCH@F3']);
    expect(message(c, 'COEFFICIENT_MISMATCH')).toContain('75.00%');
  });
  test('a coefficient that disagrees with a right score, and one shown at fewer decimals', () => {
    // 16.67 ÷ 20 = 83.35%, 16.666… ÷ 20 = 83.33%: 80 agrees with neither.
    expect(serious(check(L.coefficientDepartment({ reportCoef: 80 })).findings)).toEqual(['COEFFICIENT_MISMATCH@G10']);
    // 83 and 83.3 are 83.33% at the decimals they show.
    expect(serious(check(L.coefficientDepartment({ reportCoef: 83 })).findings)).toEqual([]);
    expect(serious(check(L.coefficientDepartment({ reportCoef: '83.3%' })).findings)).toEqual([]);
  });
  test('a bare rate of 85 for 90%: RATE_MISMATCH', () => {
    expect(serious(check(L.coefficientDepartment({ rate: 85 })).findings)).toEqual(['RATE_MISMATCH@E5']);
  });
});

describe('§4 goal groups with weights only at group level', () => {
  test('clean: funds weight 20 from the label, groups 40 + 40, total 99 in the 总分 row’s only number', () => {
    const c = check(L.goalGroups());
    expect(serious(c.findings)).toEqual([]);
    const t = c.tables[0];
    // 190 ÷ 200 = 95%, 20 × 95% = 19; groups 20 + 20 = 40 each; total 19 + 40 + 40 = 99.
    expect(t.funds[0].score).toMatchObject({ cell: 'E5', weight: '20', computed: '19.00' });
    expect(t.indicators).toHaveLength(4);
    expect(t.total).toMatchObject({ cell: 'B14', weight: '100', computed: '99.00' });
    const [m] = locateTables(L.goalGroups()) as ProjectModel[];
    expect(m.groups.map((g) => [g.row, g.weight])).toEqual([
      [5, '40'],
      [9, '40'],
    ]);
  });
  test('met indicators adding up to 39.6 of 40, and a group over its weight: GROUP_SCORE on each title', () => {
    const c = check(L.goalGroups({ g1: [20, 19.6], g2: [25, 20] }));
    // Group 1: every indicator met, 20 + 19.6 = 39.6 < 40 → A6; group 2: 25 + 20 = 45 > 40 → A10;
    // total 19 + 39.6 + 45 = 103.6 ≠ 99 → B14.
    expect(serious(c.findings)).toEqual(['GROUP_SCORE@A10', 'GROUP_SCORE@A6', 'TOTAL_MISMATCH@B14']);
    expect(c.tables[0].total?.computed).toBe('103.60');
  });
  test('a group short of its weight with an indicator not met is fine; 100% against 100% needs no direction', () => {
    const s = L.goalGroups({ g1: [20, 18], total: 97 });
    // 98% < 100%: not met, so 20 + 18 = 38 < 40 is allowed. Without an operator, 98% against 100% now depends
    // on the direction → OPERATOR_MISSING (warning) on the target D9; total 19 + 38 + 40 = 97.
    const c = check(edit(s, 'E9', '98%'));
    expect(serious(c.findings)).toEqual(['OPERATOR_MISSING@D9']);
  });
});

describe('§4 two-row indicator header', () => {
  test('clean: the header spread over two rows is read; total 99.6, grade 优', () => {
    const c = check(L.twoRowHeader());
    expect(all(c.findings)).toEqual([]);
    const t = c.tables[0];
    // 288 ÷ 300 = 96%, 10 × 96% = 9.6; indicators 30 + 20 + 10 + 20 + 10 = 90.
    expect(t.indicators.map((i) => [i.name, i.operator, i.unit])).toEqual([
      ['养护面积', '≥', '万平方米'],
      ['苗木成活率', '≥', '%'],
      ['养护单价', '≤', '元/平方米'],
      ['绿化覆盖率', '≥', '%'],
      ['市民满意度', '≥', '%'],
    ]);
    expect(t.total).toMatchObject({ cell: 'I17', computed: '99.60' });
  });
  test('a reverse indicator missed: ratio under mof2020, deviation under fasp', () => {
    // mof2020: 10 × 25 ÷ 27.5 = 9.0909… → 9.09 ≠ 10; total 9.6 + 30 + 20 + 9.09 + 20 + 10 = 98.69.
    const m = check(L.twoRowHeader({ unitPrice: 27.5 }));
    expect(serious(m.findings)).toEqual(['SCORE_MISMATCH@I14', 'TOTAL_MISMATCH@I17', 'UNMET_NO_REASON@J14']);
    expect(m.tables[0].total?.computed).toBe('98.69');
    // fasp: 10 × (1 − (27.5 − 25) ÷ 25) = 9; total 98.6.
    const f = check(L.twoRowHeader({ unitPrice: 27.5 }), 'fasp');
    expect(f.tables[0].indicators[2].score?.computed).toBe('9.00');
    expect(f.tables[0].total?.computed).toBe('98.60');
  });
});

describe('§4 separate operator and unit columns, no level columns (department)', () => {
  test('clean: 计算符号 and 计量单位 columns, both splits of the funds add up', () => {
    const c = check(L.operatorColumn());
    expect(c.tables[0].kind).toBe('department');
    expect(serious(c.findings)).toEqual([]);
    // 152 ÷ 160 = 95%; 20 × 55 ÷ 60 = 18.33 (reason given); 9.5 + 25 + 18.33 + 15 + 10 + 20 = 97.83.
    expect(c.tables[0].total).toMatchObject({ computed: '97.83' });
    expect(c.tables[0].indicators.map((i) => i.operator)).toEqual(['≥', '≥', '=', '≤', '定性']);
  });
  test('a ≤ in the operator column is scored as reverse: 33 against ≤30 is not full marks', () => {
    const c = check(L.operatorColumn({ spend: 33 }));
    // 10 × 30 ÷ 33 = 9.0909… → 9.09 ≠ 10 → G13; reason empty → H13; total 97.83 − 10 + 9.09 = 96.92 → G15.
    expect(serious(c.findings)).toEqual(['SCORE_MISMATCH@G13', 'TOTAL_MISMATCH@G15', 'UNMET_NO_REASON@H13']);
    expect(c.tables[0].total?.computed).toBe('96.92');
  });
});

describe('§4 import/export layout of a provincial system (starred headers, deductions)', () => {
  test('clean: starred headers read by their leading words; the total takes off the deduction (30 − 2)', () => {
    const c = check(L.faspImport());
    expect(serious(c.findings)).toEqual([]);
    const t = c.tables[0];
    expect(t.indicators.map((i) => i.score?.weight)).toEqual(['20', '10', '10', '10', '30', '10']);
    // 10 + 20 + 10 + 10 + 10 + max(0, 30 − 2) + 10 = 98.
    expect(t.total).toMatchObject({ cell: 'I14', computed: '98.00' });
    expect(serious(check(L.faspImport(), 'fasp').findings)).toEqual([]);
  });
  test('a total that ignores the deduction: TOTAL_MISMATCH; under fasp a score below its weight needs a reason', () => {
    expect(serious(check(L.faspImport({ total: 100 })).findings)).toEqual(['TOTAL_MISMATCH@I14']);
    // 28 < 30 with the reason cell empty: nothing under mof2020 (the target is met), UNMET_NO_REASON under fasp.
    expect(serious(check(L.faspImport({ reason: '' })).findings)).toEqual([]);
    expect(serious(check(L.faspImport({ reason: '' }), 'fasp').findings)).toEqual(['UNMET_NO_REASON@L12']);
  });
  test('a layout never switches the profile: a reverse indicator here is scored by the profile in force', () => {
    // 建设周期 ≤12 月, actual 15: mof2020 10 × 12 ÷ 15 = 8; fasp 10 × (1 − 3 ÷ 12) = 7.5.
    const at = (p?: ProfileName) => check(edit(L.faspImport(), 'F10', 15), p).tables[0].indicators[2].score?.computed;
    expect(at()).toBe('8.00');
    expect(at('fasp')).toBe('7.50');
  });
});

describe('§4 central layout as provinces filled it', () => {
  test('clean: ASCII colon, numbers in the goal cells, placeholder rows skipped, 93% for 92.80%', () => {
    const c = check(L.centralAsFilled());
    expect(all(c.findings)).toEqual([]);
    const t = c.tables[0];
    // 464 ÷ 500 = 92.80% (shown 93%), 10 × 92.8% = 9.28; 30 + 20 + 30 + 10 = 90; total 99.28.
    expect(t.funds.map((f) => f.label)).toEqual(['年度资金总额', '当年财政拨款', '上年结转资金', '其他资金']);
    expect(t.indicators.map((i) => i.name)).toEqual(['培训人次', '培训合格率', '培训后就业率', '学员满意度']);
    expect(t.total?.computed).toBe('99.28');
  });
  test('91% for 92.80% disagrees at 0 decimals: RATE_MISMATCH on both rows (92% is truncation: ROUNDING)', () => {
    expect(all(check(L.centralAsFilled({ rate: '92%' })).findings)).toEqual(['ROUNDING@G6', 'ROUNDING@G7']);
    expect(serious(check(L.centralAsFilled({ rate: '91%' })).findings)).toEqual([
      'RATE_MISMATCH@G6',
      'RATE_MISMATCH@G7',
    ]);
  });
});

describe('§4 funds block as a list of sources', () => {
  test('clean: the 合计 below the sources is the total row', () => {
    const c = check(L.sourcesList());
    expect(serious(c.findings)).toEqual([]);
    // 402 ÷ 420 = 95.714…% → 95.71%, 10 × 95.71…% = 9.57; 300 + 102 = 402.
    expect(c.tables[0].funds.map((f) => f.label)).toEqual(['合计', '中央补助资金', '地方配套资金']);
    expect(c.tables[0].funds[0].score).toMatchObject({ cell: 'G6', computed: '9.57' });
  });
  test('a 合计 that is not the sum of its sources', () => {
    const c = check(L.sourcesList({ totalExecuted: 410 }));
    // 300 + 102 = 402 ≠ 410 → D6; 410 ÷ 420 = 97.62% ≠ 95.71% → F6; 10 × 97.619% = 9.76 ≠ 9.57 → G6;
    // total 9.76 + 90 = 99.76 ≠ 99.57 → G11.
    expect(serious(c.findings)).toEqual([
      'FUNDS_SUBTOTAL_MISMATCH@D6',
      'RATE_MISMATCH@F6',
      'SCORE_MISMATCH@G6',
      'TOTAL_MISMATCH@G11',
    ]);
  });
  test('the second list (年度预算调整 | 调整后的预算 | 预算执行率% | 自评得分): no weight column, 10 by default', () => {
    const c = check(L.sourcesAdjusted());
    expect(serious(c.findings)).toEqual([]);
    // 720 ÷ 750 = 96%, 10 × 96% = 9.6 (the budget is 调整后的预算, not the adjustment −50).
    expect(c.tables[0].funds[0]).toMatchObject({ budget: '750.00', executed: '720.00' });
    expect(c.tables[0].funds[0].score).toMatchObject({ weight: '10', computed: '9.60' });
    expect(serious(check(L.sourcesAdjusted({ rate: 98 })).findings)).toEqual(['RATE_MISMATCH@F4']);
  });
});

describe('§4 text rows inside blocks', () => {
  test('goal rows with sentences in the amount columns end the funds block and give no finding', () => {
    const c = check(L.textRows());
    expect(all(c.findings)).toEqual([]);
    expect(c.tables[0].funds).toHaveLength(1);
    expect(c.tables[0].total?.computed).toBe('99.50');
  });
});

describe('§2 the department table’s 年度主要任务 block', () => {
  test('clean: tasks are a list, not funds: amounts that do not add up, overspending and 75% raise nothing', () => {
    const c = check(L.departmentTasks());
    expect(c.tables).toHaveLength(1);
    expect(c.tables[0].kind).toBe('department');
    expect(all(c.findings)).toEqual([]);
    // 118 ÷ 120 = 98.33%; 150 ÷ 200 = 75%; 90 ÷ 80 = 112.5%.
    expect(c.tables[0].tasks?.map((x) => [x.name, x.rate?.computed])).toEqual([
      ['公共文化服务', '98.33'],
      ['文物保护', '75.00'],
      ['旅游推广', '112.50'],
    ]);
  });
  test('a shown task rate is checked against 执行数 ÷ 预算数', () => {
    expect(serious(check(L.departmentTasks({ taskRate: '95%' })).findings)).toEqual(['RATE_MISMATCH@H9']);
  });
});

describe('§3 summary headings and 小计 rows', () => {
  test('clean: every project after a heading is read; 小计 and 合计 agree', () => {
    const c = check(L.summaryHeadings());
    expect(serious(c.findings)).toEqual([]);
    const t = c.tables[0];
    expect(t.rows.map((r) => r.name)).toEqual(['机关运行保障', '信息系统运维', '专项调查', '课题研究']);
    expect(t.gradeCounts).toEqual({ 优: 2, 良: 1, 中: 1, 差: 0 });
    // 小计 100 + 50 = 150 / 98 + 45 = 143 (95.33%); 80 + 20 = 100 / 60 + 20 = 80; 合计 250 / 223 = 89.20%.
    expect(t.subtotals?.map((s) => [s.budget, s.executed, s.rate?.computed])).toEqual([
      ['150.00', '143.00', '95.33'],
      ['100.00', '80.00', '80.00'],
    ]);
    expect(t.totalRow?.rate?.computed).toBe('89.20');
  });
  test('a wrong 小计 and a wrong 合计 rate are reported', () => {
    const c = check(L.summaryHeadings({ subtotalBudget: 160, totalRate: '90.20%' }));
    // 100 + 50 = 150 ≠ 160 → C6; 143 ÷ 160 = 89.38% ≠ 95.33% → E6; 223 ÷ 250 = 89.20% ≠ 90.20% → E12.
    expect(serious(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@C6', 'RATE_MISMATCH@E12', 'RATE_MISMATCH@E6']);
  });
});

describe('OPERATOR_MISSING only where the direction matters', () => {
  test('a table that states no direction anywhere: one info on its first target, no warning', () => {
    const s = L.centralAsFilled();
    for (const cell of ['E13', 'E15', 'E17', 'E19'])
      edit(s, cell, String(s.values[parseA1(cell).row][4]).replace('≥', ''));
    const c = check(s);
    expect(serious(c.findings)).toEqual([]);
    expect(all(c.findings)).toEqual(['OPERATOR_MISSING@E13']);
    expect(c.findings[0].severity).toBe('info');
  });
});

describe('profiles', () => {
  test('hubei’s bands: 部分达成 from 50%; fasp’s grade bounds 80/70/60', () => {
    // 老人生活质量 基本提升 (部分达成) scored 16.5 of 30 = 55%: outside 60–80% (mof2020), inside 50–80% (hubei).
    const s = () => edit(edit(edit(edit(L.textRows(), 'F11', '基本提升'), 'H11', 16.5), 'H13', 86), 'C14', '良');
    expect(serious(check(s()).findings)).toEqual(['QUALITATIVE_OUT_OF_BAND@H11']);
    expect(serious(check(s(), 'hubei').findings)).toEqual([]);
    // Total 9.5 + 50 + 16.5 + 10 = 86: 良 under 90/80/60, 优 under fasp's 80/70/60; fasp keeps the 80/60 bands
    // and wants a reason for a score below its weight (I11 empty).
    expect(serious(check(s(), 'fasp').findings)).toEqual([
      'GRADE_MISMATCH@C14',
      'QUALITATIVE_OUT_OF_BAND@H11',
      'UNMET_NO_REASON@I11',
    ]);
  });
  test('hebei fixes the level-1 weights: 产出 40, 效益 and 满意度 40', () => {
    // 产出 30 + 20 + 10 = 60 ≠ 40 (first weight H12); 效益 + 满意度 20 + 10 = 30 ≠ 40 (H15).
    expect(serious(check(L.twoRowHeader(), 'hebei').findings)).toEqual(['WEIGHT_SUM@H12', 'WEIGHT_SUM@H15']);
  });
  test('every profile is one row of settings and the report names it', () => {
    for (const p of ['mof2020', 'hubei', 'hebei', 'fasp', 'yitihua'] as ProfileName[]) {
      expect(resolveSettings({ preset: p }).preset).toBe(p);
    }
    expect(resolveSettings({ preset: 'hubei' }).executionWeight).toBe('20');
    expect(
      resolveSettings({ preset: 'fasp', gradeBounds: { excellent: '85', good: '70', pass: '60' } }).gradeBounds,
    ).toEqual({
      excellent: '85',
      good: '70',
      pass: '60',
    });
  });
});

describe('offsets: every layout is found anywhere on the sheet', () => {
  test.each([
    ['weightBeforeTarget', L.weightBeforeTarget],
    ['coefficientDepartment', L.coefficientDepartment],
    ['goalGroups', L.goalGroups],
    ['twoRowHeader', L.twoRowHeader],
    ['operatorColumn', L.operatorColumn],
    ['faspImport', L.faspImport],
    ['centralAsFilled', L.centralAsFilled],
  ] as [string, (o: L.Offset) => Sheet][])('%s at row 5, column D', (_, build) => {
    const at0 = check(build({}));
    const moved = check(build({ top: 4, left: 3 }));
    expect(moved.tables).toHaveLength(1);
    expect(moved.tables[0].total?.computed).toBe(at0.tables[0].total?.computed);
    expect(serious(moved.findings)).toEqual([]);
  });
});

describe('mixed traits', () => {
  test('an indicator sheet on its own (an import template: no funds block, no 总分) need not weigh 100', () => {
    const b = new SheetBuilder();
    L.put(b, 0, 0, [
      [
        '一级指标',
        '二级指标',
        '三级指标名称',
        '计算符号',
        '指标值',
        '*实际完成值（定量填数字，定性填达成、部分达成、未达成）',
        '计量单位',
        '*分值 数量(20)、质量(10)',
        '*指标得分（不包含扣减分数。）',
        '扣减分数',
      ],
      ['产出指标', '数量指标', '培训人数', '≥', 200, 210, '人', 20, 20, 0],
      [null, '质量指标', '培训合格率', '≥', 90, 95, '%', 10, 10, 0],
      ['效益指标', '社会效益指标', '学员就业', '定性', '有效提升', '达成', null, 60, 57, 3],
    ]);
    const c = check(b.sheet('导入'));
    // Weights 20 + 10 + 60 = 90 without a funds block: no WEIGHT_SUM; 达成 scored 57 of 60 (95%) is in band.
    expect(serious(c.findings)).toEqual([]);
    expect(c.tables[0].indicators.map((i) => i.type)).toEqual(['quantitative', 'quantitative', 'qualitative']);
  });
  test('goal groups whose indicators carry weights: the weights must add up to the group’s', () => {
    const s = L.goalGroups();
    // A 分值 column after 得分 (F): group 1 gets 20 + 15 = 35 of its 40 → WEIGHT_SUM on its title A6;
    // group 2 gets 20 + 20. The weights are counted once: 20 + 35 + 40 = 95 ≠ 100 at the 总分 row's label.
    for (const [cell, v] of [
      ['G7', '分值'],
      ['G8', 20],
      ['G9', 15],
      ['G11', '分值'],
      ['G12', 20],
      ['G13', 20],
    ] as [string, CellValue][])
      edit(s, cell, v);
    const c = check(s);
    expect(serious(c.findings).filter((f) => f.startsWith('WEIGHT_SUM'))).toContain('WEIGHT_SUM@A6');
    expect(serious(c.findings)).not.toContain('WEIGHT_SUM@A10');
  });
});

describe('§2 and §3 as other templates print them', () => {
  test('a summary whose headings carry their category’s sums: the headings are not projects', () => {
    const b = new SheetBuilder();
    L.put(b, 0, 0, [
      ['2023年度项目支出绩效自评结果汇总表'],
      ['序号', '项目名称', '预算数', '执行数', '执行率', '自评得分', '自评等级'],
      ['一、常年性项目', null, 150, 143, '95.33%'],
      [1, '机关运行保障', 100, 98, '98.00%', 96, '优'],
      [2, '信息系统运维', 50, 45, '90.00%', 91, '优'],
      ['二、一次性项目', null, 100, 85, '85.00%'],
      [3, '专项调查', 80, 65, '81.25%', 82, '良'],
      [4, '课题研究', 20, 20, '100.00%', 88, '良'],
      ['合计', null, 250, 228, '91.20%'],
    ]);
    const c = check(b.sheet('汇总'));
    // 4 projects; heading sums 100 + 50 = 150 / 98 + 45 = 143 and 80 + 20 = 100 / 65 + 20 = 85; 合计 250 / 228.
    // 专项调查 81.25% < 90% with no 备注 column: LOW_EXECUTION there, and nothing else.
    expect(c.tables[0].rows.map((r) => r.name)).toEqual(['机关运行保障', '信息系统运维', '专项调查', '课题研究']);
    expect(c.tables[0].subtotals?.map((s) => s.budget)).toEqual(['150.00', '100.00']);
    expect(serious(c.findings)).toEqual(['LOW_EXECUTION@E7']);
    // A heading sum that is off: 160 ≠ 150 → C3 (and its rate 143 ÷ 160 = 89.38% ≠ 95.33% → E3).
    const wrong = check(edit(b.sheet('汇总'), 'C3', 160));
    expect(serious(wrong.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@C3', 'LOW_EXECUTION@E7', 'RATE_MISMATCH@E3']);
  });
  test('a 年度主要任务 block without a 任务名称 column is still a task list', () => {
    const s = L.departmentTasks({ taskRate: '95%' });
    edit(s, 'B8', '主要内容');
    edit(s, 'D8', null);
    const c = check(s);
    expect(c.tables).toHaveLength(1);
    // The rate 118 ÷ 120 = 98.33% against 95% is the only finding; the task is named by its content column.
    expect(serious(c.findings)).toEqual(['RATE_MISMATCH@H9']);
    expect(c.tables[0].tasks?.map((t) => t.name)).toEqual(['公共文化服务', '文物保护', '旅游推广']);
  });
});

describe('the 自评得分 row printed below the indicators (not in the identity rows)', () => {
  /** A weight-before-target table as a county printed it: 自评得分 | 99.5 | 财政审核评分 after the last indicator. */
  function countyTable(total: CellValue): Sheet {
    const rows: CellValue[][] = [
      ['项目支出绩效自评表（2023年度）'],
      ['项目名称', '乡村道路维护', null, '主管部门', '某县交通运输局'],
      ['年度资金总额（万元）', '年初预算数', '调整预算数（A）', '全年执行数（B）', '执行率（B/A）'],
      [null, 200, 200, 190, '95.00%'],
      [
        '一级指标',
        '二级指标',
        '三级指标',
        '分值',
        '指标值（A）',
        '全年实际值（B）',
        '得分',
        '未完成原因分析及改进措施',
      ],
      ['项目决策（10分）', '项目立项', '立项依据充分性', 5, '充分', '充分', 5, null],
      [null, '绩效目标', '绩效目标合理性', 5, '合理', '合理', 5, null],
      ['项目管理（25分）', '资金管理', '预算执行率', 10, '100%', '95%', 9.5, '部分工程款未到结算期'],
      [null, null, '资金使用合规性', 10, '合规', '合规', 10, null],
      [null, '组织实施', '制度执行有效性', 5, '有效', '有效', 5, null],
      ['项目产出（30分）', '数量指标', '维护公路里程', 10, '≥120公里', '125公里', 10, null],
      [null, '质量指标', '路面合格率', 10, '≥95%', '97%', 10, null],
      [null, '时效指标', '完成时间', 10, '2023年12月31日前', '2023年11月30日', 10, null],
      ['项目效益（35分）', '社会效益指标', '群众出行便利度', 20, '提升', '显著提升', 20, null],
      [null, '满意度指标', '群众满意度', 15, '≥90%', '93%', 15, null],
      ['自评得分', total, '财政审核评分', null],
      ['自评等级', '优'],
    ];
    const m = (top: number, bottom: number, col = 0) => ({ top, left: col, bottom, right: col });
    return { name: '自评表', values: rows, merges: [m(2, 3), m(5, 6), m(7, 9), m(7, 8, 1), m(10, 12), m(13, 14)] };
  }
  test('clean: the row is the reported total, not an indicator without an actual value', () => {
    const c = check(countyTable(99.5));
    // 5 + 5 + 9.5 (10 × 95 ÷ 100) + 10 + 5 + 10 + 10 + 10 + 20 + 15 = 99.5, reported in B16.
    expect(serious(c.findings)).toEqual([]);
    expect(c.tables[0].indicators.map((i) => i.name)).not.toContain('财政审核评分');
    expect(c.tables[0].total).toMatchObject({ cell: 'B16', computed: '99.50', reported: '99.5' });
  });
  test('a wrong 自评得分 below the indicators is compared: TOTAL_MISMATCH on B16', () => {
    expect(serious(check(countyTable(98)).findings)).toEqual(['TOTAL_MISMATCH@B16']);
  });
});
