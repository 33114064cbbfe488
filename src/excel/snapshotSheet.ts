// The 进度快照 sheet: an Excel table at the end of the workbook where each 生成汇总表 keeps a
// snapshot of every task for its 截至 date. Read in one sync before the summaries are made
// (they compare with it); written in the summaries' own write request. A date generated again
// replaces its own rows; other rows, a user's extra columns and notes beside the table stay.
// The sheet is protected without a password against accidental edits; a sheet someone else
// protected is left alone and no snapshot is kept (the pane says so). Each plan's rows carry its
// ledger table in 方案: a plan reads, compares and replaces only its own rows.
import {
  FIRST_LEDGER_TABLE,
  readSnapshotTable,
  replacementRows,
  SNAPSHOT_SPEC,
  specLayout,
  type CellValue,
  type DateSystem,
  type Day,
  type SnapshotColumn,
  type SnapshotTable,
  type TableLayout,
} from '../ledger';
import { blocksOf, rowBytes } from './cells';
import { excelErrorCode } from './errors';
import { freeSheetName, PROTECTION_SETTING, SNAPSHOT_SHEET, SNAPSHOT_TABLE } from './names';
import {
  appendSpecRows,
  createSpecTable,
  queueFit,
  queueRoomBelow,
  queueRoomRight,
  appendSpecColumn,
  queueSpecTableRead,
  readSpecTableInBlocks,
  type Appended,
} from './specTable';
import { isOurProtection, markProtected, markState, queueProtectionMark, type MarkState } from './protection';
import type { ApiSupport } from './requirements';
import { queueDateSystem } from './reference';

export interface SnapshotRead {
  /** The table read (and so written): 进度快照's, or the self-test's own. */
  readonly tableName: string;
  readonly table: SnapshotTable;
  /** The table's data rows as read, a user's own columns included. */
  readonly rows: readonly (readonly CellValue[])[];
  readonly sheetId: string;
  readonly sheetName: string;
  /** Data rows in the table now. */
  readonly bodyRows: number;
  /** Whose protection the sheet carries: none, the add-in's (which it may lift), or someone else's. */
  readonly protection: 'none' | 'ours' | 'user';
  /** The sheet's protection mark against this table (replaced by the add-in's when it protects). */
  readonly mark: MarkState;
  /** Nothing on the sheet below the table: rows can be written there (see appendSpecRows). */
  readonly clearBelow: boolean;
  /** Nothing on the sheet right of the table: a missing 方案 column can be appended. */
  readonly clearRight: boolean;
  /** The plan whose rows `table` holds: its ledger table. */
  readonly plan: string;
  /** The user filtered the table (its protection allows it): rows cannot be deleted until cleared. */
  readonly filtered: boolean;
}

type Loads = {
  readonly sheet: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  readonly setting: Excel.Setting;
  readonly mark: Excel.NamedItem;
  readonly tableName: string;
  readonly room: { readonly clear: () => boolean };
  readonly right: { readonly clear: () => boolean };
  readonly columns: Excel.TableColumnCollection;
};

/** Queues what is read beside the table's cells: its sheet, protection and what is below it. */
function loadFrame(context: Excel.RequestContext, table: Excel.Table, tableName: string): Loads {
  const sheet = table.worksheet.load('id, name');
  return {
    sheet,
    protection: sheet.protection.load('protected'),
    setting: context.workbook.settings.getItemOrNullObject(PROTECTION_SETTING).load('value'),
    mark: queueProtectionMark(sheet),
    tableName,
    room: queueRoomBelow(table),
    right: queueRoomRight(table),
    columns: table.columns.load('items/filter/criteria'),
  };
}

