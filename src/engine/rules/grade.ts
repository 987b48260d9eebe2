/** Grades 优/良/中/差 from a total, and the workbook's own wording of them. */
import Decimal from 'decimal.js';
import { Settings } from '../settings';

export type Grade = '优' | '良' | '中' | '差';

export function gradeOf(total: Decimal, s: Settings): Grade {
  if (total.gte(s.gradeBounds.excellent)) return '优';
  if (total.gte(s.gradeBounds.good)) return '良';
  if (total.gte(s.gradeBounds.pass)) return '中';
  return '差';
}

/** 优秀/良好/中等/合格/差/不合格 are the four grades written longer. */
export function parseGrade(text: string): Grade | null {
  const t = text.replace(/\s/g, '');
  if (/^(不合格|较差|差)/.test(t)) return '差';
  if (/^优/.test(t)) return '优';
  if (/^良/.test(t)) return '良';
  if (/^(中|合格|一般)/.test(t)) return '中';
  return null;
}

/** Write a grade in the wording the workbook already uses. */
export function gradeInWording(g: Grade, reported: string | null): string {
  const t = (reported ?? '').replace(/\s/g, '');
  if (/^(优秀|良好|中等|合格|不合格)/.test(t) || (t.length >= 2 && parseGrade(t) !== null && !/^[优良中差]$/.test(t))) {
    const usesPass = /合格/.test(t);
    return { 优: '优秀', 良: '良好', 中: usesPass ? '合格' : '中等', 差: usesPass ? '不合格' : '差' }[g];
  }
  return g;
}
