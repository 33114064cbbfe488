// Jumping to a cell, and applying safe fixes to exactly the cells they name. Cells are found
// through the ledger table itself, never through the sheet name or position of the last read:
// a renamed sheet or rows inserted above the table cannot send a write to another cell.
import type { CellValue, PlannedFix } from '../ledger';
import { needsTextFormat, plainAddress, toExcel } from './cells';
import { LedgerError } from './errors';
import { localAddress, NOTHING_WRITTEN, type AfterWrite, type WriteEcho } from './ownWrites';
import { queueReadBack, type LedgerLocation } from './readLedger';
import { checkGuard, queueGuard } from './writeGuard';

/** A fix with what the cell held when checked; a cell that changed since is left alone. */
export type FixToApply = PlannedFix;

/** A table cell by its place in the table (row -1 is the header row), wherever the table is now. */
export function tableCell(
  context: Excel.RequestContext,
  location: Pick<LedgerLocation, 'tableName'>,
  row: number,
  column: number,
): Excel.Range {
  return context.workbook.tables
    .getItem(location.tableName)
    .getRange()
    .getCell(row + 1, column);
}

/** What a jump moves: the sheet activated, then the cell selected. */
export const CELL_SELECTED: WriteEcho = { written: [], selectionMoves: 2 };
/** What showing a sheet moves. */
export const SHEET_SHOWN: WriteEcho = { written: [], selectionMoves: 1 };
export interface Selected {
  /** The cell, as 任务台账!D5. */
  readonly address: string;
  /** Its row is hidden (by a filter or by hand): selected, but not to be seen in the grid. */
  readonly hidden: boolean;
}

export async function selectCell(
  context: Excel.RequestContext,
  location: Pick<LedgerLocation, 'tableName'>,
  row: number,
  column: number,
): Promise<Selected> {
  context.workbook.tables.getItem(location.tableName).worksheet.activate();
  const cell = tableCell(context, location, row, column);
  cell.select();
  cell.load('address, rowHidden');
  await context.sync();
  return { address: plainAddress(cell.address), hidden: cell.rowHidden };
}

/** Shows a sheet by its id (a summary sheet the pane made), wherever the user moved or renamed it. */
export async function activateSheet(context: Excel.RequestContext, sheetId: string): Promise<void> {
  context.workbook.worksheets.getItem(sheetId).activate();
  await context.sync();
}

/** Shows a sheet and selects what it holds: where the clipboard is refused, the user copies it with Ctrl+C. */
export async function selectSheetContent(context: Excel.RequestContext, sheetId: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetId);
  sheet.activate();
  sheet.getUsedRange().select();
  await context.sync();
}

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');

export interface FixResult extends AfterWrite {
  readonly applied: number;
  /** Cells left alone because they hold a formula: the user's formula is never overwritten. */
  readonly skippedFormulas: readonly string[];
}

const isFormula = (cell: Excel.Range) => String(cell.formulas[0][0]).startsWith('=');

export interface FixInspection {
  /** The fixes whose cells hold a value, to list and write. */
  readonly writable: readonly FixToApply[];
  /** Cells that hold a formula, as 任务台账!D5: named apart, never written. */
  readonly formulas: readonly string[];
}

/**
 * One sync before a confirmation: which cells the fixes name hold a formula, so the list the
 * user confirms holds only the cells that will change.
 */
export async function inspectFixes(
  context: Excel.RequestContext,
  location: LedgerLocation,
  fixes: readonly FixToApply[],
): Promise<FixInspection> {
  const cells = fixes.map((f) => tableCell(context, location, f.row, f.column).load('formulas, address'));
  await context.sync();
  return {
    writable: fixes.filter((_, i) => !isFormula(cells[i])),
    formulas: cells.filter(isFormula).map((cell) => plainAddress(cell.address)),
  };
}

function staleFix(count: number, first: string): LedgerError {
  return new LedgerError(
    {
      zh: `有${count}个单元格在校验后被修改（如 ${first}），为避免覆盖，未做任何修复。请重新校验后再修复。`,
      en: `${count} cell(s) changed since the check (e.g. ${first}); nothing was fixed. Check again first.`,
    },
    'StaleFix',
  );
}

/**
 * Writes each fix's value into its cell, after checking in the same read that every cell still
 * holds what validation saw. Two syncs however many fixes.
 */
export async function applyFixes(
  context: Excel.RequestContext,
  location: LedgerLocation,
  fixes: readonly FixToApply[],
): Promise<FixResult> {
  if (fixes.length === 0) return { applied: 0, skippedFormulas: [], read: null, ...NOTHING_WRITTEN };
  const cells = fixes.map((f) => {
    const range = tableCell(context, location, f.row, f.column);
    range.load('values, formulas, numberFormat, address');
    return range;
  });
  // Which task each row is: a row sorted or moved since the check is another task's now.
  const identities = fixes.flatMap((f) =>
    f.identity.map((id) => ({
      cell: tableCell(context, location, f.row, id.column).load('values, address'),
      expected: id.expected,
      row: f.row,
      column: id.column,
    })),
  );
  await context.sync();
  const changed = [...fixes.map((f, i) => ({ expected: f.expected, cell: cells[i] })), ...identities].filter(
    ({ expected, cell }) => !same(cell.values[0][0], expected),
  );
  if (changed.length) throw staleFix(changed.length, plainAddress(changed[0].cell.address));
  const skippedFormulas = cells.filter(isFormula).map((cell) => plainAddress(cell.address));
  // The cells once more, just before they are written: a co-author's edit since the check is put back.
  const guard = queueGuard([
    ...fixes.flatMap((f, i) =>
      isFormula(cells[i])
        ? []
        : [{ cell: tableCell(context, location, f.row, f.column), expected: f.expected }],
    ),
    // Only checked, never written: a guard puts back what it holds, which is what it held.
    ...identities.map((id) => ({
      cell: tableCell(context, location, id.row, id.column),
      expected: id.expected,
    })),
  ]);
  /** Each command: the value it left, unknown for a format (the cell still shows its old value then). */
  const written: { cell: Excel.Range; value?: CellValue }[] = [];
  fixes.forEach((f, i) => {
    if (isFormula(cells[i])) return;
    const format = needsTextFormat(f.value)
      ? '@'
      : // A number written into a text-formatted cell would stay text, and the finding come back.
        typeof f.value === 'number' && cells[i].numberFormat[0][0] === '@'
        ? 'General'
        : null;
    // The format is a command of its own, and Excel reports it as a change.
    if (format) {
      cells[i].numberFormat = [[format]];
      written.push({ cell: cells[i] });
    }
    cells[i].values = [[toExcel(f.value)]];
    written.push({ cell: cells[i], value: f.value });
  });
  const applied = fixes.filter((_, i) => !isFormula(cells[i])).length;
  if (applied === 0) return { applied: 0, skippedFormulas, read: null, ...NOTHING_WRITTEN };
  const readBack = queueReadBack(context, location);
  await context.sync();
  await checkGuard(context, guard, (moved) => staleFix(1, moved.address));
  return {
    applied,
    skippedFormulas,
    read: readBack ? readBack() : null,
    written: written.map(({ cell, value }) => ({
      worksheetId: location.sheetId,
      address: localAddress(cell.address),
      ...(value === undefined ? {} : { values: [[value]] }),
    })),
    selectionMoves: 0,
  };
}
