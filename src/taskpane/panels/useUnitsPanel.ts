// The 筛选 tab's state and actions: the units picked, the tasks they reach, the filter and the
// cards' writes. UnitsPanel.tsx renders them.
import { useCallback, useMemo, useRef, useState } from 'react';
import { applyUnitFilter, setIndicatorActual, setTaskStatus } from '../../excel';
import {
  dayFromLocalDate,
  indexFor,
  matchKey,
  tasksReaching,
  unitsInLedger,
  type Indicator,
  type NumberedTask,
  type RoleFilter,
} from '../../ledger';
import { usePane } from '../paneContext';
import type { ReadyLedger } from '../useLedger';
import { useClearFilter } from './clearFilter';

export function useUnitsPanel(ledger: ReadyLedger) {
  const { action, host, selectedUnits, setSelectedUnits, ledger: pane } = usePane();
  const { read, reference, analysis } = ledger;
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<RoleFilter>('any');
  const [includeCollectives, setIncludeCollectives] = useState(true);
  const tasks = analysis.tasks;

  // The units this plan's ledger names: 单位名录 is shared with the workbook's other plans.
  const counts = useMemo(() => unitsInLedger(tasks, reference.directory), [tasks, reference.directory]);
  const index = indexFor(reference.directory);
  // Half- and full-width alike: 各县(市) finds 各县（市）人民政府, as the directory itself reads names.
  const wanted = matchKey(search);
  const shown = counts.filter((c) => {
    if (!wanted) return true;
    const entry = index.get(c.name);
    return [c.name, ...(entry?.aliases ?? [])].some((n) => matchKey(n).includes(wanted));
  });
  const chosen = useMemo(
    () => tasksReaching(tasks, selectedUnits, { role, includeCollectives, directory: reference.directory }),
    [tasks, selectedUnits, role, includeCollectives, reference.directory],
  );

  const toggle = useCallback(
    (name: string, on: boolean) =>
      setSelectedUnits((units) => (on ? [...units, name] : units.filter((u) => u !== name))),
    [setSelectedUnits],
  );
  const applyFilter = () =>
    action.run(
      'filter',
      () =>
        host.run((c) =>
          applyUnitFilter(
            c,
            read,
            chosen.map((x) => x.no),
          ),
        ),
      (r) => ({
        intent: r.otherFilters.length || r.shown < chosen.length ? 'warning' : 'success',
        text: (s) => s.units.filtered(r.shown, chosen.length, r.otherFilters),
      }),
    );
  const clearFilter = useClearFilter(read);
  const changeStatusNow = async (task: NumberedTask, status: string) => {
    const written = await action.run(
      'status',
      () => host.run((c) => setTaskStatus(c, read, task.no, { status, expectedStatus: task.status })),
      (result) => ({ intent: 'success', text: (s) => s.units.saved(task.no, status, result.address) }),
    );
    // A refused write (a co-author changed the cell) is shown; the pane reads the sheet as it is now.
    if (written) pane.afterWrite(written);
    else await pane.refresh();
  };
  // The cards keep one handler for the tab's life; it runs the latest version of the write.
  const latestChange = useRef(changeStatusNow);
  latestChange.current = changeStatusNow;
  const changeStatus = useCallback(
    (task: NumberedTask, status: string) => void latestChange.current(task, status),
    [],
  );
  const changeActualNow = async (indicator: Indicator, value: number | null) => {
    const written = await action.run(
      'indicator',
      () =>
        host.run((c) =>
          setIndicatorActual(c, { read, reference }, indicator, value, dayFromLocalDate(host.now())),
        ),
      (result) => ({
        intent: 'success',
        text: (s) => s.units.actualSaved(indicator.name, value === null ? '' : String(value), result.address),
      }),
    );
    if (written) pane.afterWrite(written);
    else await pane.refresh();
  };
  const latestActual = useRef(changeActualNow);
  latestActual.current = changeActualNow;
  const changeActual = useCallback(
    (indicator: Indicator, value: number | null) => void latestActual.current(indicator, value),
    [],
  );

  return {
    busy: action.busy !== null,
    statuses: reference.statuses,
    selectedUnits,
    search,
    setSearch,
    role,
    setRole,
    includeCollectives,
    setIncludeCollectives,
    shown,
    chosen,
    toggle,
    applyFilter,
    clearFilter,
    changeStatus,
    changeActual,
  };
}

export type UnitsPanelState = ReturnType<typeof useUnitsPanel>;
