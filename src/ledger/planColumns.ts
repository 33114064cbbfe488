// An imported plan's ledger: the ledger's columns, and after them what the annex gives that the
// ledger has no column for. 原序号 keeps the annex's own numbers where the ledger's 1…N differ
// from them (numbers restarting per group, an extract, a row left out at import); 责任领导 keeps
// the leaders the annex names (people, never read as units). To the ledger's readers both are
// the user's own columns, kept as they are. Pure.
import { LEDGER_SPEC, type ColumnKey } from './columns';
import { unitsCellText, type Plan } from './plan';
import { column, placeRecord, specLayout, type TableSpec } from './tableSpec';
import type { CellValue } from './ledger';

export type PlanColumnKey = ColumnKey | 'label' | 'leaders';

const LABEL = column<PlanColumnKey>('label', '原序号', '@', 8, 'user');
const LEADERS = column<PlanColumnKey>('leaders', '责任领导', '@', 10, 'user');

/** The ledger spec for a plan: the ledger's own, plus 原序号 and 责任领导 where the plan has them. */
export function planLedgerSpec(plan: Pick<Plan, 'tasks'>): TableSpec<PlanColumnKey> {
  const renumbered = plan.tasks.some((t) => t.label !== '' && t.label !== String(t.no));
  const led = plan.tasks.some((t) => t.leaders !== '');
  return {
    ...LEDGER_SPEC,
    columns: [...LEDGER_SPEC.columns, ...(renumbered ? [LABEL] : []), ...(led ? [LEADERS] : [])],
  };
}

/** The rows of a plan's ledger in its spec's order: 序号 1…, the wording, one 责任单位 cell, 未启动, 原序号 and 责任领导 where kept. */
export function planLedgerRecords(plan: Plan): CellValue[][] {
  const layout = specLayout(planLedgerSpec(plan));
  return plan.tasks.map((t) =>
    placeRecord<PlanColumnKey>(layout, {
      no: t.no,
      task: t.text,
      units: unitsCellText(t),
      status: '未启动',
      deadline: t.deadline,
      label: t.label,
      leaders: t.leaders,
    }),
  );
}
