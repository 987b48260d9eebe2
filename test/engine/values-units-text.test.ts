/**
 * Text normalisation (`text.ts`), A1 addresses (`address.ts`) and the grid view (`grid.ts`), on cell
 * texts and sheet shapes as departments' workbooks hold them. Expected values are worked out by hand.
 */
import { a1, columnLetters, parseA1, parseRangeA1, rangeA1 } from '../../src/engine/address';
import { CellValue, Sheet, cellFormat, cellValue, colCount, isEmptyValue, mergeAt } from '../../src/engine/grid';
import { compact, headerKey, keyOfCompact, statedWeight, toHalfWidth } from '../../src/engine/text';

describe('toHalfWidth: full-width ASCII (U+FF01–U+FF5E) and the ideographic space become half-width', () => {
  test.each([
    ['≥９５％', '≥95%'],
    ['完成率９５．５％', '完成率95.5%'],
    ['（１）产出指标', '(1)产出指标'],
    // U+FF01 ！ is the first of the range, U+FF5E ～ the last: both are converted.
    ['已完成！', '已完成!'],
    ['３～５个', '3~5个'],
    ['＝１年', '=1年'],
    // U+3000 (全角空格) becomes one ordinary space.
    ['达到　95%', '达到 95%'],
    // The full-width comma (U+FF0C) is in the range; 【】、。 (U+3000–U+303F) are not and stay.
    ['【必填】数量，质量、时效。', '【必填】数量,质量、时效。'],
    ['年度指标值', '年度指标值'],
    // Past the range's end: ￥ (U+FFE5, full-width yen) and ｡ (U+FF61) stay as they are, next to converted digits.
    ['￥５８４．４８万元', '￥584.48万元'],
    ['１２｡', '12｡'],
  ])('%s → %s', (cell, expected) => {
    expect(toHalfWidth(cell)).toBe(expected);
  });
});

describe('compact: half-width and no whitespace of any kind', () => {
  test.each([
    [' 年度\n指标值 ', '年度指标值'],
    ['≥ ９５ ％', '≥95%'],
    ['项目\u00a0名称\u200b', '项目名称'],
    ['实际\u3000\u3000完成值', '实际完成值'],
    ['预算执行率', '预算执行率'],
  ])('%j → %s', (cell, expected) => {
    expect(compact(cell)).toBe(expected);
  });
});

describe('headerKey: brackets and notes, asterisks, a leading number and a trailing colon or % removed', () => {
  test.each([
    // Nothing to remove: the text itself.
    ['年度指标值', '年度指标值'],
    ['实际完成值（万元）', '实际完成值'],
    ['指标值【必填】', '指标值'],
    ['指标值[选填]', '指标值'],
    ['*项目名称', '项目名称'],
    // Both leading asterisks go, not only the first.
    ['＊＊项目名称', '项目名称'],
    // An asterisk in the middle is part of the text (单价 × 数量).
    ['单价*数量', '单价*数量'],
    // Every trailing mark goes: % and the colon.
    ['完成率%：', '完成率'],
    ['项目名称：', '项目名称'],
    // A colon in the middle stays.
    ['说明：见附件', '说明:见附件'],
    ['1.产出指标', '产出指标'],
    ['10、满意度指标', '满意度指标'],
    // A number in the middle is not a list number: only the bracket goes.
    ['表3.1（单位：万元）', '表3.1'],
    // A cell of marks only keys to ''.
    ['（%）', ''],
    ['：', ''],
  ])('%s → %j', (cell, expected) => {
    expect(headerKey(cell)).toBe(expected);
  });
});

describe('keyOfCompact: sentences are never keyed (over 80 characters, or a key over 40)', () => {
  const n10 = '填报说明填报说明填报'; // 10 characters
  test('a text of 40 characters without marks is its own key; 41 characters key to ""', () => {
    const t40 = n10.repeat(4); // 4 × 10 = 40
    expect(keyOfCompact(t40)).toBe(t40);
    expect(keyOfCompact(t40 + '表')).toBe(''); // 41
  });
  test('the key after removing a bracket counts: 40 characters kept, 41 give ""', () => {
    const t40 = n10.repeat(4);
    // (注) is 3 characters: 43 in all, 40 after the bracket goes.
    expect(keyOfCompact(`${t40}(注)`)).toBe(t40);
    // 44 in all, 41 after the bracket goes.
    expect(keyOfCompact(`${t40}表(注)`)).toBe('');
  });
  test('80 characters with a long note are keyed; 81 characters are not looked at', () => {
    const name = '项目名称'; // 4
    const note74 = n10.repeat(7) + '填报说明'; // 70 + 4 = 74
    const t80 = `${name}(${note74})`; // 4 + 1 + 74 + 1 = 80
    expect(t80.length).toBe(80);
    expect(keyOfCompact(t80)).toBe('项目名称');
    expect(keyOfCompact(`${name}(${note74}明)`)).toBe(''); // 81
  });
});

describe('statedWeight: the first (N分) of a label', () => {
  test.each([
    ['产出指标（50分）', '50'],
    ['质量指标（12.5分）', '12.5'],
    ['成本指标（7.25分）', '7.25'],
    ['预算执行情况（10分）（20分）', '10'],
    ['产出指标', null],
    ['产出指标（分）', null],
  ])('%s → %j', (label, expected) => {
    expect(statedWeight(label)).toBe(expected);
  });
});

