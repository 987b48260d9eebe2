/** 一键重算's notice: the figures of each table, the counts, the undo advice; and its trip through the URL. */
import { Finding } from '../../src/engine/findings';
import { TableResult } from '../../src/engine/result';
import { decodeNotice, encodeNotice, errorNotice, summaryNotice } from '../../src/commands/summary';

const table = (name: string): TableResult => ({
  sheet: 'S',
  kind: 'project',
  range: 'A1:K33',
  name,
  funds: [],
  indicators: [],
  total: { cell: 'J29', computed: '97.68', reported: '97.7' },
  grade: { cell: 'B30', computed: '优', reported: '优秀' },
  rows: [],
});
const warn: Finding = {
  code: 'ACTUAL_MISSING',
  severity: 'warning',
  sheet: 'S',
  cell: 'H19',
  id: 'default',
  params: { label: '创造GDP产值' },
};

test('Chinese notice: total and grade per table, counts, cells written, the undo advice', () => {
  const n = summaryNotice({ tables: [table('招商引资')], findings: [warn], syncCount: 2, written: 12 }, 'zh');
  expect(n.intent).toBe('warning');
  expect(n.title).toBe('一键重算完成');
  expect(n.lines[0]).toBe('招商引资：总分 97.68（优）');
  expect(n.lines.join('\n')).toContain('错误 0，警告 1，提示 0；已写回 12 个单元格');
  expect(n.lines.join('\n')).toContain('撤销上次写入');
});

test('many tables are cut to five lines; no table says so; English', () => {
  const many = summaryNotice(
    { tables: Array.from({ length: 8 }, (_, i) => table(`t${i}`)), findings: [], syncCount: 2, written: 0 },
    'en',
  );
  expect(many.intent).toBe('success');
  expect(many.lines).toContain('… and 3 more tables');
  const none = summaryNotice({ tables: [], findings: [], syncCount: 1, written: 0 }, 'zh');
  expect(none.lines[0]).toBe('没有找到绩效自评表。');
});

test('notices survive the dialog URL; garbage gives null', () => {
  const n = errorNotice('工作表“项目”受保护', 'zh');
  expect(decodeNotice(`?${encodeNotice(n)}`)).toEqual(n);
  expect(decodeNotice('?n=%7Bbad')).toBeNull();
  expect(decodeNotice('')).toBeNull();
});
