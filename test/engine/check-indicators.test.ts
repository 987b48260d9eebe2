/**
 * One indicator row checked through checkWorkbook: a clean Sichuan-style table (and the clean central one)
 * with one row changed at a time. Each test asserts the whole findings list with the wording a finance officer
 * reads, and the figures of the report (scores, types, operators, units).
 *
 * Sichuan builder: indicators from row 11 — E operator (指标性质), F target, G unit, H actual, I weight,
 * J score, K reason; funds total on row 5 (349.78 of 349.78 = 100%, score 10).
 * Central builder: indicators from row 13 — E target, F actual, G weight, H score, I reason; funds total
 * on row 6 (557.82 ÷ 584.48 = 95.4386…%).
 */
import { checkWorkbook, WorkbookCheck } from '../../src/engine/check/workbook';
import { render } from '../../src/engine/messages/findings';
import { resolveSettings, Settings } from '../../src/engine/settings';
import {
  CentralIndicator,
  SheetBuilder,
  SichuanIndicator,
  SichuanSpec,
  centralClean,
  centralProject,
  grid,
  sichuanExample,
  sichuanProject,
} from '../helpers/tables';
import { put } from './layouts-builders';

/** Every finding as `severity CODE@CELL message` (Chinese), in the engine's order. */
const said = (c: WorkbookCheck): string[] =>
  c.findings.map((f) => `${f.severity} ${f.code}@${f.cell} ${render(f, 'zh')}`);

/**
 * The 2023 招商引资 table with nine clean indicators of weight 10 (10 + 90 = 100) and the total and grade
 * cells left empty, so that only the indicator under test speaks.
 */
function cleanSichuan(): SichuanSpec {
  const s = sichuanExample();
  s.indicators = [
    ['产出指标', '数量指标', '招引项目个数', '≥', 16, '个', 16, 10, 10],
    [null, null, '协议金额', '≥', 240, '亿元', 240, 10, 10],
    [null, '质量指标', '10亿元以上项目个数', '≥', 5, '个', 5, 10, 10],
    [null, '时效指标', '完成时间', '＝', 1, '年', 1, 10, 10],
    ['效益指标', '经济效益指标', '创造GDP产值', '≥', 30, '亿元', 30, 10, 10],
    [null, null, '完成税收', '≥', 3, '亿元', 3, 10, 10],
    [null, '社会效益指标', '创造就业岗位', '≥', 3000, '个', 3000, 10, 10],
    ['满意度指标', '满意度指标', '群众满意度', '≥', 95, '%', 96, 10, 10],
    ['成本指标', '经济成本指标', '参加或举办大型活动', '≤', 110, '万元', 110, 10, 10],
  ];
  s.total = [100, null];
  s.grade = null;
  return s;
}

/** The clean Sichuan table with its first indicator (row 11) replaced. */
function row11(ind: SichuanIndicator, settings?: Partial<Settings>, mut: (s: SichuanSpec) => void = () => {}) {
  const s = cleanSichuan();
  s.indicators[0] = ind;
  mut(s);
  const b = new SheetBuilder();
  sichuanProject(b, s);
  return checkWorkbook(grid(b.sheet('招商引资')), resolveSettings(settings));
}

/** The clean central table, total and grade cells emptied, with indicator `i` (row 13 + i) replaced. */
function central(i: number, ind: CentralIndicator | null, mut: (rows: CentralIndicator[]) => void = () => {}) {
  const s = centralClean();
  if (ind) s.indicators[i] = ind;
  mut(s.indicators);
  s.total = [100, null];
  s.grade = null;
  const b = new SheetBuilder();
  centralProject(b, s);
  return checkWorkbook(grid(b.sheet('兰洽会经费')), resolveSettings());
}

test('the clean tables raise nothing', () => {
  expect(said(row11(cleanSichuan().indicators[0]))).toEqual([]);
  expect(said(central(0, null))).toEqual([]);
});

