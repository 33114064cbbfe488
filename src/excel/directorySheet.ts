// The 单位名录 sheet's two tables: the unit directory (columns A–F) and the status list
// (column H). Written when a ledger is created, and again when the user restores them.
import { DEFAULT_DIRECTORY, UNIT_KIND_WORDS, type UnitDirectory } from '../ledger';
import { columnLetter } from './cells';
import { DIRECTORY_HEADERS, DIRECTORY_TABLE, STATUS_NAME, STATUS_TABLE } from './names';

export function directoryRows(directory: UnitDirectory = DEFAULT_DIRECTORY): string[][] {
  return directory.units.map((u) => {
    const memberOf = directory.units.filter((c) => c.members.includes(u.name)).map((c) => c.name);
    return [
      u.name,
      u.aliases.join('、'),
      UNIT_KIND_WORDS[u.kind],
      memberOf.join('、'),
      u.contact ?? '',
      u.email ?? '',
    ];
  });
}

const textFormats = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => Array.from({ length: columns }, () => '@'));

/**
 * The directory table at A1. `keepRows` rows already on the sheet under a matching header are
 * made into the table as they are; otherwise the default directory is written. Returns the
 * blocks whose data or format it changed, one per command (the pane tells its own change events by them).
 */
export function writeDirectoryTable(sheet: Excel.Worksheet, keepRows = 0): string[] {
  const last = columnLetter(DIRECTORY_HEADERS.length - 1);
  let rowCount = keepRows;
  if (keepRows === 0) {
    const units = directoryRows();
    rowCount = units.length;
    const range = sheet.getRange(`A1:${last}${rowCount + 1}`);
    range.numberFormat = textFormats(rowCount + 1, DIRECTORY_HEADERS.length);
    range.values = [DIRECTORY_HEADERS, ...units];
  }
  const block = `A1:${last}${rowCount + 1}`;
  const table = sheet.tables.add(block, true);
  table.name = DIRECTORY_TABLE;
  table.style = 'TableStyleLight9';
  sheet.getRange('A:A').format.columnWidth = 180;
  sheet.getRange('B:B').format.columnWidth = 260;
  sheet.getRange('C:C').format.columnWidth = 50;
  sheet.getRange('D:D').format.columnWidth = 200;
  sheet.getRange('E:F').format.columnWidth = 100;
  return keepRows === 0 ? [block, block, block] : [block];
}

/** The status list at H1, from the rows kept there or the given statuses; the blocks written, as above. */
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
  context.workbook.names.add(STATUS_NAME, `=${STATUS_TABLE}[状态]`);
}

export function writeStatusTable(
  sheet: Excel.Worksheet,
  statuses: readonly string[],
  keepRows = 0,
): string[] {
  const rowCount = keepRows || statuses.length;
  if (keepRows === 0) {
    const range = sheet.getRange(`H1:H${rowCount + 1}`);
    range.numberFormat = textFormats(rowCount + 1, 1);
    range.values = [['状态'], ...statuses.map((s) => [s])];
  }
  const block = `H1:H${rowCount + 1}`;
  const table = sheet.tables.add(block, true);
  table.name = STATUS_TABLE;
  table.style = 'TableStyleLight9';
  sheet.getRange('H:H').format.columnWidth = 80;
  return keepRows === 0 ? [block, block, block] : [block];
}
