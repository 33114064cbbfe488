import { makeStyles } from '@fluentui/react-components';
import { useFitStyles } from './fitStyles';
import { useUnitListStyles } from './UnitActionList';

const useReturnsPanelStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  hidden: { display: 'none' },
});

/** The panel's own classes beside the ones it shares with the other tabs. */
export function useReturnsLooks() {
  return { styles: useReturnsPanelStyles(), fit: useFitStyles(), shared: useUnitListStyles() };
}

export type ReturnsLooks = ReturnType<typeof useReturnsLooks>;
