#!/usr/bin/env node
/**
 * Summary of a StrykerJS JSON report (default reports/mutation/mutation.json): the score of the whole engine,
 * by folder and by file, and with --survivors every mutant left alive (survived or not covered), each with the
 * reason docs/mutation-survivors.md gives for it, or `UNEXPLAINED`.
 *
 *   node scripts/mutation-summary.js [report.json] [--survivors] [--explanations docs/mutation-survivors.md]
 *
 * An explanation line in that file starts with `path:line` or `path:first-last` (engine-relative, e.g.
 * `locate/headers.ts:216`), optionally followed by mutator names in brackets, then ` — ` and the reason:
 *   - `values/date.ts:64 [Regex] — …` explains that line's Regex survivors;
 *   - `locate/headers.ts:30-152 [StringLiteral, ArrayDeclaration] — …` a range;
 *   - without brackets, every survivor on those lines.
 */
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--explanations'));
const reportPath = positional[0] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));

const DETECTED = new Set(['Killed', 'Timeout']);
const ALIVE = new Set(['Survived', 'NoCoverage']);
const rel = (file) => file.replace(/^.*?src\/engine\//, '');
const folder = (file) => (rel(file).includes('/') ? `${rel(file).split('/')[0]}/` : rel(file));

function tally(mutants) {
  const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0 };
  for (const m of mutants) c[m.status] = (c[m.status] ?? 0) + 1;
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  return { ...c, valid, score: valid ? (100 * detected) / valid : NaN, covered: (100 * detected) / (detected + c.Survived) };
}

const files = Object.entries(report.files).map(([file, f]) => ({ file: rel(file), source: f.source, mutants: f.mutants }));
const row = (name, t) =>
  `| ${name} | ${t.Killed} | ${t.Timeout} | ${t.Survived} | ${t.NoCoverage} | ${t.CompileError} | ${t.valid ? t.score.toFixed(2) + '%' : '–'} |`;

console.log('| Scope | Killed | Timeout | Survived | No coverage | Compile errors | Score |');
console.log('|---|---|---|---|---|---|---|');
console.log(row('**all of `src/engine`**', tally(files.flatMap((f) => f.mutants))));
const folders = [...new Set(files.map((f) => folder(f.file)))].sort();
for (const d of folders) console.log(row(`\`${d}\``, tally(files.filter((f) => folder(f.file) === d).flatMap((f) => f.mutants))));
console.log('');
console.log('| File | Killed | Timeout | Survived | No coverage | Compile errors | Score |');
console.log('|---|---|---|---|---|---|---|');
for (const f of [...files].sort((a, b) => tally(b.mutants).Survived - tally(a.mutants).Survived)) {
  const t = tally(f.mutants);
  if (t.valid) console.log(row(`\`${f.file}\``, t));
}

if (flag('--survivors')) {
  const explPath = opt('--explanations', path.join(__dirname, '..', 'docs', 'mutation-survivors.md'));
  const rules = [];
  if (fs.existsSync(explPath)) {
    for (const line of fs.readFileSync(explPath, 'utf8').split('\n')) {
      const m = /^[-*]?\s*`?([\w./-]+\.ts):(\d+)(?:-(\d+))?`?\s*(?:\[([^\]]+)\])?\s*—\s*(.+)$/.exec(line.trim());
      if (m)
        rules.push({
          file: m[1],
          from: +m[2],
          to: +(m[3] ?? m[2]),
          mutators: m[4] ? m[4].split(/[,\s]+/).filter(Boolean) : null,
          reason: m[5],
        });
    }
  }
  let unexplained = 0;
  let alive = 0;
  console.log('');
  for (const f of files) {
    const lines = f.source.split('\n');
    for (const m of f.mutants.filter((x) => ALIVE.has(x.status))) {
      alive++;
      const l = m.location.start.line;
      const rule = rules.find(
        (r) => r.file === f.file && l >= r.from && l <= r.to && (!r.mutators || r.mutators.includes(m.mutatorName)),
      );
      if (!rule) unexplained++;
      const code = lines[l - 1].trim().slice(0, 90);
      const repl = String(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
      console.log(
        `${f.file}:${l} ${m.status} ${m.mutatorName}: ${code}  =>  ${repl}\n    ${rule ? rule.reason : 'UNEXPLAINED'}`,
      );
    }
  }
  console.log(`\n${alive} mutants alive, ${alive - unexplained} explained, ${unexplained} unexplained`);
  void DETECTED;
}
