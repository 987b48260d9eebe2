/**
 * Draft blocks → .docx bytes with the `docx` package, in the GB/T 9704-2012 format: A4, top margin
 * 37 mm, binding (left) margin 28 mm, text block 156 × 225 mm, 22 lines of 28 characters; body 3号
 * 仿宋_GB2312; title 2号 小标宋; 一、 in 黑体, （一） in 楷体_GB2312, 1. in 仿宋; page numbers 4号 宋体
 * "— 1 —", odd pages right, even pages left. Fonts are settings; every run names its East Asian font.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { Block, Run, cnNumber } from './outline';

export interface DocxFonts {
  title: string;
  body: string;
  heading1: string;
  heading2: string;
  pageNumber: string;
  /** Digits and Latin letters. */
  latin: string;
}

export const DEFAULT_FONTS: DocxFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 24 };

/** 225 mm ÷ 22 lines = 28.95 pt a line (exact), in twentieths of a point. */
export const LINE_TWIPS = 579;

export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 };

function font(east: string, fonts: DocxFonts) {
  // hint: quotation marks and other shared punctuation take the East Asian font (“ ” not Latin quotes).
  return { eastAsia: east, ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin, hint: 'eastAsia' } as const;
}

/** Curly quotes are "shared" characters: a run of their own, every script slot in the East Asian font. */
function pieces(text: string): string[] {
  return text.split(/([“”‘’])/).filter((x) => x !== '');
}

function runs(rs: Run[], east: string, fonts: DocxFonts, size: number): TextRun[] {
  const out: TextRun[] = [];
  for (const r of rs) {
    const text = 'text' in r ? r.text : 'mark' in r ? r.mark : r.placeholder;
    const flagged = !('text' in r);
    for (const piece of pieces(text)) {
      const f = /^[“”‘’]$/.test(piece)
        ? { eastAsia: east, ascii: east, hAnsi: east, cs: east, hint: 'eastAsia' as const }
        : font(east, fonts);
      out.push(
        new TextRun({
          text: piece,
          font: f,
          size,
          highlight: flagged ? HighlightColor.YELLOW : undefined,
          bold: 'mark' in r ? true : undefined,
        }),
      );
    }
  }
  return out;
}

const line = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function pageFooter(fonts: DocxFonts, align: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  const f = font(fonts.pageNumber, fonts);
  return new Footer({
    children: [
      new Paragraph({
        alignment: align,
        // 单页码居右空一字，双页码居左空一字 (one 4号 character = 280 twips).
        indent: align === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({ text: '— ', font: f, size: SIZES.pageNumber }),
          new TextRun({ children: [PageNumber.CURRENT], font: f, size: SIZES.pageNumber }),
          new TextRun({ text: ' —', font: f, size: SIZES.pageNumber }),
        ],
      }),
    ],
  });
}

function table(header: string[], rows: string[][], fonts: DocxFonts): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, bold = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              text,
              font: font(fonts.body, fonts),
              size: SIZES.table,
              bold,
              highlight: /【/.test(text) ? HighlightColor.YELLOW : undefined,
            }),
          ],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

export async function writeDocx(blocks: Block[], fonts: DocxFonts = DEFAULT_FONTS): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  const counters = [0, 0, 0];
  for (const b of blocks) {
    if (b.kind === 'title') {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: LINE_TWIPS * 1.2, lineRule: LineRuleType.EXACT, before: 0, after: LINE_TWIPS },
          children: runs([{ text: b.text }], fonts.title, fonts, SIZES.title),
        }),
      );
    } else if (b.kind === 'heading') {
      counters[b.level - 1]++;
      for (let k = b.level; k < counters.length; k++) counters[k] = 0;
      const n = counters[b.level - 1];
      const label = b.level === 1 ? `${cnNumber(n)}、` : b.level === 2 ? `（${cnNumber(n)}）` : `${n}.`;
      const east = b.level === 1 ? fonts.heading1 : b.level === 2 ? fonts.heading2 : fonts.body;
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: line,
          keepNext: true,
          children: runs([{ text: label + b.text }], east, fonts, SIZES.body),
        }),
      );
    } else if (b.kind === 'p') {
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          alignment: AlignmentType.JUSTIFIED,
          spacing: line,
          children: runs(b.runs, fonts.body, fonts, SIZES.body),
        }),
      );
    } else if (b.kind === 'attachment') {
      children.push(
        new Paragraph({
          pageBreakBefore: true,
          spacing: line,
          children: runs([{ text: b.title }], fonts.heading1, fonts, SIZES.body),
        }),
      );
    } else {
      children.push(table(b.header, b.rows, fonts));
      children.push(new Paragraph({ spacing: line, children: runs([{ text: '' }], fonts.body, fonts, SIZES.body) }));
    }
  }
  const doc = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(fonts.body, fonts), size: SIZES.body }, paragraph: { spacing: line } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(MARGINS_MM.top),
              bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
              left: convertMillimetersToTwip(MARGINS_MM.left),
              right: convertMillimetersToTwip(MARGINS_MM.right),
              footer: convertMillimetersToTwip(28),
            },
          },
        },
        footers: { default: pageFooter(fonts, AlignmentType.RIGHT), even: pageFooter(fonts, AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}
