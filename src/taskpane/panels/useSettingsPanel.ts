// The 设置 tab's state and actions; SettingsPanel.tsx renders them.
import { useEffect, useState } from 'react';
import {
  describeError,
  isSheetProtected,
  readSendSettings,
  runSelfTest,
  saveSender,
  setOfficialColumnsProtected,
  type ProtectionState,
  type SelfTestStep,
} from '../../excel';
import { usePane } from '../paneContext';

/** The requirement sets ExcelApi has had, 1.1 to 1.17. */
export const SETS = Array.from({ length: 17 }, (_, i) => `1.${i + 1}`);

export function useSettingsPanel() {
  const { host, action, ledger, notify, languageChoice, setLanguageChoice, version } = usePane();
  const [steps, setSteps] = useState<readonly SelfTestStep[]>([]);
  const [protection, setProtection] = useState<ProtectionState | null>(null);
  const [sender, setSender] = useState('');
  const read = ledger.state.phase === 'ready' ? ledger.state.read : null;
  const location = read?.location;

  // The switch shows the sheet as it is, protected by anyone, from the moment the tab opens.
  useEffect(() => {
    if (!location) return;
    let current = true;
    host
      .run((c) => isSheetProtected(c, location))
      .then((state) => current && setProtection(state))
      .catch((error: unknown) => current && notify({ intent: 'error', text: describeError(error) }));
    return () => {
      current = false;
    };
  }, [host, location, notify]);

  // The 落款 kept in the workbook, shown for editing.
  useEffect(() => {
    let current = true;
    host
      .run((c) => readSendSettings(c))
      .then((settings) => current && setSender(settings.sender))
      .catch((error: unknown) => current && notify({ intent: 'error', text: describeError(error) }));
    return () => {
      current = false;
    };
  }, [host, notify]);

  const saveSignature = () =>
    action.run(
      'send',
      () => host.run((c) => saveSender(c, sender)),
      (name) => {
        setSender(name);
        return { intent: 'success', text: (s) => s.settings.senderSaved(name) };
      },
    );

  const protect = (on: boolean) =>
    read &&
    action.run(
      'protect',
      () => host.run((c) => setOfficialColumnsProtected(c, read.location, read.ledger.header, on)),
      (now) => {
        setProtection(now);
        return {
          intent: 'success',
          text: (s) => (now.protected ? s.settings.protectedOn : s.settings.protectedOff),
        };
      },
    );
  const selfTest = () =>
    action.run(
      'selftest',
      () => runSelfTest(host.run, host.supports, host.now(), host.runWhenIdle),
      (result) => {
        setSteps(result);
        return null;
      },
    );

  return {
    host,
    version,
    busy: action.busy !== null,
    hasLedger: read !== null,
    supported: SETS.filter((set) => host.supports(set)),
    steps,
    protection,
    fields: { languageChoice, setLanguageChoice, sender, setSender },
    actions: { saveSignature, protect, selfTest },
  };
}

export type SettingsPanelState = ReturnType<typeof useSettingsPanel>;
