/** The readable summary of `selfeval check` (Chinese by default). */
import { FormulaOverwrite, Report } from '../engine';

const SEV = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};
const KIND = {
  zh: { project: '项目支出绩效自评表', department: '部门整体支出绩效自评表', summary: '自评结果汇总表' },
  en: { project: 'project table', department: 'department table', summary: 'summary table' },
};

function vs(computed: string | null | undefined, reported: string | null | undefined, lang: 'zh' | 'en'): string {
  const c = computed ?? '—';
  if (reported === null || reported === undefined)
    return `${c}${lang === 'zh' ? '（表内为空）' : ' (empty in the table)'}`;
  return lang === 'zh' ? `${c}（表内 ${reported}）` : `${c} (table: ${reported})`;
}

export function textReport(
  report: Report,
  lang: 'zh' | 'en',
  written: Map<string, string>,
  formulas: Map<string, FormulaOverwrite[]> = new Map(),
): string {
  const out: string[] = [];
  const zh = lang === 'zh';
  const colon = zh ? '：' : ': ';
  const comma = zh ? '，' : ', ';
  for (const f of report.files) {
    out.push(`${zh ? '文件' : 'File'}${colon}${f.file}`);
    if (f.error) {
      out.push(`  ${zh ? '无法读取' : 'cannot be read'}${colon}${f.error}`);
      continue;
    }
    for (const t of f.tables) {
      out.push(`  ${t.sheet}!${t.range}  ${KIND[lang][t.kind]}${t.name ? `${colon}${t.name}` : ''}`);
      const scored = t.funds.find((x) => x.score) ?? t.funds[0];
      if (scored?.rate)
        out.push(
          `    ${zh ? '预算执行率' : 'execution rate'} ${vs(scored.rate.computed && `${scored.rate.computed}%`, scored.rate.reported && `${scored.rate.reported}%`, lang)}`,
        );
      if (t.total) out.push(`    ${zh ? '总分' : 'total'} ${vs(t.total.computed, t.total.reported, lang)}`);
      if (t.grade) out.push(`    ${zh ? '等级' : 'grade'} ${vs(t.grade.computed, t.grade.reported, lang)}`);
      if (t.kind === 'summary') {
        out.push(
          `    ${zh ? '项目' : 'projects'} ${t.rows.length}${t.totalRow?.rate ? `${comma}${zh ? '合计执行率' : 'overall rate'} ${vs(`${t.totalRow.rate.computed}%`, t.totalRow.rate.reported && `${t.totalRow.rate.reported}%`, lang)}` : ''}`,
        );
        if (t.gradeCounts) {
          out.push(
            `    ${zh ? '等级分布' : 'grades'}${colon}${Object.entries(t.gradeCounts)
              .map(([g, n]) => `${g} ${n}`)
              .join(comma)}`,
          );
        }
      }
    }
    const counts = { error: 0, warning: 0, info: 0 };
    for (const x of f.findings) counts[x.severity]++;
    out.push(
      zh
        ? `  问题：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`
        : `  findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos`,
    );
    for (const x of f.findings) out.push(`    [${SEV[lang][x.severity]}] ${x.sheet}!${x.cell} ${x.code} ${x.message}`);
    const w = written.get(f.file);
    if (w) out.push(`  ${zh ? '已写出检查后的副本' : 'checked copy written to'}${colon}${w}`);
    const replaced = formulas.get(f.file) ?? [];
    if (replaced.length) {
      out.push(
        zh
          ? `  注意：副本中以下公式单元格的公式已被计算值替换（原公式结果不对或不够精确）：`
          : `  note: in the copy, these formula cells now hold the computed value instead of their formula:`,
      );
      for (const x of replaced) out.push(`    ${x.sheet}!${x.cell}  =${x.formula}`);
    }
  }
  const s = report.summary;
  out.push(
    zh
      ? `合计：${s.files} 个文件，${s.tables} 张表；错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}`
      : `Total: ${s.files} files, ${s.tables} tables; ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos`,
  );
  return out.join('\n');
}
