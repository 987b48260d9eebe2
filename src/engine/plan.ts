/**
 * The write plan: every cell a host must touch — computed values, fills and notes for findings —
 * with what each held before (so any host can undo), and the `校验结果` sheet. It carries the data
 * (each cell's findings, each row's severity and fill) and is worded in the language it was built
 * for (`lang`, always given): hosts apply it as it is and never guess a language or match words.
 */
import { a1 } from './address';
import { CellValue, WorkbookGrid, cellFormat, cellValue } from './grid';
import { Finding, Severity, severityRank } from './findings';
import { Lang, render } from './messages/findings';
import { RESULTS_TEXT, SEVERITY_NAMES } from './messages/results';
import { ValueWrite } from './result';

export const RESULTS_SHEET = '校验结果';
export const NOTE_TAG = '【自评校验】';
/** The findings colours (RGB hex, no `#`): the one definition every host uses. */
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
  /** The findings on this cell (their data), when it is flagged. */
  findings?: Finding[];
  before: CellState;
}

export interface ResultsSheet {
  name: string;
  /** The language the header, rows and `emptyRow` are worded in. */
  lang: Lang;
  header: string[];
  /** One row per finding: sheet, cell, severity, code, message. */
  rows: string[][];
  /** The data behind each row. */
  findings: Finding[];
  /** Each row's severity fill (from FILLS), null for none. */
  fills: (string | null)[];
  links: { sheet: string; cell: string }[];
  /** The one row the sheet holds when there are no findings. */
  emptyRow: string[];
}

export interface WritePlan {
  lang: Lang;
  cells: PlannedCell[];
  resultsSheet: ResultsSheet;
}

export interface PlanOptions {
  /** The language of the notes and the results sheet. Always given: nothing guesses it. */
  lang: Lang;
  /** Write the computed values (false: flags only, the task pane's 检查). */
  values?: boolean;
}

/** The user's own part of a note: everything before our tag. */
export function ownNote(note: string | null | undefined): string | null {
  if (!note) return null;
  const i = note.indexOf(NOTE_TAG);
  const own = (i < 0 ? note : note.slice(0, i)).replace(/\s+$/, '');
  return own === '' ? null : own;
}

export function buildWritePlan(
  grid: WorkbookGrid,
  check: { findings: Finding[]; writes: ValueWrite[] },
  opts: PlanOptions,
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
  const lang = opts.lang;
  const byCell = new Map<PlannedCell, Finding[]>();
  for (const f of check.findings) {
    const m = /^([A-Z]+)(\d+)$/.exec(f.cell);
    if (!m) continue;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    const p = at(f.sheet, Number(m[2]) - 1, col - 1);
    byCell.set(p, [...(byCell.get(p) ?? []), f]);
  }
  for (const [p, fs] of byCell) {
    const worst = fs.reduce(
      (w, f) => (severityRank(f.severity) < severityRank(w) ? f.severity : w),
      'info' as Severity,
    );
    const fill = FILLS[worst];
    if (fill) p.fill = fill;
    p.findings = fs;
    const ours = NOTE_TAG + fs.map((f) => render(f, lang)).join('\n');
    const own = ownNote(p.before.note);
    p.note = own ? `${own}\n${ours}` : ours;
  }
  const text = RESULTS_TEXT[lang];
  return {
    lang,
    cells: [...cells.values()],
    resultsSheet: {
      name: RESULTS_SHEET,
      lang,
      header: text.header,
      rows: check.findings.map((f) => [f.sheet, f.cell, SEVERITY_NAMES[lang][f.severity], f.code, render(f, lang)]),
      findings: check.findings,
      fills: check.findings.map((f) => FILLS[f.severity]),
      links: check.findings.map((f) => ({ sheet: f.sheet, cell: f.cell })),
      emptyRow: ['', '', '', '', text.none],
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
    findings: undefined,
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
