// What the mails and forms say besides the report, kept with the workbook (Workbook settings) so
// whoever sends next month says the same: the 落款's sender unit, and the date the return forms
// are asked back by, and the 通报's 五、下步工作 lines.
import { dayFromIso, FIRST_LEDGER_TABLE, isoDate, type Day } from '../ledger';
import { NEXT_STEPS_SETTING, RETURN_BY_SETTING, SENDER_SETTING } from './names';

export interface SendSettings {
  /** '' when not set. */
  readonly sender: string;
  /** The date set in the 反馈 tab, or null (then the default of five working days applies). */
  readonly returnBy: Day | null;
  /** The 通报's 下步工作 lines as saved, or null when never saved (the defaults are offered). */
  readonly nextSteps: readonly string[] | null;
}

/** A saved list of lines; anything else (edited by hand into another shape) reads as not saved. */
function linesOf(setting: Excel.Setting): readonly string[] | null {
  if (setting.isNullObject || !Array.isArray(setting.value)) return null;
  const lines: unknown[] = setting.value;
  return lines.every((l) => typeof l === 'string') ? (lines as string[]) : null;
}

/**
 * The setting holding a plan's 下步工作 lines: the first ledger's as it always was (old workbooks
 * read as before), another plan's beside it, so one plan's lines never appear in another's 通报.
 */
export function nextStepsSetting(table: string = FIRST_LEDGER_TABLE): string {
  return table.toLowerCase() === FIRST_LEDGER_TABLE.toLowerCase()
    ? NEXT_STEPS_SETTING
    : `${NEXT_STEPS_SETTING}:${table}`;
}

/**
 * Queues the read into the caller's request; its result is read after that request's sync. The
 * 下步工作 lines are those of the plan whose ledger is the table `table`.
 */
export function queueSendSettings(
  context: Excel.RequestContext,
  table: string = FIRST_LEDGER_TABLE,
): () => SendSettings {
  const sender = context.workbook.settings.getItemOrNullObject(SENDER_SETTING).load('value');
  const returnBy = context.workbook.settings.getItemOrNullObject(RETURN_BY_SETTING).load('value');
  const nextSteps = context.workbook.settings.getItemOrNullObject(nextStepsSetting(table)).load('value');
  const text = (setting: Excel.Setting) =>
    !setting.isNullObject && typeof setting.value === 'string' ? setting.value.trim() : '';
  // A value edited by hand into something else reads as not set.
  return () => ({
    sender: text(sender),
    returnBy: dayFromIso(text(returnBy)),
    nextSteps: linesOf(nextSteps),
  });
}

/** One sync. */
export async function readSendSettings(
  context: Excel.RequestContext,
  table: string = FIRST_LEDGER_TABLE,
): Promise<SendSettings> {
  const settings = queueSendSettings(context, table);
  await context.sync();
  return settings();
}

/** One sync. An empty name is kept as '' (not set). */
export async function saveSender(context: Excel.RequestContext, sender: string): Promise<string> {
  const name = sender.trim();
  context.workbook.settings.add(SENDER_SETTING, name);
  await context.sync();
  return name;
}

/** One sync. Null is kept as '' (not set): the default of five working days applies again. */
export async function saveReturnBy(context: Excel.RequestContext, day: Day | null): Promise<void> {
  context.workbook.settings.add(RETURN_BY_SETTING, day === null ? '' : isoDate(day));
  await context.sync();
}

/**
 * Queues the 下步工作 lines into the caller's request (blank lines dropped), so a 通报 made in
 * the same request reads them back; returns what is kept. They are the plan's of the ledger `table`.
 */
export function queueNextSteps(
  context: Excel.RequestContext,
  lines: readonly string[],
  table: string = FIRST_LEDGER_TABLE,
): string[] {
  const kept = lines.map((l) => l.trim()).filter(Boolean);
  context.workbook.settings.add(nextStepsSetting(table), kept);
  return kept;
}
