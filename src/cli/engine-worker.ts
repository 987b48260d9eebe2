/**
 * The CLI's engine thread: it compiles and warms the engine on a small sample while the main thread
 * loads the .xlsx with exceljs (which keeps one core busy), then checks each grid it is sent.
 */
import { parentPort } from 'worker_threads';
import { checkWorkbook } from '../engine/check/workbook';
import { WorkbookGrid } from '../engine/grid';
import { Settings, resolveSettings } from '../engine/settings';
import { WARMUP } from './warmup';

const WARM_ROUNDS = 60;
let rounds = 0;
const settings = resolveSettings();

function warm(): void {
  const until = Date.now() + 15;
  while (rounds < WARM_ROUNDS && Date.now() < until) {
    checkWorkbook(WARMUP, settings);
    rounds++;
  }
  if (rounds < WARM_ROUNDS) setImmediate(warm); // let a real job in between slices
}

parentPort!.on('message', (job: { id: number; grid: WorkbookGrid; settings: Settings }) => {
  rounds = WARM_ROUNDS; // real work from now on
  try {
    parentPort!.postMessage({ id: job.id, check: checkWorkbook(job.grid, job.settings) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});

warm();
