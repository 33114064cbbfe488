// The first look most commands take at a workbook: its sheets, its tables, and whether its
// structure is protected (then no sheet may be added). Queued here, readable after a sync.
export function loadOutline(context: Excel.RequestContext) {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  const structure = context.workbook.protection;
  structure.load('protected');
  return { sheets, tables, structure };
}
