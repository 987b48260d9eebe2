/**
 * The checked copy as the original package, patched: only the cells the write plan names change (value,
 * a style = the cell's own style plus the fill, the note), the `校验结果` sheet is added, and the parts
 * that must list them (content types, workbook, its rels, styles, comments, VML, sheet rels). Every
 * other part — charts, drawings, pictures, pivot tables, VBA, properties, untouched sheets — keeps its
 * bytes. XML is edited through a DOM (@xmldom/xmldom), never by pattern matching on the text.
 */
import { Document, Element } from '@xmldom/xmldom';
import { CellValue, NOTE_TAG, PlannedCell, WritePlan, a1, parseA1 } from '../engine';
import { NS, Package, REL, child, children, elementLike, insertInOrder } from './package';

const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const VML = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};
export const NOTE_AUTHOR = '绩效自评助手';

/** The order of a worksheet's children (CT_Worksheet). */
const SHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const STYLES_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Characters XML 1.0 cannot hold at all (control characters) are dropped from written text. */
const clean = (s: string) =>
  [...s]
    .filter((ch) => {
      const c = ch.charCodeAt(0);
      return c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 0xfffe && c !== 0xffff);
    })
    .join('');

function root(doc: Document): Element {
  return doc.documentElement as unknown as Element;
}

function setText(doc: Document, like: Element, parent: Element, text: string): Element {
  const t = elementLike(doc, like, 't');
  const s = clean(text);
  if (/^\s|\s$|\n/.test(s)) t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
  t.appendChild(doc.createTextNode(s));
  parent.appendChild(t);
  return t;
}

/** A note's text as one run (9-point text, as Excel writes notes). */
function noteRun(doc: Document, like: Element, text: string): Element {
  const r = elementLike(doc, like, 'r');
  const rPr = elementLike(doc, like, 'rPr');
  const sz = elementLike(doc, like, 'sz');
  sz.setAttribute('val', '9');
  rPr.appendChild(sz);
  r.appendChild(rPr);
  setText(doc, like, r, text);
  return r;
}

/** The workbook's styles part, extended on demand: fills, number formats, fonts and cell formats. */
class Styles {
  private doc: Document;
  private xfs: Element;
  private cache = new Map<string, number>();
  private fillIds = new Map<string, number>();
  private fmtIds = new Map<string, number>();

  constructor(
    private pkg: Package,
    private part: string,
  ) {
    this.doc = pkg.xml(part);
    const sheet = root(this.doc);
    this.xfs = this.section('cellXfs');
    if (children(this.xfs, 'xf').length === 0) {
      const xf = elementLike(this.doc, sheet, 'xf');
      for (const a of ['numFmtId', 'fontId', 'fillId', 'borderId']) xf.setAttribute(a, '0');
      this.xfs.appendChild(xf);
      this.count(this.xfs);
    }
  }

  private section(local: string): Element {
    const sheet = root(this.doc);
    let el = child(sheet, local);
    if (!el) {
      el = elementLike(this.doc, sheet, local);
      el.setAttribute('count', '0');
      insertInOrder(sheet, el, STYLES_ORDER);
    }
    return el;
  }

  private count(el: Element): number {
    const n = children(el).length;
    el.setAttribute('count', String(n));
    this.pkg.touch(this.part);
    return n;
  }

  fill(rgb: string): number {
    let id = this.fillIds.get(rgb);
    if (id !== undefined) return id;
    const fills = this.section('fills');
    if (children(fills, 'fill').length === 0) {
      // Excel expects the two reserved fills (none, gray125) first.
      for (const p of ['none', 'gray125']) {
        const f = elementLike(this.doc, fills, 'fill');
        const pf = elementLike(this.doc, fills, 'patternFill');
        pf.setAttribute('patternType', p);
        f.appendChild(pf);
        fills.appendChild(f);
      }
    }
    const f = elementLike(this.doc, fills, 'fill');
    const pf = elementLike(this.doc, fills, 'patternFill');
    pf.setAttribute('patternType', 'solid');
    const fg = elementLike(this.doc, fills, 'fgColor');
    fg.setAttribute('rgb', `FF${rgb.toUpperCase()}`);
    const bg = elementLike(this.doc, fills, 'bgColor');
    bg.setAttribute('indexed', '64');
    pf.appendChild(fg);
    pf.appendChild(bg);
    f.appendChild(pf);
    fills.appendChild(f);
    id = this.count(fills) - 1;
    this.fillIds.set(rgb, id);
    return id;
  }

