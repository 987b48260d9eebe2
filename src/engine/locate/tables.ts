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
  TaskRowModel,
} from '../model';
import { compact, statedWeight } from '../text';
import { isEmptyMarker, parsePlainNumber } from '../values/number';
import {
  BLOCK_SHAPES,
  END_WORDS,
  EXCLUDES_DEDUCTION,
  FUND_ROW_WORDS,
  FundsRole,
  GOAL_WORDS,
  isGradeLabel,
  GROUP_TITLE,
  HEADING,
  HEADING_WITH_SUMS,
  IDENTITY_TOTAL_WORDS,
  TASK_LABEL,
  PLACEHOLDER,
  TOTAL_WORDS,
  fundsRole,
  indicatorRole as indRole,
  isHeaderWord,
  summaryRole as sumRole,
  taskRole,
} from './headers';
import { SheetView, TextCell, mapHeader } from './rows';

type BlockKind = 'funds' | 'indicators' | 'summary' | 'tasks';
type RowKind = BlockKind | null;

/** How many of the cells are header words of some block. */
function headerWords(cells: TextCell[]): number {
  let n = 0;
  for (const c of cells) if ((c.header ??= isHeaderWord(c.key))) n++;
  return n;
}

/** Every alternative list of the shape has a role in the header. */
function hasShape<R extends string>(map: Map<R, number>, shape: R[][]): boolean {
  return shape.every((alts) => alts.some((r) => map.has(r)));
}

function classify(cells: TextCell[]): RowKind {
  if (cells.length < 2 || headerWords(cells) < 2) return null;
  if (hasShape(mapHeader(cells, indRole), BLOCK_SHAPES.indicators)) return 'indicators';
  const tasks = mapHeader(cells, taskRole);
  if (hasShape(tasks, BLOCK_SHAPES.tasks)) return 'tasks';
  const hasName = cells.some((c) => c.key === '项目名称');
  if (hasName && hasShape(mapHeader(cells, sumRole), BLOCK_SHAPES.summary)) return 'summary';
  if (hasShape(mapHeader(cells, fundsRole), BLOCK_SHAPES.funds)) {
    // `年度主要任务 | 预算数 | 执行数` without a task-name column is still a task list.
    return cells.some((c) => TASK_LABEL.test(c.key)) ? 'tasks' : 'funds';
  }
  return null;
}

/** A cell that holds an amount (a number, or text that reads as one). */
function isAmount(v: unknown): boolean {
  if (typeof v === 'number') return true;
  return typeof v === 'string' && parsePlainNumber(v) !== null;
}

