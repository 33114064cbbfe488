// One call from "make the summaries" to sheets in the workbook: read the reference data and
// the ledger, summarize in the core, write the sheets. The pane's 生成汇总表 and the ribbon
// button both use it, so they cannot differ.
import { summarize, summarySheets, type Day, type SummaryRequest } from '../ledger';
import { LedgerError } from './errors';
import { readLedger, type LedgerRead } from './readLedger';
import { readOptions, readReference, type Reference } from './reference';
import type { ApiSupport } from './requirements';
import type { ExcelRun } from './selfTest';
import { writeSummarySheets, type SummaryWriteResult } from './summaries';

export interface GenerateOptions {
  readonly asOf: Day;
  readonly request: SummaryRequest;
  readonly supports: ApiSupport;
  /** The ledger and reference data as the caller has just read them (the pane); else read here. */
  readonly from?: { readonly read: LedgerRead; readonly reference: Reference };
}

export async function generateSummaries(
  run: ExcelRun,
  options: GenerateOptions,
): Promise<SummaryWriteResult> {
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
  const specs = summarySheets(model, options.request, { directory: reference.directory });
  return run((context) => writeSummarySheets(context, specs, { supports: options.supports }));
}
