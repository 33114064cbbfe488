import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Subtitle2,
  makeStyles,
} from '@fluentui/react-components';
import { useFitStyles } from './fitStyles';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  applyReturns,
  describeError,
  newImportBatch,
  readSendSettings,
  saveReturnBy,
  undoLastImport,
} from '../../excel';
import { downloadFile, returnFormFile, returnFormsZip, XLSX_TYPE } from '../../files';
import {
  cellText,
  changesToApply,
  chineseDate,
  dayFromIso,
  dayFromLocalDate,
  isoDate,
  returnDeadline,
  unitsToOffer,
  type Day,
} from '../../ledger';
import { usePane, useStrings } from '../paneContext';
import { issuedNotice } from '../registerStrings';
import RecordReturnsButton from './RecordReturnsButton';
import RegisterSection from './RegisterSection';
import { issueForms } from '../registerWorkflow';
import { reviewFiles, type ReturnsReview } from '../returnsWorkflow';
import type { ReadyLedger } from '../useLedger';
import { UnitActionList, useUnitListStyles } from './UnitActionList';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  hidden: { display: 'none' },
});

const ZIP_TYPE = 'application/zip';

/** "2026-11-28 09:05", the user's local time: how the log says when. */
function stamp(date: Date): string {
  const time = date.toTimeString().slice(0, 5);
  return `${isoDate(dayFromLocalDate(date))} ${time}`;
}

