#!/usr/bin/env node
/**
 * Bench (c): the office.js host against the recording fake (test/excel/fake-excel.ts), one check with
 * writes per workbook (`host.loadSettings()` first, as the pane and the ribbon command do): syncs,
 * and the largest request and response of any sync in serialised bytes (UTF-8 JSON, the fake's
 * measure), for 1 / 10 / 100 / 500 generated sheets and one sheet of 200,000 used cells.
 *
 *   node bench/excel.js            (or: npm run bench:excel)
 *
 * Budget: BUDGET_BYTES (src/excel/budget.ts) per request and per response.
 */
const path = require('path');
const { performance } = require('perf_hooks');
require('./ts-hook');

const ROOT = path.resolve(__dirname, '..');
const fc = require('fast-check');
const gen = require(path.join(ROOT, 'test/property/gen.ts'));
const { createExcelHost } = require(path.join(ROOT, 'src/excel/index.ts'));
const { BUDGET_BYTES } = require(path.join(ROOT, 'src/excel/budget.ts'));
const { createFakeExcel } = require(path.join(ROOT, 'test/excel/fake-excel.ts'));
const { resolveSettings } = require(path.join(ROOT, 'src/engine/index.ts'));

/** Generated project tables (consistent), as engine sheets. */
function tables(n, seed) {
  const specs = fc.sample(gen.projectSpec, { seed, numRuns: n });
  return specs.map((spec, i) => {
    const block = gen.buildProject(spec, `基准项目${i + 1}`);
    return gen.placeBlocks(`表${i + 1}`, [block], { row: i % 3, col: i % 2 }, []).sheet;
  });
}

/** One data sheet of rows × cols used cells: an id, a Chinese name, amounts, a rate, a remark. */
function bigSheet(rows, cols) {
  const values = [];
  const formats = [];
  for (let r = 0; r < rows; r++) {
    const row = [];
    const fr = [];
    for (let c = 0; c < cols; c++) {
      const k = c % 5;
      row.push(
        k === 0
          ? r + 1
          : k === 1
            ? `明细项目${r}-${c}`
            : k === 4
              ? '按计划执行'
              : Math.round((r * 37 + c * 11) % 100000) / 100,
      );
      fr.push(k === 2 || k === 3 ? '#,##0.00' : null);
    }
    values.push(row);
    formats.push(fr);
  }
  return { name: '明细数据', values, formats, merges: [], fills: {}, notes: {}, formulas: {} };
}

/**
 * One summary sheet of `n` projects where every rate and every grade is wrong: the largest write a
 * check makes on one sheet (two computed values, two fills, two notes per row, the results sheet and
 * the undo record).
 */
function wrongSummary(n) {
  const values = [
    ['2025年度某某局部门项目支出绩效自评结果汇总表'],
    ['序号', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '预算执行率', '自评得分', '自评等级', '备注'],
  ];
  for (let i = 0; i < n; i++) {
    const budget = 100 + (i % 900);
    const executed = budget - (i % 7);
    values.push([i + 1, `汇总项目${i + 1}号`, budget, executed, '50.00%', 85 + (i % 10), '差', '']);
  }
  return {
    name: '项目汇总',
    values,
    formats: [],
    merges: [{ top: 0, left: 0, bottom: 0, right: 7 }],
    fills: {},
    notes: {},
    formulas: {},
  };
}

async function measure(label, sheets) {
  const fake = createFakeExcel(sheets, { payloadLimitBytes: 5 * 1024 * 1024 });
  const host = createExcelHost(fake.run);
  const settings = resolveSettings(await host.loadSettings());
  fake.resetSyncCount();
  const t0 = performance.now();
  let r;
  let error = null;
  try {
    r = await host.check({ writeValues: true, settings });
  } catch (e) {
    error = e.messageEn || e.message;
    r = { syncCount: fake.syncCount(), tables: [] };
  }
  const ms = performance.now() - t0;
  const sizes = fake.batchSizes();
  if (process.env.BENCH_VERBOSE) console.log(label, JSON.stringify(sizes));
  const maxReq = Math.max(...sizes.map((s) => s.request));
  const maxRes = Math.max(...sizes.map((s) => s.response));
  const total = sizes.reduce((n, s) => n + s.request + s.response, 0);
  return {
    label,
    syncs: r.syncCount,
    fakeSyncs: fake.syncCount(),
    failed: sizes.filter((s) => s.failed).length,
    maxReq,
    maxRes,
    total,
    within: maxReq <= BUDGET_BYTES && maxRes <= BUDGET_BYTES,
    tables: r.tables.length,
    ms,
    error,
  };
}

const kb = (n) => `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;

async function run() {
  const out = [];
  for (const n of [1, 10, 100, 500]) out.push(await measure(`${n} sheet${n > 1 ? 's' : ''}`, tables(n, 17)));
  out.push(await measure('1 sheet, 200,000 used cells', [bigSheet(4000, 50)]));
  for (const n of [2000, 10000]) out.push(await measure(`summary, ${n} rows all wrong`, [wrongSummary(n)]));
  return out;
}

function print(rows) {
  console.log(
    `(c) the add-in's check with writes (loadSettings first), budget ${kb(BUDGET_BYTES)} per request and response`,
  );
  console.log(
    'workbook                      | syncs | largest request | largest response | total bytes | within budget',
  );
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(29)} | ${String(r.syncs).padStart(5)} | ${kb(r.maxReq).padStart(15)} | ${kb(r.maxRes).padStart(16)} | ${kb(r.total).padStart(11)} | ${r.within ? 'yes' : 'NO'}${r.failed ? ` (${r.failed} failed sync)` : ''}${r.error ? ` — FAILED: ${r.error}` : ''}`,
    );
  }
}

module.exports = { run, print };

if (require.main === module) {
  run()
    .then(print)
    .catch((e) => {
      console.error(e.stack || String(e));
      process.exitCode = 1;
    });
}
