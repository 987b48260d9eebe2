/**
 * The write plan of one flagged table placed right of column Z (two-letter columns): which cell gets
 * which value, format, fill and note; the user's note kept and our old note replaced; the 校验结果 rows
 * in both languages; undo; the formulas a host must report. Then the JSON report, the grade wording
 * written back, and how the profiles resolve.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Finding } from '../../src/engine/findings';
import { WorkbookGrid } from '../../src/engine/grid';
import { NOTE_TAG, buildWritePlan, formulaOverwrites, ownNote, undoPlan } from '../../src/engine/plan';
import { buildReport } from '../../src/engine/report';
import { dateMet } from '../../src/engine/rules/indicators/date';
import { DEFAULT_SETTINGS, resolveSettings } from '../../src/engine/settings';
import { SheetBuilder, centralClean, centralProject, grid, summaryTable } from '../helpers/tables';
import { all } from '../helpers/findings';

// The central builder at column AA (left 26): funds total on row 6 (AD budget, AE executed, AG rate,
// AH score), indicators from row 13 (AE target, AF actual, AH score, AI reason), total AH19, grade AC20.
function flaggedTable(): { g: WorkbookGrid; check: ReturnType<typeof checkWorkbook> } {
  const spec = centralClean();
  spec.left = 26;
  // Executed 500 of 584.48 = 85.55% (500 ÷ 584.48 = 0.855461…), shown as 80% and scored 8:
  // the score is 10 × 85.55% = 8.55, the total 8.55 + 90 = 98.55 (优), not 98 (良).
  spec.funds[0] = ['年度资金总额', 110, 584.48, 500, 10, 0.8, 8];
  spec.funds[1] = ['其中：当年财政拨款', 110, 584.48, 500, '—', 0.8555, '—'];
  // 260 signed against ≥ 200: (260 − 200) ÷ 200 = 30% beyond, over the 20% threshold; a reason is given.
  spec.indicators[1] = [null, '质量指标', '签约项目个数', '≥200个', 260, 20, 20, '引进一批储备项目'];
  spec.total = [100, 98];
  spec.grade = '良';
  const b = new SheetBuilder();
  centralProject(b, spec);
  const sheet = b.sheet('项目表');
  sheet.formulas = {
    AH6: 'IF(AG6>=1,10,ROUND(AG6*10,2))',
    AH19: '=SUM(AH6,AH13:AH18)',
    AF14: 'COUNTA(签约台账!A2:A261)',
  };
  sheet.notes = {
    // The user's own note (a space inside, blank lines before our tag) above our note of an earlier check.
    AH6: '计分口径 按执行率折算\n\n【自评校验】年度资金总额：得分应为 7.95（79.50% × 10），表内为 8',
    // Only our note of an earlier check.
    AH19: '【自评校验】总分应为 97.95（各项得分之和），表内为 98',
  };
  sheet.fills = { AH6: 'FFC7CE' };
  const g = grid(sheet);
  return { g, check: checkWorkbook(g) };
}

const MSG = {
  rate: '年度资金总额：执行率应为 85.55%（500.00 ÷ 584.48），表内为 80.00%',
  low: '年度资金总额：预算执行率 85.55% 低于 90%，原因栏未说明原因',
  score: '年度资金总额：得分应为 8.55（85.55% × 10），表内为 8',
  over: '签约项目个数：完成值 260 超出指标值 200 的 30%（阈值 20%），目标可能定得偏低',
  total: '总分应为 98.55（各项得分之和），表内为 98',
  grade: '总分 98.55 对应等级“优”，表内为“良”',
};

describe('the write plan of a table in two-letter columns', () => {
  // Built before each test, not while Jest collects them (docs/mutation.md).
  let g: WorkbookGrid;
  let check: ReturnType<typeof checkWorkbook>;
  let plan: ReturnType<typeof buildWritePlan>;
  beforeEach(() => {
    ({ g, check } = flaggedTable());
    plan = buildWritePlan(g, check, { lang: 'zh' });
  });
  const at = (cell: string) => plan.cells.find((c) => c.cell === cell)!;

  test('the findings, and the cells the plan touches with their row and column', () => {
    expect(all(check.findings)).toEqual([
      'GRADE_MISMATCH@AC20',
      'LOW_EXECUTION@AG6',
      'OVERACHIEVED@AF14',
      'RATE_MISMATCH@AG6',
      'SCORE_MISMATCH@AH6',
      'TOTAL_MISMATCH@AH19',
    ]);
    // AA = 27th column (index 26): AC → 28, AF → 31, AG → 32, AH → 33; rows from 0.
    expect(plan.cells.map((c) => [c.cell, c.row, c.col])).toEqual([
      ['AG6', 5, 32],
      ['AH6', 5, 33],
      ['AH19', 18, 33],
      ['AC20', 19, 28],
      ['AF14', 13, 31],
    ]);
  });

  test('a cell with an error and a warning takes the error’s fill; its note lists both, one a line', () => {
    expect(at('AG6')).toMatchObject({ value: 0.8555, numFmt: '0.00%', fill: 'FFC7CE' });
    expect(at('AG6').note).toBe(`${NOTE_TAG}${MSG.rate}\n${MSG.low}`);
    expect(at('AG6').findings!.map((f) => f.code)).toEqual(['RATE_MISMATCH', 'LOW_EXECUTION']);
  });

  test('an info finding: a note but no fill, no value', () => {
    expect(at('AF14')).toStrictEqual({
      sheet: '项目表',
      cell: 'AF14',
      row: 13,
      col: 31,
      findings: [check.findings.find((f) => f.code === 'OVERACHIEVED')],
      note: `${NOTE_TAG}${MSG.over}`,
      before: { value: 260, numFmt: null, fill: null, note: null },
    });
  });

  test('the grade is written as text with no number format', () => {
    expect(at('AC20')).toStrictEqual({
      sheet: '项目表',
      cell: 'AC20',
      row: 19,
      col: 28,
      value: '优',
      fill: 'FFC7CE',
      findings: [
        {
          code: 'GRADE_MISMATCH',
          severity: 'error',
          sheet: '项目表',
          cell: 'AC20',
          id: 'default',
          params: { total: '98.55', grade: '优', reportedGrade: '良' },
        },
      ],
      note: `${NOTE_TAG}${MSG.grade}`,
      before: { value: '良', numFmt: null, fill: null, note: null },
    });
  });

  test('the user’s own note is kept as written; our note of an earlier check is replaced, never kept', () => {
    expect(at('AH6').note).toBe(`计分口径 按执行率折算\n${NOTE_TAG}${MSG.score}`);
    expect(at('AH19').note).toBe(`${NOTE_TAG}${MSG.total}`);
    expect(ownNote(g.sheets[0].notes!.AH6)).toBe('计分口径 按执行率折算');
    expect(ownNote(g.sheets[0].notes!.AH19)).toBeNull();
    expect(ownNote(' \n【自评校验】总分应为 97.95（各项得分之和），表内为 98')).toBeNull();
  });

  test('undo puts back each value, format, fill and note; a cell with no format gets General', () => {
    const undo = undoPlan(plan);
    expect(undo.map((u) => [u.cell, u.value, u.numFmt, u.fill, u.note, u.findings])).toEqual([
      ['AG6', 0.8, '0.00%', undefined, undefined, undefined],
      ['AH6', 8, 'General', 'FFC7CE', g.sheets[0].notes!.AH6, undefined],
      ['AH19', 98, 'General', undefined, g.sheets[0].notes!.AH19, undefined],
      ['AC20', '良', 'General', undefined, undefined, undefined],
      ['AF14', 260, 'General', undefined, undefined, undefined],
    ]);
  });

  test('the formulas replaced by values are listed without their “=”; a flagged-only formula is not', () => {
    expect(formulaOverwrites(g, plan)).toEqual([
      { sheet: '项目表', cell: 'AH6', formula: 'IF(AG6>=1,10,ROUND(AG6*10,2))' },
      { sheet: '项目表', cell: 'AH19', formula: 'SUM(AH6,AH13:AH18)' },
    ]);
  });

  test('the 校验结果 rows in Chinese: header, severity names 错误 / 警告 / 提示', () => {
    const rs = plan.resultsSheet;
    expect(rs.header).toEqual(['工作表', '单元格', '严重程度', '代码', '说明']);
    expect(rs.rows).toEqual([
      ['项目表', 'AG6', '错误', 'RATE_MISMATCH', MSG.rate],
      ['项目表', 'AG6', '警告', 'LOW_EXECUTION', MSG.low],
      ['项目表', 'AH6', '错误', 'SCORE_MISMATCH', MSG.score],
      ['项目表', 'AF14', '提示', 'OVERACHIEVED', MSG.over],
      ['项目表', 'AH19', '错误', 'TOTAL_MISMATCH', MSG.total],
      ['项目表', 'AC20', '错误', 'GRADE_MISMATCH', MSG.grade],
    ]);
    expect(rs.fills).toEqual(['FFC7CE', 'FFEB9C', 'FFC7CE', null, 'FFC7CE', 'FFC7CE']);
  });

  test('the 校验结果 rows in English: severity names error / warning / info', () => {
    const en = buildWritePlan(g, check, { lang: 'en' }).resultsSheet;
    expect(en.header).toEqual(['Sheet', 'Cell', 'Severity', 'Code', 'Message']);
    expect(en.rows.map((r) => r[2])).toEqual(['error', 'warning', 'error', 'info', 'error', 'error']);
    expect(en.rows[1][4]).toBe('年度资金总额: execution rate 85.55% is under 90% with no reason given');
  });
});

describe('the JSON report', () => {
  test('findings worded in its language, counted by severity; tables counted over files; the settings', () => {
    const { check } = flaggedTable();
    const report = buildReport(
      [
        { file: '兰洽会经费.xlsx', error: null, tables: check.tables, findings: check.findings },
        { file: '损坏的文件.xlsx', error: 'not an xlsx file', tables: [], findings: [] },
      ],
      resolveSettings({ preset: 'hubei' }),
      { lang: 'en', version: '2.4.0' },
    );
    // 4 errors (rate, score, total, grade), 1 warning (low execution), 1 info (overachieved).
    expect(report.summary).toEqual({ files: 2, tables: 1, errors: 4, warnings: 1, infos: 1 });
    expect([report.tool, report.version]).toEqual(['selfeval', '2.4.0']);
    expect(report.files[0].findings[3]).toEqual({
      code: 'OVERACHIEVED',
      severity: 'info',
      sheet: '项目表',
      cell: 'AF14',
      message: '签约项目个数: actual 260 is 30% beyond the target 200; the target may have been set too low',
    });
    expect(report.files[1]).toEqual({ file: '损坏的文件.xlsx', error: 'not an xlsx file', tables: [], findings: [] });
    expect(report.settings).toEqual({
      preset: 'hubei',
      scoreDecimals: 2,
      overachieveThreshold: '20',
      lowExecutionThreshold: '90',
      executionWeight: '20',
      deductOverachievement: false,
      gradeBounds: { excellent: '90', good: '80', pass: '60' },
      qualitativeBands: { met: '80', partly: '50' },
      reverseFormula: 'ratio',
      exactFormula: 'deviation',
      reasonRequired: 'unmet',
      overDeviation: null,
      executionCaps: [],
      blockWeights: [],
    });
  });

  test('a file with only warnings and infos counts no error', () => {
    const b = new SheetBuilder();
    // 80 ÷ 100 = 80% under 90% with no 备注: one warning.
    summaryTable(b, { rows: [[1, '机关运行保障', 100, 80, 0.8, 85, '良']], total: [100, 80, 0.8] });
    const c = checkWorkbook(grid(b.sheet('汇总表')));
    const report = buildReport(
      [{ file: '汇总.xlsx', error: null, tables: c.tables, findings: c.findings }],
      resolveSettings(),
      {
        lang: 'zh',
        version: '2.4.0',
      },
    );
    expect(report.summary).toEqual({ files: 1, tables: 1, errors: 0, warnings: 1, infos: 0 });
    expect(report.files[0].findings.map((f) => f.message)).toEqual([
      '机关运行保障：预算执行率 80.00% 低于 90%，备注栏未说明原因',
    ]);
  });
});

describe('the grade written back in the workbook’s own wording', () => {
  // Bounds (mof2020): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60. Every project spent its whole budget (100%).
  let c: ReturnType<typeof checkWorkbook>;
  beforeEach(() => {
    const b = new SheetBuilder();
    summaryTable(b, {
      rows: [
        [1, '机关运行保障', 100, 100, 1, 95, '良'],
        [2, '信息系统运维', 50, 50, 1, 95, '较差'],
        [3, '专项调查', 80, 80, 1, 85, '优（90分及以上）'],
        [4, '课题研究', 20, 20, 1, 95, '基本合格'],
        [5, '档案整理', 30, 30, 1, 85, '良（个别指标完成较差）'],
        [6, '宣传经费', 10, 10, 1, 65, '中（接近良好）'],
      ],
      total: [290, 290, 1],
    });
    c = checkWorkbook(grid(b.sheet('汇总表')));
  });

  test('a grade that begins with the right word, remarks after it, is not flagged', () => {
    // 85 → 良 reads 良（个别指标完成较差）; 65 → 中 reads 中（接近良好）: both agree.
    expect(all(c.findings)).toEqual([
      'GRADE_MISMATCH@G3',
      'GRADE_MISMATCH@G4',
      'GRADE_MISMATCH@G5',
      'GRADE_MISMATCH@G6',
    ]);
  });

  test('one character stays one character; a longer grade word is answered with the long form', () => {
    const written = Object.fromEntries(c.writes.map((w) => [`G${w.row + 1}`, w.value])) as Record<string, unknown>;
    expect(written).toEqual({
      G3: '优', // 良 → 优
      G4: '优秀', // 较差 (差 written long) → 优秀
      G5: '良好', // 优（90分及以上） (优 with a remark) → 良好
      G6: '优', // 基本合格 is no grade word the table uses: the plain grade
    });
  });

  test('the finding quotes the cell as written', () => {
    const f = c.findings.find((x: Finding) => x.cell === 'G6')!;
    expect(f.params).toEqual({ label: '课题研究', score: '95', grade: '优', reportedGrade: '基本合格' });
  });
});

describe('profiles', () => {
  test('hebei: execution 20 points, bands 80/50, 产出 and 效益|满意度 blocks of 40 points each', () => {
    expect(resolveSettings({ preset: 'hebei' })).toEqual({
      ...DEFAULT_SETTINGS,
      preset: 'hebei',
      executionWeight: '20',
      qualitativeBands: { met: '80', partly: '50' },
      blockWeights: [
        { match: '产出', weight: '40' },
        { match: '效益|满意度', weight: '40' },
      ],
    });
  });

  test('fasp: grade bounds 80/70/60, deviation and positive formulas, a reason below the weight', () => {
    expect(resolveSettings({ preset: 'fasp' })).toEqual({
      ...DEFAULT_SETTINGS,
      preset: 'fasp',
      reverseFormula: 'deviation',
      exactFormula: 'positive',
      gradeBounds: { excellent: '80', good: '70', pass: '60' },
      reasonRequired: 'below-weight',
    });
  });

  test('the user’s bands and bounds override the profile’s', () => {
    const s = resolveSettings({
      preset: 'hubei',
      qualitativeBands: { met: '85', partly: '55' },
      gradeBounds: { excellent: '95', good: '85', pass: '70' },
    });
    expect([s.executionWeight, s.qualitativeBands, s.gradeBounds]).toEqual([
      '20',
      { met: '85', partly: '55' },
      { excellent: '95', good: '85', pass: '70' },
    ]);
  });
});

test('a date target is met by an actual that says it was done on time, whatever the deadline', () => {
  // The rule's own contract (rules/indicators/date.ts): 'on-time' is met; a dated actual is compared.
  const due = { year: 2023, month: 7, day: 31 };
  expect([dateMet(due, 'on-time'), dateMet(due, { year: 2023, month: 8, day: 1 })]).toEqual([true, false]);
});
