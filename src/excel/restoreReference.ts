// Rebuilds missing reference data: the 单位名录 directory table and the status list, and points
// the ledger's status dropdown at the list again. Rows the user left on the 单位名录 sheet under
// the expected headers are made into the tables as they are; a sheet of that name laid out
// otherwise (no 单位 header at A1, no 状态 at H1) is the user's and is left alone: the tables
// then go on a new sheet.
import { DEFAULT_STATUSES, STATUS_SPEC, type CellValue, type HeaderMap } from '../ledger';
import { pointStatusName, STATUS_LIST_COLUMN, writeDirectoryTable, writeStatusTable } from './directorySheet';
import { workbookProtectedError } from './errors';
import { DIRECTORY_STATUS_SOURCE, setStatusValidation } from './ledgerFormat';
import { loadOutline } from './outline';
import { isOurProtection, LEDGER_PROTECTION, loadProtection, syncKeepingProtection } from './protection';
import { DIRECTORY_HEADERS, DIRECTORY_SHEET, DIRECTORY_TABLE, freeSheetName, STATUS_TABLE } from './names';
import type { LedgerLocation } from './readLedger';
import type { ApiSupport } from './requirements';

export interface RestoreResult {
  readonly sheetName: string;
  readonly restored: readonly ('directory' | 'statuses')[];
  /** Rows found on the sheet and kept in the rebuilt tables. */
  readonly keptRows: number;
  readonly dropdownRebound: boolean;
}

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());

/** The last row (1-based count below the header) with anything in columns [from, to]. */
function rowsBelowHeader(values: readonly (readonly CellValue[])[], from: number, to: number): number {
  let last = 0;
  values.forEach((row, r) => {
    if (r > 0 && row.slice(from, to + 1).some((v) => text(v) !== '')) last = r;
  });
  return last;
}

/** How the sheet's columns A–F and H can hold the tables: kept rows, or null when it is laid out otherwise. */
function fitOf(values: readonly (readonly CellValue[])[]) {
  const head = values[0] ?? [];
  const blank = (from: number, to: number) =>
    values.every((row) => row.slice(from, to + 1).every((v) => text(v) === ''));
  const directoryHere = DIRECTORY_HEADERS.every((h, i) => text(head[i]) === h);
  const statusesHere = text(head[STATUS_LIST_COLUMN]) === STATUS_SPEC.columns[0].header;
  // A sheet that shows neither header is not the add-in's layout: nothing is written into it.
  const ours = directoryHere || statusesHere;
  return {
    directory: directoryHere ? rowsBelowHeader(values, 0, 5) : ours && blank(0, 5) ? 0 : null,
    statuses: statusesHere
      ? rowsBelowHeader(values, STATUS_LIST_COLUMN, STATUS_LIST_COLUMN)
      : ours && blank(STATUS_LIST_COLUMN, STATUS_LIST_COLUMN)
        ? 0
        : null,
  };
}

/** Three syncs: what exists, what the 单位名录 sheet holds, then the writes. */
export async function restoreReference(
  context: Excel.RequestContext,
  location: LedgerLocation,
  header: HeaderMap,
  supports: ApiSupport,
): Promise<RestoreResult> {
  const { sheets, tables, structure, statusName } = loadOutline(context);
  const ledger = loadProtection(context, location);
  await context.sync();

  const tableNames = new Set(tables.items.map((t) => t.name));
  const needDirectory = !tableNames.has(DIRECTORY_TABLE);
  const needStatuses = !tableNames.has(STATUS_TABLE);
  const restored = [
    ...(needDirectory ? ['directory' as const] : []),
    ...(needStatuses ? ['statuses' as const] : []),
  ];
  if (restored.length === 0)
    return { sheetName: DIRECTORY_SHEET, restored, keptRows: 0, dropdownRebound: false };

  const existing = sheets.items.find((s) => s.name.toLowerCase() === DIRECTORY_SHEET.toLowerCase());
  let values: CellValue[][] = [];
  if (existing) {
    const used = sheets.getItem(existing.name).getUsedRangeOrNullObject(true);
    used.load('values, rowIndex, columnIndex');
    await context.sync();
    // Rebuild the grid from A1, so column letters mean what the layout says.
    if (!used.isNullObject) {
      values = Array.from({ length: used.rowIndex + used.values.length }, (_, r) =>
        Array.from({ length: Math.max(8, used.columnIndex + (used.values[0]?.length ?? 0)) }, (_, c) => {
          const v = used.values[r - used.rowIndex]?.[c - used.columnIndex];
          return (v ?? '') as CellValue;
        }),
      );
    }
  }
  const fit = existing ? fitOf(values) : { directory: 0, statuses: 0 };
  const fits = (!needDirectory || fit.directory !== null) && (!needStatuses || fit.statuses !== null);
  const sheetName =
    existing && fits
      ? existing.name
      : freeSheetName(
          DIRECTORY_SHEET,
          sheets.items.map((s) => s.name),
        );
  // Only a new sheet needs the workbook's structure unprotected.
  if (!(existing && fits) && structure.protected) throw workbookProtectedError();
  const sheet = existing && fits ? sheets.getItem(existing.name) : sheets.add(sheetName);
  const keep = existing && fits ? fit : { directory: 0, statuses: 0 };

  if (needDirectory) writeDirectoryTable(sheet, keep.directory ?? 0);
  let dropdownRebound = false;
  let lifted = false;
  if (needStatuses) {
    const kept = values.slice(1, 1 + (keep.statuses ?? 0)).map((r) => text(r[STATUS_LIST_COLUMN]));
    const statuses = kept.some(Boolean) ? kept.filter(Boolean) : DEFAULT_STATUSES;
    writeStatusTable(sheet, statuses, keep.statuses ?? 0);
    pointStatusName(context, statusName);
    const statusColumn = header.columns.status;
    // Excel refuses a data-validation change on a protected sheet: the add-in lifts its own
    // protection around it and sets it again as it was; someone else's it leaves, dropdown and all.
    const ours = isOurProtection(ledger);
    const isProtected = ledger.protection.protected;
    if (statusColumn !== undefined && (!isProtected || ours) && supports('1.8')) {
      lifted = isProtected;
      if (isProtected) ledger.protection.unprotect();
      const cells = context.workbook.tables
        .getItem(location.tableName)
        .columns.getItemAt(statusColumn)
        .getDataBodyRange();
      dropdownRebound = setStatusValidation(cells, statuses, DIRECTORY_STATUS_SOURCE, supports);
      if (isProtected) ledger.protection.protect(LEDGER_PROTECTION);
    }
  }
  await syncKeepingProtection(context, ledger.sheet, lifted, LEDGER_PROTECTION);
  return {
    sheetName,
    restored,
    keptRows: (needDirectory ? (keep.directory ?? 0) : 0) + (needStatuses ? (keep.statuses ?? 0) : 0),
    dropdownRebound,
  };
}
