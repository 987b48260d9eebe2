/**
 * A project or department table past its funds block, through checkWorkbook: the task list's rates, an
 * indicator header without a column the scoring needs, goal groups, the weights (100 in all, each stated
 * （N分） block, a profile's fixed blocks), the total (capped, rounded, filled) and the grade.
 *
 * Central builder (test/helpers/tables.ts): funds total row 6 (G rate, H score), indicator header row 12,
 * indicators rows 13–18 (G weight, H score), 总分 row 19 (G19 weight, H19 score), grade C20. The clean
 * table: 557.82 ÷ 584.48 = 95.4386…% → funds 9.54; indicators 20 + 20 + 10 + 15 + 15 + 10 = 90; total 99.54.
 * Sichuan builder: 预算执行情况（10分） label A4, funds total row 5 (F weight, I score), 绩效指标（90分）
 * label on the indicator header, indicators from row 9 (I weight, J score), total row after them.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Finding } from '../../src/engine/findings';
import { CellValue, Sheet } from '../../src/engine/grid';
import { render } from '../../src/engine/messages/findings';
import { resolveSettings, Settings } from '../../src/engine/settings';
import { goalGroups, put } from './layouts-builders';
import {
  CentralSpec,
  SheetBuilder,
  SichuanSpec,
  centralClean,
  centralProject,
  grid,
  sichuanProject,
} from '../helpers/tables';
import { all } from '../helpers/findings';

function central(
  mut: (s: CentralSpec) => void = () => {},
  settings?: Partial<Settings>,
  after: (b: SheetBuilder) => void = () => {},
) {
  const spec = centralClean();
  mut(spec);
  const b = new SheetBuilder();
  centralProject(b, spec);
  after(b);
  return checkWorkbook(grid(b.sheet('兰洽会经费')), resolveSettings(settings));
}

/**
 * A clean Sichuan-style table: 349.78 ÷ 349.78 = 100% → 10; five met indicators 20 + 20 + 20 + 20 + 10 = 90
 * (none more than 20% over its target); total 100, 优秀.
 */
function sichuanClean(): SichuanSpec {
  return {
    name: '2023招商引资',
    funds: [
      ['总额', 300, 349.78, 349.78, 1, 10, 10],
      ['其中：财政资金', 300, 349.78, 349.78, 1, '/', '/'],
      ['单位资金', 0, 0, 0, 0, '/', '/'],
    ],
    indicators: [
      ['产出指标', '数量指标', '招引项目个数', '≥', 16, '个', 18, 20, 20],
      [null, '质量指标', '10亿元以上项目个数', '≥', 5, '个', 5, 20, 20],
      ['效益指标', '经济效益指标', '完成税收', '≥', 3, '亿元', 3.2, 20, 20],
      [null, '社会效益指标', '创造就业岗位', '≥', 3000, '个', 3100, 20, 20],
      ['满意度指标', '满意度指标', '群众满意度', '≥', 95, '%', 96, 10, 10],
    ],
    total: [100, 100],
    grade: '优秀',
  };
}

function sichuan(mut: (s: SichuanSpec) => void = () => {}, settings?: Partial<Settings>) {
  const spec = sichuanClean();
  mut(spec);
  const b = new SheetBuilder();
  sichuanProject(b, spec);
  return checkWorkbook(grid(b.sheet('项目支出绩效自评表')), resolveSettings(settings));
}

function sheet(rows: CellValue[][], name: string): Sheet {
  const b = new SheetBuilder();
  put(b, 0, 0, rows);
  return b.sheet(name);
}

const zh = (fs: Finding[], code: string): string => {
  const hits = fs.filter((f) => f.code === code);
  expect(hits).toHaveLength(1);
  return render(hits[0], 'zh');
};

/** Funds total and 其中 rows of `budget` / `executed` with the rate and score given (central layout). */
function funds(s: CentralSpec, budget: number, executed: number, rate: number, score: number) {
  s.funds = [
    ['年度资金总额', budget, budget, executed, 10, rate, score],
    ['其中：当年财政拨款', budget, budget, executed, '—', rate, '—'],
  ];
}

