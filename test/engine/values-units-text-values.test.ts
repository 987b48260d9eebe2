/**
 * Units (`values/unit.ts`), operators (`values/operator.ts`) and target / actual cells
 * (`values/indicator-value.ts`), on cell texts as departments write them, and a few whole tables.
 * Expected values are worked out by hand.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { CellValue } from '../../src/engine/grid';
import { resolveSettings } from '../../src/engine/settings';
import { readIndicatorValue } from '../../src/engine/values/indicator-value';
import { leadingOperator, operatorCell, trailingOperator } from '../../src/engine/values/operator';
import { cleanUnit, conversion, unitScale } from '../../src/engine/values/unit';
import { serious } from '../helpers/findings';
import {
  CentralIndicator,
  SheetBuilder,
  centralClean,
  centralProject,
  grid,
  sichuanExample,
  sichuanProject,
} from '../helpers/tables';

describe('cleanUnit: words around the unit removed', () => {
  test.each([
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['万元', '万元'],
    ['余人', '人'], // 300余人
    ['多家', '家'], // 20多家
    ['约万元', '万元'],
    ['万元左右', '万元'],
    ['人次以上', '人次'],
    ['个及以上', '个'],
    ['天之内', '天'],
    ['）人次', '人次'], // ≥（95）人次
    [' 万元 ', '万元'],
    // The words are only removed at the start or the end.
    ['万余元', '万余元'],
    ['小时以内响应', '小时以内响应'],
    ['人次）', '人次）'],
  ])('%j → %j', (u, expected) => {
    expect(cleanUnit(u)).toBe(expected);
  });
});

describe('unitScale: percent, and 亿 / 千万 / 百万 / 万 / 千 prefixes', () => {
  test.each([
    ['%', '%', '1'],
    ['百分比', '%', '1'],
    ['％', '%', '1'],
    ['', '', '1'],
    ['元', '元', '1'],
    ['个', '个', '1'],
    ['万元', '元', '10000'],
    ['亿元', '元', '100000000'],
    ['千万元', '元', '10000000'],
    ['百万元', '元', '1000000'],
    ['万人次', '人次', '10000'],
    ['千米', '米', '1000'],
    // A prefix alone is the unit itself (5万).
    ['万', '万', '1'],
    ['亿', '亿', '1'],
  ])('%j is %j × %s', (u, base, factor) => {
    const s = unitScale(u);
    expect({ base: s.base, factor: s.factor.toString() }).toEqual({ base, factor });
  });
});

describe('conversion: the factor from the actual unit to the target unit', () => {
  test.each([
    ['万元', '元', '10000'],
    ['元', '万元', '0.0001'],
    ['亿元', '万元', '10000'], // 1e8 ÷ 1e4
    ['万人次', '人次', '10000'],
    ['人次', '人次', '1'],
    // An empty unit converts to anything.
    ['', '万元', '1'],
    ['万元', '', '1'],
    // A period on one side only.
    ['次/年', '次', '1'],
    ['次', '次/季度', '1'],
    ['每年次', '次', '1'],
    ['万人次/年', '人次', '10000'],
    // Units that do not convert.
    ['个', '万元', null],
    ['%', '个', null],
    // A period and nothing else is no unit to compare.
    ['/年', '次', null],
    ['次', '/月', null],
    ['每月', '次', null],
  ])('%j → %j: %j', (from, to, factor) => {
    const f = conversion(from, to);
    expect(f === null ? null : f.toString()).toBe(factor);
  });
});

describe('operators', () => {
  test.each([
    ['≥95%', '≥', '95%'],
    ['>=95%', '≥', '95%'],
    ['不低于95%', '≥', '95%'],
    ['大于等于90%', '≥', '90%'],
    ['大于90%', '>', '90%'],
    ['≦110万元', '≤', '110万元'],
    ['控制在5%以内', '≤', '5%以内'],
    ['＝1年', '=', '1年'],
  ])('leadingOperator(%s) is %s before %j', (s, op, rest) => {
    expect(leadingOperator(s)).toEqual({ op, rest });
  });

  test('leadingOperator of a plain number is null', () => {
    expect(leadingOperator('95%')).toBeNull();
  });

  test.each([
    ['≥', '≥'],
    [' ≤ ', '≤'],
    ['定性', '定性'],
    ['(定性)', '定性'],
    ['定量/定性', '定性'],
    ['正向指标', '≥'],
    ['越大越好', '≥'],
    ['数值大于目标', '≥'],
    ['反向指标', '≤'],
    ['越小越好', '≤'],
    ['数值小于目标', '≤'],
    ['与目标值相等', '='],
    ['定量', null],
    ['', null],
    ['   ', null],
  ])('operatorCell(%j) is %j', (cell, op) => {
    expect(operatorCell(cell)).toBe(op);
  });

  test.each([
    ['以上', '≥', ''],
    ['人次以上', '≥', '人次'],
    ['个及以上', '≥', '个'],
    ['万元以内', '≤', '万元'],
    ['天以下', '≤', '天'],
    ['家及以下', '≤', '家'],
  ])('trailingOperator(%s) is %s after %j', (rest, op, before) => {
    expect(trailingOperator(rest)).toEqual({ op, rest: before });
  });

  test.each(['万元', '小时以内响应', ''])('trailingOperator(%j) is null', (rest) => {
    expect(trailingOperator(rest)).toBeNull();
  });
});

/** readIndicatorValue with the Decimal shown as text. */
function read(v: CellValue, fmt?: string) {
  const r = readIndicatorValue(v, fmt);
  return r.kind === 'number' ? { ...r, value: r.value.toString() } : r;
}

