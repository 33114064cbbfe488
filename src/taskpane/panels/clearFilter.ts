// 清除筛选, shared by the 筛选 tab and the 校验 tab (a finding on a row the filter hides): clears
// the pane's own 序号 filter and says which of the user's filters stay on.
import { clearUnitFilter, type LedgerRead } from '../../excel';
import { usePane } from '../paneContext';

export function useClearFilter(read: LedgerRead): () => Promise<unknown> {
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
