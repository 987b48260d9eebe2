/**
 * The summary table against the project tables of the same workbook (SUMMARY_ROW_MISMATCH): which summary
 * row is which project (codes and years in front of a name do not count, dashes do not count), and what is
 * compared — budget, executed, score, grade.
 *
 * Project figures: the Sichuan example 349.78 of 349.78, total 97.68 (优); the central table 557.82 of
 * 584.48, total 99.54 (优). Summary rows from row 3: C budget, D executed, E rate (left empty), F score,
 * G grade.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { CellValue, Sheet } from '../../src/engine/grid';
import { render } from '../../src/engine/messages/findings';
import { resolveSettings } from '../../src/engine/settings';
import {
  SheetBuilder,
  SummaryRow,
  centralClean,
  centralProject,
  grid,
  sichuanExample,
  sichuanProject,
  summaryTable,
} from '../helpers/tables';
import { put } from './layouts-builders';

/** The Sichuan example (total 97.68) under another project name. */
function sichuan(sheet: string, name: string): Sheet {
  const b = new SheetBuilder();
  sichuanProject(b, { ...sichuanExample(), name });
  return b.sheet(sheet);
}

function central(sheet: string, name: string): Sheet {
  const b = new SheetBuilder();
  centralProject(b, { ...centralClean(), name });
  return b.sheet(sheet);
}

/** A summary row of 349.78 budgeted: executed, score and grade as given, the rate cell empty. */
const row = (i: number, name: string, executed: CellValue, score: CellValue = null, grade: CellValue = null) =>
  [i, name, 349.78, executed, null, score, grade] as SummaryRow;

/** The workbook's findings on the summary sheet, in words. */
function summaryFindings(projects: Sheet[], rows: SummaryRow[]): string[] {
  const b = new SheetBuilder();
  summaryTable(b, { rows });
  const c = checkWorkbook(grid(...projects, b.sheet('汇总表')), resolveSettings());
  return c.findings
    .filter((f) => f.sheet === '汇总表')
    .map((f) => `${f.severity} ${f.code}@${f.cell} ${render(f, 'zh')}`);
}

describe('which project a summary row is', () => {
  test('a code in front (with or without a dash), then a year, and a dash inside are not part of the name', () => {
    const projects = [
      sichuan('招商引资', '51090423T000008717642-2023招商引资'),
      central('兰洽会', '兰洽会参展经费'),
      sichuan('公路养护', 'XM2023001农村公路养护'),
    ];
    expect(
      summaryFindings(projects, [
        row(1, '招商引资', 340),
        [2, '兰洽会—参展经费', 594.48, 557.82, null, null, null],
        row(3, '农村公路养护', 349.78, 96),
      ]),
    ).toEqual([
      'error SUMMARY_ROW_MISMATCH@D3 招商引资：汇总表执行数为 340，“招商引资”工作表的项目表为 349.78',
      'error SUMMARY_ROW_MISMATCH@C4 兰洽会—参展经费：汇总表预算数为 594.48，“兰洽会”工作表的项目表为 584.48',
      'error SUMMARY_ROW_MISMATCH@F5 农村公路养护：汇总表自评得分为 96，“公路养护”工作表的项目表为 97.68',
    ]);
  });

  test('a year with 年度 in front is dropped; the grade is compared as a grade (优秀 = 优)', () => {
    const projects = [sichuan('招商引资', '2023年度招商引资')];
    expect(summaryFindings(projects, [row(1, '招商引资', 349.78, null, '良')])).toEqual([
      'error SUMMARY_ROW_MISMATCH@G3 招商引资：汇总表等级为“良”，“招商引资”工作表的项目表为“优”',
    ]);
    expect(summaryFindings(projects, [row(1, '2023年度招商引资', 349.78, null, '优秀')])).toEqual([]);
    expect(summaryFindings(projects, [row(1, '招商引资', 349.78, null, '—')])).toEqual([]);
  });

  test('a code or a year after the name is part of it: those rows match no project', () => {
    const projects = [sichuan('公路养护', '农村公路养护-XM2023001'), sichuan('招商引资', '招商引资2023年度')];
    expect(summaryFindings(projects, [row(1, '农村公路养护', 340), row(2, '招商引资', 340)])).toEqual([]);
  });

  test('two projects of the same name: the summary row is compared with neither', () => {
    const projects = [central('兰洽会', '兰洽会参展经费'), central('兰洽会（续）', '兰洽会参展经费')];
    expect(summaryFindings(projects, [[1, '兰洽会参展经费', 594.48, 557.82, null, null, null]])).toEqual([]);
  });

  test('a summary row without a name is not the project whose 项目名称 is empty', () => {
    expect(summaryFindings([sichuan('未命名', '')], [row(1, '', 340)])).toEqual([]);
  });

  test('a project table without a funds block: its budget and executed are not compared', () => {
    const b = new SheetBuilder();
    put(b, 0, 0, [
      ['项目支出绩效自评表'],
      ['项目名称', null, '智慧校园建设'],
      ['一级指标', '二级指标', '三级指标名称', '计算符号', '指标值', '实际完成值', '计量单位', '分值', '得分'],
      ['产出指标', '数量指标', '智慧教室建成数', '≥', 20, 20, '间', 50, 50],
      [null, '时效指标', '完工时间', null, '2023年10月31日前', '2023年10月20日', null, 50, 50],
    ]);
    expect(summaryFindings([b.sheet('智慧校园')], [row(1, '智慧校园建设', 340)])).toEqual([]);
  });
});
