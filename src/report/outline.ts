/**
 * The draft's outline and prose, as plain blocks (docx-write.ts lays them out). Every number comes
 * from the checked table: computed values at the table's own decimals; where the table disagrees, the
 * computed value is used and the difference marked 【表中 7.7，按规则应为 7.68】. What only a person
 * knows is a visible 【请填写：…】 placeholder: nothing is invented (README “自评报告”; docs/rules.md).
 */
import { render, Figure, Finding, Settings, SummaryRowResult, TableExtras, TableResult } from '../engine';
import Decimal from 'decimal.js';
import { shortName } from './against-table';

export type Run = { text: string } | { mark: string } | { placeholder: string };

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'p'; runs: Run[] }
  | { kind: 'attachment'; title: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

export type ProjectSection = 'overview' | 'goals' | 'analysis' | 'conclusion' | 'problems' | 'measures';

/** The outline is a setting: section order and titles (default: the common project-report outline). */
export interface DraftOutline {
  sections: ProjectSection[];
  titles: Record<ProjectSection, string>;
}

export const DEFAULT_OUTLINE: DraftOutline = {
  sections: ['overview', 'goals', 'analysis', 'conclusion', 'problems', 'measures'],
  titles: {
    overview: '项目概况',
    goals: '绩效目标',
    analysis: '绩效分析',
    conclusion: '评价结论',
    problems: '存在的主要问题',
    measures: '改进建议',
  },
};

const t = (text: string): Run => ({ text });
const ask = (what: string): Run => ({ placeholder: `【请填写：${what}】` });
const p = (...runs: Run[]): Block => ({ kind: 'p', runs });

function places(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** A computed figure at the table's decimals, with the table's own figure marked where it differs. */
export function figure(f: Figure | null | undefined, suffix = ''): Run[] | null {
  if (!f) return null;
  if (f.computed === null) return f.reported === null ? null : [t(f.reported + suffix)];
  const num = /^-?\d+(\.\d+)?$/;
  if (f.reported === null || !num.test(f.reported) || !num.test(f.computed)) return [t(f.computed + suffix)];
  const atTable = new Decimal(f.computed).toFixed(places(f.reported), Decimal.ROUND_HALF_UP);
  if (new Decimal(atTable).eq(f.reported)) return [t(f.reported + suffix)];
  return [t(f.computed + suffix), { mark: `【表中 ${f.reported}，按规则应为 ${f.computed}】` }];
}

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function cnNumber(n: number): string {
  if (n <= 10) return CN[n];
  if (n < 20) return `十${CN[n - 10]}`;
  return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
}

/** 一是…；二是…。 */
export function enumerate(items: Run[][]): Run[] {
  const out: Run[] = [];
  items.forEach((runs, i) => {
    out.push(t(`${cnNumber(i + 1)}是`), ...runs, t(i === items.length - 1 ? '。' : '；'));
  });
  return out;
}

function met(i: TableResult['indicators'][number]): 'met' | 'unmet' | 'unknown' {
  if (!i.score || i.score.computed === null || !i.score.weight) return 'unknown';
  return new Decimal(i.score.computed).gte(i.score.weight) ? 'met' : 'unmet';
}

/** "7.68分【表中 7.5，按规则应为 7.68】" */
function scoreRuns(i: TableResult['indicators'][number]): Run[] {
  return figure(i.score, '分') ?? [ask('得分'), t('分')];
}

export interface DraftInput {
  tables: TableResult[];
  findings: Finding[];
  extras: Map<TableResult, TableExtras>;
  settings: Settings;
  outline?: DraftOutline;
}

function projectBlocks(
  tr: TableResult,
  x: TableExtras | undefined,
  findings: Finding[],
  d: DraftInput,
  base: 1 | 2,
): Block[] {
  const outline = d.outline ?? DEFAULT_OUTLINE;
  const h = (level: number, text: string): Block => ({ kind: 'heading', level: Math.min(3, level) as 1 | 2 | 3, text });
  const name = shortName(tr.name) || tr.name;
  const year = x?.year ?? null;
  const yearRuns = year ? [t(`${year}年`)] : [ask('年度'), t('年')];
  const funds = tr.funds[0] ?? null;
  const initial = funds ? x?.initial.get(funds.row) : undefined;
  const initialText =
    initial !== undefined && initial !== null && funds?.budget
      ? new Decimal(String(initial)).toFixed(places(funds.budget), Decimal.ROUND_HALF_UP)
      : null;
  const dept = tr.kind === 'department';
  const subject = dept ? '部门整体支出' : `${name}项目`;
  const out: Block[] = [];

  const fundsSentence = (withInitial: boolean): Run[] => {
    if (!funds) return [ask('预算及执行情况（表中未找到资金行）')];
    const r: Run[] = [...yearRuns, t(subject)];
    if (initialText !== null && withInitial) r.push(t(`年初预算${initialText}万元，`));
    r.push(t(`全年预算${funds.budget ?? '—'}万元，全年执行${funds.executed ?? '—'}万元`));
    const rate = figure(funds.rate, '%');
    if (rate) r.push(t('，预算执行率'), ...rate);
    const score = figure(funds.score, '分');
    if (score && funds.score?.weight) r.push(t('，得'), ...score, t(`（分值${funds.score.weight}分）`));
    r.push(t('。'));
    return r;
  };

  for (const sec of outline.sections) {
    out.push(h(base, outline.titles[sec]));
    if (sec === 'overview') {
      const facts: string[] = [`项目名称：${tr.name}`];
      if (x?.department) facts.push(`主管部门：${x.department}`);
      if (x?.unit) facts.push(`实施单位：${x.unit.replace(/（盖章）/g, '')}`);
      if (!dept) out.push(p(t(`${facts.join('；')}。`)));
      out.push(p(ask(dept ? '部门职能、机构设置和人员情况' : '项目背景、立项依据（文件名称及文号）和主要内容')));
      out.push(p(...fundsSentence(true)));
      if (funds && initialText !== null && funds.budget && !new Decimal(initialText).eq(funds.budget)) {
        const diff = new Decimal(funds.budget).minus(initialText);
        out.push(
          p(
            t(
              `年度中预算${diff.gt(0) ? '追加' : '调减'}${diff.abs().toFixed(places(funds.budget))}万元，由${initialText}万元调整为${funds.budget}万元。`,
            ),
            ask('预算调整的依据（文件名称及文号）'),
          ),
        );
      }
      const sources = tr.funds.slice(1).filter((f) => f.budget !== null && !new Decimal(f.budget).isZero());
      if (sources.length) out.push(p(t(`其中：${sources.map((f) => `${f.label}${f.budget}万元`).join('，')}。`)));
    } else if (sec === 'goals') {
      if (x?.goal) out.push(p(t(`年度总体目标：${x.goal.replace(/[。；;]$/, '')}。`)));
      else out.push(p(ask('年度总体目标（表中未找到）')));
      const groups = new Map<string, number>();
      for (const i of tr.indicators) groups.set(i.level1, (groups.get(i.level1) ?? 0) + 1);
      if (tr.indicators.length)
        out.push(
          p(
            t(`共设置绩效指标${tr.indicators.length}个，其中${[...groups].map(([g, n]) => `${g}${n}个`).join('、')}。`),
          ),
        );
      out.push(p(ask('设定上述目标和指标的依据')));
    } else if (sec === 'analysis') {
      out.push(h(base + 1, '预算执行情况'));
      out.push(p(...fundsSentence(false)));
      if (funds?.rate?.computed && new Decimal(funds.rate.computed).lt(100))
        out.push(p(t('资金未全部支出的原因：'), ask('资金未全部支出的原因')));
      out.push(h(base + 1, '绩效指标完成情况'));
      if (x?.goalDone) out.push(p(t(`年度目标完成情况：${x.goalDone.replace(/[。；;]$/, '')}。`)));
      const quantitative = tr.indicators.filter((i) => i.type !== 'qualitative');
      const states = quantitative.map(met);
      const done = states.filter((s) => s === 'met').length;
      const undone = states.filter((s) => s === 'unmet').length;
      const unknown = states.filter((s) => s === 'unknown').length;
      const qualitative = tr.indicators.length - quantitative.length;
      out.push(
        p(
          t(
            `共设置绩效指标${tr.indicators.length}个${qualitative ? `，其中定性指标${qualitative}个` : ''}；${qualitative ? '定量指标' : ''}已完成${done}个，未完成${undone}个${unknown ? `，${unknown}个未填写完成值` : ''}。`,
          ),
        ),
      );
      const byLevel = new Map<string, TableResult['indicators']>();
      for (const i of tr.indicators) byLevel.set(i.level1, [...(byLevel.get(i.level1) ?? []), i]);
      for (const [level1, list] of byLevel) {
        out.push(h(base + 2, level1));
        for (const i of list) {
          const unit = i.unit && i.unit !== '%' ? i.unit : i.unit === '%' ? '%' : '';
          const reason = x?.reason.get(i.row);
          if (i.type === 'qualitative') {
            out.push(
              p(t(`“${i.name}”目标为“${i.target ?? ''}”，实际为“${i.actual ?? ''}”，得`), ...scoreRuns(i), t('。')),
            );
            continue;
          }
          if (i.type === 'date') {
            const state = met(i);
            out.push(
              p(
                t(
                  `${i.level2 && i.level2 !== i.level1 ? i.level2 : ''}“${i.name}”目标时间为${i.operator ?? ''}${i.target ?? ''}，实际${i.actual === null ? '未填写完成时间' : `为${i.actual}`}，${state === 'met' ? '达到年度目标' : state === 'unmet' ? '未达到年度目标' : '无法按规则判断'}，得`,
                ),
                ...scoreRuns(i),
                t('。'),
              ),
            );
            continue;
          }
          const target = `年度指标值${i.operator ?? ''}${i.target ?? ''}${unit}`;
          const level2 = i.level2 && i.level2 !== i.level1 ? i.level2 : '';
          const state = met(i);
          if (i.actual === null) {
            const runs: Run[] = [t(`${level2}“${i.name}”${target}，完成值未填写，无法按规则评分`)];
            if (i.score?.reported) runs.push({ mark: `【表中得 ${i.score.reported} 分，请补填完成值或说明理由】` });
            runs.push(t('。'));
            if (reason) runs.push(t(`表中说明：${reason.replace(/[。；;]$/, '')}。`));
            out.push(p(...runs));
          } else if (state === 'met') {
            out.push(
              p(
                t(`${level2}“${i.name}”${target}，实际完成${i.actual}${unit}，达到年度目标，得`),
                ...scoreRuns(i),
                t('。'),
              ),
            );
          } else {
            const runs: Run[] = [t(`“${i.name}”${target}，实际完成${i.actual}${unit}`)];
            if (i.target && /^[≥>]/.test(i.operator ?? '') && !new Decimal(i.target).isZero()) {
              const rate = new Decimal(i.actual).div(i.target).times(100).toFixed(2, Decimal.ROUND_HALF_UP);
              runs.push(t(`，完成率${rate}%`));
            }
            runs.push(t('，得'), ...scoreRuns(i), t('。偏差原因：'));
            runs.push(reason ? t(`${reason.replace(/[。；;]$/, '')}。`) : ask('未完成的原因'));
            out.push(p(...runs));
          }
        }
      }
      out.push(p(ask('为完成上述指标开展的主要工作')));
    } else if (sec === 'conclusion') {
      const total = figure(tr.total, '分');
      const grade = tr.grade?.computed ?? null;
      const r: Run[] = [t('经自评，总得分')];
      r.push(...(total ?? [ask('总得分'), t('分')]), t('，等级为“'));
      r.push(grade ? t(grade) : ask('等级'), t('”'));
      if (tr.grade?.reported && grade && tr.grade.reported.replace(/秀|好|等/, '') !== grade)
        r.push({ mark: `【表中 ${tr.grade.reported}，按规则应为 ${grade}】` });
      r.push(t('。'));
      out.push(p(...r));
      const subs: string[] = [];
      if (funds?.score?.computed)
        subs.push(
          `预算执行得${figure(funds.score)!
            .map((x) => ('text' in x ? x.text : ''))
            .join('')}分`,
        );
      const byLevel = new Map<string, Decimal>();
      let exact = true;
      for (const i of tr.indicators) {
        const v = i.score?.computed ?? i.score?.reported ?? null;
        if (v === null || !/^-?\d+(\.\d+)?$/.test(v)) exact = false;
        else byLevel.set(i.level1, (byLevel.get(i.level1) ?? new Decimal(0)).plus(v));
      }
      // At the decimals the table gives its total, so that the parts add up to the total printed.
      const dec = tr.total?.reported && /^\d+(\.\d+)?$/.test(tr.total.reported) ? places(tr.total.reported) : 2;
      if (exact)
        for (const [k, v] of byLevel)
          subs.push(`${k}得${new Decimal(v.toFixed(dec, Decimal.ROUND_HALF_UP)).toString()}分`);
      if (subs.length) out.push(p(t(`其中${subs.join('，')}。`)));
    } else if (sec === 'problems') {
      const items: Run[][] = [];
      const unmet = tr.indicators.filter((i) => met(i) === 'unmet');
      for (const i of unmet)
        items.push([
          t(
            `“${i.name}”未达到年度目标（年度指标值${i.operator ?? ''}${i.target ?? ''}${i.unit ?? ''}，实际完成${i.actual ?? ''}${i.unit ?? ''}）`,
          ),
        ]);
      if (funds?.rate?.computed && new Decimal(funds.rate.computed).lt(d.settings.lowExecutionThreshold))
        items.push([t(`预算执行率${funds.rate.computed}%，低于${d.settings.lowExecutionThreshold}%`)]);
      const missing = tr.indicators.filter((i) => i.actual === null && i.type !== 'qualitative');
      if (missing.length)
        items.push([t(`${missing.map((i) => `“${i.name}”`).join('')}未填写完成值，得分无法按规则核实`)]);
      for (const f of findings) {
        if (f.code === 'ACTUAL_MISSING' || f.severity === 'info') continue;
        items.push([t(`自评表${f.cell}：${render(f, 'zh').replace(/[。；;]$/, '')}`)]);
      }
      if (items.length) out.push(p(...enumerate(items)));
      else out.push(p(t('对照自评表，未发现未完成指标或表内错误。')));
      out.push(p(t('原因分析：'), ask('上述问题的原因')));
    } else if (sec === 'measures') {
      out.push(p(ask('针对上述问题的改进措施和下一步打算')));
    }
  }
  return out;
}

function summaryBlocks(tr: TableResult, base: 1 | 2): Block[] {
  const rows = tr.rows;
  const out: Block[] = [{ kind: 'heading', level: base, text: '项目支出绩效自评汇总情况' }];
  const r: Run[] = [t(`本部门纳入自评项目${rows.length}个`)];
  if (tr.totalRow) {
    r.push(t(`，全年预算${tr.totalRow.budget ?? '—'}万元，执行${tr.totalRow.executed ?? '—'}万元`));
    const rate = figure(tr.totalRow.rate, '%');
    if (rate) r.push(t('，执行率'), ...rate);
  }
  if (tr.gradeCounts) {
    const c = tr.gradeCounts;
    r.push(t(`；自评结果“优”${c['优'] ?? 0}个、“良”${c['良'] ?? 0}个、“中”${c['中'] ?? 0}个、“差”${c['差'] ?? 0}个`));
  }
  r.push(t('。'));
  out.push(p(...r));
  for (const row of rows) out.push(p(...summaryRow(row)));
  out.push(p(ask('汇总分析和总体评价')));
  return out;
}

function summaryRow(row: SummaryRowResult): Run[] {
  const r: Run[] = [t(`${row.name}：全年预算${row.budget ?? '—'}万元，执行${row.executed ?? '—'}万元`)];
  const rate = figure(row.rate, '%');
  if (rate) r.push(t('，执行率'), ...rate);
  const score = figure(row.score, '分');
  if (score) r.push(t('，得'), ...score);
  if (row.grade?.computed) r.push(t(`，等级“${row.grade.computed}”`));
  r.push(t('。'));
  return r;
}

/** 附件: each table's summary (funds, indicators with target, actual, weight, score; total and grade). */
function attachment(tr: TableResult): Block[] {
  const txt = (runs: Run[] | null): string =>
    runs ? runs.map((x) => ('text' in x ? x.text : 'mark' in x ? x.mark : x.placeholder)).join('') : '';
  const out: Block[] = [];
  if (tr.kind === 'summary') {
    out.push({
      kind: 'table',
      header: ['项目', '全年预算（万元）', '执行数（万元）', '执行率', '得分', '等级'],
      rows: tr.rows.map((r) => [
        r.name,
        r.budget ?? '',
        r.executed ?? '',
        txt(figure(r.rate, '%')),
        txt(figure(r.score)),
        r.grade?.computed ?? '',
      ]),
    });
    return out;
  }
  out.push({
    kind: 'table',
    header: ['资金', '全年预算（万元）', '执行数（万元）', '执行率', '分值', '得分'],
    rows: tr.funds
      .filter((f) => f.budget !== null)
      .map((f) => [
        f.label,
        f.budget ?? '',
        f.executed ?? '',
        txt(figure(f.rate, '%')),
        f.score?.weight ?? '',
        txt(figure(f.score)),
      ]),
  });
  out.push({
    kind: 'table',
    header: ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    rows: [
      ...tr.indicators.map((i) => [
        i.level1,
        i.level2,
        i.name,
        `${i.operator ?? ''}${i.target ?? ''}${i.unit ?? ''}`,
        i.actual === null ? '' : `${i.actual}${i.unit ?? ''}`,
        i.score?.weight ?? '',
        txt(figure(i.score)),
      ]),
      ['总分', '', '', '', '', tr.total?.weight ?? '', txt(figure(tr.total))],
      ['等级', '', '', '', '', '', tr.grade?.computed ?? ''],
    ],
  });
  return out;
}

export function buildDraft(d: DraftInput): Block[] {
  const tables = d.tables;
  const projects = tables.filter((x) => x.kind === 'project');
  const depts = tables.filter((x) => x.kind === 'department');
  const sums = tables.filter((x) => x.kind === 'summary');
  const year = [...d.extras.values()].find((x) => x.year)?.year ?? null;
  const out: Block[] = [];
  const single = tables.length === 1 && projects.length === 1;
  const title = single
    ? `${year ?? '【请填写：年度】'}年度${shortName(projects[0].name) || projects[0].name}项目支出绩效自评报告`
    : `${year ?? '【请填写：年度】'}年度预算绩效自评报告`;
  out.push({ kind: 'title', text: title });
  const findingsOf = (tr: TableResult): Finding[] => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(tr.range);
    return d.findings.filter((f) => {
      if (f.sheet !== tr.sheet) return false;
      if (!m) return true;
      const row = Number(/\d+/.exec(f.cell)?.[0] ?? 0);
      return row >= Number(m[2]) && row <= Number(m[4]);
    });
  };
  if (single) out.push(...projectBlocks(projects[0], d.extras.get(projects[0]), findingsOf(projects[0]), d, 1));
  else {
    for (const tr of depts) {
      out.push({ kind: 'heading', level: 1, text: '部门整体支出绩效自评情况' });
      out.push(...projectBlocks(tr, d.extras.get(tr), findingsOf(tr), d, 2));
    }
    for (const tr of sums) out.push(...summaryBlocks(tr, 1));
    for (const tr of projects) {
      out.push({ kind: 'heading', level: 1, text: `${shortName(tr.name) || tr.name}项目支出绩效自评情况` });
      out.push(...projectBlocks(tr, d.extras.get(tr), findingsOf(tr), d, 2));
    }
  }
  if (tables.length === 0) out.push(p(ask('工作簿中没有找到绩效自评表，无法起草')));
  // 附件
  tables.forEach((tr, i) => {
    out.push({
      kind: 'attachment',
      title: `附件${tables.length > 1 ? i + 1 : ''}：${tr.kind === 'summary' ? '项目支出绩效自评结果汇总' : `${shortName(tr.name) || tr.name}绩效自评表摘要`}（按规则核算）`,
    });
    out.push(...attachment(tr));
  });
  return out;
}
