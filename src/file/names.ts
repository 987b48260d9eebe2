/**
 * The checked copy's name: `报表.xlsx` → `报表.checked.xlsx`, `宏.xlsm` → `宏.checked.xlsm`; an .xls, .xlsb or
 * .ods is checked into an .xlsx that keeps the old extension in its name (`旧.xls` → `旧.xls.checked.xlsx`),
 * so that it never overwrites the copy of an .xlsx of the same name. The CLI and the browser's file mode.
 */
export const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls|xlsb|ods)$/i;

export function checkedFileName(name: string, ext?: 'xlsx' | 'xlsm'): string {
  const e = ext ?? (/\.xlsm$/i.test(name) ? 'xlsm' : 'xlsx');
  return `${name.replace(/\.(xlsx|xlsm)$/i, '')}.checked.${e}`;
}

/** A file the folder walk checks: a workbook, not a checked copy, not Excel's lock file. */
export function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXTENSIONS.test(name) && !/\.checked\.\w+$/i.test(name) && !name.startsWith('~$');
}
