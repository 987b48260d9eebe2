/**
 * The office.js host of the add-in: check the open workbook, write the marks, undo, clear, settings,
 * re-check on edits. The task pane codes against `ExcelHost`; `run` is injectable (tests pass a fake).
 *
 * Round trips: a check is 2 `context.sync()` calls (one read, one write) for workbooks whose contents
 * fit the byte budget (budget.ts); more only where they must — the measurements and the reasons are
 * in docs/excel-host-notes.md. Phases of a check (`checkOnce`): read → check and plan → (comments:
 * locate the user's) → write, with events off and a rollback if the write fails midway (recover.ts).
 *
 * Formulas: the read knows which cells hold formulas (read.ts); a computed value whose cell's formula
 * already gives it is not written (engine rule), and the formulas replaced because their result was
 * wrong are listed in `formulasReplaced` (the pane tells the user). The read loads the formula texts
 * of the formula cells (in the same batch), the undo record keeps a replaced formula's text, and
 * undoLast writes it back as a formula (`range.formulas`), not as its old result.
 *
 * Requirement sets: ExcelApi 1.13 (merged areas; also 1.9 getCellProperties, getSpecialCells and onChanged,
 * 1.7 hyperlinks and workbook protection, 1.5 worksheet walking). The findings' messages go into cell
 * NOTES with ExcelApi 1.18; without 1.18 but with 1.10 into cell COMMENTS (`workbook.comments.add`,
 * content starting with 【自评校验】; undo, clear and re-checks delete only comments starting with the
 * tag, never a user's; a flagged cell holding a user's comment gets none of ours); without either,
 * fills and the 校验结果 sheet only (each finding keeps its cell link there). Detected with
 * `Office.context.requirements.isSetSupported('ExcelApi', '1.18' / '1.10')` (true outside Office),
 * then checked on the objects (`worksheet.notes`, `worksheet.comments`, `workbook.comments` must exist
 * on office.js's proxies) and stepped down when the optional API fails before anything was written
 * (marks.ts): a missing or broken notes/comments API never fails a check.
 */
import {
  a1,
  parseRangeA1,
  checkWorkbook,
  Finding,
  WorkbookGrid,
  RESULTS_SHEET,
  buildWritePlan,
  formulaOverwrites,
  TableResult,
  Settings,
  Lang,
} from '../engine';
import { BUDGET_BYTES, READ_BYTES_PER_CELL } from './budget';
import { HostError, toHostError } from './errors';
import { MarkMode, MarkModeOptions, lowerMode, markMode, optionalApiFailed, presentMode } from './marks';
import { LEDGER_SHEET, Ledger, parseLedgerSheet } from './ledger';
import { DEFAULT_CHAIN, WalkKind, WorkbookRead, readWorkbook } from './read';
import * as settingsStore from './settings-store';
import * as undo from './undo';
import { recoverFailedWrite, rolledBack } from './recover';
import { SelfTestReport, officeEnv, runSelfTest } from './selftest';
import { WatchHandle, startWatch } from './watch';
import { CellOp, checkWriteSteps, commentRefreshes, locateUserComments, sendSteps } from './write';

export { HostError } from './errors';
export { markMode } from './marks';
export type { MarkMode } from './marks';
export type { SelfTestReport, SelfTestStep } from './selftest';
export { LEDGER_SHEET } from './ledger';

export interface HostCheckResult {
  tables: TableResult[];
  findings: Finding[];
  syncCount: number;
  written: number;
  /**
   * Cells that held a formula whose result was wrong, now holding the computed value (the engine
   * leaves a formula whose result agrees alone). Always set by the host; optional for callers that
   * build results themselves.
   */
  formulasReplaced?: { sheet: string; cell: string }[];
  /** The grid the check read (a re-check: the edited sheets fresh, the others as last read); the report draft reads it. */
  grid?: WorkbookGrid;
}

