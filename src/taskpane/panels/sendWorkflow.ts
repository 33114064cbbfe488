// The 发送 section's workflows, outside React: the report each send reads in its own request, the
// files and drafts made from it, and the addresses typed in the section's two fields.
import { ensureLedgerId, type RegisterOutcome, type SavedRecipients } from '../../excel';
import {
  base64,
  copyRichText,
  downloadFile,
  leaderDraft,
  summaryWorkbook,
  unitDraft,
  unitDraftsZip,
  XLSX_TYPE,
  type NamedFile,
} from '../../files';
import {
  dayFromLocalDate,
  DEFAULT_NEXT_STEPS,
  leaderMail,
  parseAddressList,
  returnDeadline,
  summaryFileName,
  unitsWithTasks,
  type Day,
  type MailAddress,
  type SummaryRequest,
} from '../../ledger';
import type { Host } from '../host';
import { recordRound, refuseUnitsWithoutTasks } from '../registerWorkflow';
import { currentReportIn, type PaneView, type StaleSummaries } from './currentReport';

export const addressText = (list: readonly MailAddress[]) =>
  list.map((a) => (a.name ? `${a.name} <${a.email}>` : a.email)).join('; ');

/** The To and Cc fields as addresses, with what could not be read as one. */
export function typedRecipients(to: string, cc: string): SavedRecipients & { invalid: string[] } {
  const toList = parseAddressList(to);
  const ccList = parseAddressList(cc);
  return {
    to: toList.addresses,
    cc: ccList.addresses,
    invalid: [...toList.invalid, ...ccList.invalid],
  };
}

export interface SendReportRequest {
  readonly asOf: Day;
  /** The earlier report the summaries compare with; the latest before asOf when undefined. */
  readonly compareWith?: Day;
  /** The unit drafts carry the 反馈表 (it needs the ledger's id). */
  readonly withForm: boolean;
  readonly forUnits: boolean;
}

/**
 * The report as of the chosen date, read in this action's own request (the ledger, the
 * reference data, the snapshots kept, the 落款 and the return date kept in the workbook): what
 * leaves the workbook is what it holds now. The files' options come from the same read; the unit
 * drafts carry the 反馈表 when chosen, single or zipped.
 */
export function readSendReport(host: Host, ledger: PaneView, request: SendReportRequest) {
  return host.run((c) => sendReportIn(c, host.now(), ledger, request));
}

/** The same read inside an action's own request, with the workbook's sheet names. */
async function sendReportIn(
  context: Excel.RequestContext,
  created: Date,
  ledger: PaneView,
  request: SendReportRequest,
) {
  const { read, model, history, reporting, also, stale } = await currentReportIn(context, ledger, request);
  const { directory: fresh, statuses } = read.reference;
  const ledgerId =
    request.forUnits && request.withForm
      ? (read.ledgerId ?? (await ensureLedgerId(context, read.ledger.location.tableName)))
      : null;
  const options = {
    directory: fresh,
    created,
    history,
    reporting,
    sender: also.sender,
    returnBy: returnDeadline(also.returnBy, dayFromLocalDate(created)).day,
    ...(ledgerId ? { returnForm: { ledgerId, statuses, ledger: read.ledger.ledger } } : {}),
  };
  // The 通报 the leaders' draft may carry: the 下步工作 as saved in the workbook.
  const bulletin = {
    issuer: also.sender,
    date: dayFromLocalDate(created),
    history,
    reporting,
    nextSteps: also.nextSteps ?? DEFAULT_NEXT_STEPS,
  };
  // The files follow the ledger as it is now; the summary sheets of the same date may not (stale).
  return { model, options, bulletin, stale, read, sheetNames: also.sheetNames };
}

const ZIP_TYPE = 'application/zip';
const EML_TYPE = 'message/rfc822';

const deliver = (file: NamedFile, type: string) => downloadFile(file.name, file.bytes, type);

/** What every send reads with: the pane's host and view, and the dates and form chosen. */
export interface SendSource {
  readonly host: Host;
  readonly ledger: PaneView;
  readonly report: Omit<SendReportRequest, 'forUnits'>;
}

const reportFor = (send: SendSource, forUnits: boolean) =>
  readSendReport(send.host, send.ledger, { ...send.report, forUnits });

