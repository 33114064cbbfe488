// The 报送 register's workflows as plain functions: forms issued and the round recorded in one
// request, and the round as the register holds it now.
import {
  LedgerError,
  queueRegisterWrite,
  readOptions,
  readRegisterSheet,
  type RegisterOutcome,
  type RegisterSheet,
} from '../excel';
import {
  downloadFile,
  reminderDrafts,
  returnFormFile,
  returnFormsZip,
  XLSX_TYPE,
  type NamedFile,
  type ReminderDraft,
  type ReturnFileOptions,
} from '../files';
import {
  dayFromLocalDate,
  issueRound,
  roundStatus,
  summarize,
  type DateSystem,
  type Day,
  type RoundStatus,
  type SummaryModel,
} from '../ledger';
import type { Host } from './host';
import { readFormsIn } from './returnsWorkflow';
import type { LedgerApi } from './useLedger';

/**
 * Makes the forms from the workbook as read in this request, then records the round in 报送登记
 * in the same request's write: a round is recorded only when its forms were made.
 *
 * Two round trips, one more than the forms alone (three when the user's AutoCorrect keeps tables
 * from growing over rows written below them: see appendSpecRows). The round's rows are a function
 * of what the read returns, and an Excel request has no command that writes one thing or another
 * by what an earlier command of the same request read: whether a unit already has a row in this
 * round (then its row is rewritten and its returns stand, else a row is added), where each value
 * goes (the office may have moved or added columns), whether the sheet may be written at all
 * (protected by someone else: a write there fails the whole request, the forms' read with it), and
 * 报送截止 (kept in the workbook's settings). Queuing the write with the read would take all four
 * from the pane's earlier view — a cache — and a wrong guess could not be taken back without the
 * request it saved (a duplicate row for a re-issued unit; the forms' read lost to a protected sheet).
 */
export async function issueForms<F>(
  host: Pick<Host, 'run' | 'now' | 'supports'>,
  pane: Pick<LedgerApi, 'tablesSeen' | 'ledgerTable' | 'take'>,
  units: readonly string[],
  make: (model: SummaryModel, options: ReturnFileOptions) => Promise<F>,
): Promise<{ readonly made: F; readonly register: RegisterOutcome }> {
  return host.run(async (context) => {
    const now = host.now();
    const { report, model, options, sheetNames, known } = await readFormsIn(context, pane, now, true);
    refuseUnitsWithoutTasks(model, units, known);
    const made = await make(model, options);
    const register = await recordRound(context, report.read, sheetNames, host, {
      asOf: model.asOf,
      returnBy: options.returnBy ?? model.asOf,
      units,
    });
    return { made, register };
  });
}

/**
 * Forms go only to units with tasks in the ledger this request read: a unit of another plan (the
 * pane was showing that plan's units) would get an empty form and be counted as owing one.
 */
export function refuseUnitsWithoutTasks(
  model: SummaryModel,
  units: readonly string[],
  known: ReadonlySet<string>,
): void {
  const outside = units.filter((u) => !known.has(u));
  if (outside.length === 0) return;
  const title = model.names.title;
  throw new LedgerError(
    {
      zh: `${outside.join('、')}在当前方案“${title}”的台账中没有任务：未生成反馈表，报送登记未改动。请转到该单位所在方案的台账再试。`,
      en: `${outside.join(', ')} ${outside.length === 1 ? 'has' : 'have'} no task in the ledger of ${title}: no form was made and 报送登记 was not changed. Go to the ledger of that unit's plan and try again.`,
    },
    'UnitWithoutTasks',
  );
}

/**
 * Records in 报送登记 the round of forms just made from `read` (this request's own read): each
 * unit's row of the round (asOf, returnBy) written, a unit asked again keeping its row. One sync
 * (and the register's settle). Every action that hands out forms records them through here.
 */
