// How tall a printed row of wrapped text is, shared by the summary specs (which say when a row is
// cut) and the file writers (which set the height, since LibreOffice does not size rows itself).
import { CELL_STYLES } from './cellStyles';
import type { SpecCell } from './sheetSpecs';

/** Points a line of 11 pt type takes. */
export const LINE_HEIGHT = 15;

/**
 * Excel's tallest row. A taller one is cut to it by Excel, and LibreOffice leaves a row taller
 * than the page out of the printout altogether, task and all.
 */
export const MAX_ROW_HEIGHT = 409;

/** Width of a text in Chinese characters: a Latin letter or digit is about half of one. */
export const textWidth = (text: string) =>
  Array.from(text).reduce((sum, c) => sum + (c.charCodeAt(0) < 0x2e80 ? 0.55 : 1), 0);

/** Lines a text takes wrapped in a column of the given width (in Chinese characters). */
export const wrappedLines = (text: string, width: number) =>
  text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / width)), 0);

/** The height (pt) a row's text needs, before any cap; null when one line is enough. */
export function neededHeight(cells: readonly SpecCell[], widths: readonly number[]): number | null {
  const linesOf = (cell: SpecCell, column: number) =>
    CELL_STYLES[cell.style].wrap && typeof cell.value === 'string'
      ? wrappedLines(cell.value, widths[column])
      : 1;
  const lines = Math.max(1, ...cells.map(linesOf));
  return lines > 1 ? lines * LINE_HEIGHT : null;
}

/** The height to give a row: what its text needs, at most Excel's tallest row; null for one line. */
export function rowHeight(cells: readonly SpecCell[], widths: readonly number[]): number | null {
  const needed = neededHeight(cells, widths);
  return needed === null ? null : Math.min(needed, MAX_ROW_HEIGHT);
}
