// Adopts the user's own sheet: finds the header row (序号 / 工作任务 / 责任单位 anywhere in
// the first rows), turns the block below it into the ledger table, adds the missing ledger
// columns at the right, and adds the dropdown and highlights. Existing values, formats and
// extra columns stay as they are; only new columns get the ledger's formats.
import { mapHeaders, planAdoption, type AdoptionPlan, type CellValue } from '../ledger';
import { cellAddress, columnLetter } from './cells';
import { describeError, excelErrorCode, failedAtFirst, LedgerError } from './errors';
import {
  conditionalFormats,
  DIRECTORY_STATUS_SOURCE,
  formats,
  POINTS_PER_CHARACTER,
  printSetup,
  statusDropdown,
} from './ledgerFormat';
import { LEDGER_TABLE, STATUS_NAME, STATUS_TABLE } from './names';
import { pointStatusName } from './directorySheet';
import type { ApiSupport } from './requirements';
import { DEFAULT_STATUSES, columnSpec } from '../ledger';
import { queueLedgerId } from './ledgerId';
import { READ_BLOCK_ROWS } from './readLedger';

export interface AdoptResult {
  readonly sheetName: string;
  readonly tableName: string;
  /** Non-blank rows in the table, as the pane counts tasks. */
  readonly taskCount: number;
  readonly addedColumns: readonly string[];
  readonly headerAddress: string;
  readonly tableAddress: string;
  /** Header cells Excel renamed when it made the table (blank or repeated headers). */
  readonly renamedHeaders: readonly {
    readonly address: string;
    readonly from: string;
    readonly to: string;
  }[];
  /** Excel row numbers below the table that hold something (footer, notes): left as they are. */
  readonly rowsLeftOut: readonly number[];
  /** Excel row number of the empty row the table stopped at, when rows below it were left out. */
  readonly endingBlankRow: number | null;
  /** Cells to the right of the table that hold something: left as they are. */
  readonly cellsLeftOut: readonly string[];
  readonly printSetup: boolean;
  /** Excel did not keep the one-page-wide fit (office-js #1860): the user sets it by hand. */
  readonly fitIgnored: boolean;
  /** False below ExcelApi 1.8, where cells cannot carry a dropdown. */
  readonly statusDropdown: boolean;
}

/** What adopting reads of the active sheet: the used range's values only where asked. */
function loadActiveSheet(context: Excel.RequestContext, withValues: boolean) {
  const sheet = context.workbook.worksheets.getActiveWorksheet().load('name');
  const where = 'rowIndex, columnIndex, rowCount, columnCount';
  return {
    sheet,
    used: sheet.getUsedRange(true).load(withValues ? `values, ${where}` : where),
    sheetTables: sheet.tables.load('items/name'),
    allTables: context.workbook.tables.load('items/name'),
    protection: sheet.protection.load('protected'),
    statusName: context.workbook.names.getItemOrNullObject(STATUS_NAME).load('name'),
  };
}

/**
 * The active sheet and its used range's values in one request. A sheet whose values pass Excel
 * on the web's 5 MB reply is read again: where it is first, then its values in blocks of rows,
 * one request each (as the ledger read does).
 */
async function readActiveSheet(context: Excel.RequestContext) {
  const whole = loadActiveSheet(context, true);
  try {
    await context.sync();
    return { ...whole, values: whole.used.values as CellValue[][] };
  } catch (error) {
    if (excelErrorCode(error) !== 'ResponsePayloadSizeLimitExceeded') throw error;
  }
  const frame = loadActiveSheet(context, false);
  await context.sync();
  const values: CellValue[][] = [];
  for (let start = 0; start < frame.used.rowCount; start += READ_BLOCK_ROWS) {
    const rows = Math.min(READ_BLOCK_ROWS, frame.used.rowCount - start);
    const block = frame.used
      .getRow(start)
      .getResizedRange(rows - 1, 0)
      .load('values');
    // One request per block: each must stay under the cap, so they cannot share a sync.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    values.push(...(block.values as CellValue[][]));
  }
  return { ...frame, values };
}