describe('qualitative rows: the band named by the actual, and the reported score', () => {
  // 营商环境, weight 10. Bands (mof2020): 达成 80–100% → 8–10, 部分达成 60–80% → 6–8, 未达成 0–60% → 0–6.
  const q = (actual: string, score: number | null, reason?: string, settings?: Partial<Settings>) =>
    row11(['产出指标', '质量指标', '营商环境', '定性', '有效提升', null, actual, 10, score, reason], settings);

  test('a score outside the band its actual names: QUALITATIVE_OUT_OF_BAND with the band and its range', () => {
    expect(said(q('达成', 7))).toEqual([
      'warning QUALITATIVE_OUT_OF_BAND@J11 营商环境：完成情况“达成”属于“达成”，得分应在 8–10 之间，表内为 7',
    ]);
    expect(said(q('部分达成', 9))).toEqual([
      'warning QUALITATIVE_OUT_OF_BAND@J11 营商环境：完成情况“部分达成”属于“部分达成”，得分应在 6–8 之间，表内为 9',
    ]);
    expect(said(q('未达成', 7))).toEqual([
      'warning QUALITATIVE_OUT_OF_BAND@J11 营商环境：完成情况“未达成”属于“未达成”，得分应在 0–6 之间，表内为 7',
    ]);
    // The English names the band too.
    expect(render(q('部分达成', 9).findings[0], 'en')).toBe(
      '营商环境: "部分达成" is partly achieved; the score should lie in 6–8, the cell says 9',
    );
  });

  test('no score: QUALITATIVE_UNSCORED gives the band of the actual and its points', () => {
    // 基本达成 is a 部分达成 word: 10 × 60% = 6 to 10 × 80% = 8.
    expect(said(q('基本达成', null))).toEqual([
      'warning QUALITATIVE_UNSCORED@J11 营商环境：定性指标没有得分，需要评价人判断（“部分达成”对应 6–8 分）',
    ]);
  });

  test('an actual naming no band: QUALITATIVE_UNKNOWN (info) quoting it; a score above the weight', () => {
    expect(said(q('正在推进中', 10))).toEqual([
      'info QUALITATIVE_UNKNOWN@H11 营商环境：完成情况“正在推进中”无法归入达成、部分达成或未达成',
    ]);
    expect(said(q('达成', 12))).toEqual(['error SCORE_OVER_WEIGHT@J11 营商环境：得分 12 超过分值 10']);
  });

  test('fasp: a qualitative score below its weight needs a reason; with one, or under mof2020, it does not', () => {
    expect(said(q('达成', 9, undefined, { preset: 'fasp' }))).toEqual([
      'warning UNMET_NO_REASON@K11 营商环境：得分 9 低于分值 10，请填写偏差原因',
    ]);
    expect(said(q('达成', 9, '部分企业反映审批时限偏长', { preset: 'fasp' }))).toEqual([]);
    expect(said(q('达成', 9))).toEqual([]);
  });

  test('指标性质 定性 makes the row qualitative even with a number as its target', () => {
    const c = row11(['满意度指标', '满意度指标', '企业满意度', '定性', 95, '%', '达成', 10, 10]);
    expect(said(c)).toEqual([]);
    expect(c.tables[0].indicators[0]).toMatchObject({ type: 'qualitative', operator: '定性', target: '95' });
  });
});

