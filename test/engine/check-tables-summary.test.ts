/**
 * The summary table (one row per project, category headings with sums, the 合计 row) and the workbook-level
 * pass (the results sheet never read, NO_TABLE, the order of the findings), through checkWorkbook.
 *
 * Summary builder (test/helpers/tables.ts): title row 1, header row 2 (A 序号, B 项目名称, C 全年预算数,
 * D 全年执行数, E 预算执行率, F 自评得分, G 自评等级, H 备注), projects from row 3, then 合计.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Finding } from '../../src/engine/findings';
import { CellValue, Sheet } from '../../src/engine/grid';
import { render } from '../../src/engine/messages/findings';
import { put } from './layouts-builders';
import { SheetBuilder, SummaryRow, centralClean, centralProject, grid, summaryTable } from '../helpers/tables';
import { all } from '../helpers/findings';

const zh = (fs: Finding[], code: string): string => {
  const hits = fs.filter((f) => f.code === code);
  expect(hits).toHaveLength(1);
  return render(hits[0], 'zh');
};

/**
 * Three projects: 557.82 ÷ 584.48 = 95.44%, 349.78 ÷ 349.78 = 100%, 45 ÷ 50 = 90% (not below 90%).
 * 合计: 584.48 + 349.78 + 50 = 984.26; 557.82 + 349.78 + 45 = 952.60; 952.6 ÷ 984.26 = 96.7834…% → 96.78%.
 */
function projects(): SummaryRow[] {
  return [
    [1, '兰洽会经费', 584.48, 557.82, 0.9544, 99.54, '优'],
    [2, '2023招商引资', 349.78, 349.78, 1, 97.68, '优秀'],
    [3, '信息系统运维', 50, 45, 0.9, 85, '良'],
  ];
}

function summary(
  mut: (rows: SummaryRow[]) => void = () => {},
  total: [CellValue, CellValue, CellValue] = [984.26, 952.6, 0.9678],
) {
  const rows = projects();
  mut(rows);
  const b = new SheetBuilder();
  summaryTable(b, { rows, total });
  return checkWorkbook(grid(b.sheet('汇总表')));
}

function sheet(rows: CellValue[][], name: string): Sheet {
  const b = new SheetBuilder();
  put(b, 0, 0, rows);
  return b.sheet(name);
}

