import { Badge, Body1, Button, Caption1, Checkbox, Subtitle2, makeStyles } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { applyReturns, ensureLedgerId, readReport, undoLastImport } from '../../excel';
import {
  describeFormFileError,
  downloadFile,
  FormFileError,
  readFileBytes,
  readReturnForm,
  returnFormFile,
  returnFormsZip,
  XLSX_TYPE,
} from '../../files';
import {
  cellText,
  changesToApply,
  checkReturn,
  dayFromLocalDate,
  describeFormProblem,
  isoDate,
  reviewReturns,
  unitsToOffer,
  unitsWithTasks,
  type Bilingual,
  type ProposedChange,
  type ReturnedForm,
} from '../../ledger';
import { usePane, useStrings } from '../paneContext';
import type { ReadyLedger } from '../useLedger';
import { UnitActionList, useUnitListStyles } from './UnitActionList';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  hidden: { display: 'none' },
});

const ZIP_TYPE = 'application/zip';

interface FileReport {
  readonly name: string;
  readonly unit: string | null;
  readonly sentences: readonly Bilingual[];
}

interface Review {
  readonly files: readonly FileReport[];
  readonly changes: readonly ProposedChange[];
}

/** "2026-11-28 09:05", the user's local time: how the log and the batch name say when. */
function stamp(date: Date): string {
  const time = date.toTimeString().slice(0, 5);
  return `${isoDate(dayFromLocalDate(date))} ${time}`;
}

export default function ReturnsPanel({ ledger }: { ledger: ReadyLedger }) {
  const styles = useStyles();
  const shared = useUnitListStyles();
  const { t, language } = useStrings();
  const { action, host, ledger: pane, notify, selectedUnits } = usePane();
  const [review, setReview] = useState<Review | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const { reference, analysis } = ledger;

  const units = useMemo(
    () => unitsToOffer(selectedUnits, analysis.tasks, reference.directory),
    [selectedUnits, analysis.tasks, reference.directory],
  );

  /**
   * The ledger as it is now, read in the action's own request: the forms carry what the cells
   * hold, and a return is reviewed against the same.
   */
  const fresh = async () => {
    const { read, model } = await host.run((c) =>
      readReport(c, { asOf: dayFromLocalDate(host.now()), expect: pane.tablesSeen, history: false }),
    );
    pane.take(read);
    const ledgerId = read.ledgerId ?? (await host.run((c) => ensureLedgerId(c)));
    const options = {
      ledgerId,
      statuses: read.reference.statuses,
      directory: read.reference.directory,
      created: host.now(),
    };
    return { read, model, options };
  };

  const downloadAll = () =>
    action.run(
      'returns',
      async () => {
        const { model, options } = await fresh();
        const file = await returnFormsZip(model, units, options);
        downloadFile(file.name, file.bytes, ZIP_TYPE);
        return units.length;
      },
      (n) => ({ intent: 'success', text: (s) => s.returns.formsReady(n) }),
    );
  const downloadOne = (unit: string) =>
    action.run(
      'returns',
      async () => {
        const { model, options } = await fresh();
        const file = await returnFormFile(model, unit, options);
        downloadFile(file.name, file.bytes, XLSX_TYPE);
      },
      () => ({ intent: 'success', text: (s) => s.returns.formsReady(1) }),
    );

  const importFiles = (files: readonly File[]) =>
    action.run(
      'returns',
      async (): Promise<Review> => {
        const { read: now, model, options } = await fresh();
        const { ledgerId } = options;
        const known = new Set([...units, ...unitsWithTasks(model.tasks, now.reference.directory)]);
        const forms: ReturnedForm[] = [];
        const reports: FileReport[] = [];
        for (const file of files) {
          try {
            forms.push(await readReturnForm(file.name, await readFileBytes(file)));
          } catch (error) {
            // A file that is not a form is named in one sentence; the other files still import.
            if (!(error instanceof FormFileError)) throw error;
            reports.push({ name: file.name, unit: null, sentences: [describeFormFileError(error)] });
          }
        }
        const checked = forms.map((form) =>
          checkReturn(form, {
            ledgerId,
            statuses: now.reference.statuses,
            knowsUnit: (unit) => known.has(unit),
          }),
        );
        for (const c of checked) {
          reports.push({ name: c.fileName, unit: c.unit, sentences: c.problems.map(describeFormProblem) });
        }
        const changes = reviewReturns({
          ledger: now.ledger.ledger,
          tasks: model.tasks,
          returns: checked,
          issued: new Map(forms.map((f) => [f.fileName, f.meta.rows])),
          directory: now.reference.directory,
        });
        return { files: reports, changes };
      },
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
    const time = stamp(host.now());
    const result = await action.run(
      'returns',
      async () => {
        const now = await pane.current();
        if (now.phase !== 'ready') throw new Error(t.unexpected);
        return host.run((c) => applyReturns(c, now.read, ok, { time, batch: `${time} 导入` }));
      },
      (r) => ({ intent: 'success', text: (s) => s.returns.applied(r.applied, r.logSheet) }),
    );
    if (result) {
      pane.afterWrite(result);
      setReview(null);
    } else await pane.refresh();
  };

  const undo = async () => {
    const result = await action.run(
      'returns',
      async () => {
        const now = await pane.current();
        if (now.phase !== 'ready') throw new Error(t.unexpected);
        return host.run((c) => undoLastImport(c, now.read, stamp(host.now())));
      },
      (r) => ({
        intent: r.leftAlone.length ? 'warning' : 'success',
        text: (s) => s.returns.undone(r.restored, r.leftAlone),
      }),
    );
    if (result) pane.afterWrite(result);
  };

  const busy = action.busy !== null;
  const chosen = review?.changes.filter((c) => c.accepted).length ?? 0;
  return (
    <section className={styles.stack} aria-label={t.tabs.returns}>
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
          <ul className={shared.list}>
            {review.files.map((file) => (
              <li key={file.name}>
                <Body1>{file.unit ? t.returns.fileUnit(file.name, file.unit) : file.name}</Body1>
                {file.sentences.map((sentence) => (
                  <Caption1 key={sentence.zh} className={shared.muted} role="note">
                    {' '}
                    {sentence[language]}
                  </Caption1>
                ))}
              </li>
            ))}
          </ul>
          {review.changes.length === 0 && <Body1>{t.returns.noChanges}</Body1>}
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
              </li>
            ))}
          </ul>
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
