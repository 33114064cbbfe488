// A1 addresses: parsing and formatting, as Excel writes them (Sheet1!A1:B2, 'My Sheet'!A1).

export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Excel's grid size (https://support.microsoft.com/office/excel-specifications-and-limits). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7})$/;

/** Splits "Sheet!A1:B2" or "'My Sheet'!A1" into the sheet name (if any) and the cell part. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

export function parseRef(ref: string): Rect | null {
  const [a, b = a] = ref.trim().split(':');
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r0 = Number(ca[2]) - 1;
    const r1 = Number(cb[2]) - 1;
    const c0 = columnIndex(ca[1]);
    const c1 = columnIndex(cb[1]);
    return normalize(r0, c0, r1, c1);
  }
  const ka = COLS.exec(a);
  const kb = COLS.exec(b);
  if (ka && kb) return normalize(0, columnIndex(ka[1]), MAX_ROWS - 1, columnIndex(kb[1]));
  const ra = ROWS.exec(a);
  const rb = ROWS.exec(b);
  if (ra && rb) return normalize(Number(ra[1]) - 1, 0, Number(rb[1]) - 1, MAX_COLUMNS - 1);
  return null;
}

function normalize(r0: number, c0: number, r1: number, c1: number): Rect | null {
  const top = Math.min(r0, r1);
  const left = Math.min(c0, c1);
  const bottom = Math.max(r0, r1);
  const right = Math.max(c0, c1);
  if (top < 0 || left < 0 || bottom >= MAX_ROWS || right >= MAX_COLUMNS) return null;
  return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatRef(rect: Rect): string {
  const tl = `${columnName(rect.column)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return tl;
  return `${tl}:${columnName(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
}

export function formatAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${formatRef(rect)}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

export function contains(outer: Rect, row: number, column: number): boolean {
  return (
    row >= outer.row &&
    row < outer.row + outer.rowCount &&
    column >= outer.column &&
    column < outer.column + outer.columnCount
  );
}
