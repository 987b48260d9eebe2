/**
 * Errors the office.js host reports to the task pane: always with a Chinese and an English message,
 * worded in src/i18n/host.ts.
 */
import { HOST_TEXT } from '../i18n/host';

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

const { zh, en } = HOST_TEXT;

export function protectedSheetError(sheets: string[]): HostError {
  return new HostError(zh.sheetProtected(sheets), en.sheetProtected(sheets), 'SheetProtected');
}

export function workbookProtectedError(): HostError {
  return new HostError(zh.workbookProtected, en.workbookProtected, 'WorkbookProtected');
}

export function nothingToUndoError(): HostError {
  return new HostError(zh.nothingToUndo, en.nothingToUndo, 'NothingToUndo');
}

/** Any error from Excel.run → a HostError with a clear Chinese message. */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  const msg = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new HostError(zh.cellEditMode, en.cellEditMode, code);
    case 'AccessDenied':
      return new HostError(zh.accessDenied(msg), en.accessDenied(msg), code);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new HostError(zh.payloadTooLarge, en.payloadTooLarge, code);
    case 'ItemNotFound':
      return new HostError(zh.itemNotFound(msg), en.itemNotFound(msg), code);
    case 'NotImplemented':
    case 'ApiNotFound':
      return new HostError(zh.apiMissing(msg), en.apiMissing(msg), code);
    default:
      return new HostError(zh.excelError(msg), en.excelError(msg), code || undefined);
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
