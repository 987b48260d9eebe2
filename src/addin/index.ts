/**
 * What the task pane (src/taskpane) and the ribbon commands (src/commands) share beyond the engine
 * and the strings (src/i18n): the office.js host and the findings' severity counts. Neither side
 * imports the other (test/addin/layers.test.ts walks the imports; eslint no-restricted-imports).
 */
export { HostError, createExcelHost, errorText } from './host';
export type { ExcelHost, HostCheckResult } from './host';
export { SEVERITIES, countBySeverity } from './severity';
