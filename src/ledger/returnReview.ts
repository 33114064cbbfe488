// What the returned forms would change, task by task and field by field, before anything is
// written: the lead unit's changes are proposed for the ledger's fields; a partner's words can
// be added to 进展情况/存在问题/下步计划 as 【单位】… lines; and where returns disagree, a unit sent
// two files, or the ledger cell moved on since the form was issued, the change waits for the
// user's choice. A task led by several units together (各县（市）区人民政府: each county leads it)
// has one cell per field for all of them: each unit's words are added as its own 【单位】 line,
// never written over another unit's, and its single values (状态, 进度 …) wait for a choice.
// 延期批准 is the office's decision and is never taken from a return. A changed cell that is not
// proposed is named in a notice: nothing a unit wrote is dropped without a sentence.
import { columnSpec, type ColumnKey } from './columns';
import { approvalOf } from './extensions';
import { parseDeadline } from './deadlines';
import type { Bilingual } from './language';
import { cellOf, type CellValue, type Ledger } from './ledger';
import {
  formHeader,
  LEAD_ONLY_KEYS,
  type CheckedReturn,
  type FillableKey,
  type NamedCell,
  type ReportedTask,
  type ReturnedCell,
} from './returnForm';
import { isNumbered, type LedgerTask } from './tasks';
import { cellText } from './text';
import { placeUnitLine, returnedWords, taggedLines } from './unitLines';
import { tasksForUnit } from './unitSelection';
import type { UnitDirectory } from './units';

/** The columns a partner's words are added to, as 【单位】… lines. */
const NOTE_FIELDS: readonly FillableKey[] = ['progressNote', 'problems', 'nextSteps'];

export type ConflictReason =
  | 'two-returns'
  | 'same-unit-twice'
  | 'changed-since-issue'
  /** One of several units that lead a task together: its value would stand for all of them. */
  | 'shared-task';

/**
 * lead: the unit's value for the cell; note: a partner's words added as a 【单位】 line; shared:
 * the words of one of several units leading the task together, added as its own 【单位】 line.
 */
export type ProposalKind = 'lead' | 'note' | 'shared';

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
  readonly kind: ProposalKind;
  /** The 【单位】… line a note or shared change adds after the cell's text: accepted lines on one cell add up. */
  readonly line?: string;
  /** The form cells the change comes from (联系人 and 联系电话 joined, where the ledger has no 联系电话 column). */
  readonly sources: readonly FillableKey[];
  /** Set when the value is read one way but may mean another (进度 0.8); such a change waits for a choice. */
  readonly hint?: Bilingual;
  /** Set when the change competes with another or with an edit made since the form was issued. */
  readonly conflict: ConflictReason | null;
  /**
   * Proposed as accepted: a lead's plain change, or a joint lead's line, without conflict. A
   * partner's notes, hints and conflicts wait for a choice.
   */
  readonly accepted: boolean;
}

export type NoticeKind =
  /** The ledger already holds what the unit wrote. */
  | 'already'
  /** The ledger has no column for it. */
  | 'no-column'
  /** A partner wrote in the lead's fields. */
  | 'lead-only'
  /** A partner emptied a note field: its words add to the lead's, they do not remove them. */
  | 'partner-cleared'
  /** One of several joint leads emptied a note field: its words add to the others', they do not remove them. */
  | 'shared-cleared'
  /** A unit changed or removed other units' 【单位】 lines: those are theirs to write. */
  | 'other-units'
  /** A unit deleted its own 【单位】 line and wrote nothing: its line stays. */
  | 'own-line-removed'
  /** 延期批准 filled by a unit: the office decides it; named with how it reads, never imported. */
  | 'office-decides'
  /** A partner's 联系人/联系电话: the ledger's are the lead's. */
  | 'partner-contact'
  /** The task is no longer in the ledger (deleted or renumbered since issue). */
  | 'task-gone'
  /** The ledger has no 联系电话 column: the phone goes into 联系人 with the name. */
  | 'phone-joined';