/** The only text of a row is a goal group's title: `年度绩效目标1（40分）`. */
function groupTitle(view: SheetView, r: number): TextCell | undefined {
  const cells = view.textCells(r);
  if (cells.length === 0 || cells.length > 2) return undefined;
  return GROUP_TITLE.test(cells[0].text) ? cells[0] : undefined;
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

function readFunds(view: SheetView, hdr: number, stop: number, model: ProjectModel): number {
  const header = view.headerCells(hdr);
  const cols = mapHeader(header, fundsRole);
  const first = minCol(cols);
  const missing: string[] = [];
  if (!cols.has('budget') && !cols.has('initial')) missing.push('全年预算数');
  if (!cols.has('executed')) missing.push('全年执行数');
  model.fundsHeader = { row: hdr, col: view.firstCol(hdr), missing };
  model.fundsLabel = sectionLabel(view, hdr, first);
  // `得分（20分*执行率）`: the weight stated in the score header.
  const scoreHeader = header.find((c) => c.col === cols.get('score'));
  const hw = scoreHeader && /\((\d+(?:\.\d+)?)分/.exec(scoreHeader.text);
  if (hw) model.fundsHeaderWeight = hw[1];
  // The section label as row labels hold it (compact: half-width, no spaces), when it is repeated on each row.
  const sectionText = model.fundsLabel
    ? compact(String(view.sheet.values[model.fundsLabel.row]?.[model.fundsLabel.col] ?? ''))
    : '';
  const dataCols = (['initial', 'budget', 'executed'] as FundsRole[]).map((r) => cols.get(r));
  let group = '';
  /** The group the first row opens (`按收入性质分：财政拨款`), for when a 合计 below takes its place. */
  let firstGroup = '';
  let end = hdr + 1;
  for (let r = hdr + 1; r < stop; r++) {
    if (view.isBlank(r)) continue;
    let label = labelText(view, r, first, model.fundsLabel);
    if (sectionText && label.startsWith(sectionText)) label = label.slice(sectionText.length);
    const values = dataCols.map((c) => (c === undefined ? null : (view.sheet.values[r]?.[c] ?? null)));
    const hasData = values.some((v) => !isEmptyMarker(v));
    // The next table's title (`项目支出绩效自评表`: 支出 is a fund word) ends the block.
    if (!hasData && isTitle(view.textCells(r))) break;
    // Goal rows and other text rows end the block: sentences are never amounts.
    if (label === '' || !FUND_ROW_WORDS.test(label)) {
      if (GOAL_WORDS.test(label) || groupTitle(view, r)) break;
      if (!hasData) {
        if (label === '' && classify(view.textCells(r)) === null) continue;
        break;
      }
      if (!values.some(isAmount)) break;
    }
    const isTotal = model.funds.length === 0;
    if (/按收入性质/.test(label)) group = 'income';
    else if (/按支出性质/.test(label)) group = 'expense';
    if (isTotal) firstGroup = group;
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
    if (isTotal && label === '') row.label = mergedLabel(view, hdr, first) ?? '合计';
    model.funds.push(row);
    end = r + 1;
  }
  totalLast(model, firstGroup);
  return end;
}

/** The block's label merged over its header and first row (`年度资金总额（万元）`), without the unit. */
function mergedLabel(view: SheetView, hdr: number, first: number): string | undefined {
  const c = view.textCells(hdr).find((x) => x.col < first);
  return c ? c.text.replace(/\([^)]*\)/g, '') || undefined : undefined;
}

/**
 * A list of sources with its 合计 at the bottom (`资金来源 | 年初预算 | …`, rows 财政拨款 / 其他资金 / 合计):
 * that row is the total, and the rows above it are its split.
 */
function totalLast(model: ProjectModel, firstGroup: string): void {
  const f = model.funds;
  if (f.length < 2 || /总额|合计|总计|全部/.test(f[0].label)) return;
  const i = f.findIndex(
    (x, k) => k > 0 && /^(合计|总计|总额|资金总额|小计)$/.test(x.label.replace(/[(（].*$/, '').replace(/[:：]+$/, '')),
  );
  if (i < 0) return;
  const [total] = f.splice(i, 1);
  for (const x of f) {
    x.isTotal = false;
    if (x.group === 'total') x.group = firstGroup;
  }
  total.isTotal = true;
  total.group = 'total';
  f.unshift(total);
}

/** The department table's 年度主要任务 block: one row per task, until a row that is not one. */
function readTasks(view: SheetView, hdr: number, stop: number, model: ProjectModel): number {
  const header = view.headerCells(hdr);
  const cols = mapHeader(header, taskRole);
  // The name: 任务名称, else 主要内容, else the column right of the block's label.
  const label = header.find((c) => TASK_LABEL.test(c.key));
  const nameCol = cols.get('task') ?? cols.get('content') ?? (label ? label.col + 1 : minCol(cols));
  let end = hdr + 1;
  for (let r = hdr + 1; r < stop; r++) {
    if (view.isBlank(r)) continue;
    // Text left of the task column (the block's own label is merged down, so empty there) starts the next block.
    if (view.textCells(r).some((c) => c.col < nameCol)) break;
    if (classify(view.textCells(r)) !== null) break;
    const nameV = view.sheet.values[r]?.[nameCol];
    const task: TaskRowModel = {
      row: r,
      name: nameV !== null && nameV !== undefined ? String(nameV).trim() : '',
      budget: view.ref(r, cols.get('budget')),
      executed: view.ref(r, cols.get('executed')),
      rate: view.ref(r, cols.get('rate')),
    };
    model.tasks.push(task);
    end = r + 1;
  }
  return end;
}

function isTotalRow(view: SheetView, r: number): boolean {
  const f = view.firstText(r);
  return !!f && view.firstCol(r) === f.col && TOTAL_WORDS.includes(f.key);
}

/** A row that starts with `自评得分` / `自评总分` (first cell): the reported total with its value to the right. */
function identityTotalRow(view: SheetView, r: number): ProjectModel['total'] {
  const f = view.firstText(r);
  if (!f || view.firstCol(r) !== f.col || !IDENTITY_TOTAL_WORDS.includes(f.key)) return undefined;
  return identityTotal(view, r, r + 1);
}

function isGradeRow(view: SheetView, r: number): boolean {
  const f = view.firstText(r);
  return !!f && view.firstCol(r) === f.col && isGradeLabel(f.key);
}

/** The 总分 row: its weight and score cells (the score, when not in the score column, is the row's last number). */
function readTotalRow(
  view: SheetView,
  r: number,
  ws: number | undefined,
  sc: number | undefined,
): ProjectModel['total'] {
  const f = view.firstText(r)!;
  let score = sc !== undefined && sc > f.col ? view.ref(r, sc) : undefined;
  if (!score || isEmptyMarker(score.value)) {
    const row = view.sheet.values[r] ?? [];
    for (let c = row.length - 1; c > f.col; c--) {
      if (c !== ws && typeof row[c] === 'number') {
        score = view.ref(r, c);
        break;
      }
    }
  }
  return { row: r, weight: ws !== undefined && ws > f.col ? view.ref(r, ws) : undefined, score };
}

interface IndicatorBlockEnd {
  /** The row after the block's last own row. */
  end: number;
  /** The row the reading stopped at. */
  stop: number;
  /** Stopped at the next goal group's title row. */
  nextGroup?: TextCell;
}

/**
 * Reads the indicator rows under one header (of a goal group, when `group` is given), then the
 * total and grade rows. Stops at the next group's title, the next header, a title, or the total.
 */
function readIndicators(
  view: SheetView,
  hdr: number,
  limit: number,
  model: ProjectModel,
  group?: number,
): IndicatorBlockEnd {
  const header = view.headerCells(hdr);
  const cols = mapHeader(header, indRole);
  const first = minCol(cols);
  if (!model.indicatorHeader) {
    const missing: string[] = [];
    if (!cols.has('target') && !cols.has('adjustedTarget')) missing.push('指标值');
    if (!cols.has('actual')) missing.push('完成值');
    // Goal groups carry the weights; their indicators have none of their own.
    if (!cols.has('weight') && group === undefined) missing.push('分值/权重');
    if (!cols.has('score')) missing.push('得分');
    model.indicatorHeader = { row: hdr, col: view.firstCol(hdr), missing };
    model.indicatorsLabel = sectionLabel(view, hdr, first);
  }
  const scoreHeader = header.find((c) => c.col === cols.get('score'));
  if (cols.has('deduction') && scoreHeader && EXCLUDES_DEDUCTION.test(scoreHeader.text)) {
    model.scoreExcludesDeduction = true;
  }
  let level1 = '';
  let level1Key = '';
  let level2 = '';
  let end = hdr + 1;
  let r = hdr + 1;
  for (; r < limit; r++) {
    if (view.isBlank(r)) continue;
    if (isTotalRow(view, r)) {
      model.total = readTotalRow(view, r, cols.get('weight'), cols.get('score'));
      end = r + 1;
      r++;
      break;
    }
    // `自评得分 | 99.5 | 财政审核评分 | …` printed below the indicators instead of in the identity rows.
    const below = identityTotalRow(view, r);
    if (below) {
      if (!model.total) model.total = below;
      end = r + 1;
      r++;
      break;
    }
    if (isGradeRow(view, r)) break;
    const title = groupTitle(view, r);
    if (title) return { end, stop: r, nextGroup: title };
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
      adjustedTarget: view.ref(r, cols.get('adjustedTarget')),
      unit: view.ref(r, cols.get('unit')),
      actual: view.ref(r, cols.get('actual')),
      weight: view.ref(r, cols.get('weight')),
      score: view.ref(r, cols.get('score')),
      deduction: view.ref(r, cols.get('deduction')),
      coefficient: view.ref(r, cols.get('coefficient')),
      reason: view.ref(r, cols.get('reason')),
      ...(group !== undefined ? { group } : {}),
    };
    const filled = [ind.target, ind.adjustedTarget, ind.actual, ind.weight, ind.score].some(
      (c) => c && !isEmptyMarker(c.value),
    );
    // Empty rows and the template's placeholder rows (`指标1：`, `……`) are no indicators; the
    // conclusion's text rows (`存在问题`) end the block.
    if (!filled && END_WORDS.test(view.firstText(r)?.text ?? '')) break;
    if (!filled && (ind.name === '' || PLACEHOLDER.test(compact(ind.name)))) continue;
    model.indicators.push(ind);
    end = r + 1;
  }
  return { end, stop: r };
}

/** The conclusion (grade) row after the total, possibly after other rows; returns the table's end. */
function readGrade(view: SheetView, from: number, limit: number, end: number, model: ProjectModel): number {
  for (let g = from; g < limit; g++) {
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

/** `自评总分（分） | 92.4` or `自评得分 | 95.5` in the rows above the first header: the reported total. */
function identityTotal(view: SheetView, top: number, bottom: number): ProjectModel['total'] {
  for (let r = top; r < bottom; r++) {
    const cells = view.textCells(r);
    for (let i = 0; i < cells.length; i++) {
      if (!IDENTITY_TOTAL_WORDS.includes(cells[i].key)) continue;
      const vc = view.valueRightOf(r, cells[i].col, cells[i + 1]?.col);
      if (vc === undefined) continue;
      return { row: r, score: view.ref(r, vc), identity: true };
    }
  }
  return undefined;
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
    subtotals: [],
  };
  let sinceHeading = 0;
  let openHeading: SummaryRowModel | undefined;
  const indexCol = cols.get('index');
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
    // A heading that carries its category's sums (`一、常年性项目 | 150 | 143 | 95.33%`) sums the
    // projects under it, up to the next heading, 小计 or 合计.
    const closeHeading = () => {
      if (openHeading) model.subtotals.push({ row: openHeading, from: sinceHeading, to: model.rows.length });
      openHeading = undefined;
    };
    if (leftText.some((k) => TOTAL_WORDS.includes(k))) {
      closeHeading();
      row.name = '合计';
      model.totalRow = row;
      last = r;
      break;
    }
    // A category's 小计 row is not a project: it sums the projects since the last heading.
    if (leftText.some((k) => /小计$/.test(k))) {
      openHeading = undefined;
      model.subtotals.push({ row: { ...row, name: '小计' }, from: sinceHeading, to: model.rows.length });
      sinceHeading = model.rows.length;
      last = r;
      continue;
    }
    const hasData = [row.budget, row.executed, row.rate, row.score].some((c) => c && !isEmptyMarker(c.value));
    const first = cells[0];
    const indexCell = indexCol !== undefined ? view.sheet.values[r]?.[indexCol] : null;
    if (
      hasData &&
      first &&
      first.col < budgetCol &&
      HEADING_WITH_SUMS.test(first.text) &&
      (isEmptyMarker(indexCell ?? null) || first.col === indexCol)
    ) {
      closeHeading();
      sinceHeading = model.rows.length;
      openHeading = { ...row, name: first.text };
      last = r;
      continue;
    }
    if (!hasData) {
      // A category heading (`一、常年性项目`) neither ends the table nor is a project.
      if (first && first.col < budgetCol && HEADING.test(first.text)) {
        closeHeading();
        sinceHeading = model.rows.length;
        last = r;
        continue;
      }
      // A note below the table ends it.
      if (row.name === '') {
        if (cells.length > 0) break;
        continue;
      }
    }
    model.rows.push(row);
    last = r;
  }
  if (openHeading) model.subtotals.push({ row: openHeading, from: sinceHeading, to: model.rows.length });
  model.range = view.extent(top, last);
  for (let r = top; r < hdr; r++) {
    const t = view.textCells(r).find((c) => /汇总/.test(c.text));
    if (t) model.name = t.text;
  }
  return model;
}

interface Anchor {
  kind: BlockKind;
  row: number;
}

/** Header rows of every block, top to bottom (a header over two rows is anchored at its second row). */
function findAnchors(view: SheetView): Anchor[] {
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
  return anchors;
}

/** The nearest non-blank row above a header, when it is a goal group's title. */
function groupAbove(view: SheetView, hdr: number, floor: number): { row: number; cell: TextCell } | undefined {
  for (let r = hdr - 1; r >= floor; r--) {
    if (view.isBlank(r)) continue;
    const cell = groupTitle(view, r);
    return cell ? { row: r, cell } : undefined;
  }
  return undefined;
}

function addGroup(view: SheetView, model: ProjectModel, row: number, cell: TextCell): number {
  const title = String(view.sheet.values[row]?.[cell.col] ?? cell.text).trim();
  model.groups.push({ row, col: cell.col, title, weight: statedWeight(cell.text) ?? '0' });
  return model.groups.length - 1;
}

/**
 * A project or department table from anchor `i` on: its funds and task blocks, then its indicator
 * header (and the headers of further goal groups), total and grade. Returns the last anchor it used.
 */
function readProject(
  view: SheetView,
  anchors: Anchor[],
  i: number,
  top: number,
  model: ProjectModel,
): { last: number; end: number } {
  const limitAt = (j: number) => anchors[j]?.row ?? view.rows;
  let j = i;
  let end = anchors[i].row + 1;
  while (j < anchors.length && (anchors[j].kind === 'tasks' || (anchors[j].kind === 'funds' && !model.fundsHeader))) {
    const a = anchors[j];
    end =
      a.kind === 'funds'
        ? readFunds(view, a.row, limitAt(j + 1), model)
        : readTasks(view, a.row, limitAt(j + 1), model);
    j++;
  }
  if (anchors[j]?.kind !== 'indicators') {
    if (!model.total) model.total = identityTotal(view, top, anchors[i].row);
    return { last: j - 1, end };
  }
  // A goal group's title right above the first indicator header; with no funds or task block, up to the table's top.
  const first = groupAbove(view, anchors[j].row, j === i ? top : end);
  let group = first ? addGroup(view, model, first.row, first.cell) : undefined;
  let res = readIndicators(view, anchors[j].row, limitAt(j + 1), model, group);
  while (res.nextGroup && anchors[j + 1]?.kind === 'indicators' && group !== undefined) {
    group = addGroup(view, model, res.stop, res.nextGroup);
    j++;
    res = readIndicators(view, anchors[j].row, limitAt(j + 1), model, group);
  }
  end = readGrade(view, res.stop, limitAt(j + 1), res.end, model);
  if (!model.total) model.total = identityTotal(view, top, anchors[i].row);
  return { last: j, end };
}

/** All tables on a sheet, top to bottom. */
export function locateTables(sheet: Sheet): TableModel[] {
  const view = new SheetView(sheet);
  const anchors = findAnchors(view);
  const tables: TableModel[] = [];
  let floor = 0; // rows above this belong to an earlier table
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    // Where this table starts: the title/identity rows above its first header.
    let top = a.row;
    for (let r = a.row - 1; r >= floor; r--) {
      if (view.isBlank(r)) continue;
      const cells = view.textCells(r);
      if (isTitle(cells) || isIdentity(cells) || a.kind !== 'summary') top = r;
      if (isTitle(cells)) break;
    }
    if (a.kind === 'summary') {
      const m = readSummary(view, a.row, anchors[i + 1]?.row ?? view.rows, top);
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
      tasks: [],
      indicators: [],
      level1Weights: new Map(),
      groups: [],
      scoreExcludesDeduction: false,
    };
    const read = readProject(view, anchors, i, top, model);
    i = read.last;
    const end = read.end;
    const after = anchors[i + 1];
    const limit = after ? after.row : view.rows;
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
