// The pane's message, labelled with the plan it was said on: after the user moves to another
// plan's ledger, one plan's results (催报 drafts made, forms issued, a filter applied) are not
// left standing under the other plan's name. A message said with no ledger shown stays.
import { useCallback, useLayoutEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Notice } from './useAction';

interface PlanNotice {
  readonly notice: Notice;
  readonly plan: string | undefined;
}

export interface PlanNotices {
  readonly notice: Notice | null;
  readonly notify: (notice: Notice | null) => void;
  readonly plan: MutableRefObject<string | undefined>;
  readonly drop: (keep: (said: PlanNotice) => boolean) => void;
}

/** The message and its setter; the setter labels it with the plan followed (usePlanFollowed). */
export function usePlanNotice(): PlanNotices {
  const [said, setSaid] = useState<PlanNotice | null>(null);
  const plan = useRef<string | undefined>(undefined);
  const notify = useCallback(
    (notice: Notice | null) => setSaid(notice && { notice, plan: plan.current }),
    [],
  );
  const drop = useCallback(
    (keep: (said: PlanNotice) => boolean) => setSaid((now) => (now && !keep(now) ? null : now)),
    [],
  );
  return { notice: said?.notice ?? null, notify, plan, drop };
}

/** The plan the pane shows now (its ledger table): another plan's message goes. */
export function usePlanFollowed({ plan, drop }: PlanNotices, table: string | undefined) {
  // Before any panel's effect runs: a panel that speaks on the switch is labelled with the new plan.
  useLayoutEffect(() => {
    plan.current = table;
    if (table !== undefined) drop((said) => said.plan === undefined || said.plan === table);
  }, [plan, drop, table]);
}
