import { makeStyles, tokens } from '@fluentui/react-components';

export const useValidateStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  group: { display: 'flex', flexDirection: 'column', gap: '4px' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  item: { display: 'flex', gap: '4px', alignItems: 'flex-start' },
  jump: {
    flexGrow: 1,
    minWidth: 0,
    justifyContent: 'flex-start',
    textAlign: 'left',
    whiteSpace: 'normal',
    height: 'auto',
    paddingTop: '4px',
    paddingBottom: '4px',
    fontWeight: tokens.fontWeightRegular,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  // A finding about the whole sheet has no cell to jump to: plain text, not a greyed-out button.
  sheetWide: { flexGrow: 1, minWidth: 0, paddingTop: '4px', paddingBottom: '4px', overflowWrap: 'anywhere' },
  plan: { margin: '8px 0 0', paddingLeft: '20px', maxHeight: '50vh', overflowY: 'auto' },
  planTask: { fontWeight: tokens.fontWeightSemibold },
  planChanges: { margin: '2px 0 6px', paddingLeft: '16px', overflowWrap: 'anywhere' },
});

export type ValidateStyles = ReturnType<typeof useValidateStyles>;
