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

interface Expected {
  /** Commands of the pane's writes over this cell whose events have not come yet. */
  count: number;
  /** What the pane's last write left in the cell, where known. */
  value?: CellValue;
}

const keyOf = (row: number, column: number) => `${row},${column}`;

export class WriteEchoes {
  /** By sheet id, by cell. */
  private cells = new Map<string, Map<string, Expected>>();
  private selections = 0;
  private tables = 0;

  expect(echo: WriteEcho): void {
    for (const area of echo.written) {
      const block = blockOf(area.address);
      if (!block) continue;
      const sheet = this.cells.get(area.worksheetId) ?? new Map<string, Expected>();
      this.cells.set(area.worksheetId, sheet);
      for (let r = 0; r < block.rowCount; r++) {
        for (let c = 0; c < block.columnCount; c++) {
          const key = keyOf(block.row + r, block.column + c);
          const now = sheet.get(key) ?? { count: 0 };
          const value = area.values?.[r]?.[c];
          sheet.set(key, value === undefined ? { count: now.count + 1 } : { count: now.count + 1, value });
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
    const keys: string[] = [];
    for (let r = 0; r < block.rowCount; r++) {
      for (let c = 0; c < block.columnCount; c++) {
        const key = keyOf(block.row + r, block.column + c);
        const expected = sheet.get(key);
        if (!expected || expected.count === 0) return false;
        keys.push(key);
      }
    }
    if (change.valueAfter !== undefined && keys.length === 1) {
      const expected = sheet.get(keys[0]);
      if (
        expected?.value !== undefined &&
        cellText(expected.value).trim() !== cellText(change.valueAfter).trim()
      )
        return false;
    }
    for (const key of keys) {
      const expected = sheet.get(key);
      if (expected) expected.count--;
    }
    return true;
  }

  /** Forgets what is still expected: the pane has judged its events after its writes finished. */
  forget(): void {
    this.cells.clear();
    this.selections = 0;
    this.tables = 0;
  }
}
