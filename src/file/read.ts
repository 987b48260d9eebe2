/** .xlsx → grid, through exceljs: cached results of formulas are values; merged areas keep the top-left only. */
import ExcelJS from 'exceljs';
import { CellRange, parseRangeA1, CellValue, Lang, Sheet, WorkbookGrid } from '../engine';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function toSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86400000;
}

function plainValue(v: ExcelJS.CellValue): { value: CellValue; date?: boolean } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: toSerial(v), date: true };
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return { value: (o.richText as { text: string }[]).map((t) => t.text).join('') };
    }
    if ('formula' in o || 'sharedFormula' in o) {
      return plainValue((o.result ?? null) as ExcelJS.CellValue);
    }
    if ('text' in o && 'hyperlink' in o) return plainValue(o.text as ExcelJS.CellValue);
    if ('error' in o) return { value: String(o.error) };
  }
  return { value: String(v) };
}

export function argbToHex(argb: string | undefined): string | null {
  if (!argb) return null;
  return argb.length === 8 ? argb.slice(2).toUpperCase() : argb.toUpperCase();
}

export function noteText(note: ExcelJS.Comment | string | undefined): string | null {
  if (!note) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join('') : null;
}

export interface GridOptions {
  /** Read each cell's own fill and note (the write plan's before-state, for undo); not needed to check only. */
  styles?: boolean;
}

/** Read one worksheet into a grid sheet. */
export function sheetFromWorksheet(ws: ExcelJS.Worksheet, opts: GridOptions = {}): Sheet {
  const styles = opts.styles !== false;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const fills: Record<string, string | null> = {};
  const notes: Record<string, string | null> = {};
  const formulas: Record<string, string> = {};
  const merges: CellRange[] = [];
  const model = ws.model as unknown as { merges?: string[] };
  for (const m of model.merges ?? []) merges.push(parseRangeA1(m));
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const addr = cell.address;
      if (styles) {
        if (cell.fill && cell.fill.type === 'pattern' && cell.fill.pattern === 'solid') {
          fills[addr] = argbToHex(cell.fill.fgColor?.argb);
        }
        const n = noteText(cell.note as ExcelJS.Comment | string | undefined);
        if (n) notes[addr] = n;
      }
      if (cell.isMerged && cell.master !== cell) return;
      const raw = cell.value;
      if (raw && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
        formulas[addr] = String(
          (raw as { formula?: string }).formula ?? (raw as { sharedFormula?: string }).sharedFormula,
        );
      }
      const pv = plainValue(raw);
      vr[c - 1] = pv.value;
      const fmt = cell.numFmt || (pv.date ? 'yyyy-mm-dd' : null);
      if (fmt) fr[c - 1] = fmt;
    });
    values[r - 1] = vr;
    formats[r - 1] = fr;
  });
  for (let i = 0; i < values.length; i++) {
    if (!values[i]) values[i] = [];
    if (!formats[i]) formats[i] = [];
  }
  return { name: ws.name, values, formats, merges, fills, notes, formulas };
}

export function gridFromWorkbook(wb: ExcelJS.Workbook, opts: GridOptions = {}): WorkbookGrid {
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => sheets.push(sheetFromWorksheet(ws, opts)));
  return { sheets };
}

const NO_SHEETS = '工作簿中没有工作表';

/** Does the byte string hold `name` written in UTF-16LE (how a compound file names its streams)? */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const pat = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) {
    pat[2 * i] = name.charCodeAt(i) & 0xff;
    pat[2 * i + 1] = name.charCodeAt(i) >> 8;
  }
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Why a file cannot be read, in one line naming it (Chinese, or English). `head` is the file's bytes
 * (all of them, or at least the start): they tell a password-protected file from an old .xls or a non-workbook.
 */
export function readErrorMessage(file: string, err: unknown, head?: Uint8Array, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const line = (cn: string, en: string) => `${file}${zh ? '：' : ': '}${zh ? cn : en}`;
  const msg = err instanceof Error ? err.message : String(err);
  if (/ENOENT/.test(msg)) return line('文件不存在', 'no such file');
  if (/EISDIR/.test(msg)) return line('这是一个文件夹，不是工作簿', 'a folder, not a workbook');
  if (/EACCES/.test(msg)) return line('没有读取权限', 'permission denied');
  if (msg === NO_SHEETS)
    return line('不是有效的 Excel 工作簿（其中没有任何工作表）', 'not a valid workbook (it has no sheets)');
  if (head && head.length === 0) return line('文件是空的（0 字节），不是 Excel 工作簿', 'the file is empty (0 bytes)');
  if (head && head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    // An OLE compound file: an encrypted .xlsx holds an EncryptionInfo stream, an old .xls a Workbook/Book stream.
    if (hasUtf16(head, 'EncryptionInfo') || hasUtf16(head, 'EncryptedPackage')) {
      return line(
        '文件设有打开密码（已加密），无法读取；请在 Excel 中去掉密码后再检查',
        'the file is password-protected; remove the password in Excel and check it again',
      );
    }
    if (hasUtf16(head, 'Workbook') || hasUtf16(head, 'Book')) {
      return line('这是旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再检查', 'an old .xls file; save it as .xlsx first');
    }
    return line(
      '文件已加密（设有打开密码）或是旧版 .xls 格式，请在 Excel 中去掉密码或另存为 .xlsx 后再检查',
      'the file is password-protected or an old .xls; remove the password or save it as .xlsx',
    );
  }
  if (head && head.length >= 2 && !(head[0] === 0x50 && head[1] === 0x4b)) {
    return line('不是 Excel 工作簿（.xlsx），无法读取', 'not an Excel workbook (.xlsx)');
  }
  if (/corrupted zip|central directory|end of data/i.test(msg)) {
    return line('文件已损坏或不完整，无法作为 Excel 工作簿（.xlsx）读取', 'the file is damaged or incomplete');
  }
  const detail = msg.split('\n')[0].slice(0, 80);
  return line(`无法作为 Excel 工作簿（.xlsx）读取（${detail}）`, `cannot be read as .xlsx (${detail})`);
}

export async function loadWorkbook(buffer: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  if (wb.worksheets.length === 0) throw new Error(NO_SHEETS);
  return wb;
}
