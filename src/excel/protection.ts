// Protects the official columns (序号, 工作任务, 责任单位) while the rest of the ledger stays
// editable and sorting and filtering keep working.
import type { HeaderMap } from '../ledger';
import type { LedgerLocation } from './readLedger';

const OFFICIAL = ['no', 'task', 'units'] as const;

export async function setOfficialColumnsProtected(
  context: Excel.RequestContext,
  location: LedgerLocation,
  header: HeaderMap,
  on: boolean,
): Promise<void> {
  // The sheet that holds the table now, whatever it has been renamed to.
  const sheet = context.workbook.tables.getItem(location.tableName).worksheet;
  const protection = sheet.protection;
  protection.load('protected');
  await context.sync();
  if (protection.protected) protection.unprotect();
  if (on) {
    const table = context.workbook.tables.getItem(location.tableName);
    table.getRange().format.protection.locked = false;
    for (const key of OFFICIAL) {
      const index = header.columns[key];
      if (index !== undefined) table.columns.getItemAt(index).getRange().format.protection.locked = true;
    }
    protection.protect({
      allowAutoFilter: true,
      allowSort: true,
      allowFormatCells: true,
      allowFormatColumns: true,
      allowFormatRows: true,
      allowInsertRows: false,
      allowDeleteRows: false,
    });
  }
  await context.sync();
}

export async function isSheetProtected(context: Excel.RequestContext, location: LedgerLocation): Promise<boolean> {
  const protection = context.workbook.tables.getItem(location.tableName).worksheet.protection;
  protection.load('protected');
  await context.sync();
  return protection.protected;
}
