/**
 * Indicators with a 扣减分数 column (the score column after deductions, or before them when its header says
 * 不包含扣减分数), the fasp rule that every score below its weight needs a reason, and qualitative rows in
 * goal groups (a group of met indicators must get its full weight).
 *
 * Deduction table: indicators from row 7 — D 计算符号, E target, F actual, G unit, H weight, I score,
 * J deduction, K reason; 总分 on row 10 (H10 weight, I10 score). Funds: 80 of 80 = 100%, score 10.
 */
import { checkWorkbook, WorkbookCheck } from '../../src/engine/check/workbook';
import { CellValue } from '../../src/engine/grid';
import { render } from '../../src/engine/messages/findings';
import { resolveSettings, Settings } from '../../src/engine/settings';
import { SheetBuilder, grid } from '../helpers/tables';
import { put } from './layouts-builders';

type V = CellValue;

const said = (c: WorkbookCheck): string[] =>
  c.findings.map((f) => `${f.severity} ${f.code}@${f.cell} ${render(f, 'zh')}`);

/** Deduction cell (J) and reported score (I) of each of the three rows; the total in I10. */
interface Cells {
  count?: [V, V, V?];
  date?: [V, V, V?];
  quality?: [V, V, V?];
  total: V;
  excludes?: boolean;
}

/** Rows 7–9: 智慧教室建成数 ≥20 间 (20), 完工时间 by 2023-10-31 (10-20), 信息化应用水平 定性 (达成); weights 30 each. */
function deductionTable(c: Cells, settings?: Partial<Settings>) {
  const [cs, cd, cr] = c.count ?? [30, null];
  const [ds, dd, dr] = c.date ?? [30, null];
  const [qs, qd, qr] = c.quality ?? [30, null];
  const b = new SheetBuilder();
  put(b, 0, 0, [
    ['项目支出绩效自评表'],
    ['项目名称', null, '智慧校园建设'],
    ['主管部门', null, '某市教育局', null, '实施单位', '某市第一中学'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 80, 80, 80, 10, '100%', 10],
    [
      '一级指标',
      '二级指标',
      '三级指标名称',
      '计算符号',
      '指标值',
      '实际完成值',
      '计量单位',
      '分值',
      c.excludes ? '*指标得分（不包含扣减分数。）' : '指标得分',
      '扣减分数',
      '偏差原因及改进措施',
    ],
    ['产出指标', '数量指标', '智慧教室建成数', '≥', 20, 20, '间', 30, cs, cd, cr],
    [null, '时效指标', '完工时间', null, '2023年10月31日前', '2023年10月20日', null, 30, ds, dd, dr],
    ['效益指标', '社会效益指标', '信息化应用水平', '定性', '有效提升', '达成', null, 30, qs, qd, qr],
    ['总分', null, null, null, null, null, null, 100, c.total],
  ]);
  b.merge(3, 0, 4, 0);
  b.merge(9, 0, 9, 6);
  return checkWorkbook(grid(b.sheet('智慧校园')), resolveSettings(settings));
}

describe('a score column after deductions (指标得分)', () => {
  test('met in full less 2 points: 30 − 2 = 28 agrees; 27 is SCORE_MISMATCH showing the deduction', () => {
    const ok = deductionTable({ count: [28, 2], total: 98 });
    expect(said(ok)).toEqual([]);
    // Total 10 + 28 + 30 + 30 = 98.
    expect(ok.tables[0].total).toMatchObject({ computed: '98.00', reported: '98' });
    expect(ok.tables[0].indicators[0].score).toMatchObject({ computed: '28.00', reported: '28' });
    // The total counts the computed 28, not the reported 27: 98 agrees.
    expect(said(deductionTable({ count: [27, 2], total: 98 }))).toEqual([
      'error SCORE_MISMATCH@I7 智慧教室建成数：得分应为 28.00（20 ≥ 20 − 2（扣减）），表内为 27',
    ]);
  });

  test('a qualitative row keeps its reported 22 (not 22 − 8) and is judged on 22 + 8 = 30, in band', () => {
    // 达成 band: 24–30 of 30. The deduction is already in the 22: total 10 + 30 + 30 + 22 = 92.
    const c = deductionTable({ quality: [22, 8], total: 92 });
    expect(said(c)).toEqual([]);
    expect(c.tables[0].total).toMatchObject({ computed: '92.00' });
  });

  test('fasp: a met row less 2 points needs a reason (28.00 < 30); mof2020 does not ask', () => {
    expect(said(deductionTable({ count: [28, 2], total: 98 }, { preset: 'fasp' }))).toEqual([
      'warning UNMET_NO_REASON@K7 智慧教室建成数：得分 28.00 低于分值 30，请填写偏差原因',
    ]);
    expect(said(deductionTable({ count: [28, 2, '部分教室设备延期交付'], total: 98 }, { preset: 'fasp' }))).toEqual([]);
  });

  test('fasp: an on-time date row less 2 points needs a reason too; mof2020 does not ask', () => {
    expect(said(deductionTable({ date: [28, 2], total: 98 }, { preset: 'fasp' }))).toEqual([
      'warning UNMET_NO_REASON@K8 完工时间：得分 28.00 低于分值 30，请填写偏差原因',
    ]);
    expect(said(deductionTable({ date: [28, 2], total: 98 }))).toEqual([]);
  });
});

