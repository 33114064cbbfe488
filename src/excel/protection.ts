// Protects the official columns (序号, 工作任务, 责任单位) while the rest of the ledger stays
// editable and sorting and filtering keep working.
import type { HeaderMap } from '../ledger';
import { columnLetter } from './cells';
import type { LedgerLocation } from './readLedger';

const OFFICIAL = ['no', 'task', 'units'] as const;

export async function setOfficialColumnsProtected(
  context: Excel.RequestContext,
  location: LedgerLocation,
  header: HeaderMap,
  on: boolean,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  const protection = context.workbook.worksheets.getItem(location.sheetName).protection;
  protection.load('protected');
  await context.sync();
  if (protection.protected) protection.unprotect();
  if (on) {
    const first = location.headerRow + 1;
    const last = location.headerRow + 1 + location.rowCount;
    const whole = sheet.getRange(
      `${columnLetter(location.firstColumn)}${first}:${columnLetter(location.firstColumn + location.columnCount - 1)}${last}`,
    );
    whole.format.protection.locked = false;
    for (const key of OFFICIAL) {
      const index = header.columns[key];
      if (index === undefined) continue;
      const letter = columnLetter(location.firstColumn + index);
      sheet.getRange(`${letter}${first}:${letter}${last}`).format.protection.locked = true;
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

export async function isSheetProtected(context: Excel.RequestContext, sheetName: string): Promise<boolean> {
  const protection = context.workbook.worksheets.getItem(sheetName).protection;
  protection.load('protected');
  await context.sync();
  return protection.protected;
}
