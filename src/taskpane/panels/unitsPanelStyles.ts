import { makeStyles, tokens } from '@fluentui/react-components';

export const useUnitsPanelStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px', minWidth: 0 },
  units: {
    maxHeight: '220px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '4px',
  },
  // In a narrow pane the counts wrap under the name, never the name one character a line.
  unit: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: '4px',
  },
  unitName: { flex: '1 1 9em', minWidth: 0 },
  search: { minWidth: 0, width: '100%' },
  roles: { flexWrap: 'wrap' },
  role: { whiteSpace: 'nowrap' },
  counts: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  task: { padding: '8px', display: 'flex', flexDirection: 'column', gap: '4px' },
  head: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  // Fluent's Dropdown asks for 250 px: in a 200 px pane the card's status box fits the card instead.
  status: { minWidth: 0, width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
});
