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
import { useEffect, useMemo, useState } from 'react';
import {
  describeError,
  ensureLedgerId,
  CELL_SELECTED,
  queueSendSettings,
  readRecipients,
  readReport,
  saveRecipients,
  selectSheetContent,
  type SavedRecipients,
} from '../../excel';
import {
  leaderDraft,
  summaryWorkbook,
  unitDraft,
  unitDraftsZip,
  base64,
  copyRichText,
  downloadFile,
  XLSX_TYPE,
  type NamedFile,
} from '../../files';
import {
  dayFromLocalDate,
  DEFAULT_NEXT_STEPS,
  leaderMail,
  parseAddressList,
  returnDeadline,
  summaryFileName,
  unitAddressState,
  unitsToOffer,
  type Day,
  type MailAddress,
  type SummaryRequest,
} from '../../ledger';
import { BULLETIN_STRINGS } from '../bulletinStrings';
import { SEND_STRINGS } from '../sendStrings';
import { usePane, useStrings } from '../paneContext';
import { UnitActionList, useUnitListStyles } from './UnitActionList';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
});

const ZIP_TYPE = 'application/zip';
const EML_TYPE = 'message/rfc822';

const addressText = (list: readonly MailAddress[]) =>
  list.map((a) => (a.name ? `${a.name} <${a.email}>` : a.email)).join('; ');

export interface SendSectionProps {
  readonly asOf: Day;
  /** The earlier report the summaries compare with; the latest before asOf when undefined. */
  readonly compareWith?: Day;
  readonly request: SummaryRequest;
  /** The overview sheet made last, if any: where the user copies from when the clipboard is refused. */
  readonly overviewSheetId: string | null;
}

