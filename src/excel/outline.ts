import { STATUS_NAME } from './names';

// The first look most commands take at a workbook: its sheets, its tables, whether its structure
// is protected (then no sheet may be added), and the status list's defined name if it has one.
// Queued here, readable after a sync.
export function loadOutline(context: Excel.RequestContext) {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  const structure = context.workbook.protection;
  structure.load('protected');
  const statusName = context.workbook.names.getItemOrNullObject(STATUS_NAME);
  statusName.load('name');
  return { sheets, tables, structure, statusName };
}
