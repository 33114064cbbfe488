// Who the leaders' mail goes to, kept with the workbook (Workbook settings), so whoever opens
// the ledger next month mails the same people.
import type { MailAddress } from '../ledger';
import { RECIPIENTS_SETTING } from './names';

export interface SavedRecipients {
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
}

const NONE: SavedRecipients = { to: [], cc: [] };

function addresses(value: unknown): MailAddress[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (a): a is { email: unknown; name?: unknown } => typeof a === 'object' && a !== null && 'email' in a,
    )
    .filter((a) => typeof a.email === 'string' && a.email.trim() !== '')
    .map((a) => ({
      email: String(a.email).trim(),
      ...(typeof a.name === 'string' && a.name ? { name: a.name } : {}),
    }));
}

/** One sync. Anything unreadable in the setting (edited by hand, an older format) reads as no one. */
export async function readRecipients(context: Excel.RequestContext): Promise<SavedRecipients> {
  const setting = context.workbook.settings.getItemOrNullObject(RECIPIENTS_SETTING);
  setting.load('value');
  await context.sync();
  if (setting.isNullObject) return NONE;
  const value = setting.value as { to?: unknown; cc?: unknown } | null;
  return value && typeof value === 'object' ? { to: addresses(value.to), cc: addresses(value.cc) } : NONE;
}

/** One sync. */
export async function saveRecipients(
  context: Excel.RequestContext,
  recipients: SavedRecipients,
): Promise<void> {
  context.workbook.settings.add(RECIPIENTS_SETTING, { to: recipients.to, cc: recipients.cc });
  await context.sync();
}
