// 开始 › 导入分工表 from the current sheet: a 分工 table pasted from Word or a PDF, read as its
// cells show (a date cell as the date it shows, never its serial number), in one request. An
// annex of a few hundred rows is a few hundred KB, far under Excel on the web's 5 MB reply.
// Nothing is written: the pane shows what was read, and the user imports it or not.
import { importAnnexTable, type ImportOptions, type PlanImport } from '../ledger';
import { LedgerError } from './errors';

export interface AnnexSheetRead {
  readonly sheet: string;
  readonly annex: PlanImport;
  /** The sheet row of the used range's first row: an annex row n is sheet row firstRow + n - 1. */
  readonly firstRow: number;
  /** The used range's cells as shown: what the user's fixes apply to, and what the import checks is still there. */
  readonly cells: string[][];
}

export async function readAnnexSheet(
  context: Excel.RequestContext,
  options: ImportOptions = {},
): Promise<AnnexSheetRead> {
  const sheet = context.workbook.worksheets.getActiveWorksheet().load('name');
  const used = sheet.getUsedRangeOrNullObject(true).load('text, rowIndex');
  await context.sync();
  if (used.isNullObject)
    throw new LedgerError({
      zh: `工作表“${sheet.name}”是空的，未读取任何内容。请先把分工表粘贴到工作表中，或改用“粘贴文字”导入。`,
      en: `The sheet ${sheet.name} is empty; nothing was read. Paste the 分工 table into a sheet first, or import pasted text.`,
    });
  return {
    sheet: sheet.name,
    annex: importAnnexTable(used.text, options),
    firstRow: used.rowIndex + 1,
    cells: used.text,
  };
}
