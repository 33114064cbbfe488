// Appends the 延期 and 办结依据 columns to a ledger made before them (issue 26): at the table's
// end, in the spec's order, with their formats, widths and the 是/否 dropdown. Nothing else
// moves: the cells to the right of the table must be empty, or the action refuses and names
// them. Two syncs: one to look (in this request, not the pane's view), one to write.
import {
  columnSpec,
  EXTENSION_COLUMNS,
  firstCells,
  mapHeaders,
  type CellValue,
  type ColumnKey,
} from '../ledger';
import { columnLetter } from './cells';
import { LedgerError } from './errors';
import { approvalDropdown, formats, POINTS_PER_CHARACTER } from './ledgerFormat';
import { isOurProtection, LEDGER_PROTECTION, loadProtection, syncKeepingProtection } from './protection';
import type { LedgerLocation } from './readLedger';
import type { ApiSupport } from './requirements';

export interface AddColumnsResult {
  /** The headers appended, in order; empty when the ledger had them all. */
  readonly added: readonly string[];
  /** False below ExcelApi 1.8, where 延期批准 gets no dropdown. */
  readonly dropdown: boolean;
}

const isEmpty = (v: CellValue | undefined) => v === null || v === undefined || String(v).trim() === '';

export async function addExtensionColumns(
  context: Excel.RequestContext,
  location: LedgerLocation,
  supports: ApiSupport,
): Promise<AddColumnsResult> {
  const table = context.workbook.tables.getItem(location.tableName);
  const whole = table.getRange();
  whole.load('rowIndex, columnIndex, rowCount, columnCount');
  // The table and as many columns to its right as could be appended: their cells must be empty.
  const widened = whole.getResizedRange(0, EXTENSION_COLUMNS.length);
  widened.load('values');
  const guard = loadProtection(context, location);
  await context.sync();

  const header = (widened.values[0] ?? []).slice(0, whole.columnCount) as CellValue[];
  const present = mapHeaders(header).columns;
  const keys: ColumnKey[] = EXTENSION_COLUMNS.filter((key) => present[key] === undefined);
  if (keys.length === 0) return { added: [], dropdown: false };

  const first = whole.columnIndex + whole.columnCount;
  // Row by row, left to right, as a reader scans: the cells in the way, not the whole block.
  const inTheWay = widened.values.flatMap((row, r) =>
    row
      .slice(whole.columnCount, whole.columnCount + keys.length)
      .flatMap((v, c) =>
        isEmpty(v as CellValue) ? [] : [`${columnLetter(first + c)}${whole.rowIndex + 1 + r}`],
      ),
  );
  if (inTheWay.length) {
    const cells = firstCells(inTheWay);
    throw new LedgerError(
      {
        zh: `台账表格右侧的${cells.zh}有内容，添加列会把它们挤开，未做任何更改。请先移走这些内容，再点“添加列”。`,
        en: `${cells.en} to the right of the ledger table hold something that adding columns would push aside; nothing was changed. Move them away first, then add the columns.`,
      },
      'LedgerError',
    );
  }
  const ours = isOurProtection(guard);
  if (guard.protection.protected && !ours) {
    throw new LedgerError(
      {
        zh: `工作表“${guard.sheet.name}”受保护（不是本加载项设置的），无法添加列，未做任何更改。请先在“审阅”中撤销工作表保护。`,
        en: `Sheet ${guard.sheet.name} is protected (not by this add-in), so no column can be added; nothing was changed. Unprotect it under Review first.`,
      },
      'LedgerError',
    );
  }

  // Excel refuses to add table columns on a protected sheet: the add-in lifts its own protection and sets it again.
  if (guard.protection.protected) guard.protection.unprotect();
  const rows = whole.rowCount - 1;
  for (const key of keys) {
    const spec = columnSpec(key);
    // Named (ExcelApi 1.4), with no values: 1501 values ending empty leave the table one row
    // short (office-js #3013, open), and the new cells are empty all the same.
    table.columns.add(undefined, undefined, spec.header);
  }
  const sheet = guard.sheet;
  keys.forEach((key, i) => {
    const spec = columnSpec(key);
    const letter = columnLetter(first + i);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = spec.width * POINTS_PER_CHARACTER;
    if (rows === 0) return;
    const body = sheet.getRange(`${letter}${whole.rowIndex + 2}:${letter}${whole.rowIndex + 1 + rows}`);
    // The users fill these cells: editable under the add-in's protection, as every column but
    // 序号, 工作任务 and 责任单位 (new cells are locked by default, or take the left column's lock).
    if (guard.protection.protected) body.format.protection.locked = false;
    if (!spec.format) return;
    body.numberFormat = formats(rows, spec.format);
    body.format.verticalAlignment = 'Top';
    if (spec.format === '@') body.format.wrapText = true;
  });
  // The dropdown's range is found by header, in a map that names only the appended columns.
  const appended: CellValue[] = [...header.map(() => null), ...keys.map((k) => columnSpec(k).header)];
  const dropdown =
    keys.includes('extendApproved') && rows > 0
      ? approvalDropdown(
          {
            sheet,
            table,
            headerRow: whole.rowIndex,
            firstColumn: whole.columnIndex,
            rowCount: rows,
            header: mapHeaders(appended),
          },
          supports,
        )
      : false;
  if (guard.protection.protected) guard.protection.protect(LEDGER_PROTECTION);
  await syncKeepingProtection(context, guard.sheet, guard.protection.protected, LEDGER_PROTECTION);
  return { added: keys.map((k) => columnSpec(k).header), dropdown };
}
