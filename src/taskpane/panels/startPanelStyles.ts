import { makeStyles, tokens } from '@fluentui/react-components';

export const useStartStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  card: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '6px' },
  hint: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
});

export type StartStyles = ReturnType<typeof useStartStyles>;
