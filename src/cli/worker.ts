/** A worker thread of `selfeval check`: checks the files the main thread sends, one at a time. */
import { parentPort, workerData } from 'worker_threads';
import { Settings } from '../engine';
import { ProcessOptions, processFile } from './process';

export interface WorkerJob {
  index: number;
  file: string;
}

const { settings, opts } = workerData as { settings: Settings; opts: ProcessOptions };

parentPort!.on('message', (job: WorkerJob) => {
  processFile(job.file, settings, opts).then(
    (result) => parentPort!.postMessage({ index: job.index, result }),
    (e: unknown) => {
      const error = `${job.file}：无法检查（${e instanceof Error ? e.message : String(e)}）`;
      parentPort!.postMessage({
        index: job.index,
        result: { report: { file: job.file, error, tables: [], findings: [] }, error },
      });
    },
  );
});