/** The reading, once the loads have been synced, its dates read in the workbook's date system. */
function readOf(
  loads: Loads,
  cells: { readonly header: CellValue[]; readonly rows: CellValue[][]; readonly rowCount: number },
  dateSystem: DateSystem,
  tableName: string,
  plan: string,
): SnapshotRead {
  const isProtected = loads.protection.protected;
  return {
    tableName,
    plan,
    table: readSnapshotTable({ header: cells.header, rows: cells.rows, dateSystem, plan }),
    rows: cells.rows,
    sheetId: loads.sheet.id,
    sheetName: loads.sheet.name,
    bodyRows: cells.rowCount,
    protection: !isProtected ? 'none' : isOurProtection(loads) ? 'ours' : 'user',
    mark: markState(loads.mark, tableName),
    clearBelow: loads.room.clear(),
    clearRight: loads.right.clear(),
    // A column without a filter has no criteria (Excel.Filter.criteria, ExcelApi 1.2).
    filtered: loads.columns.items.some((c) => c.filter.criteria?.filterOn !== undefined),
  };
}

/**
 * Queues the read of the 进度快照 table (which must exist), the rows of one plan; readable after
 * the next sync, its dates read in the workbook's date system (probed in the same request).
 */
export function queueSnapshotRead(
  context: Excel.RequestContext,
  /** Another table laid out as 进度快照: the self-test's own, so the user's is never touched. */
  tableName = SNAPSHOT_TABLE,
  /** The plan's ledger table. */
  plan: string = FIRST_LEDGER_TABLE,
): (dateSystem: DateSystem) => SnapshotRead {
  const table = context.workbook.tables.getItem(tableName);
  const loads = loadFrame(context, table, tableName);
  const cells = queueSpecTableRead(table, SNAPSHOT_SPEC);
  return (dateSystem) => readOf(loads, cells(), dateSystem, tableName, plan);
}

/**
 * The snapshots kept, in one sync, or null when the workbook has no 进度快照 table (never made,
 * or deleted: it is made again with the next report). The batch asks for that one table, so an
 * ItemNotFound can only mean it is missing.
 */
export async function readSnapshots(
  context: Excel.RequestContext,
  plan: string = FIRST_LEDGER_TABLE,
): Promise<SnapshotRead | null> {
  const read = queueSnapshotRead(context, SNAPSHOT_TABLE, plan);
  const dateSystem = queueDateSystem(context);
  try {
    await context.sync();
  } catch (error) {
    const code = excelErrorCode(error);
    if (code === 'ItemNotFound') return null;
    if (code === 'ResponsePayloadSizeLimitExceeded') return readSnapshotsInBlocks(context, undefined, plan);
    throw error;
  }
  return read(dateSystem());
}

/**
 * The same read, the body in blocks of rows, each its own request (24 reports of a big ledger
 * pass 5 MB); the date system probed with the table's size unless given.
 */
export async function readSnapshotsInBlocks(
  context: Excel.RequestContext,
  dateSystem?: DateSystem,
  plan: string = FIRST_LEDGER_TABLE,
): Promise<SnapshotRead> {
  const probed = dateSystem === undefined ? queueDateSystem(context) : () => dateSystem;
  const table = context.workbook.tables.getItem(SNAPSHOT_TABLE);
  const loads = loadFrame(context, table, SNAPSHOT_TABLE);
  const cells = await readSpecTableInBlocks(context, table, SNAPSHOT_SPEC);
  return readOf(loads, cells, probed(), SNAPSHOT_TABLE, plan);
}

export type SnapshotOutcome =
  | {
      readonly kept: true;
      readonly sheetId: string;
      readonly sheetName: string;
      readonly replaced: number;
      readonly added: number;
      /** The table's filters were cleared to replace the date's rows (the pane says so). */
      readonly filtersCleared: boolean;
    }
  | { readonly kept: false; readonly reason: 'protected'; readonly sheetName: string }
  /**
   * An old 进度快照 without 方案 and something right of it: another plan's rows cannot be told
   * from the first plan's, so none are written (the column would push the user's cells aside).
   */
  | { readonly kept: false; readonly reason: 'no-room'; readonly sheetName: string };

