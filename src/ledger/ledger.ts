// A ledger as the core sees it: the header row and the data rows as plain cell values, with
// number formats where the Excel layer read them. Positions are indexes into the table, and
// the Excel layer turns them into addresses.
import { mapHeaders, type ColumnKey, type HeaderMap } from './columns';

export type CellValue = string | number | boolean | null;

export interface LedgerInput {
  readonly header: readonly CellValue[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Number formats, parallel to rows, where known (to tell 0.5 shown as 50% from 0.5). */
  readonly formats?: readonly (readonly string[])[];
  /** The rows just under the table, in its columns, where read: a task moved out of it is found there. */
  readonly below?: readonly (readonly CellValue[])[];
}

export interface Ledger {
  readonly headerRow: readonly CellValue[];
  readonly header: HeaderMap;
  readonly rows: readonly (readonly CellValue[])[];
  readonly formats?: readonly (readonly string[])[];
  readonly below?: readonly (readonly CellValue[])[];
}

export function makeLedger(input: LedgerInput): Ledger {
  return {
    headerRow: input.header,
    header: mapHeaders(input.header),
    rows: input.rows,
    formats: input.formats,
    ...(input.below ? { below: input.below } : {}),
  };
}

export function cellOf(ledger: Ledger, row: number, key: ColumnKey): CellValue {
  const column = ledger.header.columns[key];
  if (column === undefined) return null;
  return ledger.rows[row]?.[column] ?? null;
}

export function formatOf(ledger: Ledger, row: number, key: ColumnKey): string | undefined {
  const column = ledger.header.columns[key];
  if (column === undefined) return undefined;
  return ledger.formats?.[row]?.[column];
}

export function isBlankRow(values: readonly CellValue[]): boolean {
  // A loop, not every(): it runs for every row of every reading.
  for (const v of values) if (v !== null && v !== '' && (typeof v !== 'string' || v.trim())) return false;
  return true;
}

/** A copy of the ledger with some cells replaced; how tests and previews apply fixes. */
export function withCells(
  ledger: Ledger,
  cells: readonly { row: number; column: number; value: CellValue }[],
): Ledger {
  const header = [...ledger.headerRow];
  const rows = ledger.rows.map((r) => [...r]);
  for (const { row, column, value } of cells) {
    if (row === -1) header[column] = value;
    else if (rows[row]) rows[row][column] = value;
  }
  return makeLedger({ header, rows, formats: ledger.formats, below: ledger.below });
}
