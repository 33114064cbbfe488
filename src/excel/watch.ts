// Tells the pane when the ledger or the reference tables change, so it can re-validate. One
// handler on the workbook's table collection, not one per table: a ledger deleted and made
// again under the same name is a new table, and per-table handlers would never hear from it.
// Edits by co-authors arrive here too (source Remote) and are treated alike. Choosing a value
// from a cell's dropdown may not raise onChanged in Excel on the web (office-js #3888, #4066):
// a selection change asks for a re-read of the ledger too (the pane debounces both).
import { DIRECTORY_TABLE, STATUS_TABLE } from './names';

export type ChangeSource = 'ledger' | 'reference' | 'selection';

/** Excel.run(context, batch): a batch in the context a handler was registered in. */
export type ExcelRunIn = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface Watch {
  readonly handlers: readonly (
    | OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs>
    | OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs>
  )[];
}

/** Registers the handlers. Two syncs: which tables are which, then the registration. */
export async function watchWorkbook(
  context: Excel.RequestContext,
  ledgerTable: string,
  onChange: (source: ChangeSource) => void,
): Promise<Watch> {
  const tables = context.workbook.tables;
  tables.load('items/name, items/id');
  await context.sync();
  const kinds = new Map<string, ChangeSource>();
  for (const table of tables.items) {
    if (table.name === ledgerTable) kinds.set(table.id, 'ledger');
    else if (table.name === DIRECTORY_TABLE || table.name === STATUS_TABLE) kinds.set(table.id, 'reference');
  }
  // A table made since (a ledger made again, a rebuilt 单位名录) re-reads everything.
  const changed = tables.onChanged.add(async (event) => onChange(kinds.get(event.tableId) ?? 'reference'));
  const selected = context.workbook.onSelectionChanged.add(async () => onChange('selection'));
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
