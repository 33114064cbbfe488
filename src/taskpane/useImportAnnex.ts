// 开始 › 导入分工表: read a sheet or pasted text, let the user fix and check what was read, then
// import. Reading writes nothing; the import is one action that checks the sheet again first.
import { useState } from 'react';
import { importPlan, readAnnexSheet } from '../excel';
import {
  dayFromLocalDate,
  guessPlanStart,
  startAfterDeadline,
  type AnnexSource,
  type UnitKind,
} from '../ledger';
import { IMPORT_STRINGS } from './importStrings';
import {
  blockedBy,
  editRow,
  excludeRow,
  joinAgain,
  keepApart,
  planOfReview,
  reviewOf,
  reviewText,
  pairsAlreadyApart,
  splitOffUnits,
  type Review,
} from './importWorkflow';
import { usePane } from './paneContext';

export function useImportAnnex() {
  const { action, host, ledger } = usePane();
  const [pasted, setPasted] = useState('');
  const [review, setReview] = useState<Review | null>(null);
  const [editing, setEditing] = useState<{ row: number; text: string } | null>(null);
  const year = host.now().getFullYear();

  const readSheet = () =>
    action.run(
      'import',
      () => host.run((c) => readAnnexSheet(c, { year })),
      (read) => {
        const source: AnnexSource = { kind: 'table', rows: read.cells };
        setReview(reviewOf(source, year, { sheet: read.sheet, cells: read.cells, firstRow: read.firstRow }));
        setEditing(null);
        return null;
      },
    );

  const readText = () => {
    setReview(reviewText(pasted, year));
    setEditing(null);
  };

  const change = (next: (r: Review) => Review) => setReview((r) => (r ? next(r) : r));

  // The 起始日期 follows the title as the user edits it; shown in the review, written with the plan.
  const today = dayFromLocalDate(host.now());
  const startGuess = review ? guessPlanStart(review.title, today) : null;
  // A start after a task's deadline is likely a wrong guess: said beside it, never refused.
  const startLate =
    review && startGuess
      ? startAfterDeadline(
          startGuess.day,
          review.annex.tasks.map((t) => ({ label: t.no || String(t.order), deadline: t.deadline })),
          today,
        )
      : null;

  const doImport = async () => {
    if (!review || blockedBy(review)) return;
    const plan = planOfReview(review, startGuess?.start);
    const made = await action.run(
      'import',
      () => host.run((c) => importPlan(c, plan, { supports: host.supports, from: review.from })),
      (r) => ({
        intent: 'success',
        text: (_, language) =>
          IMPORT_STRINGS[language].imported(
            plan.title,
            r.sheetName,
            r.taskCount,
            plan.directory.units.length,
          ),
      }),
    );
    // A refused import (a ledger exists, the sheet changed) is shown; the pane reads the workbook as it is.
    if (!made) return ledger.refresh();
    setReview(null);
    ledger.afterWrite(made);
  };

  const state = ledger.state;
  /** The workbook's 单位名录 as the pane last read it: for showing, never for writing. */
  const known = state.phase === 'none' || state.phase === 'ready' ? state.reference.directory : undefined;
  /** The rows of 单位名录 as the pane last read them (null without one): for showing, never for writing. */
  const listed = state.phase === 'none' || state.phase === 'ready' ? state.reference.directoryRows : null;
  return {
    busy: action.busy !== null,
    known,
    listed,
    /** Units kept apart that 单位名录 (or the built-in directory) lists as another's alias: said before the import. */
    splitOff: review ? splitOffUnits(review, known, listed) : [],
    /** Guessed pairs 单位名录 already keeps apart: said, with no 分开 to offer. */
    alreadyApart: review ? pairsAlreadyApart(review, known) : [],
    pasted,
    setPasted,
    review,
    startGuess,
    startLate,
    editing,
    readSheet,
    readText,
    discard: () => {
      setReview(null);
      setEditing(null);
    },
    startEdit: (row: number, text: string) => setEditing({ row, text }),
    editText: (text: string) => setEditing((e) => (e ? { ...e, text } : e)),
    cancelEdit: () => setEditing(null),
    applyEdit: () => {
      if (!editing) return;
      change((r) => editRow(r, editing.row, editing.text));
      setEditing(null);
    },
    exclude: (row: number) => {
      change((r) => excludeRow(r, row));
      setEditing(null);
    },
    keepApart: (alias: string) => change((r) => keepApart(r, alias)),
    joinAgain: (alias: string) => change((r) => joinAgain(r, alias)),
    setKind: (name: string, kind: UnitKind) => change((r) => ({ ...r, kinds: { ...r.kinds, [name]: kind } })),
    setTitle: (title: string) => change((r) => ({ ...r, title })),
    setShortName: (shortName: string) => change((r) => ({ ...r, shortName })),
    doImport,
  };
}
