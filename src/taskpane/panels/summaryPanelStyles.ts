import { makeStyles, tokens } from '@fluentui/react-components';

export const useSummaryPanelStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px' },
  choices: { border: 'none', margin: 0, padding: 0 },
  links: { display: 'flex', flexDirection: 'column', gap: '4px', margin: 0, paddingLeft: '18px' },
  muted: { color: tokens.colorNeutralForeground3 },
});