type ActiveSheet = Awaited<ReturnType<typeof readActiveSheet>>;

/** A sheet that cannot be adopted as it is is refused before anything is written. */
function refuseUnadoptable({ sheet, sheetTables, allTables, protection }: ActiveSheet, tableName: string) {
  if (allTables.items.some((t) => t.name.toLowerCase() === tableName.toLowerCase())) {
    throw new LedgerError(
      {
        zh: `工作簿中已有任务台账（表格 ${tableName}），未做任何更改。`,
        en: `The workbook already has a ledger (table ${tableName}); nothing was changed.`,
      },
      'LedgerExists',
    );
  }
  if (protection.protected) {
    throw new LedgerError(
      {
        zh: `工作表“${sheet.name}”受保护，无法转换为台账。请先撤销工作表保护（审阅 > 撤销工作表保护）。`,
        en: `Sheet ${sheet.name} is protected; unprotect it first.`,
      },
      'AccessDenied',
    );
  }
  if (sheetTables.items.length > 0) {
    throw new LedgerError(
      {
        zh: `工作表“${sheet.name}”中已有 Excel 表格（${sheetTables.items.map((t) => t.name).join('、')}）。请先将其转换为普通区域（表设计 > 转换为区域）后再使用。`,
        en: `Sheet ${sheet.name} already holds an Excel table; convert it to a range first.`,
      },
      'HasTable',
    );
  }
}

/** The header row and task rows found in the values, or a sentence saying what is missing. */
function planOrRefuse(values: CellValue[][], sheetName: string): AdoptionPlan {
  const plan = planAdoption(values, 10);
  if (plan === null) {
    throw new LedgerError(
      {
        zh: `在工作表“${sheetName}”的前10行中没有找到同时含“序号”“工作任务”“责任单位”的标题行。请检查列标题后重试，或使用“新建任务台账”。`,
        en: `No header row with 序号, 工作任务 and 责任单位 in the first 10 rows of ${sheetName}.`,
      },
      'NoHeader',
    );
  }
  if (plan.lastRow === plan.headerRow) {
    throw new LedgerError(
      {
        zh: `工作表“${sheetName}”的标题行下面没有任务行，未做更改。请在标题行下逐行填入任务（序号、工作任务、责任单位）后再点“使用当前工作表”；或改用“新建任务台账”，建立含内置方案全部正式任务的台账。`,
        en: `There are no task rows under the header in ${sheetName}; nothing was changed. Enter the tasks under the header, one a row (序号, 工作任务, 责任单位), then choose Use the current sheet again; or choose Create the ledger for the built-in plan's tasks.`,
      },
      'NoRows',
    );
  }
  return plan;
}

/** New columns go into empty cells only: nothing of the user's is overwritten or moved. */
function refuseCellsInTheWay(plan: AdoptionPlan, at: (cell: { row: number; column: number }) => string) {
  if (!plan.inTheWay.length) return;
  const cells = plan.inTheWay.map(at);
  const more = cells.length > 5 ? `等${cells.length}个单元格` : '';
  const named = cells.slice(0, 5).join('、') + more;
  throw new LedgerError(
    {
      zh: `台账需要在表格右侧补充${plan.missing.length}列，但${named}已有内容。请把这些内容移到别处后重试；工作表未被更改。`,
      en: `The ledger needs ${plan.missing.length} more columns to the right of the table, but ${cells.slice(0, 5).join(', ')} already hold something. Move it and try again; the sheet was not changed.`,
    },
    'CellsInTheWay',
  );
}

