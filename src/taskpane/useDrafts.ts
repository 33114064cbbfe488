// Text typed into 设置 › 方案 or the 下步工作 box and not yet saved, kept per plan (ledger table) for
// the pane's life: leaving the tab or showing another plan's ledger keeps it, to be saved or
// discarded when the user comes back; nothing typed is lost without a word.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { PlanNameEdits } from '../ledger';

/** The plan fields the user changed and has not saved; the others follow the workbook's plan. */
export type PlanDraft = Partial<Required<PlanNameEdits>>;

export interface Drafts {
  readonly plans: Readonly<Record<string, PlanDraft>>;
  readonly steps: Readonly<Record<string, string>>;
}

export interface DraftsApi extends Drafts {
  /** null: no draft any more (saved, discarded, or typed back to what the workbook holds). */
  readonly setPlan: (table: string, draft: PlanDraft | null) => void;
  readonly setSteps: (table: string, text: string | null) => void;
  /** The drafts now, for an effect's cleanup that runs after the render it was made in. */
  readonly current: () => Drafts;
}

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

export function useDrafts(): DraftsApi {
  const [drafts, setDrafts] = useState<Drafts>({ plans: {}, steps: {} });
  const latest = useRef(drafts);
  latest.current = drafts;
  const setPlan = useCallback(
    (table: string, draft: PlanDraft | null) =>
      setDrafts((d) => ({
        ...d,
        plans: draft === null ? without(d.plans, table) : { ...d.plans, [table]: draft },
      })),
    [],
  );
  const setSteps = useCallback(
    (table: string, text: string | null) =>
      setDrafts((d) => ({
        ...d,
        steps: text === null ? without(d.steps, table) : { ...d.steps, [table]: text },
      })),
    [],
  );
  const current = useCallback(() => latest.current, []);
  return useMemo(() => ({ ...drafts, setPlan, setSteps, current }), [drafts, setPlan, setSteps, current]);
}
