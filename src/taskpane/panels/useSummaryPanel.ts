// The 汇总 tab's state and actions: the 截至 date, the sheets to make, the report compared with,
// and the summaries made in one Excel.run. SummaryPanel.tsx renders them.
import { useEffect, useState } from 'react';
import {
  activateSheet,
  describeError,
  filtersClearedNotice,
  fitIgnoredNotice,
  generateSummaries,
  unitsWithoutTasksNotice,
  keptSheetsNotice,
  readSnapshots,
  SHEET_SHOWN,
  snapshotNotKeptNotice,
  type SummarySheetRecord,
} from '../../excel';
import { dayFromIso, dayFromLocalDate, isoDate, type Day } from '../../ledger';
import { usePane } from '../paneContext';

/** The report dates the workbook keeps, read when the tab opens; null while reading. */
function useReportDates(): [readonly Day[] | null, (dates: readonly Day[]) => void] {
  const { host, notify, ledger } = usePane();
  const [dates, setDates] = useState<readonly Day[] | null>(null);
  // The active plan's reports only: another plan's rows in 进度快照 are not its history.
  const plan = ledger.ledgerTable;
  useEffect(() => {
    let alive = true;
    host
      .run((c) => readSnapshots(c, plan))
      .then((kept) => {
        if (alive) setDates(kept?.table.snapshots.map((s) => s.date) ?? []);
      })
      .catch((error: unknown) => {
        if (alive) notify({ intent: 'error', text: describeError(error) });
      });
    return () => {
      alive = false;
    };
  }, [host, notify, plan]);
  return [dates, setDates];
}

export function useSummaryPanel() {
  const { action, host, selectedUnits, ledger } = usePane();
  const [asOf, setAsOf] = useState(isoDate(dayFromLocalDate(host.now())));
  const [overview, setOverview] = useState(true);
  const [behind, setBehind] = useState(true);
  const [perUnit, setPerUnit] = useState(selectedUnits.length > 0);
  const [made, setMade] = useState<readonly SummarySheetRecord[]>([]);
  const [reports, setReports] = useReportDates();
  const [compare, setCompare] = useState<Day | null>(null);
  const nothing = !overview && !behind && !(perUnit && selectedUnits.length);

  const day = dayFromIso(asOf) ?? dayFromLocalDate(host.now());
  const earlier = (reports ?? []).filter((d) => d < day).reverse();
  // A choice no longer before the 截至 date falls back to the latest earlier report.
  const compareWith = compare !== null && earlier.includes(compare) ? compare : undefined;
  const request = { overview, behind, units: perUnit ? selectedUnits : [] };

  const generate = async () => {
    const result = await action.run(
      'summary',
      // Read, made and written in one Excel.run: from the workbook as it is when the button is pressed.
      () =>
        generateSummaries(host.run, {
          asOf: day,
          request,
          supports: host.supports,
          expect: ledger.tablesSeen,
          ledgerTable: ledger.ledgerTable,
          compareWith,
        }),
      (r) => ({
        intent: r.snapshot.kept && !r.editedMeanwhile && !r.unitsWithoutTasks.length ? 'success' : 'warning',
        text: (s, lang) =>
          [
            `${s.summary.done(r.sheets.length)}${lang === 'en' ? ' ' : ''}${r.sheets.map((x) => x.name).join(s.listSeparator)}${lang === 'en' ? '.' : '。'}`,
            r.kept.length ? keptSheetsNotice(r.kept.map((k) => k.name))[lang] : '',
            r.fitIgnored.length ? fitIgnoredNotice(r.fitIgnored)[lang] : '',
            r.snapshot.kept
              ? s.summary.snapshotKept(isoDate(day), r.snapshot.replaced > 0)
              : snapshotNotKeptNotice(r.snapshot.sheetName, r.snapshot.reason)[lang],
            r.snapshot.kept && r.snapshot.filtersCleared
              ? filtersClearedNotice(r.snapshot.sheetName)[lang]
              : '',
            r.unitsWithoutTasks.length
              ? unitsWithoutTasksNotice(r.unitsWithoutTasks, r.read.reference.plan.plan.title)[lang]
              : '',
            s.summary.changes(r.history.changes),
            r.editedMeanwhile ? s.summary.editedMeanwhile : '',
          ]
            .filter(Boolean)
            .join(lang === 'en' ? ' ' : ''),
      }),
    );
    if (!result) return;
    setReports(result.reportDates);
    // The report's own read is the freshest view; the write touched no table the pane reads.
    ledger.take(result.read);
    ledger.expectEchoes(result.echo);
    setMade(result.sheets);
  };
  const open = async (sheet: SummarySheetRecord) => {
    await action.run('open', () => host.run((c) => activateSheet(c, sheet.id)));
    ledger.expectEchoes(SHEET_SHOWN);
  };

  return {
    busy: action.busy,
    selectedCount: selectedUnits.length,
    asOf,
    setAsOf,
    day,
    choices: { overview, setOverview, behind, setBehind, perUnit, setPerUnit },
    nothing,
    reports,
    earlier,
    compareWith,
    setCompare,
    request,
    made,
    generate,
    open,
  };
}

export type SummaryPanelState = ReturnType<typeof useSummaryPanel>;