export interface ReviewNotice {
  readonly kind: NoticeKind;
  readonly file: string;
  readonly unit: string;
  readonly no: number;
  readonly cells: readonly NamedCell[];
  /** For other-units: the units whose lines were changed or removed. */
  readonly others?: readonly string[];
}

export interface Review {
  readonly changes: readonly ProposedChange[];
  readonly notices: readonly ReviewNotice[];
}

const sameText = (a: CellValue, b: CellValue) => cellText(a).trim() === cellText(b).trim();

/** Two values of one column read alike: progress as numbers, deadlines (and 申请延期至) by their reading. */
function sameValue(column: ColumnKey, a: CellValue, b: CellValue): boolean {
  if (sameText(a, b)) return true;
  if (column === 'progress') {
    const x = cellText(a).trim();
    const y = cellText(b).trim();
    return x !== '' && y !== '' && Number(x) === Number(y);
  }
  if (column === 'deadline' || column === 'extendTo') {
    const x = parseDeadline(a);
    const y = parseDeadline(b);
    return x.kind === 'date' && y.kind === 'date' && x.day === y.day && x.precision === y.precision;
  }
  return false;
}

/**
 * A partner's own words in a note field that went out holding the ledger's text: what it added
 * before or after that text, or all of it when it rewrote the field.
 */
