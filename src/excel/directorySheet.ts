// The 单位名录 sheet's two tables: the unit directory (columns A–F) and the status list
// (column H). Written when a ledger is created, and again when the user restores them.
import {
  columnOf,
  DEFAULT_DIRECTORY,
  DIRECTORY_SPEC,
  directoryRowsOf,
  STATUS_SPEC,
  type UnitDirectory,
} from '../ledger';
import { STATUS_NAME, STATUS_TABLE } from './names';
import { createSpecTable } from './specTable';

export function directoryRows(directory: UnitDirectory = DEFAULT_DIRECTORY): string[][] {
  return directoryRowsOf(directory.units, directory);
}

/** Where the add-in lays the status list on 单位名录: column H, beside the directory's A–F. */
export const STATUS_LIST_COLUMN = 7;

/**
 * The directory table at A1. `keepRows` rows already on the sheet under a matching header are
 * made into the table as they are; otherwise `rows` are written (the default directory's). Returns the
 * blocks whose data or format it changed, one per command (the pane tells its own change events by them).
 */
export function writeDirectoryTable(
  sheet: Excel.Worksheet,
  keepRows = 0,
  rows: readonly (readonly string[])[] = directoryRows(),
): string[] {
  const body = keepRows === 0 ? { rows } : { kept: keepRows };
  return [...createSpecTable(sheet, DIRECTORY_SPEC, body, { style: 'TableStyleLight9' }).written];
}

/**
 * Points the status dropdown's defined name (read beforehand, perhaps a null object) at the status
 * table. Just after writing the table, a name left from one since deleted (its reference broken)
 * is replaced; otherwise a name already there is the one to keep.
 */
export function pointStatusName(
  context: Excel.RequestContext,
  existing: Excel.NamedItem,
  tableJustWritten = true,
): void {
  if (!existing.isNullObject) {
    if (!tableJustWritten) return;
    existing.delete();
  }
  context.workbook.names.add(STATUS_NAME, `=${STATUS_TABLE}[${columnOf(STATUS_SPEC, 'status').header}]`);
}

/** The status list at H1, from the rows kept there or the given statuses; the blocks written, as above. */
export function writeStatusTable(
  sheet: Excel.Worksheet,
  statuses: readonly string[],
  keepRows = 0,
): string[] {
  const body = keepRows === 0 ? { rows: statuses.map((s) => [s]) } : { kept: keepRows };
  const made = createSpecTable(sheet, STATUS_SPEC, body, {
    style: 'TableStyleLight9',
    column: STATUS_LIST_COLUMN,
  });
  return [...made.written];
}