/** The summaries as a workbook: downloaded, or opened in Excel where the pane cannot download. */
export async function exportSummaries(send: SendSource, request: SummaryRequest): Promise<SentFile> {
  const { host } = send;
  const { model, options, stale } = await reportFor(send, false);
  const file = await summaryWorkbook(model, request, options);
  if (host.openWorkbook && !host.canDownload) await host.openWorkbook(base64(file.bytes));
  else deliver(file, XLSX_TYPE);
  return { name: file.name, stale };
}

/** A file made, and what changed in the ledger since the summary sheets of its date were made. */
export interface SentFile {
  readonly name: string;
  readonly stale: StaleSummaries | null;
}

/** The summaries as a workbook opened in Excel. */
export async function openSummaries(send: SendSource, request: SummaryRequest): Promise<void> {
  const { model, options } = await reportFor(send, false);
  const file = await summaryWorkbook(model, request, options);
  await send.host.openWorkbook?.(base64(file.bytes));
}

/** The leaders' draft (.eml), with the 通报 when chosen; its file name. */
export async function draftToLeaders(
  send: SendSource,
  request: SummaryRequest,
  people: SavedRecipients,
  withBulletin: boolean,
): Promise<SentFile> {
  const { model, options, bulletin, stale } = await reportFor(send, false);
  const file = await leaderDraft(model, request, people, withBulletin ? { ...options, bulletin } : options);
  deliver(file, EML_TYPE);
  return { name: file.name, stale };
}

/** The leaders' mail body copied as rich text; false when the clipboard refused it. */
export async function copyLeaderBody(send: SendSource): Promise<boolean> {
  const { model, options } = await reportFor(send, false);
  const mail = leaderMail(model, summaryFileName(model.asOf, undefined, model.names), {
    history: options.history,
    reporting: options.reporting,
    signature: { unit: options.sender, date: dayFromLocalDate(options.created) },
  });
  return copyRichText(mail.html, mail.text);
}

/** The typed addresses copied as mailto links and as text; how many, and whether the clipboard took them. */
export async function copyAddresses(
  recipients: SavedRecipients,
): Promise<{ count: number; copied: boolean }> {
  const all = [...recipients.to, ...recipients.cc].map((a) => a.email);
  if (all.length === 0) return { count: 0, copied: false };
  const copied = await copyRichText(
    all.map((a) => `<a href="mailto:${a}">${a}</a>`).join('; '),
    all.join('; '),
  );
  return { count: all.length, copied };
}

/**
 * Unit drafts made from this request's read. With the 反馈表 attached, the forms' round is
 * recorded in 报送登记 in the same request, exactly as the 反馈 tab's forms are (recordRound):
 * a form handed out by mail is owed back like any other. Null when no form went with them.
 */
function unitDraftsIn<F>(
  send: SendSource,
  units: readonly string[],
  make: (report: Awaited<ReturnType<typeof sendReportIn>>) => Promise<F>,
): Promise<{ readonly made: F; readonly register: RegisterOutcome | null }> {
  const { host, ledger } = send;
  return host.run(async (context) => {
    const report = await sendReportIn(context, host.now(), ledger, { ...send.report, forUnits: true });
    if (report.options.returnForm)
      refuseUnitsWithoutTasks(
        report.model,
        units,
        new Set(unitsWithTasks(report.model.tasks, report.read.reference.directory)),
      );
    const made = await make(report);
    if (!report.options.returnForm) return { made, register: null };
    const register = await recordRound(context, report.read, report.sheetNames, host, {
      asOf: report.model.asOf,
      returnBy: report.options.returnBy ?? report.model.asOf,
      units,
    });
    return { made, register };
  });
}

/** One draft per unit in a .zip; the units 单位名录 gives no mailbox for, and the register's outcome. */
export async function draftsToUnits(
  send: SendSource,
  units: readonly string[],
  cc: readonly MailAddress[],
): Promise<{ readonly missing: string[]; readonly register: RegisterOutcome | null }> {
  const { made, register } = await unitDraftsIn(send, units, ({ model, options }) =>
    unitDraftsZip(model, units, { cc }, options),
  );
  deliver(made.file, ZIP_TYPE);
  return { missing: made.drafts.filter((d) => !d.address).map((d) => d.unit), register };
}

/** One unit's draft (.eml), and the register's outcome. */
export async function draftToUnit(send: SendSource, unit: string, cc: readonly MailAddress[]) {
  const { made, register } = await unitDraftsIn(send, [unit], ({ model, options }) =>
    unitDraft(model, unit, { cc }, options),
  );
  deliver(made, EML_TYPE);
  return { ...made, register };
}
