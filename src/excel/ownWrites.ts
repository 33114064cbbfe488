// What a write tells the pane besides its result: the ledger as the write left it (read in the
// write's own request, so the pane need not ask again) and where it wrote, so the change events
// the write itself causes can be told from a user's or a co-author's edits.
import type { LedgerRead } from './readLedger';

export interface WrittenArea {
  readonly worksheetId: string;
  /** The block written, on that sheet (D27, B5:D7); absent when the write made the whole sheet. */
  readonly address?: string;
}

export interface WriteEcho {
  readonly written: readonly WrittenArea[];
  /** The write activated a sheet or selected a cell. */
  readonly selectionMoved: boolean;
}

export interface AfterWrite extends WriteEcho {
  /** The ledger after the write; null when it is too big to read back with the write. */
  readonly read: LedgerRead | null;
}

/** The sheet-local part of an address: 'D27' from '任务台账!D27'. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}
