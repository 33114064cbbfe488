// Tells the pane when the ledger or the reference tables change, so it can re-validate. One
// handler on the workbook's table collection, not one per table: a ledger deleted and made
// again under the same name is a new table, and per-table handlers would never hear from it.
// Edits by co-authors arrive here too (source Remote) and are treated alike. Choosing a value
// from a cell's dropdown may not raise onChanged in Excel on the web (office-js #3888, #4066):
// a selection change asks for a re-read of the ledger too (the pane debounces both).
/** A change Excel reported: a table's cells (any table, by id) or the selection. */
export type WorkbookChange =
  | {
      readonly kind: 'table';
      readonly tableId: string;
      readonly worksheetId: string;
      readonly address: string;
    }
  | { readonly kind: 'selection' };

/** Excel.run(context, batch): a batch in the context a handler was registered in. */
export type ExcelRunIn = <T>(
  context: Excel.RequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export interface Watch {
  readonly handlers: readonly (
    | OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs>
    | OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs>
  )[];
}

/**
 * Registers the handlers, in one sync. Registered once, before any ledger exists if need be:
 * the listener decides what a change means (the ledger's table, or anything else).
 */
export async function watchWorkbook(
  context: Excel.RequestContext,
  onChange: (change: WorkbookChange) => void,
): Promise<Watch> {
  const changed = context.workbook.tables.onChanged.add(async (event) =>
    onChange({
      kind: 'table',
      tableId: event.tableId,
      worksheetId: event.worksheetId,
      address: event.address,
    }),
  );
  const selected = context.workbook.onSelectionChanged.add(async () => onChange({ kind: 'selection' }));
  await context.sync();
  return { handlers: [changed, selected] };
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

export type ChangeSource = 'ledger' | 'reference' | 'selection';

/**
 * What a change asks of the pane: the ledger's own table is re-read alone; any other table may
 * be 单位名录 or the status list, or a ledger made since, so everything is re-read.
 */
export function changeSource(change: WorkbookChange, ledgerTableId: string | null): ChangeSource {
  if (change.kind === 'selection') return 'selection';
  return change.tableId === ledgerTableId ? 'ledger' : 'reference';
}
