// The 报送 register's workflows as plain functions: forms issued and the round recorded in one
// request, and the round as the register holds it now.
import {
  LedgerError,
  queueRegisterWrite,
  readOptions,
  readRegisterSheet,
  type RegisterOutcome,
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
 * Two round trips, one more than the forms alone, and not folded into the read: every cell of
 * the round's rows comes from that read. 报送截止 is the date kept in the workbook's settings,
 * a unit already asked in this round keeps its row (its returns stand) and is found only by the
 * rows read, the office's own columns and its column order are the header's, and a sheet
 * someone else protected must not be written at all (a write there fails the whole request, the
 * read with it). Writing rows below the table from the pane's guesses and checking after the
 * sync would put rows made from a cache into the workbook, duplicate a re-issued unit, and fail
 * the forms' own read on a protected register; undoing any of that costs the request it saves.
 */
export async function issueForms<F>(
  host: Pick<Host, 'run' | 'now' | 'supports'>,
  pane: Pick<LedgerApi, 'tablesSeen' | 'take'>,
  units: readonly string[],
  make: (model: SummaryModel, options: ReturnFileOptions) => Promise<F>,
): Promise<{ readonly made: F; readonly register: RegisterOutcome }> {
  return host.run(async (context) => {
    const now = host.now();
    const { report, model, options, sheetNames } = await readFormsIn(context, pane, now, true);
    const made = await make(model, options);
    const { register, reference } = report.read;
    const changes = issueRound(register?.register.entries ?? [], {
      asOf: model.asOf,
      returnBy: options.returnBy ?? model.asOf,
      units,
      today: dayFromLocalDate(now),
    });
    const write = queueRegisterWrite(
      context,
      register,
      changes,
      reference.dateSystem,
      sheetNames,
      host.supports,
    );
    await context.sync();
    await write.settle();
    return { made, register: write.outcome };
  });
}

/** Every unit's form issued in one .zip and downloaded; the register's outcome said after. */
export async function downloadForms(
  host: Pick<Host, 'run' | 'now' | 'supports'>,
  pane: Pick<LedgerApi, 'tablesSeen' | 'take'>,
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
  pane: Pick<LedgerApi, 'tablesSeen' | 'take'>,
  unit: string,
): Promise<RegisterOutcome> {
  const { made, register } = await issueForms(host, pane, [unit], (model, options) =>
    returnFormFile(model, unit, options),
  );
  downloadFile(made.name, made.bytes, XLSX_TYPE);
  return register;
}

/** The round as 报送登记 holds it now (null when no round was issued). */
export async function readRound(host: Pick<Host, 'run' | 'now'>): Promise<RoundStatus | null> {
  const sheet = await host.run((c) => readRegisterSheet(c));
  return sheet ? roundStatus(sheet.register.entries, dayFromLocalDate(host.now())) : null;
}

/**
 * 催报: a draft to each unit of the current round that has not reported, each with its form made
 * again from the ledger as read in this request, for the round's 截至 date.
 */
export async function draftReminders(
  host: Pick<Host, 'run' | 'now' | 'supports'>,
  pane: Pick<LedgerApi, 'tablesSeen' | 'take'>,
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