  numFmt(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const id = this.fmtIds.get(code);
    if (id !== undefined) return id;
    const fmts = this.section('numFmts');
    let max = 163;
    for (const f of children(fmts, 'numFmt')) {
      const n = Number(f.getAttribute('numFmtId'));
      if (f.getAttribute('formatCode') === code) {
        this.fmtIds.set(code, n);
        return n;
      }
      if (n > max) max = n;
    }
    const f = elementLike(this.doc, fmts, 'numFmt');
    f.setAttribute('numFmtId', String(max + 1));
    f.setAttribute('formatCode', code);
    fmts.appendChild(f);
    this.count(fmts);
    this.fmtIds.set(code, max + 1);
    return max + 1;
  }

  /** A bold copy of the default font. */
  boldFont(): number {
    const fonts = this.section('fonts');
    const base = children(fonts, 'font')[0];
    const font = base ? (base.cloneNode(true) as Element) : elementLike(this.doc, fonts, 'font');
    const b = elementLike(this.doc, fonts, 'b');
    font.insertBefore(b, font.firstChild);
    fonts.appendChild(font);
    return this.count(fonts) - 1;
  }

  /** The cell format `s` with a fill, number format or font added (a new xf, shared by equal requests). */
  derive(s: number, change: { fill?: string; numFmt?: string; font?: number }): number {
    const key = `${s}|${change.fill ?? ''}|${change.numFmt ?? ''}|${change.font ?? ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const list = children(this.xfs, 'xf');
    const xf = (list[s] ?? list[0]).cloneNode(true) as Element;
    if (change.fill) {
      xf.setAttribute('fillId', String(this.fill(change.fill)));
      xf.setAttribute('applyFill', '1');
    }
    if (change.numFmt) {
      xf.setAttribute('numFmtId', String(this.numFmt(change.numFmt)));
      xf.setAttribute('applyNumberFormat', '1');
    }
    if (change.font !== undefined) {
      xf.setAttribute('fontId', String(change.font));
      xf.setAttribute('applyFont', '1');
    }
    this.xfs.appendChild(xf);
    const id = this.count(this.xfs) - 1;
    this.cache.set(key, id);
    return id;
  }
}

/** One worksheet's cells, indexed by row and column (missing r attributes made explicit). */
class SheetCells {
  private rows = new Map<number, Element>();
  private sheetData: Element;

  constructor(
    private doc: Document,
    ws: Element,
  ) {
    let sd = child(ws, 'sheetData');
    if (!sd) {
      sd = elementLike(doc, ws, 'sheetData');
      insertInOrder(ws, sd, SHEET_ORDER);
    }
    this.sheetData = sd;
    let r = 0;
    for (const row of children(sd, 'row')) {
      const given = row.getAttribute('r');
      r = given ? Number(given) : r + 1;
      if (!given) row.setAttribute('r', String(r));
      this.rows.set(r, row);
      let c = 0;
      for (const cell of children(row, 'c')) {
        const ref = cell.getAttribute('r');
        if (ref) c = parseA1(ref).col + 1;
        else {
          c += 1;
          cell.setAttribute('r', a1(r - 1, c - 1));
        }
      }
    }
  }

  /** Every `c` element (for the shared-formula scan). */
  all(): Element[] {
    const out: Element[] = [];
    for (const row of this.rows.values()) out.push(...children(row, 'c'));
    return out;
  }

  cell(row: number, col: number): Element {
    const r = row + 1;
    let rowEl = this.rows.get(r);
    if (!rowEl) {
      rowEl = elementLike(this.doc, this.sheetData, 'row');
      rowEl.setAttribute('r', String(r));
      const after = [...this.rows.keys()].filter((k) => k > r).sort((a, b) => a - b)[0];
      if (after !== undefined) this.sheetData.insertBefore(rowEl, this.rows.get(after)!);
      else this.sheetData.appendChild(rowEl);
      this.rows.set(r, rowEl);
    }
    const ref = a1(row, col);
    let next: Element | undefined;
    for (const c of children(rowEl, 'c')) {
      const cr = c.getAttribute('r')!;
      if (cr === ref) return c;
      if (!next && parseA1(cr).col > col) next = c;
    }
    const c = elementLike(this.doc, rowEl, 'c');
    c.setAttribute('r', ref);
    if (next) rowEl.insertBefore(c, next);
    else {
      const ext = child(rowEl, 'extLst');
      if (ext) rowEl.insertBefore(c, ext);
      else rowEl.appendChild(c);
    }
    const spans = rowEl.getAttribute('spans');
    if (spans && /^\d+:\d+$/.test(spans)) {
      const [lo, hi] = spans.split(':').map(Number);
      if (col + 1 < lo || col + 1 > hi)
        rowEl.setAttribute('spans', `${Math.min(lo, col + 1)}:${Math.max(hi, col + 1)}`);
    }
    return c;
  }
}

interface NoteWrite {
  row: number;
  col: number;
  ref: string;
  text: string;
}

export interface PatchResult {
  bytes: Uint8Array;
  /** The workbook is macro-enabled (its copy is an .xlsm). */
  macros: boolean;
}

/**
 * Apply a write plan to a package. `formulaOf(sheet, A1)` gives a cell's formula text as the reader
 * expanded it (for cells that shared a formula with a cell whose formula is replaced by a value).
 */
export function patchPackage(
  bytes: Uint8Array,
  plan: WritePlan,
  formulaOf: (sheet: string, cell: string) => string | undefined = () => undefined,
): PatchResult {
  const pkg = Package.read(bytes);
  const officeDoc = pkg.rels('').find((r) => r.type.endsWith('/officeDocument'));
  if (!officeDoc) throw new Error('not an OOXML workbook');
  const wbPart = officeDoc.target;
  const wbDoc = pkg.xml(wbPart);
  const wbRoot = root(wbDoc);
  if (wbRoot.namespaceURI !== NS.main) throw new Error('not a transitional SpreadsheetML workbook');
  const wbRels = pkg.rels(wbPart);
  const sheetsEl = child(wbRoot, 'sheets');
  if (!sheetsEl) throw new Error('workbook without sheets');
  const sheetPart = new Map<string, string>();
  for (const s of children(sheetsEl, 'sheet')) {
    const id = s.getAttributeNS(NS.r, 'id') ?? '';
    const rel = wbRels.find((r) => r.id === id);
    if (rel) sheetPart.set(s.getAttribute('name') ?? '', rel.target);
  }
  let stylesPart = wbRels.find((r) => r.type.endsWith('/styles'))?.target;
  let styles: Styles | undefined;
  const getStyles = (): Styles => {
    if (!styles) {
      if (!stylesPart) {
        const dir = wbPart.includes('/') ? wbPart.slice(0, wbPart.lastIndexOf('/') + 1) : '';
        stylesPart = pkg.has(`${dir}styles.xml`) ? pkg.freeName(`${dir}styles`, '.xml') : `${dir}styles.xml`;
        pkg.putXml(
          stylesPart,
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
        );
        pkg.addRel(wbPart, `${REL}styles`, stylesPart);
        pkg.addOverride(stylesPart, CT.styles);
      }
      styles = new Styles(pkg, stylesPart);
    }
    return styles;
  };

  let formulaRemoved = false;
  const bySheet = new Map<string, PlannedCell[]>();
  for (const p of plan.cells) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
  let sheetIndex = 0;
  for (const [name, cells] of bySheet) {
    sheetIndex++;
    const part = sheetPart.get(name);
    if (!part || !pkg.has(part) || name === plan.resultsSheet.name) continue;
    const doc = pkg.xml(part);
    const ws = root(doc);
    const index = new SheetCells(doc, ws);
    const notes: NoteWrite[] = [];
    for (const p of cells) {
      const c = index.cell(p.row, p.col);
      if ('value' in p && p.value !== undefined) {
        if (setValue(doc, c, p.value, index, (addr) => formulaOf(name, addr))) formulaRemoved = true;
      }
      if (p.fill || p.numFmt) {
        const s = Number(c.getAttribute('s') ?? 0) || 0;
        c.setAttribute('s', String(getStyles().derive(s, { fill: p.fill, numFmt: p.numFmt })));
      }
      if (p.note !== undefined) notes.push({ row: p.row, col: p.col, ref: p.cell, text: p.note });
    }
    if (notes.length) writeNotes(pkg, part, doc, ws, notes, sheetIndex);
    pkg.touch(part);
  }

  writeResultsSheet(pkg, plan, wbPart, wbDoc, sheetsEl, sheetPart, getStyles);

  if (formulaRemoved) {
    // Excel's calculation chain lists formula cells: one that lists a cell without a formula makes
    // Excel repair the file. Excel rebuilds the chain on its own when it is missing.
    const chain = pkg.rels(wbPart).find((r) => r.type.endsWith('/calcChain'));
    if (chain) {
      pkg.removeRel(wbPart, chain.id);
      pkg.remove(chain.target);
      pkg.removeOverride(chain.target);
    }
  }
  return { bytes: pkg.write(), macros: /macroEnabled/i.test(pkg.contentType(wbPart) ?? '') };
}

/**
 * Write a value into a cell: its formula (if any) goes, the value is a number, boolean or inline string.
 * Returns true when a formula was removed.
 */
function setValue(
  doc: Document,
  c: Element,
  value: CellValue,
  index: SheetCells,
  formulaOf: (addr: string) => string | undefined,
): boolean {
  const f = child(c, 'f');
  let removed = false;
  if (f) {
    removed = true;
    const si = f.getAttribute('si');
    if (f.getAttribute('t') === 'shared' && si !== null && (f.textContent ?? '') !== '') {
      // This cell holds the text of a shared formula: the cells that share it get their own text.
      for (const other of index.all()) {
        if (other === c) continue;
        const of = child(other, 'f');
        if (!of || of.getAttribute('t') !== 'shared' || of.getAttribute('si') !== si) continue;
        const text = formulaOf(other.getAttribute('r')!);
        if (text === undefined) continue;
        of.removeAttribute('t');
        of.removeAttribute('si');
        of.removeAttribute('ref');
        while (of.firstChild) of.removeChild(of.firstChild);
        of.appendChild(doc.createTextNode(text));
      }
    }
  }
  for (const k of children(c)) if (k.localName === 'f' || k.localName === 'v' || k.localName === 'is') c.removeChild(k);
  for (const a of ['t', 'cm', 'vm']) c.removeAttribute(a);
  const ext = child(c, 'extLst');
  const add = (el: Element) => (ext ? c.insertBefore(el, ext) : c.appendChild(el));
  if (value === null) return removed;
  if (typeof value === 'string') {
    c.setAttribute('t', 'inlineStr');
    const is = elementLike(doc, c, 'is');
    setText(doc, c, is, value);
    add(is);
    return removed;
  }
  const v = elementLike(doc, c, 'v');
  if (typeof value === 'boolean') {
    c.setAttribute('t', 'b');
    v.appendChild(doc.createTextNode(value ? '1' : '0'));
  } else v.appendChild(doc.createTextNode(String(value)));
  add(v);
  return removed;
}

function textOf(el: Element): string {
  return children(el)
    .flatMap((k) => (k.localName === 't' ? [k] : k.localName === 'r' ? children(k, 't') : []))
    .map((t) => t.textContent ?? '')
    .join('');
}

/** Notes on a sheet: its comments part (created when missing) and the VML shapes Excel draws them with. */
function writeNotes(pkg: Package, part: string, doc: Document, ws: Element, notes: NoteWrite[], sheetIndex: number) {
  const rels = pkg.rels(part);
  let commentsPart = rels.find((r) => r.type.endsWith('/comments'))?.target;
  if (!commentsPart || !pkg.has(commentsPart)) {
    commentsPart = pkg.freeName('xl/comments', '.xml');
    pkg.putXml(
      commentsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"><authors/><commentList/></comments>`,
    );
    pkg.addRel(part, `${REL}comments`, commentsPart);
    pkg.addOverride(commentsPart, CT.comments);
  }
  const cdoc = pkg.xml(commentsPart);
  const croot = root(cdoc);
  let authors = child(croot, 'authors');
  if (!authors) {
    authors = elementLike(cdoc, croot, 'authors');
    croot.insertBefore(authors, croot.firstChild);
  }
  let list = child(croot, 'commentList');
  if (!list) {
    list = elementLike(cdoc, croot, 'commentList');
    croot.insertBefore(list, authors.nextSibling);
  }
  const names = children(authors, 'author');
  let authorId = names.findIndex((a) => a.textContent === NOTE_AUTHOR);
  if (authorId < 0) {
    const a = elementLike(cdoc, croot, 'author');
    a.appendChild(cdoc.createTextNode(NOTE_AUTHOR));
    authors.appendChild(a);
    authorId = names.length;
  }
  const existing = new Map(children(list, 'comment').map((c) => [c.getAttribute('ref') ?? '', c]));
  const fresh: NoteWrite[] = [];
  for (const n of notes) {
    const c = existing.get(n.ref);
    if (c) {
      let text = child(c, 'text');
      const had = text ? textOf(text) : '';
      const own = had.trim();
      if (text && own !== '' && !had.includes(NOTE_TAG) && n.text.startsWith(own)) {
        // The user's note keeps its own runs (and formatting); ours is one more run after it. A plain
        // `<t>` becomes a run first: readers take a text's `<t>` alone when it has one.
        for (const t of children(text, 't')) {
          const run = elementLike(cdoc, croot, 'r');
          text.insertBefore(run, t);
          text.removeChild(t);
          run.appendChild(t);
        }
        const r = noteRun(cdoc, croot, n.text.slice(own.length));
        const after = children(text).find((k) => k.localName === 'rPh' || k.localName === 'phoneticPr');
        if (after) text.insertBefore(r, after);
        else text.appendChild(r);
      } else {
        if (text) c.removeChild(text);
        text = elementLike(cdoc, croot, 'text');
        text.appendChild(noteRun(cdoc, croot, n.text));
        c.insertBefore(text, c.firstChild);
      }
      continue;
    }
    const c2 = elementLike(cdoc, croot, 'comment');
    c2.setAttribute('ref', n.ref);
    c2.setAttribute('authorId', String(authorId));
    const text = elementLike(cdoc, croot, 'text');
    text.appendChild(noteRun(cdoc, croot, n.text));
    c2.appendChild(text);
    // Row by row, then column: the order Excel writes.
    const before = children(list, 'comment').find((x) => {
      const p = parseA1(x.getAttribute('ref') ?? 'A1');
      return p.row > n.row || (p.row === n.row && p.col > n.col);
    });
    if (before) list.insertBefore(c2, before);
    else list.appendChild(c2);
    fresh.push(n);
  }
  pkg.touch(commentsPart);
  if (fresh.length) addNoteShapes(pkg, part, doc, ws, fresh, sheetIndex);
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shapeXml(id: number, n: NoteWrite): string {
  const lines = Math.min(12, Math.max(4, Math.ceil(n.text.length / 24)));
  const anchor = [n.col + 1, 15, Math.max(0, n.row - 1), 10, n.col + 4, 15, Math.max(0, n.row - 1) + lines, 4].join(
    ', ',
  );
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:${lines * 15}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
  );
}