function partnerWords(issued: string, now: string): string {
  const before = issued.trim();
  if (!before) return now.trim();
  const at = now.indexOf(before);
  if (at < 0) return now.trim();
  return `${now.slice(0, at)}\n${now.slice(at + before.length)}`
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

export interface ReviewInput {
  readonly ledger: Ledger;
  readonly tasks: readonly LedgerTask[];
  readonly returns: readonly CheckedReturn[];
  readonly directory?: UnitDirectory;
}

const named = (no: number, cells: readonly ReturnedCell[]): NamedCell[] =>
  cells.map((c) => ({ no, column: c.column, value: c.shown }));

/**
 * Every change the returns propose, conflicts marked, in task order, and a notice for every
 * changed cell that is not proposed. A field the unit left as the form came is not proposed:
 * the ledger may have moved on, and the unit did not ask for it.
 */
export function reviewReturns(input: ReviewInput): Review {
  const { ledger, directory } = input;
  const byNo = new Map<number, LedgerTask>();
  for (const task of input.tasks.filter(isNumbered)) if (!byNo.has(task.no)) byNo.set(task.no, task);
  const filesPerUnit = new Map<string, number>();
  for (const r of input.returns)
    if (!r.refused) filesPerUnit.set(r.unit, (filesPerUnit.get(r.unit) ?? 0) + 1);
  const hasColumn = (column: ColumnKey) => ledger.header.columns[column] !== undefined;

  const out: ProposedChange[] = [];
  const notices: ReviewNotice[] = [];
  for (const checked of input.returns) {
    if (checked.refused) continue;
    const file = checked.fileName;
    const unit = checked.unit;
    const notice = (kind: NoticeKind, no: number, cells: readonly NamedCell[], others?: string[]) =>
      notices.push({ kind, file, unit, no, cells, ...(others ? { others } : {}) });
    const leads = new Set(tasksForUnit(input.tasks, unit, { role: 'lead', directory }));
    // A task the unit leads only through a collective is led by every member alike.
    const ownLeads = new Set(
      tasksForUnit(input.tasks, unit, { role: 'lead', includeCollectives: false, directory }),
    );
    const twice = (filesPerUnit.get(unit) ?? 0) > 1;
    for (const reported of checked.reported) {
      const task = byNo.get(reported.no);
      if (!task) {
        notice('task-gone', reported.no, named(reported.no, reported.changed));
        continue;
      }
      // Led through a collective, or named as one of several leads (市人社局（牵头）、市教育局（牵头）).
      const shared =
        leads.has(reported.no) &&
        (!ownLeads.has(reported.no) || task.units.filter((u) => u.role === 'lead').length > 1);
      const propose: Propose = (column, to, sources, kind, moved, line) => {
        const from = cellOf(ledger, task.row, column);
        if (sameValue(column, from, to)) {
          notice('already', reported.no, named(reported.no, sources));
          return;
        }
        const hint = sources.find((s) => s.hint)?.hint;
        const conflict: ConflictReason | null = twice
          ? 'same-unit-twice'
          : moved
            ? 'changed-since-issue'
            : kind === 'lead' && shared
              ? 'shared-task'
              : null;
        out.push({
          id: `${file}#${reported.no}:${column}`,
          no: reported.no,
          row: task.row,
          column,
          header: columnSpec(column).header,
          from,
          to,
          unit,
          file,
          kind,
          ...(line ? { line } : {}),
          sources: sources.map((s) => s.column),
          ...(hint ? { hint } : {}),
          conflict,
          accepted: kind !== 'note' && conflict === null && !hint,
        });
      };
      /**
       * The unit's words as its own 【单位】 line: in place of the line it has, else after the
       * cell's text. Other units' lines in the return are theirs: named when changed, never taken.
       */
      const addLines = (cells: readonly ReturnedCell[], kind: 'note' | 'shared') => {
        for (const cell of cells) {
          if (!NOTE_FIELDS.includes(cell.column)) continue;
          if (!hasColumn(cell.column)) {
            notice('no-column', reported.no, named(reported.no, [cell]));
            continue;
          }
          if (cell.shown === '') {
            notice(
              kind === 'note' ? 'partner-cleared' : 'shared-cleared',
              reported.no,
              named(reported.no, [cell]),
            );
            continue;
          }
          const issued = reported.issued.values[cell.column];
          const read = returnedWords(issued, cell.shown, unit, partnerWords);
          if (read.others.length)
            notice('other-units', reported.no, named(reported.no, [cell]), [...read.others]);
          if (read.cleared) notice('own-line-removed', reported.no, named(reported.no, [cell]));
          if (!read.words) {
            if (!read.others.length && !read.cleared)
              notice('already', reported.no, named(reported.no, [cell]));
            continue;
          }
          const now = taggedLines(cellText(cellOf(ledger, task.row, cell.column)))
            .map((l) => l.text)
            .join('\n');
          const line = `【${unit}】${read.words}`;
          const to = placeUnitLine(now, unit, line);
          if (to === now) {
            notice('already', reported.no, named(reported.no, [cell]));
            continue;
          }
          // The unit's line edited in the ledger since the form went out: replacing it waits for a choice.
          const ownLines = (text: string) =>
            taggedLines(text)
              .filter((l) => l.unit === unit)
              .map((l) => l.text)
              .join('\n');
          propose(cell.column, to, [cell], kind, ownLines(issued) !== ownLines(now), line);
        }
      };
      // 延期批准 is the office's to decide, whoever the unit is: named, never proposed.
      const approval = reported.changed.filter((c) => c.column === 'extendApproved');
      if (approval.length) notice('office-decides', reported.no, named(reported.no, approval));
      const changed = reported.changed.filter((c) => c.column !== 'extendApproved');
      if (leads.has(reported.no)) {
        const own = shared ? changed.filter((c) => !NOTE_FIELDS.includes(c.column)) : changed;
        proposeLead({ ...reported, changed: own }, task, propose, notice, hasColumn, ledger);
        if (shared) addLines(changed, 'shared');
      } else {
        addLines(changed, 'note');
        const leadOnly = changed.filter((c) => LEAD_ONLY_KEYS.includes(c.column));
        if (leadOnly.length) notice('lead-only', reported.no, named(reported.no, leadOnly));
        const contact = changed.filter((c) => c.column === 'contact' || c.column === 'phone');
        if (contact.length) notice('partner-contact', reported.no, named(reported.no, contact));
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
  return {
    changes: out
      .map((c) =>
        // Units that disagree say more than that the task is shared.
        disputed.has(c.id) && (!c.conflict || c.conflict === 'shared-task')
          ? { ...c, conflict: 'two-returns' as const, accepted: false }
          : c,
      )
      .sort((a, b) => a.no - b.no || a.row - b.row),
    notices,
  };
}

type Propose = (
  column: ColumnKey,
  to: CellValue,
  sources: readonly ReturnedCell[],
  kind: ProposalKind,
  moved: boolean,
  line?: string,
) => void;

/** A lead's changed cells, field by field; 联系人 and 联系电话 share one cell where the ledger has no 联系电话 column. */
function proposeLead(
  reported: ReportedTask,
  task: LedgerTask,
  propose: Propose,
  notice: (kind: NoticeKind, no: number, cells: readonly NamedCell[]) => void,
  hasColumn: (column: ColumnKey) => boolean,
  ledger: Ledger,
): void {
  const { issued, no } = reported;
  const now = (column: ColumnKey) => cellOf(ledger, task.row, column);
  const joinPhone = !hasColumn('phone');
  for (const cell of reported.changed) {
    if (joinPhone && (cell.column === 'contact' || cell.column === 'phone')) continue;
    if (!hasColumn(cell.column)) {
      notice('no-column', no, named(no, [cell]));
      continue;
    }
    const then = issued.values[cell.column];
    propose(cell.column, cell.value, [cell], 'lead', !sameValue(cell.column, then, now(cell.column)));
  }
  const person = reported.changed.filter((c) => c.column === 'contact' || c.column === 'phone');
  if (!joinPhone || person.length === 0 || !hasColumn('contact')) {
    if (joinPhone && person.length) notice('no-column', no, named(no, person));
    return;
  }
  const value = (key: 'contact' | 'phone') =>
    person.find((c) => c.column === key)?.shown ?? issued.values[key];
  const joined = [value('contact'), value('phone')].filter(Boolean).join(' ');
  const then = [issued.values.contact, issued.values.phone].filter(Boolean).join(' ');
  propose('contact', joined, person, 'lead', !sameValue('contact', then, now('contact')));
  if (person.some((c) => c.column === 'phone')) notice('phone-joined', no, []);
}

/** One sentence per notice, in both languages, naming the cells and what they held. */
export function describeReviewNotice(notice: ReviewNotice): Bilingual {
  const cells = notice.cells.map((c) => `${formHeader(c.column)}“${c.value || '（空）'}”`).join('、');
  const cellsEn = notice.cells.map((c) => `${formHeader(c.column)} "${c.value || '(empty)'}"`).join(', ');
  const task = `第${notice.no}项`;
  const taskEn = `Task ${notice.no}`;
  switch (notice.kind) {
    case 'already':
      return {
        zh: `${task}：${cells}与台账现有内容相同，无需更改。`,
        en: `${taskEn}: ${cellsEn} is what the ledger holds already.`,
      };
    case 'no-column':
      return {
        zh: `${task}：台账没有对应的列，${cells}未导入。`,
        en: `${taskEn}: the ledger has no column for ${cellsEn}; not imported.`,
      };
    case 'lead-only':
      return {
        zh: `${task}：状态、进度、完成时限、延期申请和办结依据由牵头单位填报，${notice.unit}作为配合单位填写的${cells}未导入。`,
        en: `${taskEn}: status, progress, deadline, extension and closing evidence are the lead unit's to report; ${cellsEn} from ${notice.unit}, a partner, was not imported.`,
      };
    case 'partner-cleared':
      return {
        zh: `${task}：${notice.unit}（配合单位）清空了${cells.replace(/“（空）”/gu, '')}；配合单位的意见只作补充，台账原文保留。`,
        en: `${taskEn}: ${notice.unit}, a partner, emptied ${cellsEn}; a partner's words add to the ledger's, so its text stays.`,
      };
    case 'shared-cleared':
      return {
        zh: `${task}：${notice.unit}清空了${cells.replace(/“（空）”/gu, '')}；此项由多个单位共同牵头，各单位所填只作补充，台账原文保留。`,
        en: `${taskEn}: ${notice.unit} emptied ${cellsEn}; several units lead this task together, so each adds to the text and the ledger's text stays.`,
      };
    case 'other-units': {
      const tags = (notice.others ?? []).map((u) => `【${u}】`).join('');
      const fields = notice.cells.map((c) => formHeader(c.column)).join('、');
      return {
        zh: `${task}：${notice.unit}改动或删去了${fields}中${tags}的内容；各单位的行由该单位自己填报，这些改动未导入。`,
        en: `${taskEn}: ${notice.unit} changed or removed the ${tags} lines in ${fields}; each unit's line is its own to write, so those edits were not imported.`,
      };
    }
    case 'own-line-removed': {
      const fields = notice.cells.map((c) => formHeader(c.column)).join('、');
      return {
        zh: `${task}：${notice.unit}删去了${fields}中本单位的【${notice.unit}】行；各单位所填只作补充，台账原文保留。`,
        en: `${taskEn}: ${notice.unit} removed its own 【${notice.unit}】 line from ${fields}; each unit's words add to the text, so the line stays.`,
      };
    }
    case 'office-decides': {
      const read = (value: string) => {
        const { approval, unclear } = approvalOf(value);
        if (unclear) return { zh: '无法读作“是”或“否”', en: 'reads as neither 是 nor 否' };
        if (approval === 'yes') return { zh: '按“是”理解', en: 'read as 是' };
        if (approval === 'no') return { zh: '按“否”理解', en: 'read as 否' };
        return { zh: '即未决定', en: 'undecided' };
      };
      const zh = notice.cells
        .map((c) => `延期批准“${c.value || '（空）'}”（${read(c.value).zh}）`)
        .join('、');
      const en = notice.cells
        .map((c) => `延期批准 "${c.value || '(empty)'}" (${read(c.value).en})`)
        .join(', ');
      return {
        zh: `${task}：延期批准由督办单位决定，${notice.unit}填写的${zh}未导入；如已批准，请在台账中填写。`,
        en: `${taskEn}: 延期批准 is the supervising office's decision; ${en} from ${notice.unit} was not imported. Once approved, enter it in the ledger.`,
      };
    }
    case 'partner-contact':
      return {
        zh: `${task}：台账的联系人为牵头单位的，${notice.unit}（配合单位）填写的${cells}未导入。`,
        en: `${taskEn}: the ledger's contact is the lead unit's; ${cellsEn} from ${notice.unit}, a partner, was not imported.`,
      };
    case 'task-gone':
      return {
        zh: `${task}已不在台账中（删除或改号），${notice.unit}填写的${cells}未导入。`,
        en: `${taskEn} is no longer in the ledger; ${cellsEn} from ${notice.unit} was not imported.`,
      };
    case 'phone-joined':
      return {
        zh: `${task}：台账没有“联系电话”列，联系电话与联系人写在“联系人”同一格。`,
        en: `${taskEn}: the ledger has no 联系电话 column; the phone goes into 联系人 with the name.`,
      };
  }
}

/**
 * The changes to write: the accepted ones, at most one value per cell. Accepted 【单位】 lines on
 * one cell add up, each in its unit's place in the text the one before left (a line already there
 * is not added again);
 * two accepted values for one cell (the user ticked both of a conflict) are refused rather than
 * one silently winning.
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
    .filter((g) => g.length > 1 && g.some((c) => c.line === undefined))
    .map((g) => `第${g[0].no}项（${g[0].header}）`);
  if (clashes.length) return { ok: [], clashes };
  return { ok: [...byCell.values()].flatMap(chained), clashes };
}

/** Lines for one cell, each change's from and to following the one before: the log can undo them in turn. */
function chained(group: readonly ProposedChange[]): ProposedChange[] {
  if (group.length === 1) return [...group];
  const out: ProposedChange[] = [];
  let text = cellText(group[0].from).trim();
  for (const change of group) {
    const to = placeUnitLine(text, change.unit, change.line ?? '');
    if (to === text) continue;
    out.push({ ...change, from: out.length ? text : change.from, to });
    text = to;
  }
  return out;
}
