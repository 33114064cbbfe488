// The 发送 section's state and actions; SendSection.tsx renders them, sendWorkflow.ts does the work.
import { useEffect, useMemo, useState } from 'react';
import {
  CELL_SELECTED,
  describeError,
  queueSendSettings,
  readRecipients,
  saveRecipients,
  selectSheetContent,
  type RegisterOutcome,
} from '../../excel';
import {
  chineseDate,
  unitsToOffer,
  type Day,
  type Language,
  type MailAddress,
  type SummaryRequest,
} from '../../ledger';
import { textOf } from '../i18n';
import { usePane } from '../paneContext';
import { issuedNotice } from '../registerStrings';
import { SEND_STRINGS } from '../sendStrings';
import type { Notice } from '../useAction';
import * as send from './sendWorkflow';
import { staleChanges, type StaleSummaries } from './currentReport';
import type { SentFile } from './sendWorkflow';

export interface SendSectionProps {
  readonly asOf: Day;
  /** The earlier report the summaries compare with; the latest before asOf when undefined. */
  readonly compareWith?: Day;
  readonly request: SummaryRequest;
  /** The overview sheet made last, if any: where the user copies from when the clipboard is refused. */
  readonly overviewSheetId: string | null;
}

/** One sentence, and what follows it when there is something to add. */
const sentences = (first: string, then: string) => [first, then].filter(Boolean).join(' ');

/** A drafts notice and, when forms went with them, what 报送登记 recorded (a warning when it could not). */
function withRegister(notice: Notice, forms: number, register: RegisterOutcome | null): Notice {
  if (!register) return notice;
  const recorded = issuedNotice(forms, register);
  return {
    intent: recorded.intent === 'warning' ? 'warning' : notice.intent,
    text: (_s, lang) => sentences(textOf(notice.text, lang), textOf(recorded.text, lang)),
  };
}

/** Said when the files follow a ledger changed since the summary sheets of their date. */
const staleText = (stale: StaleSummaries | null, lang: Language) =>
  stale ? SEND_STRINGS[lang].stale(chineseDate(stale.asOf), staleChanges(stale, lang)) : '';

/** The notices of the sends whose sentence depends on what came back. */
const notices = {
  saved: (invalid: readonly string[]): Notice => ({
    intent: invalid.length ? 'warning' : 'success',
    text: (_s, lang) =>
      sentences(SEND_STRINGS[lang].saved, invalid.length ? SEND_STRINGS[lang].invalid(invalid) : ''),
  }),
  leaderDraft: (r: SentFile & { invalid: readonly string[] }): Notice => ({
    intent: r.invalid.length || r.stale ? 'warning' : 'success',
    text: (_s, lang) =>
      [
        SEND_STRINGS[lang].exported(r.name),
        r.invalid.length ? SEND_STRINGS[lang].invalid(r.invalid) : '',
        staleText(r.stale, lang),
      ]
        .filter(Boolean)
        .join(' '),
  }),
  unitDraft: (file: {
    name: string;
    address: MailAddress | null;
    register: RegisterOutcome | null;
  }): Notice =>
    withRegister(
      {
        intent: file.address ? 'success' : 'warning',
        text: (_s, lang) =>
          sentences(
            SEND_STRINGS[lang].exported(file.name),
            file.address ? '' : SEND_STRINGS[lang].noAddressHint,
          ),
      },
      1,
      file.register,
    ),
  unitDrafts: (n: number, drafts: { missing: readonly string[]; register: RegisterOutcome | null }): Notice =>
    withRegister(
      {
        intent: drafts.missing.length ? 'warning' : 'success',
        text: (_s, lang) => SEND_STRINGS[lang].draftsReady(n, drafts.missing),
      },
      n,
      drafts.register,
    ),
};

/** The addresses and the 落款 kept in the workbook, read once; the fields edit the addresses. */
function useSavedRecipients() {
  const { host, notify } = usePane();
  const [to, setTo] = useState('');
  const [cc, setCc] = useState('');
  const [sender, setSender] = useState<string | null>(null);
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
        setTo(send.addressText(saved.to));
        setCc(send.addressText(saved.cc));
        setSender(settings.sender);
      })
      .catch((error: unknown) => current && notify({ intent: 'error', text: describeError(error) }));
    return () => {
      current = false;
    };
  }, [host, notify]);
  return { to, setTo, cc, setCc, sender };
}

export function useSendSection({ asOf, compareWith, request, overviewSheetId }: SendSectionProps) {
  const { action, host, ledger, notify, selectedUnits } = usePane();
  // A pane that cannot download is a Mac's, where Excel.createWorkbook opens behind the current
  // window (office-js #6943): the notice says where to find it.
  const onMac = !host.canDownload;
  const { to, setTo, cc, setCc, sender } = useSavedRecipients();
  const [withForm, setWithForm] = useState(true);
  const [withBulletin, setWithBulletin] = useState(true);
  const state = ledger.state;
  const directory = state.phase === 'ready' ? state.reference.directory : undefined;

  const offered = useMemo(
    () => unitsToOffer(selectedUnits, state.phase === 'ready' ? state.analysis.tasks : [], directory),
    [selectedUnits, state, directory],
  );
  const units = offered.units;
  const recipients = () => send.typedRecipients(to, cc);
  const source: send.SendSource = { host, ledger, report: { asOf, compareWith, withForm } };

  const save = () =>
    action.run(
      'send',
      async () => {
        const { invalid, ...saved } = recipients();
        await host.run((c) => saveRecipients(c, saved));
        setTo(send.addressText(saved.to));
        setCc(send.addressText(saved.cc));
        return invalid;
      },
      notices.saved,
    );
  const exportWorkbook = () =>
    action.run(
      'send',
      () => send.exportSummaries(source, request),
      ({ name, stale }) => ({
        intent: stale ? 'warning' : 'success',
        text: (_s, lang) =>
          sentences(
            host.canDownload ? SEND_STRINGS[lang].exported(name) : SEND_STRINGS[lang].opened(onMac),
            staleText(stale, lang),
          ),
      }),
    );
  const openWorkbook = () =>
    action.run(
      'send',
      () => send.openSummaries(source, request),
      () => ({ intent: 'success', text: (_s, lang) => SEND_STRINGS[lang].opened(onMac) }),
    );
  const draftToLeaders = () =>
    action.run(
      'send',
      async () => {
        const { invalid, ...people } = recipients();
        return { ...(await send.draftToLeaders(source, request, people, withBulletin)), invalid };
      },
      notices.leaderDraft,
    );
  const copyBody = async () => {
    const copied = await action.run('send', () => send.copyLeaderBody(source));
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
    const { count, copied } = await send.copyAddresses(recipients());
    if (count === 0)
      return notify({ intent: 'warning', text: (_s, lang) => SEND_STRINGS[lang].noRecipients });
    notify(
      copied
        ? { intent: 'success', text: (_s, lang) => SEND_STRINGS[lang].copiedRecipients(count) }
        : { intent: 'warning', text: (_s, lang) => SEND_STRINGS[lang].copyRefusedNoSheet },
    );
  };
  const draftsToUnits = () =>
    action.run(
      'send',
      () => send.draftsToUnits(source, units, recipients().cc),
      (drafts) => notices.unitDrafts(units.length, drafts),
    );
  const draftToUnit = (unit: string) =>
    action.run('send', () => send.draftToUnit(source, unit, recipients().cc), notices.unitDraft);

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
