/**
 * The write plan: every cell a host must touch — computed values, fills and notes for findings —
 * with what each held before (so any host can undo), and the rows of the `校验结果` sheet.
 */
import { a1 } from './address';
import { CellValue, WorkbookGrid, cellFormat, cellValue } from './grid';
import { Finding, Severity, severityRank } from './findings';
import { ValueWrite } from './result';

export const RESULTS_SHEET = '校验结果';
export const NOTE_TAG = '【自评校验】';
export const FILLS: Record<Severity, string | null> = { error: 'FFC7CE', warning: 'FFEB9C', info: null };

export interface CellState {
  value: CellValue;
  numFmt: string | null;
  fill: string | null;
  note: string | null;
}

export interface PlannedCell {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  /** Set when the plan writes a computed value. */
  value?: CellValue;
  numFmt?: string;
  /** Set when the plan changes the fill (a findings colour). */
  fill?: string;
  /** Set when the plan changes the note: the user's own note kept, ours appended. */
  note?: string;
  before: CellState;
}

export interface WritePlan {
  cells: PlannedCell[];
  resultsSheet: { name: string; header: string[]; rows: string[][]; links: { sheet: string; cell: string }[] };
}

export interface PlanOptions {
  /** Write the computed values (false: flags only, the task pane's 检查). */
  values?: boolean;
  lang?: 'zh' | 'en';
}

/** The user's own part of a note: everything before our tag. */
export function ownNote(note: string | null | undefined): string | null {
  if (!note) return null;
  const i = note.indexOf(NOTE_TAG);
  const own = (i < 0 ? note : note.slice(0, i)).replace(/\s+$/, '');
  return own === '' ? null : own;
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export function buildWritePlan(
  grid: WorkbookGrid,
  check: { findings: Finding[]; writes: ValueWrite[] },
  opts: PlanOptions = {},
): WritePlan {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  const cells = new Map<string, PlannedCell>();
  const at = (sheet: string, row: number, col: number): PlannedCell => {
    const key = `${sheet}!${row}:${col}`;
    let p = cells.get(key);
    if (!p) {
      const s = sheets.get(sheet);
      const addr = a1(row, col);
      p = {
        sheet,
        cell: addr,
        row,
        col,
        before: {
          value: s ? cellValue(s, row, col) : null,
          numFmt: s ? cellFormat(s, row, col) : null,
          fill: s?.fills?.[addr] ?? null,
          note: s?.notes?.[addr] ?? null,
        },
      };
      cells.set(key, p);
    }
    return p;
  };
  if (opts.values !== false) {
    for (const w of check.writes) {
      // A formula whose result already agrees is the user's own working: never replace it by a constant.
      if (w.agrees && sheets.get(w.sheet)?.formulas?.[a1(w.row, w.col)] !== undefined) continue;
      const p = at(w.sheet, w.row, w.col);
      p.value = w.value;
      if (w.numFmt) p.numFmt = w.numFmt;
    }
  }
  const lang = opts.lang ?? 'zh';
  const bySell = new Map<PlannedCell, Finding[]>();
  for (const f of check.findings) {
    const m = /^([A-Z]+)(\d+)$/.exec(f.cell);
    if (!m) continue;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    const p = at(f.sheet, Number(m[2]) - 1, col - 1);
    bySell.set(p, [...(bySell.get(p) ?? []), f]);
  }
  for (const [p, fs] of bySell) {
    const worst = fs.reduce(
      (w, f) => (severityRank(f.severity) < severityRank(w) ? f.severity : w),
      'info' as Severity,
    );
    const fill = FILLS[worst];
    if (fill) p.fill = fill;
    const ours = NOTE_TAG + fs.map((f) => (lang === 'en' ? f.messageEn : f.message)).join('\n');
    const own = ownNote(p.before.note);
    p.note = own ? `${own}\n${ours}` : ours;
  }
  const header =
    lang === 'en' ? ['Sheet', 'Cell', 'Severity', 'Code', 'Message'] : ['工作表', '单元格', '严重程度', '代码', '说明'];
  const rows = check.findings.map((f) => [
    f.sheet,
    f.cell,
    lang === 'en' ? f.severity : SEVERITY_ZH[f.severity],
    f.code,
    lang === 'en' ? f.messageEn : f.message,
  ]);
  return {
    cells: [...cells.values()],
    resultsSheet: {
      name: RESULTS_SHEET,
      header,
      rows,
      links: check.findings.map((f) => ({ sheet: f.sheet, cell: f.cell })),
    },
  };
}

/** The plan that puts every touched cell back as it was. */
export function undoPlan(plan: WritePlan): PlannedCell[] {
  return plan.cells.map((p) => ({
    ...p,
    value: p.before.value,
    numFmt: p.before.numFmt ?? 'General',
    fill: p.before.fill ?? undefined,
    note: p.before.note ?? undefined,
  }));
}

export interface FormulaOverwrite {
  sheet: string;
  cell: string;
  /** The formula the cell held (without `=`), replaced by the computed value. */
  formula: string;
}

/**
 * The planned values that land on a cell holding a formula (a computed cell: rate, score, total,
 * grade). The host writes the value — the formula's result was wrong or less exact — and must tell
 * the user which formulas it replaced. Cells only flagged (fill, note) keep their formula.
 */
export function formulaOverwrites(grid: WorkbookGrid, plan: WritePlan): FormulaOverwrite[] {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  const out: FormulaOverwrite[] = [];
  for (const p of plan.cells) {
    if (p.value === undefined) continue;
    const formula = sheets.get(p.sheet)?.formulas?.[p.cell];
    if (formula !== undefined) out.push({ sheet: p.sheet, cell: p.cell, formula: formula.replace(/^=/, '') });
  }
  return out;
}
