// The 报送登记 section's state and actions: the round as the register holds it (read again after
// every issue or import the panel reports), 催报 drafts, the copied text, and the jump to a
// unit's changes in 变更记录.
import { useCallback, useEffect, useState } from 'react';
import { describeError, showUnitChanges } from '../excel';
import { copyRichText, downloadFile } from '../files';
import type { RoundStatus } from '../ledger';
import { usePane } from './paneContext';
import { draftReminders, readRound } from './registerWorkflow';
import { REGISTER_STRINGS } from './registerStrings';

const ZIP_TYPE = 'application/zip';
const EML_TYPE = 'message/rfc822';

export function useRegister(refreshKey: number) {
  const { action, host, ledger: pane, notify } = usePane();
  const [round, setRound] = useState<RoundStatus | null>(null);
  // The active plan's round: another plan's rows in 报送登记 are not its units.
  const plan = pane.ledgerTable;

  useEffect(() => {
    let current = true;
    readRound(host, plan)
      .then((r) => current && setRound(r))
      .catch((error: unknown) => current && notify({ intent: 'error', text: describeError(error) }));
    return () => {
      current = false;
    };
  }, [host, notify, refreshKey, plan]);

  const drafted = (n: number, missing: readonly string[]) => ({
    intent: 'success' as const,
    text: (_: unknown, l: 'zh' | 'en') => REGISTER_STRINGS[l].drafted(n, missing),
  });

  const remindAll = () =>
    action.run(
      'returns',
      async () => {
        const { drafts, zip, round: now } = await draftReminders(host, pane);
        setRound(now);
        downloadFile(zip.name, zip.bytes, ZIP_TYPE);
        return drafts;
      },
      (drafts) =>
        drafted(
          drafts.length,
          drafts.filter((d) => !d.address).map((d) => d.unit),
        ),
    );

  const remindOne = (unit: string) =>
    action.run(
      'returns',
      async () => {
        const { drafts, round: now } = await draftReminders(host, pane);
        setRound(now);
        const draft = drafts.find((d) => d.unit === unit);
        if (!draft) throw new Error(`${unit}：本期已报送或未下发。${unit} has reported or was not asked.`);
        downloadFile(draft.name, draft.bytes, EML_TYPE);
        return draft;
      },
      (draft) => drafted(1, draft.address ? [] : [draft.unit]),
    );

  const copyText = () =>
    action.run(
      'returns',
      async () => {
        const { drafts, round: now } = await draftReminders(host, pane);
        setRound(now);
        const text = drafts.map((d) => d.mail.text).join('\n\n');
        const html = drafts.map((d) => d.mail.html).join('<hr>');
        return { n: drafts.length, copied: await copyRichText(html, text) };
      },
      ({ n, copied }) =>
        copied
          ? { intent: 'success', text: (_, l) => REGISTER_STRINGS[l].copied(n) }
          : { intent: 'warning', text: (_, l) => REGISTER_STRINGS[l].copyRefused },
    );

  const jump = useCallback(
    (unit: string) =>
      action.run(
        'jump',
        () => host.run((c) => showUnitChanges(c, unit)),
        (shown) => (shown ? null : { intent: 'info', text: (_, l) => REGISTER_STRINGS[l].noChanges(unit) }),
      ),
    [action, host],
  );

  return { round, remindAll, remindOne, copyText, jump, busy: action.busy !== null };
}
