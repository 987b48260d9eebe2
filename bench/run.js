#!/usr/bin/env node
/**
 * `npm run bench`: one table of
 *   (a) engine throughput, indicator rows per second, on generated tables;
 *   (b) the CLI on a generated 200-sheet workbook against two bare reads of it, exceljs's load and the
 *       CLI's own reader (SheetJS, as src/file/read.ts calls it) — ratios from the same run;
 *   (c) the add-in's check: syncs and request/response bytes for 1/10/100/500 sheets and one sheet of
 *       200,000 cells (recording fake; the full table: `npm run bench:excel`, bench/excel.js);
 *   (d) a folder of 8 files of 100 sheets: one thread against worker threads (one per core).
 * Options (env): BENCH_SHEETS (200), BENCH_RUNS (5), BENCH_TABLES (2000).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');
require('./ts-hook');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'selfeval.js');
const SHEETS = Number(process.env.BENCH_SHEETS) || 200;
const RUNS = Number(process.env.BENCH_RUNS) || 5;
const TABLES = Number(process.env.BENCH_TABLES) || 2000;

const fc = require('fast-check');
const ExcelJS = require('exceljs');
const gen = require('../test/property/gen.ts');
const { checkWorkbook } = require('../dist/engine/check/workbook');
const { resolveSettings } = require('../dist/engine/settings');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/** Generated project/department tables (consistent, both layouts), as engine sheets. */
function sheets(n, seed) {
  const specs = fc.sample(gen.projectSpec, { seed, numRuns: n });
  return specs.map((spec, i) => {
    const block = gen.buildProject(spec, `基准项目${i + 1}`);
    return gen.placeBlocks(`表${i + 1}`, [block], { row: i % 3, col: i % 2 }, []).sheet;
  });
}

function indicatorRows(result) {
  return result.tables.reduce((n, t) => n + t.indicators.length, 0);
}

// (a) engine throughput
function engineThroughput() {
  const all = sheets(TABLES, 7);
  const grids = [];
  for (let i = 0; i < all.length; i += 20) grids.push({ sheets: all.slice(i, i + 20) });
  const settings = resolveSettings();
  let rows = 0;
  for (const g of grids.slice(0, 5)) rows += indicatorRows(checkWorkbook(g, settings)); // warm-up
  const times = [];
  for (let r = 0; r < 3; r++) {
    rows = 0;
    const t0 = performance.now();
    for (const g of grids) rows += indicatorRows(checkWorkbook(g, settings));
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return { rows, tables: all.length, ms, perSec: (rows / ms) * 1000 };
}

/** Write engine sheets into an .xlsx with exceljs (values, number formats, merges). */
async function writeWorkbook(file, list) {
  const wb = new ExcelJS.Workbook();
  for (const s of list) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        const f = s.formats && s.formats[r] && s.formats[r][c];
        if (f) cell.numFmt = f;
      }),
    );
    for (const m of s.merges) {
      try {
        ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      } catch {
        // overlapping merge: skip
      }
    }
  }
  await wb.xlsx.writeFile(file);
}

function time(args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function timeCli(file, extra = [], env = {}) {
  return time([CLI, 'check', file, '--json', ...extra], env);
}

function timeLoad(file) {
  const code = `const E=require(${JSON.stringify(require.resolve('exceljs'))});new E.Workbook().xlsx.readFile(${JSON.stringify(file)}).then(()=>{})`;
  return time(['-e', code]);
}

/** The CLI's reader alone: SheetJS's core build with the options src/file/read.ts passes for a check. */
function timeReader(file) {
  const opts = '{type:"buffer",dense:true,cellFormula:false,cellNF:true,cellText:false,cellHTML:false,bookVBA:false}';
  const code = `const X=require(${JSON.stringify(require.resolve('@e965/xlsx/dist/xlsx.core.min.js'))});X.read(require('fs').readFileSync(${JSON.stringify(file)}),${opts})`;
  return time(['-e', code]);
}

async function cliVsLoad(dir) {
  const file = path.join(dir, `bench-${SHEETS}-sheets.xlsx`);
  await writeWorkbook(file, sheets(SHEETS, 11));
  const size = fs.statSync(file).size;
  const load = [];
  const reader = [];
  const cli = [];
  timeLoad(file);
  timeReader(file);
  timeCli(file); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so that a busy moment of the machine weighs on all three alike.
    load.push(timeLoad(file));
    reader.push(timeReader(file));
    cli.push(timeCli(file));
  }
  return { file, size, load: median(load), reader: median(reader), cli: median(cli) };
}