export default function ReturnsPanel({ ledger }: { ledger: ReadyLedger }) {
  const styles = useStyles();
  const fit = useFitStyles();
  const shared = useUnitListStyles();
  const { t, language } = useStrings();
  const { action, host, ledger: pane, notify, selectedUnits } = usePane();
  const [review, setReview] = useState<ReturnsReview | null>(null);
  const [returnBy, setReturnBy] = useState<Day | null>(null);
  const [returnByText, setReturnByText] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  // Bumped after each issue or import, so the round shown is read again.
  const [registerKey, setRegisterKey] = useState(0);
  const { reference, analysis } = ledger;
  const today = dayFromLocalDate(host.now());

  const offered = useMemo(
    () => unitsToOffer(selectedUnits, analysis.tasks, reference.directory),
    [selectedUnits, analysis.tasks, reference.directory],
  );
  const units = offered.units;

  // The date kept in the workbook, shown; each form reads it again in its own request.
  useEffect(() => {
    let current = true;
    host
      .run((c) => readSendSettings(c))
      .then((settings) => {
        if (!current) return;
        setReturnBy(settings.returnBy);
        setReturnByText(settings.returnBy === null ? '' : isoDate(settings.returnBy));
      })
      .catch((error: unknown) => current && notify({ intent: 'error', text: describeError(error) }));
    return () => {
      current = false;
    };
  }, [host, notify]);
  const deadline = returnDeadline(returnBy, today);

  const saveDeadline = () =>
    action.run(
      'returns',
      async () => {
        const day = dayFromIso(returnByText);
        await host.run((c) => saveReturnBy(c, day));
        setReturnBy(day);
        return day;
      },
      (day) => ({
        intent: 'success',
        text: (s) => s.returns.returnBySaved(day === null ? null : chineseDate(day)),
      }),
    );

  const downloadAll = () =>
    action.run(
      'returns',
      async () => {
        const { made, register } = await issueForms(host, pane, units, (model, options) =>
          returnFormsZip(model, units, options),
        );
        downloadFile(made.name, made.bytes, ZIP_TYPE);
        setRegisterKey((k) => k + 1);
        return { n: units.length, register };
      },
      ({ n, register }) => issuedNotice(n, register),
    );
  const downloadOne = (unit: string) =>
    action.run(
      'returns',
      async () => {
        const { made, register } = await issueForms(host, pane, [unit], (model, options) =>
          returnFormFile(model, unit, options),
        );
        downloadFile(made.name, made.bytes, XLSX_TYPE);
        setRegisterKey((k) => k + 1);
        return register;
      },
      (register) => issuedNotice(1, register),
    );

  const importFiles = (files: readonly File[]) =>
    action.run(
      'returns',
      () => reviewFiles(host, pane, files),
      (r) => {
        setReview(r);
        return { intent: 'info', text: (s) => s.returns.read(r.files.length, r.changes.length) };
      },
    );

  const toggle = (id: string, accepted: boolean) =>
    setReview((now) =>
      now ? { ...now, changes: now.changes.map((c) => (c.id === id ? { ...c, accepted } : c)) } : now,
    );

  const apply = async () => {
    if (!review) return;
    const { ok, clashes } = changesToApply(review.changes);
    if (clashes.length) return notify({ intent: 'error', text: (s) => s.returns.clash(clashes) });
    const batch = newImportBatch(stamp(host.now()));
    const result = await action.run(
      'returns',
      async () => {
        const now = await pane.current();
        if (now.phase !== 'ready') throw new Error(t.unexpected);
        const returns = review.files.flatMap((f) => (f.receipt ? [f.receipt] : []));
        return host.run((c) =>
          applyReturns(c, now.read, ok, batch, {
            returns,
            on: dayFromLocalDate(host.now()),
            expected: pane.tablesSeen.has('register'),
          }),
        );
      },
      (r) => ({ intent: 'success', text: (s) => s.returns.applied(r.applied, r.logSheet) }),
    );
    if (result) {
      pane.afterWrite(result);
      setReview(null);
      setRegisterKey((k) => k + 1);
    } else await pane.refresh();
  };

  const undo = async () => {
    const result = await action.run(
      'returns',
      async () => {
        const now = await pane.current();
        if (now.phase !== 'ready') throw new Error(t.unexpected);
        return host.run((c) =>
          undoLastImport(c, now.read, stamp(host.now()), pane.tablesSeen.has('register')),
        );
      },
      (r) => ({
        intent: r.leftAlone.length ? 'warning' : 'success',
        text: (s) => s.returns.undone(r.restored, r.files, r.leftAlone),
      }),
    );
    if (result) {
      pane.afterWrite(result);
      // The round shown is read again only when the undo took a return back from it.
      if (result.register?.takenBack) setRegisterKey((k) => k + 1);
    }
  };

  const busy = action.busy !== null;
  const chosen = review?.changes.filter((c) => c.accepted).length ?? 0;
  return (
    <section className={styles.stack} aria-label={t.tabs.returns}>
      <RegisterSection refreshKey={registerKey} />
      <Subtitle2 as="h3">{t.returns.inTitle}</Subtitle2>
      <Caption1 className={shared.muted}>{t.returns.inHint}</Caption1>
      <input
        ref={picker}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx"
        aria-label={t.returns.choose}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          if (files.length) void importFiles(files);
        }}
      />
      <div className={styles.row}>
        <Button className={shared.button} disabled={busy} onClick={() => picker.current?.click()}>
          {t.returns.choose}
        </Button>
        <Button className={shared.button} disabled={busy} onClick={() => void undo()}>
          {t.returns.undo}
        </Button>
      </div>
      {review && (
        <>
          <ul className={shared.list} aria-label={t.returns.files}>
            {review.files.map((file) => (
              <li key={file.name}>
                <Body1>{file.unit ? t.returns.fileUnit(file.name, file.unit) : file.name}</Body1>
                {file.sentences.map((sentence, i) => (
                  <Caption1 key={i} className={shared.muted} role="note">
                    {' '}
                    {sentence[language]}
                  </Caption1>
                ))}
                {file.outcome && (
                  <Caption1>
                    {' '}
                    {t.returns.outcome(file.outcome.changes, file.outcome.asIssued, file.outcome.said)}
                  </Caption1>
                )}
              </li>
            ))}
          </ul>
          <ul className={shared.list} aria-label={t.returns.inTitle}>
            {review.changes.map((change) => (
              <li key={change.id} className={shared.item}>
                <Checkbox
                  className={shared.name}
                  checked={change.accepted}
                  onChange={(_, d) => toggle(change.id, d.checked === true)}
                  label={t.returns.change(
                    change.no,
                    change.header,
                    cellText(change.from),
                    cellText(change.to),
                    change.unit,
                  )}
                />
                {change.conflict && <Badge color="warning">{t.returns.conflict[change.conflict]}</Badge>}
                {change.kind === 'note' && <Badge color="informative">{t.returns.note}</Badge>}
                {change.hint && (
                  <Caption1 className={shared.muted} role="note">
                    {change.hint[language]}
                  </Caption1>
                )}
              </li>
            ))}
          </ul>
          {chosen === 0 && (
            <RecordReturnsButton
              review={review}
              onDone={() => {
                setReview(null);
                setRegisterKey((k) => k + 1);
              }}
            />
          )}
          {review.changes.length > 0 && (
            <div className={styles.row}>
              <Button
                className={shared.button}
                appearance="primary"
                disabled={busy || chosen === 0}
                onClick={() => void apply()}
              >
                {t.returns.apply(chosen)}
              </Button>
            </div>
          )}
        </>
      )}
      <Subtitle2 as="h3">{t.returns.outTitle}</Subtitle2>
      <Caption1 className={shared.muted}>{t.returns.outHint}</Caption1>
      <Field
        label={t.returns.returnBy}
        hint={
          deadline.chosen
            ? t.returns.returnByChosen(chineseDate(deadline.day))
            : t.returns.returnByDefault(chineseDate(deadline.day))
        }
      >
        <Input
          className={fit.field}
          type="date"
          value={returnByText}
          onChange={(_, d) => setReturnByText(d.value)}
        />
      </Field>
      <div className={styles.row}>
        <Button className={shared.button} size="small" disabled={busy} onClick={() => void saveDeadline()}>
          {t.returns.saveReturnBy}
        </Button>
      </div>
      {offered.collectives.length > 0 && (
        <Caption1 role="note">{t.returns.collectives(offered.collectives)}</Caption1>
      )}
      {host.canDownload && (
        <>
          <Body1>{t.returns.outUnits(units.length, selectedUnits.length > 0)}</Body1>
          <div className={styles.row}>
            <Button
              className={shared.button}
              size="small"
              disabled={busy || !units.length}
              onClick={() => void downloadAll()}
            >
              {t.returns.allForms}
            </Button>
          </div>
          <UnitActionList
            units={units}
            label={t.returns.formButton}
            ariaLabel={t.returns.formFor}
            onAction={(unit) => void downloadOne(unit)}
            disabled={busy}
          />
        </>
      )}
    </section>
  );
}
