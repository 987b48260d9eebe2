/**
 * Where the findings' messages go: cell notes (ExcelApi 1.18), cell comments (ExcelApi 1.10), or
 * nowhere but the fills and the 校验结果 sheet ('none').
 *
 * Three checks, in order, each one able only to step the mode down (notes → comments → none):
 * 1. `Office.context.requirements.isSetSupported('ExcelApi', '1.18' / '1.10')` (`markMode`);
 * 2. presence on the objects (`presentMode`): the API must exist on office.js's proxies — current
 *    Excel reports 1.18 while an office.js without the notes API (the 2022 npm copy 1.1.110) has no
 *    `worksheet.notes`, so `isSetSupported` alone would pick notes and every run would throw;
 * 3. failure (`optionalApiFailed`): a run in notes or comments mode that fails before anything was
 *    written, with an error that is not the user's (protection, cell-edit mode, payload), is retried
 *    one mode lower and, when that works, the session stays there. The check itself never fails
 *    because an optional API is missing or broken.
 */
import { HostError } from './errors';

export type MarkMode = 'notes' | 'comments' | 'none';

export interface MarkModeOptions {
  /** Use cell notes. Default: ExcelApi 1.18 supported (true outside Office, e.g. tests). */
  notes?: boolean;
  /** Without notes, use cell comments. Default: ExcelApi 1.10 supported (true outside Office). */
  comments?: boolean;
  /**
   * The requirement-set test (default `Office.context.requirements.isSetSupported`, true when Office
   * is undefined); tests pass the fake's.
   */
  isSetSupported?: (name: string, version: string) => boolean;
}

export function officeSupported(name: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const req = office?.context?.requirements;
  if (!req || typeof req.isSetSupported !== 'function') return true;
  return req.isSetSupported(name, version);
}

/** The mode the requirement sets allow (check 1). */
export function markMode(options: MarkModeOptions = {}): MarkMode {
  const supported = options.isSetSupported ?? officeSupported;
  if (options.notes ?? supported('ExcelApi', '1.18')) return 'notes';
  if (options.comments ?? supported('ExcelApi', '1.10')) return 'comments';
  return 'none';
}

export function lowerMode(mode: MarkMode): MarkMode {
  return mode === 'notes' ? 'comments' : 'none';
}

const hasMethods = (o: unknown, ...names: string[]): boolean =>
  !!o && typeof o === 'object' && names.every((n) => typeof (o as Record<string, unknown>)[n] === 'function');

/** The notes API is present on a worksheet proxy: `worksheet.notes` with load/add/getItemOrNullObject. */
export function notesPresent(ws: Excel.Worksheet): boolean {
  return hasMethods((ws as { notes?: unknown }).notes, 'load', 'add', 'getItemOrNullObject');
}

/** The comments API is present: `workbook.comments.add` and `worksheet.comments.load`. */
export function commentsPresent(context: Excel.RequestContext, ws: Excel.Worksheet): boolean {
  return (
    hasMethods((context.workbook as { comments?: unknown }).comments, 'add') &&
    hasMethods((ws as { comments?: unknown }).comments, 'load')
  );
}

/**
 * Check 2: step `wanted` down until its API exists on the proxies. Creates one worksheet proxy
 * (`worksheets.getFirst()`) and reads properties of it; queues nothing that a sync would send.
 */
export function presentMode(context: Excel.RequestContext, wanted: MarkMode): MarkMode {
  if (wanted === 'none') return 'none';
  let ws: Excel.Worksheet;
  try {
    ws = context.workbook.worksheets.getFirst();
  } catch {
    return 'none';
  }
  if (wanted === 'notes' && notesPresent(ws)) return 'notes';
  return commentsPresent(context, ws) ? 'comments' : 'none';
}

/** Codes that are the user's situation or the workbook's, never an optional API's failure. */
const NOT_THE_API = new Set([
  'InvalidOperationInCellEditMode',
  'AccessDenied',
  'SheetProtected',
  'WorkbookProtected',
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'EditModeCellEditing',
]);

/** Check 3: an error after which the same run one mode lower is worth trying. */
export function optionalApiFailed(e: unknown): boolean {
  const code = e instanceof HostError ? e.code : (e as { code?: unknown } | null)?.code;
  return !(typeof code === 'string' && NOT_THE_API.has(code));
}
