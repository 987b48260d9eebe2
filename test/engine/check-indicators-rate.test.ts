/**
 * Execution-rate cells (executed ÷ budget against what the cell says), through summary rows: the findings
 * with their wording, and the computed rate written back (its format, and whether the cell already agreed).
 *
 * Summary builder: projects from row 3 — C 全年预算数, D 全年执行数, E 预算执行率, F 自评得分, G 自评等级,
 * H 备注. Score and grade are left empty so that only the rate speaks.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { CellValue } from '../../src/engine/grid';
import { render } from '../../src/engine/messages/findings';
import { resolveSettings } from '../../src/engine/settings';
import { SheetBuilder, grid, summaryTable } from '../helpers/tables';

function summaryRow(budget: CellValue, executed: CellValue, rate: CellValue, remark?: string) {
  const b = new SheetBuilder();
  summaryTable(b, { rows: [[1, '兰洽会经费', budget, executed, rate, null, null, remark]] });
  const c = checkWorkbook(grid(b.sheet('汇总表')), resolveSettings());
  return { said: c.findings.map((f) => `${f.severity} ${f.code}@${f.cell} ${render(f, 'zh')}`), writes: c.writes };
}

describe('amounts that are not numbers, a zero budget, overspending', () => {
  test('a budget of 待定: UNPARSEABLE only — no rate, no BUDGET_ZERO', () => {
    expect(summaryRow('待定', 50, null)).toEqual({
      said: ['error UNPARSEABLE@C3 兰洽会经费的预算数应为数字，表内为“待定”'],
      writes: [],
    });
  });

  test('an executed amount of 约50: UNPARSEABLE only — the 50% is not compared', () => {
    expect(summaryRow(100, '约50', '50%', '项目延期')).toEqual({
      said: ['error UNPARSEABLE@D3 兰洽会经费的执行数应为数字，表内为“约50”'],
      writes: [],
    });
  });

  test('a budget of 0 with 12.5 spent: BUDGET_ZERO; a 100% in the rate cell is not compared', () => {
    expect(summaryRow(0, 12.5, '100%').said).toEqual([
      'error BUDGET_ZERO@C3 兰洽会经费：预算数为 0，执行数却为 12.50，无法计算执行率',
    ]);
  });

  test('105 spent of 100: OVERSPENT with both amounts; the 105% agrees', () => {
    expect(summaryRow(100, 105, '105%').said).toEqual([
      'warning OVERSPENT@D3 兰洽会经费：执行数 105.00 超过预算数 100.00，请说明',
    ]);
  });

  test('0 of 0 has no rate: 0% agrees, 100% is RATE_MISMATCH', () => {
    expect(summaryRow(0, 0, '0%')).toEqual({ said: [], writes: [] });
    expect(summaryRow(0, 0, '100%').said).toEqual([
      'error RATE_MISMATCH@E3 兰洽会经费：预算数和执行数均为 0，没有执行率，表内为 100%',
    ]);
  });
});

describe('the rate cell against 557.82 ÷ 584.48 = 95.4386…%', () => {
  test('an empty cell is filled with 95.44% as a percent-formatted fraction', () => {
    expect(summaryRow(584.48, 557.82, null)).toEqual({
      said: [],
      writes: [{ sheet: '汇总表', row: 2, col: 4, value: 0.9544, numFmt: '0.00%' }],
    });
  });

  test('95% agrees at the decimals it shows: no finding, 95.44% written over it as agreeing', () => {
    expect(summaryRow(584.48, 557.82, '95%')).toEqual({
      said: [],
      writes: [{ sheet: '汇总表', row: 2, col: 4, value: 0.9544, numFmt: '0.00%', agrees: true }],
    });
  });

  test('0.9544 formatted 0.00% is exactly 95.44%: nothing to say or write', () => {
    expect(summaryRow(584.48, 557.82, 0.9544)).toEqual({ said: [], writes: [] });
  });

  test('96%: RATE_MISMATCH, and 95.44% written as a correction (not agreeing)', () => {
    expect(summaryRow(584.48, 557.82, '96%')).toEqual({
      said: ['error RATE_MISMATCH@E3 兰洽会经费：执行率应为 95.44%（557.82 ÷ 584.48），表内为 96%'],
      writes: [{ sheet: '汇总表', row: 2, col: 4, value: 0.9544, numFmt: '0.00%' }],
    });
  });
});
