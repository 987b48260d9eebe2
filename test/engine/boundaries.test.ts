/**
 * Every threshold of the rules at its bound, just below and just above it, through whole tables.
 * Expected values are worked out by hand in the comments (no engine formula is re-implemented here).
 *
 * Central builder (test/helpers/tables.ts): funds total row 6 (D budget, E executed, G rate, H score),
 * indicators from row 13 (E target, F actual, G weight, H score, I reason), total H19, grade C20.
 * The clean table: funds 9.54 (557.82 ÷ 584.48), indicators 20 + 20 + 10 + 15 + 15 + 10 = 90.
 */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { Finding } from '../../src/engine/findings';
import { resolveSettings, Settings } from '../../src/engine/settings';
import { CentralSpec, SheetBuilder, centralClean, centralProject, grid, summaryTable } from '../helpers/tables';

type V = string | number | null;

function central(mut: (s: CentralSpec) => void, settings?: Partial<Settings>) {
  const spec = centralClean();
  mut(spec);
  const b = new SheetBuilder();
  centralProject(b, spec);
  return checkWorkbook(grid(b.sheet('兰洽会经费')), resolveSettings(settings));
}

/** The codes of the findings on one cell, sorted. */
const at = (fs: Finding[], cell: string) =>
  fs
    .filter((f) => f.cell === cell)
    .map((f) => f.code)
    .sort();

/** Funds total and 其中 rows of 100 / `executed`, reported rate and score as given. */
function funds(s: CentralSpec, budget: number, executed: number, rate: V, score: V) {
  s.funds[0] = ['年度资金总额', budget, budget, executed, 10, rate, score];
  s.funds[1] = ['其中：当年财政拨款', budget, budget, executed, '—', rate, '—'];
}

describe('qualitative bands: 达成 [0.8w, w], 部分达成 [0.6w, 0.8w], 未达成 [0, 0.6w], bounds included', () => {
  // 参展客商满意度 (weight 10, H18) judged in words; the other indicators and funds give 89.54.
  const judged = (actual: string, score: number) =>
    central((s) => {
      s.indicators[5] = ['满意度指标', '服务对象满意度指标', '参展客商满意度', '满意', actual, 10, score];
      s.total = [100, Number((89.54 + score).toFixed(2))];
      s.grade = 89.54 + score >= 90 ? '优' : '良';
    });
  const flagged = (actual: string, score: number) => at(judged(actual, score).findings, 'H18');
  const OUT = ['QUALITATIVE_OUT_OF_BAND'];

  test('未达成 (未达成预期): up to 6 of 10', () => {
    expect(flagged('未达成预期', 0)).toEqual([]);
    expect(flagged('未达成预期', 5.99)).toEqual([]);
    expect(flagged('未达成预期', 6)).toEqual([]);
    expect(flagged('未达成预期', 6.01)).toEqual(OUT);
  });
  test('部分达成 (基本达成): 6 to 8 of 10', () => {
    expect(flagged('基本达成', 5.99)).toEqual(OUT);
    expect(flagged('基本达成', 6)).toEqual([]);
    expect(flagged('基本达成', 6.01)).toEqual([]);
    expect(flagged('基本达成', 7.99)).toEqual([]);
    expect(flagged('基本达成', 8)).toEqual([]);
    expect(flagged('基本达成', 8.01)).toEqual(OUT);
  });
  test('达成 (达成预期): 8 to 10 of 10; above the weight is SCORE_OVER_WEIGHT instead', () => {
    expect(flagged('达成预期', 7.99)).toEqual(OUT);
    expect(flagged('达成预期', 8)).toEqual([]);
    expect(flagged('达成预期', 8.01)).toEqual([]);
    expect(flagged('达成预期', 10)).toEqual([]);
    expect(flagged('达成预期', 10.01)).toEqual(['SCORE_OVER_WEIGHT']);
  });
  test.each(['hubei', 'hebei'] as const)('%s: 部分达成 from 0.5w, 未达成 up to 0.5w (5 of 10)', (preset) => {
    const judgedIn = (actual: string, score: number) =>
      at(
        central(
          (s) => {
            s.indicators[5] = ['满意度指标', '服务对象满意度指标', '参展客商满意度', '满意', actual, 10, score];
            s.total = [100, Number((89.54 + score).toFixed(2))];
            s.grade = '良';
          },
          { preset },
        ).findings,
        'H18',
      );
    expect(judgedIn('基本达成', 4.99)).toEqual(OUT);
    expect(judgedIn('基本达成', 5)).toEqual([]);
    expect(judgedIn('基本达成', 5.01)).toEqual([]);
    expect(judgedIn('基本达成', 8)).toEqual([]);
    expect(judgedIn('基本达成', 8.01)).toEqual(OUT);
    expect(judgedIn('未达成预期', 5)).toEqual([]);
    expect(judgedIn('未达成预期', 5.01)).toEqual(OUT);
    expect(judgedIn('达成预期', 7.99)).toEqual(OUT);
    expect(judgedIn('达成预期', 8)).toEqual([]);
  });
  test('the score a person gave counts in the total as it is: 89.54 + 6.01 = 95.55', () => {
    expect(judged('未达成预期', 6.01).tables[0].total?.computed).toBe('95.55');
  });
});

