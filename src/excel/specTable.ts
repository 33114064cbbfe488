// The one place a table described by a spec is made, appended to and read. Every table the
// add-in owns goes through here, so formats come before values (text stays text, never a
// formula), widths come from the spec, and a read finds columns by header text.
import {
  blockOf,
  columnOf,
  headersOf,
  layoutOf,
  placedFormats,
  specLayout,
  type CellValue,
  type TableLayout,
  type TableSpec,
} from '../ledger';
import { columnLetter, toExcel } from './cells';
import { LedgerError } from './errors';
import { POINTS_PER_CHARACTER } from './ledgerFormat';
import { blockAddress, localAddress } from './ownWrites';
import type { ApiSupport } from './requirements';

export interface MadeTable {
  readonly table: Excel.Table;
  /** The header and body, as A1:H9. */
  readonly block: string;
  /** Blocks whose data a command changed, one per command (the pane tells its echoes by them). */
  readonly written: readonly string[];
}

/**
 * Makes the spec's table at (row, column) of a sheet over `rows` (in the spec's column order),
 * or over the `kept` rows already under a matching header there. Widths set per run of equal
 * widths, one command each. Queued; the caller syncs.
 */
export function createSpecTable<K extends string>(
  sheet: Excel.Worksheet,
  spec: TableSpec<K>,
  body: { readonly rows: readonly (readonly CellValue[])[] } | { readonly kept: number },
  options: {
    readonly style: string;
    readonly row?: number;
    readonly column?: number;
    /** The table's name where the caller was asked for another than the spec's. */
    readonly name?: string;
  },
): MadeTable {
  const row = options.row ?? 0;
  const column = options.column ?? 0;
  const width = spec.columns.length;
  const rowCount = 'rows' in body ? body.rows.length : body.kept;
  const block = blockAddress(row, column, rowCount + 1, width);
  const written: string[] = [];
  if ('rows' in body) {
    const area = sheet.getRangeByIndexes(row, column, rowCount + 1, width);
    const layout = specLayout(spec);
    area.numberFormat = [
      spec.columns.map(() => '@'),
      ...body.rows.map((r) => placedFormats(spec, layout, r)),
    ];
    area.values = [headersOf(spec), ...body.rows.map((r) => r.map(toExcel))];
    written.push(block, block);
  }
  const table = sheet.tables.add(block, true);
  table.name = options.name ?? spec.table;
  table.style = options.style;
  written.push(block);
  for (let i = 0; i < width;) {
    let j = i;
    while (j + 1 < width && spec.columns[j + 1].width === spec.columns[i].width) j++;
    sheet.getRange(`${columnLetter(column + i)}:${columnLetter(column + j)}`).format.columnWidth =
      spec.columns[i].width * POINTS_PER_CHARACTER;
    i = j + 1;
  }
  return { table, block, written };
}

export interface Appended {
  /** The rows' block, as this request found it (sheet-local, as A10:H12); readable after the sync. */
  readonly address: () => string;
  /** The first cell of the block that held something before the write, or null; after the sync. */
  readonly occupied: () => string | null;
  /** Queues the block back as it was before the write (formats first: text stays text). */
  readonly restore: () => void;
  /**
   * The rows the table did not grow over, after the sync: all of them when the user turned off
   * AutoCorrect's "Include new rows and columns in table", else 0. See fitAppended.
   */
  readonly missed: () => number;
  /** Queues the caller's column rules over the table's data body again (after a resize). */
  readonly rules: () => void;
}

/**
 * Queues whether rows may be written directly below the table: nothing on its sheet stands below
 * it (the used range ends no lower) and it shows no totals row (汇总行, which a user may switch on).
 * Rows written under a totals row would stand below it, outside the table, and resizing over
 * them would leave the totals row among the data: such a table gets its rows inserted
 * (TableRowCollection.add puts them above the totals row). Read in an action's first request.
 */
export function queueRoomBelow(table: Excel.Table): { readonly clear: () => boolean } {
  const whole = table.getRange().load('rowIndex, rowCount');
  const used = table.worksheet.getUsedRange(true).load('rowIndex, rowCount');
  table.load('showTotals');
  return {
    clear: () => !table.showTotals && used.rowIndex + used.rowCount <= whole.rowIndex + whole.rowCount,
  };
}

/**
 * Queues whether nothing on the sheet stands right of the table: a column added at its end
 * shifts the cells beside its rows right (TableColumnCollection.add), so it is added only then.
 */
