#!/usr/bin/env node
/**
 * Make the next `npx stryker run --incremental` retest every mutant the last run did not kill.
 *
 *   node scripts/mutation-retest.js [reports/stryker-incremental.json]
 *
 * StrykerJS reuses a survivor's result unless a new test covers it. A *static* mutant (one in module-level
 * code: the header catalogue, the message templates, the patterns) has no per-test coverage, so after new tests
 * are added it is reused as "Survived" without being run again (@stryker-mutator/core 9.6.1,
 * incremental-differ.js `mutantCanBeReused`). This drops the Survived, NoCoverage and Timeout results from the
 * incremental file (Timeout too, so that a time-out on a busy machine is measured again), keeping Killed and
 * CompileError: a killed mutant stays killed when tests are only added, and Stryker reruns it anyway when its
 * killing test changed.
 */
const fs = require('fs');

const file = process.argv[2] ?? 'reports/stryker-incremental.json';
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const kept = {};
let dropped = 0;
for (const f of Object.values(report.files)) {
  const before = f.mutants.length;
  f.mutants = f.mutants.filter((m) => ['Killed', 'CompileError', 'Ignored'].includes(m.status));
  dropped += before - f.mutants.length;
  for (const m of f.mutants) kept[m.status] = (kept[m.status] ?? 0) + 1;
}
fs.writeFileSync(file, JSON.stringify(report));
console.log(`${file}: ${dropped} results dropped (to retest), kept ${JSON.stringify(kept)}`);