describe('yitihua caps the total at 89 / 79 / 69 / 59 below 80% / 70% / 60% / 50% execution', () => {
  // Budget 10000, all 90 indicator points: the uncapped total is 90 + 10 × rate.
  const capped = (executed: number, rate: string, score: number, reported: number, preset: Settings['preset']) =>
    central(
      (s) => {
        funds(s, 10000, executed, rate, score);
        s.total = [100, reported];
        s.grade = reported >= 90 ? '优' : reported >= 80 ? '良' : reported >= 60 ? '中' : '差';
      },
      { preset },
    );
  const cases: [number, string, number, string, boolean][] = [
    // executed, rate cell, funds score, computed total, capped?
    [8001, '80.01%', 8, '98.00', false], // 8.001 → 8.00
    [8000, '80.00%', 8, '98.00', false],
    [7999, '79.99%', 8, '89.00', true], // 97.999 → capped at 89
    [7001, '70.01%', 7, '89.00', true],
    [7000, '70.00%', 7, '89.00', true], // exactly 70%: still the 89 cap (≥ 70%)
    [6999, '69.99%', 7, '79.00', true],
    [6000, '60.00%', 6, '79.00', true],
    [5999, '59.99%', 6, '69.00', true],
    [5000, '50.00%', 5, '69.00', true],
    [4999, '49.99%', 5, '59.00', true],
  ];
  test.each(cases)('executed %d of 10000 (%s): total %s', (executed, rate, score, total, isCapped) => {
    const c = capped(executed, rate, score, Number(total), 'yitihua');
    expect(c.tables[0].total?.computed).toBe(total);
    expect(at(c.findings, 'H19')).toEqual(isCapped ? ['TOTAL_CAPPED'] : []);
  });
  test('mof2020 has no cap: 50% execution totals 95', () => {
    const c = capped(5000, '50.00%', 5, 95, 'mof2020');
    expect(c.tables[0].total?.computed).toBe('95.00');
    expect(at(c.findings, 'H19')).toEqual([]);
  });
  test('a total exactly on the cap is not capped; 0.01 above it is', () => {
    // 75% → funds 7.5; indicators 20 + 20 + 10 + 15 + q + 10 with the 15-point 新区对外影响力 judged 未达成.
    const withQ = (q: number, reported: number) =>
      central(
        (s) => {
          funds(s, 100, 75, '75.00%', 7.5);
          s.indicators[4] = ['效益指标', '社会效益指标', '新区对外影响力', '有效提升', '未达成预期', 15, q];
          s.total = [100, reported];
          s.grade = '良';
        },
        { preset: 'yitihua' },
      );
    const on = withQ(6.5, 89); // 7.5 + 75 + 6.5 = 89
    expect(on.tables[0].total?.computed).toBe('89.00');
    expect(at(on.findings, 'H19')).toEqual([]);
    const over = withQ(6.51, 89); // 89.01 → 89
    expect(over.tables[0].total?.computed).toBe('89.00');
    expect(at(over.findings, 'H19')).toEqual(['TOTAL_CAPPED']);
  });
});