describe('date rows: the deadline against the actual', () => {
  // 招商推介会举办时间, target 2023年10月31日前, weight 10.
  const d = (actual: string, score: number | null, reason?: string) =>
    row11(['产出指标', '时效指标', '招商推介会举办时间', null, '2023年10月31日前', null, actual, 10, score, reason]);

  test('an actual that is neither a date nor on-time wording: UNPARSEABLE, nothing else', () => {
    const c = d('正在筹备', 10);
    expect(said(c)).toEqual([
      'error UNPARSEABLE@H11 招商推介会举办时间：完成值“正在筹备”不是日期，无法与时限 2023年10月31日前 比较',
    ]);
    expect(c.tables[0].indicators[0]).toMatchObject({ row: 11, type: 'date', target: '2023年10月31日' });
    expect(c.tables[0].indicators[0].score?.computed).toBeNull();
  });

  test('late in words, scored in full, no reason: DATE_NOT_MET, the score 0 and the reason asked for', () => {
    expect(said(d('未按期举办', 10))).toEqual([
      'warning DATE_NOT_MET@H11 招商推介会举办时间：完成时间 未按期举办 晚于目标 2023年10月31日，按 0 分计',
      'error SCORE_MISMATCH@J11 招商推介会举办时间：得分应为 0.00（未按时完成），表内为 10',
      'warning UNMET_NO_REASON@K11 招商推介会举办时间：完成时间晚于 2023年10月31日，请填写偏差原因',
    ]);
  });

  test('late by date, scored 0, reason given: only DATE_NOT_MET with both dates', () => {
    expect(said(d('2023年11月15日', 0, '场馆档期调整'))).toEqual([
      'warning DATE_NOT_MET@H11 招商推介会举办时间：完成时间 2023年11月15日 晚于目标 2023年10月31日，按 0 分计',
    ]);
  });

  test('on time but scored 8: SCORE_MISMATCH says 按时完成', () => {
    expect(said(d('2023年10月20日', 8))).toEqual([
      'error SCORE_MISMATCH@J11 招商推介会举办时间：得分应为 10.00（按时完成），表内为 8',
    ]);
    expect(said(d('2023年10月20日', 10))).toEqual([]);
  });

  test('a date row of a table with no 得分 column is not scored (no score to compare)', () => {
    const b = new SheetBuilder();
    put(b, 0, 0, [
      ['项目支出绩效目标表'],
      ['项目名称', null, '智慧校园建设'],
      ['一级指标', '二级指标', '三级指标名称', '计算符号', '指标值', '实际完成值', '计量单位', '分值'],
      ['产出指标', '数量指标', '智慧教室建成数', '≥', 20, 20, '间', 50],
      [null, '时效指标', '完工时间', null, '2023年10月31日前', '2023年10月20日', null, 50],
    ]);
    const c = checkWorkbook(grid(b.sheet('绩效目标')), resolveSettings());
    expect(said(c)).toEqual(['error COLUMN_MISSING@A3 绩效指标表缺少“得分”列']);
    expect(c.tables[0].indicators.map((i) => [i.name, i.type, i.score])).toEqual([
      ['智慧教室建成数', 'quantitative', null],
      ['完工时间', 'date', null],
    ]);
  });
});

describe('a target of 0: 无 is the count 0', () => {
  const zero = (actual: string | number, score: number, reason?: string) =>
    row11(['产出指标', '质量指标', '安全生产事故', '＝', 0, '起', actual, 10, score, reason]);

  test('无 against ＝0 is met; 2 against ＝0 is not met and scores 0', () => {
    const met = zero('无', 10);
    expect(said(met)).toEqual([]);
    expect(met.tables[0].indicators[0]).toMatchObject({ actual: '0', score: { computed: '10.00' } });
    // a = 2 ≠ t = 0: not met, 0 points; reported 0 with a reason: nothing to say.
    const missed = zero(2, 0, '发生两起轻微事故');
    expect(said(missed)).toEqual([]);
    expect(missed.tables[0].indicators[0]).toMatchObject({ actual: '2', score: { computed: '0.00' } });
  });

  test('a filler longer than 无 (无／, ／无) is no actual: ACTUAL_MISSING with the score it got', () => {
    const msg = 'warning ACTUAL_MISSING@H11 安全生产事故：没有完成值，却得 10 分；请填写完成值或说明理由';
    expect(said(zero('无／', 10))).toEqual([msg]);
    expect(said(zero('／无', 10))).toEqual([msg]);
  });
});

