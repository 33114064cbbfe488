// What the returned forms would change, task by task and field by field, before anything is
// written: the lead unit's return is proposed for the ledger's fields; a partner's notes can be
// added to 进展情况/存在问题 as 【单位】… lines; and where returns disagree, a unit sent two files,
// or the ledger cell moved on since the form was issued, the change waits for the user's choice.
import { columnSpec, type ColumnKey } from './columns';
import { cellOf, type CellValue, type Ledger } from './ledger';
import type { CheckedReturn, IssuedRow, ReportedTask } from './returnForm';
import { isNumbered, type LedgerTask } from './tasks';
import { cellText } from './text';
import { tasksForUnit } from './unitSelection';
import type { UnitDirectory } from './units';

/** The ledger columns a lead unit's return may set. */
const LEAD_FIELDS = [
  'status',
  'progress',
  'deadline',
  'progressNote',
  'problems',
  'nextSteps',
  'contact',
] as const;
/** The columns a partner's words are added to, as 【单位】… lines. */
const NOTE_FIELDS = ['progressNote', 'problems'] as const;

export type ConflictReason = 'two-returns' | 'same-unit-twice' | 'changed-since-issue';

export interface ProposedChange {
  /** Stable within one review: file, task and column. */
  readonly id: string;
  readonly no: number;
  /** Data row of the task in the ledger as reviewed. */
  readonly row: number;
  readonly column: ColumnKey;
  readonly header: string;
  readonly from: CellValue;
  readonly to: CellValue;
  readonly unit: string;
  readonly file: string;
  readonly kind: 'lead' | 'note';
  /** Set when the change competes with another or with an edit made since the form was issued. */
  readonly conflict: ConflictReason | null;
  /** Proposed as accepted: a lead's change without conflict. Notes and conflicts wait for a choice. */
  readonly accepted: boolean;
}

const same = (a: CellValue, b: CellValue) => cellText(a).trim() === cellText(b).trim();

function reportedValue(task: ReportedTask, column: (typeof LEAD_FIELDS)[number]): CellValue | undefined {
  return task[column];
}

function issuedValue(row: IssuedRow | undefined, column: ColumnKey): string | undefined {
  if (!row) return undefined;
  if (column === 'status') return row.status;
  if (column === 'progress') return row.progress;
  if (column === 'deadline') return row.deadline;
  if (column === 'problems') return row.problems;
  return undefined;
}

export interface ReviewInput {
  readonly ledger: Ledger;
  readonly tasks: readonly LedgerTask[];
  readonly returns: readonly CheckedReturn[];
  /** What each form's rows read when issued, by file name. */
  readonly issued: ReadonlyMap<string, readonly IssuedRow[]>;
  readonly directory?: UnitDirectory;
}

/**
 * Every change the returns propose, conflicts marked, in task order. A field the unit left as
 * the form came is not proposed: the ledger may have moved on, and the unit did not ask for it.
 */
export function reviewReturns(input: ReviewInput): ProposedChange[] {
  const { ledger, directory } = input;
  const byNo = new Map<number, LedgerTask>();
  for (const task of input.tasks.filter(isNumbered)) if (!byNo.has(task.no)) byNo.set(task.no, task);
  const filesPerUnit = new Map<string, number>();
  for (const r of input.returns)
    if (!r.refused) filesPerUnit.set(r.unit, (filesPerUnit.get(r.unit) ?? 0) + 1);

  const out: ProposedChange[] = [];
  for (const checked of input.returns) {
    if (checked.refused) continue;
    const leads = new Set(tasksForUnit(input.tasks, checked.unit, { role: 'lead', directory }));
    const issued = new Map((input.issued.get(checked.fileName) ?? []).map((r) => [r.no, r]));
    const twice = (filesPerUnit.get(checked.unit) ?? 0) > 1;
    for (const reported of checked.reported) {
      const task = byNo.get(reported.no);
      if (!task) continue;
      const propose = (column: ColumnKey, to: CellValue, kind: 'lead' | 'note', moved: boolean) => {
        if (ledger.header.columns[column] === undefined) return;
        const from = cellOf(ledger, task.row, column);
        if (same(from, to)) return;
        const conflict: ConflictReason | null = twice
          ? 'same-unit-twice'
          : moved
            ? 'changed-since-issue'
            : null;
        out.push({
          id: `${checked.fileName}#${reported.no}:${column}`,
          no: reported.no,
          row: task.row,
          column,
          header: columnSpec(column).header,
          from,
          to,
          unit: checked.unit,
          file: checked.fileName,
          kind,
          conflict,
          accepted: kind === 'lead' && conflict === null,
        });
      };
      if (leads.has(reported.no)) {
        for (const column of LEAD_FIELDS) {
          const to = reportedValue(reported, column);
          if (to === undefined) continue;
          const then = issuedValue(issued.get(reported.no), column);
          // What the form came with and the unit left as it was is not a change of theirs.
          if (then !== undefined && same(then, to)) continue;
          const now = cellOf(ledger, task.row, column);
          propose(column, to, 'lead', then !== undefined && !same(then, now));
        }
      } else {
        for (const column of NOTE_FIELDS) {
          const words = reported[column];
          if (!words) continue;
          const now = cellText(cellOf(ledger, task.row, column)).trim();
          const line = `【${checked.unit}】${words}`;
          if (now.includes(line)) continue;
          propose(column, now ? `${now}\n${line}` : line, 'note', false);
        }
      }
    }
  }
  // Two lead returns that want different values in one cell: neither wins by itself.
  const byCell = new Map<string, ProposedChange[]>();
  for (const change of out.filter((c) => c.kind === 'lead')) {
    const key = `${change.no}:${change.column}`;
    byCell.set(key, [...(byCell.get(key) ?? []), change]);
  }
  const disputed = new Set(
    [...byCell.values()]
      .filter((group) => new Set(group.map((c) => cellText(c.to))).size > 1)
      .flat()
      .map((c) => c.id),
  );
  return out
    .map((c) =>
      disputed.has(c.id) && !c.conflict ? { ...c, conflict: 'two-returns' as const, accepted: false } : c,
    )
    .sort((a, b) => a.no - b.no || a.row - b.row);
}

/**
 * The changes to write: the accepted ones, at most one per cell. Two accepted changes to one
 * cell (the user ticked both of a conflict) are refused rather than one silently winning.
 */
export function changesToApply(changes: readonly ProposedChange[]): {
  readonly ok: ProposedChange[];
  readonly clashes: string[];
} {
  const accepted = changes.filter((c) => c.accepted);
  const byCell = new Map<string, ProposedChange[]>();
  for (const c of accepted)
    byCell.set(`${c.row}:${c.column}`, [...(byCell.get(`${c.row}:${c.column}`) ?? []), c]);
  const clashes = [...byCell.values()]
    .filter((g) => g.length > 1)
    .map((g) => `第${g[0].no}项（${g[0].header}）`);
  return { ok: clashes.length ? [] : accepted, clashes };
}
