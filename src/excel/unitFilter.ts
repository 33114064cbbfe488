// The unit filter works through the table's own 序号 filter, so Excel's UI can clear it too.
// Excel filters on the text a cell shows (序号 formatted 000 shows 001), so the filter is given
// the shown texts of the wanted rows, read in the same operation; and it touches only its own
// column's filter, never the user's filters on other columns.
import { LedgerError } from './errors';
import type { LedgerRead } from './readLedger';

/** The 序号 column as the table names it (the header the user sees, whatever its spelling). */
function numberColumn(context: Excel.RequestContext, read: LedgerRead): Excel.TableColumn {
  const column = read.ledger.header.columns.no;
  if (column === undefined) {
    throw new LedgerError(
      { zh: '台账缺少“序号”列，无法筛选。', en: 'The ledger has no 序号 column to filter on.' },
      'ColumnMissing',
    );
  }
  return context.workbook.tables
    .getItem(read.location.tableName)
    .columns.getItem(String(read.ledger.headerRow[column]));
}

/** What the table shows after the pane filtered it or cleared its filter. */
export interface FilterOutcome {
  /** Rows visible in the table now: a filter of the user's on another column hides some too. */
  readonly shown: number;
  /** The headers of other columns that still carry a filter (the user's own), in table order. */
  readonly otherFilters: readonly string[];
}

/**
 * Queued after the pane's own filter change, in the same request: every column's filter (a
 * column without one has no criteria) and the rows still visible (RangeView, ExcelApi 1.3).
 */
function queueOutcome(context: Excel.RequestContext, read: LedgerRead, ours: Excel.TableColumn) {
  const table = context.workbook.tables.getItem(read.location.tableName);
  const columns = table.columns.load('items/name, items/filter/criteria');
  ours.load('name');
  const visible = table.getDataBodyRange().getVisibleView().load('rowCount');
  return (): FilterOutcome => ({
    shown: visible.rowCount,
    otherFilters: columns.items
      .filter((c) => c.name !== ours.name && c.filter.criteria?.filterOn !== undefined)
      .map((c) => c.name),
  });
}

export async function applyUnitFilter(
  context: Excel.RequestContext,
  read: LedgerRead,
  numbers: readonly number[],
): Promise<FilterOutcome> {
  if (numbers.length === 0) {
    throw new LedgerError(
      {
        zh: '所选单位在台账中没有任务，未更改筛选。',
        en: 'The selected units have no tasks; the filter was not changed.',
      },
      'NoTasks',
    );
  }
  const column = numberColumn(context, read);
  const cells = column.getDataBodyRange();
  cells.load('values, text');
  await context.sync();
  const wanted = new Set(numbers);
  const texts = cells.text;
  const shown = new Set<string>();
  (cells.values as unknown[][]).forEach((row, i) => {
    if (typeof row[0] === 'number' && wanted.has(row[0])) shown.add(String(texts[i][0]));
  });
  column.filter.clear();
  column.filter.applyValuesFilter([...shown]);
  const outcome = queueOutcome(context, read, column);
  await context.sync();
  return outcome();
}

/** Clears the pane's 序号 filter only; filters the user set on other columns stay, and are named. */
export async function clearUnitFilter(
  context: Excel.RequestContext,
  read: LedgerRead,
): Promise<FilterOutcome> {
  const column = numberColumn(context, read);
  column.filter.clear();
  const outcome = queueOutcome(context, read, column);
  await context.sync();
  return outcome();
}
