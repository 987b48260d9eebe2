/**
 * A written report's text, as numbered paragraphs: from a .txt file or from a .docx (word/document.xml
 * read with fflate + xmldom). No file system here, so the browser's file mode runs this too.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser, Element, Node } from '@xmldom/xmldom';

export interface Paragraph {
  /** 1-based, counting non-empty paragraphs only (what a reader counts). */
  index: number;
  /** The paragraph as written. */
  text: string;
  /** A table cell or a tab-separated table row: pasted table, not prose. */
  table: boolean;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export class ReportReadError extends Error {}

/** Bytes of a .docx or .txt report → paragraphs. `name` decides the format (and names the file in errors). */
export function readReport(name: string, data: Uint8Array): Paragraph[] {
  if (/\.docx$/i.test(name)) return docxParagraphs(name, data);
  if (/\.txt$/i.test(name) || !/\.[a-z]+$/i.test(name)) return textParagraphs(decodeText(data));
  throw new ReportReadError(`${name}：只能检查 .docx 或 .txt 格式的报告`);
}

function decodeText(data: Uint8Array): string {
  let s = new TextDecoder('utf-8').decode(data);
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s;
}

export function textParagraphs(s: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const line of s.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    out.push({ index: out.length + 1, text: line.trim(), table: line.startsWith('\t') || line.includes('\t') });
  }
  return out;
}

function docxParagraphs(name: string, data: Uint8Array): Paragraph[] {
  let xml: string;
  try {
    const files = unzipSync(data, { filter: (f) => f.name === 'word/document.xml' });
    const doc = files['word/document.xml'];
    if (!doc) throw new Error('no word/document.xml');
    xml = strFromU8(doc);
  } catch {
    throw new ReportReadError(`${name}：不是有效的 .docx 文件（无法读出正文）`);
  }
  const dom = new DOMParser().parseFromString(xml, 'text/xml');
  const ps = dom.getElementsByTagNameNS(W, 'p');
  const out: Paragraph[] = [];
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    let text = '';
    const walk = (n: Node): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        const el = c as Element;
        if (el.namespaceURI === W && el.localName === 't') text += el.textContent ?? '';
        else if (el.namespaceURI === W && el.localName === 'tab') text += '\t';
        else if (el.namespaceURI === W && (el.localName === 'br' || el.localName === 'cr')) text += '\n';
        else if (!(el.namespaceURI === W && el.localName === 'p')) walk(el);
      }
    };
    walk(p);
    if (text.trim() === '') continue;
    let inTable = false;
    for (let a = p.parentNode; a; a = a.parentNode) {
      if ((a as Element).localName === 'tc') inTable = true;
    }
    out.push({ index: out.length + 1, text: text.trim(), table: inTable });
  }
  return out;
}

/** Full-width digits and symbols to ASCII, thousands separators and spaces around numbers removed. */
export function normalize(s: string): string {
  let t = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  t = t.replace(/％/g, '%').replace(/．/g, '.').replace(/＋/g, '+').replace(/－/g, '-');
  t = t.replace(/[\s\u3000]+/g, '');
  // 109,607.51 → 109607.51 (only real thousands groups)
  t = t.replace(/(\d{1,3})((?:,\d{3})+)(?=\D|$)/g, (_m, a: string, b: string) => a + b.replace(/,/g, ''));
  return t;
}
