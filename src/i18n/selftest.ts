/** The 自检 (self-test) report's words, in Chinese and English (src/excel/selftest.ts builds the text). */
import type { Lang } from '../engine';

export interface SelfTestText {
  title: string;
  time: string;
  platform: string;
  host: string;
  displayLanguage: string;
  markMode: string;
  unknown: string;
  none: string;
  pass: string;
  fail: string;
  allPassed: string;
  failed: (n: number) => string;
  steps: Record<string, string>;
}

export const SELFTEST_TEXT: Record<Lang, SelfTestText> = {
  zh: {
    title: '绩效自评助手 自检结果',
    time: '时间',
    platform: '平台',
    host: '宿主',
    displayLanguage: '显示语言',
    markMode: '标记方式',
    unknown: '未知',
    none: '无',
    pass: '[通过]',
    fail: '[失败]',
    allPassed: '全部通过。',
    failed: (n) => `${n} 项失败。`,
    steps: {
      create: '新建极隐藏工作表',
      write: '写入数值和数字格式',
      read: '读取（使用区域、数值、格式、公式单元格）',
      fill: '底色（写入并读回）',
      note: '批注 notes（ExcelApi 1.18）',
      comment: '批注 comments（ExcelApi 1.10）',
      merge: '合并单元格（areas 读取）',
      event: '编辑事件 onChanged',
      settings: '设置保存（隐藏表 A1）',
      remove: '删除临时工作表',
    },
  },
  en: {
    title: 'SelfEval self-test',
    time: 'Time',
    platform: 'Platform',
    host: 'host',
    displayLanguage: 'display language',
    markMode: 'Mark mode',
    unknown: 'unknown',
    none: 'none',
    pass: '[pass]',
    fail: '[FAIL]',
    allPassed: 'All steps passed.',
    failed: (n) => `${n} step(s) failed.`,
    steps: {
      create: 'add a very hidden sheet',
      write: 'write values and number formats',
      read: 'read (used range, values, formats, formula cells)',
      fill: 'fill (write and read back)',
      note: 'notes (ExcelApi 1.18)',
      comment: 'comments (ExcelApi 1.10)',
      merge: 'merged cells (read from areas)',
      event: 'change event onChanged',
      settings: 'settings storage (hidden sheet A1)',
      remove: 'remove the scratch sheet',
    },
  },
};