describe('the task list of a department table', () => {
  // Funds 950 ÷ 1000 = 95% → 9.5; indicators 40 + 40 + 10 = 90 (weights 100 with the funds' 10).
  // Checked before each test, not while Jest collects them (docs/mutation.md).
  let c: ReturnType<typeof checkWorkbook>;
  beforeEach(() => {
    c = checkWorkbook(
      grid(
        sheet(
          [
            ['部门整体支出绩效自评表'],
            ['部门（单位）名称', null, '某区文化和旅游局'],
            ['年度资金总额（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
            [null, '年度资金总额', 900, 1000, 950, 10, '95.00%', 9.5],
            [null, '其中：财政拨款', 900, 1000, 950, null, '95.00%'],
            ['年度主要任务', '任务名称', null, '主要内容', null, '预算数', '执行数', '执行率'],
            [null, '公共文化服务', null, '开展送戏下乡60场', null, 120, 118, '98.33%'],
            [null, '文物保护', null, '完成3处文物修缮', null, '—', 150, '75.00%'],
            [null, '旅游推广', null, '举办旅游节1次', null, 80, '—', '112.50%'],
            [null, '非遗展演', null, '举办展演2场', null, 50, 45, null],
            ['年度总体目标', '全面完成年度文化旅游工作任务。'],
            ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
            ['产出指标', '数量指标', '送戏下乡场次', '≥60场', '62场', 40, 40],
            ['效益指标', '社会效益指标', '群众文化获得感', '有效提升', '有效提升', 40, 40],
            ['满意度指标', '满意度指标', '群众满意度', '≥90%', '93%', 10, 10],
            ['总分', null, null, null, null, 100, 99.5],
            ['自评等级', '优'],
          ],
          '部门整体',
        ),
      ),
    );
  });

  test('a rate is checked only where the task states both amounts', () => {
    // 118 ÷ 120 = 98.333…% → 98.33 (agrees); 45 ÷ 50 = 90% is written into the empty H10. 文物保护 has no
    // budget and 旅游推广 no executed amount: their shown rates are not read.
    expect(all(c.findings)).toEqual([]);
    expect(c.tables[0].tasks).toEqual([
      {
        row: 7,
        name: '公共文化服务',
        budget: '120.00',
        executed: '118.00',
        rate: { cell: 'H7', computed: '98.33', reported: '98.33' },
      },
      { row: 8, name: '文物保护', budget: null, executed: '150.00', rate: null },
      { row: 9, name: '旅游推广', budget: '80.00', executed: null, rate: null },
      {
        row: 10,
        name: '非遗展演',
        budget: '50.00',
        executed: '45.00',
        rate: { cell: 'H10', computed: '90.00', reported: null },
      },
    ]);
    expect(c.writes).toStrictEqual([{ sheet: '部门整体', row: 9, col: 7, value: 0.9, numFmt: '0.00%' }]);
  });
});

describe('an indicator header without a column the scoring needs', () => {
  test('no 实际完成值 column: COLUMN_MISSING, and the reported scores count as they are', () => {
    // F12 no longer a header word: nothing is scored; the total is 9.54 + 90 reported = 99.54 (agrees).
    const c = central(
      () => {},
      {},
      (b) => b.set(11, 5, '完成情况说明'),
    );
    expect(all(c.findings)).toEqual(['COLUMN_MISSING@A12']);
    expect(zh(c.findings, 'COLUMN_MISSING')).toBe('绩效指标表缺少“完成值”列');
    expect(c.tables[0].indicators).toEqual([]);
    expect(c.tables[0].total).toEqual({ cell: 'H19', weight: '100', computed: '99.54', reported: '99.54' });
  });

  test('no 年度指标值 column: COLUMN_MISSING names it; the indicators are not scored', () => {
    const c = central(
      () => {},
      {},
      (b) => b.set(11, 4, '说明'),
    );
    expect(all(c.findings)).toEqual(['COLUMN_MISSING@A12']);
    expect(zh(c.findings, 'COLUMN_MISSING')).toBe('绩效指标表缺少“指标值”列');
    expect(render(c.findings[0], 'en')).toBe('the indicator block lacks the column(s) 指标值');
    expect(c.tables[0].indicators).toEqual([]);
  });

  test('two columns missing are named together, joined by 、', () => {
    // F12 and G12 no longer header words: no actual and no weight column. Without weights only the
    // funds' 10 is counted, so WEIGHT_SUM follows (on the header: the total row has no weight column).
    const c = central(
      () => {},
      {},
      (b) => {
        b.set(11, 5, '完成情况说明');
        b.set(11, 6, '备注');
      },
    );
    expect(all(c.findings)).toEqual(['COLUMN_MISSING@A12', 'WEIGHT_SUM@A12']);
    expect(zh(c.findings, 'COLUMN_MISSING')).toBe('绩效指标表缺少“完成值、分值/权重”列');
    expect(
      render(
        c.findings.find((f) => f.code === 'COLUMN_MISSING')!,
        'en',
      ),
    ).toBe('the indicator block lacks the column(s) 完成值, 分值/权重');
    expect(zh(c.findings, 'WEIGHT_SUM')).toBe('各项分值合计为 10，应为 100');
  });
});

describe('goal groups (年度绩效目标N（M分）)', () => {
  test('a group whose scores exceed its weight: GROUP_SCORE over, with the sum and the weight', () => {
    // Group 1: 25 + 20 = 45 > 40. Total 19 + 45 + 40 = 104 against the table's 99.
    const c = checkWorkbook(grid(goalGroups({ g1: [25, 20] })));
    expect(all(c.findings)).toEqual(['GROUP_SCORE@A6', 'TOTAL_MISMATCH@B14']);
    expect(zh(c.findings, 'GROUP_SCORE')).toBe('年度绩效目标1（40分）：各指标得分合计 45，超过该目标的 40 分');
  });

  test('a group with every indicator met but short of its weight: GROUP_SCORE short', () => {
    // Group 1: 20 + 15 = 35 < 40 with both targets met; total 19 + 35 + 40 = 94 (agrees).
    const c = checkWorkbook(grid(goalGroups({ g1: [20, 15], total: 94 })));
    expect(all(c.findings)).toEqual(['GROUP_SCORE@A6']);
    expect(zh(c.findings, 'GROUP_SCORE')).toBe('年度绩效目标1（40分）：各指标均已完成，得分合计却为 35，应为 40');
  });

  const hdr = ['一级指标', '二级指标', '三级指标', '年初目标值', '实际完成值', '分值', '得分'];
  const fundsRows: CellValue[][] = [
    ['2023年度项目支出绩效自评表'],
    ['项目名称', '乡村振兴示范村建设'],
    ['预算执行情况（万元）（20分）', '预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20分*执行率）'],
    ['年度财政资金总额', 200, 190, '95.00%', 19],
  ];

  test('indicator weights of a group must add up to the group’s; a group with no indicators is not scored', () => {
    // Group 1 weights 25 + 20 = 45 ≠ 40 (and scores 45 > 40); group 2 20 + 20 = 40; group 3 has no
    // rows: its 10 counts as weight. Weights 20 + 45 + 40 + 10 = 115; total 19 + 45 + 40 = 104.
    const c = checkWorkbook(
      grid(
        sheet(
          [
            ...fundsRows,
            ['年度绩效目标1（40分）'],
            hdr,
            ['产出指标', '数量指标', '示范村建设数量', '≥5个', '5个', 25, 25],
            [null, '质量指标', '工程验收合格率', '100%', '100%', 20, 20],
            ['年度绩效目标2（40分）'],
            hdr,
            ['效益指标', '社会效益指标', '带动农户增收户数', '≥200户', '210户', 20, 20],
            ['满意度指标', '服务对象满意度指标', '村民满意度', '≥90%', '93%', 20, 20],
            ['年度绩效目标3（10分）'],
            hdr,
            ['总分', null, null, null, null, 115, 104],
          ],
          '绩效目标',
        ),
      ),
    );
    expect(all(c.findings)).toEqual(['GROUP_SCORE@A5', 'WEIGHT_SUM@A5', 'WEIGHT_SUM@F15']);
    const [group, total] = c.findings.filter((f) => f.code === 'WEIGHT_SUM');
    expect(render(group, 'zh')).toBe('年度绩效目标1（40分）标明 40 分，其下各指标分值合计为 45');
    expect(render(total, 'zh')).toBe('各项分值合计为 115，总分值栏为 115，应为 100');
  });

  test('a group title with no indicator under it raises nothing', () => {
    // Weights 20 + 40 + 40 = 100 (no weight column: each group's own); total 19 + 40 = 59 (agrees).
    const c = checkWorkbook(
      grid(
        sheet(
          [
            ...fundsRows,
            ['年度绩效目标1（40分）'],
            ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'],
            ['产出指标', '数量指标', '示范村建设数量', '≥5个', '5个', 40],
            ['年度绩效目标2（40分）'],
            ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'],
            ['总分', 59],
          ],
          '绩效目标',
        ),
      ),
    );
    expect(all(c.findings)).toEqual([]);
    expect(c.tables[0].total).toEqual({ cell: 'B10', weight: '100', computed: '59.00', reported: '59' });
  });
});

describe('weights add up to 100 in a whole table', () => {
  test('with a funds block and no total weight cell, the weights must still make 100', () => {
    // 参展客商满意度 weight and score 5: 10 + 20 + 20 + 10 + 15 + 15 + 5 = 95.
    const c = central((s) => {
      s.total = [null, 94.54];
      s.indicators[5][5] = 5;
      s.indicators[5][6] = 5;
    });
    expect(all(c.findings)).toEqual(['WEIGHT_SUM@G19']);
    expect(zh(c.findings, 'WEIGHT_SUM')).toBe('各项分值合计为 95，应为 100');
  });

  const indicatorsOnly = (totalWeight: CellValue) =>
    sheet(
      [
        ['项目支出绩效自评表'],
        ['项目名称', null, '兰洽会经费'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        [null, '产出指标', '数量指标', '布展特色产业馆数量', '≥3个', '3个', 50, 50],
        [null, '满意度指标', '服务对象满意度指标', '参展客商满意度', '≥90%', '92%', 40, 40],
        ['总分', null, null, null, null, null, totalWeight, 90],
      ],
      '绩效指标',
    );

  test('an indicator sheet with a total weight of 100 is held to it', () => {
    // 50 + 40 = 90.
    const c = checkWorkbook(grid(indicatorsOnly(100)));
    expect(all(c.findings)).toEqual(['WEIGHT_SUM@G6']);
    expect(zh(c.findings, 'WEIGHT_SUM')).toBe('各项分值合计为 90，总分值栏为 100，应为 100');
    expect(render(c.findings[0], 'en')).toBe('the weights add up to 90; they must add up to 100');
  });

  test('an indicator sheet with no funds block and no total weight need not make 100', () => {
    expect(all(checkWorkbook(grid(indicatorsOnly(null))).findings)).toEqual([]);
  });

  test('goal groups make a table whole even without funds block or total weight', () => {
    // A department's task list, then two groups of 40: 40 + 40 = 80, at the first indicator header.
    const ghdr = ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'];
    const c = checkWorkbook(
      grid(
        sheet(
          [
            ['部门整体支出绩效自评表'],
            ['部门（单位）名称', null, '某区文化和旅游局'],
            ['年度主要任务', '任务名称', null, '主要内容', null, '预算数', '执行数', '执行率'],
            [null, '公共文化服务', null, '开展送戏下乡60场', null, 120, 118, '98.33%'],
            ['年度绩效目标1（40分）'],
            ghdr,
            ['产出指标', '数量指标', '送戏下乡场次', '≥60场', '62场', 40],
            ['年度绩效目标2（40分）'],
            ghdr,
            ['满意度指标', '满意度指标', '群众满意度', '≥90%', '93%', 40],
            ['总分', 80],
          ],
          '部门整体',
        ),
      ),
    );
    expect(all(c.findings)).toEqual(['WEIGHT_SUM@A6']);
    expect(zh(c.findings, 'WEIGHT_SUM')).toBe('各项分值合计为 80，应为 100');
  });
});

describe('stated block weights: （N分） labels and a profile’s fixed blocks', () => {
  test('the clean Sichuan table raises nothing', () => {
    const c = sichuan();
    expect(all(c.findings)).toEqual([]);
    expect(c.writes).toEqual([]);
  });

  test('a funds weight of 15 under 预算执行情况（10分）', () => {
    // Score 15 × 100% = 15; weights 15 + 90 = 105; total 15 + 90 = 105 against 100.
    const c = sichuan((s) => {
      s.funds[0][5] = 15;
      s.funds[0][6] = 15;
    });
    expect(all(c.findings)).toEqual(['TOTAL_MISMATCH@J14', 'WEIGHT_SUM@A4', 'WEIGHT_SUM@I14']);
    const label = c.findings.find((f) => f.cell === 'A4')!;
    expect(render(label, 'zh')).toBe('预算执行情况标明 10 分，分值栏为 15');
    expect(render(label, 'en')).toBe('the funds block states 10 points but its weight is 15');
  });

  test('indicator weights of 92 under 绩效指标（90分）', () => {
    // 招引项目个数 22 / 22: 22 + 20 + 20 + 20 + 10 = 92.
    const c = sichuan((s) => {
      s.indicators[0][7] = 22;
      s.indicators[0][8] = 22;
    });
    expect(all(c.findings)).toEqual(['TOTAL_MISMATCH@J14', 'WEIGHT_SUM@A8', 'WEIGHT_SUM@I14']);
    expect(
      render(
        c.findings.find((f) => f.cell === 'A8')!,
        'zh',
      ),
    ).toBe('绩效指标标明 90 分，各指标分值合计为 92');
  });

  test('a level-1 label 产出指标（50分） over indicators weighing 20 + 20', () => {
    const c = sichuan((s) => {
      s.indicators[0][0] = '产出指标（50分）';
    });
    expect(all(c.findings)).toEqual(['WEIGHT_SUM@B9']);
    expect(zh(c.findings, 'WEIGHT_SUM')).toBe('该一级指标标明 50 分，其下各指标分值合计为 40');
  });

  test('hebei: 产出 must weigh 40 (it does) and 效益 + 满意度 40 (they weigh 20 + 20 + 10 = 50)', () => {
    // The finding sits on the first 效益 weight, I11.
    const c = sichuan(() => {}, { preset: 'hebei' });
    expect(all(c.findings)).toEqual(['WEIGHT_SUM@I11']);
    expect(zh(c.findings, 'WEIGHT_SUM')).toBe('按“hebei”方案，效益、满意度指标合计应为 40 分，表内为 50');
  });
});

describe('the total and the grade', () => {
  test('an empty total is filled with the sum', () => {
    const c = central((s) => (s.total = [100, null]));
    expect(all(c.findings)).toEqual([]);
    expect(c.writes).toStrictEqual([{ sheet: '兰洽会经费', row: 18, col: 7, value: 99.54, numFmt: '0.00' }]);
  });

  test('a wrong total is TOTAL_MISMATCH, and the sum is written over it', () => {
    const c = central((s) => (s.total = [100, 99]));
    expect(all(c.findings)).toEqual(['TOTAL_MISMATCH@H19']);
    expect(zh(c.findings, 'TOTAL_MISMATCH')).toBe('总分应为 99.54（各项得分之和），表内为 99');
    expect(c.writes).toStrictEqual([{ sheet: '兰洽会经费', row: 18, col: 7, value: 99.54, numFmt: '0.00' }]);
  });

  test('a total truncated to one decimal (99.5 for 99.56) is ROUNDING', () => {
    // 478 ÷ 500 = 95.6% → 9.56; total 9.56 + 90 = 99.56: 99.6 at one decimal, 99.5 only by truncation.
    const c = central((s) => {
      funds(s, 500, 478, 0.956, 9.56);
      s.total = [100, 99.5];
    });
    expect(all(c.findings)).toEqual(['ROUNDING@H17']);
    expect(c.findings[0].id).toBe('total');
    expect(zh(c.findings, 'ROUNDING')).toBe('总分应为 99.56（各项得分之和），表内为 99.5');
    expect(c.writes).toStrictEqual([{ sheet: '兰洽会经费', row: 16, col: 7, value: 99.56, numFmt: '0.00' }]);
  });

  test('a wrong grade: GRADE_MISMATCH with the total and both grades; the grade is written back', () => {
    const c = central((s) => (s.grade = '良'));
    expect(all(c.findings)).toEqual(['GRADE_MISMATCH@C20']);
    expect(zh(c.findings, 'GRADE_MISMATCH')).toBe('总分 99.54 对应等级“优”，表内为“良”');
    expect(c.writes).toEqual([{ sheet: '兰洽会经费', row: 19, col: 2, value: '优' }]);
  });

  test('the grade cell is read without its surrounding spaces', () => {
    const c = central((s) => (s.grade = ' 良 '));
    expect(zh(c.findings, 'GRADE_MISMATCH')).toBe('总分 99.54 对应等级“优”，表内为“良”');
    expect(c.tables[0].grade).toEqual({ cell: 'C20', computed: '优', reported: '良' });
  });

  test('yitihua caps the total at 89 when execution is 70–80%: TOTAL_CAPPED', () => {
    // 438.36 ÷ 584.48 = 75.00% → 7.5; 7.5 + 90 = 97.5 > 89. The table says 89 and 良: both agree.
    const c = central(
      (s) => {
        funds(s, 584.48, 438.36, 0.75, 7.5);
        s.total = [100, 89];
        s.grade = '良';
      },
      { preset: 'yitihua' },
    );
    expect(all(c.findings)).toEqual(['EXECUTION_OUTCOME_GAP@G6', 'LOW_EXECUTION@G6', 'TOTAL_CAPPED@H17']);
    expect(zh(c.findings, 'TOTAL_CAPPED')).toBe('预算执行率 75.00%，总分上限为 89，由 97.50 降为 89');
  });

  test('targets met with execution under 80%: EXECUTION_OUTCOME_GAP names rate, scores and weights', () => {
    // 350 ÷ 500 = 70% → 7; indicators 90 of 90 ≥ 95%. Total 7 + 90 = 97.
    const c = central((s) => {
      funds(s, 500, 350, 0.7, 7);
      s.total = [100, 97];
    });
    expect(all(c.findings)).toEqual(['EXECUTION_OUTCOME_GAP@G6', 'LOW_EXECUTION@G6']);
    expect(zh(c.findings, 'EXECUTION_OUTCOME_GAP')).toBe(
      '预算执行率仅 70.00%，绩效指标却得 90 / 90 分：资金未用完而目标全部完成，评审会问原因',
    );
  });
});