/** Where the table goes on the sheet: its header row, first column, rows, and the columns it lacks. */
function blockOf(plan: AdoptionPlan, used: Excel.Range, values: CellValue[][]) {
  const headerRow = used.rowIndex + plan.headerRow;
  const firstColumn = used.columnIndex + plan.firstColumn;
  const rowCount = plan.lastRow - plan.headerRow;
  const width = plan.columnCount + plan.missing.length;
  const header = values[plan.headerRow].slice(plan.firstColumn, plan.firstColumn + plan.columnCount);
  const missing = plan.missing.map((key) => columnSpec(key));
  const address = `${cellAddress(headerRow, firstColumn)}:${cellAddress(headerRow + rowCount, firstColumn + width - 1)}`;
  const fullHeader = [...header.map((h) => (h === null ? '' : String(h))), ...missing.map((c) => c.header)];
  return { headerRow, firstColumn, rowCount, width, missing, address, fullHeader };
}

type Block = ReturnType<typeof blockOf>;

/**
 * Queues the table over the block, the missing columns with the spec's formats, the dropdown,
 * highlights, frozen header, print setup and the ledger's id, then a read of the header Excel made.
 */
function queueAdoption(
  context: Excel.RequestContext,
  active: ActiveSheet,
  plan: AdoptionPlan,
  block: Block,
  options: { supports: ApiSupport; tableName: string },
) {
  const { sheet, allTables, statusName } = active;
  const { headerRow, firstColumn, rowCount, width, missing, address, fullHeader } = block;
  // The missing headers go into empty cells first, so the table is made over the whole block in
  // one step (table.columns.add fails beyond about 2,050 rows on the web). If Excel refuses the
  // table, those header cells are emptied again before anything is said.
  const newHeaders = missing.length
    ? sheet.getRange(
        `${cellAddress(headerRow, firstColumn + plan.columnCount)}:${cellAddress(headerRow, firstColumn + width - 1)}`,
      )
    : null;
  if (newHeaders) newHeaders.values = [missing.map((c) => c.header)];
  const table = sheet.tables.add(address, true);
  table.name = options.tableName;
  table.style = 'TableStyleLight9';
  const area = { sheet, table, headerRow, firstColumn, rowCount, header: mapHeaders(fullHeader) };
  missing.forEach((column, i) => {
    const letter = columnLetter(firstColumn + plan.columnCount + i);
    const cells = sheet.getRange(`${letter}${headerRow + 2}:${letter}${headerRow + 1 + rowCount}`);
    // The spec's format, as a new ledger has it: text columns typed as text and wrapped.
    cells.numberFormat = formats(rowCount, column.format ?? 'General');
    if (column.format === '@') cells.format.wrapText = true;
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = column.width * POINTS_PER_CHARACTER;
  });
  const hasStatusTable = allTables.items.some((t) => t.name === STATUS_TABLE);
  // A status table made by an earlier version has no defined name yet: the dropdown needs it.
  if (hasStatusTable) pointStatusName(context, statusName, false);
  const dropdown = statusDropdown(
    area,
    DEFAULT_STATUSES,
    hasStatusTable ? DIRECTORY_STATUS_SOURCE : 'inline',
    options.supports,
  );
  conditionalFormats(area);
  sheet.freezePanes.freezeRows(headerRow + 1);
  const printed = printSetup(sheet, headerRow, options.supports);
  queueLedgerId(context);
  // Excel renames blank and repeated header cells (列1, 序号2): read what it made, to say so.
  const madeHeader = table.getHeaderRowRange();
  madeHeader.load('values');
  return { newHeaders, madeHeader, dropdown, printed };
}

/** The adoption's one write; a refused one is undone, and merged cells are said as such. */
async function syncOrUndo(
  context: Excel.RequestContext,
  sheetName: string,
  address: string,
  newHeaders: Excel.Range | null,
  tableName: string,
) {
  try {
    await context.sync();
  } catch (error) {
    await undoAdoption(
      context,
      error,
      newHeaders !== null ? { sheetName, range: newHeaders } : null,
      tableName,
    );
    const code = excelErrorCode(error);
    // Only the table itself is refused for merged cells; a command after it failing is something
    // else, and what it set before failing stays (a batch is not a transaction).
    const atTable = failedAtFirst(error, 'TableCollection.add');
    if (!atTable && !failedAtFirst(error, 'Range.values')) throw adoptionIncomplete(error, sheetName);
    if (code === 'MergedRangeConflict' || code === 'InvalidOperation') {
      throw new LedgerError(
        {
          zh: `无法把“${sheetName}”!${address} 转换为表格：区域内有合并单元格。请取消合并（开始 > 合并后居中）后重试；工作表未被更改。`,
          en: `Could not turn ${sheetName}!${address} into a table: it holds merged cells. Unmerge and try again; the sheet was not changed.`,
        },
        'MergedCells',
      );
    }
    throw error;
  }
}

