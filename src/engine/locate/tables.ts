/**
 * Locating tables on a sheet by their header words (never by fixed addresses), several per sheet,
 * and reading each into its typed model.
 */
import { Sheet, mergeAt } from '../grid';
import {
  FundsRowModel,
  IndicatorModel,
  ProjectModel,
  StatedWeight,
  SummaryModel,
  SummaryRowModel,
  TableModel,
} from '../model';
import { statedWeight } from '../text';
import { isEmptyMarker } from '../values/number';
import {
  FundsRole,
  GOAL_WORDS,
  GRADE_WORDS,
  HEADER_WORDS,
  TOTAL_WORDS,
  fundsRole,
  indicatorRole as indRole,
  summaryRole as sumRole,
} from './headers';
import { SheetView, TextCell, mapHeader } from './rows';

type RowKind = 'funds' | 'indicators' | 'summary' | null;

/** How many of the cells are header words of some block. */
function headerWords(cells: TextCell[]): number {
  let n = 0;
  for (const c of cells) if (HEADER_WORDS.has(c.key)) n++;
  return n;
}

function classify(cells: TextCell[]): RowKind {
  if (cells.length < 2 || headerWords(cells) < 2) return null;
  const ind = mapHeader(cells, indRole);
  if (ind.has('name') && (ind.has('target') || ind.has('actual')) && (ind.has('score') || ind.has('weight'))) {
    return 'indicators';
  }
  const sum = mapHeader(cells, sumRole);
  const hasName = cells.some((c) => c.key === '项目名称');
  if (hasName && sum.has('budget') && sum.has('executed')) return 'summary';
  const f = mapHeader(cells, fundsRole);
  if ((f.has('budget') || f.has('initial')) && f.has('executed')) return 'funds';
  return null;
}

function isTitle(cells: TextCell[]): boolean {
  return cells.some((c) => /自评表|自评结果汇总|评价表|汇总表/.test(c.text));
}

function isIdentity(cells: TextCell[]): boolean {
  const f = cells[0];
  return !!f && /^(项目名称|部门名称|单位名称|部门\(单位\)名称|部门\(单位\)|预算部门|主管部门|实施单位)/.test(f.text);
}

/** The section label of a block: a cell left of the first header column, in or merged over the header row. */
function sectionLabel(view: SheetView, row: number, firstCol: number): StatedWeight | undefined {
  for (let c = 0; c < firstCol; c++) {
    const m = mergeAt(view.sheet, row, c);
    const r = m ? m.top : row;
    const cc = m ? m.left : c;
    const v = view.sheet.values[r]?.[cc];
    if (typeof v === 'string') {
      const w = statedWeight(v);
      if (w) return { weight: w, row: r, col: cc };
    }
  }
  return undefined;
}

function minCol(map: Map<string, number>): number {
  let m = Number.MAX_SAFE_INTEGER;
  for (const v of map.values()) m = Math.min(m, v);
  return m;
}

/** Every text cell of a row left of `before`, except the block's section label. */
function labelText(view: SheetView, row: number, before: number, exclude?: StatedWeight): string {
  return view
    .textCells(row)
    .filter((c) => c.col < before)
    .filter((c) => !(exclude && exclude.row === row && exclude.col === c.col))
    .map((c) => c.text)
    .join('');
}

