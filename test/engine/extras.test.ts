/**
 * What a report draft takes from a checked table besides its figures (locate/extras.ts): the year from
 * the title, 主管部门 and 实施单位 from the identity rows, the 年度总体目标 and its 实际完成情况 below or right of
 * their labels (never a column heading), 年初预算 per funds row and the reason cell per indicator — from
 * the grid the check read.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { WorkbookGrid } from '../../src/engine/grid';
import { tableExtras } from '../../src/engine/locate/extras';
import { twoRowHeader, weightBeforeTarget } from './layouts-builders';

function extrasOf(grid: WorkbookGrid) {
  const check = checkWorkbook(grid);
  const extras = tableExtras(grid, check.tables);
  expect([...extras.keys()]).toEqual(check.tables);
  return { check, extras: [...extras.values()] };
}

test('two-row header: goal and 完成情况 below their column labels, 年初预算 and the reason of the one indicator that has one', () => {
  const sheet = twoRowHeader({ reason: '单价下降因集中采购' });
  const { check, extras } = extrasOf({ sheets: [sheet] });
  const [e] = extras;
  expect(e).toMatchObject({
    year: null,
    department: '某区城市管理局',
    unit: '某区园林所',
    goal: '完成城区120万平方米绿化养护。',
    goalDone: '已完成125万平方米。',
  });
  const t = check.tables[0];
  // Keyed by the funds rows the check reports: 年度资金总额 and its 当年财政拨款 hold 300, 上年结转 0.
  expect(t.funds.map((f) => e.initial.get(f.row))).toEqual([300, 300, 0]);
  const unitPrice = t.indicators.find((i) => i.name === '养护单价')!;
  expect([...e.reason]).toEqual([[unitPrice.row, '单价下降因集中采购']]);
});

test('weight before target, offset on the sheet: the year from the title; the goal right of its label; the reason of 预算执行率', () => {
  const sheet = weightBeforeTarget({ top: 3, left: 2 });
  const { check, extras } = extrasOf({ sheets: [sheet] });
  const [e] = extras;
  expect(e.year).toBe('2023');
  expect(e.department).toBe('某县交通运输局');
  expect(e.unit).toBe('某县公路事务中心');
  expect(e.goal).toBe('完成全县农村公路养护300公里，优良路率保持在85%以上。');
  expect(e.goalDone).toBeNull();
  const t = check.tables[0];
  expect(t.funds.map((f) => e.initial.get(f.row))).toEqual([500]);
  const exec = t.indicators.find((i) => i.name === '预算执行率')!;
  expect([...e.reason]).toEqual([[exec.row, '部分工程款未到结算期']]);
});

test('a table whose sheet is not in the grid has no extras; an empty grid gives none', () => {
  const sheet = twoRowHeader();
  const { check } = extrasOf({ sheets: [sheet] });
  expect(tableExtras({ sheets: [] }, check.tables).size).toBe(0);
  expect(tableExtras({ sheets: [{ ...sheet, name: '别的表' }] }, check.tables).size).toBe(0);
});