export async function adoptActiveSheet(
  context: Excel.RequestContext,
  options: { supports: ApiSupport; tableName?: string },
): Promise<AdoptResult> {
  const tableName = options.tableName ?? LEDGER_TABLE;
  const active = await readActiveSheet(context);
  const { sheet, used, values } = active;
  refuseUnadoptable(active, tableName);
  const plan = planOrRefuse(values, sheet.name);
  const top = used.rowIndex;
  const left = used.columnIndex;
  const at = (cell: { row: number; column: number }) => cellAddress(top + cell.row, left + cell.column);
  refuseCellsInTheWay(plan, at);
  const block = blockOf(plan, used, values);
  const { headerRow, firstColumn, missing, address, fullHeader } = block;
  const queued = queueAdoption(context, active, plan, block, { supports: options.supports, tableName });
  await syncOrUndo(context, sheet.name, address, queued.newHeaders, tableName);
  const made = (queued.madeHeader.values[0] as unknown[]).map((v) => String(v ?? ''));
  const renamed = fullHeader
    .map((from, i) => ({ address: cellAddress(headerRow, firstColumn + i), from, to: made[i] ?? from }))
    .filter((r) => r.from !== r.to);
  return {
    sheetName: sheet.name,
    tableName,
    taskCount: plan.taskCount,
    addedColumns: missing.map((c) => c.header),
    headerAddress: cellAddress(headerRow, firstColumn),
    tableAddress: address,
    renamedHeaders: renamed,
    rowsLeftOut: plan.rowsBelow.map((r) => top + r + 1),
    endingBlankRow: plan.endingBlankRow === null ? null : top + plan.endingBlankRow + 1,
    cellsLeftOut: plan.cellsBeside.map(at),
    printSetup: queued.printed !== null,
    fitIgnored: queued.printed?.() === false,
    statusDropdown: queued.dropdown,
  };
}

/** A failure after the table was made: the table and header cells are undone, formats may remain. */
function adoptionIncomplete(error: unknown, sheetName: string): LedgerError {
  const { zh, en } = describeError(error);
  return new LedgerError(
    {
      zh: `“使用当前工作表”未完成：${zh}表格和新标题已撤销；已设的格式可能仍留在工作表“${sheetName}”中，内容未改。`,
      en: `Use the current sheet did not finish: ${en} The table and new headers were undone; formats set may remain on sheet ${sheetName}; no content changed.`,
    },
    'AdoptionIncomplete',
  );
}

/**
 * After a failed adoption batch: Excel applied the commands before the failing one, so empty
 * the header cells it filled and undo a table it made. Then the sheet is as it was.
 */
async function undoAdoption(
  context: Excel.RequestContext,
  cause: unknown,
  headers: { sheetName: string; range: Excel.Range } | null,
  tableName: string,
): Promise<void> {
  const made = context.workbook.tables.getItemOrNullObject(tableName);
  made.load('name');
  await context.sync();
  if (!made.isNullObject) made.convertToRange();
  if (headers) headers.range.clear('Contents');
  try {
    await context.sync();
  } catch (undoError) {
    throw new LedgerError(
      {
        zh: `转换失败（${describeError(cause).zh}），且未能撤销已写入的列标题，请检查 ${headers?.sheetName ?? ''} 的标题行。`,
        en: `Adoption failed and the header cells it wrote could not be emptied again (${describeError(undoError).en}); check the header row.`,
      },
      'UndoFailed',
    );
  }
}