function readFunds(view: SheetView, hdr: number, stop: number, model: ProjectModel): void {
  const cols = mapHeader(view.headerCells(hdr), fundsRole);
  const first = minCol(cols);
  const missing: string[] = [];
  if (!cols.has('budget') && !cols.has('initial')) missing.push('全年预算数');
  if (!cols.has('executed')) missing.push('全年执行数');
  model.fundsHeader = { row: hdr, col: view.firstCol(hdr), missing };
  model.fundsLabel = sectionLabel(view, hdr, first);
  const sectionText = model.fundsLabel
    ? String(view.sheet.values[model.fundsLabel.row]?.[model.fundsLabel.col] ?? '')
    : '';
  const dataCols = (['initial', 'budget', 'executed'] as FundsRole[]).map((r) => cols.get(r));
  let group = '';
  for (let r = hdr + 1; r < stop; r++) {
    if (view.isBlank(r)) continue;
    let label = labelText(view, r, first, model.fundsLabel);
    if (sectionText && label.startsWith(sectionText.replace(/\s/g, ''))) label = label.slice(sectionText.length);
    const hasData = dataCols.some((c) => c !== undefined && !isEmptyMarker(view.sheet.values[r]?.[c] ?? null));
    if (!hasData && (GOAL_WORDS.test(label) || classify(view.textCells(r)) !== null)) break;
    if (!hasData && label === '') continue;
    if (!hasData && !/资金|拨款|支出|收入|总额|合计|其中|按/.test(label)) break;
    const isTotal = model.funds.length === 0;
    if (/按收入性质/.test(label)) group = 'income';
    else if (/按支出性质/.test(label)) group = 'expense';
    const row: FundsRowModel = {
      row: r,
      label: label.replace(/^其中[:：]?/, '').replace(/^按(收入|支出)性质分[:：]?/, '') || label,
      group: isTotal ? 'total' : group,
      isTotal,
      initial: view.ref(r, cols.get('initial')),
      budget: view.ref(r, cols.get('budget')),
      executed: view.ref(r, cols.get('executed')),
      weight: view.ref(r, cols.get('weight')),
      rate: view.ref(r, cols.get('rate')),
      score: view.ref(r, cols.get('score')),
      reason: view.ref(r, cols.get('reason')),
    };
    if (isTotal && label === '') row.label = '合计';
    model.funds.push(row);
  }
}

function isTotalRow(view: SheetView, r: number): boolean {
  const f = view.firstText(r);
  return !!f && view.firstCol(r) === f.col && TOTAL_WORDS.includes(f.key);
}

function isGradeRow(view: SheetView, r: number): boolean {
  const f = view.firstText(r);
  return !!f && view.firstCol(r) === f.col && GRADE_WORDS.some((w) => f.key === w || f.key.startsWith(w));
}

/** Reads the indicator rows; returns the row after the table's last own row (total/grade). */
function readIndicators(view: SheetView, hdr: number, limit: number, model: ProjectModel): number {
  const cols = mapHeader(view.headerCells(hdr), indRole);
  const first = minCol(cols);
  const missing: string[] = [];
  if (!cols.has('target')) missing.push('指标值');
  if (!cols.has('actual')) missing.push('完成值');
  if (!cols.has('weight')) missing.push('分值/权重');
  if (!cols.has('score')) missing.push('得分');
  model.indicatorHeader = { row: hdr, col: view.firstCol(hdr), missing };
  model.indicatorsLabel = sectionLabel(view, hdr, first);
  let level1 = '';
  let level1Key = '';
  let level2 = '';
  let end = hdr + 1;
  let r = hdr + 1;
  for (; r < limit; r++) {
    if (view.isBlank(r)) continue;
    if (isTotalRow(view, r)) {
      const f = view.firstText(r)!;
      const ws = cols.get('weight');
      const sc = cols.get('score');
      model.total = {
        row: r,
        weight: ws !== undefined && ws > f.col ? view.ref(r, ws) : undefined,
        score: sc !== undefined && sc > f.col ? view.ref(r, sc) : undefined,
      };
      end = r + 1;
      r++;
      break;
    }
    if (isGradeRow(view, r)) break;
    const cells = view.textCells(r);
    if (classify(cells) !== null || isTitle(cells)) break;
    const l1 = view.ref(r, cols.get('level1'));
    if (l1 && typeof l1.value === 'string' && l1.value.trim() !== '') {
      level1 = l1.value.replace(/\s/g, '');
      const w = statedWeight(level1);
      level1Key = `${r}:${l1.col}`;
      if (w) model.level1Weights.set(level1Key, { weight: w, row: r, col: l1.col });
      level1 = level1.replace(/[(（][^)）]*[)）]/g, '');
      level2 = '';
    }
    const l2 = view.ref(r, cols.get('level2'));
    if (l2 && typeof l2.value === 'string' && l2.value.trim() !== '') {
      level2 = l2.value.replace(/\s/g, '').replace(/[(（][^)）]*[)）]/g, '');
    }
    const nameRef = view.ref(r, cols.get('name'));
    const ind: IndicatorModel = {
      row: r,
      level1,
      level2,
      name: nameRef && nameRef.value !== null ? String(nameRef.value).trim() : '',
      level1Key,
      operator: view.ref(r, cols.get('operator')),
      target: view.ref(r, cols.get('target')),
      unit: view.ref(r, cols.get('unit')),
      actual: view.ref(r, cols.get('actual')),
      weight: view.ref(r, cols.get('weight')),
      score: view.ref(r, cols.get('score')),
      reason: view.ref(r, cols.get('reason')),
    };
    const filled = [ind.target, ind.actual, ind.weight, ind.score].some((c) => c && !isEmptyMarker(c.value));
    if (ind.name === '' && !filled) continue;
    model.indicators.push(ind);
    end = r + 1;
  }
  // The conclusion (grade) row follows the total, possibly after other rows.
  for (let g = r; g < limit; g++) {
    if (view.isBlank(g)) continue;
    const cells = view.textCells(g);
    if (classify(cells) !== null || isTitle(cells)) break;
    if (isGradeRow(view, g)) {
      const f = view.firstText(g)!;
      const gc = view.valueRightOf(g, f.col);
      if (gc !== undefined) model.grade = view.ref(g, gc);
      end = g + 1;
      break;
    }
  }
  if (!model.grade && model.total) {
    // A grade written in the total row itself, right of the score.
    const sc = model.total.score?.col ?? 0;
    for (const c of view.textCells(model.total.row)) {
      if (c.col > sc && /^(优|良|中|差|合格|不合格)/.test(c.text)) {
        model.grade = view.ref(model.total.row, c.col);
        break;
      }
    }
  }
  return end;
}

