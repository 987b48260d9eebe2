/**
 * `selfeval report draft`: a workbook's bytes → the self-evaluation report draft (.docx bytes).
 * Through the file host's checkBuffer (the same check as `selfeval check`); no file system here, so the
 * task pane's file mode and Office mode run this too. What the figures do not carry (年初预算, reasons,
 * 年度目标, the year) comes from the grid the check read (the engine's tableExtras), never a second read.
 */
import { Finding, Settings, TableResult, WorkbookGrid, tableExtras } from '../engine';
import { checkBuffer } from '../file/check-buffer';
import { DEFAULT_FONTS, DocxFonts, writeDocx } from './docx-write';
import { Block, DraftOutline, buildDraft } from './outline';

export interface DraftOptions {
  outline?: DraftOutline;
  fonts?: DocxFonts;
}

export interface Draft {
  blocks: Block[];
  docx: Uint8Array;
}

/** `报表.xlsx` → `报表.自评报告草稿.docx`. */
export function draftName(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  return `${base.replace(/\.(xlsx|xlsm|xls)$/i, '')}.自评报告草稿.docx`;
}

/** The draft from a check: `grid` is what the check read (null: those parts become 【请填写】 placeholders). */
export async function draftFromChecked(
  grid: WorkbookGrid | null,
  tables: TableResult[],
  findings: Finding[],
  settings: Settings,
  opts: DraftOptions = {},
): Promise<Draft> {
  const extras = grid ? tableExtras(grid, tables) : new Map();
  const blocks = buildDraft({ tables, findings, extras, settings, outline: opts.outline });
  return { blocks, docx: await writeDocx(blocks, opts.fonts ?? DEFAULT_FONTS) };
}

/** Throws an Error with a one-line Chinese message when the workbook cannot be read. */
export async function draftFromBytes(
  name: string,
  data: Uint8Array,
  settings: Settings,
  opts: DraftOptions = {},
): Promise<Draft> {
  const r = await checkBuffer(name, data, settings, {});
  if (r.error) throw new Error(r.error);
  return draftFromChecked(r.grid ?? null, r.report.tables, r.report.findings, settings, opts);
}
