// Where a ledger cell is on the sheet, so every message cites Excel's own row numbers and
// cell addresses, never an index into the table.

/** Where the table sits: 0-based sheet row of its header, 0-based sheet column of its first column. */
export interface SheetPlace {
  readonly headerRow: number;
  readonly firstColumn: number;
}

/** A table whose header is row 1 at column A: what a ledger read without a sheet means. */
export const TABLE_AT_A1: SheetPlace = { headerRow: 0, firstColumn: 0 };

/** Column letters from a 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel's 1-based row number of a data row (-1 is the header row). */
export function sheetRowNumber(place: SheetPlace, row: number): number {
  return place.headerRow + 2 + row;
}

/** The address of a table cell, such as D7 (row -1 is the header row). */
export function cellRef(place: SheetPlace, row: number, column: number): string {
  return `${columnLetter(place.firstColumn + column)}${sheetRowNumber(place, row)}`;
}

/** A block of cells by 0-based sheet row and column. */
export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n - 1;
}

/** 'D27', 'B5:D7' or '任务台账!D27' as a block; null for anything else (whole rows, columns, names). */
export function blockOf(address: string): CellBlock | null {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(local.trim());
  if (!match) return null;
  const [c1, r1] = [columnIndex(match[1]), Number(match[2]) - 1];
  const [c2, r2] = match[3] ? [columnIndex(match[3]), Number(match[4]) - 1] : [c1, r1];
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 };
}

export function blockContains(outer: CellBlock, inner: CellBlock): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
}

/** The smallest block holding all the given blocks (null for none). */
export function blockAround(blocks: readonly CellBlock[]): CellBlock | null {
  if (blocks.length === 0) return null;
  const row = Math.min(...blocks.map((b) => b.row));
  const column = Math.min(...blocks.map((b) => b.column));
  const bottom = Math.max(...blocks.map((b) => b.row + b.rowCount));
  const right = Math.max(...blocks.map((b) => b.column + b.columnCount));
  return { row, column, rowCount: bottom - row, columnCount: right - column };
}

/** Where a table's body is on its sheet: what a change's address is measured against. */
export interface TableFrame {
  /** 0-based sheet row of the header row. */
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly columnCount: number;
  /** Data rows. */
  readonly rowCount: number;
}

/**
 * The body rows (0-based, ascending) that changes at these addresses touched, when they are few
 * and all inside the body's columns and rows; null when any touches the header, lies outside the
 * body (the table grew or a row moved in), cannot be read, or they name more than `limit` rows:
 * then only a whole read can say what changed.
 */
export function changedBodyRows(
  frame: TableFrame,
  addresses: readonly string[],
  limit: number,
): number[] | null {
  const rows = new Set<number>();
  for (const address of addresses) {
    const block = blockOf(address);
    if (!block) return null;
    const first = block.row - frame.headerRow - 1;
    const inside =
      first >= 0 &&
      first + block.rowCount <= frame.rowCount &&
      block.column >= frame.firstColumn &&
      block.column + block.columnCount <= frame.firstColumn + frame.columnCount;
    if (!inside || rows.size + block.rowCount > limit) return null;
    for (let row = first; row < first + block.rowCount; row++) rows.add(row);
  }
  return [...rows].sort((a, b) => a - b);
}

/** The first cells of a list, named in a sentence: up to `shown` of them, then 等N个单元格 for the whole count. */
export function firstCells(cells: readonly string[], shown = 3): { zh: string; en: string } {
  const named = cells.slice(0, shown);
  if (cells.length <= shown) return { zh: named.join('、'), en: named.join(', ') };
  return {
    zh: `${named.join('、')}等${cells.length}个单元格`,
    en: `${named.join(', ')} and others (${cells.length} cells)`,
  };
}
