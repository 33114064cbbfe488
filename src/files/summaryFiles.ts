// The files the 发送 section hands out: the summary workbook, the leaders' draft with it
// attached, and one draft per unit with the unit's own sheet; each named for its 截至 date.
import {
  dayFromLocalDate,
  leaderMail,
  summaryFileName,
  type ReportHistory,
  summarySheets,
  unitAddress,
  unitMail,
  safeFileName,
  type Day,
  type Ledger,
  type MailAddress,
  type MailSignature,
  type BulletinOptions,
  type SheetSpec,
  type SummaryModel,
  type SummaryRequest,
  type UnitDirectory,
} from '../ledger';
import { bulletinFile } from './bulletinFile';
import { buildDraft, XLSX_TYPE } from './mailDraft';
import { returnFormFile } from './returnFiles';
import { writeWorkbook } from './workbookFile';
import { zipFiles, type NamedFile } from './zip';

export interface Recipients {
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
}

export interface FileOptions {
  readonly directory?: UnitDirectory;
  readonly created: Date;
  /**
   * Attach each unit's 反馈表 too: the ledger's id and status list go into the form, and the
   * ledger it was read from fills it in.
   */
  readonly returnForm?: {
    readonly ledgerId: string;
    readonly statuses: readonly string[];
    readonly ledger: Ledger;
  };
  /** The date the forms are asked back by, said in the unit mails and on the forms. */
  readonly returnBy?: Day;
  /** The sender unit of the mails' 落款 (set in 设置); the date is the day the draft is made. */
  readonly sender?: string;
  /** The earlier reports the workbook keeps: the sheets and mails then say what changed. */
  readonly history?: ReportHistory;
  /** 本期应报…已报…逾期未报… from 报送登记, for the overview and the leaders' mail. */
  readonly reporting?: string;
  /** Attach the 通报 (.docx) to the leaders' draft, made with these options. */
  readonly bulletin?: BulletinOptions;
}

const signatureOf = (options: FileOptions): MailSignature => ({
  unit: options.sender ?? '',
  date: dayFromLocalDate(options.created),
});

export interface SummaryFile extends NamedFile {
  readonly sheets: readonly string[];
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The chosen summary sheets as one workbook file. */
export async function summaryWorkbook(
  model: SummaryModel,
  request: SummaryRequest,
  options: FileOptions,
): Promise<SummaryFile> {
  const specs: SheetSpec[] = summarySheets(model, request, {
    directory: options.directory,
    history: options.history,
    maker: options.sender,
    reporting: options.reporting,
  });
  const bytes = await writeWorkbook(specs, { created: options.created });
  return {
    name: summaryFileName(model.asOf, undefined, model.names),
    bytes,
    sheets: specs.map((s) => s.name),
  };
}

/** The leaders' draft (.eml) with the workbook attached, and the 通报 before it when asked. */
export async function leaderDraft(
  model: SummaryModel,
  request: SummaryRequest,
  recipients: Recipients,
  options: FileOptions,
): Promise<NamedFile> {
  const workbook = await summaryWorkbook(model, request, options);
  const bulletin = options.bulletin ? await bulletinFile(model, options.bulletin) : null;
  const mail = leaderMail(model, workbook.name, {
    history: options.history,
    reporting: options.reporting,
    signature: signatureOf(options),
    ...(bulletin ? { bulletin: bulletin.name } : {}),
  });
  const eml = buildDraft({
    ...recipients,
    ...mail,
    attachments: [
      ...(bulletin ? [{ fileName: bulletin.name, contentType: DOCX_TYPE, bytes: bulletin.bytes }] : []),
      { fileName: workbook.name, contentType: XLSX_TYPE, bytes: workbook.bytes },
    ],
  });
  return { name: safeFileName(mail.subject, 'eml'), bytes: utf8(eml) };
}

export interface UnitDraft extends NamedFile {
  readonly unit: string;
  /** The unit's mailbox from 单位名录, or null: the draft's To is then empty, for the user to fill. */
  readonly address: MailAddress | null;
}

/** One unit's draft: To its mailbox, its tasks in the body, its own summary sheet attached. */
export async function unitDraft(
  model: SummaryModel,
  unit: string,
  recipients: Pick<Recipients, 'cc'>,
  options: FileOptions,
): Promise<UnitDraft> {
  const specs = summarySheets(
    model,
    { overview: false, behind: false, units: [unit] },
    { directory: options.directory, history: options.history, maker: options.sender },
  );
  const fileName = summaryFileName(model.asOf, unit, model.names);
  const bytes = await writeWorkbook(specs, { created: options.created });
  const address = unitAddress(unit, options.directory);
  const form = options.returnForm
    ? await returnFormFile(model, unit, {
        ...options.returnForm,
        directory: options.directory,
        created: options.created,
        returnBy: options.returnBy,
      })
    : null;
  const mail = unitMail(model, unit, fileName, {
    directory: options.directory,
    returnForm: form?.name,
    returnBy: options.returnBy,
    history: options.history,
    signature: signatureOf(options),
  });
  const eml = buildDraft({
    to: address ? [address] : [],
    cc: recipients.cc,
    ...mail,
    attachments: [
      { fileName, contentType: XLSX_TYPE, bytes },
      ...(form ? [{ fileName: form.name, contentType: XLSX_TYPE, bytes: form.bytes }] : []),
    ],
  });
  return {
    name: safeFileName(`${unit}_${mail.subject.replace(/^【[^】]*】/u, '')}`, 'eml'),
    bytes: utf8(eml),
    unit,
    address,
  };
}

/** Every chosen unit's draft in one .zip. */
export async function unitDraftsZip(
  model: SummaryModel,
  units: readonly string[],
  recipients: Pick<Recipients, 'cc'>,
  options: FileOptions,
): Promise<{ readonly file: NamedFile; readonly drafts: readonly UnitDraft[] }> {
  const drafts: UnitDraft[] = [];
  for (const unit of units) drafts.push(await unitDraft(model, unit, recipients, options));
  const bytes = await zipFiles(drafts, options.created);
  const stem = summaryFileName(model.asOf, undefined, model.names).replace(/\.xlsx$/, '');
  return { file: { name: safeFileName(`${stem}_各单位邮件草稿`, 'zip'), bytes }, drafts };
}
