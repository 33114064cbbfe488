// One call from "make the summaries" to sheets in the workbook: read the reference data and
// the ledger, summarize in the core, write the sheets. The pane's 生成汇总表 and the ribbon
// button both use it, so they cannot differ.
import {
  reportHistory,
  snapshotRows,
  summarize,
  summarySheets,
  type Day,
  type ReportHistory,
  type SummaryRequest,
} from '../ledger';
import { LedgerError } from './errors';
import { readLedger, type LedgerRead } from './readLedger';
import { readOptions, readReference, type Reference } from './reference';
import type { ApiSupport } from './requirements';
import type { ExcelRun } from './selfTest';
import { queueSnapshotWrite, readSnapshots, type SnapshotOutcome } from './snapshotSheet';
import { writeSummarySheets, type SummaryWriteResult } from './summaries';

export interface GenerateOptions {
  readonly asOf: Day;
  readonly request: SummaryRequest;
  readonly supports: ApiSupport;
  /** The ledger and reference data as the caller has just read them (the pane); else read here. */
  readonly from?: { readonly read: LedgerRead; readonly reference: Reference };
  /** The earlier report to compare with (a 截至 date kept in 进度快照); default the latest before this one. */
  readonly compareWith?: Day;
}

export interface GenerateResult extends SummaryWriteResult {
  readonly history: ReportHistory;
  readonly snapshot: SnapshotOutcome;
  /** The report dates kept after this one, oldest first. */
  readonly reportDates: readonly Day[];
}

/**
 * Syncs: one to read the kept snapshots, then the summaries' own (look, check earlier sheets
 * when there are any, write with the snapshot, remember); reading the ledger first when the
 * caller has not.
 */
export async function generateSummaries(run: ExcelRun, options: GenerateOptions): Promise<GenerateResult> {
  const reference = options.from?.reference ?? (await run((context) => readReference(context)));
  const read = options.from ? options.from.read : await run((context) => readLedger(context));
  if (!read) {
    throw new LedgerError(
      {
        zh: '工作簿中没有任务台账，无法生成汇总表。请先在任务台账面板中“新建任务台账”或“使用当前工作表”。',
        en: 'The workbook has no ledger; create or adopt one in the pane first.',
      },
      'NoLedger',
    );
  }
  const model = summarize(read.ledger, readOptions(reference, options.asOf, read.location));
  const kept = await run((context) => readSnapshots(context));
  const history = reportHistory(model, kept?.table ?? null, {
    compareWith: options.compareWith,
    directory: reference.directory,
  });
  const specs = summarySheets(model, options.request, { directory: reference.directory, history });
  const rows = snapshotRows(model);
  const { also, ...written } = await run((context) =>
    writeSummarySheets(context, specs, {
      supports: options.supports,
      alsoWrite: (c, taken) => queueSnapshotWrite(c, kept, rows, model.asOf, taken),
    }),
  );
  if (!also) throw new Error('The snapshot was not queued with the summaries.');
  const outcome = also.outcome();
  const dates = new Set((kept?.table.snapshots ?? []).map((s) => s.date));
  if (outcome.kept) dates.add(model.asOf);
  return { ...written, history, snapshot: outcome, reportDates: [...dates].sort((a, b) => a - b) };
}
