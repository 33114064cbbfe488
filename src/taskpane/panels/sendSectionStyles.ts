import { makeStyles } from '@fluentui/react-components';
import { useFitStyles } from './fitStyles';
import { useUnitListStyles } from './UnitActionList';

const useSendSectionStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
});

/** The section's own classes beside the ones it shares with the other tabs. */
export function useSendLooks() {
  return { styles: useSendSectionStyles(), fit: useFitStyles(), shared: useUnitListStyles() };
}

export type SendLooks = ReturnType<typeof useSendLooks>;
