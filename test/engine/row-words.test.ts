/**
 * The words of the rows around a table's blocks (src/engine/locate/headers.ts: totals, grades, goals, group
 * titles, placeholders, task labels, summary headings, end rows), each read through the whole check: a clean
 * table relabelled with any of the listed words still reads the same figures and raises nothing, and a label
 * that only looks like one is not taken for it.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Sheet } from '../../src/engine/grid';
import {
  END_WORDS,
  EXCLUDES_DEDUCTION,
  FUND_ROW_WORDS,
  GOAL_WORDS,
  GRADE_WORDS,
  GROUP_TITLE,
  HEADING,
  HEADING_WITH_SUMS,
  IDENTITY_TOTAL_WORDS,
  PLACEHOLDER,
  TASK_LABEL,
  TOTAL_WORDS,
} from '../../src/engine/locate/headers';
import { compact } from '../../src/engine/text';
import { all } from '../helpers/findings';
import { SheetBuilder, centralClean, centralProject, grid } from '../helpers/tables';
import { weightBeforeTarget } from './layouts-builders';

function central(): Sheet {
  const b = new SheetBuilder();
  centralProject(b, centralClean());
  return b.sheet('中央项目');
}

/** The sheet with the first cell holding `from` (trimmed) rewritten to `to`. */
function relabel(s: Sheet, from: string, to: string): Sheet {
  const values = s.values.map((r) => [...r]);
  for (const row of values)
    for (let c = 0; c < row.length; c++)
      if (typeof row[c] === 'string' && String(row[c]).trim() === from) {
        row[c] = to;
        return { ...s, values };
      }
  throw new Error(`no cell holds ${from}`);
}

const check = (s: Sheet) => checkWorkbook(grid(s));

describe('the total row', () => {
  let base: ReturnType<typeof check>;
  beforeEach(() => {
    base = check(central()); // before each test, not while Jest collects them (docs/mutation.md)
  });

  test('the clean central table reads its total and grade, and raises nothing', () => {
    expect(base.tables[0].total).toMatchObject({ computed: '99.54', reported: '99.54' });
    expect(base.tables[0].grade).toMatchObject({ computed: '优', reported: '优' });
    expect(all(base.findings)).toEqual([]);
  });

  test.each(TOTAL_WORDS)('labelled %s, the total row is read the same', (word) => {
    const c = check(relabel(central(), '总分', word));
    expect(c.tables[0].total).toMatchObject({ computed: '99.54', reported: '99.54' });
    expect(all(c.findings)).toEqual([]);
  });

  test.each(['总分说明', '得分', '总'])('labelled %s, no total is read', (word) => {
    const c = check(relabel(central(), '总分', word));
    expect(c.tables[0]?.total?.reported ?? null).toBeNull();
  });
});

describe('the grade row', () => {
  test.each(GRADE_WORDS.flatMap((w) => [w, `${w}（优/良/中/差）`]))('labelled %s, the grade is read', (word) => {
    const c = check(relabel(central(), '自评等级', word));
    expect(c.tables[0].grade).toMatchObject({ computed: '优', reported: '优' });
    expect(all(c.findings)).toEqual([]);
  });

  // A label followed by a mark or by the grade itself is still the label; the grade is read from the cell to its right.
  test.each(['自评等级：优', '自评等级:优', '自评等级优', '自评等级良', '自评等级中', '自评等级差', '等级评定'])(
    'labelled %s, the grade is read',
    (word) => {
      const c = check(relabel(central(), '自评等级', word));
      expect(c.tables[0].grade).toMatchObject({ computed: '优', reported: '优' });
      expect(all(c.findings)).toEqual([]);
    },
  );

  test.each(['等级公路', '自评结果运用', '自评结果优良率'])(
    'labelled %s (a name, not a grade label), no grade is read',
    (word) => {
      const c = check(relabel(central(), '自评等级', word));
      expect(c.tables[0].grade?.reported ?? null).toBeNull();
    },
  );

  test('labelled 等第, no grade is read', () => {
    const c = check(relabel(central(), '自评等级', '等第'));
    expect(c.tables[0].grade?.reported ?? null).toBeNull();
  });
});

