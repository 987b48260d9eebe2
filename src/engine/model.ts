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
  /** 调整指标值: replaces the target when filled. */
  adjustedTarget?: CellRef;
  unit?: CellRef;
  actual?: CellRef;
  weight?: CellRef;
  score?: CellRef;
  /** 扣减分数: taken off the score (never below 0). */
  deduction?: CellRef;
  /** 得分系数（%）: the score as a percentage of the weight. */
  coefficient?: CellRef;
  reason?: CellRef;
  /** Index into ProjectModel.groups when the indicators come in goal groups. */
  group?: number;
}

/** A goal group (`年度绩效目标1（40分）`): its title cell and the weight it carries. */
export interface GoalGroup {
  row: number;
  col: number;
  title: string;
  weight: string;
}

/** A row of the department table's 年度主要任务 block. */
export interface TaskRowModel {
  row: number;
  name: string;
  budget?: CellRef;
  executed?: CellRef;
  rate?: CellRef;
}

export interface ProjectModel {
  kind: 'project' | 'department';
  sheet: Sheet;
  range: CellRange;
  name: string;
  /** First cell of the funds header row / indicator header row (for COLUMN_MISSING). */
  fundsHeader?: { row: number; col: number; missing: string[] };
  fundsLabel?: StatedWeight;
  /** A weight stated in a funds header cell: `得分（20分*执行率）`. */
  fundsHeaderWeight?: string;
  funds: FundsRowModel[];
  /** The 年度主要任务 block, when the table has one. */
  tasks: TaskRowModel[];
  indicatorHeader?: { row: number; col: number; missing: string[] };
  indicatorsLabel?: StatedWeight;
  indicators: IndicatorModel[];
  /** Level-1 blocks that state their weight: key → label cell. */
  level1Weights: Map<string, StatedWeight>;
  /** Goal groups, when weights are given per group only. */
  groups: GoalGroup[];
  /** The score column says deductions are not in it (`指标得分（不包含扣减分数）`). */
  scoreExcludesDeduction: boolean;
  /** The 总分 row, or the identity rows' `自评总分` cell (`identity` set, no weight). */
  total?: { row: number; weight?: CellRef; score?: CellRef; identity?: boolean };
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
  /** 小计 rows, each summing rows[from..to) (the projects since the last heading). */
  subtotals: { row: SummaryRowModel; from: number; to: number }[];
  totalRow?: SummaryRowModel;
}

export type TableModel = ProjectModel | SummaryModel;
