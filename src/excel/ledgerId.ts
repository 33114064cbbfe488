// Each ledger carries a random id in the workbook's settings, set when it is made or adopted:
// a returned form says which ledger it belongs to, so one office's forms never merge into another's.
import { FIRST_LEDGER_TABLE } from '../ledger';
import { LedgerError } from './errors';
import { LEDGER_ID_SETTING } from './names';

/** The setting holding a ledger table's id: the first ledger's as it always was, another plan's beside it. */
export function ledgerIdSetting(table: string = FIRST_LEDGER_TABLE): string {
  return table.toLowerCase() === FIRST_LEDGER_TABLE.toLowerCase()
    ? LEDGER_ID_SETTING
    : `${LEDGER_ID_SETTING}:${table}`;
}

export function newLedgerId(): string {
  return globalThis.crypto.randomUUID();
}

/** Queues the id's write into the caller's batch (the batch that makes or adopts the ledger). */
export function queueLedgerId(
  context: Excel.RequestContext,
  id = newLedgerId(),
  table: string = FIRST_LEDGER_TABLE,
): string {
  context.workbook.settings.add(ledgerIdSetting(table), id);
  return id;
}

/** The ledger's id; a ledger made before ids existed gets one now. One or two syncs. */
export async function ensureLedgerId(
  context: Excel.RequestContext,
  table: string = FIRST_LEDGER_TABLE,
): Promise<string> {
  const setting = context.workbook.settings.getItemOrNullObject(ledgerIdSetting(table));
  setting.load('value');
  await context.sync();
  if (!setting.isNullObject && typeof setting.value === 'string' && setting.value) return setting.value;
  const id = queueLedgerId(context, undefined, table);
  await context.sync();
  return id;
}

/**
 * Queues a look at the id of the ledger `table` into the caller's first request (no sync of its
 * own); the check it returns refuses, before anything is queued, when that ledger is not the one
 * the returned forms were reviewed against: another plan's ledger, or one made again since.
 */
export function queueLedgerIdCheck(
  context: Excel.RequestContext,
  table: string,
  expected: string,
): () => void {
  const setting = context.workbook.settings.getItemOrNullObject(ledgerIdSetting(table)).load('value');
  return () => {
    if (!setting.isNullObject && setting.value === expected) return;
    throw new LedgerError(
      {
        zh: `表格“${table}”的台账不是这些反馈表审核时所依据的台账（台账编号不同），未写入任何内容。请在反馈表所属方案的台账上重新导入。`,
        en: `The ledger in table ${table} is not the one these returns were reviewed against (its id differs); nothing was written. Import them again on their own plan's ledger.`,
      },
      'OtherLedger',
    );
  };
}
