/**
 * Plain views of a located project table for the locate-blocks tests: every cell reference as
 * `A1=value` (what a reviewer reads in Excel), rows as 1-based sheet rows, undefined fields left out.
 */
import { a1, rangeA1 } from '../../src/engine/address';
import { CellValue, Sheet } from '../../src/engine/grid';
import { locateTables } from '../../src/engine/locate/tables';
import { CellRef, ProjectModel, StatedWeight, TableModel } from '../../src/engine/model';

/** `D5=300`, `D5=` for an empty cell, undefined for no cell. */
export function cell(c: CellRef | undefined): string | undefined {
  if (!c) return undefined;
  return `${a1(c.row, c.col)}=${c.value === null ? '' : String(c.value)}`;
}

function weight(w: StatedWeight | undefined): string | undefined {
  return w ? `${a1(w.row, w.col)}:${w.weight}` : undefined;
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A funds row: sheet row, label, group, total flag and its cells. */
export function fundsOf(m: ProjectModel) {
  return m.funds.map((f) =>
    clean({
      row: f.row + 1,
      label: f.label,
      group: f.group,
      isTotal: f.isTotal,
      initial: cell(f.initial),
      budget: cell(f.budget),
      executed: cell(f.executed),
      weight: cell(f.weight),
      rate: cell(f.rate),
      score: cell(f.score),
      reason: cell(f.reason),
    }),
  );
}

export function tasksOf(m: ProjectModel) {
  return m.tasks.map((t) =>
    clean({ row: t.row + 1, name: t.name, budget: cell(t.budget), executed: cell(t.executed), rate: cell(t.rate) }),
  );
}

/** An indicator as `row | level1 | level2 | name` plus its filled cells. */
export function indicatorsOf(m: ProjectModel) {
  return m.indicators.map((i) =>
    clean({
      row: i.row + 1,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      level1Key: i.level1Key === '' ? undefined : i.level1Key,
      group: i.group,
      operator: cell(i.operator),
      target: cell(i.target),
      adjustedTarget: cell(i.adjustedTarget),
      unit: cell(i.unit),
      actual: cell(i.actual),
      weight: cell(i.weight),
      score: cell(i.score),
      deduction: cell(i.deduction),
      coefficient: cell(i.coefficient),
      reason: cell(i.reason),
    }),
  );
}

/** The table-level fields: range, headers and their missing columns, labels, total and grade. */
export function frameOf(m: ProjectModel) {
  return clean({
    kind: m.kind,
    name: m.name,
    range: rangeA1(m.range),
    fundsHeader: m.fundsHeader ? `${a1(m.fundsHeader.row, m.fundsHeader.col)}` : undefined,
    fundsMissing: m.fundsHeader?.missing,
    fundsLabel: weight(m.fundsLabel),
    fundsHeaderWeight: m.fundsHeaderWeight,
    indicatorHeader: m.indicatorHeader ? `${a1(m.indicatorHeader.row, m.indicatorHeader.col)}` : undefined,
    indicatorMissing: m.indicatorHeader?.missing,
    indicatorsLabel: weight(m.indicatorsLabel),
    level1Weights: m.level1Weights.size ? [...m.level1Weights.values()].map(weight) : undefined,
    groups: m.groups.length ? m.groups.map((g) => `${a1(g.row, g.col)}:${g.title}:${g.weight}`) : undefined,
    scoreExcludesDeduction: m.scoreExcludesDeduction || undefined,
    total: m.total
      ? clean({
          row: m.total.row + 1,
          weight: cell(m.total.weight),
          score: cell(m.total.score),
          identity: m.total.identity,
        })
      : undefined,
    grade: cell(m.grade),
  });
}

/** The project tables of a sheet (fails the test when a summary is found instead). */
export function projects(sheet: Sheet): ProjectModel[] {
  const ts: TableModel[] = locateTables(sheet);
  return ts.map((t) => {
    if (t.kind === 'summary') throw new Error(`summary at ${rangeA1(t.range)}`);
    return t;
  });
}

/** A sheet from literal rows (null = empty cell), with merges as [top, left, bottom, right] (0-based). */
export function sheetOf(name: string, rows: CellValue[][], merges: [number, number, number, number][] = []): Sheet {
  return {
    name,
    values: rows.map((r) => [...r]),
    formats: rows.map(() => []),
    merges: merges.map(([top, left, bottom, right]) => ({ top, left, bottom, right })),
  };
}