describe('over-achievement: OVERACHIEVED above 20%; yitihua takes 2 points off at 30% or more', () => {
  // 培训人次 (weight 20, actual F13, score H13) against ≥100 人次 / ≤100 万元.
  const over = (target: string, actual: string, settings?: Partial<Settings>) =>
    central((s) => {
      s.indicators[0] = ['产出指标', '数量指标', '培训人次', target, actual, 20, 20];
    }, settings);
  const flagged = (target: string, actual: string, settings?: Partial<Settings>) =>
    at(over(target, actual, settings).findings, 'F13');
  const score = (target: string, actual: string, settings?: Partial<Settings>) =>
    over(target, actual, settings).tables[0].indicators[0].score?.computed;

  test('≥100: 120 is 20% over (not flagged), 120.01 is flagged, 119.99 is met and not flagged', () => {
    expect(flagged('≥100人次', '119.99人次')).toEqual([]);
    expect(flagged('≥100人次', '120人次')).toEqual([]);
    expect(flagged('≥100人次', '120.01人次')).toEqual(['OVERACHIEVED']);
  });
  test('≤100: 80 is 20% under (not flagged), 79.99 is flagged', () => {
    expect(flagged('≤100万元', '80.01万元')).toEqual([]);
    expect(flagged('≤100万元', '80万元')).toEqual([]);
    expect(flagged('≤100万元', '79.99万元')).toEqual(['OVERACHIEVED']);
  });
  test('the threshold is a setting: at 30%, 130 is not flagged and 130.01 is', () => {
    expect(flagged('≥100人次', '130人次', { overachieveThreshold: '30' })).toEqual([]);
    expect(flagged('≥100人次', '130.01人次', { overachieveThreshold: '30' })).toEqual(['OVERACHIEVED']);
  });
  test('yitihua: 30% over scores 20 − 2 = 18; 29.99% keeps 20; 30.01% is 18', () => {
    const y = { preset: 'yitihua' as const };
    expect(score('≥100人次', '129.99人次', y)).toBe('20.00');
    expect(score('≥100人次', '130人次', y)).toBe('18.00');
    expect(score('≥100人次', '130.01人次', y)).toBe('18.00');
    expect(score('≤100万元', '70.01万元', y)).toBe('20.00');
    expect(score('≤100万元', '70万元', y)).toBe('18.00');
    expect(score('≥100人次', '130人次')).toBe('20.00'); // mof2020: no deduction
  });
  test('yitihua: a 2-point indicator 30% over scores 0, never below', () => {
    const c = central(
      (s) => {
        s.indicators[0] = ['产出指标', '数量指标', '培训人次', '≥100人次', '150人次', 2, 0];
        s.indicators[1] = [null, '质量指标', '签约项目个数', '≥200个', '218个', 38, 38];
        s.total = [100, 97.54];
      },
      { preset: 'yitihua' },
    );
    expect(c.tables[0].indicators[0].score?.computed).toBe('0.00');
  });
  test('the deduction setting: × (1 − (deviation − 20%)); none at 20% itself', () => {
    const d = { deductOverachievement: true };
    expect(score('≥100人次', '120人次', d)).toBe('20.00');
    expect(score('≥100人次', '125人次', d)).toBe('19.00'); // 20 × (1 − 0.05)
    expect(score('≥100人次', '130人次', d)).toBe('18.00'); // 20 × 0.9
    expect(score('≥100人次', '300人次', d)).toBe('0.00'); // 20 × max(0, 1 − 1.8)
    expect(score('≤100万元', '70万元', d)).toBe('18.00');
  });
});

