/**
 * Checking many files: in parallel across the machine's cores with worker_threads, results handed
 * back in input order (the report is the same as checking the files one by one).
 */
import { existsSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import { Settings } from '../engine';
import type { FileResult, ProcessOptions } from './process';

const WORKER = path.join(__dirname, 'worker.js');

/** Below this much input a worker's start-up (loading the reader, ~0.1 s) costs more than it saves. */
const PARALLEL_BYTES = 1_000_000;
const PARALLEL_FILES = 12;

function totalBytes(files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += statSync(f).size;
    } catch {
      // reported as unreadable later
    }
  }
  return n;
}

async function processFile(file: string, settings: Settings, opts: ProcessOptions): Promise<FileResult> {
  // Loaded only when this thread checks files itself: the workers load the reader, not the main thread.
  const { processFile: run } = await import('./process');
  return run(file, settings, opts);
}

/**
 * How many worker threads for these files: SELFEVAL_WORKERS when set, else one per two cores when
 * the input is big enough to pay for the start-up; at most one per file (fewer than 2: no workers).
 */
export function workerCount(files: string[]): number {
  const env = process.env.SELFEVAL_WORKERS;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  let want: number;
  if (env !== undefined && env !== '' && Number.isInteger(Number(env)) && Number(env) >= 0) want = Number(env);
  // One worker per two cores: a parse keeps V8's garbage-collector threads busy too, so it already
  // uses more than one core (on 2 cores, 2 workers measured slower than one thread).
  else want = files.length >= PARALLEL_FILES || totalBytes(files) >= PARALLEL_BYTES ? Math.floor(cores / 2) : 0;
  return Math.max(0, Math.min(want, files.length, 16));
}

/**
 * Check every file; `onResult` is called in input order as soon as each result (and all before it)
 * is ready. Falls back to checking in this thread with one file, one core, or no built worker.
 */
export async function checkAll(
  files: string[],
  settings: Settings,
  opts: ProcessOptions,
  onResult: (r: FileResult, index: number) => void,
): Promise<FileResult[]> {
  const n = files.length < 2 ? 0 : workerCount(files);
  if (files.length < 2 || n < 2 || !existsSync(WORKER)) {
    const out: FileResult[] = [];
    for (let i = 0; i < files.length; i++) {
      const r = await processFile(files[i], settings, opts);
      out.push(r);
      onResult(r, i);
    }
    return out;
  }
  const results: (FileResult | undefined)[] = new Array(files.length);
  let next = 0;
  let emitted = 0;
  const emit = () => {
    while (emitted < files.length && results[emitted]) {
      onResult(results[emitted]!, emitted);
      emitted++;
    }
  };
  await new Promise<void>((resolve) => {
    let running = n;
    for (let w = 0; w < n; w++) {
      const worker = new Worker(WORKER, { workerData: { settings, opts } });
      let current = -1;
      const feed = () => {
        if (next >= files.length) {
          void worker.terminate();
          if (--running === 0) resolve();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, file: files[current] });
      };
      worker.on('message', (m: { index: number; result: FileResult }) => {
        results[m.index] = m.result;
        emit();
        feed();
      });
      worker.on('error', (e) => {
        // A worker that dies (out of memory on a huge file): that file is unreadable, the rest go on.
        if (current >= 0 && !results[current]) {
          const file = files[current];
          const error = `${file}：无法检查（${e.message.split('\n')[0].slice(0, 120)}）`;
          results[current] = { report: { file, error, tables: [], findings: [] }, error };
          emit();
        }
        if (--running === 0) resolve();
      });
      feed();
    }
  });
  // Files a dead worker never reached: check them here.
  for (let i = 0; i < files.length; i++) {
    if (!results[i]) results[i] = await processFile(files[i], settings, opts);
  }
  emit();
  return results as FileResult[];
}
