// The 反馈 tab's workflows as plain functions: what the forms are made from, and a set of returned
// files read, checked and reviewed against the ledger as the action itself read it.
import {
  applyReturns,
  ensureLedgerId,
  LedgerError,
  ledgerIdSetting,
  newImportBatch,
  queueSendSettings,
  readReport,
  undoLastImport,
  type LedgerTable,
  type Receipt,
  type Report,
} from '../excel';
import {
  describeFormFileError,
  FormFileError,
  readFileBytes,
  readReturnForm,
  type ReturnFileOptions,
} from '../files';
import {
  checkReturn,
  dayFromIso,
  dayFromLocalDate,
  describeFormProblem,
  describeReviewNotice,
  isCollective,
  isoDate,
  returnDeadline,
  reviewReturns,
  unitsWithTasks,
  type Bilingual,
  type CheckedReturn,
  type ProposedChange,
  type ReturnedForm,
  type SummaryModel,
} from '../ledger';
import type { Host } from './host';
import type { LedgerApi } from './useLedger';

export interface FileReport {
  readonly name: string;
  readonly unit: string | null;
  readonly sentences: readonly Bilingual[];
  /** Null for a file that is not a form, or a form refused as a whole (its sentence says so). */
  readonly outcome: {
    readonly changes: number;
    readonly asIssued: number;
    readonly said: number;
  } | null;
  /** The form's unit and round, for 报送登记; null for a file refused or not a form. */
  readonly receipt: Receipt | null;
}

export interface ReturnsReview {
  readonly files: readonly FileReport[];
  readonly changes: readonly ProposedChange[];
  /** The ledger table the returns were checked against: 记录为已报 records them on its plan's rows. */
  readonly plan: string;
  /** That ledger's id: apply and 记录为已报 check in their own request that they write the same ledger. */
  readonly ledgerId: string;
  /** That plan's title and the ledger's sheet, to say whose review it is. */
  readonly planTitle: string;
  readonly sheetName: string;
}

export interface FormsRead {
  readonly report: Report;
  readonly model: SummaryModel;
  readonly options: ReturnFileOptions;
  readonly known: ReadonlySet<string>;
  /** The workbook's sheet names, read in the same request (a sheet made now takes a free one). */
  readonly sheetNames: readonly string[];
  /** The 落款's sender unit set in 设置 ('' when not set). */
  readonly sender: string;
}

/**
 * The ledger as it is now, read in the caller's request with the return date kept in the
 * workbook (and 报送登记 when asked): forms carry what the cells hold, and a return is reviewed
 * against the same.
 */
export async function readFormsIn(
  context: Excel.RequestContext,
  pane: Pick<LedgerApi, 'tablesSeen' | 'ledgerTable' | 'take'>,
  now: Date,
  register: boolean,
): Promise<FormsRead> {
  const today = dayFromLocalDate(now);
  const report = await readReport(context, {
    asOf: today,
    expect: pane.tablesSeen,
    ledgerTable: pane.ledgerTable,
    history: false,
    register,
    also: (c) => {
      const settings = queueSendSettings(c);
      const sheets = c.workbook.worksheets.load('items/name');
      return () => ({ settings: settings(), sheetNames: sheets.items.map((s) => s.name) });
    },
  });
  const { read, model, also } = report;
  pane.take(read);
  const ledgerId = read.ledgerId ?? (await ensureLedgerId(context, read.ledger.location.tableName));
  const { directory, statuses } = read.reference;
  return {
    report,
    model,
    options: {
      ledgerId,
      statuses,
      directory,
      ledger: read.ledger.ledger,
      returnBy: returnDeadline(also.settings.returnBy, today).day,
      created: now,
    },
    known: new Set(unitsWithTasks(model.tasks, directory)),
    sheetNames: also.sheetNames,
    sender: also.settings.sender,
  };
}

/** The same read as an action of its own: a review reads the ledger the returns are checked against. */
export function readForForms(
  host: Pick<Host, 'run' | 'now'>,
  pane: Pick<LedgerApi, 'tablesSeen' | 'ledgerTable' | 'take'>,
): Promise<FormsRead> {
  return host.run((c) => readFormsIn(c, pane, host.now(), false));
}

