/** What a check produces: the report's figures, the findings, and the computed values to write. */
import { CellValue } from './grid';
import { Finding } from './findings';

/** Every object that stands for a cell has this shape. Decimals are strings; rates in percent. */
export interface Figure {
  cell: string;
  computed: string | null;
  reported: string | null;
  weight?: string;
}

export interface FundsResult {
  label: string;
  row: number;
  budget: string | null;
  executed: string | null;
  rate: Figure | null;
  score: Figure | null;
}

export interface IndicatorResult {
  row: number;
  level1: string;
  level2: string;
  name: string;
  type: 'quantitative' | 'date' | 'qualitative';
  operator: string | null;
  target: string | null;
  actual: string | null;
  unit: string | null;
  score: Figure | null;
}

export interface SummaryRowResult {
  row: number;
  name: string;
  budget: string | null;
  executed: string | null;
  rate: Figure | null;
  score: Figure | null;
  grade: Figure | null;
}

/** A row of a department table's 年度主要任务 block. */
export interface TaskResult {
  row: number;
  name: string;
  budget: string | null;
  executed: string | null;
  rate: Figure | null;
}

export interface TableResult {
  sheet: string;
  kind: 'project' | 'department' | 'summary';
  range: string;
  name: string;
  funds: FundsResult[];
  indicators: IndicatorResult[];
  total: Figure | null;
  grade: Figure | null;
  rows: SummaryRowResult[];
  totalRow?: { row: number; budget: string | null; executed: string | null; rate: Figure | null };
  /** 小计 rows of a summary table. */
  subtotals?: { row: number; budget: string | null; executed: string | null; rate: Figure | null }[];
  tasks?: TaskResult[];
  gradeCounts?: Record<string, number>;
}

/** A computed value for a cell the spec names (rate, score, total, grade). */
export interface ValueWrite {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
  numFmt?: string;
  /** The cell's own value already agrees (it only gains precision): a formula there is left alone. */
  agrees?: boolean;
}

export interface TableCheck {
  result: TableResult;
  findings: Finding[];
  writes: ValueWrite[];
}