const num = (value: string, unit: string, operator: string | null, text: string, decimals = 0) => ({
  kind: 'number',
  value,
  unit,
  bare: false,
  operator,
  text,
  decimals,
});

describe('readIndicatorValue: numbers written as text', () => {
  test.each([
    ['≥95%', num('95', '%', '≥', '≥95%')],
    ['≥９５．５％', num('95.5', '%', '≥', '≥95.5%', 1)],
    ['≤110万元', num('110', '万元', '≤', '≤110万元')],
    ['达到100%', num('100', '%', '≥', '达到100%')],
    ['95', num('95', '', null, '95')],
    ['300余人', num('300', '人', null, '300余人')],
    ['完成218个', num('218', '个', null, '完成218个')],
    ['95%以上', num('95', '%', '≥', '95%以上')],
    ['5天以内', num('5', '天', '≤', '5天以内')],
    ['20个及以上', num('20', '个', '≥', '20个及以上')],
    // The leading word decides; the trailing one does not overrule it.
    ['大于90%以上', num('90', '%', '>', '大于90%以上')],
    // The unit stops at the first punctuation.
    ['≥3个（含）', num('3', '个', '≥', '≥3个(含)')],
  ])('%j', (cell, expected) => {
    expect(read(cell)).toEqual(expected);
  });

  test.each([
    ['定性', { kind: 'text', text: '定性', operator: '定性' }],
    // 定性 in front: text, even with a number after it.
    ['定性100%', { kind: 'text', text: '定性100%', operator: '定性' }],
    ['约300人', { kind: 'text', text: '约300人', operator: null }],
    ['当年完成率100%', { kind: 'text', text: '当年完成率100%', operator: null }],
    ['有效提升', { kind: 'text', text: '有效提升', operator: null }],
    ['—', { kind: 'empty' }],
    ['／', { kind: 'empty' }],
  ])('%j', (cell, expected) => {
    expect(read(cell)).toEqual(expected);
  });
});

describe('readIndicatorValue: dates', () => {
  test.each([
    ['年底前', { year: null, month: 12, day: 31 }],
    ['2022年7月31日前', { year: 2022, month: 7, day: 31 }],
    ['12月底前', { year: null, month: 12, day: 31 }],
    // Actuals written without 前: a month (its last day), a full date with words after it, a day.
    ['2022年12月', { year: 2022, month: 12, day: 31 }],
    ['2022年9月', { year: 2022, month: 9, day: 30 }],
    ['2022年7月10日召开', { year: 2022, month: 7, day: 10 }],
    ['7月10日', { year: null, month: 7, day: 10 }],
  ])('%j', (cell, date) => {
    expect(read(cell)).toEqual({ kind: 'date', date, operator: null, text: cell });
  });
});

