/**
 * The task pane's and the ribbon command's strings: Chinese by default, English when Office's display
 * language is not Chinese. Findings are worded by the engine's catalogue (src/engine/messages).
 */
import { Lang, Severity } from '../engine';

export type { Lang };

/** `zh-CN`, `zh-TW`, `zh` → zh; anything else (including unknown) → en; no language at all → zh. */
export function langFrom(displayLanguage: string | null | undefined): Lang {
  if (!displayLanguage) return 'zh';
  return /^zh\b/i.test(displayLanguage) ? 'zh' : 'en';
}

const zh = {
  title: '绩效自评助手',
  check: '检查',
  checkHint: '只标出问题，不改动数值',
  recalc: '重算并写回',
  recalcHint: '把计算值写回单元格并标出问题',
  clear: '清除标记',
  clearHint: '去掉本助手的底色和批注，恢复原样',
  undo: '撤销上次写入',
  undoHint: '把上次写入的单元格恢复为写入前的值',
  undoNotice: '注意：Excel 的 Ctrl+Z（撤销）可能无法撤销本助手写入的内容，请使用“撤销上次写入”。',
  autoCheck: '编辑时自动检查',
  reading: (done: number, total: number) => `正在读取工作簿… ${done}/${total}`,
  working: '正在检查…',
  noTables: '没有找到绩效自评表。',
  tables: '自评表',
  findings: '问题',
  noFindings: '没有发现问题。',
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
  kind: { project: '项目支出', department: '部门整体支出', summary: '自评结果汇总' } as Record<string, string>,
  rate: '预算执行率',
  total: '总分',
  grade: '等级',
  computed: '计算值',
  reported: '表内',
  empty: '空',
  projects: (n: number) => `${n} 个项目`,
  checkedAt: (n: number, t: number) => `检查完成：${t} 张表，${n} 个问题。`,
  written: (n: number) => `已写回 ${n} 个单元格。`,
  formulasReplaced: (cells: string) => `以下单元格原有公式，因结果不符已替换为计算值：${cells}`,
  cellList: (cells: string[], more: number) => cells.join('、') + (more > 0 ? ` 等另 ${more} 个` : ''),
  restored: (n: number) => `已恢复 ${n} 个单元格。`,
  cleared: (n: number) => `已清除 ${n} 处标记。`,
  nothingToUndo: '没有可以撤销的写入。',
  settings: '设置',
  settingsWithProfile: (profile: string) => `设置（${profile}）`,
  settingsSaved: '设置已保存在工作簿中。',
  settingsSavedLocal: '设置已保存在本浏览器中。',
  save: '保存设置',
  selfTest: '自检',
  selfTestHint: '在临时的隐藏工作表上逐项试用本加载项用到的 Excel 功能，结果可复制发给开发者。',
  preset: '规则方案',
  presetNames: {
    mof2020: '财预〔2020〕10号（mof2020）',
    hubei: '湖北（hubei）',
    hebei: '河北（hebei）',
    fasp: '省级绩效系统（fasp）',
    yitihua: '一体化（yitihua）',
  } as Record<string, string>,
  scoreDecimals: '得分小数位',
  overachieve: '超额完成阈值（%）',
  lowExecution: '执行率偏低阈值（%）',
  gradeBounds: '等级分数线（优 / 良 / 中）',
  invalidNumber: '请输入 0 到 100 之间的数字',
  invalidBounds: '分数线须为 优 > 良 > 中',
  fileMode: '文件模式（不在 Excel 中）',
  fileModeIntro:
    '在这里选择一个工作簿（.xlsx、.xlsm、.xls、.ods），检查在本浏览器中完成，文件不会上传到任何地方。WPS 用户可以用这种方式检查后下载检查后的副本。',
  pickFile: '选择工作簿文件',
  download: (name: string) => `下载检查后的副本（${name}）`,
  fileError: '无法读取文件',
  errorPrefix: '出错了：',
  unsupported: '此版本的 Excel 不支持本助手需要的功能（需要 ExcelApi 1.13 或更高）。',
};

export type Strings = typeof zh;

const en: Strings = {
  title: 'SelfEval',
  check: 'Check',
  checkHint: 'Flags problems only; changes no value',
  recalc: 'Recalculate and write',
  recalcHint: 'Writes the computed values and flags problems',
  clear: 'Clear marks',
  clearHint: "Removes the add-in's fills and notes, restoring the cells",
  undo: 'Undo last write',
  undoHint: 'Restores the cells of the last write to what they held before',
  undoNotice: "Note: Excel's Ctrl+Z may not undo what the add-in wrote. Use “Undo last write”.",
  autoCheck: 'Check while I edit',
  reading: (done, total) => `Reading the workbook… ${done}/${total}`,
  working: 'Checking…',
  noTables: 'No self-evaluation table found.',
  tables: 'Tables',
  findings: 'Findings',
  noFindings: 'No problems found.',
  severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  kind: { project: 'Project', department: 'Department', summary: 'Summary' },
  rate: 'Execution rate',
  total: 'Total',
  grade: 'Grade',
  computed: 'computed',
  reported: 'table',
  empty: 'empty',
  projects: (n) => `${n} projects`,
  checkedAt: (n, t) => `Checked ${t} tables: ${n} findings.`,
  written: (n) => `Wrote ${n} cells.`,
  formulasReplaced: (cells) =>
    `These cells held formulas with wrong results, now replaced by the computed values: ${cells}`,
  cellList: (cells, more) => cells.join(', ') + (more > 0 ? ` and ${more} more` : ''),
  restored: (n) => `Restored ${n} cells.`,
  cleared: (n) => `Cleared ${n} marks.`,
  nothingToUndo: 'Nothing to undo.',
  settings: 'Settings',
  settingsWithProfile: (profile) => `Settings: ${profile}`,
  settingsSaved: 'Settings saved in the workbook.',
  settingsSavedLocal: 'Settings saved in this browser.',
  save: 'Save settings',
  selfTest: 'Self-test',
  selfTestHint:
    'Tries each Excel feature the add-in uses on a temporary hidden sheet; copy the result to the developers.',
  preset: 'Rule profile',
  presetNames: {
    mof2020: 'MoF 2020 (mof2020)',
    hubei: 'Hubei (hubei)',
    hebei: 'Hebei (hebei)',
    fasp: 'Provincial performance system (fasp)',
    yitihua: 'Integrated (yitihua)',
  },
  scoreDecimals: 'Score decimals',
  overachieve: 'Over-achievement threshold (%)',
  lowExecution: 'Low-execution threshold (%)',
  gradeBounds: 'Grade bounds (优 / 良 / 中)',
  invalidNumber: 'Enter a number from 0 to 100',
  invalidBounds: 'Bounds must satisfy 优 > 良 > 中',
  fileMode: 'File mode (not in Excel)',
  fileModeIntro:
    'Pick a workbook (.xlsx, .xlsm, .xls, .ods): it is checked in this browser and never uploaded anywhere. WPS users can check a file this way and download the checked copy.',
  pickFile: 'Choose a workbook',
  download: (name) => `Download the checked copy (${name})`,
  fileError: 'Cannot read the file',
  errorPrefix: 'Error: ',
  unsupported: 'This version of Excel lacks what the add-in needs (ExcelApi 1.13 or later).',
};

export const STRINGS: Record<Lang, Strings> = { zh, en };