describe('quantitative rows: units, direction, reasons', () => {
  test('unit column %, target 95, actual 0.96: the actual is 96%, met', () => {
    const c = row11(['满意度指标', '满意度指标', '企业满意度', '≥', 95, '%', 0.96, 10, 10]);
    expect(said(c)).toEqual([]);
    expect(c.tables[0].indicators[0].score?.computed).toBe('10.00');
  });

  test('16 个 wanted, 1 bare: 1 stays 1 (no percent), 10 × 1 ÷ 16 = 0.625 → 0.63', () => {
    const c = row11(['产出指标', '数量指标', '招引项目个数', '≥', 16, '个', 1, 10, 0.63, '受疫情影响']);
    expect(said(c)).toEqual([]);
    expect(c.tables[0].indicators[0].score?.computed).toBe('0.63');
  });

  test('target 0.9 as a bare number, actual 92%: the target is 90%, met', () => {
    // (92 − 90) ÷ 90 = 2.2%: not overachieved.
    const c = row11(['满意度指标', '满意度指标', '企业满意度', '≥', 0.9, '%', '92%', 10, 10]);
    expect(said(c)).toEqual([]);
    expect(c.tables[0].indicators[0].score?.computed).toBe('10.00');
  });

  test('target 1, actual 2, no unit: counts, not percents — met and 100% beyond the target', () => {
    const c = row11(['产出指标', '数量指标', '举办招商推介会', '≥', 1, null, 2, 10, 10, '新增一场专题推介']);
    // (2 − 1) ÷ 1 = 100% > 20%; a reason is written, so the finding is info and asks for nothing.
    expect(said(c)).toEqual([
      'info OVERACHIEVED@H11 举办招商推介会：完成值 2 超出指标值 1 的 100%（阈值 20%），目标可能定得偏低',
    ]);
    expect(c.tables[0].indicators[0]).toMatchObject({ unit: null, score: { computed: '10.00' } });
    // Without the reason it is a warning and asks for one.
    expect(said(row11(['产出指标', '数量指标', '举办招商推介会', '≥', 1, null, 2, 10, 10]))).toEqual([
      'warning OVERACHIEVED@H11 举办招商推介会：完成值 2 超出指标值 1 的 100%（阈值 20%），目标可能定得偏低，请在原因栏说明',
    ]);
  });

  test('an actual in 万元 against a target in 个: UNIT_MISMATCH naming both units', () => {
    expect(said(row11(['产出指标', '数量指标', '招引项目个数', '≥', 16, '个', '16万元', 10, 10]))).toEqual([
      'warning UNIT_MISMATCH@H11 招引项目个数：完成值单位“万元”与指标值单位“个”无法换算',
    ]);
  });

  test('a text actual for a number target: UNPARSEABLE quoting it and the target', () => {
    expect(said(row11(['产出指标', '数量指标', '招引项目个数', '≥', 16, '个', '进行中', 10, 10]))).toEqual([
      'error UNPARSEABLE@H11 招引项目个数：完成值“进行中”不是数字，无法与指标值 16 比较',
    ]);
  });

  test('missed without a reason: UNMET_NO_REASON with actual, operator and target', () => {
    // 10 × 12 ÷ 16 = 7.5, reported 7.5.
    expect(said(row11(['产出指标', '数量指标', '招引项目个数', '≥', 16, '个', 12, 10, 7.5]))).toEqual([
      'warning UNMET_NO_REASON@K11 招引项目个数：完成值 12 未达到指标值 ≥16，请填写偏差原因',
    ]);
  });

  test('overachievement deducted (setting on): 21 of 16 is 31.25% beyond, 10 × (1 − 11.25%) = 8.875 → 8.88', () => {
    const c = row11(['产出指标', '数量指标', '招引项目个数', '≥', 16, '个', 21, 10, 10, '新引进项目集中落地'], {
      deductOverachievement: true,
    });
    expect(said(c)).toEqual([
      'info OVERACHIEVED@H11 招引项目个数：完成值 21 超出指标值 16 的 31%（阈值 20%），目标可能定得偏低',
      'error SCORE_MISMATCH@J11 招引项目个数：得分应为 8.88（21 ≥ 16，超额扣减），表内为 10',
    ]);
  });

  test('yitihua: 31.25% beyond the target (≥ 30%) loses 2 points: 10 − 2 = 8', () => {
    const c = row11(['产出指标', '数量指标', '招引项目个数', '≥', 16, '个', 21, 10, 10, '新引进项目集中落地'], {
      preset: 'yitihua',
    });
    expect(said(c)).toEqual([
      'info OVERACHIEVED@H11 招引项目个数：完成值 21 超出指标值 16 的 31%（阈值 20%），目标可能定得偏低',
      'error SCORE_MISMATCH@J11 招引项目个数：得分应为 8.00（21 ≥ 16 − 2（偏离 ≥ 30%）），表内为 10',
    ]);
  });

  test('fasp scores ＝ as ≥: 26 of 20 is met and not reported as overachieved', () => {
    const c = row11(['产出指标', '数量指标', '建成智慧教室', '＝', 20, '间', 26, 10, 10], { preset: 'fasp' });
    expect(said(c)).toEqual([]);
    expect(c.tables[0].indicators[0]).toMatchObject({ operator: '=', score: { computed: '10.00' } });
  });
});