export interface ExcelHost {
  check(opts: {
    writeValues: boolean;
    settings: Settings;
    lang?: Lang;
    onProgress?: (done: number, total: number) => void;
  }): Promise<HostCheckResult>;
  undoLast(): Promise<{ restored: number }>;
  clearMarks(): Promise<{ cleared: number }>;
  loadSettings(): Promise<Partial<Settings>>;
  saveSettings(s: Partial<Settings>): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** 自检: each API the add-in uses, on a scratch sheet; one copyable text (selftest.ts). */
  selfTest(lang?: Lang): Promise<SelfTestReport>;
  /** Re-check on edits; the returned function stops it (with `ready` and `idle()`, watch.ts). */
  watch(onResult: (r: HostCheckResult) => void, settings: () => Settings): WatchHandle;
}

export interface HostOptions extends MarkModeOptions {
  /** Quiet period before a re-check (ms). Default 500. */
  debounceMs?: number;
  /** Chunked reads (read.ts): cells per chunk and per sync. */
  chunkCells?: number;
  syncBudgetCells?: number;
  /** Request budget of a write sync (default BUDGET_BYTES, budget.ts); tests set it small to split a write. */
  writeBudgetBytes?: number;
  /** Called with errors of background re-checks (default: console.warn). */
  onWatchError?: (e: HostError) => void;
}

/** Steps walked beyond the sheet count the host knows (sheets the user adds between checks). */
export const CHAIN_MARGIN = 8;

/** Excel on the web (its payload overflow can surface as GeneralException). */
function onTheWeb(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return !!office?.PlatformType && office.context?.platform === office.PlatformType.OfficeOnline;
}

interface Session {
  grid?: WorkbookGrid;
  tables: TableResult[];
  ledger?: Ledger;
  sheetCount?: number;
  chunked: boolean;
  /** The sheet walk that works here ('listed' once the chain of null objects failed). */
  walk: WalkKind;
  /** Used cells of all sheets as last seen (loadSettings or the last read): sizes the next read. */
  usedCells?: number;
  writeValues: boolean;
  lang: Lang;
  sheetsById: Map<string, string>;
  /** Cells whose values the add-in just wrote (their change events are ours). */
  ownWrites: { cells: Set<string>; until: number };
}

/** `context.sync()`; `write` true for a sync that sends writes (after it, no retry in a lower mark mode). */
type Sync = (write?: boolean) => Promise<void>;

