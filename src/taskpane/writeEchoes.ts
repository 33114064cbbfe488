// Excel reports the pane's own writes back as change events. The pane already holds what a write
// left (read in the write's own request), so those echoes must not cost another read. An event
// is an echo when it falls inside what a write of the last few seconds wrote; anything else (a
// user's edit elsewhere, a co-author's) still re-reads.
import type { WorkbookChange, WriteEcho } from '../excel';
import { blockAround, blockContains, blockOf, type CellBlock } from '../ledger';

/** How long after a write its events count as its echo. */
export const ECHO_WINDOW_MS = 2000;

interface ExpectedArea {
  readonly worksheetId: string;
  /** null: the write made the whole sheet. */
  readonly block: CellBlock | null;
  readonly until: number;
}

export class WriteEchoes {
  private areas: ExpectedArea[] = [];
  private selectionUntil = Number.NEGATIVE_INFINITY;

  expect(echo: WriteEcho, now: number): void {
    const until = now + ECHO_WINDOW_MS;
    this.areas = this.areas.filter((area) => area.until >= now);
    // Excel may report several writes on one sheet as one block around them all.
    const bySheet = new Map<string, (CellBlock | null)[]>();
    for (const area of echo.written) {
      const blocks = bySheet.get(area.worksheetId) ?? [];
      blocks.push(area.address === undefined ? null : blockOf(area.address));
      bySheet.set(area.worksheetId, blocks);
    }
    for (const [worksheetId, blocks] of bySheet) {
      const whole = blocks.some((block) => block === null);
      const block = whole ? null : blockAround(blocks.filter((b): b is CellBlock => b !== null));
      this.areas.push({ worksheetId, block, until });
    }
    if (echo.selectionMoved) this.selectionUntil = until;
  }

  isEcho(change: WorkbookChange, now: number): boolean {
    if (change.kind === 'selection') return now <= this.selectionUntil;
    const changed = blockOf(change.address);
    return this.areas.some(
      (area) =>
        now <= area.until &&
        area.worksheetId === change.worksheetId &&
        (area.block === null || (changed !== null && blockContains(area.block, changed))),
    );
  }
}