describe('预算执行率 as an indicator: its actual against the funds rate', () => {
  // Funds: 349.78 of 349.78 = 100%.
  const exec = (name: string) => row11(['产出指标', '质量指标', name, '≥', 100, '%', 98, 10, 9.8, '部分尾款未支付']);
  const MISMATCH = (name: string) =>
    `error EXECUTION_INDICATOR_MISMATCH@H11 ${name}：完成值为 98%，资金表的预算执行率为 100.00%，两者不符`;

  test('执行率 and 预算执行率 are the funds rate: 98% ≠ 100%', () => {
    expect(said(exec('执行率'))).toEqual([MISMATCH('执行率')]);
    expect(said(exec('预算执行率'))).toEqual([MISMATCH('预算执行率')]);
  });

  test('another rate named 执行率 (下属单位预算执行率, 执行率达标单位占比) is not compared', () => {
    expect(said(exec('下属单位预算执行率'))).toEqual([]);
    expect(said(exec('执行率达标单位占比'))).toEqual([]);
  });

  test('an actual of 1 against 100% (no unit) is the fraction 100%: it agrees', () => {
    expect(said(row11(['产出指标', '质量指标', '预算执行率', '≥', '100%', null, 1, 10, 10]))).toEqual([]);
  });

  test('a funds rate of 1.5%: an actual 1.5 under the unit %, or 1.5%, agrees (not read as a fraction)', () => {
    // 3 of 200 = 1.5%; funds score 10 × 1.5% = 0.15; the indicator 10 × 1.5 ÷ 90 = 0.1666… → 0.17.
    const low = (s: SichuanSpec) => {
      s.funds = [
        ['总额', 200, 200, 3, 0.015, 10, 0.15, '项目于12月下旬启动'],
        ['其中：财政资金', 200, 200, 3, 0.015, '/', '/'],
        ['财政专户管理资金', 0, 0, 0, 0, '/', '/'],
        ['单位资金', 0, 0, 0, 0, '/', '/'],
        ['其他资金', null, null, null, null, '/', '/'],
      ];
    };
    for (const actual of [1.5, '1.5%']) {
      const c = row11(
        ['产出指标', '质量指标', '预算执行率', '≥', 90, '%', actual, 10, 0.17, '项目于12月下旬启动'],
        undefined,
        low,
      );
      expect(said(c)).toEqual([]);
      expect(c.tables[0].indicators[0].score?.computed).toBe('0.17');
    }
  });

  test('central: 0.9512 (a fraction, 2 decimals as percent) against 95.4386…%: 95.12% ≠ 95.44%', () => {
    const c = central(0, ['产出指标', '数量指标', '预算执行率', '≥90%', 0.9512, 20, 20]);
    expect(said(c)).toEqual([
      'error EXECUTION_INDICATOR_MISMATCH@F13 预算执行率：完成值为 95.12%，资金表的预算执行率为 95.44%，两者不符',
    ]);
  });
});

