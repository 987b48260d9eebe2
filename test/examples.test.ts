/** The three shared example workbooks come out exactly as shared/examples/README.md says. */
import path from 'path';
import { FIXTURES, runJson } from './helpers/run-cli';

const file = (n: string) => path.join(FIXTURES, n);
const notInfo = (fs: { severity: string; code: string; cell: string }[]) =>
  fs
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.code}@${f.cell}`)
    .sort();

describe('sichuan-project-2023.xlsx', () => {
  const r = runJson(['check', file('sichuan-project-2023.xlsx')]);
  const t = r.json.files[0].tables[0];

  test('is one project table over A1:K33, exit 0', () => {
    expect(r.status).toBe(0);
    expect(r.json.files[0].tables).toHaveLength(1);
    expect(t.kind).toBe('project');
    expect(t.range).toBe('A1:K33');
    expect(t.name).toBe('51090423T000008717642-2023招商引资');
  });

  test('funds: G9 100.00%, I9 10; 0 ÷ 0 rows have no rate and the reported 0.00% agrees', () => {
    const total = t.funds[0];
    expect(total).toMatchObject({ label: '总额', row: 9, budget: '349.78', executed: '349.78' });
    expect(total.rate).toEqual({ cell: 'G9', computed: '100.00', reported: '100.00' });
    expect(total.score).toEqual({ cell: 'I9', weight: '10', computed: '10.00', reported: '10' });
    const zero = t.funds.filter((f: { row: number }) => f.row === 11 || f.row === 12);
    expect(zero.map((f: { rate: { computed: string | null } }) => f.rate.computed)).toEqual([null, null]);
  });

  test('J16 协议金额 ≥ 240 亿元, actual 184.2: computed 7.68, reported 7.7 agrees', () => {
    const ind = t.indicators.find((i: { row: number }) => i.row === 16);
    expect(ind).toMatchObject({ name: '协议金额', operator: '≥', target: '240', actual: '184.2', unit: '亿元' });
    expect(ind.score).toEqual({ cell: 'J16', weight: '10', computed: '7.68', reported: '7.7' });
  });

  test('total J29 97.68 (reported 97.7), grade B30 优 (reported 优秀)', () => {
    expect(t.total).toMatchObject({ cell: 'J29', computed: '97.68', reported: '97.7' });
    expect(t.grade).toEqual({ cell: 'B30', computed: '优', reported: '优秀' });
  });

  test('findings: ACTUAL_MISSING on H19–H21, OVERACHIEVED on H15, nothing else', () => {
    expect(notInfo(r.json.files[0].findings)).toEqual(
      ['ACTUAL_MISSING@H19', 'ACTUAL_MISSING@H20', 'ACTUAL_MISSING@H21', 'OVERACHIEVED@H15'].sort(),
    );
    const gdp = r.json.files[0].findings.find((f: { cell: string }) => f.cell === 'H19');
    expect(gdp.message).toContain('创造GDP产值');
    expect(gdp.message).toContain('10 分');
  });
});

describe('central-project-2022.xlsx', () => {
  const r = runJson(['check', file('central-project-2022.xlsx')]);
  const t = r.json.files[0].tables[0];

  test('funds 557.82 ÷ 584.48 = 95.44%, score 9.54; total 98.54, grade 优', () => {
    expect(t.funds[0].rate).toEqual({ cell: 'G6', computed: '95.44', reported: '95.44' });
    expect(t.funds[0].score).toMatchObject({ cell: 'H6', computed: '9.54', weight: '10' });
    expect(t.total).toMatchObject({ cell: 'H21', computed: '98.54' });
    expect(t.grade).toMatchObject({ cell: 'C22', computed: '优', reported: '优' });
  });

  test('operators and units inside the cells, a date target, qualitative rows', () => {
    const byRow = Object.fromEntries(t.indicators.map((i: { row: number }) => [i.row, i]));
    expect(byRow[13]).toMatchObject({ operator: '≥', target: '3', actual: '3', unit: '个' });
    expect(byRow[16].type).toBe('date');
    expect(byRow[17]).toMatchObject({ operator: '≤', target: '584.48', unit: '万元' });
    expect(byRow[18].type).toBe('qualitative');
    expect(byRow[19].score.reported).toBe('4');
  });

  test('no finding of severity error or warning; exit 0', () => {
    expect(notInfo(r.json.files[0].findings)).toEqual([]);
    expect(r.status).toBe(0);
  });
});

describe('summary-2022.xlsx', () => {
  const r = runJson(['check', file('summary-2022.xlsx')]);
  const t = r.json.files[0].tables[0];

  test('row rates agree', () => {
    expect(t.kind).toBe('summary');
    expect(t.rows.map((x: { rate: { computed: string } }) => x.rate.computed)).toEqual([
      '95.44',
      '13.60',
      '79.60',
      '42.50',
      '5.20',
      '100.00',
    ]);
    expect(t.rows[0]).toMatchObject({ row: 3, name: '兰洽会经费', budget: '584.48', executed: '557.82' });
  });

  test('total row E9: 98.75% computed, 95.20% reported → RATE_MISMATCH; LOW_EXECUTION on E4–E7; exit 1', () => {
    expect(t.totalRow).toMatchObject({ row: 9, budget: '12594.40', executed: '12436.52' });
    expect(t.totalRow.rate).toEqual({ cell: 'E9', computed: '98.75', reported: '95.20' });
    expect(notInfo(r.json.files[0].findings)).toEqual(
      ['LOW_EXECUTION@E4', 'LOW_EXECUTION@E5', 'LOW_EXECUTION@E6', 'LOW_EXECUTION@E7', 'RATE_MISMATCH@E9'].sort(),
    );
    expect(r.status).toBe(1);
  });

  test('gradeCounts 优 3, 良 1, 中 1, 差 1', () => {
    expect(t.gradeCounts).toEqual({ 优: 3, 良: 1, 中: 1, 差: 1 });
  });
});