/** 发送: the summaries out of Excel, as files, mail drafts and copied text. */
export function SendSection({ asOf, compareWith, request, overviewSheetId }: SendSectionProps) {
  const styles = useStyles();
  const fit = useFitStyles();
  const shared = useUnitListStyles();
  const { language } = useStrings();
  const st = SEND_STRINGS[language];
  const { action, host, ledger, notify, selectedUnits } = usePane();
  // A pane that cannot download is a Mac's, where Excel.createWorkbook opens behind the current
  // window (office-js #6943): the notice says where to find it.
  const onMac = !host.canDownload;
  const [to, setTo] = useState('');
  const [cc, setCc] = useState('');
  const [withForm, setWithForm] = useState(true);
  const [withBulletin, setWithBulletin] = useState(true);
  const [sender, setSender] = useState<string | null>(null);
  const state = ledger.state;
  const directory = state.phase === 'ready' ? state.reference.directory : undefined;

  useEffect(() => {
    let current = true;
    host
      .run(async (c) => {
        // One request: the 落款 is queued with the recipients' read.
        const settings = queueSendSettings(c);
        return { saved: await readRecipients(c), settings: settings() };
      })
      .then(({ saved, settings }) => {
        if (!current) return;
        setTo(addressText(saved.to));
        setCc(addressText(saved.cc));
        setSender(settings.sender);
      })
      .catch((error: unknown) => current && notify({ intent: 'error', text: describeError(error) }));
    return () => {
      current = false;
    };
  }, [host, notify]);

  const offered = useMemo(
    () => unitsToOffer(selectedUnits, state.phase === 'ready' ? state.analysis.tasks : [], directory),
    [selectedUnits, state, directory],
  );
  const units = offered.units;

  const recipients = (): SavedRecipients & { invalid: string[] } => {
    const toList = parseAddressList(to);
    const ccList = parseAddressList(cc);
    return {
      to: toList.addresses,
      cc: ccList.addresses,
      invalid: [...toList.invalid, ...ccList.invalid],
    };
  };

  /**
   * The report as of the chosen date, read in this action's own request (the ledger, the
   * reference data, the snapshots kept, the 落款 and the return date kept in the workbook): what
   * leaves the workbook is what it holds now. The files' options come from the same read; the unit
   * drafts carry the 反馈表 when chosen, single or zipped.
   */
  const report = async (forUnits = false) => {
    const { read, model, history, reporting, also } = await host.run((c) =>
      readReport(c, {
        asOf,
        compareWith,
        expect: ledger.tablesSeen,
        register: true,
        also: queueSendSettings,
      }),
    );
    ledger.take(read);
    const { directory: fresh, statuses } = read.reference;
    const ledgerId =
      forUnits && withForm ? (read.ledgerId ?? (await host.run((c) => ensureLedgerId(c)))) : null;
    const created = host.now();
    const options = {
      directory: fresh,
      created,
      history,
      reporting,
      sender: also.sender,
      returnBy: returnDeadline(also.returnBy, dayFromLocalDate(created)).day,
      ...(ledgerId ? { returnForm: { ledgerId, statuses, ledger: read.ledger.ledger } } : {}),
    };
    // The 通报 the leaders' draft may carry: the 下步工作 as saved in the workbook.
    const bulletin = {
      issuer: also.sender,
      date: dayFromLocalDate(created),
      history,
      reporting,
      nextSteps: also.nextSteps ?? DEFAULT_NEXT_STEPS,
    };
    return { model, options, bulletin };
  };
  const deliver = (file: NamedFile, type: string) => downloadFile(file.name, file.bytes, type);

  const save = () =>
    action.run(
      'send',
      async () => {
        const { invalid, ...saved } = recipients();
        await host.run((c) => saveRecipients(c, saved));
        setTo(addressText(saved.to));
        setCc(addressText(saved.cc));
        return invalid;
      },
      (invalid) => ({
        intent: invalid.length ? 'warning' : 'success',
        text: (_s, lang) =>
          [SEND_STRINGS[lang].saved, invalid.length ? SEND_STRINGS[lang].invalid(invalid) : '']
            .filter(Boolean)
            .join(' '),
      }),
    );
  const exportWorkbook = () =>
    action.run(
      'send',
      async () => {
        const { model, options } = await report();
        const file = await summaryWorkbook(model, request, options);
        if (host.openWorkbook && !host.canDownload) await host.openWorkbook(base64(file.bytes));
        else deliver(file, XLSX_TYPE);
        return file.name;
      },
      (name) => ({
        intent: 'success',
        text: (_s, lang) =>
          host.canDownload ? SEND_STRINGS[lang].exported(name) : SEND_STRINGS[lang].opened(onMac),
      }),
    );
  const openWorkbook = () =>
    action.run(
      'send',
      async () => {
        const { model, options } = await report();
        const file = await summaryWorkbook(model, request, options);
        await host.openWorkbook?.(base64(file.bytes));
      },
      () => ({ intent: 'success', text: (_s, lang) => SEND_STRINGS[lang].opened(onMac) }),
    );
  const draftToLeaders = () =>
    action.run(
      'send',
      async () => {
        const { invalid, ...people } = recipients();
        const { model, options, bulletin } = await report();
        const file = await leaderDraft(
          model,
          request,
          people,
          withBulletin ? { ...options, bulletin } : options,
        );
        deliver(file, EML_TYPE);
        return { name: file.name, invalid };
      },
      (r) => ({
        intent: r.invalid.length ? 'warning' : 'success',
        text: (_s, lang) =>
          [SEND_STRINGS[lang].exported(r.name), r.invalid.length ? SEND_STRINGS[lang].invalid(r.invalid) : '']
            .filter(Boolean)
            .join(' '),
      }),
    );
  const copyBody = async () => {
    const copied = await action.run('send', async () => {
      const { model, options } = await report();
      const mail = leaderMail(model, summaryFileName(model.asOf, undefined, model.names), {
        history: options.history,
        signature: { unit: options.sender, date: dayFromLocalDate(options.created) },
      });
      return copyRichText(mail.html, mail.text);
    });
    if (copied === undefined) return;
    if (copied) return notify({ intent: 'success', text: (_s, lang) => SEND_STRINGS[lang].copied });
    if (!overviewSheetId)
      return notify({ intent: 'warning', text: (_s, lang) => SEND_STRINGS[lang].copyRefusedNoSheet });
    await action.run(
      'send',
      () => host.run((c) => selectSheetContent(c, overviewSheetId)),
      () => ({ intent: 'warning', text: (_s, lang) => SEND_STRINGS[lang].copyRefused }),
    );
    ledger.expectEchoes(CELL_SELECTED);
  };
  const copyRecipients = async () => {
    const { to: people, cc: copies } = recipients();
    const all = [...people, ...copies].map((a) => a.email);
    if (all.length === 0)
      return notify({ intent: 'warning', text: (_s, lang) => SEND_STRINGS[lang].noRecipients });
    const copied = await copyRichText(
      all.map((a) => `<a href="mailto:${a}">${a}</a>`).join('; '),
      all.join('; '),
    );
    notify(
      copied
        ? { intent: 'success', text: (_s, lang) => SEND_STRINGS[lang].copiedRecipients(all.length) }
        : { intent: 'warning', text: (_s, lang) => SEND_STRINGS[lang].copyRefusedNoSheet },
    );
  };
  const draftsToUnits = () =>
    action.run(
      'send',
      async () => {
        const { model, options } = await report(true);
        const { file, drafts } = await unitDraftsZip(model, units, { cc: recipients().cc }, options);
        deliver(file, ZIP_TYPE);
        return drafts.filter((d) => !d.address).map((d) => d.unit);
      },
      (missing) => ({
        intent: missing.length ? 'warning' : 'success',
        text: (_s, lang) => SEND_STRINGS[lang].draftsReady(units.length, missing),
      }),
    );
  const draftToUnit = (unit: string) =>
    action.run(
      'send',
      async () => {
        const { model, options } = await report(true);
        const file = await unitDraft(model, unit, { cc: recipients().cc }, options);
        deliver(file, EML_TYPE);
        return file;
      },
      (file) => ({
        intent: file.address ? 'success' : 'warning',
        text: (_s, lang) =>
          [SEND_STRINGS[lang].exported(file.name), file.address ? '' : SEND_STRINGS[lang].noAddressHint]
            .filter(Boolean)
            .join(' '),
      }),
    );

  const busy = action.busy !== null;
  return (
    <section className={styles.stack} aria-label={st.title}>
      <Subtitle2 as="h3">{st.title}</Subtitle2>
      <Caption1 className={shared.muted}>{st.hint}</Caption1>
      <Field label={st.to} hint={st.addressHint}>
        <Input className={fit.field} value={to} onChange={(_, d) => setTo(d.value)} type="email" />
      </Field>
      <Field label={st.cc}>
        <Input className={fit.field} value={cc} onChange={(_, d) => setCc(d.value)} type="email" />
      </Field>
      <div className={styles.row}>
        <Button className={shared.button} size="small" disabled={busy} onClick={() => void save()}>
          {st.save}
        </Button>
        <Button className={shared.button} size="small" disabled={busy} onClick={() => void copyRecipients()}>
          {st.copyRecipients}
        </Button>
      </div>
      {!host.canDownload && <Caption1 className={shared.muted}>{st.noDownloads}</Caption1>}
      <div className={styles.row}>
        {host.canDownload && (
          <>
            <Button className={shared.button} disabled={busy} onClick={() => void exportWorkbook()}>
              {st.exportWorkbook}
            </Button>
            <Button className={shared.button} disabled={busy} onClick={() => void draftToLeaders()}>
              {st.leaderDraft}
            </Button>
          </>
        )}
        {host.openWorkbook && (
          <Button className={shared.button} disabled={busy} onClick={() => void openWorkbook()}>
            {st.openWorkbook}
          </Button>
        )}
        <Button className={shared.button} disabled={busy} onClick={() => void copyBody()}>
          {st.copyBody}
        </Button>
      </div>
      {host.canDownload && (
        <Checkbox
          checked={withBulletin}
          onChange={(_, d) => setWithBulletin(d.checked === true)}
          label={BULLETIN_STRINGS[language].withBulletin}
        />
      )}
      <Caption1 className={shared.muted}>{st.noCharts}</Caption1>
      {sender === '' && <Caption1 role="note">{st.noSender}</Caption1>}
      {offered.collectives.length > 0 && (
        <Caption1 role="note">{st.collectives(offered.collectives)}</Caption1>
      )}
      {host.canDownload && units.length > 0 && (
        <>
          <Body1>{st.unitsTitle(units.length, selectedUnits.length > 0)}</Body1>
          <Checkbox
            checked={withForm}
            onChange={(_, d) => setWithForm(d.checked === true)}
            label={st.withForm}
          />
          <div className={styles.row}>
            <Button
              className={shared.button}
              size="small"
              disabled={busy}
              onClick={() => void draftsToUnits()}
            >
              {st.allDrafts}
            </Button>
          </div>
          <UnitActionList
            units={units}
            label={st.emlButton}
            ariaLabel={st.unitDraft}
            onAction={(unit) => void draftToUnit(unit)}
            disabled={busy}
            note={(unit) => {
              const address = unitAddressState(unit, directory);
              return (
                address !== 'ok' && (
                  <Badge color="warning">{address === 'invalid' ? st.badAddress : st.noAddress}</Badge>
                )
              );
            }}
          />
        </>
      )}
    </section>
  );
}