/** What to tell the user when no snapshot could be kept (the pane and the ribbon say it). */
export function snapshotNotKeptNotice(
  sheetName: string,
  reason: 'protected' | 'no-room' = 'protected',
): { zh: string; en: string } {
  if (reason === 'no-room')
    return {
      zh: `“${sheetName}”的表格缺少“方案”列，且其右侧有内容，添加该列会把它们挤开，本次未记录进度快照。移走表格右侧的内容后重新生成即可记录。`,
      en: `The table on ${sheetName} has no 方案 (plan) column and something stands to its right that adding it would push aside, so no progress snapshot was recorded; move that away and make the summaries again.`,
    };
  return {
    zh: `工作表“${sheetName}”被他人设置了保护，本次未记录进度快照；撤销保护后重新生成即可记录。`,
    en: `Sheet ${sheetName} was protected by someone else, so no progress snapshot was recorded; unprotect it and make the summaries again.`,
  };
}

/** What to tell the user when their filter on 进度快照 was cleared to replace a date's rows. */
export function filtersClearedNotice(sheetName: string): { zh: string; en: string } {
  return {
    zh: `为替换同日快照，已清除“${sheetName}”的筛选（筛选时不能删行）。`,
    en: `The filter on ${sheetName} was cleared to replace the date's snapshot (a filtered table's rows cannot be deleted).`,
  };
}

const PROTECT: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowFormatRows: true,
};

/**
 * Room for `bytes` more in the request under way: the commands queued so far are sent first when
 * they and these together would pass the request budget (Excel on the web takes at most 5 MB).
 */
/** Room for `bytes` more in the request; true when the request queued so far was synced first. */
export type Spend = (bytes: number) => Promise<boolean>;

/** Bytes per block of rows, each block a few commands: values, number formats, the rows it adds. */
const BLOCK_BUDGET = 1_000_000;

/** A row's values, its number formats and the empty row added for it. */
const rowCost = (row: readonly CellValue[]) => 2 * rowBytes(row) + row.length * 3;

/** Runs of consecutive indexes, from indexes sorted bottom up: each run deleted as one block. */
function runsOf(bottomUp: readonly number[]): { start: number; count: number }[] {
  const runs: { start: number; count: number }[] = [];
  for (const index of bottomUp) {
    const last = runs[runs.length - 1];
    if (last && last.start === index + 1) {
      last.start = index;
      last.count++;
    } else runs.push({ start: index, count: 1 });
  }
  return runs;
}

/**
 * Appends the blocks in turn, each given room first (`spend`). A table that did not grow over a
 * block (AutoCorrect's "Include new rows and columns in table" off) would have the next one
 * written over it, so a block that shares a request with the one before it waits for that
 * request (a sync more, only for a snapshot too big for one block), and the table is resized over
 * what it did not take in before the next block goes. Returns the last block's append.
 */
async function appendBlocks(
  context: Excel.RequestContext,
  table: Excel.Table,
  layout: TableLayout<SnapshotColumn>,
  blocks: readonly { readonly rows: readonly CellValue[][] }[],
  clearBelow: boolean,
  spend: Spend,
  supports: ApiSupport,
): Promise<Appended | null> {
  let last: Appended | null = null;
  for (const block of blocks) {
    const flushed = await spend(block.rows.reduce((sum, r) => sum + rowCost(r), 0));
    if (last) {
      // One block per request when it is below the table: the last one's size must be read.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      if (!flushed && clearBelow && supports('1.13')) await context.sync();
      queueFit(table, [last], supports);
    }
    last = appendSpecRows(table, SNAPSHOT_SPEC, layout, block.rows, { clearBelow, supports });
  }
  return last;
}

/** After the write's sync, into the request that records it: the table over the last block's rows. */
function fitLast(
  sheet: Excel.Worksheet,
  table: Excel.Table,
  last: Appended | null,
  supports: ApiSupport,
): void {
  if (!last?.missed()) return;
  sheet.protection.unprotect();
  queueFit(table, [last], supports);
  sheet.protection.protect(PROTECT);
}

/**
 * Queues the snapshot's rows into the summaries' write request: a new sheet and table when the
 * workbook has none, else the rows appended and the same date's earlier rows deleted (after the
 * append, so the table is never left empty). Rows go in blocks, each first given room in the
 * request (`spend`), so a big ledger's snapshot splits the request rather than pass 5 MB.
 * Returns the outcome, readable once the last request has run.
 */
