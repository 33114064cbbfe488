import { makeStyles, tokens } from '@fluentui/react-components';
import { useFitStyles } from './fitStyles';

const useSettingsPanelStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px' },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '2px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The panel's own classes beside the field width it shares with the other tabs. */
export function useSettingsLooks() {
  return { styles: useSettingsPanelStyles(), fit: useFitStyles() };
}

export type SettingsLooks = ReturnType<typeof useSettingsLooks>;
