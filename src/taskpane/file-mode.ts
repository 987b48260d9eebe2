/**
 * Browser file mode: the same engine on an .xlsx picked by the user, entirely in the browser (exceljs's
 * browser build; no fetch, no upload). The check-file.ts logic without `fs`.
 */
import { checkWorkbook } from '../engine/check/workbook';
import { Finding } from '../engine/findings';
import { buildWritePlan } from '../engine/plan';
import { TableResult } from '../engine/result';
import { Settings } from '../engine/settings';
import { gridFromWorkbook, loadWorkbook } from '../file/read';
import { applyPlan } from '../file/write';

export interface FileCheck {
  name: string;
  tables: TableResult[];
  findings: Finding[];
  /** `<name>.checked.xlsx` */
  outputName: string;
  /** The checked copy: computed values written, flags, the 校验结果 sheet. */
  output: Uint8Array;
}

export class FileReadError extends Error {}

export function checkedName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '');
  return `${base}.checked.xlsx`;
}

/** Why the bytes are not a workbook we can read, in one line (same wording as the CLI). */
export function readError(name: string, head: Uint8Array, err: unknown, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return zh
      ? `${name}：文件已加密（设有打开密码）或是旧版 .xls 格式，请在 Excel 中去掉密码或另存为 .xlsx 后再检查`
      : `${name}: the file is password-protected or an old .xls; remove the password or save it as .xlsx`;
  }
  if (head.length < 2 || head[0] !== 0x50 || head[1] !== 0x4b) {
    return zh ? `${name}：不是 Excel 工作簿（.xlsx），无法读取` : `${name}: not an Excel workbook (.xlsx)`;
  }
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 80);
  return zh ? `${name}：无法作为 Excel 工作簿（.xlsx）读取（${msg}）` : `${name}: cannot be read as .xlsx (${msg})`;
}

export async function checkXlsx(
  name: string,
  data: ArrayBuffer,
  settings: Settings,
  lang: 'zh' | 'en' = 'zh',
): Promise<FileCheck> {
  let wb;
  try {
    wb = await loadWorkbook(data);
  } catch (e) {
    throw new FileReadError(readError(name, new Uint8Array(data.slice(0, 8)), e, lang));
  }
  const grid = gridFromWorkbook(wb);
  const check = checkWorkbook(grid, settings);
  applyPlan(wb, buildWritePlan(grid, check, { lang }));
  const out = await wb.xlsx.writeBuffer();
  return {
    name,
    tables: check.tables,
    findings: check.findings,
    outputName: checkedName(name),
    output: new Uint8Array(out as ArrayBuffer),
  };
}
