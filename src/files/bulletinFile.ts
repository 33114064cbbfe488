// The 通报 as a Word file laid out after GB/T 9704-2012: A4 portrait, 版心 156 × 225 mm (margins
// top 37, bottom 35, left 28, right 26 mm), 22 lines at an exact pitch of 28 characters, body 三号 (16 pt)
// 仿宋_GB2312, title 二号 (22 pt) 小标宋, 一级标题 黑体, 二级标题 楷体_GB2312, page numbers
// “— 1 —” in 四号 at the foot (odd pages right, even pages left, one character in), each 附件 on
// a page of its own. Fonts a machine lacks fall back through the font table's altName (仿宋,
// 宋体, 楷体), which Word reads. Text goes into runs as text: nothing is parsed as markup.
import {
  bulletinFileName,
  bulletinOf,
  type Bulletin,
  type BulletinOptions,
  type BulletinTable,
  textWidth,
  type SummaryModel,
} from '../ledger';
import { docx } from './docx';
import type { NamedFile } from './zip';

type Docx = Awaited<ReturnType<typeof docx>>;
type Paragraph = import('docx').Paragraph;
type Table = import('docx').Table;

const FANGSONG = '仿宋_GB2312';
const XIAOBIAOSONG = '方正小标宋简体';
const HEITI = '黑体';
const KAITI = '楷体_GB2312';
const SONGTI = '宋体';

/** The fonts the file names, with what Word uses where one is not installed. */
const FONT_TABLE: readonly { name: string; alt?: string; family: string }[] = [
  { name: FANGSONG, alt: '仿宋', family: 'modern' },
  { name: XIAOBIAOSONG, alt: SONGTI, family: 'roman' },
  { name: HEITI, alt: 'SimHei', family: 'modern' },
  { name: KAITI, alt: '楷体', family: 'modern' },
  { name: SONGTI, alt: 'SimSun', family: 'roman' },
];