describe('A1 addresses', () => {
  test.each([
    [0, 'A'],
    [7, 'H'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'], // 26 + 25
    [52, 'BA'],
    [701, 'ZZ'], // 26 × 26 + 25
    [702, 'AAA'],
  ])('column %d is %s', (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
  });

  test('a1 is 1-based: row 18, column 7 is H19 (the total score cell of the central table)', () => {
    expect(a1(18, 7)).toBe('H19');
  });

  test.each([
    ['H19', 18, 7],
    ['$C$5', 4, 2],
    [' B7 ', 6, 1],
    ['aa10', 9, 26],
    ['AZ3', 2, 51],
    // X = 24, F = 6, D = 4: (24 × 26 + 6) × 26 + 4 = 16384, 0-based 16383.
    ['XFD1048576', 1048575, 16383],
  ])('parseA1(%j) is row %d, column %d', (ref, row, col) => {
    expect(parseA1(ref)).toEqual({ row, col });
  });

  test.each(['AAAA1', 'A1:B2', 'Sheet1!A1', '1A', 'A'])('parseA1(%j) throws', (ref) => {
    expect(() => parseA1(ref)).toThrow(`不是有效的单元格地址：${ref}`);
  });

  test('the error names the text that is not an address', () => {
    expect(() => parseA1('合计')).toThrow(new Error('不是有效的单元格地址：合计'));
  });

  test.each([
    ['B3:D9', { top: 2, left: 1, bottom: 8, right: 3 }],
    // Written backwards: the same area.
    ['D9:B3', { top: 2, left: 1, bottom: 8, right: 3 }],
    ['B9:D3', { top: 2, left: 1, bottom: 8, right: 3 }],
    ['C5', { top: 4, left: 2, bottom: 4, right: 2 }],
  ])('parseRangeA1(%s)', (ref, range) => {
    expect(parseRangeA1(ref)).toEqual(range);
  });

  test('rangeA1 writes top-left:bottom-right', () => {
    expect(rangeA1({ top: 0, left: 0, bottom: 0, right: 10 })).toBe('A1:K1');
  });
});

describe('the grid view', () => {
  // A Sichuan-style header as a host gives it: ragged rows, one row missing altogether (a hole).
  const values: CellValue[][] = [['部门预算项目支出绩效自评表（2023年度）'], ['项目名称', '2023招商引资']];
  values[3] = ['主管部门', '某区经济合作局', null, null, null, '实施单位', '某区经济合作局'];
  values[4] = ['是否完成', true];
  const sheet: Sheet = {
    name: '项目支出绩效自评表',
    values,
    formats: [[], [null, '@']],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 10 }, // A1:K1, the title
      { top: 5, left: 0, bottom: 8, right: 0 }, // A6:A9, 产出指标
      { top: 2, left: 3, bottom: 4, right: 6 }, // D3:G5
    ],
  };

  test('cellValue: the value, and null beyond a row, in a missing row and below the last row', () => {
    expect(cellValue(sheet, 1, 1)).toBe('2023招商引资');
    expect(cellValue(sheet, 4, 1)).toBe(true);
    expect(cellValue(sheet, 3, 2)).toBeNull();
    expect(cellValue(sheet, 1, 5)).toBeNull();
    expect(cellValue(sheet, 2, 0)).toBeNull();
    expect(cellValue(sheet, 40, 0)).toBeNull();
  });

  test('cellFormat: the format, and null where none is given', () => {
    expect(cellFormat(sheet, 1, 1)).toBe('@');
    expect(cellFormat(sheet, 1, 0)).toBeNull();
    expect(cellFormat(sheet, 3, 0)).toBeNull();
  });

  test('colCount is the widest row (7, row 4), holes skipped', () => {
    expect(colCount(sheet)).toBe(7);
    expect(colCount({ name: '空表', values: [], merges: [] })).toBe(0);
  });

  test.each([
    [null, true],
    ['', true],
    ['   ', true],
    ['\u3000\n', true],
    ['—', false],
    ['无', false],
    [0, false],
    [false, false],
    ['项目名称', false],
  ])('isEmptyValue(%j) is %s', (v, expected) => {
    expect(isEmptyValue(v as CellValue)).toBe(expected);
  });

  test.each([
    [0, 0, 0],
    [0, 10, 0],
    [0, 11, null],
    [5, 0, 1],
    [8, 0, 1],
    [9, 0, null],
    [4, 0, null],
    [2, 3, 2], // top-left
    [4, 6, 2], // bottom-right
    [3, 5, 2], // inside
    [2, 6, 2], // top-right
    [4, 3, 2], // bottom-left
    [3, 2, null], // left of it
    [3, 7, null], // right of it
    [1, 4, null], // above it
    [5, 4, null], // below it
  ])('mergeAt(row %d, col %d) is merge %j', (row, col, index) => {
    expect(mergeAt(sheet, row, col)).toBe(index === null ? undefined : sheet.merges[index]);
  });
});