async function folder(dir) {
  const sub = path.join(dir, 'folder');
  fs.mkdirSync(sub);
  const list = sheets(100, 13);
  const n = 8;
  for (let i = 0; i < n; i++) await writeWorkbook(path.join(sub, `f${i}.xlsx`), list);
  const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  const seq = [];
  const par = [];
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    seq.push(timeCli(sub, [], { SELFEVAL_WORKERS: '0' }));
    par.push(timeCli(sub, [], { SELFEVAL_WORKERS: String(cores) }));
  }
  return { files: n, cores, seq: median(seq), par: median(par) };
}

// (c) the add-in's checks through the office.js host and its recording fake: bench/excel.js
async function syncCounts() {
  const hostPath = path.join(ROOT, 'src', 'excel', 'index.ts');
  const fakePath = path.join(ROOT, 'test', 'excel', 'fake-excel.ts');
  if (!fs.existsSync(hostPath) || !fs.existsSync(fakePath)) return null;
  return require('./excel').run();
}

async function main() {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli/selfeval.js missing: run `npm run build:cli` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-bench-'));
  const rows = [];
  try {
    const a = engineThroughput();
    rows.push([
      '(a) engine throughput',
      `${fmt(a.perSec)} indicator rows/s`,
      `${fmt(a.rows)} rows in ${fmt(a.tables)} generated tables, ${fmt(a.ms)} ms`,
    ]);
    const b = await cliVsLoad(dir);
    rows.push([
      `(b) CLI on ${SHEETS} sheets vs bare reads`,
      `${fmt(b.cli / b.load, 2)}× exceljs load, ${fmt(b.cli / b.reader, 2)}× reader`,
      `selfeval check --json ${fmt(b.cli)} ms; exceljs readFile ${fmt(b.load)} ms; SheetJS read (the CLI's reader) ${fmt(b.reader)} ms (${fmt(b.size / 1024)} KiB, median of ${RUNS}, each a fresh node)`,
    ]);
    let c = null;
    try {
      c = await syncCounts();
    } catch (e) {
      rows.push([
        '(c) context.sync() per recalculation',
        'n/a',
        `office.js host not runnable here: ${e.message.split('\n')[0]}`,
      ]);
    }
    if (c) {
      const by = (label) => c.find((r) => r.label === label);
      const kb = (n) => `${Math.round(n / 1024)} KB`;
      rows.push([
        '(c) add-in check: syncs',
        c.map((r) => `${r.label.replace(/ sheets?$/, '')}: ${r.syncs}`).join(', '),
        `largest response ${c.map((r) => kb(r.maxRes)).join(' / ')}, largest request ${kb(Math.max(...c.map((r) => r.maxReq)))}; ` +
          `all within ${kb(4 * 1024 * 1024)}: ${c.every((r) => r.within && !r.error) ? 'yes' : 'NO'} (bench/excel.js; 200k cells: ${by('1 sheet, 200,000 used cells').syncs} syncs)`,
      ]);
    } else if (!rows.some((r) => r[0].startsWith('(c)'))) {
      rows.push(['(c) context.sync() per recalculation', 'n/a', 'src/excel or test/excel/fake-excel.ts not present']);
    }
    const d = await folder(dir);
    rows.push([
      `(d) folder of ${d.files} files × 100 sheets`,
      `speed-up ${fmt(d.seq / d.par, 2)}×`,
      `one thread ${fmt(d.seq)} ms, ${d.cores} worker threads ${fmt(d.par)} ms (default: one per two cores)`,
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [...r[i]].length), 8));
  const line = (r) => r.map((x, i) => x + ' '.repeat(widths[i] - [...x].length)).join(' | ');
  console.log(`selfeval bench — node ${process.version}, ${os.cpus()[0].model}, ${os.cpus().length} cpus`);
  console.log(line(['measure', 'result', 'detail']));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exitCode = 1;
});
