// The 反馈 tab's workflows as plain functions: what the forms are made from, and a set of returned
// files read, checked and reviewed against the ledger as the action itself read it.
import { ensureLedgerId, queueSendSettings, readReport } from '../excel';
import {
  describeFormFileError,
  FormFileError,
  readFileBytes,
  readReturnForm,
  type ReturnFileOptions,
} from '../files';
import {
  checkReturn,
  dayFromLocalDate,
  describeFormProblem,
  describeReviewNotice,
  isCollective,
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
}

export interface ReturnsReview {
  readonly files: readonly FileReport[];
  readonly changes: readonly ProposedChange[];
}

/**
 * The ledger as it is now, read in the action's own request with the return date kept in the
 * workbook: forms carry what the cells hold, and a return is reviewed against the same.
 */
export async function readForForms(
  host: Host,
  pane: Pick<LedgerApi, 'tablesSeen' | 'take'>,
): Promise<{ model: SummaryModel; options: ReturnFileOptions; known: ReadonlySet<string> }> {
  const today = dayFromLocalDate(host.now());
  const { read, model, also } = await host.run((c) =>
    readReport(c, { asOf: today, expect: pane.tablesSeen, history: false, also: queueSendSettings }),
  );
  pane.take(read);
  const ledgerId = read.ledgerId ?? (await host.run((c) => ensureLedgerId(c)));
  const { directory, statuses } = read.reference;
  return {
    model,
    options: {
      ledgerId,
      statuses,
      directory,
      ledger: read.ledger.ledger,
      returnBy: returnDeadline(also.returnBy, today).day,
      created: host.now(),
    },
    known: new Set(unitsWithTasks(model.tasks, directory)),
  };
}

/** Each file read, checked and reviewed; a file that is not a form is named in one sentence, the others still import. */
export async function reviewFiles(
  host: Host,
  pane: Pick<LedgerApi, 'tablesSeen' | 'take'>,
  files: readonly File[],
): Promise<ReturnsReview> {
  const { model, options, known } = await readForForms(host, pane);
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
  const review = reviewReturns({
    ledger: options.ledger,
    tasks: model.tasks,
    returns: checked,
    directory: options.directory,
  });
  const reports = checked.map((c): FileReport => {
    const notices = review.notices.filter((n) => n.file === c.fileName);
    const sentences = [...c.problems.map(describeFormProblem), ...notices.map(describeReviewNotice)];
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
    };
  });
  return { files: [...unreadable, ...reports], changes: review.changes };
}