export function queueRoomRight(table: Excel.Table): { readonly clear: () => boolean } {
  const whole = table.getRange().load('columnIndex, columnCount');
  const used = table.worksheet.getUsedRange(true).load('columnIndex, columnCount');
  return { clear: () => used.columnIndex + used.columnCount <= whole.columnIndex + whole.columnCount };
}

/**
 * Queues a spec's column appended at the table's end, by its header (the cells beside the table
 * must be empty: see queueRoomRight), its width set; returns the layout with it. The sheet must
 * not be protected when the request runs. Rows appended after it in the request are formatted
 * by appendSpecRows; the rows above keep empty cells, which read as the column's default.
 */
export function appendSpecColumn<K extends string>(
  table: Excel.Table,
  spec: TableSpec<K>,
  layout: TableLayout<K>,
  key: K,
): TableLayout<K> {
  const column = columnOf(spec, key);
  // Named, with no values (office-js #3013: 1501 values ending empty leave the table a row short).
  const added = table.columns.add(undefined, undefined, column.header);
  added.getRange().format.columnWidth = column.width * POINTS_PER_CHARACTER;
  return { ...layout, columns: { ...layout.columns, [key]: layout.width }, width: layout.width + 1 };
}

/**
 * Appends rows (placed in the table's own column order) by writing them directly below the
 * table, which grows over them: TableRowCollection.add is a documented cause of co-authoring
 * merge conflicts (learn.microsoft.com, "Coauthoring in Excel add-ins"). The place is the
 * table's as this request finds it, never a row count read earlier, so rows a co-author added
 * meanwhile are not written over. What the block held before is read in the same request: a
 * caller whose block was not empty restores it and refuses (nothing below is ever lost).
 * Where the caller read that something stands below the table (`clearBelow` false), the rows
 * are inserted with TableRowCollection.add instead, which moves what is below down.
 *
 * The table grows over rows written below it only while the user's AutoCorrect option "Include
 * new rows and columns in table" is on — assumed, since the neighbouring AutoCorrect option for
 * calculated columns governs the API's writes (office-js #2093, #6745) and the docs are silent on
 * this one — and the add-in can neither read nor set it. So the table's size is read after the
 * write in the same request, and fitAppended resizes it over the rows it did not take in after
 * the sync (Table.resize, ExcelApi 1.13): a request more only when the option is off. Below 1.13
 * the rows are always inserted with TableRowCollection.add, which puts them in the table whatever
 * the option says: rows left outside would be lost to the table, and an undo counting them in it
 * would delete the user's rows.
 */
export function appendSpecRows<K extends string>(
  table: Excel.Table,
  spec: TableSpec<K>,
  layout: TableLayout<K>,
  rows: readonly (readonly CellValue[])[],
  options: {
    /** What queueRoomBelow read in the action's first request. */
    readonly clearBelow: boolean;
    /** Table.resize (ExcelApi 1.13) decides whether rows may be written below the table. */
    readonly supports: ApiSupport;
    /**
     * Queues a column's data validation over the table's data body as it is when called: after
     * the values (the rows are the table's by then, unless AutoCorrect kept them out), and again
     * after queueFit's resize. Never on the rows' block: cells below a table may stay outside it.
     */
    readonly columnRules?: (body: Excel.Range) => void;
    /**
     * Columns written from the table's first, when the caller could not read the table's width
     * (rows in the spec's order): the rest of a wider table's new rows stay empty.
     */
    readonly width?: number;
  },
): Appended {
  const n = rows.length;
  const clearBelow = options.clearBelow && options.supports('1.13');
  if (!clearBelow)
    table.rows.add(
      undefined,
      rows.map((r) => r.map(() => '')),
    );
  const below = () => table.getRange().getLastRow().getOffsetRange(1, 0);
  const place = () =>
    clearBelow
      ? options.width === undefined
        ? below().getResizedRange(n - 1, 0)
        : below()
            .getCell(0, 0)
            .getResizedRange(n - 1, options.width - 1)
      : table
          .getDataBodyRange()
          .getLastRow()
          .getOffsetRange(1 - n, 0)
          .getResizedRange(n - 1, 0);
  const before = place().load('formulas, numberFormat, address');
  const block = place();
  const sizeBefore = table.getRange().load('rowCount');
  // Formats first: the rows' text stays text, never a formula.
  block.numberFormat = rows.map((r) => placedFormats(spec, layout, r));
  block.values = rows.map((r) => r.map(toExcel));
  const rules = () => options.columnRules?.(table.getDataBodyRange());
  rules();
  const sizeAfter = table.getRange().load('rowCount');
  return {
    rules,
    missed: () => (clearBelow ? n - (sizeAfter.rowCount - sizeBefore.rowCount) : 0),
    address: () => localAddress(before.address),
    occupied: () => {
      // Rows inserted by TableRowCollection.add were empty by making.
      const formulas = clearBelow ? (before.formulas as unknown[][]) : [];
      const r = formulas.findIndex((cells) => cells.some((v) => v !== ''));
      const start = blockOf(localAddress(before.address));
      if (r < 0 || !start) return null;
      const c = formulas[r].findIndex((v) => v !== '');
      return blockAddress(start.row + r, start.column + c);
    },
    restore: () => {
      const cells = table.worksheet.getRange(localAddress(before.address));
      cells.numberFormat = before.numberFormat;
      cells.formulas = before.formulas;
    },
  };
}

