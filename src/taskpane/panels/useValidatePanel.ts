// The 校验 tab's state and actions; ValidatePanel.tsx renders them.
import { useMemo, useRef, useState } from 'react';
import {
  applyFixes,
  CELL_SELECTED,
  inspectFixes,
  restoreReference,
  selectCell,
  type FixToApply,
} from '../../excel';
import {
  countBySeverity,
  describeFixes,
  indicatorTableOf,
  fixesFor,
  groupFindings,
  type Bilingual,
  type Finding,
  type FindingGrouping,
} from '../../ledger';
import { usePane } from '../paneContext';
import type { ReadyLedger } from '../useLedger';
import { useClearFilter } from './clearFilter';
import { useIndicatorActions } from './IndicatorSection';

/** What the confirmation lists: the cells that will change, and those left alone for their formula. */
export interface Confirming {
  readonly title: Bilingual | null;
  readonly fixes: readonly FixToApply[];
  readonly formulas: readonly string[];
}

export function useValidatePanel(ledger: ReadyLedger) {
  const { action, host, ledger: pane } = usePane();
  const [groupBy, setGroupBy] = useState<FindingGrouping>('task');
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  // The cell a jump selected on a row the grid hides: said, with 清除筛选 beside it.
  const [hiddenJump, setHiddenJump] = useState<string | null>(null);
  // The dialog is opened by state, so focus is brought back to the button that opened it by hand.
  const opener = useRef<HTMLButtonElement | null>(null);
  const closeDialog = () => {
    setConfirming(null);
    opener.current?.focus();
  };
  const { read, analysis } = ledger;
  const findings = analysis.findings;
  const uniqueFixes = useMemo(() => fixesFor(read.ledger, findings), [read.ledger, findings]);
  const planned = useMemo(
    () => (confirming ? describeFixes(read.ledger, confirming.fixes, read.location) : []),
    [confirming, read],
  );
  const clearFilter = useClearFilter(read);
  /**
   * Before the confirmation, one read of the cells named: a cell holding a formula is listed
   * apart as left alone, never as a change that would then not be made.
   */
  const confirm = async (
    button: HTMLButtonElement,
    title: Bilingual | null,
    fixes: readonly FixToApply[],
  ) => {
    opener.current = button;
    const inspected = await action.run('fix', () => host.run((c) => inspectFixes(c, read.location, fixes)));
    if (inspected) setConfirming({ title, fixes: inspected.writable, formulas: inspected.formulas });
  };
  const groups = useMemo(
    () => groupFindings(findings, groupBy, analysis.tasks, read.location),
    [findings, groupBy, analysis.tasks, read.location],
  );

  const indicators = useIndicatorActions(ledger);
  const jump = async (f: Finding) => {
    if (f.row === null || f.column === null) return;
    const { row, column } = f;
    // A finding in the 指标 table names a cell of that table (the plan's own), found through the table itself.
    const table =
      f.table === 'indicators' ? { tableName: indicatorTableOf(read.location.tableName) } : read.location;
    const selected = await action.run(
      'jump',
      () => host.run((c) => selectCell(c, table, row, column)),
      (cell) =>
        cell.hidden
          ? { intent: 'warning', text: (s) => s.validate.jumpedHidden(cell.address) }
          : { intent: 'info', text: (s) => s.validate.jumped(cell.address) },
    );
    setHiddenJump(selected?.hidden ? selected.address : null);
    if (selected) pane.expectEchoes(CELL_SELECTED);
  };
  const fix = async (fixes: FixToApply[]) => {
    const result = await action.run(
      'fix',
      () => host.run((c) => applyFixes(c, read.location, fixes)),
      (r) => ({
        intent: r.skippedFormulas.length ? 'warning' : 'success',
        text: (s) =>
          s.validate.fixed(r.applied) +
          (r.skippedFormulas.length ? s.validate.skippedFormulas(r.skippedFormulas) : ''),
      }),
    );
    // A refused fix (a cell changed since the check) is shown; the pane reads the sheet as it is now.
    if (result) pane.afterWrite(result);
    else await pane.refresh();
  };

  const restore = () =>
    action
      .run(
        'restore',
        () => host.run((c) => restoreReference(c, read.location, read.ledger.header, host.supports)),
        (r) => {
          const dropdown = r.dropdownRebound || !r.restored.includes('statuses');
          return {
            intent: dropdown ? 'success' : 'warning',
            text: (s) => s.validate.restored(r.sheetName, r.keptRows, dropdown),
          };
        },
      )
      .then(() => pane.refresh());
  const clearHidden = () => void clearFilter().then((cleared) => cleared && setHiddenJump(null));

  return {
    ledger,
    busy: action.busy !== null,
    findings,
    counts: countBySeverity(findings),
    groups,
    groupBy,
    setGroupBy,
    uniqueFixes,
    hiddenJump,
    confirming,
    planned,
    actions: {
      confirm,
      closeDialog,
      jump,
      fix,
      restore,
      clearHidden,
      recheck: () => void pane.refresh(),
      createIndicators: () => void indicators.create(),
    },
  };
}

export type ValidatePanelState = ReturnType<typeof useValidatePanel>;
