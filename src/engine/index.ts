/** The engine's public surface: grid in, checked tables, findings and a write plan out. */
export * from './address';
export * from './grid';
export * from './findings';
export * from './settings';
export * from './result';
export * from './plan';
export { checkWorkbook } from './check/workbook';
export type { WorkbookCheck } from './check/workbook';
export { locateTables } from './locate/tables';
export { buildReport } from './report';
export type { Report, FileReport } from './report';
