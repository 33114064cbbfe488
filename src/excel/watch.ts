// Tells the pane when the ledger or the reference tables change, so it can re-validate.
import { DIRECTORY_TABLE, STATUS_TABLE } from './names';

export type ChangeSource = 'ledger' | 'reference';

/** Registers change handlers (they live as long as the document is open). One sync. */
export async function watchWorkbook(
  context: Excel.RequestContext,
  ledgerTable: string,
  onChange: (source: ChangeSource) => void,
): Promise<void> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  for (const table of tables.items) {
    if (table.name === ledgerTable) {
      table.onChanged.add(async () => onChange('ledger'));
    } else if (table.name === DIRECTORY_TABLE || table.name === STATUS_TABLE) {
      table.onChanged.add(async () => onChange('reference'));
    }
  }
  await context.sync();
}