describe('the report’s row of an indicator (central table)', () => {
  test('clean central: row, type, operator, target, actual and unit of each indicator', () => {
    const c = central(0, null);
    const score = (cell: string, weight: string, computed: string | null) => ({
      cell,
      weight,
      computed,
      reported: weight,
    });
    expect(c.tables[0].indicators).toEqual([
      {
        row: 13,
        level1: '产出指标',
        level2: '数量指标',
        name: '布展特色产业馆数量',
        type: 'quantitative',
        operator: '≥',
        target: '3',
        actual: '3',
        unit: '个',
        score: score('H13', '20', '20.00'),
      },
      {
        row: 14,
        level1: '产出指标',
        level2: '质量指标',
        name: '签约项目个数',
        type: 'quantitative',
        operator: '≥',
        target: '200',
        actual: '218',
        unit: '个',
        score: score('H14', '20', '20.00'),
      },
      {
        row: 15,
        level1: '产出指标',
        level2: '时效指标',
        name: '承办事项完成时间',
        type: 'date',
        operator: null,
        target: '2022年7月31日',
        actual: '2022年7月10日',
        unit: null,
        score: score('H15', '10', '10.00'),
      },
      {
        row: 16,
        level1: '成本指标',
        level2: '经济成本指标',
        name: '兰洽会经费',
        type: 'quantitative',
        operator: '≤',
        target: '584.48',
        actual: '557.82',
        unit: '万元',
        score: score('H16', '15', '15.00'),
      },
      {
        row: 17,
        level1: '效益指标',
        level2: '社会效益指标',
        name: '新区对外影响力',
        type: 'qualitative',
        operator: null,
        target: '有效提升',
        actual: '达成预期',
        unit: null,
        score: score('H17', '15', null),
      },
      {
        row: 18,
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '参展客商满意度',
        type: 'quantitative',
        operator: '≥',
        target: '90',
        actual: '92',
        unit: '%',
        score: score('H18', '10', '10.00'),
      },
    ]);
  });

  test('a target written 定性：… gives the operator 定性; a text target’s ≥ is no operator', () => {
    const q = (target: string) =>
      central(4, ['效益指标', '社会效益指标', '新区对外影响力', target, '达成预期', 15, 15]);
    const named = q('定性：有效提升');
    expect(said(named)).toEqual([]);
    expect(named.tables[0].indicators[4]).toMatchObject({ type: 'qualitative', operator: '定性' });
    expect(q('≥良好').tables[0].indicators[4]).toMatchObject({ type: 'qualitative', operator: null });
  });

  test('the 指标性质 column wins over a 定性 written in the target', () => {
    const c = row11(['效益指标', '社会效益指标', '营商环境', '≥', '定性：有效提升', null, '达成', 10, 10]);
    expect(said(c)).toEqual([]);
    expect(c.tables[0].indicators[0]).toMatchObject({ type: 'qualitative', operator: '≥' });
  });

  test('16 个 wanted, 1 written as a bare number: 1 个 (not 100%), 20 × 1 ÷ 16 = 1.25', () => {
    const c = central(0, ['产出指标', '数量指标', '布展特色产业馆数量', '≥16个', 1, 20, 1.25, '受场地限制']);
    expect(said(c)).toEqual([]);
    expect(c.tables[0].indicators[0]).toMatchObject({ actual: '1', unit: '个', score: { computed: '1.25' } });
  });

  test('a table stating no direction but 定性: one OPERATOR_MISSING (info) for the table, no warnings', () => {
    const c = central(0, null, (rows) => {
      rows[0] = ['产出指标', '数量指标', '布展特色产业馆数量', '3个', '3个', 20, 20];
      rows[1] = [null, '质量指标', '签约项目个数', '200个', '218个', 20, 20];
      rows[3] = ['成本指标', '经济成本指标', '兰洽会经费', '584.48万元', '584.48万元', 15, 15];
      rows[4] = ['效益指标', '社会效益指标', '新区对外影响力', '定性：有效提升', '达成预期', 15, 15];
      rows[5] = ['满意度指标', '服务对象满意度指标', '参展客商满意度', '90%', '92%', 10, 10];
    });
    expect(said(c)).toEqual(['info OPERATOR_MISSING@E13 本表的指标值都没有写明方向（≥、≤ 或 =），均按“≥”计分']);
  });
});
