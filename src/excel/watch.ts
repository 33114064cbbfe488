// Tells the pane when the workbook changes, so it can read again. One handler on the workbook's
// table collection, not one per table: a ledger deleted and made again under the same name is a
// new table, and per-table handlers would never hear from it. Edits by co-authors arrive here too
// (source Remote). A sheet deleted (ExcelApi 1.7) and a table added or deleted (ExcelApi 1.9,
// where the host has it) are heard as well, so a deleted ledger or 单位名录 is noticed without
// asking. Choosing a value from a cell's dropdown may not raise onChanged in Excel on the web
// (office-js #3888, #4066): a selection change is reported too, with the block selected where the
// host says it (ExcelApi 1.9), and the pane decides what to check (the one cell the user left).
import { blockOf, cellText, type CellValue } from '../ledger';
import type { LedgerRead } from './readLedger';
import type { ExcelRun } from './selfTest';
import type { ApiSupport } from './requirements';

/** A change Excel reported. */
export type WorkbookChange =
  | {
      readonly kind: 'table';
      readonly tableId: string;
      readonly worksheetId: string;
      /** The block changed, on its sheet (D27, B5:D7). */
      readonly address: string;
      readonly source: 'Local' | 'Remote';
      /** The one cell's value after the change, where the host gives it (ExcelApi 1.9, a single cell). */
      readonly valueAfter?: CellValue;
    }
  /** A table was added (ExcelApi 1.9): it may be one the pane reads. */
  | { readonly kind: 'tableAdded' }
  /** A table was deleted (ExcelApi 1.9), by its name. */
  | { readonly kind: 'tableDeleted'; readonly tableName: string }
  | { readonly kind: 'sheetDeleted'; readonly worksheetId: string }
  /** The selection moved; to which block of which sheet where the host says (ExcelApi 1.9). */
  | { readonly kind: 'selection'; readonly worksheetId?: string; readonly address?: string }
  | { readonly kind: 'sheetActivated'; readonly worksheetId: string };

/** Excel.run(context, batch): a batch in the context a handler was registered in. */
export type ExcelRunIn = <T>(
  context: Excel.RequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export interface Watch {
  readonly handlers: readonly OfficeExtension.EventHandlerResult<unknown>[];
}

type Handler = OfficeExtension.EventHandlerResult<unknown>;

/** The one cell's new value from an event's details, where the host reports them. */
function valueAfter(event: Excel.TableChangedEventArgs, supports: ApiSupport): { valueAfter?: CellValue } {
  if (!supports('1.9')) return {};
  // details exists only for a change of one cell; reading it otherwise is undefined.
  const details: Excel.ChangedEventDetail | undefined = event.details;
  const value: unknown = details?.valueAfter;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? { valueAfter: value }
    : {};
}

/**
 * Registers the handlers, in one sync. Registered once, before any ledger exists if need be:
 * the listener decides what a change means.
 */
export async function watchWorkbook(
  context: Excel.RequestContext,
  onChange: (change: WorkbookChange) => void,
  supports: ApiSupport,
): Promise<Watch> {
  const tables = context.workbook.tables;
  const handlers: Handler[] = [
    tables.onChanged.add(async (event) =>
      onChange({
        kind: 'table',
        tableId: event.tableId,
        worksheetId: event.worksheetId,
        address: event.address,
        source: event.source === 'Remote' ? 'Remote' : 'Local',
        ...valueAfter(event, supports),
      }),
    ),
    // The worksheets' event names the block selected; the workbook's (all a 1.7 or 1.8 host has)
    // does not, and such a host has no dropdown whose pick goes unheard on the web.
    supports('1.9')
      ? context.workbook.worksheets.onSelectionChanged.add(async (event) =>
          onChange({ kind: 'selection', worksheetId: event.worksheetId, address: event.address }),
        )
      : context.workbook.onSelectionChanged.add(async () => onChange({ kind: 'selection' })),
    context.workbook.worksheets.onDeleted.add(async (event) =>
      onChange({ kind: 'sheetDeleted', worksheetId: event.worksheetId }),
    ),
    // The sheet the user went to (ExcelApi 1.7): a 1.7 or 1.8 host's selection event does not say
    // which, and the docs do not promise a selection event on a move between sheets.
    context.workbook.worksheets.onActivated.add(async (event) =>
      onChange({ kind: 'sheetActivated', worksheetId: event.worksheetId }),
    ),
  ];
  if (supports('1.9')) {
    handlers.push(
      tables.onAdded.add(async () => onChange({ kind: 'tableAdded' })),
      tables.onDeleted.add(async (event) => onChange({ kind: 'tableDeleted', tableName: event.tableName })),
    );
  }
  await context.sync();
  return { handlers };
}

/** Removes the handlers, in the context they were registered in, as office-js requires. */
export async function stopWatching(runIn: ExcelRunIn, watch: Watch): Promise<void> {
  const [first] = watch.handlers;
  if (!first) return;
  await runIn(first.context as Excel.RequestContext, async (context) => {
    for (const handler of watch.handlers) handler.remove();
    await context.sync();
  });
}

/**
 * Whether a status cell the user left holds other than the view read (a dropdown pick the host
 * did not report): the single cells of the ledger's 状态 column among `left` are read, in one
 * small request; any other place is no concern. A failed read (the sheet or rows gone) says yes:
 * the full read decides, and says why if it fails too.
 */
export async function statusPicksUnheard(
  run: ExcelRun,
  read: LedgerRead,
  left: readonly { readonly worksheetId: string; readonly address: string }[],
): Promise<boolean> {
  const { location, ledger } = read;
  const status = ledger.header.columns.status;
  if (status === undefined) return false;
  const rowOf = (address: string) => {
    const block = blockOf(address);
    const row = block ? block.row - location.headerRow - 1 : -1;
    const one = block?.rowCount === 1 && block.columnCount === 1;
    return one && block.column === location.firstColumn + status && row >= 0 && row < ledger.rows.length
      ? row
      : null;
  };
  const cells = [
    ...new Set(
      left
        .filter((p) => p.worksheetId === location.sheetId && rowOf(p.address) !== null)
        .map((p) => p.address),
    ),
  ];
  if (cells.length === 0) return false;
  try {
    const values = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(location.sheetId);
      const ranges = cells.map((address) => sheet.getRange(address).load('values'));
      await context.sync();
      return ranges.map((range) => range.values[0][0] as CellValue);
    });
    return cells.some((address, i) => {
      const shown = ledger.rows[rowOf(address) ?? -1]?.[status] ?? null;
      return cellText(values[i] ?? null).trim() !== cellText(shown).trim();
    });
  } catch {
    return true;
  }
}
