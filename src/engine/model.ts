/** The typed model of located tables: which cell holds what. Built by locate/, scored by check/. */
import { CellRange } from './address';
import { CellValue, Sheet } from './grid';

export interface CellRef {
  row: number;
  col: number;
  value: CellValue;
  fmt: string | null;
}

export interface FundsRowModel {
  row: number;
  label: string;
  /** 'total' for the first row; otherwise the split it belongs to ('' for a project's 其中 rows). */
  group: string;
  isTotal: boolean;
  initial?: CellRef;
  budget?: CellRef;
  executed?: CellRef;
  weight?: CellRef;
  rate?: CellRef;
  score?: CellRef;
  reason?: CellRef;
}

export interface StatedWeight {
  weight: string;
  row: number;
  col: number;
}

export interface IndicatorModel {
  row: number;
  level1: string;
  level2: string;
  name: string;
  /** The level-1 label's `（N分）`, when its block states one. */
  level1Key: string;
  operator?: CellRef;
  target?: CellRef;
  unit?: CellRef;
  actual?: CellRef;
  weight?: CellRef;
  score?: CellRef;
  reason?: CellRef;
}

export interface ProjectModel {
  kind: 'project' | 'department';
  sheet: Sheet;
  range: CellRange;
  name: string;
  /** First cell of the funds header row / indicator header row (for COLUMN_MISSING). */
  fundsHeader?: { row: number; col: number; missing: string[] };
  fundsLabel?: StatedWeight;
  funds: FundsRowModel[];
  indicatorHeader?: { row: number; col: number; missing: string[] };
  indicatorsLabel?: StatedWeight;
  indicators: IndicatorModel[];
  /** Level-1 blocks that state their weight: key → label cell. */
  level1Weights: Map<string, StatedWeight>;
  total?: { row: number; weight?: CellRef; score?: CellRef };
  grade?: CellRef;
}

export interface SummaryRowModel {
  row: number;
  name: string;
  budget?: CellRef;
  executed?: CellRef;
  rate?: CellRef;
  score?: CellRef;
  grade?: CellRef;
  remark?: CellRef;
}

export interface SummaryModel {
  kind: 'summary';
  sheet: Sheet;
  range: CellRange;
  name: string;
  header: { row: number; col: number; missing: string[] };
  rows: SummaryRowModel[];
  totalRow?: SummaryRowModel;
}

export type TableModel = ProjectModel | SummaryModel;
