// The 进度快照 sheet: an Excel table at the end of the workbook where each 生成汇总表 keeps a
// snapshot of every task for its 截至 date. Read in one sync before the summaries are made
// (they compare with it); written in the summaries' own write request. A date generated again
// replaces its own rows; other rows, a user's extra columns and notes beside the table stay.
// The sheet is protected without a password against accidental edits; a sheet someone else
// protected is left alone and no snapshot is kept (the pane says so).
import {
  readSnapshotTable,
  replacementRows,
  SNAPSHOT_SPEC,
  type CellValue,
  type Day,
  type SnapshotTable,
} from '../ledger';
import { excelErrorCode } from './errors';
import { freeSheetName, PROTECTION_SETTING, SNAPSHOT_SHEET, SNAPSHOT_TABLE } from './names';
import {
  appendSpecRows,
  createSpecTable,
  queueRoomBelow,
  queueSpecTableRead,
  readSpecTableInBlocks,
} from './specTable';

export interface SnapshotRead {
  readonly table: SnapshotTable;
  /** The table's data rows as read, a user's own columns included. */
  readonly rows: readonly (readonly CellValue[])[];
  readonly sheetId: string;
  readonly sheetName: string;
  /** Data rows in the table now. */
  readonly bodyRows: number;
  /** Whose protection the sheet carries: none, the add-in's (which it may lift), or someone else's. */
  readonly protection: 'none' | 'ours' | 'user';
  /** Nothing on the sheet below the table: rows can be written there (see appendSpecRows). */
  readonly clearBelow: boolean;
}

type Loads = {
  readonly sheet: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  readonly setting: Excel.Setting;
  readonly room: { readonly clear: () => boolean };
};

/** Queues what is read beside the table's cells: its sheet, protection and what is below it. */
function loadFrame(context: Excel.RequestContext, table: Excel.Table): Loads {
  const sheet = table.worksheet.load('id, name');
  return {
    sheet,
    protection: sheet.protection.load('protected'),
    setting: context.workbook.settings.getItemOrNullObject(PROTECTION_SETTING).load('value'),
    room: queueRoomBelow(table),
  };
}

/** The sheet ids whose protection the add-in set, once the setting has been synced. */
function ownedIds(setting: Excel.Setting): string[] {
  return !setting.isNullObject && Array.isArray(setting.value)
    ? setting.value.filter((v): v is string => typeof v === 'string')
    : [];
}

/** The reading, once the loads have been synced. */
function readOf(
  loads: Loads,
  cells: { readonly header: CellValue[]; readonly rows: CellValue[][]; readonly rowCount: number },
): SnapshotRead {
  const owned = ownedIds(loads.setting);
  const isProtected = loads.protection.protected;
  return {
    table: readSnapshotTable({ header: cells.header, rows: cells.rows }),
    rows: cells.rows,
    sheetId: loads.sheet.id,
    sheetName: loads.sheet.name,
    bodyRows: cells.rowCount,
    protection: !isProtected ? 'none' : owned.includes(loads.sheet.id) ? 'ours' : 'user',
    clearBelow: loads.room.clear(),
  };
}

/** Queues the read of the 进度快照 table (which must exist); readable after the next sync. */
export function queueSnapshotRead(context: Excel.RequestContext): () => SnapshotRead {
  const table = context.workbook.tables.getItem(SNAPSHOT_TABLE);
  const loads = loadFrame(context, table);
  const cells = queueSpecTableRead(table, SNAPSHOT_SPEC);
  return () => readOf(loads, cells());
}

/**
 * The snapshots kept, in one sync, or null when the workbook has no 进度快照 table (never made,
 * or deleted: it is made again with the next report). The batch asks for that one table, so an
 * ItemNotFound can only mean it is missing.
 */
export async function readSnapshots(context: Excel.RequestContext): Promise<SnapshotRead | null> {
  const read = queueSnapshotRead(context);
  try {
    await context.sync();
  } catch (error) {
    const code = excelErrorCode(error);
    if (code === 'ItemNotFound') return null;
    if (code === 'ResponsePayloadSizeLimitExceeded') return readSnapshotsInBlocks(context);
    throw error;
  }
  return read();
}

