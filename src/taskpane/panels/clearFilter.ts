// 清除筛选, shared by the 筛选 tab and the 校验 tab (a finding on a row the filter hides): clears
// the pane's own 序号 filter and says which of the user's filters stay on.
import { clearUnitFilter, type FilterOutcome, type LedgerRead } from '../../excel';
import { usePane } from '../paneContext';

/** The clear, its notice said; undefined when it was refused (the error is the notice then). */
export function useClearFilter(read: LedgerRead): () => Promise<FilterOutcome | undefined> {
  const { action, host } = usePane();
  return () =>
    action.run(
      'filter',
      () => host.run((c) => clearUnitFilter(c, read)),
      (r) => ({
        intent: r.otherFilters.length ? 'warning' : 'info',
        text: (s) => s.units.cleared(r.shown, r.otherFilters),
      }),
    );
}