/** VML shapes for new notes: into the sheet's legacy drawing, or a new one. */
function addNoteShapes(pkg: Package, part: string, doc: Document, ws: Element, notes: NoteWrite[], sheetIndex: number) {
  const legacy = child(ws, 'legacyDrawing');
  const rel = legacy ? pkg.rels(part).find((r) => r.id === legacy.getAttributeNS(NS.r, 'id')) : undefined;
  if (rel && pkg.has(rel.target)) {
    let vdoc: Document;
    try {
      vdoc = pkg.xml(rel.target);
    } catch {
      return; // a legacy drawing that is not well-formed XML is left as it is: the notes are in the comments part
    }
    const vroot = root(vdoc);
    let max = 0;
    const shapes = vroot.getElementsByTagNameNS(VML.v, 'shape');
    for (let i = 0; i < shapes.length; i++) {
      const m = /(\d+)$/.exec(shapes[i].getAttribute('id') ?? '');
      if (m) max = Math.max(max, Number(m[1]));
    }
    const types = vroot.getElementsByTagNameNS(VML.v, 'shapetype');
    let hasType = false;
    for (let i = 0; i < types.length; i++) if (types[i].getAttribute('id') === '_x0000_t202') hasType = true;
    const base = max || (1000 + sheetIndex) * 1024;
    const xml =
      `<xml xmlns:v="${VML.v}" xmlns:o="${VML.o}" xmlns:x="${VML.x}">${hasType ? '' : SHAPETYPE}` +
      notes.map((n, i) => shapeXml(base + 1 + i, n)).join('') +
      '</xml>';
    const frag = pkg.parseXml(xml);
    for (const k of children(root(frag))) vroot.appendChild(vdoc.importNode(k, true));
    pkg.touch(rel.target);
    return;
  }
  const vmlPart = pkg.freeName('xl/drawings/vmlDrawing', '.vml');
  const data = 1000 + sheetIndex;
  pkg.put(
    vmlPart,
    `<xml xmlns:v="${VML.v}" xmlns:o="${VML.o}" xmlns:x="${VML.x}"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>${SHAPETYPE}` +
      notes.map((n, i) => shapeXml(data * 1024 + 1 + i, n)).join('') +
      '</xml>',
  );
  pkg.ensureDefault('vml', CT.vml);
  const id = pkg.addRel(part, `${REL}vmlDrawing`, vmlPart);
  if (legacy) ws.removeChild(legacy);
  const el = elementLike(doc, ws, 'legacyDrawing');
  el.setAttributeNS(NS.r, 'r:id', id);
  insertInOrder(ws, el, SHEET_ORDER);
}