/** Each file read, checked and reviewed; a file that is not a form is named in one sentence, the others still import. */
export async function reviewFiles(
  host: Pick<Host, 'run' | 'now'>,
  pane: Pick<LedgerApi, 'tablesSeen' | 'ledgerTable' | 'take'>,
  files: readonly File[],
): Promise<ReturnsReview> {
  const { report, model, options, known } = await readForForms(host, pane);
  const forms: ReturnedForm[] = [];
  const unreadable: FileReport[] = [];
  for (const file of files) {
    try {
      forms.push(await readReturnForm(file.name, await readFileBytes(file)));
    } catch (error) {
      if (!(error instanceof FormFileError)) throw error;
      unreadable.push({
        name: file.name,
        unit: null,
        sentences: [describeFormFileError(error)],
        outcome: null,
        receipt: null,
      });
    }
  }
  const checked: CheckedReturn[] = forms.map((form) =>
    checkReturn(form, {
      ledgerId: options.ledgerId,
      statuses: options.statuses,
      knowsUnit: (unit) => known.has(unit),
      isCollective: (unit) => isCollective(unit, options.directory),
    }),
  );
  const named = await otherLedgersNamed(host, report.read.ledgers, checked);
  const review = reviewReturns({
    ledger: options.ledger,
    tasks: model.tasks,
    returns: checked,
    directory: options.directory,
  });
  const reports = checked.map((c, i): FileReport => {
    const asOf = dayFromIso(c.asOf);
    const notices = review.notices.filter((n) => n.file === c.fileName);
    const problems = c.problems.map((p) =>
      p.kind === 'other-ledger' ? { ...p, sheet: named.get(forms[i].meta.ledgerId) } : p,
    );
    const sentences = [...problems.map(describeFormProblem), ...notices.map(describeReviewNotice)];
    return {
      name: c.fileName,
      unit: c.unit,
      sentences,
      outcome: c.refused
        ? null
        : {
            changes: review.changes.filter((change) => change.file === c.fileName).length,
            asIssued: c.asIssued,
            said: sentences.length,
          },
      receipt:
        c.refused || asOf === null
          ? null
          : { file: c.fileName, unit: c.unit, asOf, returnBy: dayFromIso(forms[i].meta.returnBy) },
    };
  });
  return {
    files: [...unreadable, ...reports],
    changes: review.changes,
    plan: report.read.ledger.location.tableName,
    ledgerId: options.ledgerId,
    planTitle: report.read.reference.plan.plan.title,
    sheetName: report.read.ledger.location.sheetName,
  };
}

/**
 * The sheets of the workbook's other ledgers by their ids, read only when a form of another
 * ledger came in (one request more on that refusal alone), so its sentence names the plan's sheet.
 */
async function otherLedgersNamed(
  host: Pick<Host, 'run'>,
  ledgers: readonly LedgerTable[],
  checked: readonly CheckedReturn[],
): Promise<ReadonlyMap<string, string>> {
  if (!checked.some((c) => c.problems.some((p) => p.kind === 'other-ledger'))) return new Map();
  return host.run(async (c) => {
    const ids = ledgers.map((l) => ({
      sheet: l.sheetName,
      setting: c.workbook.settings.getItemOrNullObject(ledgerIdSetting(l.table)).load('value'),
    }));
    await c.sync();
    return new Map(
      ids.flatMap(({ sheet, setting }) =>
        !setting.isNullObject && typeof setting.value === 'string' ? [[setting.value, sheet] as const] : [],
      ),
    );
  });
}

/** "2026-11-28 09:05", the user's local time: how the log says when. */
function stamp(date: Date): string {
  const time = date.toTimeString().slice(0, 5);
  return `${isoDate(dayFromLocalDate(date))} ${time}`;
}

/** The batch an import is logged under, stamped when the user chose to apply. */
export const importBatch = (host: Pick<Host, 'now'>) => newImportBatch(stamp(host.now()));

/**
 * The accepted changes written against the ledger as this action reads it, with the forms'
 * receipts for 报送登记. `unexpected` is the sentence for a ledger that is no longer there.
 */
export async function applyReview(
  host: Pick<Host, 'run' | 'now' | 'supports'>,
  pane: Pick<LedgerApi, 'current' | 'tablesSeen'>,
  review: ReturnsReview,
  accepted: readonly ProposedChange[],
  batch: ReturnType<typeof importBatch>,
  unexpected: string,
) {
  const now = await pane.current();
  if (now.phase !== 'ready') throw new Error(unexpected);
  // The user may have gone to another plan's sheet since the review: its ledger is not written.
  if (now.read.location.tableName !== review.plan) throw otherPlan(review, now.reference.plan.plan.title);
  const returns = review.files.flatMap((f) => (f.receipt ? [f.receipt] : []));
  return host.run((c) =>
    applyReturns(
      c,
      now.read,
      accepted,
      batch,
      host.supports,
      { returns, on: dayFromLocalDate(host.now()), expected: pane.tablesSeen.has('register') },
      review.ledgerId,
    ),
  );
}

/** A review of one plan's returns, asked to be applied while the pane is on another plan. */
export function otherPlan(review: Pick<ReturnsReview, 'planTitle' | 'sheetName'>, current: string) {
  return new LedgerError(
    {
      zh: `这些反馈表是按“${review.planTitle}”（工作表“${review.sheetName}”）审核的，当前方案是“${current}”：未写入任何内容。请回到工作表“${review.sheetName}”重新导入。`,
      en: `These returns were reviewed against “${review.planTitle}” (sheet ${review.sheetName}); the pane is on “${current}” now, so nothing was written. Go back to sheet ${review.sheetName} and import them again.`,
    },
    'OtherLedger',
  );
}

/** The last import undone against the ledger as this action reads it. */
export async function undoImport(
  host: Pick<Host, 'run' | 'now' | 'supports'>,
  pane: Pick<LedgerApi, 'current' | 'tablesSeen'>,
  unexpected: string,
) {
  const now = await pane.current();
  if (now.phase !== 'ready') throw new Error(unexpected);
  return host.run((c) =>
    undoLastImport(c, now.read, stamp(host.now()), host.supports, pane.tablesSeen.has('register')),
  );
}
