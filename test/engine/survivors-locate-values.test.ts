/**
 * Readings that no other test pinned (found from the mutation run's survivors in check/project.ts,
 * locate/tables.ts and values/date.ts): the 总分 weight cell on its own, a funds header whose two rows hold one
 * header word each, a funds total row without its label, and dates written with two-digit months and
 * after lead-in words.
 *
 * Central builder (test/helpers/tables.ts): funds rows 6–9 (B label, D budget, E executed, G rate, H score),
 * indicators rows 13–18 (E target, F actual, G weight, H score), 总分 row 19 (G weight, H score).
 * The clean table: funds 10 × 557.82 ÷ 584.48 = 10 × 95.44% = 9.54, indicators 20 + 20 + 10 + 15 + 15 + 10 = 90.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { render } from '../../src/engine/messages/findings';
import { startsWithDate } from '../../src/engine/values/date';
import { all, serious } from '../helpers/findings';
import {
  CentralSpec,
  SheetBuilder,
  centralClean,
  centralProject,
  grid,
  sichuanExample,
  sichuanProject,
} from '../helpers/tables';

function central(mut: (s: CentralSpec) => void) {
  const spec = centralClean();
  mut(spec);
  const b = new SheetBuilder();
  centralProject(b, spec);
  return checkWorkbook(grid(b.sheet('兰洽会经费')));
}

describe('the 总分 row’s weight cell', () => {
  test('90 in the 总分 weight cell while the weights add up to 100 is WEIGHT_SUM on that cell', () => {
    // Funds 10 + indicators 20 + 20 + 10 + 15 + 15 + 10 = 100: the sum is right, only the cell G19 says 90.
    const c = central((s) => {
      s.total = [90, 99.54];
    });
    expect(all(c.findings)).toEqual(['WEIGHT_SUM@G19']);
    expect(c.findings[0].params).toEqual({ sum: '100', reported: '90' });
    expect(render(c.findings[0], 'zh')).toBe('各项分值合计为 100，总分值栏为 90，应为 100');
  });

  test('100 in the 总分 weight cell with weights adding up to 100 is no finding', () => {
    const c = central(() => undefined);
    expect(all(c.findings)).toEqual([]);
    expect(c.tables[0].total).toEqual({ cell: 'H19', weight: '100', computed: '99.54', reported: '99.54' });
  });
});

describe('funds blocks that are easy to miss', () => {
  test('a funds header over two rows with one header word in each (全年预算数 | 执行情况 over 全年执行数) is read', () => {
    // Row 4: 全年预算数 merged down over rows 4–5, 执行情况 (no header word) above 全年执行数 in row 5.
    // Each row alone has one header word; together they hold budget and executed, the funds shape.
    const b = new SheetBuilder();
    b.set(0, 0, '项目支出绩效自评表');
    b.merge(0, 0, 0, 7);
    b.row(1, 0, ['项目名称', null, '兰洽会经费']);
    b.row(2, 0, ['主管部门', null, '某新区经济合作局', null, null, '实施单位', '某新区经济合作局']);
    b.row(3, 0, ['项目资金（万元）', null, '全年预算数', '执行情况']);
    b.row(4, 0, [null, null, null, '全年执行数']);
    b.merge(3, 0, 6, 0);
    b.merge(3, 2, 4, 2);
    b.row(5, 1, ['年度资金总额', 584.48, 557.82]);
    b.row(6, 1, ['其中：当年财政拨款', 584.48, 557.82]);
    b.row(7, 0, ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
    b.row(8, 1, ['产出指标', '数量指标', '布展特色产业馆数量', '≥3个', '3个', 50, 50]);
    b.row(9, 1, ['满意度指标', '服务对象满意度指标', '参展客商满意度', '≥90%', '92%', 50, 50]);
    b.merge(7, 0, 9, 0);
    b.row(10, 0, ['总分', null, null, null, null, null, 100, 100]);
    b.row(11, 0, ['自评等级', null, '优']);
    const c = checkWorkbook(grid(b.sheet('兰洽会经费')));
    expect(all(c.findings)).toEqual([]);
    expect(c.tables).toHaveLength(1);
    // No rate or score column: the rows are read for their amounts only.
    expect(c.tables[0].funds).toEqual([
      { label: '年度资金总额', row: 6, budget: '584.48', executed: '557.82', rate: null, score: null },
      { label: '当年财政拨款', row: 7, budget: '584.48', executed: '557.82', rate: null, score: null },
    ]);
    // 50 + 50 = 100, both indicators met.
    expect(c.tables[0].total).toEqual({ cell: 'H11', weight: '100', computed: '100.00', reported: '100' });
  });

  test('a funds total row whose label cell was left empty is still the total, named after the block label', () => {
    // Row 6 holds only numbers; the block label 项目资金（万元） without its unit names it.
    const c = central((s) => {
      s.funds[0][0] = '';
    });
    expect(all(c.findings)).toEqual([]);
    expect(c.tables[0].funds.map((f) => [f.label, f.row, f.budget, f.executed])).toEqual([
      ['项目资金', 6, '584.48', '557.82'],
      ['当年财政拨款', 7, '584.48', '557.82'],
      ['上年结转资金', 8, '0.00', '0.00'],
      ['其他资金', 9, '0.00', '0.00'],
    ]);
    // 557.82 ÷ 584.48 = 0.95438… → 95.44%, 10 × 95.44% = 9.544 → 9.54.
    expect(c.tables[0].funds[0].rate).toEqual({ cell: 'G6', computed: '95.44', reported: '95.44' });
    expect(c.tables[0].funds[0].score).toEqual({ cell: 'H6', weight: '10', computed: '9.54', reported: '9.54' });
  });
});

describe('the conclusion row', () => {
  test('with a 序号 column, an indicator named 等级公路… is an indicator, not the 自评等级 row', () => {
    // The shared Sichuan example one column to the right, 序号 1–14 in column A of the indicator rows, and its
    // second indicator renamed 等级公路新改建里程 (km instead of 亿元, same figures). Its level-1 and level-2
    // cells are empty (merged from the row above), so its first text starts with the grade word 等级, but
    // the row starts with the number 2, so it is no conclusion row.
    const spec = sichuanExample();
    spec.left = 1;
    spec.indicators[1] = [null, null, '等级公路新改建里程', '≥', 240, '公里', 184.2, 10, 7.7, '部分路段未完工'];
    const b = new SheetBuilder();
    sichuanProject(b, spec);
    const hdr = 3 + spec.funds.length + 1; // title, 项目名称, 主管部门, funds header, 5 fund rows
    b.set(hdr, 0, '序号');
    spec.indicators.forEach((_, i) => b.set(hdr + 1 + i, 0, i + 1));
    const c = checkWorkbook(grid(b.sheet('项目自评')));
    expect(c.tables[0].indicators.map((i) => i.name)).toEqual(spec.indicators.map((i) => i[2]));
    // The example's own findings, one column to the right: 21 of 16 projects (OVERACHIEVED) and three
    // indicators without an actual.
    expect(serious(c.findings)).toEqual([
      'ACTUAL_MISSING@I15',
      'ACTUAL_MISSING@I16',
      'ACTUAL_MISSING@I17',
      'OVERACHIEVED@I11',
    ]);
    // Funds 10; indicators 10 + 7.68 (10 × 184.2 ÷ 240 = 7.675) + 10 + 10 + 10 + 5 + 5 + 10 + 10 + 5 × 2 = 87.68.
    expect(c.tables[0].total).toEqual({ cell: 'K25', weight: '100', computed: '97.68', reported: '97.7' });
  });
});

describe('dates with a two-digit month and after lead-in words', () => {
  test('2022.12.20召开 meets 2022年12月31日前: read as 20 December, not as the number 2022.12', () => {
    const c = central((s) => {
      s.indicators[2] = [null, '时效指标', '承办事项完成时间', '2022年12月31日前', '2022.12.20召开', 10, 10];
    });
    expect(serious(c.findings)).toEqual([]);
    expect(c.tables[0].indicators[2]).toMatchObject({
      type: 'date',
      target: '2022年12月31日',
      actual: '2022年12月20日',
      score: { cell: 'H15', weight: '10', computed: '10.00', reported: '10' },
    });
  });

  test('startsWithDate reads two-digit months with . and - separators', () => {
    expect(startsWithDate('2022.12.20召开')).toEqual({ year: 2022, month: 12, day: 20 });
    expect(startsWithDate('2023-11-05开幕')).toEqual({ year: 2023, month: 11, day: 5 });
  });

  test('startsWithDate skips lead-in words ending in 于 or 在', () => {
    // July has 31 days: 2022年7月 is due by 7月31日.
    expect(startsWithDate('于2022年7月')).toEqual({ year: 2022, month: 7, day: 31 });
    expect(startsWithDate('已于2023年12月20日召开')).toEqual({ year: 2023, month: 12, day: 20 });
    expect(startsWithDate('在2023年底')).toEqual({ year: 2023, month: 12, day: 31 });
  });
});