function writeResultsSheet(
  pkg: Package,
  plan: WritePlan,
  wbPart: string,
  wbDoc: Document,
  sheetsEl: Element,
  sheetPart: Map<string, string>,
  getStyles: () => Styles,
) {
  const rs = plan.resultsSheet;
  const styles = getStyles();
  const bold = styles.derive(0, { font: styles.boldFont() });
  // Each row's severity cell takes the fill the plan gives it (the one FILLS table of the engine).
  const sevStyle = (i: number): number | null => {
    const fill = rs.fills[i];
    return fill ? styles.derive(0, { fill }) : null;
  };
  const cell = (r: number, c: number, text: string, s: number | null) =>
    `<c r="${a1(r, c)}" t="inlineStr"${s !== null ? ` s="${s}"` : ''}><is><t xml:space="preserve">${esc(clean(text))}</t></is></c>`;
  const rows: string[] = [`<row r="1">${rs.header.map((h, c) => cell(0, c, h, bold)).join('')}</row>`];
  rs.rows.forEach((row, i) => {
    rows.push(`<row r="${i + 2}">${row.map((v, c) => cell(i + 1, c, v, c === 2 ? sevStyle(i) : null)).join('')}</row>`);
  });
  if (rs.rows.length === 0)
    rows.push(`<row r="2">${rs.emptyRow.map((v, c) => (v === '' ? '' : cell(1, c, v, null))).join('')}</row>`);
  const links = rs.links.map((l, i) => {
    const ref = `'${l.sheet.replace(/'/g, "''")}'!${l.cell}`;
    return `<hyperlink ref="B${i + 2}" location="${esc(ref)}" display="${esc(l.cell)}"/>`;
  });
  const widths = [24, 10, 10, 26, 90];
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">` +
    `<dimension ref="A1:E${Math.max(2, rs.rows.length + 1)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const existing = sheetPart.get(rs.name);
  if (existing && pkg.has(existing)) {
    // Checking a checked copy again: the old results sheet is replaced in place.
    pkg.put(existing, xml);
    return;
  }
  const dir = wbPart.includes('/') ? wbPart.slice(0, wbPart.lastIndexOf('/') + 1) : '';
  const part = pkg.freeName(`${dir}worksheets/sheet`, '.xml');
  pkg.put(part, xml);
  pkg.addOverride(part, CT.worksheet);
  const id = pkg.addRel(wbPart, `${REL}worksheet`, part);
  const ids = children(sheetsEl, 'sheet').map((s) => Number(s.getAttribute('sheetId')) || 0);
  const el = elementLike(wbDoc, sheetsEl, 'sheet');
  el.setAttribute('name', rs.name);
  el.setAttribute('sheetId', String(Math.max(0, ...ids) + 1));
  el.setAttributeNS(NS.r, 'r:id', id);
  sheetsEl.appendChild(el);
  pkg.touch(wbPart);
}
