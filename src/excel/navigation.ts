// Jumping to a cell, and applying safe fixes to exactly the cells they name.
import type { PlannedFix } from '../ledger';
import { needsTextFormat, toExcel } from './cells';
import { LedgerError } from './errors';
import { addressOf, type LedgerLocation } from './readLedger';

export async function selectCell(
  context: Excel.RequestContext,
  location: LedgerLocation,
  row: number,
  column: number,
): Promise<string> {
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  sheet.activate();
  const address = addressOf(location, row, column);
  sheet.getRange(address).select();
  await context.sync();
  return `${location.sheetName}!${address}`;
}

/** A fix with what the cell held when checked; a cell that changed since is left alone. */
export type FixToApply = PlannedFix;

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');

/**
 * Writes each fix's value into its cell, after checking in the same read that every cell still
 * holds what validation saw. Two syncs however many fixes.
 */
export async function applyFixes(
  context: Excel.RequestContext,
  location: LedgerLocation,
  fixes: readonly FixToApply[],
): Promise<number> {
  if (fixes.length === 0) return 0;
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  const cells = fixes.map((f) => {
    const range = sheet.getRange(addressOf(location, f.row, f.column));
    range.load('values, numberFormat');
    return range;
  });
  await context.sync();
  const changed = fixes.filter((f, i) => !same(cells[i].values[0][0], f.expected));
  if (changed.length) {
    throw new LedgerError(
      {
        zh: `有${changed.length}个单元格在校验后被修改（如 ${location.sheetName}!${addressOf(location, changed[0].row, changed[0].column)}），为避免覆盖，未做任何修复。请重新校验后再修复。`,
        en: `${changed.length} cell(s) changed since the check (e.g. ${addressOf(location, changed[0].row, changed[0].column)}); nothing was fixed. Check again first.`,
      },
      'StaleFix',
    );
  }
  fixes.forEach((f, i) => {
    if (needsTextFormat(f.value)) cells[i].numberFormat = [['@']];
    // A number written into a text-formatted cell would stay text, and the finding come back.
    else if (typeof f.value === 'number' && cells[i].numberFormat[0][0] === '@') cells[i].numberFormat = [['General']];
    cells[i].values = [[toExcel(f.value)]];
  });
  await context.sync();
  return fixes.length;
}
