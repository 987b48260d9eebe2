/**
 * Cells as departments' files really hold them, through the .xlsx reader: rich text headers, text numbers
 * with thousands separators and full-width digits, percent text, real Excel dates, merged areas.
 */
import ExcelJS from 'exceljs';
import { checkBuffer } from '../../src/file/check-buffer';
import { resolveSettings } from '../../src/engine/settings';
import { serious } from '../helpers/findings';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件2');
  const rows: (ExcelJS.CellValue | undefined)[][] = [
    ['项目支出绩效自评表'],
    ['（2022年度）'],
    ['项目名称', null, '会展服务经费'],
    ['主管部门', null, '某新区经济合作局', null, null, '实施单位', '某新区经济合作局'],
    [
      '项目资金（万元）',
      null,
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值',
      { richText: [{ text: '执行' }, { text: '率' }] },
      '得分',
    ],
    [null, '年度资金总额', '1,200.00', '1,285.24', '1,233.83', '１０', '96.00%', '9.6'],
    [null, '其中：当年财政拨款', '1,200.00', '1,285.24', '1,233.83', '—', '96.00%', '—'],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, '按期举办展会。', null, null, null, '已举办。'],
    [
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ],
    [null, '产出指标', '数量指标', '举办展会场次', '≥２场', '２场', 30, 30],
    [null, null, '时效指标', '展会举办时间', '2022年9月30日前', new Date(Date.UTC(2022, 8, 20)), 30, 30],
    [null, '效益指标', '经济效益指标', '签约金额', '≥10亿元', '120,000万元', 20, 20],
    [null, '满意度指标', '服务对象满意度指标', '参展商满意度', '≥90%', '93.5%', 10, 10],
    ['总分', null, null, null, null, null, 100, 99.6],
    ['自评等级', null, '优秀'],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(i + 1, c + 1).value = v)));
  ws.mergeCells('A1:I1');
  ws.mergeCells('A5:A7');
  ws.mergeCells('A10:A14');
  ws.mergeCells('B11:B12');
  ws.mergeCells('A15:F15');
  ws.mergeCells('C16:I16');
  ws.getCell('F12').numFmt = 'yyyy"年"m"月"d"日"';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('text numbers, full-width digits, percent text and a real date are read as a finance officer reads them', async () => {
  const r = await checkBuffer('会展.xlsx', await workbook(), resolveSettings());
  expect(r.error).toBeUndefined();
  const t = r.report.tables[0];
  expect(t.name).toBe('会展服务经费');
  // 1,233.83 ÷ 1,285.24 = 96.0000…%; the weight １０ is 10.
  expect(t.funds[0]).toMatchObject({ budget: '1285.24', executed: '1233.83' });
  expect(t.funds[0].rate).toMatchObject({ cell: 'G6', computed: '96.00', reported: '96.00' });
  expect(t.funds[0].score).toMatchObject({ cell: 'H6', weight: '10', computed: '9.60', reported: '9.6' });
  expect(t.indicators.map((i) => [i.type, i.score?.computed])).toEqual([
    ['quantitative', '30.00'],
    ['date', '30.00'],
    ['quantitative', '20.00'],
    ['quantitative', '10.00'],
  ]);
  expect(t.indicators[1].actual).toBe('2022年9月20日');
  expect(t.total).toMatchObject({ cell: 'H15', computed: '99.60', reported: '99.6' });
  expect(t.grade).toMatchObject({ cell: 'C16', computed: '优', reported: '优秀' });
  expect(serious(r.report.findings)).toEqual([]);
});
