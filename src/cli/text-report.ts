/** The readable summary of `selfeval check` (Chinese by default); its words are in src/i18n/cli.ts. */
import { FormulaOverwrite, Lang, Report } from '../engine';
import { CLI_TEXT } from '../i18n/cli';

export function textReport(
  report: Report,
  lang: Lang,
  written: Map<string, string>,
  formulas: Map<string, FormulaOverwrite[]> = new Map(),
): string {
  const t = CLI_TEXT[lang];
  const vs = (computed: string | null | undefined, reported: string | null | undefined) =>
    t.versus(computed ?? '—', reported ?? null);
  const pct = (x: string | null | undefined) => (x === null || x === undefined ? x : `${x}%`);
  const out: string[] = [];
  for (const f of report.files) {
    out.push(`${t.file}${t.colon}${f.file}`);
    if (f.error) {
      out.push(`  ${t.unreadable}${t.colon}${f.error}`);
      continue;
    }
    for (const table of f.tables) {
      out.push(`  ${table.sheet}!${table.range}  ${t.kind[table.kind]}${table.name ? `${t.colon}${table.name}` : ''}`);
      const scored = table.funds.find((x) => x.score) ?? table.funds[0];
      if (scored?.rate) out.push(`    ${t.rate} ${vs(pct(scored.rate.computed), pct(scored.rate.reported))}`);
      if (table.total) out.push(`    ${t.total} ${vs(table.total.computed, table.total.reported)}`);
      if (table.grade) out.push(`    ${t.grade} ${vs(table.grade.computed, table.grade.reported)}`);
      if (table.kind === 'summary') {
        const rate = table.totalRow?.rate;
        out.push(
          `    ${t.projects} ${table.rows.length}${rate ? `${t.comma}${t.overallRate} ${vs(`${rate.computed}%`, pct(rate.reported))}` : ''}`,
        );
        if (table.gradeCounts) {
          const dist = Object.entries(table.gradeCounts).map(([g, n]) => `${g} ${n}`);
          out.push(`    ${t.grades}${t.colon}${dist.join(t.comma)}`);
        }
      }
    }
    const counts = { error: 0, warning: 0, info: 0 };
    for (const x of f.findings) counts[x.severity]++;
    out.push(`  ${t.counts(counts)}`);
    for (const x of f.findings) out.push(`    [${t.severity[x.severity]}] ${x.sheet}!${x.cell} ${x.code} ${x.message}`);
    const w = written.get(f.file);
    if (w) out.push(`  ${t.written}${t.colon}${w}`);
    const replaced = formulas.get(f.file) ?? [];
    if (replaced.length) {
      out.push(`  ${t.formulasReplaced}`);
      for (const x of replaced) out.push(`    ${x.sheet}!${x.cell}  =${x.formula}`);
    }
  }
  out.push(t.summary(report.summary));
  out.push(t.profile(String(report.settings.preset ?? 'mof2020')));
  return out.join('\n');
}