export async function queueSnapshotWrite(
  context: Excel.RequestContext,
  read: SnapshotRead | null,
  rows: readonly CellValue[][],
  date: Day,
  takenNames: Iterable<string>,
  spend: Spend,
  supports: ApiSupport,
): Promise<{ readonly outcome: () => SnapshotOutcome; readonly remember: () => void }> {
  if (read?.protection === 'user')
    return {
      outcome: () => ({ kept: false, reason: 'protected', sheetName: read.sheetName }),
      remember: () => {},
    };
  const cost = (block: readonly (readonly CellValue[])[]) => block.reduce((sum, r) => sum + rowCost(r), 0);
  if (!read) {
    const name = freeSheetName(SNAPSHOT_SHEET, takenNames);
    const sheet = context.workbook.worksheets.add(name);
    const [first, ...rest] = blocksOf(rows, BLOCK_BUDGET, rowCost);
    await spend(first ? cost(first.rows) : 0);
    const made = createSpecTable(
      sheet,
      SNAPSHOT_SPEC,
      { rows: first?.rows ?? [] },
      { style: 'TableStyleLight1' },
    );
    // A new sheet has nothing below its table: the other blocks are written there.
    const appended = await appendBlocks(
      context,
      made.table,
      specLayout(SNAPSHOT_SPEC),
      rest,
      true,
      spend,
      supports,
    );
    sheet.freezePanes.freezeRows(1);
    // The protection is marked as the add-in's on the sheet itself (issue 23, item 11).
    markProtected(sheet, SNAPSHOT_TABLE);
    sheet.protection.protect(PROTECT);
    sheet.load('id');
    return {
      outcome: () => ({
        kept: true,
        sheetId: sheet.id,
        sheetName: name,
        replaced: 0,
        added: rows.length,
        filtersCleared: false,
      }),
      // The table resized over the last rows it did not take in, in the same request.
      remember: () => fitLast(sheet, made.table, appended, supports),
    };
  }
  const lacksPlan = read.table.columns.plan === undefined;
  // Without 方案 a row is the first plan's: another plan writes none rather than pass as it.
  if (lacksPlan && !read.clearRight && read.plan.toLowerCase() !== FIRST_LEDGER_TABLE.toLowerCase())
    return {
      outcome: () => ({ kept: false, reason: 'no-room', sheetName: read.sheetName }),
      remember: () => {},
    };
  const sheet = context.workbook.worksheets.getItem(read.sheetId);
  if (read.protection === 'ours') sheet.protection.unprotect();
  const table = context.workbook.tables.getItem(read.tableName);
  // An old table gets 方案 at its end, nothing moved (its rows, blank there, stay the first plan's).
  const layout =
    lacksPlan && read.clearRight ? appendSpecColumn(table, SNAPSHOT_SPEC, read.table, 'plan') : read.table;
  const { placed, remove: old } = replacementRows(read.rows, { ...read.table, ...layout }, rows, date);
  // Added before the old rows go, so the table is never left empty; a user's text carried over
  // stays text, never a formula.
  const blocks = blocksOf(placed, BLOCK_BUDGET, rowCost);
  const appended = await appendBlocks(context, table, layout, blocks, read.clearBelow, spend, supports);
  // Rows cannot be deleted from a filtered table (InsertDeleteConflict; office-js #994): the
  // user's filter on 进度快照 is cleared, and the pane says so.
  if (read.filtered && old.length) table.clearFilters();
  // A date's rows are contiguous: each run goes in one command, bottom up (the core sorts them
  // so), so each index still names the row it did when read.
  for (const run of runsOf(old))
    table
      .getDataBodyRange()
      .getRow(run.start)
      .getResizedRange(run.count - 1, 0)
      .delete('Up');
  markProtected(sheet, read.tableName, read.mark);
  sheet.protection.protect(PROTECT);
  return {
    outcome: () => ({
      kept: true,
      sheetId: read.sheetId,
      sheetName: read.sheetName,
      replaced: old.length,
      added: rows.length,
      filtersCleared: read.filtered && old.length > 0,
    }),
    remember: () => fitLast(sheet, table, appended, supports),
  };
}
