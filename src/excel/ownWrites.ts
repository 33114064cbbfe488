// What a write tells the pane besides its result: the ledger as the write left it (read in the
// write's own request, so the pane need not ask again) and exactly which cells it wrote, so the
// change events the write itself causes can be told from a user's or a co-author's edits.
import { columnLetter, type CellValue } from '../ledger';
import type { LedgerRead } from './readLedger';
import type { AddInTableIds } from './workbookRead';

export interface WrittenArea {
  readonly worksheetId: string;
  /** The block one command wrote, on that sheet (D27, B5:D7). Two commands over one block are two areas. */
  readonly address: string;
  /** What the block holds after the write, where the writer knows it. */
  readonly values?: readonly (readonly CellValue[])[];
}

export interface WriteEcho {
  readonly written: readonly WrittenArea[];
  /** How many times the write moved the selection (activated a sheet, selected a cell). */
  readonly selectionMoves: number;
  /** How many tables the write added. */
  readonly tablesAdded?: number;
}

export interface AfterWrite extends WriteEcho {
  /** The ledger after the write; null when it is too big to read back with the write. */
  readonly read: LedgerRead | null;
  /** The add-in's tables after a write that added some, read back with it. */
  readonly tables?: AddInTableIds;
}

/** The sheet-local part of an address: 'D27' from '任务台账!D27'. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

/** Nothing written, the selection not moved. */
export const NOTHING_WRITTEN: WriteEcho = { written: [], selectionMoves: 0 };

/** 'B5:D7' (or 'B5' for one cell) from 0-based sheet row and column and a size. */
export function blockAddress(row: number, column: number, rowCount = 1, columnCount = 1): string {
  const first = `${columnLetter(column)}${row + 1}`;
  return rowCount === 1 && columnCount === 1
    ? first
    : `${first}:${columnLetter(column + columnCount - 1)}${row + rowCount}`;
}

/** The areas of a write on one sheet, once the sheet's id is known. */
export function areasOn(worksheetId: string, addresses: readonly string[]): WrittenArea[] {
  return addresses.map((address) => ({ worksheetId, address }));
}
