/** Engine bugs the property tests found, each pinned by a plain example. */
import { checkWorkbook } from '../../src/engine/check/workbook';
import { sheetFromRows } from '../../src/engine/grid';

const PCT = '0.00%';

describe('found by the property tests', () => {
  test('LOW_EXECUTION compares the rate as shown: 69723.63 ÷ 77470.71 = 89.99999…% shows 90.00%, not below 90%', () => {
    const rows = [
      ['2022年度部门项目支出绩效自评结果汇总表'],
      ['序号', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '预算执行率', '自评得分', '自评等级', '备注'],
      [1, '甲项目', 77470.71, 69723.63, 0.9, 92, '优', null],
      [2, '乙项目', 100, 89.99, 0.8999, 92, '优', null],
    ];
    const formats = [[], [], [null, null, null, null, PCT], [null, null, null, null, PCT]];
    const check = checkWorkbook({ sheets: [sheetFromRows('汇总', rows, [], formats)] });
    const low = check.findings.filter((f) => f.code === 'LOW_EXECUTION').map((f) => f.cell);
    expect(low).toEqual(['E4']);
  });
});