describe('the summary table', () => {
  test('a clean summary: no finding, no write; rows, 合计 and the grades counted', () => {
    const c = summary();
    expect(all(c.findings)).toEqual([]);
    expect(c.writes).toEqual([]);
    const t = c.tables[0];
    expect(t.rows.map((r) => [r.row, r.name, r.budget, r.executed, r.rate?.computed])).toEqual([
      [3, '兰洽会经费', '584.48', '557.82', '95.44'],
      [4, '2023招商引资', '349.78', '349.78', '100.00'],
      [5, '信息系统运维', '50.00', '45.00', '90.00'],
    ]);
    expect(t.totalRow).toEqual({
      row: 6,
      budget: '984.26',
      executed: '952.60',
      rate: { cell: 'E6', computed: '96.78', reported: '96.78' },
    });
    expect(t.gradeCounts).toEqual({ 优: 2, 良: 1, 中: 0, 差: 0 });
  });

  test('a project score above 100: SCORE_OVER_WEIGHT names the project', () => {
    const c = summary((rows) => (rows[0][5] = 101));
    expect(all(c.findings)).toEqual(['SCORE_OVER_WEIGHT@F3']);
    expect(zh(c.findings, 'SCORE_OVER_WEIGHT')).toBe('兰洽会经费：自评得分 101 超过 100 分');
  });

  test('a grade that disagrees with the score: GRADE_MISMATCH, and the grade written back', () => {
    // 85 is 良 (80 ≤ 85 < 90), the table says 优.
    const c = summary((rows) => (rows[2][6] = '优'));
    expect(all(c.findings)).toEqual(['GRADE_MISMATCH@G5']);
    expect(zh(c.findings, 'GRADE_MISMATCH')).toBe('信息系统运维：得分 85 对应等级“良”，表内为“优”');
    expect(c.writes).toEqual([{ sheet: '汇总表', row: 4, col: 6, value: '良' }]);
    expect(c.tables[0].rows[2].grade).toEqual({ cell: 'G5', computed: '良', reported: '优' });
  });

  test('an unnamed project row is named by its row number', () => {
    // 45 ÷ 50 = 90.00%, the row says 85.00%.
    const c = summary((rows) => {
      rows[2][1] = '';
      rows[2][4] = 0.85;
    });
    expect(all(c.findings)).toEqual(['RATE_MISMATCH@E5']);
    expect(zh(c.findings, 'RATE_MISMATCH')).toBe('第 5 行：执行率应为 90.00%（45.00 ÷ 50.00），表内为 85.00%');
  });

  test('the 合计 amounts compare at 2 decimals at least: 300 is not 200 + 100.4', () => {
    // 180 ÷ 200 = 90%, 95 ÷ 100.4 = 94.6215…% → 94.62%; 合计 275 ÷ 300 = 91.666…% → 91.67%.
    const c = summary(
      (rows) => {
        rows.splice(0, 3, [1, '兰洽会经费', 200, 180, 0.9, 95, '优'], [2, '信息系统运维', 100.4, 95, 0.9462, 92, '优']);
      },
      [300, 275, 0.9167],
    );
    expect(all(c.findings)).toEqual(['FUNDS_SUBTOTAL_MISMATCH@C5']);
    expect(zh(c.findings, 'FUNDS_SUBTOTAL_MISMATCH')).toBe('合计预算数为 300，各项目合计为 300.4，两者不符');
  });

  test('a category heading with sums is checked as a subtotal and named by its heading', () => {
    // 一、常年性项目: 100 + 50 = 150, 98 + 45 = 143 (agree); 143 ÷ 150 = 95.333…% → 95.33%, it says 95.00%.
    // 二、一次性项目: 80 + 20 = 100, 60 + 20 = 80, 80.00%. 合计 250 / 223 = 89.20%.
    const c = checkWorkbook(
      grid(
        sheet(
          [
            ['2023年度项目支出绩效自评结果汇总表'],
            [
              '序号',
              '项目名称',
              '全年预算数（万元）',
              '全年执行数（万元）',
              '预算执行率',
              '自评得分',
              '自评等级',
              '备注',
            ],
            ['一、常年性项目', null, 150, 143, '95.00%'],
            [1, '机关运行保障', 100, 98, '98.00%', 96, '优'],
            [2, '信息系统运维', 50, 45, '90.00%', 91, '优'],
            ['二、一次性项目', null, 100, 80, '80.00%'],
            [3, '专项调查', 80, 60, '75.00%', 78, '中', '项目延期至次年'],
            [4, '课题研究', 20, 20, '100.00%', 88, '良'],
            ['合计', null, 250, 223, '89.20%'],
          ],
          '汇总表',
        ),
      ),
    );
    expect(all(c.findings)).toEqual(['RATE_MISMATCH@E3']);
    expect(zh(c.findings, 'RATE_MISMATCH')).toBe('一、常年性项目：执行率应为 95.33%（143.00 ÷ 150.00），表内为 95.00%');
    expect(c.tables[0].subtotals).toEqual([
      { row: 3, budget: '150.00', executed: '143.00', rate: { cell: 'E3', computed: '95.33', reported: '95.00' } },
      { row: 6, budget: '100.00', executed: '80.00', rate: { cell: 'E6', computed: '80.00', reported: '80.00' } },
    ]);
    expect(c.tables[0].totalRow?.row).toBe(9);
  });

  test('a summary without a 预算执行率 column: COLUMN_MISSING on its header', () => {
    const c = checkWorkbook(
      grid(
        sheet(
          [
            ['2022年度部门项目支出绩效自评结果汇总表'],
            ['序号', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '自评得分', '自评等级'],
            [1, '兰洽会经费', 584.48, 557.82, 99.54, '优'],
          ],
          '汇总表',
        ),
      ),
    );
    expect(all(c.findings)).toEqual(['COLUMN_MISSING@A2']);
    expect(zh(c.findings, 'COLUMN_MISSING')).toBe('汇总表缺少“预算执行率”列');
    expect(render(c.findings[0], 'en')).toBe('the summary lacks the column(s) 预算执行率');
  });
});

