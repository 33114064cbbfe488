// One call from "make the summaries" to sheets in the workbook: read the ledger, the reference
// data and the progress snapshots, summarize in the core, write the sheets with this report's
// snapshot. The pane's 生成汇总表 and the ribbon button both use it, so they cannot differ, and
// neither hands it an earlier reading: what the sheets say is what the workbook held when the
// button was pressed.
import {
  reportHistory,
  reportingLine,
  snapshotRows,
  summarize,
  summarySheets,
  unitsWithTasks,
  type Day,
  type ReportHistory,
  type SummaryModel,
  type Ledger,
  type SummaryRequest,
  type Bilingual,
} from '../ledger';
import { queueReadBack, type LedgerRead } from './readLedger';
import type { WriteEcho } from './ownWrites';
import { LedgerError } from './errors';
import { readOptions } from './reference';
import { queueSendSettings } from './sendSettings';
import type { ApiSupport } from './requirements';
import type { ExcelRun } from './selfTest';
import { queueSnapshotWrite, type SnapshotOutcome } from './snapshotSheet';
import { queueSummaryLook, writeSummarySheets, type SummaryWriteResult } from './summaries';
import {
  ALL_BUT_REGISTER,
  isFirst,
  queueTableIds,
  readWorkbook,
  type AddInTable,
  type AddInTableIds,
  type WorkbookRead,
} from './workbookRead';

export interface GenerateOptions {
  readonly asOf: Day;
  readonly request: SummaryRequest;
  readonly supports: ApiSupport;
  /** Which of the add-in's tables the caller expects (a guess checked in the same request). */
  readonly expect?: ReadonlySet<AddInTable>;
  /** The earlier report to compare with (a 截至 date kept in 进度快照); default the latest before this one. */
  readonly compareWith?: Day;
  /** The ledger table the caller works on (see ReadRequest.ledgerTable). */
  readonly ledgerTable?: string;
}

export interface GenerateResult extends SummaryWriteResult {
  readonly history: ReportHistory;
  readonly snapshot: SnapshotOutcome;
  /** The report dates kept after this one, oldest first. */
  readonly reportDates: readonly Day[];
  /** What the report was made from: the workbook as read in the command's first request. */
  readonly read: WorkbookRead;
  /** What the pane hears of this write: no table it reads was written. */
  readonly echo: WriteEcho;
  /** The ledger changed while the report was made: it shows the ledger as read at the click. */
  readonly editedMeanwhile: boolean;
  /** Units asked for that the ledger read does not name: no sheet was made for them. */
  readonly unitsWithoutTasks: readonly string[];
}

/** Whether the ledger read at the end differs from the one the report was made from (unknown: no). */
function editedSince(before: Ledger, now: LedgerRead | null): boolean {
  return now !== null && JSON.stringify(now.ledger.rows) !== JSON.stringify(before.rows);
}

/**
 * A unit sheet only for a unit the ledger read names: 单位名录 is shared by the workbook's plans,
 * and a unit chosen on another plan would get an empty sheet. Those are left out and named.
 */
export function unitsWithoutTasksNotice(units: readonly string[], title: string): Bilingual {
  return {
    zh: `${units.join('、')}在当前方案“${title}”的台账中没有任务，未生成其汇总表。`,
    en: `${units.join(', ')} ${units.length === 1 ? 'has' : 'have'} no task in the ledger of ${title}: no summary sheet was made for ${units.length === 1 ? 'it' : 'them'}.`,
  };
}

export function noLedgerError(): LedgerError {
  return new LedgerError(
    {
      zh: '工作簿中没有任务台账，无法生成汇总表。请先在任务台账面板中“新建任务台账”或“使用当前工作表”。',
      en: 'The workbook has no ledger; create or adopt one in the pane first.',
    },
    'NoLedger',
  );
}

export interface Report {
  readonly read: WorkbookRead & { readonly ledger: NonNullable<WorkbookRead['ledger']> };
  readonly model: SummaryModel;
  /** Where this report stands among those kept: what changed since the one compared with. */
  readonly history: ReportHistory;
  /** 本期应报…已报…逾期未报… when 报送登记 was read and a round was issued by the 截至 date. */
  readonly reporting?: string;
}

export interface ReportOptions<Also> {
  readonly asOf: Day;
  readonly compareWith?: Day;
  readonly expect?: ReadonlySet<AddInTable>;
  readonly also?: (context: Excel.RequestContext) => () => Also;
  /** Read the snapshots kept, to say what changed (default); a form needs no history. */
  readonly history?: boolean;
  /** Read 报送登记 too (the forms issued, the returns, the 本期应报… sentence). */
  readonly register?: boolean;
  /** The ledger table the caller works on (see ReadRequest.ledgerTable). */
  readonly ledgerTable?: string;
}

