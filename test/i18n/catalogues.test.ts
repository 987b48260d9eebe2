/**
 * The catalogues outside the engine (pane, notice, CLI, host errors): the same keys in both languages,
 * and English that holds no Chinese but the grade labels 优 / 良 / 中 / 差 (the words the tables use)
 * and the name of the sheet the add-in writes, 校验结果.
 */
import {
  CLI_TEXT,
  HOST_TEXT,
  NOTICE_TEXT,
  READ_ERROR_TEXT,
  REBUILT_COPY_TEXT,
  REPORT_PANE_TEXT,
  SELFTEST_TEXT,
  STRINGS,
} from '../../src/i18n';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const LABELS = /[优良中差]|校验结果/g;

/** Every text a catalogue can produce: strings as they are, functions called with sample arguments. */
function texts(x: unknown, at = ''): [string, string][] {
  if (typeof x === 'string') return [[at, x]];
  if (typeof x === 'function') {
    const args = Array.from({ length: x.length }, (_, i) =>
      i === 0 && /sheet/i.test(at)
        ? ['Sheet1', 'Sheet2']
        : i === 0 && /counts/.test(at) && x.length === 1
          ? { error: 1, warning: 2, info: 3 }
          : 'x',
    );
    if (/summary/.test(at)) return [[at, x({ files: 1, tables: 2, errors: 3, warnings: 4, infos: 5 })]];
    if (/cellList/.test(at)) return [[at, x(['A1', 'B2'], 3)]];
    return [[at, String(x(...args))]];
  }
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => texts(v, at ? `${at}.${k}` : k));
  return [];
}

test.each([
  ['pane', STRINGS],
  ['cli', CLI_TEXT],
  ['host', HOST_TEXT],
  ['notice', NOTICE_TEXT],
  ['selftest', SELFTEST_TEXT],
  ['file', READ_ERROR_TEXT],
  ['report pane', REPORT_PANE_TEXT],
  ['rebuilt copy', REBUILT_COPY_TEXT, 1],
] as const)(
  '%s: both languages have the same keys; English holds no Chinese but grade labels',
  (_, cat, least: number = 8) => {
    const zh = texts(cat.zh);
    const en = texts(cat.en);
    expect(en.map(([k]) => k)).toEqual(zh.map(([k]) => k));
    expect(zh.length).toBeGreaterThan(least);
    const chinese = en.filter(([, v]) => CJK.test(v.replace(LABELS, '')));
    expect(chinese).toEqual([]);
    // Chinese is Chinese: most of its texts hold Chinese characters.
    expect(zh.filter(([, v]) => CJK.test(v)).length).toBeGreaterThan(zh.length / 2);
  },
);
