/**
 * Engine throughput, two builds side by side: `node bench/engine-ab.js OLD_DIST` times the engine in
 * OLD_DIST (e.g. an earlier commit compiled with `tsc -p tsconfig.cli.json --outDir OLD_DIST`) against
 * dist/ on the same generated tables, alternating runs in one process, and prints both medians.
 */
'use strict';
const path = require('path');
const { performance } = require('perf_hooks');
require('./ts-hook');
const fc = require('fast-check');
const gen = require('../test/property/gen.ts');

const oldDist = path.resolve(process.argv[2] || '');
const TABLES = Number(process.env.BENCH_TABLES) || 2000;
const ROUNDS = Number(process.env.BENCH_RUNS) || 5;
const engines = {
  old: { ...require(path.join(oldDist, 'engine/check/workbook')), ...require(path.join(oldDist, 'engine/settings')) },
  new: { ...require('../dist/engine/check/workbook'), ...require('../dist/engine/settings') },
};
const specs = fc.sample(gen.projectSpec, { seed: 7, numRuns: TABLES });
const all = specs.map(
  (spec, i) =>
    gen.placeBlocks(`表${i + 1}`, [gen.buildProject(spec, `基准项目${i + 1}`)], { row: i % 3, col: i % 2 }, []).sheet,
);
const grids = [];
for (let i = 0; i < all.length; i += 20) grids.push({ sheets: all.slice(i, i + 20) });
const times = { old: [], new: [] };
let rows = 0;
for (let r = 0; r < ROUNDS + 1; r++) {
  for (const name of r % 2 ? ['old', 'new'] : ['new', 'old']) {
    const e = engines[name];
    const settings = e.resolveSettings();
    rows = 0;
    const t0 = performance.now();
    for (const g of grids) rows += e.checkWorkbook(g, settings).tables.reduce((n, t) => n + t.indicators.length, 0);
    if (r > 0) times[name].push(performance.now() - t0); // round 0 warms both up
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const name of ['old', 'new']) {
  const ms = median(times[name]);
  console.log(
    `${name}: ${Math.round((rows / ms) * 1000).toLocaleString('en-US')} indicator rows/s (median ${ms.toFixed(0)} ms of ${ROUNDS})`,
  );
}
console.log(`new ÷ old time: ${(median(times.new) / median(times.old)).toFixed(2)}×`);