/** The table's name (项目名称 / 部门（单位）名称) and whether it is a department table. */
function findName(view: SheetView, top: number, bottom: number): { name: string; department: boolean } {
  let project = '';
  let unit = '';
  let wholeDepartment = false;
  for (let r = top; r <= bottom; r++) {
    for (const c of view.textCells(r)) {
      if (/部门整体/.test(c.text)) wholeDepartment = true;
      const isProject = c.key === '项目名称';
      if (!isProject && !/^(部门名称|单位名称|部门)$/.test(c.key)) continue;
      if (isProject ? project : unit) continue;
      const vc = view.valueRightOf(r, c.col);
      const v = vc !== undefined ? view.sheet.values[r]?.[vc] : null;
      const text = v !== null && v !== undefined ? String(v).trim() : '';
      if (isProject) project = text;
      else unit = text;
    }
  }
  const department = wholeDepartment || (!project && !!unit);
  return { name: (department ? unit || project : project || unit) ?? '', department };
}

function readSummary(view: SheetView, hdr: number, limit: number, top: number): SummaryModel {
  const cols = mapHeader(view.headerCells(hdr), sumRole);
  const nameCol = view.headerCells(hdr).find((c) => c.key === '项目名称')?.col ?? cols.get('name');
  const missing: string[] = [];
  if (!cols.has('rate')) missing.push('预算执行率');
  const model: SummaryModel = {
    kind: 'summary',
    sheet: view.sheet,
    range: { top, left: 0, bottom: hdr, right: 0 },
    name: '',
    header: { row: hdr, col: view.firstCol(hdr), missing },
    rows: [],
  };
  const budgetCol = cols.get('budget')!;
  let last = hdr;
  for (let r = hdr + 1; r < limit; r++) {
    if (view.isBlank(r)) continue;
    const cells = view.textCells(r);
    if (classify(cells) !== null || (isTitle(cells) && r > hdr + 1)) break;
    const row: SummaryRowModel = {
      row: r,
      name: '',
      budget: view.ref(r, cols.get('budget')),
      executed: view.ref(r, cols.get('executed')),
      rate: view.ref(r, cols.get('rate')),
      score: view.ref(r, cols.get('score')),
      grade: view.ref(r, cols.get('grade')),
      remark: view.ref(r, cols.get('remark')),
    };
    const nameV = nameCol !== undefined ? view.sheet.values[r]?.[nameCol] : null;
    row.name = nameV !== null && nameV !== undefined ? String(nameV).trim() : '';
    const leftText = cells.filter((c) => c.col < budgetCol).map((c) => c.key);
    if (leftText.some((k) => TOTAL_WORDS.includes(k))) {
      row.name = '合计';
      model.totalRow = row;
      last = r;
      break;
    }
    // A category's 小计 row is not a project (and the 合计 adds up the projects).
    if (leftText.some((k) => /^(小计|.*小计)$/.test(k))) {
      last = r;
      continue;
    }
    const hasData = [row.budget, row.executed, row.rate, row.score].some((c) => c && !isEmptyMarker(c.value));
    if (!hasData && row.name === '') {
      // A note below the table ends it.
      if (cells.length > 0) break;
      continue;
    }
    model.rows.push(row);
    last = r;
  }
  model.range = view.extent(top, last);
  for (let r = top; r < hdr; r++) {
    const t = view.textCells(r).find((c) => /汇总/.test(c.text));
    if (t) model.name = t.text;
  }
  return model;
}

