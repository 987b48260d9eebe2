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
