// Each ledger carries a random id in the workbook's settings, set when it is made or adopted:
// a returned form says which ledger it belongs to, so one office's forms never merge into another's.
import { LEDGER_ID_SETTING } from './names';

export function newLedgerId(): string {
  return globalThis.crypto.randomUUID();
}

/** Queues the id's write into the caller's batch (the batch that makes or adopts the ledger). */
export function queueLedgerId(context: Excel.RequestContext, id = newLedgerId()): string {
  context.workbook.settings.add(LEDGER_ID_SETTING, id);
  return id;
}

/** The ledger's id; a ledger made before ids existed gets one now. One or two syncs. */
export async function ensureLedgerId(context: Excel.RequestContext): Promise<string> {
  const setting = context.workbook.settings.getItemOrNullObject(LEDGER_ID_SETTING);
  setting.load('value');
  await context.sync();
  if (!setting.isNullObject && typeof setting.value === 'string' && setting.value) return setting.value;
  const id = queueLedgerId(context);
  await context.sync();
  return id;
}