interface Anchor {
  kind: 'funds' | 'indicators' | 'summary';
  row: number;
}

/** All tables on a sheet, top to bottom. */
export function locateTables(sheet: Sheet): TableModel[] {
  const view = new SheetView(sheet);
  const anchors: Anchor[] = [];
  let wordsAbove = 0;
  for (let r = 0; r < view.rows; r++) {
    const words = headerWords(view.textCells(r));
    const k = words >= 2 ? classify(view.textCells(r)) : null;
    const above = wordsAbove;
    wordsAbove = words;
    if (k) {
      anchors.push({ kind: k, row: r });
      continue;
    }
    // A header over two rows: group words above (年度预算数), column words below (年初预算 | 调整后预算数).
    const prev = anchors[anchors.length - 1];
    if (words >= 1 && words + above >= 2 && view.textOnly(r) && view.textOnly(r - 1) && !(prev && prev.row === r - 1)) {
      const both = view.twoRowHeader(r);
      const k2 = classify(both);
      if (k2) {
        view.setHeaderCells(r, both);
        anchors.push({ kind: k2, row: r });
      }
    }
  }
  const tables: TableModel[] = [];
  let floor = 0; // rows above this belong to an earlier table
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    const nextAnchor = anchors[i + 1];
    // Where this table starts: the title/identity rows above its first header.
    let top = a.row;
    for (let r = a.row - 1; r >= floor; r--) {
      if (view.isBlank(r)) continue;
      const cells = view.textCells(r);
      if (isTitle(cells) || isIdentity(cells) || a.kind !== 'summary') top = r;
      if (isTitle(cells)) break;
    }
    if (a.kind === 'summary') {
      const limit = nextAnchor ? nextAnchor.row : view.rows;
      const m = readSummary(view, a.row, limit, top);
      tables.push(m);
      floor = m.range.bottom + 1;
      continue;
    }
    const model: ProjectModel = {
      kind: 'project',
      sheet,
      range: { top, left: 0, bottom: a.row, right: 0 },
      name: '',
      funds: [],
      indicators: [],
      level1Weights: new Map(),
    };
    let indRow: number | undefined;
    if (a.kind === 'funds') {
      const stop = nextAnchor ? nextAnchor.row : view.rows;
      readFunds(view, a.row, stop, model);
      if (nextAnchor && nextAnchor.kind === 'indicators') {
        indRow = nextAnchor.row;
        i++;
      }
    } else indRow = a.row;
    let end = model.funds.length ? model.funds[model.funds.length - 1].row + 1 : a.row + 1;
    const after = anchors[i + 1];
    const limit = after ? after.row : view.rows;
    if (indRow !== undefined) end = readIndicators(view, indRow, limit, model);
    // The table's own rows go on to the row before the next table's title, or the sheet's end.
    let bottom = end - 1;
    let nextTop = limit;
    if (after) {
      for (let r = after.row - 1; r >= end; r--) {
        if (view.isBlank(r)) continue;
        const cells = view.textCells(r);
        if (isTitle(cells) || isIdentity(cells) || after.kind !== 'summary') nextTop = r;
        if (isTitle(cells)) break;
      }
    }
    for (let r = nextTop - 1; r > bottom; r--) {
      if (!view.isBlank(r)) {
        bottom = r;
        break;
      }
    }
    model.range = view.extent(top, bottom);
    const { name, department } = findName(view, top, a.row);
    model.name = name;
    if (department) model.kind = 'department';
    tables.push(model);
    floor = bottom + 1;
  }
  return tables;
}