describe('the workbook', () => {
  const project = () => {
    const b = new SheetBuilder();
    centralProject(b, centralClean());
    return b.sheet('兰洽会经费');
  };
  const results = () =>
    sheet(
      [
        ['工作表', '单元格', '级别', '代码', '说明'],
        ['兰洽会经费', 'H19', '错误', 'TOTAL_MISMATCH', '总分应为 99.54（各项得分之和），表内为 99'],
      ],
      '校验结果',
    );

  test('the results sheet 校验结果 is never read (no NO_TABLE for it)', () => {
    const c = checkWorkbook(grid(project(), results()));
    expect(c.findings).toEqual([]);
    expect(c.tables.map((t) => t.sheet)).toEqual(['兰洽会经费']);
  });

  test('a workbook holding only the results sheet: one NO_TABLE warning, on that sheet', () => {
    const c = checkWorkbook(grid(results()));
    expect(c.findings).toEqual([
      { code: 'NO_TABLE', severity: 'warning', sheet: '校验结果', cell: 'A1', id: 'workbook', params: {} },
    ]);
  });

  test('an empty workbook: one NO_TABLE warning with no sheet name', () => {
    const c = checkWorkbook(grid());
    expect(c.findings).toEqual([
      { code: 'NO_TABLE', severity: 'warning', sheet: '', cell: 'A1', id: 'workbook', params: {} },
    ]);
    expect(render(c.findings[0], 'zh')).toBe('整个工作簿中没有找到绩效自评表（项目表、部门整体表或汇总表）');
  });

  test('a sheet without a table next to one with a table: NO_TABLE info naming the sheet', () => {
    const notes = sheet([['填表说明'], ['金额单位：万元']], '填表说明');
    const c = checkWorkbook(grid(project(), notes));
    expect(c.findings).toEqual([
      { code: 'NO_TABLE', severity: 'info', sheet: '填表说明', cell: 'A1', id: 'sheet', params: { sheet: '填表说明' } },
    ]);
    expect(render(c.findings[0], 'zh')).toBe('工作表“填表说明”中没有绩效自评表');
  });

  describe('findings are ordered by sheet, row, column, then severity', () => {
    // Total row: 249.99 ÷ 500 = 49.998% shown 49.99% (ROUNDING, info) and under 90% (LOW_EXECUTION);
    // score 10 × 0.49998 = 4.9998 → 5.00, the table says 4 (SCORE_MISMATCH). 其中 row: 250 ÷ 500 = 50%,
    // it says 51% (RATE_MISMATCH); executed 250 ≠ 249.99 (FUNDS_SUBTOTAL_MISMATCH on E6). Total
    // 5 + 90 = 95 (agrees); execution under 80% with indicators 90 of 90 (EXECUTION_OUTCOME_GAP, info).
    const messy = () => {
      const spec = centralClean();
      spec.funds = [
        ['年度资金总额', 500, 500, 249.99, 10, 0.4999, 4],
        ['其中：当年财政拨款', 500, 500, 250, '—', 0.51, '—'],
      ];
      spec.total = [100, 95];
      const b = new SheetBuilder();
      centralProject(b, spec);
      return b.sheet('兰洽会经费');
    };
    const notes = () => sheet([['填表说明'], ['金额单位：万元']], '填表说明');
    const order = (fs: Finding[]) => fs.map((f) => `${f.sheet}!${f.cell} ${f.code}`);
    const inTable = [
      '兰洽会经费!E6 FUNDS_SUBTOTAL_MISMATCH',
      '兰洽会经费!G6 LOW_EXECUTION',
      '兰洽会经费!G6 ROUNDING',
      '兰洽会经费!G6 EXECUTION_OUTCOME_GAP',
      '兰洽会经费!H6 SCORE_MISMATCH',
      '兰洽会经费!G7 RATE_MISMATCH',
    ];

    test('the table’s sheet first: its findings by row, column and severity, then the other sheet', () => {
      expect(order(checkWorkbook(grid(messy(), notes())).findings)).toEqual([...inTable, '填表说明!A1 NO_TABLE']);
    });

    test('the table’s sheet second: the other sheet’s NO_TABLE first', () => {
      expect(order(checkWorkbook(grid(notes(), messy())).findings)).toEqual(['填表说明!A1 NO_TABLE', ...inTable]);
    });
  });
});
