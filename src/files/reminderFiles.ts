// 催报 drafts: one .eml per unit that has not reported, To its mailbox in 单位名录, its 反馈表
// attached again (made from the ledger as read in the click's own request), or all in a .zip.
import {
  dayFromLocalDate,
  reminderFileName,
  reminderMail,
  remindersZipName,
  unitAddress,
  type MailAddress,
  type MailContent,
  type SummaryModel,
  type UnitReport,
} from '../ledger';
import { buildDraft, XLSX_TYPE } from './mailDraft';
import { returnFormFile, type ReturnFileOptions } from './returnFiles';
import { zipFiles, type NamedFile } from './zip';

export interface ReminderDraft extends NamedFile {
  readonly unit: string;
  /** Null when 单位名录 has no valid mailbox for the unit: the draft's To is empty. */
  readonly address: MailAddress | null;
  readonly mail: MailContent;
}

/** One unit's reminder, its form made again for the round's date and deadline. */
export async function reminderDraft(
  model: SummaryModel,
  report: UnitReport,
  options: ReturnFileOptions & { readonly sender: string },
): Promise<ReminderDraft> {
  const form = await returnFormFile(model, report.unit, { ...options, returnBy: report.entry.returnBy });
  const signature = { unit: options.sender, date: dayFromLocalDate(options.created) };
  const mail = reminderMail(report, form.name, signature, model.names);
  const address = unitAddress(report.unit, options.directory);
  const eml = buildDraft({
    to: address ? [address] : [],
    cc: [],
    ...mail,
    attachments: [{ fileName: form.name, contentType: XLSX_TYPE, bytes: form.bytes }],
  });
  return {
    name: reminderFileName(report.unit, report.entry.asOf, model.names),
    bytes: new TextEncoder().encode(eml),
    unit: report.unit,
    address,
    mail,
  };
}

export async function reminderDrafts(
  model: SummaryModel,
  reports: readonly UnitReport[],
  options: ReturnFileOptions & { readonly sender: string },
): Promise<{ readonly drafts: readonly ReminderDraft[]; readonly zip: NamedFile }> {
  const drafts: ReminderDraft[] = [];
  for (const report of reports) drafts.push(await reminderDraft(model, report, options));
  const asOf = reports[0] ? reports[0].entry.asOf : model.asOf;
  return {
    drafts,
    zip: {
      name: remindersZipName(asOf, drafts.length, model.names),
      bytes: await zipFiles(drafts, options.created),
    },
  };
}
