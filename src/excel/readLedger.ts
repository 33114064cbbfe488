// Reads the ledger table into the core's rows in one sync: header, values and number formats
// (to tell 0.5 shown as 50% from 0.5).
import { makeLedger, type CellValue, type Ledger } from '../ledger';
import { excelErrorCode } from './errors';
import { LEDGER_TABLE } from './names';

export interface LedgerLocation {
  readonly sheetName: string;
  readonly sheetId: string;
  readonly tableName: string;
  /** Excel's id of the table: change events name tables by id. */
  readonly tableId: string;
  /** 0-based sheet row of the header row. */
  readonly headerRow: number;
  /** 0-based sheet column of the table's first column. */
  readonly firstColumn: number;
  readonly columnCount: number;
  readonly rowCount: number;
}

export interface LedgerRead {
  readonly ledger: Ledger;
  readonly location: LedgerLocation;
}

/** Rows per request when a ledger is too big to read at once (Excel on the web's 5 MB response cap). */
export const READ_BLOCK_ROWS = 1000;

/**
 * Rows under the table read with it, in its columns: a task row moved out of the table (or
 * pasted under it) is named there, not only missed. A few hundred cells.
 */
export const ROWS_BELOW = 30;

/** Queues the loads that say where the table is; readable after the next sync. */
function loadFrame(context: Excel.RequestContext, tableName: string) {
  const table = context.workbook.tables.getItem(tableName);
  table.load('id');
  const sheet = context.workbook.tables.getItem(tableName).worksheet;
  sheet.load('name, id');
  const whole = table.getRange();
  whole.load('rowIndex, columnIndex, rowCount, columnCount');
  const header = table.getHeaderRowRange();
  header.load('values');
  const below = whole
    .getLastRow()
    .getOffsetRange(1, 0)
    .getResizedRange(ROWS_BELOW - 1, 0);
  below.load('values');
  return { table, sheet, whole, header, below, tableName };
}

/** Where the table is, once the frame's loads have been synced. */
function locationOf(frame: ReturnType<typeof loadFrame>): LedgerLocation {
  const { sheet, whole } = frame;
  return {
    sheetName: sheet.name,
    sheetId: sheet.id,
    tableName: frame.tableName,
    tableId: frame.table.id,
    headerRow: whole.rowIndex,
    firstColumn: whole.columnIndex,
    columnCount: whole.columnCount,
    rowCount: whole.rowCount - 1,
  };
}

/** The same read, for a ledger whose cells exceed 5 MB: the body in blocks of rows. */
export async function readLedgerInBlocks(
  context: Excel.RequestContext,
  tableName = LEDGER_TABLE,
): Promise<LedgerRead> {
  const frame = loadFrame(context, tableName);
  await context.sync();
  const location = locationOf(frame);
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let start = 0; start < location.rowCount; start += READ_BLOCK_ROWS) {
    const count = Math.min(READ_BLOCK_ROWS, location.rowCount - start);
    const block = frame.sheet.getRangeByIndexes(
      location.headerRow + 1 + start,
      location.firstColumn,
      count,
      location.columnCount,
    );
    block.load('values, numberFormat');
    // One request per block: each must stay under the cap, so they cannot share a sync.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    values.push(...(block.values as CellValue[][]));
    formats.push(...(block.numberFormat as string[][]));
  }
  return {
    ledger: makeLedger({
      header: frame.header.values[0] as CellValue[],
      rows: values,
      formats,
      below: frame.below.values as CellValue[][],
    }),
    location,
  };
}

/** A ledger small enough to read back in the same request as a write (far under the 5 MB reply cap). */
export const READ_BACK_ROWS = READ_BLOCK_ROWS;

/**
 * Queues a read of the whole ledger into the current batch; the result is readable after the
 * next sync. Write operations queue it after their writes, so the pane learns what the sheet
 * now holds without another round trip.
 */
export function queueLedgerRead(context: Excel.RequestContext, tableName = LEDGER_TABLE): () => LedgerRead {
  const frame = loadFrame(context, tableName);
  const body = frame.table.getDataBodyRange();
  body.load('values, numberFormat');
  return () => ledgerOf(frame, body);
}

/** The read, once the frame's and the body's loads have been synced. */
function ledgerOf(frame: ReturnType<typeof loadFrame>, body: Excel.Range): LedgerRead {
  const ledger = makeLedger({
    header: frame.header.values[0] as CellValue[],
    rows: body.values as CellValue[][],
    formats: body.numberFormat as string[][],
    below: frame.below.values as CellValue[][],
  });
  return { ledger, location: locationOf(frame) };
}

/** The read-back for a write to this ledger, or null when the ledger is too big to share the write's reply. */
export function queueReadBack(
  context: Excel.RequestContext,
  location: LedgerLocation,
): (() => LedgerRead) | null {
  return location.rowCount <= READ_BACK_ROWS ? queueLedgerRead(context, location.tableName) : null;
}

/**
 * The ledger, or null when the workbook has none. The batch asks for one table only, so an
 * ItemNotFound can only mean that table is missing.
 */
export async function readLedger(
  context: Excel.RequestContext,
  tableName = LEDGER_TABLE,
): Promise<LedgerRead | null> {
  const read = queueLedgerRead(context, tableName);
  try {
    await context.sync();
  } catch (error) {
    const code = excelErrorCode(error);
    if (code === 'ItemNotFound') return null;
    if (code === 'ResponsePayloadSizeLimitExceeded') return readLedgerInBlocks(context, tableName);
    throw error;
  }
  return read();
}

/** A change naming at most this many rows re-reads them alone; more, and the whole ledger is read. */
export const ROW_REREAD_LIMIT = 200;

/**
 * The ledger with the given body rows read again, in one request: the frame (where the table is,
 * its header, the rows below) and those rows' values and formats, the rest kept from `read`.
 * Null when the table is no longer where and as `read` found it (moved, grown, shrunk, its
 * header changed): only a whole read can say what happened then.
 */
export async function rereadLedgerRows(
  context: Excel.RequestContext,
  read: LedgerRead,
  /** Body rows, ascending, as changedBodyRows names them. */
  rows: readonly number[],
): Promise<LedgerRead | null> {
  const frame = loadFrame(context, read.location.tableName);
  const body = frame.table.getDataBodyRange();
  // Runs of neighbouring rows, each one block.
  const runs: { from: number; count: number }[] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last.from + last.count === row) last.count++;
    else runs.push({ from: row, count: 1 });
  }
  const blocks = runs.map(({ from, count }) => {
    const range = body.getRow(from).getResizedRange(count - 1, 0);
    range.load('values, numberFormat');
    return { from, range };
  });
  await context.sync();
  const location = locationOf(frame);
  const was = read.location;
  const header = frame.header.values[0] as CellValue[];
  const same =
    location.tableId === was.tableId &&
    location.sheetId === was.sheetId &&
    location.headerRow === was.headerRow &&
    location.firstColumn === was.firstColumn &&
    location.columnCount === was.columnCount &&
    location.rowCount === was.rowCount &&
    header.every((h, i) => h === read.ledger.headerRow[i]);
  if (!same) return null;
  const values = [...read.ledger.rows];
  const formats = read.ledger.formats ? [...read.ledger.formats] : undefined;
  for (const { from, range } of blocks)
    (range.values as CellValue[][]).forEach((row, i) => {
      values[from + i] = row;
      if (formats) formats[from + i] = (range.numberFormat as string[][])[i];
    });
  return {
    ledger: makeLedger({ header, rows: values, formats, below: frame.below.values as CellValue[][] }),
    location,
  };
}
