// 设置 › 方案's workflow, apart from React: the fields as the form shows them (the workbook's plan
// under the user's unsaved changes), the draft an edit leaves, and the checks made before a save.
import {
  dayFromIso,
  startAfterDeadline,
  type Day,
  type EarliestDeadline,
  type Plan,
  type PlanNameEdits,
} from '../ledger';
import type { PlanDraft } from './useDrafts';

export type PlanField = keyof PlanNameEdits;
export type PlanFields = Required<PlanNameEdits>;

export const PLAN_FIELDS: readonly PlanField[] = ['title', 'shortName', 'region', 'start'];

export const fieldsOf = (plan: Plan): PlanFields => ({
  title: plan.title,
  shortName: plan.shortName,
  region: plan.region,
  start: plan.start ?? '',
});

/** The form: the workbook's plan, with the fields the user changed and has not saved. */
export const shownFields = (plan: Plan, draft: PlanDraft | undefined): PlanFields => ({
  ...fieldsOf(plan),
  ...draft,
});

/** The draft after an edit: a field typed back to what the plan holds is no change; none left, no draft. */
export function draftAfter(
  plan: Plan,
  draft: PlanDraft | undefined,
  field: PlanField,
  value: string,
): PlanDraft | null {
  const saved = fieldsOf(plan);
  const next = { ...draft, [field]: value };
  const changed = Object.fromEntries(
    PLAN_FIELDS.filter((f) => next[f] !== undefined && next[f] !== saved[f]).map((f) => [f, next[f]]),
  );
  return Object.keys(changed).length > 0 ? changed : null;
}

/** The fields a draft changes, in the form's order. */
export const draftFields = (draft: PlanDraft | undefined): PlanField[] =>
  PLAN_FIELDS.filter((f) => draft?.[f] !== undefined);

/**
 * A start the save must refuse: the date input reported text it could not read as a date (its value
 * is then '', which would clear the start), or a host whose date input is a text box let through
 * text that is not one.
 */
export function badStart(start: string, unreadable: boolean): boolean {
  return unreadable || (start.trim() !== '' && dayFromIso(start) === null);
}

/** The start as a day and the earliest deadline before it, when there is one (a warning only). */
export function startWarning(
  start: string,
  plan: Pick<Plan, 'tasks'>,
  today: Day,
): (EarliestDeadline & { readonly start: Day }) | null {
  const day = dayFromIso(start);
  // A task the annex numbered not (label '') is named by its ledger 序号.
  const tasks = plan.tasks.map((t) => ({ label: t.label || String(t.no), deadline: t.deadline }));
  const earliest = day === null ? null : startAfterDeadline(day, tasks, today);
  return day !== null && earliest ? { ...earliest, start: day } : null;
}