describe('readIndicatorValue: cells holding a number, a boolean or a date serial', () => {
  test('TRUE and FALSE read as 是 and 否', () => {
    expect(read(true)).toEqual({ kind: 'text', text: '是', operator: null });
    expect(read(false)).toEqual({ kind: 'text', text: '否', operator: null });
  });

  test('a serial with a date format is a date: 44926 is 2022-12-31', () => {
    // 44926 − 25569 (1970-01-01) = 19357 days; 1970-01-01 + 19358 days (53 × 365 + 13 leap days) is 2023-01-01.
    expect(read(44926, 'yyyy/m/d')).toEqual({
      kind: 'date',
      date: { year: 2022, month: 12, day: 31 },
      operator: null,
      text: '44926',
    });
  });

  test('0.95 with a percent format is 95 %, not bare', () => {
    expect(read(0.95, '0%')).toEqual(num('95', '%', null, '0.95'));
  });

  test('0.95 in General is bare, without unit', () => {
    expect(read(0.95)).toEqual({ ...num('0.95', '', null, '0.95', 2), bare: true });
  });
});

describe('through whole tables', () => {
  test('指标性质 written as a word: 反向指标 scores 差旅费 as ≤ (2 × 144 ÷ 160 = 1.8)', () => {
    const s = sichuanExample();
    // 差旅费: target 144 万元, actual 160, weight 2; reported 1.8 with a reason. Total 97.7 − 2 + 1.8 = 97.5.
    s.indicators[9] = [null, null, '差旅费', '反向指标', 144, '万元', 160, 2, 1.8, '出差人次增加'];
    s.total = [100, 97.5];
    const b = new SheetBuilder();
    sichuanProject(b, s);
    const r = checkWorkbook(grid(b.sheet('项目支出绩效自评表')), resolveSettings());
    // Only the example's own findings: 招引项目个数 21 against ≥16 over-achieved, and the three 效益
    // indicators with no actual (未完全投产). Read as ≥, 160 would meet 144 and the 1.8 would be a SCORE_MISMATCH.
    expect(serious(r.findings)).toEqual([
      'ACTUAL_MISSING@H15',
      'ACTUAL_MISSING@H16',
      'ACTUAL_MISSING@H17',
      'OVERACHIEVED@H11',
    ]);
  });

  /** The central clean table with its 时效 indicator (row 15: E target, F actual) replaced. */
  function centralWith(row: CentralIndicator) {
    const spec = centralClean();
    spec.indicators[2] = row;
    const b = new SheetBuilder();
    centralProject(b, spec);
    return serious(checkWorkbook(grid(b.sheet('兰洽会经费')), resolveSettings()).findings);
  }

  test.each([
    // 2022-12-31 is on the deadline 12-31.
    ['年底前', '2022年12月'],
    ['2022年12月31日前', '2022年12月'],
    // 5578200 元 = 557.82 万元 ≤ 584.48 万元.
    ['≤584.48万元', '5578200元'],
    // Full-width digits and percent: 92 ≥ 90.
    ['≥９０％', '９２％'],
  ])('target %j, actual %j: met, the table is clean', (target, actual) => {
    expect(centralWith([null, '时效指标', '承办事项完成时间', target, actual, 10, 10])).toEqual([]);
  });

  test('a month after the deadline is missed: 2023年1月 against 年底前 of 2022', () => {
    expect(centralWith([null, '时效指标', '承办事项完成时间', '2022年12月31日前', '2023年1月', 10, 10])).toEqual([
      'DATE_NOT_MET@F15',
      'GRADE_MISMATCH@C20',
      'SCORE_MISMATCH@H15',
      'TOTAL_MISMATCH@H19',
      'UNMET_NO_REASON@I15',
    ]);
  });
});
