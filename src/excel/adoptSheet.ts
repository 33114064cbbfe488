// Adopts the user's own sheet: finds the header row (序号 / 工作任务 / 责任单位 anywhere in
// the first rows), turns the block below it into the ledger table, adds the missing ledger
// columns at the right, and adds the dropdown and highlights. Existing values, formats and
// extra columns stay as they are; only new columns get the ledger's formats.
import { findHeaderRow, isBlankRow, LEDGER_COLUMNS, mapHeaders, type CellValue } from '../ledger';
import { cellAddress, columnLetter } from './cells';
import { LedgerError } from './errors';
import {
  conditionalFormats,
  directoryStatusSource,
  formats,
  POINTS_PER_CHARACTER,
  printSetup,
  statusDropdown,
} from './ledgerFormat';
import { LEDGER_TABLE, STATUS_TABLE } from './names';
import type { ApiSupport } from './requirements';
import { DEFAULT_STATUSES, columnSpec } from '../ledger';

export interface AdoptResult {
  readonly sheetName: string;
  readonly tableName: string;
  readonly taskCount: number;
  readonly addedColumns: readonly string[];
  readonly headerAddress: string;
  readonly printSetup: boolean;
}

export async function adoptActiveSheet(
  context: Excel.RequestContext,
  options: { supports: ApiSupport; tableName?: string },
): Promise<AdoptResult> {
  const tableName = options.tableName ?? LEDGER_TABLE;
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  const sheetTables = context.workbook.worksheets.getActiveWorksheet().tables;
  const protection = context.workbook.worksheets.getActiveWorksheet().protection;
  sheet.load('name');
  const used = sheet.getUsedRange(true);
  used.load('values, rowIndex, columnIndex, rowCount, columnCount');
  sheetTables.load('items/name');
  const allTables = context.workbook.tables;
  allTables.load('items/name');
  protection.load('protected');
  await context.sync();

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
  const values = used.values as CellValue[][];
  const headerAt = findHeaderRow(values, 10);
  if (headerAt === null) {
    throw new LedgerError(
      {
        zh: `在工作表“${sheet.name}”的前10行中没有找到同时含“序号”“工作任务”“责任单位”的标题行。请检查列标题后重试，或使用“新建任务台账”。`,
        en: `No header row with 序号, 工作任务 and 责任单位 in the first 10 rows of ${sheet.name}.`,
      },
      'NoHeader',
    );
  }
  let lastData = values.length - 1;
  while (lastData > headerAt && isBlankRow(values[lastData])) lastData--;
  if (lastData === headerAt) {
    throw new LedgerError(
      { zh: `标题行下面没有任务行（工作表“${sheet.name}”）。`, en: `There are no task rows under the header in ${sheet.name}.` },
      'NoRows',
    );
  }
  const header = values[headerAt];
  const headerRow = used.rowIndex + headerAt;
  const firstColumn = used.columnIndex;
  const rowCount = lastData - headerAt;
  const missing = LEDGER_COLUMNS.filter((c) => mapHeaders(header).columns[c.key] === undefined);
  const address = `${cellAddress(headerRow, firstColumn)}:${cellAddress(headerRow + rowCount, firstColumn + header.length - 1)}`;

  // The table first: if Excel refuses (merged cells in the block), nothing else has changed.
  const table = sheet.tables.add(address, true);
  table.name = tableName;
  table.style = 'TableStyleLight9';
  for (const column of missing) table.columns.add(undefined, undefined, column.header);
  const fullHeader = [...header.map((h) => (h === null ? '' : String(h))), ...missing.map((c) => c.header)];
  const headerMap = mapHeaders(fullHeader);
  const area = { sheet, table, headerRow, firstColumn, rowCount, header: headerMap };
  missing.forEach((column, i) => {
    const letter = columnLetter(firstColumn + header.length + i);
    const cells = sheet.getRange(`${letter}${headerRow + 2}:${letter}${headerRow + 1 + rowCount}`);
    const text = ['task', 'units', 'progressNote', 'problems', 'nextSteps', 'contact'].includes(column.key);
    cells.numberFormat = formats(rowCount, text ? '@' : column.key === 'updated' ? 'yyyy-mm-dd' : 'General');
    if (text) cells.format.wrapText = true;
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnSpec(column.key).width * POINTS_PER_CHARACTER;
  });
  const hasStatusTable = allTables.items.some((t) => t.name === STATUS_TABLE);
  statusDropdown(area, DEFAULT_STATUSES, hasStatusTable ? directoryStatusSource(DEFAULT_STATUSES.length) : 'inline');
  conditionalFormats(area);
  sheet.freezePanes.freezeRows(headerRow + 1);
  const printed = printSetup(sheet, headerRow, options.supports);
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: string }).code === 'InvalidOperation') {
      throw new LedgerError(
        {
          zh: `无法把“${sheet.name}”!${address} 转换为表格：区域内可能有合并单元格。请取消合并（开始 > 合并后居中）后重试；工作表未被更改。`,
          en: `Could not turn ${sheet.name}!${address} into a table (merged cells?). Unmerge and try again; the sheet was not changed.`,
        },
        'MergedCells',
      );
    }
    throw error;
  }
  return {
    sheetName: sheet.name,
    tableName,
    taskCount: rowCount,
    addedColumns: missing.map((c) => c.header),
    headerAddress: cellAddress(headerRow, firstColumn),
    printSetup: printed,
  };
}
