// 设置 › 方案: the plan the pane's view was read with, its names and 起始日期 editable, saved into
// the workbook's own plan (read again in the save's request). What the user typed and has not
// saved is a draft kept per plan (useDrafts): a re-read, another plan shown or another tab opened
// never drops it; leaving it behind says so.
import { useEffect, useRef } from 'react';
import { savePlanNames } from '../excel';
import { dayFromLocalDate, FIRST_LEDGER_TABLE } from '../ledger';
import { usePane } from './paneContext';
import {
  badStart,
  draftAfter,
  draftFields,
  shownFields,
  startWarning,
  type PlanField,
} from './planSettingsWorkflow';
import { PLAN_STRINGS } from './planStrings';

export function usePlanSettings() {
  const { action, ledger, drafts, notify, host } = usePane();
  const state = ledger.state;
  const shown = state.phase === 'ready' || state.phase === 'none' ? state.reference.plan : null;
  const table = ledger.ledgerTable ?? FIRST_LEDGER_TABLE;
  const draft = drafts.plans[table];

  // Each plan's title as last shown: a draft left behind is named by its plan.
  const titles = useRef<Record<string, string>>({});
  if (shown) titles.current[table] = shown.plan.title;
  const { current } = drafts;
  useEffect(
    () => () => {
      const left = current().plans[table];
      if (!left) return;
      const title = titles.current[table] ?? table;
      notify({
        intent: 'warning',
        text: (_, l) =>
          PLAN_STRINGS[l].kept(
            title,
            PLAN_STRINGS[l].list(draftFields(left).map((f) => PLAN_STRINGS[l].fields[f])),
          ),
      });
    },
    [table, current, notify],
  );

  const fields = shown ? shownFields(shown.plan, draft) : null;

  /** startUnreadable: the date input holds text it could not read as a date. */
  const save = async (startUnreadable: boolean) => {
    if (!shown || !fields) return;
    if (badStart(fields.start, startUnreadable)) {
      notify({ intent: 'error', text: (_, l) => PLAN_STRINGS[l].badStart });
      return;
    }
    const sent = draft;
    await action.run(
      'plan',
      async () => {
        // Only the fields changed: the others are kept as the plan read in the save's request has them.
        const saved = await ledger.run((c) => savePlanNames(c, sent ?? {}, shown.partId, ledger.ledgerTable));
        // A draft typed on while the save ran stays to be saved.
        if (current().plans[table] === sent) drafts.setPlan(table, null);
        ledger.expectEchoes(saved.echo);
        await ledger.refresh();
        return saved;
      },
      (saved) => ({
        intent: saved.titleCell.kind === 'own' ? 'warning' : 'success',
        text: (_, l) => {
          const s = PLAN_STRINGS[l];
          const cell = saved.titleCell;
          return `${s.saved(saved.plan.title)}${
            cell.kind === 'updated'
              ? s.titleUpdated(cell.address, cell.text)
              : cell.kind === 'own'
                ? s.titleOwn(cell.address)
                : ''
          }`;
        },
      }),
    );
  };

  const edit = (field: PlanField, value: string) => {
    if (shown) drafts.setPlan(table, draftAfter(shown.plan, draft, field, value));
  };
  return {
    shown,
    fields,
    changed: draftFields(draft),
    warning: shown && fields ? startWarning(fields.start, shown.plan, dayFromLocalDate(host.now())) : null,
    edit,
    discard: () => drafts.setPlan(table, null),
    save,
    busy: action.busy !== null,
  };
}