export function createExcelHost(run?: typeof Excel.run, options: HostOptions = {}): ExcelHost {
  const excelRun: typeof Excel.run =
    run ?? (((...args: unknown[]) => (Excel.run as (...a: unknown[]) => unknown)(...args)) as typeof Excel.run);
  // The mark mode (marks.ts): the requirement sets' answer, settled by the presence check in the first
  // run, stepped down when an optional API fails before anything was written.
  const wanted = markMode(options);
  let settled: MarkMode | undefined;
  const session: Session = {
    tables: [],
    chunked: false,
    walk: 'chain',
    writeValues: false,
    lang: 'zh',
    sheetsById: new Map(),
    ownWrites: { cells: new Set(), until: 0 },
  };

  /**
   * One Excel.run with counted syncs, in the session's mark mode. A failure before any write sync in
   * notes or comments mode that is not the user's situation (marks.ts) runs the whole thing again one
   * mode lower; the lower mode is kept only when that run works. `syncs` counts every attempt's syncs.
   */
  async function withSync<T>(
    fn: (ctx: Excel.RequestContext, sync: Sync, mode: MarkMode) => Promise<T>,
    usesMarks = false,
  ): Promise<{ value: T; syncs: number; mode: MarkMode }> {
    const start = settled;
    let syncs = 0;
    for (;;) {
      let wrote = false;
      let used: MarkMode = settled ?? wanted;
      try {
        const value = await excelRun(async (ctx: Excel.RequestContext) => {
          if (settled === undefined) settled = presentMode(ctx, wanted);
          used = settled;
          return fn(
            ctx,
            async (write) => {
              syncs++;
              if (write) wrote = true;
              await ctx.sync();
            },
            used,
          );
        });
        return { value, syncs, mode: used };
      } catch (e) {
        const culprit = rolledBack(e);
        const retry = !wrote ? optionalApiFailed(e) : culprit !== null && culprit === used;
        if (usesMarks && retry && used !== 'none') {
          settled = lowerMode(used);
          continue;
        }
        if (!wrote || culprit !== null) settled = start;
        throw toHostError(e);
      }
    }
  }

  /**
   * Read in chunks when the contents would not fit one response of the budget (budget.ts), judged from
   * the used cells last seen; or when a read already had to.
   */
  const overBudget = (): boolean => session.chunked || (session.usedCells ?? 0) * READ_BYTES_PER_CELL > BUDGET_BYTES;

  const chainLength = (): number => (session.sheetCount ? session.sheetCount + CHAIN_MARGIN : DEFAULT_CHAIN);

  /** Cells the add-in marked (from this session's record): their notes are probed in the read batch. */
  const probes = (only?: Set<string>): Map<string, string[]> => {
    const m = new Map<string, string[]>();
    for (const c of session.ledger?.cells ?? []) {
      if (only && !only.has(c.sheet)) continue;
      m.set(c.sheet, [...(m.get(c.sheet) ?? []), c.cell]);
    }
    return m;
  };

  const remember = (read: WorkbookRead, grid: WorkbookGrid, tables: TableResult[], ledger: Ledger, ops: CellOp[]) => {
    session.grid = grid;
    session.tables = tables;
    session.ledger = ledger;
    // The sheets after the write: the results and undo sheets are added when missing.
    const names = new Set([...read.sheets.map((s) => s.name), RESULTS_SHEET, LEDGER_SHEET]);
    session.sheetCount = Math.max(read.sheetCount, names.size);
    session.chunked ||= read.chunked;
    session.usedCells = read.sheets.reduce(
      (n, s) =>
        n +
        (s.used && s.name !== LEDGER_SHEET ? (s.used.bottom - s.used.top + 1) * (s.used.right - s.used.left + 1) : 0),
      0,
    );
    session.walk = read.walk;
    expectOwnWrites(read, ops);
  };

  /**
   * The cells the write batch is about to change: their change events are ours (the filter for Excel
   * without runtime.enableEvents and before ExcelApi 1.14's triggerSource). Set BEFORE the write sync:
   * the events can arrive before the sync's own answer does.
   */
  const expectOwnWrites = (read: WorkbookRead, ops: CellOp[]): void => {
    session.sheetsById = new Map(read.sheets.map((s) => [s.id, s.name]));
    const cells = new Set(ops.filter((o) => o.value !== undefined).map((o) => `${o.sheet}!${o.cell}`));
    session.ownWrites = { cells, until: Date.now() + 1000 };
  };

  type CheckOpts = {
    writeValues: boolean;
    settings: Settings;
    lang: Lang;
    onProgress?: (d: number, t: number) => void;
  };

  /** Check phase 1: read the workbook (or, on a re-check, the edited sheets) within the budget. */
  async function readPhase(ctx: Excel.RequestContext, sync: Sync, mode: MarkMode, only?: Set<string>) {
    const read = await readWorkbook(ctx, sync, {
      notes: mode === 'notes',
      comments: mode === 'comments',
      chainLength: chainLength(),
      probeNotes: probes(only),
      onlySheets: only,
      chunked: overBudget(),
      walk: session.walk,
      generalIsPayload: onTheWeb(),
      chunkCells: options.chunkCells,
      syncBudgetCells: options.syncBudgetCells,
    });
    let grid = read.grid;
    if (only && session.grid) {
      // A re-check: the edited sheets as read now, the others as the last check read them.
      const present = new Set(read.sheets.map((s) => s.name));
      const fresh = new Map(read.grid.sheets.map((s) => [s.name, s]));
      grid = { sheets: session.grid.sheets.filter((s) => present.has(s.name)).map((s) => fresh.get(s.name) ?? s) };
    }
    return { read, grid };
  }

  /** Check phase 2: the engine's check and write plan (no Excel call). */
  function planPhase(read: WorkbookRead, grid: WorkbookGrid, opts: CheckOpts) {
    const { ledger } = parseLedgerSheet(read.ledgerValues);
    const check = checkWorkbook(grid, opts.settings);
    const plan = buildWritePlan(grid, check, { values: opts.writeValues, lang: opts.lang });
    return { ledger, check, plan };
  }

  /**
   * Check phase 3: queue the write (comments mode: locate the user's comments first, one sync when
   * needed), send it with events off, and roll it back if it fails midway.
   */
  async function writePhase(
    ctx: Excel.RequestContext,
    sync: Sync,
    mode: MarkMode,
    x: { read: WorkbookRead; grid: WorkbookGrid } & ReturnType<typeof planPhase>,
    only?: Set<string>,
  ) {
    const { read, grid, plan, ledger } = x;
    const names = new Set(read.sheets.map((s) => s.name));
    let commentWork: { refreshes: ReturnType<typeof commentRefreshes>; blocked: Map<string, Set<string>> } | undefined;
    if (mode === 'comments') {
      const refreshes = commentRefreshes(plan, ledger, read.comments);
      commentWork = { refreshes, blocked: await locateUserComments(refreshes, sync) };
    }
    const res = checkWriteSteps(
      {
        sheets: read.sheets,
        workbookProtected: read.workbookProtected,
        grid,
        plan,
        ledger,
        notes: mode === 'notes',
        comments: commentWork,
        onlyChanged: !!only,
        edited: only,
      },
      { results: names.has(RESULTS_SHEET), ledger: names.has(LEDGER_SHEET) },
    );
    expectOwnWrites(read, res.ops);
    try {
      // One sync for any ordinary workbook; more only when the write exceeds the budget (budget.ts).
      await sendSteps(ctx, sync, res.steps, {
        budget: options.writeBudgetBytes,
        afterBatch: () => (session.ownWrites.until = Date.now() + 1000),
      });
    } catch (e) {
      throw await recoverFailedWrite(ctx, sync, {
        error: e,
        ops: res.ops,
        grid,
        notes: mode === 'notes',
        comments: mode === 'comments',
        budget: options.writeBudgetBytes,
      });
    }
    return { ops: res.ops, ledger: res.ledger };
  }

  /** A check (or, with `only`, a re-check of edited sheets): read → plan → write, then remember. */
  async function checkOnce(opts: CheckOpts, only?: Set<string>): Promise<HostCheckResult> {
    const { value, syncs } = await withSync(async (ctx, sync, mode) => {
      const { read, grid } = await readPhase(ctx, sync, mode, only);
      opts.onProgress?.(1, 3);
      const planned = planPhase(read, grid, opts);
      opts.onProgress?.(2, 3);
      const res = await writePhase(ctx, sync, mode, { read, grid, ...planned }, only);
      opts.onProgress?.(3, 3);
      const usedBefore = session.usedCells;
      remember(read, grid, planned.check.tables, res.ledger, res.ops);
      // A re-check reads only the edited sheets: the others' sizes stay as they were.
      if (only) session.usedCells = usedBefore;
      // The formulas the write replaced: planned values on formula cells that were written now.
      const valued = new Set(res.ops.filter((o) => o.value !== undefined).map((o) => `${o.sheet}!${o.cell}`));
      const formulasReplaced = formulaOverwrites(grid, planned.plan)
        .filter((f) => valued.has(`${f.sheet}!${f.cell}`))
        .map(({ sheet, cell }) => ({ sheet, cell }));
      return { check: planned.check, written: res.ops.length, formulasReplaced, grid };
    }, true);
    return {
      tables: value.check.tables,
      findings: value.check.findings,
      syncCount: syncs,
      written: value.written,
      formulasReplaced: value.formulasReplaced,
      grid: value.grid,
    };
  }

  const forget = (): void => {
    session.tables = [];
    session.ledger = undefined;
  };

  const relevant = (e: {
    worksheetId: string;
    address: string;
    source?: string;
    triggerSource?: string;
  }): string | null => {
    // A co-author's edit: their own add-in (if any) answers it; re-checking here would write marks
    // into the shared workbook in answer to someone else's typing.
    if (e.source === 'Remote') return null;
    // Our own writes: ExcelApi 1.14 says so; before it, cells we just wrote within a second are ours.
    if (e.triggerSource === 'ThisLocalAddin') return null;
    const name = session.sheetsById.get(e.worksheetId);
    if (!name || name === RESULTS_SHEET || name === LEDGER_SHEET) return null;
    const tables = session.tables.filter((t) => t.sheet === name);
    if (tables.length === 0) return null;
    let r;
    try {
      r = parseRangeA1(e.address.replace(/\$/g, ''));
    } catch {
      return name; // whole rows/columns inserted or deleted: re-check
    }
    if (e.triggerSource === undefined && Date.now() < session.ownWrites.until) {
      let ours = true;
      for (let i = r.top; i <= r.bottom && ours; i++)
        for (let j = r.left; j <= r.right && ours; j++) ours = session.ownWrites.cells.has(`${name}!${a1(i, j)}`);
      if (ours) return null;
    }
    const hit = tables.some((t) => {
      const tr = parseRangeA1(t.range);
      return r.top <= tr.bottom && r.bottom >= tr.top && r.left <= tr.right && r.right >= tr.left;
    });
    return hit ? name : null;
  };

  return {
    async check(opts) {
      session.writeValues = opts.writeValues;
      session.lang = opts.lang ?? 'zh';
      return checkOnce({ ...opts, lang: opts.lang ?? 'zh' });
    },

    async undoLast() {
      const { value } = await withSync(
        (ctx, sync, mode) =>
          undo.undoLast(ctx, sync, {
            notes: mode === 'notes',
            comments: mode === 'comments',
            chainLength: chainLength(),
            walk: session.walk,
            writeBudgetBytes: options.writeBudgetBytes,
          }),
        true,
      );
      forget();
      return value;
    },

    async clearMarks() {
      const { value } = await withSync(
        (ctx, sync, mode) =>
          undo.clearMarks(ctx, sync, {
            notes: mode === 'notes',
            comments: mode === 'comments',
            chainLength: chainLength(),
            walk: session.walk,
            writeBudgetBytes: options.writeBudgetBytes,
          }),
        true,
      );
      forget();
      return value;
    },

    async loadSettings() {
      const load = async (chainLength?: number) =>
        (await withSync((ctx, sync) => settingsStore.loadSettings(ctx, sync, { chainLength }))).value;
      // The size walk relies on calls on null objects past the last sheet; if that fails, without it.
      const { settings, ledger, sheetCount, usedCells } =
        session.walk === 'listed' ? await load(0) : await load(chainLength()).catch(() => load(0));
      session.sheetCount = sheetCount;
      if (usedCells !== undefined) session.usedCells = usedCells;
      // The record of an earlier session: its cells' notes are probed in the first check's read.
      if (!session.ledger) session.ledger = ledger;
      return settings;
    },

    async saveSettings(s) {
      await withSync((ctx, sync) => settingsStore.saveSettings(ctx, sync, s));
    },

    async selfTest(lang) {
      // The mark mode this session would use (settled by the presence check on the first run).
      const mode =
        settled ?? (await excelRun(async (ctx: Excel.RequestContext) => presentMode(ctx, wanted)).catch(() => wanted));
      const env = officeEnv();
      return runSelfTest(
        excelRun,
        {
          ...env,
          isSetSupported: options.isSetSupported ?? env.isSetSupported,
          markMode: mode,
        },
        lang ?? session.lang,
      );
    },

    async selectCell(sheet, cell) {
      await withSync(async (ctx, sync) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await sync();
      });
    },

    watch(onResult, settings) {
      return startWatch<HostCheckResult>({
        run: excelRun,
        debounceMs: options.debounceMs ?? 500,
        relevant,
        recheck: async (sheets) => {
          if (!session.grid || session.tables.length === 0) return null;
          return checkOnce({ writeValues: session.writeValues, settings: settings(), lang: session.lang }, sheets);
        },
        onResult,
        onError: (e) => {
          const h = toHostError(e);
          if (options.onWatchError) options.onWatchError(h);
          else console.warn(h.messageZh);
        },
      });
    },
  };
}