describe('a score column before deductions (不包含扣减分数)', () => {
  test('a qualitative row scored 30 with 8 off counts 22 in the total: 10 + 30 + 30 + 22 = 92', () => {
    const c = deductionTable({ quality: [30, 8], total: 92, excludes: true });
    expect(said(c)).toEqual([]);
    expect(c.tables[0].total).toMatchObject({ computed: '92.00', reported: '92' });
  });

  test('a quantitative row: the score column shows 30, the total counts 30 − 2 = 28', () => {
    const c = deductionTable({ count: [30, 2], total: 98, excludes: true });
    expect(said(c)).toEqual([]);
    expect(c.tables[0].indicators[0].score).toMatchObject({ computed: '30.00', reported: '30' });
    expect(c.tables[0].total).toMatchObject({ computed: '98.00' });
  });
});

describe('goal groups of qualitative indicators', () => {
  /** Weights at group level only; funds 190 of 200 = 95% of 20 = 19. */
  function groups(g2: [string, V, string, V]) {
    const b = new SheetBuilder();
    const hdr = ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'];
    put(b, 0, 0, [
      ['2023年度项目支出绩效自评表'],
      ['项目名称', '乡村振兴示范村建设'],
      ['主管部门', '某县农业农村局', '实施单位', '某县农业农村局'],
      ['预算执行情况（万元）（20分）', '预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20分*执行率）'],
      ['年度财政资金总额', 200, 190, '95.00%', 19],
      ['年度绩效目标1（40分）'],
      hdr,
      ['产出指标', '数量指标', '示范村建设', '全面完成', '全面完成', 20],
      [null, '质量指标', '村容村貌', '明显改善', '达成', 18],
      ['年度绩效目标2（40分）'],
      hdr,
      ['效益指标', '社会效益指标', '农民增收效果', '有效带动', g2[0], g2[1]],
      ['满意度指标', '服务对象满意度指标', '村民满意度', '满意', g2[2], g2[3]],
      ['总分', 19 + 38 + 38],
    ]);
    b.merge(0, 0, 0, 5);
    b.merge(5, 0, 5, 5);
    b.merge(9, 0, 9, 5);
    return checkWorkbook(grid(b.sheet('绩效目标')), resolveSettings());
  }

  test('every indicator 达成 yet 20 + 18 = 38 of 40: GROUP_SCORE; one 部分达成 allows 38', () => {
    // Group 1 (全面完成, 达成) is met in full; group 2 has a 部分达成, so 20 + 18 = 38 < 40 is allowed.
    expect(said(groups(['部分达成', 20, '达成', 18]))).toEqual([
      'error GROUP_SCORE@A6 年度绩效目标1（40分）：各指标均已完成，得分合计却为 38，应为 40',
    ]);
    // Both groups met in full: both are short.
    expect(said(groups(['达成', 20, '满意', 18]))).toEqual([
      'error GROUP_SCORE@A6 年度绩效目标1（40分）：各指标均已完成，得分合计却为 38，应为 40',
      'error GROUP_SCORE@A10 年度绩效目标2（40分）：各指标均已完成，得分合计却为 38，应为 40',
    ]);
  });
});
