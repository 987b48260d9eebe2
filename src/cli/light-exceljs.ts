/**
 * Start-up: exceljs's entry point loads its CSV and streaming reader/writer modules too (~0.1 s of
 * `require`), which `selfeval check` never uses. Before anything imports 'exceljs', register an
 * entry whose Workbook and enums are exceljs's own and whose other members load on first use.
 * Falls back to the ordinary entry point if exceljs's layout is not the one expected.
 */
import Module from 'module';

export function preferLightExceljs(): void {
  let main: string;
  try {
    main = require.resolve('exceljs');
  } catch {
    return;
  }
  if (require.cache[main]) return;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const exports: Record<string, unknown> = {
      Workbook: require('exceljs/lib/doc/workbook'),
      ...require('exceljs/lib/doc/enums'),
    };
    const full = () => require('exceljs/lib/exceljs.nodejs.js') as Record<string, unknown>;
    /* eslint-enable @typescript-eslint/no-require-imports */
    for (const k of ['ModelContainer', 'stream']) {
      Object.defineProperty(exports, k, { enumerable: true, configurable: true, get: () => full()[k] });
    }
    const m = new Module(main);
    m.filename = main;
    m.loaded = true;
    m.exports = exports;
    require.cache[main] = m;
  } catch {
    // leave the ordinary entry point to `require`
  }
}
