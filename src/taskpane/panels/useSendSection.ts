// The 发送 section's state and actions; SendSection.tsx renders them.
import { useEffect, useMemo, useState } from 'react';
import {
  CELL_SELECTED,
  describeError,
  queueSendSettings,
  readRecipients,
  saveRecipients,
  selectSheetContent,
} from '../../excel';
import {
  base64,
  copyRichText,
  downloadFile,
  leaderDraft,
  summaryWorkbook,
  unitDraft,
  unitDraftsZip,
  XLSX_TYPE,
  type NamedFile,
} from '../../files';
import {
  dayFromLocalDate,
  leaderMail,
  summaryFileName,
  unitsToOffer,
  type Day,
  type SummaryRequest,
} from '../../ledger';
import { usePane } from '../paneContext';
import { SEND_STRINGS } from '../sendStrings';
import { addressText, readSendReport, typedRecipients } from './sendWorkflow';

const ZIP_TYPE = 'application/zip';
const EML_TYPE = 'message/rfc822';

export interface SendSectionProps {
  readonly asOf: Day;
  /** The earlier report the summaries compare with; the latest before asOf when undefined. */
  readonly compareWith?: Day;
  readonly request: SummaryRequest;
  /** The overview sheet made last, if any: where the user copies from when the clipboard is refused. */
  readonly overviewSheetId: string | null;
}

export function useSendSection({ asOf, compareWith, request, overviewSheetId }: SendSectionProps) {
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
  const recipients = () => typedRecipients(to, cc);
  const report = (forUnits = false) =>
    readSendReport(host, ledger, { asOf, compareWith, withForm, forUnits });
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
        reporting: options.reporting,
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

  return {
    host,
    busy: action.busy !== null,
    selectedCount: selectedUnits.length,
    directory,
    offered,
    units,
    sender,
    fields: { to, setTo, cc, setCc, withForm, setWithForm, withBulletin, setWithBulletin },
    actions: {
      save,
      exportWorkbook,
      openWorkbook,
      draftToLeaders,
      copyBody,
      copyRecipients,
      draftsToUnits,
      draftToUnit,
    },
  };
}

export type SendSectionState = ReturnType<typeof useSendSection>;
