/** Qualitative (定性) indicators: the actual text names a band; the reported score must lie in it. */
import Decimal from 'decimal.js';

export type Band = '达成' | '部分达成' | '未达成';

const NOT_MET = [
  '未',
  '没有',
  '否',
  '差',
  '无效',
  '不达标',
  '不满意',
  '不合格',
  '不及格',
  // The wording of evaluation frameworks (项目决策 / 项目管理): 不充分, 不规范…
  '不充分',
  '不合理',
  '不合规',
  '不规范',
  '不健全',
  '不完善',
  '不到位',
  '不及时',
  '不明确',
];
const PARTLY = ['部分', '基本', '较好', '一般', '良', '中等', '有所'];
const MET = [
  '达成',
  '达到',
  '完成',
  '实现',
  '是',
  '有效',
  '显著',
  '提升',
  '好',
  '优',
  '满意',
  '合格',
  '提高',
  '改善',
  '增强',
  '持续',
  '充分',
  '合理',
  '合规',
  '规范',
  '健全',
  '完善',
  '到位',
  '及时',
  '明确',
];

/** Check order: 未达成 words first, then 部分达成, then 达成. */
export function bandOf(actual: string): Band | null {
  if (NOT_MET.some((w) => actual.includes(w))) return '未达成';
  if (PARTLY.some((w) => actual.includes(w))) return '部分达成';
  if (MET.some((w) => actual.includes(w))) return '达成';
  return null;
}

/** Lower bounds of 达成 and 部分达成 in percent of the weight (80/60; some profiles 80/50). */
export interface Bands {
  met: string;
  partly: string;
}

const RANGES = new Map<string, Record<Band, [Decimal, Decimal]>>();

/** The band's score range as fractions of the weight; both bounds included when checking. */
export function bandRange(band: Band, bands: Bands = { met: '80', partly: '60' }): [Decimal, Decimal] {
  const key = `${bands.met}/${bands.partly}`;
  let r = RANGES.get(key);
  if (!r) {
    const met = new Decimal(bands.met).div(100);
    const partly = new Decimal(bands.partly).div(100);
    r = { 达成: [met, new Decimal(1)], 部分达成: [partly, met], 未达成: [new Decimal(0), partly] };
    RANGES.set(key, r);
  }
  return r[band];
}

export function inBand(score: Decimal, weight: Decimal, band: Band, bands?: Bands): boolean {
  const [lo, hi] = bandRange(band, bands);
  return score.gte(weight.times(lo)) && score.lte(weight.times(hi));
}
