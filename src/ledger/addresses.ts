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
