// The 进度快照 sheet: an Excel table at the end of the workbook where each 生成汇总表 keeps a
// snapshot of every task for its 截至 date. Read in one sync before the summaries are made
// (they compare with it); written in the summaries' own write request. A date generated again
// replaces its own rows; other rows, a user's extra columns and notes beside the table stay.
// The sheet is protected without a password against accidental edits; a sheet someone else
// protected is left alone and no snapshot is kept (the pane says so).
import {
  readSnapshotTable,
  replacementRows,
  SNAPSHOT_COLUMNS,
  SNAPSHOT_HEADERS,
  type CellValue,
  type Day,
  type SnapshotTable,
} from '../ledger';
import { columnLetter, needsTextFormat } from './cells';
import { excelErrorCode } from './errors';
import { POINTS_PER_CHARACTER } from './ledgerFormat';
import { freeSheetName, PROTECTION_SETTING, SNAPSHOT_SHEET, SNAPSHOT_TABLE } from './names';

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
}

type Loads = {
  readonly sheet: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  readonly header: Excel.Range;
  readonly body: Excel.Range;
  readonly setting: Excel.Setting;
};

/** The sheet ids whose protection the add-in set, once the setting has been synced. */
function ownedIds(setting: Excel.Setting): string[] {
  return !setting.isNullObject && Array.isArray(setting.value)
    ? setting.value.filter((v): v is string => typeof v === 'string')
    : [];
}

/** The reading, once the loads have been synced; the body's values given when read in blocks. */
function readOf(loads: Loads, values?: CellValue[][]): SnapshotRead {
  const owned = ownedIds(loads.setting);
  const isProtected = loads.protection.protected;
  const rows = values ?? (loads.body.values as CellValue[][]);
  return {
    table: readSnapshotTable({ header: loads.header.values[0] as CellValue[], rows }),
    rows,
    sheetId: loads.sheet.id,
    sheetName: loads.sheet.name,
    bodyRows: loads.body.rowCount,
    protection: !isProtected ? 'none' : owned.includes(loads.sheet.id) ? 'ours' : 'user',
  };
}

/** Queues the read of the 进度快照 table (which must exist); readable after the next sync. */
export function queueSnapshotRead(context: Excel.RequestContext): () => SnapshotRead {
  const table = context.workbook.tables.getItem(SNAPSHOT_TABLE);
  const sheet = table.worksheet.load('id, name');
  const loads: Loads = {
    sheet,
    protection: sheet.protection.load('protected'),
    header: table.getHeaderRowRange().load('values'),
    body: table.getDataBodyRange().load('values, rowCount'),
    setting: context.workbook.settings.getItemOrNullObject(PROTECTION_SETTING).load('value'),
  };
  return () => readOf(loads);
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

/** Rows per request when the kept snapshots exceed Excel on the web's 5 MB reply (24 reports of a big ledger). */
const BLOCK_ROWS = 20_000;

/** The same read, the body in blocks of rows, each its own request. */
export async function readSnapshotsInBlocks(context: Excel.RequestContext): Promise<SnapshotRead> {
  const table = context.workbook.tables.getItem(SNAPSHOT_TABLE);
  const sheet = table.worksheet.load('id, name');
  const protection = sheet.protection.load('protected');
  const header = table.getHeaderRowRange().load('values');
  const size = table.getDataBodyRange().load('rowCount');
  const setting = context.workbook.settings.getItemOrNullObject(PROTECTION_SETTING).load('value');
  await context.sync();
  const values: CellValue[][] = [];
  for (let start = 0; start < size.rowCount; start += BLOCK_ROWS) {
    const block = table
      .getDataBodyRange()
      .getRow(start)
      .getResizedRange(Math.min(BLOCK_ROWS, size.rowCount - start) - 1, 0)
      .load('values');
    // One request per block: each must stay under the cap, so they cannot share a sync.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    values.push(...(block.values as CellValue[][]));
  }
  return readOf({ sheet, protection, header, body: size, setting }, values);
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

const formatRow = () => SNAPSHOT_COLUMNS.map((c) => c.format);

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
  const width = SNAPSHOT_HEADERS.length;
  // The add-in records the sheet as protected by it, adding to the ids it read in this request.
  const setting = context.workbook.settings.getItemOrNullObject(PROTECTION_SETTING);
  setting.load('value');
  const recordProtected = (id: string) =>
    context.workbook.settings.add(PROTECTION_SETTING, [...new Set([...ownedIds(setting), id])]);
  if (!read) {
    const name = freeSheetName(SNAPSHOT_SHEET, takenNames);
    const sheet = context.workbook.worksheets.add(name);
    const last = columnLetter(width - 1);
    const area = sheet.getRange(`A1:${last}${rows.length + 1}`);
    area.numberFormat = [SNAPSHOT_COLUMNS.map(() => '@'), ...rows.map(formatRow)];
    area.values = [[...SNAPSHOT_HEADERS], ...rows.map((r) => [...r])];
    const table = sheet.tables.add(`A1:${last}${rows.length + 1}`, true);
    table.name = SNAPSHOT_TABLE;
    table.style = 'TableStyleLight1';
    SNAPSHOT_COLUMNS.forEach((c, i) => {
      const letter = columnLetter(i);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = c.width * POINTS_PER_CHARACTER;
    });
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
  const { columns } = read.table;
  const { placed, remove: old } = replacementRows(read.rows, read.table, rows, date);
  // Our columns in their formats; a user's text carried over stays text, never a formula.
  const formats = placed.map((row) =>
    row.map(
      (value, at) =>
        SNAPSHOT_COLUMNS.find((c) => columns[c.key] === at)?.format ??
        (needsTextFormat(value) ? '@' : 'General'),
    ),
  );
  if (placed.length) {
    table.rows.add(
      undefined,
      placed.map((r) => r.map(() => '')),
    );
    const block = table
      .getDataBodyRange()
      .getRow(read.bodyRows)
      .getResizedRange(placed.length - 1, 0);
    block.numberFormat = formats;
    block.values = placed.map((r) => r.map((v) => (v === null ? '' : v)));
  }
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
