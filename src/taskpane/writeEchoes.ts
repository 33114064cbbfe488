// Excel reports the pane's own writes back as change events, and those must not cost another
// read: the pane already holds what each write left (read in the write's own request). But an
// event is taken for the pane's own only when it is proved so, never by time or place alone:
// - every cell it names is a cell a write of the pane wrote, not yet accounted for by an earlier
//   event (each command that wrote a cell accounts for one event over it);
// - where Excel gives the one cell's new value (ExcelApi 1.9), it is the value the pane wrote;
// - it comes from this machine (a Remote event is a co-author's, whatever cell it names).
// A user's edit of a cell the pane has just written is a second event over that cell, and is
// news. What is still expected when the pane next judges its events, after the write has
// finished, is forgotten: an echo that comes later costs a read, never a missed edit.
import type { WorkbookChange, WriteEcho } from '../excel';
import { blockOf, cellText, type CellValue } from '../ledger';

/** One command of a write over a cell whose event has not come yet, with what it left there where known. */
interface Pending {
  readonly value?: CellValue;
}

const keyOf = (row: number, column: number) => `${row},${column}`;
const same = (a: CellValue, b: CellValue) => cellText(a).trim() === cellText(b).trim();

export class WriteEchoes {
  /** By sheet id, by cell: the commands over it not yet heard of. */
  private cells = new Map<string, Map<string, Pending[]>>();
  private selections = 0;
  private tables = 0;

  expect(echo: WriteEcho): void {
    for (const area of echo.written) {
      const block = blockOf(area.address);
      if (!block) continue;
      const sheet = this.cells.get(area.worksheetId) ?? new Map<string, Pending[]>();
      this.cells.set(area.worksheetId, sheet);
      for (let r = 0; r < block.rowCount; r++) {
        for (let c = 0; c < block.columnCount; c++) {
          const key = keyOf(block.row + r, block.column + c);
          const value = area.values?.[r]?.[c];
          sheet.set(key, [...(sheet.get(key) ?? []), value === undefined ? {} : { value }]);
        }
      }
    }
    this.selections += echo.selectionMoves;
    this.tables += echo.tablesAdded ?? 0;
  }

  /** Whether a change is the echo of the pane's own write; an echo is accounted for and not heard again. */
  take(change: WorkbookChange): boolean {
    if (change.kind === 'selection' || change.kind === 'tableAdded') {
      const field = change.kind === 'selection' ? 'selections' : 'tables';
      if (this[field] === 0) return false;
      this[field]--;
      return true;
    }
    if (change.kind !== 'table') return false;
    if (change.source === 'Remote') return false;
    const block = blockOf(change.address);
    const sheet = this.cells.get(change.worksheetId);
    if (!block || !sheet) return false;
    // For each cell, the pending command this event accounts for: one whose value is the new value
    // Excel reports, where it reports one, or one whose value is not known (a format command).
    const taken: { key: string; at: number }[] = [];
    const single = block.rowCount === 1 && block.columnCount === 1;
    for (let r = 0; r < block.rowCount; r++) {
      for (let c = 0; c < block.columnCount; c++) {
        const key = keyOf(block.row + r, block.column + c);
        const pending = sheet.get(key) ?? [];
        const after = single ? change.valueAfter : undefined;
        const exact =
          after === undefined ? -1 : pending.findIndex((p) => p.value !== undefined && same(p.value, after));
        const at =
          after === undefined ? 0 : exact >= 0 ? exact : pending.findIndex((p) => p.value === undefined);
        if (at < 0 || at >= pending.length) return false;
        taken.push({ key, at });
      }
    }
    for (const { key, at } of taken)
      sheet.set(
        key,
        (sheet.get(key) ?? []).filter((_, i) => i !== at),
      );
    return true;
  }

  /** Forgets what is still expected: the pane has judged its events after its writes finished. */
  forget(): void {
    this.cells.clear();
    this.selections = 0;
    this.tables = 0;
  }
}
