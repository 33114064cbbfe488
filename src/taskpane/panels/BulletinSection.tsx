import { Button, Caption1, Field, Subtitle2, Textarea, makeStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { describeError, queueNextSteps, readSendSettings } from '../../excel';
import { bulletinFile, copyRichText, DOCX_TYPE, downloadFile } from '../../files';
import {
  bulletinHtml,
  bulletinOf,
  bulletinText,
  chineseDate,
  dayFromLocalDate,
  DEFAULT_NEXT_STEPS,
  type Day,
} from '../../ledger';
import { BULLETIN_STRINGS } from '../bulletinStrings';
import { usePane, useStrings } from '../paneContext';
import { bulletinOutcome, readBulletin } from './bulletinWorkflow';
import { useFitStyles } from './fitStyles';
import { useUnitListStyles } from './UnitActionList';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
});

export interface BulletinSectionProps {
  readonly asOf: Day;
  /** The earlier report compared with; the latest before asOf when undefined. */
  readonly compareWith?: Day;
}

/**
 * The 下步工作 lines as the box shows them: read from the workbook when the section opens (the
 * three defaults when never saved); null while reading.
 */
function useNextSteps(table: string | undefined): [string | null, (text: string) => void, string | null] {
  const { host, notify } = usePane();
  const [steps, setSteps] = useState<string | null>(null);
  const [sender, setSender] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    host
      .run((c) => readSendSettings(c, table))
      .then((saved) => {
        if (!alive) return;
        setSteps((saved.nextSteps ?? DEFAULT_NEXT_STEPS).join('\n'));
        setSender(saved.sender);
      })
      .catch((error: unknown) => alive && notify({ intent: 'error', text: describeError(error) }));
    return () => {
      alive = false;
    };
    // Each plan has its own lines: the box shows the plan the pane is on.
  }, [host, notify, table]);
  return [steps, setSteps, sender];
}

/** 进展情况通报: the 通报 as a Word file or as text to paste, with its 下步工作 kept in the workbook. */
export function BulletinSection({ asOf, compareWith }: BulletinSectionProps) {
  const styles = useStyles();
  const fit = useFitStyles();
  const shared = useUnitListStyles();
  const { language } = useStrings();
  const b = BULLETIN_STRINGS[language];
  const { action, host, ledger } = usePane();
  const [steps, setSteps, sender] = useNextSteps(ledger.ledgerTable);
  const lines = (steps ?? '').split('\n');

  const save = () =>
    action.run(
      'send',
      () =>
        host.run(async (c) => {
          const kept = queueNextSteps(c, lines, ledger.ledgerTable);
          await c.sync();
          return kept;
        }),
      (kept) => {
        setSteps(kept.join('\n'));
        return { intent: 'success', text: (_s, lang) => BULLETIN_STRINGS[lang].stepsSaved(kept.length) };
      },
    );
  const download = () =>
    action.run(
      'send',
      async () => {
        const { model, options, saved, stale } = await readBulletin(host, ledger, lines, asOf, compareWith);
        const file = await bulletinFile(model, options);
        downloadFile(file.name, file.bytes, DOCX_TYPE);
        setSteps(saved.join('\n'));
        return { name: file.name, stale };
      },
      ({ name, stale }) => bulletinOutcome((lang) => BULLETIN_STRINGS[lang].downloaded(name), stale),
    );
  const copy = () =>
    action.run(
      'send',
      async () => {
        const { model, options, saved, stale } = await readBulletin(host, ledger, lines, asOf, compareWith);
        const made = bulletinOf(model, options);
        setSteps(saved.join('\n'));
        return { copied: await copyRichText(bulletinHtml(made), bulletinText(made)), stale };
      },
      ({ copied, stale }) =>
        copied
          ? bulletinOutcome((lang) => BULLETIN_STRINGS[lang].copied, stale)
          : { intent: 'warning', text: (_s, lang) => BULLETIN_STRINGS[lang].copyRefused },
    );

  const busy = action.busy !== null || steps === null;
  return (
    <section className={styles.stack} aria-label={b.title}>
      <Subtitle2 as="h3">{b.title}</Subtitle2>
      <Caption1 className={shared.muted}>{b.hint}</Caption1>
      <Field label={b.steps} hint={b.stepsHint}>
        <Textarea
          className={fit.field}
          resize="vertical"
          rows={5}
          value={steps ?? ''}
          disabled={steps === null}
          onChange={(_, d) => setSteps(d.value)}
        />
      </Field>
      <div className={styles.row}>
        <Button className={shared.button} size="small" disabled={busy} onClick={() => void save()}>
          {b.saveSteps}
        </Button>
        <Button
          className={shared.button}
          size="small"
          disabled={busy}
          onClick={() => setSteps(DEFAULT_NEXT_STEPS.join('\n'))}
        >
          {b.resetSteps}
        </Button>
      </div>
      {sender === '' && <Caption1 role="note">{b.noSender}</Caption1>}
      {steps !== null && lines.every((l) => !l.trim()) && <Caption1 role="note">{b.noSteps}</Caption1>}
      {asOf > dayFromLocalDate(host.now()) && <Caption1 role="note">{b.future(chineseDate(asOf))}</Caption1>}
      {!host.canDownload && <Caption1 className={shared.muted}>{b.noDownloads}</Caption1>}
      <div className={styles.row}>
        {host.canDownload && (
          <Button className={shared.button} disabled={busy} onClick={() => void download()}>
            {b.download}
          </Button>
        )}
        <Button className={shared.button} disabled={busy} onClick={() => void copy()}>
          {b.copy}
        </Button>
      </div>
    </section>
  );
}