/** The same read, the body in blocks of rows, each its own request (24 reports of a big ledger pass 5 MB). */
export async function readSnapshotsInBlocks(context: Excel.RequestContext): Promise<SnapshotRead> {
  const table = context.workbook.tables.getItem(SNAPSHOT_TABLE);
  const loads = loadFrame(context, table);
  return readOf(loads, await readSpecTableInBlocks(context, table, SNAPSHOT_SPEC));
}

export type SnapshotOutcome =
  | {
      readonly kept: true;
      readonly sheetId: string;
      readonly sheetName: string;
      readonly replaced: number;
      readonly added: number;
    }
  | { readonly kept: false; readonly reason: 'protected'; readonly sheetName: string };

/** What to tell the user when no snapshot could be kept (the pane and the ribbon say it). */
export function snapshotNotKeptNotice(sheetName: string): { zh: string; en: string } {
  return {
    zh: `工作表“${sheetName}”被他人设置了保护，本次未记录进度快照；撤销保护后重新生成即可记录。`,
    en: `Sheet ${sheetName} was protected by someone else, so no progress snapshot was recorded; unprotect it and make the summaries again.`,
  };
}

const PROTECT: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowFormatRows: true,
};

/**
 * Queues the snapshot's rows into the summaries' write request: a new sheet and table when the
 * workbook has none, else the rows appended and the same date's earlier rows deleted (after the
 * append, so the table is never left empty). Returns what to record once the request has run.
 */
export function queueSnapshotWrite(
  context: Excel.RequestContext,
  read: SnapshotRead | null,
  rows: readonly CellValue[][],
  date: Day,
  takenNames: Iterable<string>,
): { readonly outcome: () => SnapshotOutcome; readonly remember: () => void } {
  if (read?.protection === 'user')
    return {
      outcome: () => ({ kept: false, reason: 'protected', sheetName: read.sheetName }),
      remember: () => {},
    };
  // The add-in records the sheet as protected by it, adding to the ids it read in this request.
  const setting = context.workbook.settings.getItemOrNullObject(PROTECTION_SETTING);
  setting.load('value');
  const recordProtected = (id: string) =>
    context.workbook.settings.add(PROTECTION_SETTING, [...new Set([...ownedIds(setting), id])]);
  if (!read) {
    const name = freeSheetName(SNAPSHOT_SHEET, takenNames);
    const sheet = context.workbook.worksheets.add(name);
    createSpecTable(sheet, SNAPSHOT_SPEC, { rows }, { style: 'TableStyleLight1' });
    sheet.freezePanes.freezeRows(1);
    sheet.protection.protect(PROTECT);
    sheet.load('id');
    return {
      outcome: () => ({ kept: true, sheetId: sheet.id, sheetName: name, replaced: 0, added: rows.length }),
      // The new sheet's id is known once the request has run: recorded as protected by the add-in.
      remember: () => recordProtected(sheet.id),
    };
  }
  const sheet = context.workbook.worksheets.getItem(read.sheetId);
  if (read.protection === 'ours') sheet.protection.unprotect();
  const table = context.workbook.tables.getItem(SNAPSHOT_TABLE);
  const { placed, remove: old } = replacementRows(read.rows, read.table, rows, date);
  // Added before the old rows go, so the table is never left empty; a user's text carried over
  // stays text, never a formula.
  if (placed.length)
    appendSpecRows(table, SNAPSHOT_SPEC, read.table, placed, { clearBelow: read.clearBelow });
  // Bottom up (the core sorts them so), so each index still names the row it did when read.
  for (const index of old) table.rows.getItemAt(index).delete();
  sheet.protection.protect(PROTECT);
  return {
    outcome: () => ({
      kept: true,
      sheetId: read.sheetId,
      sheetName: read.sheetName,
      replaced: old.length,
      added: rows.length,
    }),
    remember: () => {
      if (read.protection === 'none') recordProtected(read.sheetId);
    },
  };
}