/**
 * The report as of a date, from the workbook as it is now: read (one request: the ledger, the
 * reference data, the snapshots kept) and summarized. Everything that leaves the workbook is made
 * from this: the sheets, the files, the mails.
 */
export async function readReport<Also = undefined>(
  context: Excel.RequestContext,
  options: ReportOptions<Also>,
): Promise<Report & { readonly also: Also }> {
  const { also, ...read } = await readWorkbook(context, {
    snapshots: options.history ?? true,
    register: options.register,
    expect: options.expect,
    also: options.also,
    ledgerTable: options.ledgerTable,
  });
  const { ledger, reference } = read;
  if (!ledger) throw noLedgerError();
  const model = summarize(ledger.ledger, readOptions(reference, options.asOf, ledger.location));
  const history = reportHistory(model, read.snapshots?.table ?? null, {
    compareWith: options.compareWith,
    directory: reference.directory,
  });
  const reporting = read.register ? reportingLine(read.register.register.entries, model.asOf) : undefined;
  return { read: { ...read, ledger }, model, history, reporting, also };
}

/**
 * One Excel.run, three syncs: read everything (ledger, reference, snapshots, the sheets and the
 * record of earlier summary sheets), write the sheets and the snapshot (checking earlier sheets
 * in the same request), then replace the earlier sheets and remember the new ones.
 */
export async function generateSummaries(run: ExcelRun, options: GenerateOptions): Promise<GenerateResult> {
  return run(async (context) => {
    const { also, read, model, history, reporting } = await readReport(context, {
      ...options,
      // The ribbon has seen nothing: it guesses no register, which is then read in a request of
      // its own only when the table list (read in the first request) names one.
      expect: options.expect ?? ALL_BUT_REGISTER,
      register: true,
      // The 制表单位 of the printed footer is the sender set in 设置, read in the same request.
      also: (c) => {
        const look = queueSummaryLook(c);
        const send = queueSendSettings(c);
        return () => ({ look: look(), maker: send().sender });
      },
    });
    const { look, maker } = also;
    const { reference } = read;
    const named = new Set(unitsWithTasks(model.tasks, reference.directory));
    const asked = options.request.units ?? [];
    const unitsWithoutTasks = asked.filter((u) => !named.has(u));
    const kept = read.snapshots;
    const made = summarySheets(
      model,
      { ...options.request, units: asked.filter((u) => named.has(u)) },
      {
        directory: reference.directory,
        history,
        maker,
        reporting,
      },
    );
    // Another plan's sheets carry its short name, so two plans' summaries are told apart at a glance.
    const specs = isFirst(read.ledger.location.tableName)
      ? made
      : made.map((spec) => ({ ...spec, name: `${reference.plan.plan.shortName}-${spec.name}` }));
    const rows = snapshotRows(model, reference.dateSystem, read.ledger.location.tableName);
    // The last request also reads the add-in's tables back: a 进度快照 table made now is among them.
    const after: { tables?: () => AddInTableIds; ledger?: (() => LedgerRead) | null } = {};
    const { also: queued, ...written } = await writeSummarySheets(context, specs, {
      supports: options.supports,
      look,
      keepLast: kept?.sheetId,
      ledger: read.ledger.location.tableName,
      alsoWrite: async (c, taken, spend) => {
        const { location } = read.ledger;
        const snapshot = await queueSnapshotWrite(c, kept, rows, model.asOf, taken, spend, options.supports);
        return {
          ...snapshot,
          remember: () => {
            snapshot.remember();
            after.tables = queueTableIds(c, location.tableName);
            // The ledger once more, to say whether someone edited it while the report was made.
            after.ledger = queueReadBack(c, read.ledger.location);
          },
        };
      },
    });
    if (!queued) throw new Error('The snapshot was not queued with the summaries.');
    const outcome = queued.outcome();
    const dates = new Set((kept?.table.snapshots ?? []).map((s) => s.date));
    if (outcome.kept) dates.add(model.asOf);
    return {
      ...written,
      history,
      snapshot: outcome,
      reportDates: [...dates].sort((a, b) => a - b),
      read: { ...read, tables: after.tables?.() ?? read.tables },
      editedMeanwhile: editedSince(read.ledger.ledger, after.ledger?.() ?? null),
      unitsWithoutTasks,
      // The first new sheet is activated; a 进度快照 table made now is added.
      echo: {
        written: [],
        selectionMoves: written.sheets.length ? 1 : 0,
        tablesAdded: outcome.kept && !kept ? 1 : 0,
      },
    };
  });
}
