import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  ProgressBar,
  makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import { activateSheet, generateSummaries, keptSheetsNotice, type SummarySheetRecord } from '../../excel';
import { dayFromIso, dayFromLocalDate, isoDate } from '../../ledger';
import { usePane, useStrings } from '../paneContext';
import { SendSection } from './SendSection';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px' },
  choices: { border: 'none', margin: 0, padding: 0 },
  links: { display: 'flex', flexDirection: 'column', gap: '4px', margin: 0, paddingLeft: '18px' },
});

export default function SummaryPanel() {
  const styles = useStyles();
  const { t } = useStrings();
  const { action, host, selectedUnits, ledger } = usePane();
  const [asOf, setAsOf] = useState(isoDate(dayFromLocalDate(host.now())));
  const [overview, setOverview] = useState(true);
  const [behind, setBehind] = useState(true);
  const [perUnit, setPerUnit] = useState(selectedUnits.length > 0);
  const [made, setMade] = useState<readonly SummarySheetRecord[]>([]);
  const nothing = !overview && !behind && !(perUnit && selectedUnits.length);

  const day = dayFromIso(asOf) ?? dayFromLocalDate(host.now());
  const request = { overview, behind, units: perUnit ? selectedUnits : [] };

  const generate = async () => {
    const result = await action.run(
      'summary',
      () =>
        // The pane's reading, with every change Excel reported taken in: no second read of the ledger.
        ledger.current().then((now) =>
          generateSummaries(host.run, {
            asOf: day,
            request,
            supports: host.supports,
            from: now.phase === 'ready' ? { read: now.read, reference: now.reference } : undefined,
          }),
        ),
      (r) => ({
        intent: 'success',
        text: (s, lang) =>
          s.summary.done(r.sheets.length) +
          r.sheets.map((x) => x.name).join(s.listSeparator) +
          (r.kept.length ? ` ${keptSheetsNotice(r.kept.map((k) => k.name))[lang]}` : ''),
      }),
    );
    if (!result) return;
    // The new sheets hold no table the pane reads; the selection moved to them; the snapshot's
    // table changed by the pane's own hand.
    ledger.expectEchoes({
      written: result.snapshot.kept ? [{ worksheetId: result.snapshot.sheetId }] : [],
      selectionMoved: true,
    });
    setMade(result.sheets);
  };
  const open = async (sheet: SummarySheetRecord) => {
    await action.run('open', () => host.run((c) => activateSheet(c, sheet.id)));
    ledger.expectEchoes({ written: [], selectionMoved: true });
  };

  return (
    <section className={styles.stack} aria-label={t.tabs.summary}>
      <Field label={t.summary.asOf}>
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
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
        request={request}
        overviewSheetId={made.find((s) => s.kind === 'overview')?.id ?? null}
      />
    </section>
  );
}
