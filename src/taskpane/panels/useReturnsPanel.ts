// The 反馈 tab's state and actions; ReturnsPanel.tsx renders them, returnsWorkflow.ts does the work.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeError, readSendSettings, saveReturnBy } from '../../excel';
import {
  chineseDate,
  changesToApply,
  dayFromIso,
  dayFromLocalDate,
  isoDate,
  returnDeadline,
  unitsToOffer,
  type Day,
} from '../../ledger';
import { usePane, useStrings } from '../paneContext';
import { RETURNS_STRINGS } from '../returnsStrings';
import { issuedNotice } from '../registerStrings';
import { downloadForm, downloadForms } from '../registerWorkflow';
import { applyReview, importBatch, reviewFiles, undoImport, type ReturnsReview } from '../returnsWorkflow';
import type { ReadyLedger } from '../useLedger';
import { useReviewFollowsPlan } from '../useReviewFollowsPlan';

/** The return date kept in the workbook, and the field that edits it. */
function useReturnBy() {
  const { host, notify } = usePane();
  const [returnBy, setReturnBy] = useState<Day | null>(null);
  const [returnByText, setReturnByText] = useState('');
  // The date kept in the workbook, shown; each form reads it again in its own request.
  useEffect(() => {
    let current = true;
    host
      .run((c) => readSendSettings(c))
      .then((settings) => {
        if (!current) return;
        setReturnBy(settings.returnBy);
        setReturnByText(settings.returnBy === null ? '' : isoDate(settings.returnBy));
      })
      .catch((error: unknown) => current && notify({ intent: 'error', text: describeError(error) }));
    return () => {
      current = false;
    };
  }, [host, notify]);
  return { returnBy, setReturnBy, returnByText, setReturnByText };
}

/** 撤销上次导入, and what it means for the review shown and the round read. */
function useUndoImport(
  review: ReturnsReview | null,
  setReview: (review: null) => void,
  setRegisterKey: (bump: (k: number) => number) => void,
) {
  const { t } = useStrings();
  const { action, host, ledger: pane } = usePane();
  return async () => {
    // A review read before the undo compares against cells the undo just changed: it goes.
    const hadReview = review !== null;
    const result = await action.run(
      'returns',
      () => undoImport(host, pane, t.unexpected),
      (r) => ({
        intent: r.leftAlone.length ? 'warning' : 'success',
        text: (_, language) =>
          [
            RETURNS_STRINGS[language].undone(r.restored, r.files, r.leftAlone),
            hadReview ? RETURNS_STRINGS[language].reviewCleared : '',
          ]
            .filter(Boolean)
            .join(' '),
      }),
    );
    if (result) {
      if (hadReview) setReview(null);
      pane.afterWrite(result);
      // The round shown is read again only when the undo took a return back from it.
      if (result.register?.takenBack) setRegisterKey((k) => k + 1);
    }
  };
}

export function useReturnsPanel(ledger: ReadyLedger) {
  const { t } = useStrings();
  const { action, host, ledger: pane, notify, selectedUnits } = usePane();
  const [review, setReview] = useState<ReturnsReview | null>(null);
  const clearReview = useCallback(() => setReview(null), []);
  const { returnBy, setReturnBy, returnByText, setReturnByText } = useReturnBy();
  // Bumped after each issue or import, so the round shown is read again.
  const [registerKey, setRegisterKey] = useState(0);
  const { reference, analysis } = ledger;
  const today = dayFromLocalDate(host.now());

  const offered = useMemo(
    () => unitsToOffer(selectedUnits, analysis.tasks, reference.directory),
    [selectedUnits, analysis.tasks, reference.directory],
  );
  const units = offered.units;

  const saveDeadline = () =>
    action.run(
      'returns',
      async () => {
        const day = dayFromIso(returnByText);
        await host.run((c) => saveReturnBy(c, day));
        setReturnBy(day);
        return day;
      },
      (day) => ({
        intent: 'success',
        text: (_, language) =>
          RETURNS_STRINGS[language].returnBySaved(day === null ? null : chineseDate(day)),
      }),
    );

  const downloadAll = () =>
    action.run(
      'returns',
      async () => {
        const register = await downloadForms(host, pane, units);
        setRegisterKey((k) => k + 1);
        return { n: units.length, register };
      },
      ({ n, register }) => issuedNotice(n, register),
    );
  const downloadOne = (unit: string) =>
    action.run(
      'returns',
      async () => {
        const register = await downloadForm(host, pane, unit);
        setRegisterKey((k) => k + 1);
        return register;
      },
      (register) => issuedNotice(1, register),
    );

  const importFiles = (files: readonly File[]) =>
    action.run(
      'returns',
      () => reviewFiles(host, pane, files),
      (r) => {
        setReview(r);
        return {
          intent: 'info',
          text: (_, language) => RETURNS_STRINGS[language].read(r.files.length, r.changes.length),
        };
      },
    );

  const toggle = (id: string, accepted: boolean) =>
    setReview((now) =>
      now ? { ...now, changes: now.changes.map((c) => (c.id === id ? { ...c, accepted } : c)) } : now,
    );

  const apply = async () => {
    if (!review) return;
    const { ok, clashes } = changesToApply(review.changes);
    if (clashes.length)
      return notify({ intent: 'error', text: (_, language) => RETURNS_STRINGS[language].clash(clashes) });
    const batch = importBatch(host);
    const result = await action.run(
      'returns',
      () => applyReview(host, pane, review, ok, batch, t.unexpected),
      (r) => ({
        intent: 'success',
        text: (_, language) => RETURNS_STRINGS[language].applied(r.applied, r.logSheet),
      }),
    );
    if (result) {
      pane.afterWrite(result);
      setReview(null);
      setRegisterKey((k) => k + 1);
    } else await pane.refresh();
  };

  const undo = useUndoImport(review, setReview, setRegisterKey);
  useReviewFollowsPlan(review, clearReview, ledger.read.location.tableName);

  /** Returns recorded as 已报 without a change: the review is done and the round read again. */
  const recorded = () => {
    setReview(null);
    setRegisterKey((k) => k + 1);
  };

  return {
    canDownload: host.canDownload,
    busy: action.busy !== null,
    selectedCount: selectedUnits.length,
    offered,
    units,
    review,
    chosen: review?.changes.filter((c) => c.accepted).length ?? 0,
    deadline: returnDeadline(returnBy, today),
    registerKey,
    fields: { returnByText, setReturnByText },
    actions: { saveDeadline, downloadAll, downloadOne, importFiles, toggle, apply, undo, recorded },
  };
}

export type ReturnsPanelState = ReturnType<typeof useReturnsPanel>;