describe('LOW_EXECUTION below 90% as shown at 2 decimals', () => {
  const low = (executed: number, rate: string, score: number, settings?: Partial<Settings>) =>
    at(
      central((s) => {
        funds(s, 100000, executed, rate, score);
        s.total = [100, Number((90 + score).toFixed(2))];
      }, settings).findings,
      'G6',
    );
  test('89.995% shows as 90.00%: not low; 89.994% shows as 89.99%: low; 90% is not low', () => {
    expect(low(90000, '90.00%', 9)).toEqual([]);
    expect(low(89995, '90.00%', 9)).toEqual([]); // 8.9995 → 9.00
    expect(low(89994, '89.99%', 9)).toEqual(['LOW_EXECUTION']); // 8.9994 → 8.9994 … 9.00
    expect(low(90001, '90.00%', 9)).toEqual([]);
  });
  test('the threshold is a setting: at 95%, 94.99% is low and 95% is not', () => {
    expect(low(95000, '95.00%', 9.5, { lowExecutionThreshold: '95' })).toEqual([]);
    expect(low(94990, '94.99%', 9.5, { lowExecutionThreshold: '95' })).toEqual(['LOW_EXECUTION']);
  });
  test('a summary row: 89.99% without a 备注 is low, with one it is not; the 合计 row never is', () => {
    const b = new SheetBuilder();
    summaryTable(b, {
      rows: [
        [1, '甲项目', 10000, 8999, 0.8999, 92, '优'],
        [2, '乙项目', 10000, 8999, 0.8999, 92, '优', '年底集中支付'],
        [3, '丙项目', 10000, 9000, 0.9, 92, '优'],
      ],
      total: [30000, 26998, 0.8999],
    });
    const c = checkWorkbook(grid(b.sheet('汇总')));
    expect(c.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(['LOW_EXECUTION@E3']);
  });
});

describe('grades: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below', () => {
  test('a project total on and beside each bound', () => {
    // Three indicators judged in words, the scores chosen inside their bands: 兰洽会经费 (15) p,
    // 新区对外影响力 (15) q judged 未达成 (0–9), 参展客商满意度 (10) r; total = 9.54 + 20 + 20 + 10 + p + q + r.
    const total = (pText: string, p: number, q: number, rText: string, r: number, reported: number) =>
      central((s) => {
        s.indicators[3] = ['成本指标', '经济成本指标', '兰洽会经费', '有效控制', pText, 15, p];
        s.indicators[4] = ['效益指标', '社会效益指标', '新区对外影响力', '有效提升', '未达成预期', 15, q];
        s.indicators[5] = ['满意度指标', '服务对象满意度指标', '参展客商满意度', '满意', rText, 10, r];
        s.total = [100, reported];
        s.grade = '差';
      });
    const cases: [string, number, number, string, number, number, string][] = [
      ['达成', 15, 9, '基本达成', 6.47, 90.01, '优'],
      ['达成', 15, 9, '基本达成', 6.46, 90, '优'],
      ['达成', 15, 9, '基本达成', 6.45, 89.99, '良'],
      ['达成', 12, 2.47, '基本达成', 6, 80.01, '良'],
      ['达成', 12, 2.46, '基本达成', 6, 80, '良'],
      ['达成', 12, 2.45, '基本达成', 6, 79.99, '中'],
      ['未达成', 0, 0, '未达成', 0.47, 60.01, '中'],
      ['未达成', 0, 0, '未达成', 0.46, 60, '中'],
      ['未达成', 0, 0, '未达成', 0.45, 59.99, '差'],
    ];
    for (const [pText, p, q, rText, r, reported, grade] of cases) {
      const c = total(pText, p, q, rText, r, reported);
      const t = c.tables[0];
      expect([reported, t.total?.computed, t.grade?.computed]).toEqual([reported, reported.toFixed(2), grade]);
      // Only the grade cell (written 差 for every case) disagrees when the grade is not 差.
      expect([reported, c.findings.map((f) => `${f.code}@${f.cell}`)]).toEqual([
        reported,
        grade === '差' ? [] : ['GRADE_MISMATCH@C20'],
      ]);
    }
  });
  test('summary rows graded from their score on and beside each bound', () => {
    const scores = [90.01, 90, 89.99, 80.01, 80, 79.99, 60.01, 60, 59.99];
    const b = new SheetBuilder();
    summaryTable(b, { rows: scores.map((x, i) => [i + 1, `项目${i + 1}`, 100, 100, 1, x, '差']) });
    const c = checkWorkbook(grid(b.sheet('汇总')));
    expect(c.tables[0].rows.map((r) => r.grade?.computed)).toEqual([
      '优',
      '优',
      '良',
      '良',
      '良',
      '中',
      '中',
      '中',
      '差',
    ]);
    expect(c.tables[0].gradeCounts).toEqual({ 优: 2, 良: 3, 中: 3, 差: 1 });
  });
  test('bounds are a setting: with 85/75/60, 85 is 优 and 84.99 is 良', () => {
    const b = new SheetBuilder();
    summaryTable(b, {
      rows: [
        [1, '甲', 100, 100, 1, 85, '优'],
        [2, '乙', 100, 100, 1, 84.99, '良'],
        [3, '丙', 100, 100, 1, 74.99, '中'],
      ],
    });
    const c = checkWorkbook(
      grid(b.sheet('汇总')),
      resolveSettings({ gradeBounds: { excellent: '85', good: '75', pass: '60' } }),
    );
    expect(c.findings).toEqual([]);
  });
});

describe('EXECUTION_OUTCOME_GAP: execution under 80% with indicators at 95% or more of their weight', () => {
  // 新区对外影响力 (15) judged 部分达成 (9 to 12) with q: indicators 75 + q of 90; 95% of 90 is 85.5.
  const gap = (executed: number, rate: string, score: number, q: number) => {
    const c = central((s) => {
      funds(s, 10000, executed, rate, score);
      s.indicators[4] = ['效益指标', '社会效益指标', '新区对外影响力', '有效提升', '基本达成', 15, q];
      s.total = [100, Number((75 + q + score).toFixed(2))];
      s.grade = 75 + q + score >= 90 ? '优' : '良';
    });
    return c.findings.some((f) => f.code === 'EXECUTION_OUTCOME_GAP' && f.cell === 'G6');
  };
  test('at 79.99% execution: indicators 85.5 of 90 (95%) raise it, 85.49 do not', () => {
    expect(gap(7999, '79.99%', 8, 10.5)).toBe(true);
    expect(gap(7999, '79.99%', 8, 10.51)).toBe(true);
    expect(gap(7999, '79.99%', 8, 10.49)).toBe(false);
  });
  test('at exactly 80% execution it is not raised; at 80.01% neither', () => {
    expect(gap(8000, '80.00%', 8, 12)).toBe(false);
    expect(gap(8001, '80.01%', 8, 12)).toBe(false);
  });
});

describe('strict targets: > and < are not met by the target itself', () => {
  // 培训人次 (weight 20) with an empty reason cell I13: an unmet target asks for a reason.
  const unmet = (target: string, actual: string) =>
    at(
      central((s) => {
        s.indicators[0] = ['产出指标', '数量指标', '培训人次', target, actual, 20, 20];
      }).findings,
      'I13',
    );
  const R = ['UNMET_NO_REASON'];
  test('>100: 100 is not met; 100.01 is; ≥100: 100 is met', () => {
    expect(unmet('>100人次', '100人次')).toEqual(R);
    expect(unmet('>100人次', '100.01人次')).toEqual([]);
    expect(unmet('>100人次', '99.99人次')).toEqual(R);
    expect(unmet('≥100人次', '100人次')).toEqual([]);
    expect(unmet('≥100人次', '99.99人次')).toEqual(R);
  });
  test('<100: 100 is not met; 99.99 is; ≤100: 100 is met', () => {
    expect(unmet('<100万元', '100万元')).toEqual(R);
    expect(unmet('<100万元', '99.99万元')).toEqual([]);
    expect(unmet('<100万元', '100.01万元')).toEqual(R);
    expect(unmet('≤100万元', '100万元')).toEqual([]);
    expect(unmet('≤100万元', '100.01万元')).toEqual(R);
  });
  test('=100: only 100 itself is met', () => {
    expect(unmet('=100人次', '100人次')).toEqual([]);
    expect(unmet('=100人次', '100.01人次')).toEqual(R);
    expect(unmet('=100人次', '99.99人次')).toEqual(R);
  });
});
