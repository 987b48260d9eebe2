/** Why a file cannot be read, in Chinese and English (src/file/read.ts picks the line). */
import type { Lang } from '../engine';

export interface ReadErrorText {
  /** Between the file name and the reason. */
  sep: string;
  missing: string;
  folder: string;
  denied: string;
  noSheets: string;
  empty: string;
  encrypted: string;
  xlsDamaged: string;
  encryptedOrNotWorkbook: string;
  notWorkbook: string;
  damaged: string;
  unreadable: (detail: string) => string;
}

export const READ_ERROR_TEXT: Record<Lang, ReadErrorText> = {
  zh: {
    sep: '：',
    missing: '文件不存在',
    folder: '这是一个文件夹，不是工作簿',
    denied: '没有读取权限',
    noSheets: '不是有效的 Excel 工作簿（其中没有任何工作表）',
    empty: '文件是空的（0 字节），不是 Excel 工作簿',
    encrypted: '文件设有打开密码（已加密），无法读取；请在 Excel 中去掉密码后再检查',
    xlsDamaged: '这是 .xls 工作簿，但其内容已损坏或不完整，无法读取；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查',
    encryptedOrNotWorkbook: '文件已加密（设有打开密码）或不是 Excel 工作簿，无法读取；请在 Excel 中去掉密码后再检查',
    notWorkbook: '不是 Excel 工作簿（.xlsx、.xlsm、.xls、.ods），无法读取',
    damaged: '文件已损坏或不完整，无法作为 Excel 工作簿读取',
    unreadable: (detail) => `无法作为 Excel 工作簿读取（${detail}）`,
  },
  en: {
    sep: ': ',
    missing: 'no such file',
    folder: 'a folder, not a workbook',
    denied: 'permission denied',
    noSheets: 'not a valid workbook (it has no sheets)',
    empty: 'the file is empty (0 bytes)',
    encrypted: 'the file is password-protected; remove the password in Excel and check it again',
    xlsDamaged: 'an .xls workbook whose content is damaged or incomplete; open it in Excel or WPS and save it as .xlsx',
    encryptedOrNotWorkbook:
      'the file is password-protected or not a workbook; remove the password in Excel and check it again',
    notWorkbook: 'not an Excel workbook (.xlsx, .xlsm, .xls, .ods)',
    damaged: 'the file is damaged or incomplete',
    unreadable: (detail) => `cannot be read as a workbook (${detail})`,
  },
};

/** The line for a checked copy rebuilt from what was read (an .xls, .xlsb or .ods, or an odd package). */
export const REBUILT_COPY_TEXT: Record<
  Lang,
  { why: (format: string | null) => string; note: (why: string) => string }
> = {
  zh: {
    why: (format) => (format ? `原文件为 ${format} 格式` : '原文件的结构无法逐部件修补'),
    note: (why) =>
      `${why}，检查后的副本是按读取内容重新生成的 .xlsx：保留数值、合并单元格、数字格式和校验标记，不含其他格式、图表和图片；如需完整副本，请先在 Excel 或 WPS 中把原文件另存为 .xlsx 再检查`,
  },
  en: {
    why: (format) => (format ? `the original is ${format}` : 'the original package could not be patched part by part'),
    note: (why) =>
      `${why}: the checked copy is an .xlsx rebuilt from what was read — values, merges, number formats and the marks, without other formatting, charts or pictures; for a full copy, save the file as .xlsx in Excel or WPS first and check that`,
  },
};
