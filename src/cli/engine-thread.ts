/**
 * The main thread's handle on the engine thread (engine-worker.ts). Used when the CLI checks files
 * itself on a machine with a spare core: the engine warms up during the exceljs load instead of
 * after it. Any trouble with the thread and the engine simply runs here.
 */
import { existsSync } from 'fs';
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import type { WorkbookCheck } from '../engine/check/workbook';
import type { WorkbookGrid } from '../engine/grid';
import type { Settings } from '../engine/settings';

const SCRIPT = path.join(__dirname, 'engine-worker.js');

export class EngineThread {
  private worker: Worker | null;
  private next = 0;
  private pending = new Map<number, { resolve: (c: WorkbookCheck) => void; reject: (e: Error) => void }>();

  private constructor(worker: Worker) {
    this.worker = worker;
    worker.on('message', (m: { id: number; check?: WorkbookCheck; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.check) p.resolve(m.check);
      else p.reject(new Error(m.error ?? 'engine thread failed'));
    });
    const fail = (e: Error) => {
      this.worker = null;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('engine thread exited')));
    worker.unref();
  }

  /** Starts the thread, or null when there is no spare core (or it is turned off: SELFEVAL_ENGINE_THREAD=0). */
  static start(): EngineThread | null {
    if (process.env.SELFEVAL_ENGINE_THREAD === '0') return null;
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    if (cores < 2 && process.env.SELFEVAL_ENGINE_THREAD !== '1') return null;
    if (!existsSync(SCRIPT)) return null;
    try {
      return new EngineThread(new Worker(SCRIPT));
    } catch {
      return null;
    }
  }

  /** checkWorkbook on the thread; falls back to this thread if the thread is gone. */
  async check(grid: WorkbookGrid, settings: Settings): Promise<WorkbookCheck> {
    const here = async () => (await import('../engine/check/workbook')).checkWorkbook(grid, settings);
    const w = this.worker;
    if (!w) return here();
    const id = this.next++;
    const result = new Promise<WorkbookCheck>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    try {
      w.ref(); // keep the process alive until the answer comes
      w.postMessage({ id, grid, settings });
    } catch {
      this.pending.delete(id);
      return here();
    }
    try {
      return await result;
    } catch (e) {
      // An engine error is the file's problem, as it would be here; a dead thread is not.
      if (this.worker) throw e;
      return here();
    }
  }

  close(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }
}
