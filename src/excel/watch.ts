/**
 * Re-check on edits: one `worksheets.onChanged` handler (ExcelApi 1.9) for the whole workbook while
 * the pane is open. Changes inside a checked table's range are collected per sheet and, after a quiet
 * period (default 500 ms), the host re-reads those sheets and updates the marks. Re-checks never
 * overlap: changes during one start the next after it. Changes the add-in made itself are filtered
 * out by the host's `relevant()`.
 */
export interface WatchDeps<R> {
  run: typeof Excel.run;
  debounceMs: number;
  /** The sheet (name) an event concerns if it should trigger a re-check, else null. */
  relevant(e: {
    worksheetId: string;
    address: string;
    changeType?: string;
    source?: string;
    triggerSource?: string;
  }): string | null;
  recheck(sheets: Set<string>): Promise<R | null>;
  onResult(r: R): void;
  onError(e: unknown): void;
}

/**
 * Stops the watch when called. `ready` resolves once the handler is registered (or registering
 * failed: onError was told); `idle()` once no re-check is waiting or running — so callers (tests,
 * the self-test) await events instead of sleeping.
 */
export type WatchHandle = (() => void) & { ready: Promise<void>; idle(): Promise<void> };

export function startWatch<R>(deps: WatchDeps<R>): WatchHandle {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = new Set<string>();
  let running: Promise<void> | null = null;
  let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;

  const fire = (): void => {
    timer = null;
    if (stopped || pending.size === 0) return;
    if (running) {
      // A re-check is running: try again when it ends.
      void running.then(() => schedule());
      return;
    }
    const sheets = pending;
    pending = new Set();
    running = (async () => {
      try {
        const r = await deps.recheck(sheets);
        if (r && !stopped) deps.onResult(r);
      } catch (e) {
        if (!stopped) deps.onError(e);
      } finally {
        running = null;
      }
    })();
  };

  const schedule = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, deps.debounceMs);
  };

  const handler = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped) return;
    const sheet = deps.relevant({
      worksheetId: e.worksheetId,
      address: e.address,
      changeType: e.changeType,
      source: e.source,
      triggerSource: e.triggerSource,
    });
    if (!sheet) return;
    pending.add(sheet);
    schedule();
  };

  const ready = deps
    .run(async (context) => {
      const r = context.workbook.worksheets.onChanged.add(handler);
      await context.sync();
      registration = r;
    })
    .then(() => {
      if (stopped) unregister();
    })
    .catch((e: unknown) => deps.onError(e));

  /** Resolves when no debounce timer is pending and no re-check runs (checked again after each). */
  const idle = async (): Promise<void> => {
    for (;;) {
      if (running) {
        await running;
        continue;
      }
      if (timer) {
        await new Promise<void>((resolve) => {
          const check = (): void => {
            if (!timer) resolve();
            else setTimeout(check, Math.max(1, deps.debounceMs / 4));
          };
          check();
        });
        continue;
      }
      return;
    }
  };

  const unregister = (): void => {
    const r = registration;
    registration = null;
    if (!r) return;
    void deps
      .run(r.context, async (context) => {
        r.remove();
        await context.sync();
      })
      .catch(() => undefined);
  };

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    unregister();
  };
  return Object.assign(stop, { ready, idle });
}
