// The 设置 tab's switch for the 办结依据 warning (issue 26): kept in the workbook, read with the
// reference data, so the 校验 tab follows it after the pane reads again.
import { Caption1, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { saveRequireEvidence } from '../../excel';
import { EXTENSION_STRINGS } from '../extensionStrings';
import { usePane, useStrings } from '../paneContext';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '4px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The setting as the pane last read it, and a way to change it (then read the workbook again). */
export function useRequireEvidence(): { on: boolean | null; set: (on: boolean) => Promise<void> } {
  const { host, action, ledger } = usePane();
  const state = ledger.state;
  const on = state.phase === 'ready' || state.phase === 'none' ? state.reference.requireEvidence : null;
  const set = (next: boolean) =>
    action
      .run(
        'protect',
        () => host.run((c) => saveRequireEvidence(c, next)),
        (kept) => ({ intent: 'success', text: (_s, lang) => EXTENSION_STRINGS[lang].evidenceSaved(kept) }),
      )
      .then(() => ledger.refresh());
  return { on, set };
}

export default function EvidenceSetting() {
  const styles = useStyles();
  const { language } = useStrings();
  const { action } = usePane();
  const { on, set } = useRequireEvidence();
  const s = EXTENSION_STRINGS[language];
  return (
    <div className={styles.stack}>
      <Subtitle2 as="h3">{s.evidenceTitle}</Subtitle2>
      <Switch
        label={s.evidenceSwitch}
        checked={on ?? true}
        disabled={on === null || action.busy !== null}
        onChange={(_, d) => void set(d.checked)}
      />
      <Caption1 className={styles.muted}>{s.evidenceHint}</Caption1>
    </div>
  );
}
