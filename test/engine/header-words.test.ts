/**
 * The header catalogue (src/engine/locate/headers.ts), word by word: every word a layout's header may hold
 * reads as its role in its block, also starred, with a note in brackets or a trailing colon; header cells that
 * only start with a word take its role; and the words no lookup needs (their own leading words give the same
 * role) are listed, so that a catalogue edit that makes one of them matter shows up here.
 */
import {
  FUNDS_HEADERS,
  INDICATOR_HEADERS,
  SUMMARY_HEADERS,
  TASK_HEADERS,
  fundsRole,
  indicatorRole,
  isHeaderWord,
  roleIndex,
  summaryRole,
  taskRole,
} from '../../src/engine/locate/headers';
import { headerKey } from '../../src/engine/text';

const TABLES = [
  ['funds', FUNDS_HEADERS, fundsRole],
  ['indicators', INDICATOR_HEADERS, indicatorRole],
  ['summary', SUMMARY_HEADERS, summaryRole],
  ['tasks', TASK_HEADERS, taskRole],
] as [string, Record<string, string[]>, (key: string) => string | null][];

/** [block, word, the role that lists it first] for every word of every block. */
const WORDS = TABLES.flatMap(([block, table]) => {
  const first = new Map<string, string>();
  for (const [role, words] of Object.entries(table)) for (const w of words) if (!first.has(w)) first.set(w, role);
  return [...first].map(([w, role]) => [block, w, role] as [string, string, string]);
});

const lookup = (block: string) => TABLES.find(([b]) => b === block)![2];

test('the catalogue holds the words of the nine layouts (a block may not lose a role)', () => {
  expect(WORDS.length).toBe(166);
  expect(new Set(WORDS.map(([b, , r]) => `${b}.${r}`)).size).toBe(33);
});

test.each(WORDS)('%s: %s reads as %s, and is a header word', (block, word, role) => {
  const role_ = lookup(block);
  expect(role_(word)).toBe(role);
  expect(isHeaderWord(word)).toBe(true);
});

test.each(WORDS)('%s: %s starred, with a note or a colon, still reads as %s', (block, word, role) => {
  const role_ = lookup(block);
  expect(role_(headerKey(`*${word}（万元）`))).toBe(role);
  expect(role_(headerKey(` ${word}：`))).toBe(role);
  expect(role_(headerKey(`${word}\n(%)`))).toBe(role);
});

test('no block gives a role to an empty key (a blank, or a sentence too long to be a header)', () => {
  for (const [, , role] of TABLES) expect(role('')).toBeNull();
  expect(isHeaderWord('')).toBe(false);
  expect(
    headerKey('说明：本表中的指标值、完成值与分值均由项目单位根据年初批复的绩效目标如实填写，不得擅自调整。'),
  ).toBe('');
});

test('a header that starts with a word of three characters or more takes its role', () => {
  expect(indicatorRole('实际完成值说明')).toBe('actual');
  expect(indicatorRole('完成值说明')).toBe('actual');
  expect(fundsRole('执行率说明')).toBe('rate');
  expect(indicatorRole('偏差原因分析及改进措施说明')).toBe('reason');
  expect(fundsRole('全年预算数万元')).toBe('budget');
  expect(summaryRole('自评得分合计')).toBe('score');
  expect(isHeaderWord('实际完成值说明')).toBe(true);
});

test('a two-character word is a header only alone or before a note: 分值数量、质量 is a weight, 单位名称 is not a unit', () => {
  expect(indicatorRole('分值数量、质量、时效')).toBe('weight');
  expect(indicatorRole('分值20')).toBe('weight');
  expect(indicatorRole('权重;含扣分')).toBe('weight');
  expect(indicatorRole('单位名称')).toBeNull();
  expect(indicatorRole('分值说明')).toBeNull();
  expect(summaryRole('项目负责人')).toBeNull();
  expect(isHeaderWord('单位名称')).toBe(false);
  expect(isHeaderWord('项目负责人')).toBe(false);
});

test('cells that start like no header word are no header (most cells of a table)', () => {
  for (const key of ['2023年', '已完成', '≥95%', '优', '某区经济合作局', '招商小组经费', '年度', '得']) {
    for (const [, , role] of TABLES) expect(role(key)).toBeNull();
    expect(isHeaderWord(key)).toBe(false);
  }
});

test('the first role that lists a word wins over a later one', () => {
  const role = roleIndex({ a: ['得分', '执行率'], b: ['得分'], c: ['执行率得分'] });
  expect(role('得分')).toBe('a');
  expect(role('执行率')).toBe('a');
  expect(role('执行率得分')).toBe('c');
  expect(role('执行率得分说明')).toBe('c');
  expect(role('得分说明')).toBeNull();
  expect(role('得分1')).toBe('a');
});

/**
 * Words whose removal changes no lookup: their longest listed leading word (three characters or more) has the
 * same role. They stay in the catalogue as the layouts' own wording; removing one is an equivalent mutant
 * (docs/mutation.md).
 */
function redundantWords(): string[] {
  const out: string[] = [];
  for (const [block, table] of TABLES) {
    const keys = [...new Set(Object.values(table).flat())];
    const probes = keys.flatMap((k) => [k, `${k}说明`, `${k}、数量`]);
    const full = roleIndex(table);
    const before = probes.map(full);
    for (const [role, words] of Object.entries(table)) {
      words.forEach((w, i) => {
        const without = roleIndex({ ...table, [role]: words.filter((_, j) => j !== i) });
        if (probes.every((p, k) => without(p) === before[k])) out.push(`${block}.${role}:${w}`);
      });
    }
  }
  return out;
}

test('the words no lookup needs are exactly these', () => {
  expect(redundantWords()).toEqual([
    'funds.initial:年初预算数',
    'funds.initial:年初预算金额',
    'funds.budget:全年预算数',
    'funds.budget:调整后预算数',
    'funds.budget:全年预算金额',
    'funds.budget:调整后的预算数',
    'funds.executed:全年执行数',
    'funds.executed:全年执行金额',
    'funds.reason:偏差原因分析',
    'funds.reason:偏差原因分析及改进措施',
    'indicators.name:三级指标名称',
    'indicators.name:三级指标内容',
    'indicators.reason:偏差原因分析及改进措施',
    'indicators.reason:偏差原因分析',
    'indicators.reason:未完成原因分析及改进措施',
    'indicators.reason:偏差原因及改进措施',
    'summary.budget:全年预算数',
    'summary.budget:全年预算金额',
    'summary.executed:实际支出数',
    'summary.score:自评分数',
  ]);
});
