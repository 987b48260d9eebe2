/** Errors the office.js host reports to the task pane: always with a Chinese and an English message. */

export class HostError extends Error {
  messageZh: string;
  messageEn: string;
  /** office.js error code when the error came from Excel. */
  code?: string;
  constructor(messageZh: string, messageEn: string, code?: string) {
    super(messageEn);
    this.name = 'HostError';
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.code = code;
  }
}

export function protectedSheetError(sheets: string[]): HostError {
  const list = sheets.map((s) => `“${s}”`).join('、');
  return new HostError(
    `工作表${list}受保护，无法写入标记。请先在“审阅 → 撤销工作表保护”中取消保护后再试；本次没有写入任何内容。`,
    `Sheet ${sheets.join(', ')} is protected, so the marks cannot be written. Unprotect it (Review → Unprotect Sheet) and try again; nothing was written.`,
    'SheetProtected',
  );
}

export function workbookProtectedError(): HostError {
  return new HostError(
    '工作簿结构受保护，无法添加“校验结果”工作表和撤销记录。请先在“审阅 → 保护工作簿”中取消保护后再试；本次没有写入任何内容。',
    'The workbook structure is protected, so the results sheet and the undo record cannot be added. Unprotect the workbook and try again; nothing was written.',
    'WorkbookProtected',
  );
}

export function nothingToUndoError(): HostError {
  return new HostError('没有可以撤销的检查记录。', 'There is no check to undo.', 'NothingToUndo');
}

/** Any error from Excel.run → a HostError with a clear Chinese message. */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  const msg = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new HostError(
        'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。',
        'Excel is in cell-edit mode. Press Enter or Esc to finish editing, then try again.',
        code,
      );
    case 'AccessDenied':
      return new HostError(
        `Excel 拒绝了这次操作（工作表或工作簿可能受保护，或文件为只读）：${msg}`,
        `Excel denied the operation (a sheet or the workbook may be protected, or the file is read-only): ${msg}`,
        code,
      );
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new HostError(
        '工作表数据量太大，超出了 Excel 一次传输的上限。请缩小使用区域（删除多余的空行空列）后再试。',
        'The sheet data exceeds the payload limit of one Excel request. Reduce the used range and try again.',
        code,
      );
    case 'ItemNotFound':
      return new HostError(
        `找不到要操作的工作表或单元格（可能已被改名或删除）：${msg}`,
        `A sheet or cell was not found (it may have been renamed or deleted): ${msg}`,
        code,
      );
    case 'NotImplemented':
    case 'ApiNotFound':
      return new HostError(
        `此版本的 Excel 不支持所需的功能，请升级到 Microsoft 365 版 Excel：${msg}`,
        `This version of Excel lacks a required API; use Excel for Microsoft 365: ${msg}`,
        code,
      );
    default:
      return new HostError(`Excel 报告错误：${msg}`, `Excel reported an error: ${msg}`, code || undefined);
  }
}

const codeOf = (e: unknown): string =>
  e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';

/**
 * A request or response over Excel's payload limit. `generalIsPayload`: GeneralException counts too
 * (Excel on the web can report the overflow that way: issue 9; "Resource limits and performance
 * optimization for Office Add-ins", learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 */
export function isPayloadError(e: unknown, opts: { generalIsPayload?: boolean } = {}): boolean {
  const code = codeOf(e);
  if (opts.generalIsPayload && code === 'GeneralException') return true;
  return /PayloadSizeLimitExceeded/.test(code) || /payload/i.test(e instanceof Error ? e.message : '');
}

/** The user's situation, not a failure of how the add-in asked: retrying differently will not help. */
export function isUserSituation(e: unknown): boolean {
  return ['InvalidOperationInCellEditMode', 'AccessDenied', 'SheetProtected', 'WorkbookProtected'].includes(codeOf(e));
}
