import { Button, Caption1, Field, Subtitle2, Textarea, makeStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { describeError, queueNextSteps, readSendSettings } from '../../excel';
import { bulletinFile, copyRichText, DOCX_TYPE, downloadFile } from '../../files';
import {
  bulletinHtml,
  bulletinOf,
  bulletinText,
  chineseDate,
  dayFromLocalDate,
  DEFAULT_NEXT_STEPS,
  FIRST_LEDGER_TABLE,
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
 * three defaults when never saved), under the user's unsaved text, a draft kept per plan
 * (useDrafts) that leaving the tab or the plan keeps and names; null while reading.
 */
function useNextSteps(table: string | undefined, planTitle: string) {
  const { host, notify, drafts } = usePane();
  const [read, setRead] = useState<string | null>(null);
  const [sender, setSender] = useState<string | null>(null);
  const key = table ?? FIRST_LEDGER_TABLE;
  useEffect(() => {
    let alive = true;
    host
      .run((c) => readSendSettings(c, table))
      .then((saved) => {
        if (!alive) return;
        setRead((saved.nextSteps ?? DEFAULT_NEXT_STEPS).join('\n'));
        setSender(saved.sender);
      })
      .catch((error: unknown) => alive && notify({ intent: 'error', text: describeError(error) }));
    return () => {
      alive = false;
    };
    // Each plan has its own lines: the box shows the plan the pane is on.
  }, [host, notify, table]);

  const titles = useRef<Record<string, string>>({});
  titles.current[key] = planTitle;
  const { current, setSteps: setDraft } = drafts;
  useEffect(
    () => () => {
      if (current().steps[key] === undefined) return;
      const title = titles.current[key] ?? key;
      notify({ intent: 'warning', text: (_, l) => BULLETIN_STRINGS[l].stepsKept(title) });
    },
    [key, current, notify],
  );

  const draft = drafts.steps[key];
  return {
    steps: read === null ? null : (draft ?? read),
    unsaved: draft !== undefined,
    sender,
    /** The user's typing: a draft until saved, none when typed back to what the workbook holds. */
    edit: (text: string) => setDraft(key, text === read ? null : text),
    /** The lines as the workbook now holds them, after a save of `sent`: its draft goes. */
    saved: (text: string, sent: string | null) => {
      setRead(text);
      if (current().steps[key] === (sent ?? undefined)) setDraft(key, null);
    },
  };
}

/** 进展情况通报: the 通报 as a Word file or as text to paste, with its 下步工作 kept in the workbook. */
export function BulletinSection({ asOf, compareWith }: BulletinSectionProps) {
  const styles = useStyles();
  const fit = useFitStyles();
  const shared = useUnitListStyles();
  const { language } = useStrings();
  const b = BULLETIN_STRINGS[language];
  const { action, host, ledger } = usePane();
  const planTitle =
    ledger.state.phase === 'ready' ? ledger.state.reference.plan.plan.title : (ledger.ledgerTable ?? '');
  const next = useNextSteps(ledger.ledgerTable, planTitle);
  const { steps, sender } = next;
  const lines = (steps ?? '').split('\n');
  // The text a save sends: its draft goes once the workbook holds it, unless typed on meanwhile.
  const sent = next.unsaved ? steps : null;

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
        next.saved(kept.join('\n'), sent);
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
        next.saved(saved.join('\n'), sent);
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
        next.saved(saved.join('\n'), sent);
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
          onChange={(_, d) => next.edit(d.value)}
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
          onClick={() => next.edit(DEFAULT_NEXT_STEPS.join('\n'))}
        >
          {b.resetSteps}
        </Button>
      </div>
      {next.unsaved && <Caption1 role="note">{b.stepsUnsaved}</Caption1>}
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
