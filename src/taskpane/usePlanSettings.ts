// 设置 › 方案: the plan the pane's view was read with, its names and 起始日期 editable, saved into
// the workbook's own plan (read again in the save's request).
import { useEffect, useState } from 'react';
import { savePlanNames } from '../excel';
import type { PlanNameEdits } from '../ledger';
import { PLAN_STRINGS } from './planStrings';
import { usePane } from './paneContext';

export function usePlanSettings() {
  const { action, ledger } = usePane();
  const state = ledger.state;
  const shown = state.phase === 'ready' || state.phase === 'none' ? state.reference.plan : null;
  const [edits, setEdits] = useState<Required<PlanNameEdits>>({
    title: '',
    shortName: '',
    region: '',
    start: '',
  });

  // The fields follow the workbook's plan whenever a read brings another.
  useEffect(() => {
    if (shown)
      setEdits({
        title: shown.plan.title,
        shortName: shown.plan.shortName,
        region: shown.plan.region,
        start: shown.plan.start ?? '',
      });
  }, [shown]);

  const save = () =>
    shown &&
    action.run(
      'plan',
      async () => {
        const saved = await ledger.run((c) => savePlanNames(c, edits, shown.partId, ledger.ledgerTable));
        await ledger.refresh();
        return saved;
      },
      (saved) => ({
        intent: 'success',
        text: (_, language) => PLAN_STRINGS[language].saved(saved.plan.title),
      }),
    );

  const edit = (key: keyof PlanNameEdits, value: string) => setEdits((e) => ({ ...e, [key]: value }));
  return { shown, edits, edit, save, busy: action.busy !== null };
}
