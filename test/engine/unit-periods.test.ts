/**
 * A period written on one side of a unit only (`次/年` against `次`) converts with factor 1, wherever the period
 * stands in the unit: before (`每年次`), after (`次/年`, `次每年`) or inside (`吨/年/台`). Until 27 Nov 2026 only
 * a leading 每… or a trailing /… converted; the others gave UNIT_MISMATCH on a clean table.
 */
import { conversion } from '../../src/engine/values/unit';

test.each<[string, string]>([
  ['次/年', '次'],
  ['每年次', '次'],
  ['次每年', '次'],
  ['吨/年/台', '吨/台'],
  ['次', '次/季度'],
  ['人次/月', '人次'],
])('%s converts to %s with factor 1', (from, to) => {
  expect(conversion(from, to)?.toString()).toBe('1');
});

test.each<[string, string, string]>([
  ['万元/年', '元', '10000'],
  ['亿元', '万元/年', '10000'],
])('%s to %s: the money prefix still counts (×%s)', (from, to, factor) => {
  expect(conversion(from, to)?.toString()).toBe(factor);
});

test.each<[string, string]>([
  ['次/年', '人'],
  ['吨/年/台', '吨/人'],
  ['元/人', '元'],
])('%s and %s do not convert', (from, to) => {
  expect(conversion(from, to)).toBeNull();
});
