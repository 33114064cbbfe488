// 设置: language, 落款, sheet protection, the plan, and what this Excel supports. A render of
// useSettingsPanel's state (Fluent v9's shape: state hook, styles, render).
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
} from '@fluentui/react-components';
import { OPTIONAL_FEATURES } from '../../excel';
import { useStrings, type LanguageChoice, type Translation } from '../paneContext';
import EvidenceSetting from './EvidenceSetting';
import PlanSettings from './PlanSettings';
import { useSettingsLooks, type SettingsLooks } from './settingsPanelStyles';
import { SETS, useSettingsPanel, type SettingsPanelState } from './useSettingsPanel';

const CHOICES: readonly LanguageChoice[] = ['office', 'zh', 'en'];

export default function SettingsPanel() {
  const state = useSettingsPanel();
  return renderSettingsPanel(state, useSettingsLooks(), useStrings());
}

function renderSettingsPanel(state: SettingsPanelState, looks: SettingsLooks, strings: Translation) {
  const { styles, fit } = looks;
  const { t } = strings;
  const { busy, fields, actions, protection } = state;
  return (
    <section className={styles.stack} aria-label={t.tabs.settings}>
      <Field label={t.settings.language}>
        <Select
          value={fields.languageChoice}
          onChange={(_, d) => fields.setLanguageChoice(CHOICES.find((c) => c === d.value) ?? 'office')}
        >
          {CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t.settings.languageNames[choice]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.settings.sender} hint={t.settings.senderHint}>
        <Input className={fit.field} value={fields.sender} onChange={(_, d) => fields.setSender(d.value)} />
      </Field>
      <Button size="small" disabled={busy} onClick={() => void actions.saveSignature()}>
        {t.settings.saveSender}
      </Button>
      {state.hasLedger && (
        <>
          <Switch
            checked={protection?.protected ?? false}
            disabled={busy || (protection?.protected === true && !protection.byAddIn)}
            onChange={(_, d) => void actions.protect(d.checked)}
            label={t.settings.protect}
          />
          {protection?.protected && !protection.byAddIn && (
            <Caption1 className={styles.muted}>{t.settings.protectedByUser}</Caption1>
          )}
        </>
      )}
      <PlanSettings />
      <EvidenceSetting />
      {renderDiagnostics(state, looks, strings)}
    </section>
  );
}

/** What this Excel supports, the self-test and its steps, the host and the version. */
function renderDiagnostics(
  state: SettingsPanelState,
  { styles }: SettingsLooks,
  { t, language }: Translation,
) {
  const { host, supported, steps } = state;
  return (
    <>
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
      <Button onClick={() => void state.actions.selfTest()} disabled={state.busy}>
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
      <Caption1 className={styles.muted}>{t.settings.version(state.version)}</Caption1>
    </>
  );
}
