// The 发送 section's workflows, outside React: the report each send reads in its own request, and
// the addresses typed in the section's two fields.
import { ensureLedgerId, queueSendSettings, readReport, type SavedRecipients } from '../../excel';
import {
  dayFromLocalDate,
  DEFAULT_NEXT_STEPS,
  parseAddressList,
  returnDeadline,
  type Day,
  type MailAddress,
} from '../../ledger';
import type { Host } from '../host';
import type { LedgerApi } from '../useLedger';

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
export async function readSendReport(host: Host, ledger: LedgerApi, request: SendReportRequest) {
  const { asOf, compareWith } = request;
  const { read, model, history, reporting, also } = await host.run((c) =>
    readReport(c, {
      asOf,
      compareWith,
      expect: ledger.tablesSeen,
      register: true,
      also: queueSendSettings,
    }),
  );
  ledger.take(read);
  const { directory: fresh, statuses } = read.reference;
  const ledgerId =
    request.forUnits && request.withForm
      ? (read.ledgerId ?? (await host.run((c) => ensureLedgerId(c))))
      : null;
  const created = host.now();
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
  return { model, options, bulletin };
}
