// The report every file and draft is made from: read in the action's own request, with what
// changed in the ledger since the summary sheets of the same date were made.
import { queueSendSettings, readReport, readSendSettings } from '../../excel';
import { changedSinceReport, FIRST_LEDGER_TABLE, type Day, type Language } from '../../ledger';
import type { Host } from '../host';
import type { LedgerApi } from '../useLedger';

/** The ledger changed after the summary sheets of this date: the tasks and the indicators. */
export interface StaleSummaries {
  readonly asOf: Day;
  readonly tasks: readonly number[];
  readonly indicators: number;
}

/** What a report read needs of the pane's view: the ledger it shows, and its read handed back. */
export type PaneView = Pick<LedgerApi, 'tablesSeen' | 'take' | 'ledgerTable'>;

/**
 * The report as of the chosen date, read inside an action's own request with the settings the
 * files need (落款, 报送截止, 下步工作), the 报送登记 and the sheets' names; `before` queues a write
 * the read must see (the 通报's lines).
 */
export async function currentReportIn(
  context: Excel.RequestContext,
  ledger: PaneView,
  when: { readonly asOf: Day; readonly compareWith?: Day },
  before?: (context: Excel.RequestContext) => void,
) {
  before?.(context);
  const report = await readReport(context, {
    asOf: when.asOf,
    compareWith: when.compareWith,
    expect: ledger.tablesSeen,
    ledgerTable: ledger.ledgerTable,
    register: true,
    also: (c) => {
      const settings = queueSendSettings(c, ledger.ledgerTable);
      const sheets = c.workbook.worksheets.load('items/name');
      return () => ({ ...settings(), sheetNames: sheets.items.map((s) => s.name) });
    },
  });
  ledger.take(report.read);
  // 下步工作 are each plan's: when the read found the user on another plan's ledger than the pane
  // showed (it then took two requests already), that plan's lines are read, in one more.
  const table = report.read.ledger.location.tableName;
  if (table !== (ledger.ledgerTable ?? FIRST_LEDGER_TABLE)) {
    const { nextSteps } = await readSendSettings(context, table);
    return { ...report, also: { ...report.also, nextSteps }, stale: staleOf(report) };
  }
  return { ...report, stale: staleOf(report) };
}

function staleOf(report: Awaited<ReturnType<typeof readReport>>): StaleSummaries | null {
  const changed = changedSinceReport(report.model, report.read.snapshots?.table ?? null);
  return changed && (changed.tasks.length > 0 || changed.indicators > 0)
    ? { asOf: report.model.asOf, ...changed }
    : null;
}

/** The same, as a request of its own. */
export const readCurrentReport = (
  host: Pick<Host, 'run'>,
  ledger: PaneView,
  when: { readonly asOf: Day; readonly compareWith?: Day },
  before?: (context: Excel.RequestContext) => void,
) => host.run((c) => currentReportIn(c, ledger, when, before));

/** What changed, in the words both warnings use: 第9、12项，2个指标的完成值. */
export function staleChanges(stale: StaleSummaries, lang: Language): string {
  const { tasks, indicators } = stale;
  const parts =
    lang === 'zh'
      ? [tasks.length ? `第${tasks.join('、')}项` : '', indicators ? `${indicators}个指标的完成值` : '']
      : [
          tasks.length ? `tasks ${tasks.join('、')}` : '',
          indicators ? `${indicators} indicator value(s)` : '',
        ];
  return parts.filter(Boolean).join(lang === 'zh' ? '，' : '; ');
}
