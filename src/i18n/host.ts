/** The office.js host's error messages, in Chinese and English (src/excel/errors.ts raises them). */
import type { Lang } from '../engine';

export interface HostText {
  sheetProtected: (sheets: string[]) => string;
  workbookProtected: string;
  nothingToUndo: string;
  cellEditMode: string;
  accessDenied: (detail: string) => string;
  payloadTooLarge: string;
  itemNotFound: (detail: string) => string;
  apiMissing: (detail: string) => string;
  excelError: (detail: string) => string;
}

export const HOST_TEXT: Record<Lang, HostText> = {
  zh: {
    sheetProtected: (sheets) =>
      `工作表${sheets.map((s) => `“${s}”`).join('、')}受保护，无法写入标记。请先在“审阅 → 撤销工作表保护”中取消保护后再试；本次没有写入任何内容。`,
    workbookProtected:
      '工作簿结构受保护，无法添加“校验结果”工作表和撤销记录。请先在“审阅 → 保护工作簿”中取消保护后再试；本次没有写入任何内容。',
    nothingToUndo: '没有可以撤销的检查记录。',
    cellEditMode: 'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。',
    accessDenied: (m) => `Excel 拒绝了这次操作（工作表或工作簿可能受保护，或文件为只读）：${m}`,
    payloadTooLarge: '工作表数据量太大，超出了 Excel 一次传输的上限。请缩小使用区域（删除多余的空行空列）后再试。',
    itemNotFound: (m) => `找不到要操作的工作表或单元格（可能已被改名或删除）：${m}`,
    apiMissing: (m) => `此版本的 Excel 不支持所需的功能，请升级到 Microsoft 365 版 Excel：${m}`,
    excelError: (m) => `Excel 报告错误：${m}`,
  },
  en: {
    sheetProtected: (sheets) =>
      `Sheet ${sheets.join(', ')} is protected, so the marks cannot be written. Unprotect it (Review → Unprotect Sheet) and try again; nothing was written.`,
    workbookProtected:
      'The workbook structure is protected, so the results sheet and the undo record cannot be added. Unprotect the workbook and try again; nothing was written.',
    nothingToUndo: 'There is no check to undo.',
    cellEditMode: 'Excel is in cell-edit mode. Press Enter or Esc to finish editing, then try again.',
    accessDenied: (m) =>
      `Excel denied the operation (a sheet or the workbook may be protected, or the file is read-only): ${m}`,
    payloadTooLarge:
      'The sheet data exceeds the payload limit of one Excel request. Reduce the used range and try again.',
    itemNotFound: (m) => `A sheet or cell was not found (it may have been renamed or deleted): ${m}`,
    apiMissing: (m) => `This version of Excel lacks a required API; use Excel for Microsoft 365: ${m}`,
    excelError: (m) => `Excel reported an error: ${m}`,
  },
};