const fontTableXml = () =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}<w:charset w:val="86"/><w:family w:val="${f.family}"/></w:font>`,
  ).join('') +
  '</w:fonts>';

/** Twentieths of a point per millimetre. */
const MM = 1440 / 25.4;
const mm = (n: number) => Math.round(n * MM);
/** Half-points, as Word sizes type. */
const pt = (n: number) => n * 2;
const BODY = 16;
const TITLE = 22;
const TABLE_TYPE = 12;
/** 225 mm ÷ 22 lines, in twentieths of a point, rounded down (580 × 22 overruns the 版心: 21 lines). */
const LINE = Math.floor(mm(225) / 22);
const TEXT_WIDTH = mm(156);
/**
 * Body type set 0.25 pt closer, so 28 characters fill the 156 mm line (16 pt each would fit 27.6).
 * Lines start flush left and are not justified: a line ending before a group that cannot break
 * (（30.0%）, 2026年) would have its characters spread apart; this way it ends a little short.
 */
const CONDENSE = -5;
/** One character of body type, in twips. */
const PITCH = BODY * 20 + CONDENSE;
/** Two characters of body type: the first-line indent. */
const INDENT = PITCH * 2;

const fontOf = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** A cell's side margins (60 twips each) and a little slack for the font's own spacing. */
const CELL_PADDING = 2 * 60 + 20;
/** A column whose every cell is at most this many characters is a column of words: never broken. */
const WORD_COLUMN = 12;
/** A column of running text keeps this many characters a line: fewer reads as a column of syllables. */
const RUNNING_LINE = 6;

/** Width in characters as Word and LibreOffice set it: a quarter space where digits meet Chinese. */
const setWidth = (text: string) =>
  textWidth(text) +
  0.25 * (text.match(/[\x21-\x7e](?=[\u2e80-\uffff])|[\u2e80-\uffff](?=[\x21-\x7e])/gu) ?? []).length;

/**
 * Column widths in twips: the table's relative widths, but a column of short words (类别, 状态,
 * unit names, dates) at least as wide as its longest cell, so 市直部门 or 伊通满族自治县人民政府 never
 * breaks; the room comes out of the columns of running text (工作任务, 存在问题), which wrap anyway
 * but keep RUNNING_LINE characters a line.
 * Where the page cannot hold every word column whole, the widest of them wraps after all.
 */
function columnWidths(t: BulletinTable): number[] {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const base = t.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const twips = (chars: number) => Math.ceil(chars * TABLE_TYPE * 20) + CELL_PADDING;
  const widest = base.map((_, i) =>
    Math.max(...[t.header, ...t.rows].flatMap((r) => (r[i] ?? '').split(/\r\n?|\n/u)).map(setWidth)),
  );
  const need = widest.map((w, i) =>
    twips(w <= WORD_COLUMN ? w : Math.max(setWidth(t.header[i]), Math.min(w, RUNNING_LINE))),
  );
  const halved = new Set<number>();
  for (;;) {
    const wanted = base.map((b, i) => Math.max(b, need[i]));
    const excess = wanted.reduce((a, b) => a + b, 0) - TEXT_WIDTH;
    const room = wanted.reduce((a, w, i) => a + w - need[i], 0);
    if (excess <= room)
      return wanted.map((w, i) => (excess > 0 ? Math.floor(w - (excess * (w - need[i])) / room) : w));
    // A name wraps to two lines well; a date broken reads badly, so dates wrap last.
    const words = need.map((n, i) =>
      widest[i] <= WORD_COLUMN &&
      !halved.has(i) &&
      n > twips(setWidth(t.header[i])) &&
      !t.rows.some((r) => /\d年\d/u.test(r[i] ?? ''))
        ? n
        : 0,
    );
    const drop = words.indexOf(Math.max(...words));
    if (words[drop] === 0) return base;
    halved.add(drop);
    need[drop] = twips(Math.max(setWidth(t.header[drop]), Math.ceil(widest[drop] / 2)));
  }
}

/** The parts of docx the layout uses, bound once per file. */
function writer(d: Docx) {
  const exact = { line: LINE, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 };
  const run = (text: string, font = FANGSONG, size = BODY, bold = false, lineBreakBefore = false) =>
    new d.TextRun({
      text,
      break: lineBreakBefore ? 1 : undefined,
      font: fontOf(font),
      size: pt(size),
      bold,
      characterSpacing: size === BODY ? CONDENSE : undefined,
    });
  const paragraph = (
    text: string,
    options: {
      font?: string;
      size?: number;
      bold?: boolean;
      align?: (typeof d.AlignmentType)[keyof typeof d.AlignmentType];
      indent?: { firstLine?: number; left?: number; right?: number };
      pageBreakBefore?: boolean;
      keepNext?: boolean;
      spacing?: { line: number; lineRule: (typeof d.LineRuleType)[keyof typeof d.LineRuleType] };
    } = {},
  ): Paragraph =>
    new d.Paragraph({
      // A line break (\n) in the text starts a new line within the paragraph.
      children: text.split('\n').map((line, i) => run(line, options.font, options.size, options.bold, i > 0)),
      alignment: options.align ?? d.AlignmentType.LEFT,
      indent: options.indent ?? { firstLine: INDENT },
      spacing: { ...exact, ...options.spacing },
      pageBreakBefore: options.pageBreakBefore,
      keepNext: options.keepNext,
    });
  /** Columns under a fifth of the width (numbers, short words, dates) are centred; wider ones read from the left. */
  const cell = (text: string, width: number, header: boolean) =>
    new d.TableCell({
      width: { size: width, type: d.WidthType.DXA },
      verticalAlign: d.VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: text.split(/\r\n?|\n/u).map(
        (line) =>
          new d.Paragraph({
            children: [run(line, header ? HEITI : FANGSONG, TABLE_TYPE)],
            alignment: header || width < TEXT_WIDTH * 0.19 ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
            spacing: { line: 320, lineRule: d.LineRuleType.AT_LEAST, before: 0, after: 0 },
          }),
      ),
    });
  const table = (t: BulletinTable): Table => {
    const widths = columnWidths(t);
    return new d.Table({
      width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
      columnWidths: widths,
      layout: d.TableLayoutType.FIXED,
      rows: [
        // The header row repeats on every page the table runs onto.
        new d.TableRow({
          tableHeader: true,
          cantSplit: true,
          children: t.header.map((h, i) => cell(h, widths[i], true)),
        }),
        ...t.rows.map(
          (r) => new d.TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i], false)) }),
        ),
      ],
    });
  };
  const pageNumber = (align: 'right' | 'left') =>
    new d.Footer({
      children: [
        new d.Paragraph({
          alignment: align === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          indent: align === 'right' ? { right: 280 } : { left: 280 },
          children: [
            new d.TextRun({
              children: ['— ', d.PageNumber.CURRENT, ' —'],
              font: fontOf(SONGTI),
              size: pt(14),
            }),
          ],
        }),
      ],
    });
  return { paragraph, table, pageNumber };
}

/** Characters of 二号 type on a line of the 版心 (156 mm ÷ 22 pt). */
const TITLE_LINE = 20;

/**
 * The title broken where GB/T 9704 wants it, between its parts and never inside a word: the 截至
 * date on a line of its own, and 关于《…》 apart from 推进情况的通报 when the two do not fit one line.
 */
function titleLines(title: string): string {
  const dated = /^(.*?)(（截至[^（）]*）)$/u.exec(title);
  const head = dated ? dated[1] : title;
  const named = /^(关于《.*》)(.+)$/u.exec(head);
  const headLines = named && head.length > TITLE_LINE ? `${named[1]}\n${named[2]}` : head;
  return dated ? `${headLines}\n${dated[2]}` : headLines;
}

/** The document's paragraphs and tables, in reading order. */
function body(d: Docx, bulletin: Bulletin): (Paragraph | Table)[] {
  const w = writer(d);
  const { masthead } = bulletin;
  const centered = { align: d.AlignmentType.CENTER, indent: {} };
  const out: (Paragraph | Table)[] = [];
  if (masthead.issuer)
    out.push(w.paragraph(masthead.issuer, { ...centered, font: XIAOBIAOSONG, size: TITLE }));
  out.push(
    new d.Paragraph({
      // 期号 left, date right, over a red rule: the 版头 of a 通报.
      tabStops: [{ type: d.TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: { style: d.BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 } },
      spacing: { line: LINE, lineRule: d.LineRuleType.EXACT, after: LINE },
      children: [
        new d.TextRun({ text: masthead.issue, font: fontOf(FANGSONG), size: pt(BODY) }),
        new d.TextRun({ children: [new d.Tab(), masthead.date], font: fontOf(FANGSONG), size: pt(BODY) }),
      ],
    }),
    w.paragraph(titleLines(bulletin.title), {
      ...centered,
      font: XIAOBIAOSONG,
      size: TITLE,
      bold: true,
      // Two lines of 22 pt need more than the body's line pitch.
      spacing: { line: 700, lineRule: d.LineRuleType.EXACT },
    }),
    w.paragraph('', { indent: {} }),
    w.paragraph(bulletin.recipients, { indent: {} }),
    w.paragraph(bulletin.lead),
  );
  for (const section of bulletin.sections) {
    out.push(w.paragraph(section.heading, { font: HEITI, keepNext: true }));
    for (const block of section.blocks) {
      if (block.kind === 'table') out.push(w.table(block.table), w.paragraph(''));
      else if (block.kind === 'subheading')
        out.push(w.paragraph(block.text, { font: KAITI, keepNext: true }));
      else out.push(w.paragraph(block.text));
    }
  }
  out.push(w.paragraph(''));
  bulletin.attachments.forEach((a, i) =>
    out.push(
      w.paragraph(`${i === 0 ? '附件：' : ''}${i + 1}. ${a.title}`, {
        // The second title lines up under the first, after 附件：.
        indent: { left: INDENT + (i === 0 ? 0 : PITCH * 3) },
      }),
    ),
  );
  out.push(w.paragraph(''), w.paragraph(''));
  for (const line of [bulletin.signature.unit, bulletin.signature.date].filter(Boolean))
    out.push(w.paragraph(line, { align: d.AlignmentType.RIGHT, indent: { right: INDENT * 2 } }));
  for (const a of bulletin.attachments) {
    out.push(
      w.paragraph(a.label, { font: HEITI, indent: {}, pageBreakBefore: true }),
      w.paragraph(a.title, { ...centered, font: XIAOBIAOSONG, size: TITLE, bold: true, keepNext: true }),
      w.paragraph('', { indent: {} }),
      a.table.rows.length ? w.table(a.table) : w.paragraph(a.empty),
    );
  }
  return out;
}

/** The 通报 as the bytes of a .docx file. */
export async function writeBulletin(bulletin: Bulletin): Promise<Uint8Array> {
  const d = await docx();
  const w = writer(d);
  const document = new d.Document({
    creator: '任务台账',
    title: bulletin.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: fontOf(FANGSONG), size: pt(BODY) } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297), orientation: d.PageOrientation.PORTRAIT },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              header: mm(15),
              footer: mm(24),
            },
          },
        },
        footers: { default: w.pageNumber('right'), even: w.pageNumber('left') },
        children: body(d, bulletin),
      },
    ],
  });
  return d.Packer.pack(document, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

/** The 通报 of a report as a named file, with the model it was written from (for its text forms). */
export async function bulletinFile(
  model: SummaryModel,
  options: BulletinOptions,
): Promise<NamedFile & { readonly bulletin: Bulletin }> {
  const bulletin = bulletinOf(model, options);
  return {
    name: bulletinFileName(model.asOf, model.names.title),
    bytes: await writeBulletin(bulletin),
    bulletin,
  };
}
