// Excel batches are not transactions, and a co-author's edit can land between a command's first
// request (where it checked its target cells) and its write. So a write loads its targets once
// more in its own request, just before the commands that write them (a batch runs its commands
// in order): a target that no longer held what was checked had been edited by someone else in
// between. Then every target is put back as it was just before the write (one more request),
// the write is refused, and the cell is named. The window left is that one request: an edit
// landing between the write and the putting back would be written over, and nothing closes it
// short of a transaction Excel does not offer.
import { cellText, type CellValue } from '../ledger';
import { plainAddress } from './cells';

export interface GuardTarget {
  /** A proxy of its own on the target cell (not the one written), loaded before the write. */
  readonly cell: Excel.Range;
  /** What the command checked the cell held; absent for a cell only the add-in fills (更新日期). */
  readonly expected?: CellValue;
}

export interface Moved {
  /** The target's place in the list the guard was made from. */
  readonly index: number;
  readonly address: string;
  readonly now: CellValue;
}

export interface Guard {
  /** Targets that held something else just before the write: which, where and what they held. */
  readonly moved: () => readonly Moved[];
  /** Queues every target back as it was just before the write. */
  readonly restore: () => void;
}

const same = (a: unknown, b: unknown) => cellText(a).trim() === cellText(b).trim();

/** Queue before the write's commands; read after its sync. */
export function queueGuard(targets: readonly GuardTarget[]): Guard {
  for (const t of targets) t.cell.load('values, formulas, numberFormat, address');
  return {
    moved: () =>
      targets.flatMap((t, index) =>
        t.expected !== undefined && !same(t.cell.values[0][0], t.expected)
          ? [{ index, address: plainAddress(t.cell.address), now: t.cell.values[0][0] as CellValue }]
          : [],
      ),
    restore: () => {
      for (const { cell } of targets) {
        const { numberFormat, formulas } = cell;
        // The format first: a text cell's "=…" goes back as text, never as a formula.
        cell.numberFormat = numberFormat;
        cell.formulas = formulas;
      }
    },
  };
}

/**
 * Runs the guard's check after the write's sync: on a moved target, puts everything back (and
 * whatever else `undo` queues, such as log rows the write added) in one request, and refuses.
 */
export async function checkGuard(
  context: Excel.RequestContext,
  guard: Guard,
  refuse: (cell: Moved) => Error,
  undo?: () => void,
): Promise<void> {
  const moved = guard.moved();
  if (moved.length === 0) return;
  guard.restore();
  undo?.();
  await context.sync();
  throw refuse(moved[0]);
}
