// A sheet of the simulated workbook written as an .xlsx, as Excel would save it, so LibreOffice
// can print what the add-in set up in Excel: values, number formats, wrap, bold and size, column
// widths, merges, and the page layout (orientation, zoom, print titles, print order, manual
// column breaks, footer). Rows get the height Excel's autofit gives wrapped text, since
// LibreOffice does not size them on opening. exceljs cannot write column breaks; they are put
// into the sheet's XML afterwards.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ExcelSim } from '../../src/excel-sim';
import { LINE_HEIGHT, MAX_ROW_HEIGHT, wrappedLines } from '../../src/ledger';

/** Points of column width per Chinese character (the add-in's POINTS_PER_CHARACTER). */
const POINTS_PER_CHARACTER = 12;
/**
 * LibreOffice here prints one xlsx width unit as 7 pt (the default font's digit, with the CJK
 * fallback font), measured from the PDF's column edges: widths are written so that each column
 * prints at the points Excel gives it.
 */
const POINTS_PER_UNIT = 7;

const letter = (column: string) => column.replace(/\$/gu, '');

export async function simSheetFile(sim: ExcelSim, sheetName: string): Promise<Uint8Array> {
  const model = sim.sheet(sheetName);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  const widths = new Map<number, number>();
  for (const [column, points] of model.columnWidths) {
    widths.set(column, points / POINTS_PER_CHARACTER);
    sheet.getColumn(column + 1).width = points / POINTS_PER_UNIT;
  }
  const lines = new Map<number, number>();
  for (const [key, cell] of model.cells) {
    const [row, column] = key.split(',').map(Number);
    const target = sheet.getCell(row + 1, column + 1);
    if (cell.formula !== null)
      target.value = { formula: cell.formula.replace(/^=/u, ''), result: cell.value };
    else if (cell.value !== '') target.value = cell.value;
    if (cell.numberFormat !== 'General') target.numFmt = cell.numberFormat;
    const f = cell.format;
    target.font = { name: 'Calibri', size: f.fontSize ?? 11, bold: f.bold ?? false };
    target.alignment = { wrapText: f.wrapText ?? false, vertical: 'top' };
    if (f.wrapText && typeof cell.value === 'string' && cell.value) {
      // Less a character and a half for the cell padding, as Excel's autofit leaves it.
      const needed = wrappedLines(cell.value, (widths.get(column) ?? 4) - 1.5);
      lines.set(row, Math.max(lines.get(row) ?? 1, needed));
    }
  }
  for (const m of model.merges)
    sheet.mergeCells(m.row + 1, m.column + 1, m.row + m.rowCount, m.column + m.columnCount);
  for (let row = 0; row < sheet.rowCount; row++) {
    const set = model.rowHeights.get(row);
    const wrapped = lines.get(row);
    if (set !== undefined) sheet.getRow(row + 1).height = set;
    else if (wrapped && wrapped > 1)
      sheet.getRow(row + 1).height = Math.min(wrapped * LINE_HEIGHT, MAX_ROW_HEIGHT);
  }
  const layout = model.pageLayout;
  sheet.pageSetup = {
    orientation: layout.orientation === 'Landscape' ? 'landscape' : 'portrait',
    paperSize: layout.paperSize === 'A4' ? 9 : undefined,
    horizontalCentered: layout.centerHorizontally,
    // Excel's Normal margins, which a sheet the add-in makes keeps.
    margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    pageOrder: layout.printOrder === 'OverThenDown' ? 'overThenDown' : 'downThenOver',
    ...(layout.fitToPagesWide !== null
      ? { fitToPage: true, fitToWidth: layout.fitToPagesWide, fitToHeight: layout.fitToPagesTall ?? 0 }
      : { scale: layout.scale ?? 100 }),
    ...(layout.printTitleRows ? { printTitlesRow: layout.printTitleRows.replace(/\$/gu, '') } : {}),
    ...(layout.printTitleColumns ? { printTitlesColumn: letter(layout.printTitleColumns) } : {}),
  };
  const footer = layout.footer;
  if (footer.center || footer.left || footer.right)
    sheet.headerFooter.oddFooter = `&L${footer.left}&C${footer.center}&R${footer.right}`;
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  if (!layout.columnBreaks.length) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)!.async('string');
  const breaks = layout.columnBreaks.map((column) => `<brk id="${column}" max="1048575" man="1"/>`).join('');
  const colBreaks = `<colBreaks count="${layout.columnBreaks.length}" manualBreakCount="${layout.columnBreaks.length}">${breaks}</colBreaks>`;
  // colBreaks follows rowBreaks and precedes the drawing and table parts in CT_Worksheet.
  const at = xml.search(/<(drawing|legacyDrawing|tableParts|extLst)\b|<\/worksheet>/u);
  zip.file(path, xml.slice(0, at) + colBreaks + xml.slice(at));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}