/**
 * After the sync of appendSpecRows' write: the table resized over the rows it did not take in
 * (now directly below it, whatever else the request deleted from it), in one more request, only
 * when there are such rows. Appends to one table, in the order queued.
 */
export async function fitAppended(
  context: Excel.RequestContext,
  table: Excel.Table,
  appended: readonly (Appended | null)[],
  supports: ApiSupport,
): Promise<void> {
  if (!queueFit(table, appended, supports)) return;
  await context.sync();
}

/** The same resize queued into a request the caller syncs anyway; true when one was queued. */
export function queueFit(
  table: Excel.Table,
  appended: readonly (Appended | null)[],
  supports: ApiSupport,
): boolean {
  // Rows are written below a table only where resize exists (appendSpecRows): none missed below.
  if (!supports('1.13')) return false;
  const missed = appended.reduce((sum, a) => sum + (a?.missed() ?? 0), 0);
  if (missed === 0) return false;
  table.resize(table.getRange().getResizedRange(missed, 0));
  // Resize takes the rows in, not the column's rules (no cell is changed): set over them now.
  for (const a of appended) a?.rules();
  return true;
}

/** The refusal when rows appended below a table would have covered something there. */
export function occupiedBelow(sheetName: string, cell: string): LedgerError {
  return new LedgerError(
    {
      zh: `“${sheetName}”表格下方的 ${cell} 有内容，为避免覆盖，未写入任何行；内容已保留原样。请移走表格下方的内容后重试。`,
      en: `${sheetName}!${cell} below the table holds something; no row was added and it was left as it was. Move it and try again.`,
    },
    'CellsInTheWay',
  );
}

/** A table's header and body, queued; readable after the next sync. */
export function queueSpecTableRead<K extends string>(table: Excel.Table, spec: TableSpec<K>) {
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('values');
  return () => {
    const names = header.values[0] as CellValue[];
    return {
      header: names,
      layout: layoutOf(spec, names),
      rows: body.values as CellValue[][],
      rowCount: body.values.length,
    };
  };
}

/** Rows per request when a table's cells would pass Excel on the web's 5 MB reply. */
export const SPEC_BLOCK_ROWS = 20_000;

/**
 * The same read in blocks of rows, each its own request, for a table too big for one reply:
 * the header and size first, then the body block by block.
 */
export async function readSpecTableInBlocks<K extends string>(
  context: Excel.RequestContext,
  table: Excel.Table,
  spec: TableSpec<K>,
  blockRows = SPEC_BLOCK_ROWS,
): Promise<{ header: CellValue[]; layout: TableLayout<K>; rows: CellValue[][]; rowCount: number }> {
  const header = table.getHeaderRowRange().load('values');
  const size = table.getDataBodyRange().load('rowCount');
  await context.sync();
  const rows: CellValue[][] = [];
  for (let start = 0; start < size.rowCount; start += blockRows) {
    const block = table
      .getDataBodyRange()
      .getRow(start)
      .getResizedRange(Math.min(blockRows, size.rowCount - start) - 1, 0)
      .load('values');
    // One request per block: each must stay under the cap, so they cannot share a sync.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    rows.push(...(block.values as CellValue[][]));
  }
  const names = header.values[0] as CellValue[];
  return { header: names, layout: layoutOf(spec, names), rows, rowCount: size.rowCount };
}
