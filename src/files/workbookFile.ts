// Summary sheets as a workbook file (.xlsx), from the same SheetSpecs the Excel layer writes, so
// the file equals the sheets 生成汇总表 makes: titles and merges, widths, fills and fonts, number
// formats, a frozen header, and print setup (A4, one page wide, the header row on every page, a
// footer with 制表单位, 第 N 页 共 M 页 and the 截至 date).
// exceljs cannot draw charts: the data the charts show is in the sheet as a table.
import {
  CELL_STYLES,
  footerCodes,
  rowHeight,
  type SheetSpec,
  type SpecCell,
  type StyleSpec,
} from '../ledger';
import { exceljs } from './exceljs';

type Worksheet = import('exceljs').Worksheet;

/** Excel's width unit is about one Latin character; a Chinese character takes two. */
export const WIDTH_PER_CHARACTER = 2;
const A4 = 9;
/** A font every Office and LibreOffice install maps to a CJK face. */
const FONT_NAME = '等线';

const HORIZONTAL = { Center: 'center', Left: 'left', Right: 'right' } as const;

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

function paint(cell: import('exceljs').Cell, spec: SpecCell, style: StyleSpec): void {
  cell.value = spec.value;
  cell.numFmt = style.format;
  cell.font = {
    name: FONT_NAME,
    size: style.size ?? 11,
    bold: style.bold ?? false,
    ...(style.font ? { color: { argb: argb(style.font) } } : {}),
  };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  cell.alignment = {
    vertical: 'middle',
    wrapText: style.wrap ?? false,
    ...(style.align ? { horizontal: HORIZONTAL[style.align] } : {}),
  };
}

function writeSheet(sheet: Worksheet, spec: SheetSpec): void {
  const width = spec.widths.length;
  sheet.columns = spec.widths.map((characters) => ({ width: characters * WIDTH_PER_CHARACTER }));
  spec.rows.forEach((specRow, index) => {
    const row = sheet.getRow(index + 1);
    for (let column = 0; column < width; column++) {
      const cell = specRow.cells[column] ?? { value: '', style: 'text' as const };
      if (cell.value === '' && cell.style === 'text' && !specRow.merge) continue;
      paint(row.getCell(column + 1), cell, CELL_STYLES[cell.style]);
    }
    if (specRow.merge) {
      sheet.mergeCells(index + 1, 1, index + 1, width);
      row.height = specRow.cells[0]?.style === 'title' ? 30 : 36;
    } else {
      const height = rowHeight(specRow.cells, spec.widths);
      if (height) row.height = height;
    }
  });
}

/** The footer in the file's codes: &L left, &C centre, &R right. */
function footerOf(spec: SheetSpec): string {
  const { left, center, right } = footerCodes(spec.print.footer);
  return `&L${left}&C${center}&R${right}`;
}

export interface WorkbookFileOptions {
  /** When the summaries were made (the file's creation date). */
  readonly created: Date;
}

/** The sheets as the bytes of an .xlsx file. */
export async function writeWorkbook(
  specs: readonly SheetSpec[],
  options: WorkbookFileOptions,
): Promise<Uint8Array> {
  const ExcelJS = await exceljs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '任务台账';
  workbook.created = options.created;
  workbook.modified = options.created;
  for (const spec of specs) {
    const header = spec.headerRows[0];
    const sheet = workbook.addWorksheet(spec.name, {
      pageSetup: {
        paperSize: A4,
        orientation: spec.print.orientation === 'Landscape' ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: spec.print.fitToPagesWide,
        fitToHeight: 0,
        ...(header !== undefined ? { printTitlesRow: `${header + 1}:${header + 1}` } : {}),
      },
      views: spec.freeze && header !== undefined ? [{ state: 'frozen', ySplit: header + 1 }] : [],
      headerFooter: { oddFooter: footerOf(spec) },
    });
    writeSheet(sheet, spec);
    // A break below a row starts the next row's page.
    for (const row of spec.pageBreaks) sheet.getRow(row).addPageBreak();
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
