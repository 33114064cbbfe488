import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useFitStyles } from './fitStyles';
import PlanSettings from './PlanSettings';
import { useEffect, useState } from 'react';
import {
  describeError,
  isSheetProtected,
  OPTIONAL_FEATURES,
  readSendSettings,
  runSelfTest,
  saveSender,
  setOfficialColumnsProtected,
  type ProtectionState,
  type SelfTestStep,
} from '../../excel';
import { usePane, useStrings, type LanguageChoice } from '../paneContext';
import EvidenceSetting from './EvidenceSetting';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px' },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '2px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const SETS = Array.from({ length: 17 }, (_, i) => `1.${i + 1}`);

const CHOICES: readonly LanguageChoice[] = ['office', 'zh', 'en'];

export default function SettingsPanel() {
  const styles = useStyles();
  const fit = useFitStyles();
  const { t, language } = useStrings();
  const { host, action, ledger, notify, languageChoice, setLanguageChoice, version } = usePane();
  const [steps, setSteps] = useState<readonly SelfTestStep[]>([]);
  const [protection, setProtection] = useState<ProtectionState | null>(null);
  const [sender, setSender] = useState('');
  const read = ledger.state.phase === 'ready' ? ledger.state.read : null;
  const supported = SETS.filter((set) => host.supports(set));
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
      () => runSelfTest(host.run, host.supports, host.now()),
      (result) => {
        setSteps(result);
        return null;
      },
    );

  return (
    <section className={styles.stack} aria-label={t.tabs.settings}>
      <Field label={t.settings.language}>
        <Select
          value={languageChoice}
          onChange={(_, d) => setLanguageChoice(CHOICES.find((c) => c === d.value) ?? 'office')}
        >
          {CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t.settings.languageNames[choice]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.settings.sender} hint={t.settings.senderHint}>
        <Input className={fit.field} value={sender} onChange={(_, d) => setSender(d.value)} />
      </Field>
      <Button size="small" disabled={action.busy !== null} onClick={() => void saveSignature()}>
        {t.settings.saveSender}
      </Button>
      {read && (
        <>
          <Switch
            checked={protection?.protected ?? false}
            disabled={action.busy !== null || (protection?.protected === true && !protection.byAddIn)}
            onChange={(_, d) => void protect(d.checked)}
            label={t.settings.protect}
          />
          {protection?.protected && !protection.byAddIn && (
            <Caption1 className={styles.muted}>{t.settings.protectedByUser}</Caption1>
          )}
        </>
      )}
      <PlanSettings />
      <EvidenceSetting />
      <Subtitle2 as="h3">{t.settings.requirementSets}</Subtitle2>
      <Caption1 className={styles.muted}>
        {t.settings.apiLevel(supported.at(-1) ?? '—', supported.length, SETS.length)}
      </Caption1>
      <ul className={styles.list}>
        {OPTIONAL_FEATURES.map((f) => (
          <li key={f.id}>
            <Body1>
              {t.settings.feature(f[language], f.set)}{' '}
              <Badge color={host.supports(f.set) ? 'success' : 'warning'}>
                {host.supports(f.set) ? t.settings.featureOn : t.settings.featureOff}
              </Badge>
            </Body1>
          </li>
        ))}
      </ul>
      <Subtitle2 as="h3">{t.settings.selfTest}</Subtitle2>
      <Caption1 className={styles.muted}>{t.settings.selfTestHint}</Caption1>
      <Button onClick={() => void selfTest()} disabled={action.busy !== null}>
        {t.settings.selfTest}
      </Button>
      {steps.length > 0 && (
        <ol className={styles.list} aria-label={t.settings.selfTest}>
          {steps.map((s) => (
            <li key={s.id}>
              <Badge color={s.ok ? 'success' : 'danger'}>{s.ok ? '✓' : '✗'}</Badge>{' '}
              {t.labelled(s.title[language], s.detail[language])}
              {t.took(s.ms)}
            </li>
          ))}
        </ol>
      )}
      <Caption1 className={styles.muted}>{t.settings.host(host.kind)}</Caption1>
      <Caption1 className={styles.muted}>{t.settings.version(version)}</Caption1>
    </section>
  );
}