describe('the identity rows’ total (自评得分 | 99.5)', () => {
  test.each(IDENTITY_TOTAL_WORDS)('labelled %s, the total right of it is read', (word) => {
    const c = check(relabel(weightBeforeTarget(), '自评得分', word));
    expect(c.tables[0].total).toMatchObject({ cell: 'B4', computed: '99.50', reported: '99.5' });
    expect(all(c.findings)).toEqual([]);
  });

  test('labelled 财政评分, no total is read there', () => {
    const c = check(relabel(weightBeforeTarget(), '自评得分', '财政评分'));
    expect(c.tables[0].total?.reported ?? null).toBeNull();
  });
});

/** Every alternative of a pattern written out, with texts that must not match. */
const PATTERNS: [string, RegExp, string[], string[]][] = [
  [
    'GOAL_WORDS',
    GOAL_WORDS,
    [
      '年度总体目标',
      '项目年度目标',
      '总体目标完成情况',
      '年度目标',
      '项目基本情况',
      '绩效目标',
      '预期目标',
      '年度绩效目标',
      '年初绩效目标',
      '全年目标',
      '年度主要任务',
      '1.项目年度目标',
      '2、项目年度目标',
      '3项目年度目标',
      '12、项目年度目标',
    ],
    ['其中：年度目标', '项目', '一级指标', 'a.项目年度目标'],
  ],
  [
    'GROUP_TITLE',
    GROUP_TITLE,
    ['年度绩效目标1(40分)', '绩效目标二(60分)', '年度目标12(12.5分)', '目标3 完成情况(20分)', '年度目标十(9.25分)'],
    [
      '分目标1(40分)',
      '年度绩效目标(40分)',
      '年度绩效目标1',
      '年度绩效目标1(分)',
      '年度绩效目标1(.5分)',
      '年度绩效目标1(四十分)',
    ],
  ],
  [
    'PLACEHOLDER',
    PLACEHOLDER,
    ['指标1:', '指标2', '指标：', '指标12：', '……', '..', '。。', '…', '……………', '1', '2.', '12、'],
    ['.', '指标a', '指标1说明', '新指标1', '1.5', '1.项目数量', 'a.', '…其他'],
  ],
  [
    'TASK_LABEL',
    TASK_LABEL,
    ['年度主要任务', '主要任务', '重点任务', '年度重点工作任务', '主要工作任务'],
    ['任务', '年度任务', '主要任务完成情况', '其他主要任务', '年度主要工作任务说明'],
  ],
  [
    'HEADING_WITH_SUMS',
    HEADING_WITH_SUMS,
    ['一、常年性项目', '十二.专项', '(一)专项业务费', '(十一)其他'],
    ['1.专项', '(1)专项', '其中:一、', '一常年性', '()专项', '(一专项'],
  ],
  [
    'HEADING',
    HEADING,
    [
      '一、常年性项目',
      '(一)专项业务费',
      '一)专项',
      '十二.专项',
      '（一）专项',
      '(1)专项',
      '（12）专项',
      '第一类',
      '第二部分',
    ],
    ['1.专项', '其中:一、', '一常年性', '()专项', '第1类', '第一项'],
  ],
  [
    'END_WORDS',
    END_WORDS,
    [
      '存在问题',
      '主要问题及改进措施',
      '改进措施',
      '整改措施',
      '其他说明',
      '说明',
      '备注',
      '偏差大或目标未完成原因分析',
      '结果应用',
      '评价结论',
      '自评结论',
      '填表说明',
      '注:',
      '注：',
    ],
    ['注', '无说明', '项目存在问题', '注意事项'],
  ],
  [
    'EXCLUDES_DEDUCTION',
    EXCLUDES_DEDUCTION,
    ['*指标得分（不包含扣减分数。）', '得分(不含扣减)', '扣减前得分'],
    ['得分(含扣减)', '扣减分数'],
  ],
  [
    'FUND_ROW_WORDS',
    FUND_ROW_WORDS,
    [
      '年度资金总额',
      '其中：当年财政拨款',
      '上年结转资金',
      '其他资金',
      '按收入性质分',
      '事业收入',
      '合计',
      '结余',
      '财政专户管理资金',
      '单位自有资金',
    ],
    ['年度总体目标', '一级指标', '项目名称'],
  ],
];

describe.each(PATTERNS)('%s', (_name, re, yes, no) => {
  test.each(yes)('matches %s', (t) => expect(re.test(compact(t))).toBe(true));
  test.each(no)('does not match %s', (t) => expect(re.test(compact(t))).toBe(false));
});
