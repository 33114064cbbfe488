// Moving values between the core and cells: addresses, safe text, and batch sizes.
import { columnLetter, type CellValue } from '../ledger';

export { columnLetter, readsAsFormula as needsTextFormat } from '../ledger';

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** Excel's values take '' for an empty cell, never null (null means "leave as is"). */
export function toExcel(value: CellValue): string | number | boolean {
  return value === null ? '' : value;
}

/** Rough UTF-8 size of a row as JSON, to keep each request under Excel on the web's 5 MB. */
export function rowBytes(row: readonly unknown[]): number {
  let bytes = 2;
  for (const v of row) {
    if (typeof v === 'string') {
      for (let i = 0; i < v.length; i++) bytes += v.charCodeAt(i) < 0x80 ? 1 : 3;
      bytes += 3;
    } else bytes += 12;
  }
  return bytes;
}

/**
 * Splits rows into blocks that each stay under `budget` bytes, so one request never reaches
 * Excel on the web's 5 MB cap (resource-limits-and-performance-optimization). The default
 * leaves room for formats and the other commands of the batch.
 */
export function blocksOf<T extends readonly unknown[]>(
  rows: readonly T[],
  budget = 2_000_000,
  sizeOf: (row: T) => number = rowBytes,
): { start: number; rows: T[] }[] {
  const blocks: { start: number; rows: T[] }[] = [];
  let current: T[] = [];
  let start = 0;
  let size = 0;
  rows.forEach((row, i) => {
    const bytes = sizeOf(row);
    if (current.length && size + bytes > budget) {
      blocks.push({ start, rows: current });
      current = [];
      start = i;
      size = 0;
    }
    current.push(row);
    size += bytes;
  });
  if (current.length) blocks.push({ start, rows: current });
  return blocks;
}

/** The sheet-qualified address without quotes or workbook part: 任务台账!D5. */
export function plainAddress(address: string): string {
  return address.replace(/^'?(.*?)'?!/u, (_, sheet: string) => `${sheet.replace(/''/g, "'")}!`);
}