export async function recordRound(
  context: Excel.RequestContext,
  read: {
    readonly register: RegisterSheet | null;
    readonly reference: { readonly dateSystem: DateSystem };
    readonly ledger: { readonly location: { readonly tableName: string; readonly sheetName: string } };
  },
  sheetNames: readonly string[],
  host: Pick<Host, 'now' | 'supports'>,
  round: { readonly asOf: Day; readonly returnBy: Day; readonly units: readonly string[] },
): Promise<RegisterOutcome> {
  const changes = issueRound(read.register?.register.entries ?? [], {
    ...round,
    today: dayFromLocalDate(host.now()),
  });
  const write = queueRegisterWrite(
    context,
    read.register,
    changes,
    read.reference.dateSystem,
    sheetNames,
    host.supports,
    // The round is the plan's own: its rows carry its ledger table in 方案.
    read.ledger.location.tableName,
  );
  await context.sync();
  await write.settle();
  return write.outcome;
}

/** Every unit's form issued in one .zip and downloaded; the register's outcome said after. */
export async function downloadForms(
  host: Pick<Host, 'run' | 'now' | 'supports'>,
  pane: Pick<LedgerApi, 'tablesSeen' | 'ledgerTable' | 'take'>,
  units: readonly string[],
): Promise<RegisterOutcome> {
  const { made, register } = await issueForms(host, pane, units, (model, options) =>
    returnFormsZip(model, units, options),
  );
  downloadFile(made.name, made.bytes, 'application/zip');
  return register;
}

/** One unit's form issued as its own .xlsx and downloaded. */
export async function downloadForm(
  host: Pick<Host, 'run' | 'now' | 'supports'>,
  pane: Pick<LedgerApi, 'tablesSeen' | 'ledgerTable' | 'take'>,
  unit: string,
): Promise<RegisterOutcome> {
  const { made, register } = await issueForms(host, pane, [unit], (model, options) =>
    returnFormFile(model, unit, options),
  );
  downloadFile(made.name, made.bytes, XLSX_TYPE);
  return register;
}

/** The round of a plan (its ledger table) as 报送登记 holds it now (null when no round was issued). */
export async function readRound(host: Pick<Host, 'run' | 'now'>, plan?: string): Promise<RoundStatus | null> {
  const sheet = await host.run((c) => readRegisterSheet(c, plan));
  return sheet ? roundStatus(sheet.register.entries, dayFromLocalDate(host.now())) : null;
}

/**
 * 催报: a draft to each unit of the current round that has not reported, each with its form made
 * again from the ledger as read in this request, for the round's 截至 date.
 */
export async function draftReminders(
  host: Pick<Host, 'run' | 'now' | 'supports'>,
  pane: Pick<LedgerApi, 'tablesSeen' | 'ledgerTable' | 'take'>,
): Promise<{
  readonly drafts: readonly ReminderDraft[];
  readonly zip: NamedFile;
  readonly round: RoundStatus;
}> {
  return host.run(async (context) => {
    const now = host.now();
    const { report, options, sender } = await readFormsIn(context, pane, now, true);
    const { register, reference, ledger } = report.read;
    const round = register ? roundStatus(register.register.entries, dayFromLocalDate(now)) : null;
    if (!round) throw noRoundError();
    const missing = round.units.filter(
      (u) => u.entry.issuedOn !== null && (u.state === 'waiting' || u.state === 'overdue'),
    );
    if (missing.length === 0) throw allReportedError();
    // The form answers the round: it carries the round's 截至 date, so its return is recorded there.
    const model = summarize(ledger.ledger, readOptions(reference, round.asOf, ledger.location));
    const made = await reminderDrafts(model, missing, { ...options, sender });
    return { ...made, round };
  });
}

function noRoundError(): LedgerError {
  return new LedgerError(
    {
      zh: '报送登记中还没有下发记录：请先在“反馈”页生成反馈表。',
      en: 'No round has been issued yet: make the return forms on the Returns tab first.',
    },
    'NoRound',
  );
}

function allReportedError(): LedgerError {
  return new LedgerError(
    { zh: '本期各单位均已报送，无需催报。', en: 'Every unit of this round has reported: nothing to remind.' },
    'AllReported',
  );
}
