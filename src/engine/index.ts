/**
 * The engine's front door: grid in; checked tables, findings, their wording and a write plan out.
 * Code outside src/engine imports the engine from here only (eslint `no-restricted-imports`).
 */
export * from './address';
export * from './grid';
export * from './findings';
export * from './settings';
export * from './result';
export * from './plan';
export * from './messages/findings';
export * from './messages/results';
export { checkWorkbook } from './check/workbook';
export type { WorkbookCheck } from './check/workbook';
export { locateTables } from './locate/tables';
export { tableExtras } from './locate/extras';
export type { TableExtras } from './locate/extras';
export { buildReport } from './report';
export type { Report, FileReport, ReportFile, ReportFinding } from './report';
