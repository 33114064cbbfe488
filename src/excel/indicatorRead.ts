// Reads the 指标 table in the current batch: header, body and where it is. The pane's reference
// read and the writes to the table share it, so both read it the same way.
import { readIndicatorTable, type CellValue, type IndicatorTable } from '../ledger';

type Loads = {
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly header: Excel.Range;
  readonly body: Excel.Range;
  readonly whole: Excel.Range;
};

/** The core's reading, once the loads have been synced. */
function tableOf(loads: Loads): IndicatorTable {
  return readIndicatorTable({
    header: loads.header.values[0] as CellValue[],
    rows: loads.body.values as CellValue[][],
    formulas: loads.body.formulas as unknown[][],
    sheetName: loads.sheet.name,
    place: { headerRow: loads.whole.rowIndex, firstColumn: loads.whole.columnIndex },
  });
}

/**
 * Queues the loads of the 指标 table `name` (each plan's ledger has its own: indicatorTableOf);
 * `now()` is readable after the next sync.
 */
export function loadIndicatorTable(
  context: Excel.RequestContext,
  name: string,
): Loads & { readonly now: () => IndicatorTable } {
  const table = context.workbook.tables.getItem(name);
  const loads: Loads = {
    table,
    sheet: table.worksheet.load('id, name'),
    header: table.getHeaderRowRange().load('values'),
    // Formulas too (a small table): a 完成率 typed over is a finding.
    body: table.getDataBodyRange().load('values, formulas, rowCount'),
    whole: table.getRange().load('rowIndex, columnIndex'),
  };
  return { ...loads, now: () => tableOf(loads) };
}
