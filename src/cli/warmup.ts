/**
 * A small workbook the engine thread checks while the main thread is still loading the .xlsx, so
 * the engine's code is compiled and warm when the real grid arrives (a Sichuan and a central
 * project table, and a summary — the paths every real file takes).
 */
import { CellValue, WorkbookGrid } from '../engine/grid';

const P = '0.00%';
type Row = CellValue[];

const sichuan: Row[] = [
  ['部门预算项目支出绩效自评表（2023年度）'],
  ['项目名称', '预热项目甲'],
  ['主管部门', '某局', null, null, null, '实施单位（盖章）', null, '某局'],
  [
    '预算执行情况（10分）',
    '年度预算数（万元）',
    null,
    '年初预算',
    '调整后预算数',
    '预算执行数',
    '预算执行率',
    '权重',
    '得分',
    '原因',
  ],
  [null, '总额', null, 300, 349.78, '349.78', 1, 10, 10],
  [null, '其中：财政资金', null, 300, '349.78', 349.78, '100.00%', '/', '/'],
  [null, '单位资金', null, 0, 0, 0, 0, '/', '/'],
  [
    '绩效指标（90分）',
    '一级指标',
    '二级指标',
    '三级指标',
    '指标性质',
    '指标值',
    '度量单位',
    '完成值',
    '权重',
    '得分',
    '未完成原因分析',
  ],
  [null, '产出指标', '数量指标', '招引项目个数', '≥', 16, '个', 21, 30, 30],
  [null, null, null, '协议金额', '≥', 240, '亿元', 184.2, 20, 15.35, '无超大项目'],
  [null, null, '时效指标', '完成时间', '≤', '2023年12月31日前', null, '按时完成', 10, 10],
  [null, '效益指标', '社会效益指标', '带动就业', '定性', '有效提升', null, '基本达成', 10, 7],
  [null, '成本指标', '经济成本指标', '差旅费', '≤', 144, '万元', '1300000元', 10, 10],
  [null, '满意度指标', '服务对象满意度指标', '群众满意度', '≥', 95, '%', 0.98, 10, 10],
  ['合计', null, null, null, null, null, null, null, 100, 92.35],
  ['评价结论', '优秀'],
];
const sichuanFormats: (string | null)[][] = sichuan.map((_, i) =>
  i === 4 || i === 6
    ? [null, null, null, null, null, null, P]
    : i === 13
      ? [null, null, null, null, null, null, null, P]
      : [],
);

const central: Row[] = [
  ['项目支出绩效自评表'],
  ['（2022年度）'],
  ['项目名称', null, '预热项目乙'],
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 110, 584.48, 557.82, 10, 0.9544, 9.54],
  [null, '其中：当年财政拨款', 110, 584.48, '５５７．８２', '—', '95.44%', '—'],
  [null, '上年结转资金', 0, 0, 0, '—', null, '—'],
  ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
  [null, '完成承办事项', null, null, null, '已完成'],
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
  [null, '产出指标', '数量指标', '布展数量', '≥3个', '3个', 40, 40],
  [null, null, '质量指标', '签约项目', '不低于200个', '1,218个', 20, 20],
  [null, '效益指标', '可持续影响指标', '载体作用', '持续发挥', '基本达成', 20, 16],
  [null, '满意度指标', '服务对象满意度指标', '客商满意度', '≥90%', '92%', 10, 10],
  ['总分', null, null, null, null, null, 100, 95.54],
  ['自评等级', null, '优'],
];
const centralFormats: (string | null)[][] = central.map((_, i) =>
  i === 4 ? [null, null, null, null, null, null, P] : [],
);

const summary: Row[] = [
  ['2022年度部门项目支出绩效自评结果汇总表'],
  ['序号', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '预算执行率', '自评得分', '自评等级', '备注'],
  [1, '预热项目乙', 584.48, 557.82, 0.9544, 95.54, '优'],
  [2, '其他项目', 96, '13.06', '13.60%', 62, '中'],
  ['合计', null, 680.48, 570.88, 0.8389, null, null],
];
const summaryFormats: (string | null)[][] = summary.map((_, i) =>
  i === 2 || i === 4 ? [null, null, null, null, P] : [],
);

export const WARMUP: WorkbookGrid = {
  sheets: [
    {
      name: '四川',
      values: sichuan,
      formats: sichuanFormats,
      merges: [
        { top: 0, left: 0, bottom: 0, right: 10 },
        { top: 3, left: 0, bottom: 6, right: 0 },
        { top: 7, left: 0, bottom: 13, right: 0 },
        { top: 8, left: 1, bottom: 10, right: 1 },
        { top: 8, left: 2, bottom: 9, right: 2 },
        { top: 14, left: 0, bottom: 14, right: 7 },
      ],
    },
    { name: '中央', values: central, formats: centralFormats, merges: [{ top: 9, left: 0, bottom: 13, right: 0 }] },
    { name: '汇总', values: summary, formats: summaryFormats, merges: [{ top: 4, left: 0, bottom: 4, right: 1 }] },
  ],
};
