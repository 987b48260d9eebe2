/**
 * What the task pane (src/taskpane) and the ribbon commands (src/commands) share: the host, the
 * language choice and the findings' severity counts. Neither of the two imports the other
 * (test/addin/layers.test.ts walks the imports).
 */
export { HostError, createExcelHost, errorText } from './host';
export type { ExcelHost, HostCheckResult } from './host';
export { langFrom } from './lang';
export type { Lang } from './lang';
export { SEVERITIES, countBySeverity } from './severity';
