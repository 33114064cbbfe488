// The 单位名录 sheet's two tables: the unit directory (columns A–F) and the status list
// (column H). Written when a ledger is created, and again when the user restores them.
import {
  DEFAULT_DIRECTORY,
  DIRECTORY_SPEC,
  STATUS_SPEC,
  UNIT_KIND_WORDS,
  type UnitDirectory,
} from '../ledger';
import { createSpecTable } from './specTable';

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

/** Where the add-in lays the status list on 单位名录: column H, beside the directory's A–F. */
export const STATUS_LIST_COLUMN = 7;

/**
 * The directory table at A1. `keepRows` rows already on the sheet under a matching header are
 * made into the table as they are; otherwise the default directory is written. Returns the
 * blocks whose data or format it changed, one per command (the pane tells its own change events by them).
 */
export function writeDirectoryTable(sheet: Excel.Worksheet, keepRows = 0): string[] {
  const body = keepRows === 0 ? { rows: directoryRows() } : { kept: keepRows };
  return [...createSpecTable(sheet, DIRECTORY_SPEC, body, { style: 'TableStyleLight9' }).written];
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
