import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Link,
  Option,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useFitStyles } from './fitStyles';
import { useEffect, useState } from 'react';
import {
  activateSheet,
  describeError,
  generateSummaries,
  keptSheetsNotice,
  readSnapshots,
  SHEET_SHOWN,
  filtersClearedNotice,
  snapshotNotKeptNotice,
  type SummarySheetRecord,
} from '../../excel';
import { dayFromIso, dayFromLocalDate, isoDate, type Day } from '../../ledger';
import { usePane, useStrings } from '../paneContext';
import { BulletinSection } from './BulletinSection';
import { SendSection } from './SendSection';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px' },
  choices: { border: 'none', margin: 0, padding: 0 },
  links: { display: 'flex', flexDirection: 'column', gap: '4px', margin: 0, paddingLeft: '18px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The report dates the workbook keeps, read when the tab opens; null while reading. */
function useReportDates(): [readonly Day[] | null, (dates: readonly Day[]) => void] {
  const { host, notify } = usePane();
  const [dates, setDates] = useState<readonly Day[] | null>(null);
  useEffect(() => {
    let alive = true;
    host
      .run((c) => readSnapshots(c))
      .then((kept) => {
        if (alive) setDates(kept?.table.snapshots.map((s) => s.date) ?? []);
      })
      .catch((error: unknown) => {
        if (alive) notify({ intent: 'error', text: describeError(error) });
      });
    return () => {
      alive = false;
    };
  }, [host, notify]);
  return [dates, setDates];
}

export default function SummaryPanel() {
  const styles = useStyles();
  const fit = useFitStyles();
  const { t } = useStrings();
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
          compareWith,
        }),
      (r) => ({
        intent: r.snapshot.kept && !r.editedMeanwhile ? 'success' : 'warning',
        text: (s, lang) =>
          [
            `${s.summary.done(r.sheets.length)}${lang === 'en' ? ' ' : ''}${r.sheets.map((x) => x.name).join(s.listSeparator)}${lang === 'en' ? '.' : '。'}`,
            r.kept.length ? keptSheetsNotice(r.kept.map((k) => k.name))[lang] : '',
            r.snapshot.kept
              ? s.summary.snapshotKept(isoDate(day), r.snapshot.replaced > 0)
              : snapshotNotKeptNotice(r.snapshot.sheetName)[lang],
            r.snapshot.kept && r.snapshot.filtersCleared
              ? filtersClearedNotice(r.snapshot.sheetName)[lang]
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

  return (
    <section className={styles.stack} aria-label={t.tabs.summary}>
      <Field label={t.summary.asOf}>
        <Input className={fit.field} type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      <fieldset className={styles.choices}>
        <legend>{t.summary.which}</legend>
        <Checkbox
          checked={overview}
          onChange={(_, d) => setOverview(d.checked === true)}
          label={t.summary.overview}
        />
        <Checkbox
          checked={behind}
          onChange={(_, d) => setBehind(d.checked === true)}
          label={t.summary.behind}
        />
        <Checkbox
          checked={perUnit}
          disabled={selectedUnits.length === 0}
          onChange={(_, d) => setPerUnit(d.checked === true)}
          label={t.summary.perUnit(selectedUnits.length)}
        />
      </fieldset>
      {reports !== null && (
        <Caption1 className={styles.muted} role="status">
          {reports.length ? t.summary.reports(reports.map(isoDate)) : t.summary.noReports}
        </Caption1>
      )}
      {earlier.length > 0 ? (
        <Field label={t.summary.compareWith}>
          <Dropdown
            value={compareWith === undefined ? t.summary.latest(isoDate(earlier[0])) : isoDate(compareWith)}
            selectedOptions={[compareWith === undefined ? 'latest' : String(compareWith)]}
            onOptionSelect={(_, d) =>
              setCompare(
                d.optionValue === undefined || d.optionValue === 'latest' ? null : Number(d.optionValue),
              )
            }
          >
            <Option value="latest">{t.summary.latest(isoDate(earlier[0]))}</Option>
            {earlier.map((d) => (
              <Option key={d} value={String(d)}>
                {isoDate(d)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : (
        reports !== null &&
        reports.length > 0 && <Caption1 className={styles.muted}>{t.summary.noEarlier}</Caption1>
      )}
      <Button appearance="primary" disabled={nothing || action.busy !== null} onClick={() => void generate()}>
        {t.summary.generate}
      </Button>
      {nothing && <Body1>{t.summary.nothing}</Body1>}
      {action.busy === 'summary' && <ProgressBar aria-label={t.summary.working} />}
      {made.length > 0 && (
        <ul className={styles.links}>
          {made.map((s) => (
            <li key={s.id}>
              <Link as="button" onClick={() => void open(s)}>
                {t.summary.open(s.name)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <SendSection
        asOf={day}
        compareWith={compareWith}
        request={request}
        overviewSheetId={made.find((s) => s.kind === 'overview')?.id ?? null}
      />
      <BulletinSection asOf={day} compareWith={compareWith} />
    </section>
  );
}
