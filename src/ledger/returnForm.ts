// The form a unit fills in and sends back (反馈表): its own tasks as the ledger holds them now,
// the official columns locked, the progress columns open; and the check of a form that came
// back: is it a form of this ledger, for a unit the ledger knows, with the task texts as issued
// and values the ledger can take. Pure: the file is made and read in src/files.
import { chineseDate, dayFromIso, isoDate, yearOf, type Day } from './dates';
import { parseDeadline } from './deadlines';
import { safeFileName, unitTaskLines } from './mail';
import { readProgress } from './progress';
import { checkStatus } from './statuses';
import type { SummaryModel } from './summary';
import { cellText, matchKey } from './text';
import type { UnitDirectory } from './units';

export const FORM_VERSION = 1;

/** The form's columns: the first four are the ledger's and locked; the rest the unit fills in. */
export const FORM_COLUMNS = [
  { key: 'no', header: '序号', locked: true, width: 6 },
  { key: 'task', header: '工作任务', locked: true, width: 44 },
  { key: 'units', header: '责任单位', locked: true, width: 24 },
  { key: 'role', header: '本单位角色', locked: true, width: 12 },
  { key: 'status', header: '状态', locked: false, width: 10 },
  { key: 'progress', header: '进度(%)', locked: false, width: 9 },
  { key: 'deadline', header: '完成时限', locked: false, width: 14 },
  { key: 'progressNote', header: '进展情况', locked: false, width: 30 },
  { key: 'problems', header: '存在问题', locked: false, width: 24 },
  { key: 'nextSteps', header: '下步计划', locked: false, width: 24 },
  { key: 'contact', header: '联系人', locked: false, width: 10 },
  { key: 'phone', header: '联系电话', locked: false, width: 14 },
] as const;

export type FormColumnKey = (typeof FORM_COLUMNS)[number]['key'];
export type FormValues = Readonly<Record<FormColumnKey, string | number>>;

export interface FormMeta {
  readonly version: number;
  readonly ledgerId: string;
  readonly unit: string;
  /** The 截至 date, as 2026-11-28. */
  readonly asOf: string;
  /**
   * Each row's 序号, the fingerprint of its task text as issued, and what its status, progress and
   * deadline read then: a ledger cell that moved on since is a conflict at import, not overwritten.
   */
  readonly rows: readonly IssuedRow[];
}

export interface IssuedRow {
  readonly no: number;
  readonly fingerprint: string;
  readonly status: string;
  readonly progress: string;
  readonly deadline: string;
  readonly problems: string;
}

export interface ReturnFormSpec {
  readonly fileName: string;
  readonly title: string;
  readonly instructions: readonly string[];
  readonly statuses: readonly string[];
  readonly rows: readonly FormValues[];
  readonly meta: FormMeta;
}

/** A short, stable fingerprint of a task text (FNV-1a over its normalized form): changed text, changed print. */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const c of matchKey(text)) {
    hash ^= c.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const compactDate = (day: Day) => isoDate(day).replace(/-/g, '');

export function returnFormFileName(unit: string, asOf: Day): string {
  return safeFileName(`${unit}_重点任务反馈表_${compactDate(asOf)}`, 'xlsx');
}

export function returnFormsZipName(asOf: Day, units: number): string {
  return safeFileName(`重点任务反馈表_${units}个单位_${compactDate(asOf)}`, 'zip');
}

/** The form for one unit: its tasks (lead and partner, collectives included) as the ledger holds them. */
export function returnFormSpec(
  model: SummaryModel,
  unit: string,
  options: {
    readonly ledgerId: string;
    readonly statuses: readonly string[];
    readonly directory?: UnitDirectory;
  },
): ReturnFormSpec {
  const lines = unitTaskLines(model, unit, options.directory);
  const rows: FormValues[] = lines.map(({ task, role, viaCollective }) => ({
    no: task.no ?? '',
    task: task.task,
    units: task.unitsText,
    role: viaCollective ? `${role}（集体任务）` : role,
    status: task.knownStatus ?? task.status,
    progress: task.progress.kind === 'ok' ? task.progress.percent : '',
    deadline: task.deadlineText,
    progressNote: '',
    problems: task.problems,
    nextSteps: '',
    contact: '',
    phone: '',
  }));
  return {
    fileName: returnFormFileName(unit, model.asOf),
    title: `${unit}重点任务推进情况反馈表（截至${chineseDate(model.asOf)}）`,
    instructions: [
      '请只填写白色的列（状态、进度、完成时限、进展情况、存在问题、下步计划、联系人、联系电话），灰色的列不可修改。',
      '状态请从下拉列表选择，进度填0–100的整数；填好后保存为.xlsx，原文件名发回即可。',
    ],
    statuses: options.statuses,
    rows,
    meta: {
      version: FORM_VERSION,
      ledgerId: options.ledgerId,
      unit,
      asOf: isoDate(model.asOf),
      rows: lines.map(({ task }) => ({
        no: task.no as number,
        fingerprint: textFingerprint(task.task),
        status: task.status,
        progress: task.progress.kind === 'ok' ? String(task.progress.percent) : '',
        deadline: task.deadlineText,
        problems: task.problems,
      })),
    },
  };
}

/** A form as read from a file: its metadata and its rows by column header. */
export interface ReturnedForm {
  readonly fileName: string;
  readonly meta: FormMeta;
  readonly rows: readonly Readonly<Partial<Record<FormColumnKey, unknown>>>[];
}

export type FormProblem =
  | { readonly kind: 'other-ledger' }
  | { readonly kind: 'unknown-unit'; readonly unit: string }
  | { readonly kind: 'tampered'; readonly no: number }
  | { readonly kind: 'removed'; readonly no: number }
  | { readonly kind: 'added'; readonly no: string; readonly task: string }
  | { readonly kind: 'status'; readonly no: number; readonly value: string }
  | { readonly kind: 'progress'; readonly no: number; readonly value: string }
  | { readonly kind: 'deadline'; readonly no: number; readonly value: string };

/** What a unit reported for one task, in the ledger's own column keys, after the checks. */
export interface ReportedTask {
  readonly no: number;
  readonly status?: string;
  readonly progress?: number;
  readonly deadline?: string;
  readonly progressNote?: string;
  readonly problems?: string;
  readonly nextSteps?: string;
  readonly contact?: string;
}

export interface CheckedReturn {
  readonly fileName: string;
  readonly unit: string;
  readonly asOf: string;
  readonly problems: readonly FormProblem[];
  /** Rows that passed their checks; a tampered or invalid row is reported and left out. */
  readonly reported: readonly ReportedTask[];
  /** The file cannot be used at all (another ledger's form, a unit the ledger does not know). */
  readonly refused: boolean;
}

export interface CheckContext {
  readonly ledgerId: string;
  readonly statuses: readonly string[];
  /** Whether the ledger knows this unit (names or reaches it). */
  readonly knowsUnit: (unit: string) => boolean;
}

const text = (value: unknown) => cellText(value).trim();

/** The checks of one returned form, problem by problem; nothing here touches the ledger. */
export function checkReturn(form: ReturnedForm, context: CheckContext): CheckedReturn {
  const base = { fileName: form.fileName, unit: form.meta.unit, asOf: form.meta.asOf };
  if (form.meta.ledgerId !== context.ledgerId) {
    return { ...base, problems: [{ kind: 'other-ledger' }], reported: [], refused: true };
  }
  if (!context.knowsUnit(form.meta.unit)) {
    return {
      ...base,
      problems: [{ kind: 'unknown-unit', unit: form.meta.unit }],
      reported: [],
      refused: true,
    };
  }
  const problems: FormProblem[] = [];
  const reported: ReportedTask[] = [];
  const issued = new Map(form.meta.rows.map((r) => [r.no, r.fingerprint]));
  const seen = new Set<number>();
  const formDay = dayFromIso(form.meta.asOf) ?? undefined;
  for (const row of form.rows) {
    const rawNo = row.no;
    const no = typeof rawNo === 'number' ? rawNo : Number(text(rawNo));
    const fingerprint = Number.isInteger(no) ? issued.get(no) : undefined;
    if (fingerprint === undefined) {
      if (text(rawNo) || text(row.task))
        problems.push({ kind: 'added', no: text(rawNo), task: text(row.task) });
      continue;
    }
    seen.add(no);
    if (textFingerprint(text(row.task)) !== fingerprint) {
      problems.push({ kind: 'tampered', no });
      continue;
    }
    const status = text(row.status);
    const check = status ? checkStatus(status, context.statuses) : null;
    if (check && check.kind !== 'ok' && check.kind !== 'variant') {
      problems.push({ kind: 'status', no, value: status });
      continue;
    }
    const progressText = text(row.progress);
    const progress = progressText ? readProgress(row.progress) : null;
    if (progress && progress.kind !== 'ok') {
      problems.push({ kind: 'progress', no, value: progressText });
      continue;
    }
    const deadline = text(row.deadline);
    // Read as the ledger will read it: 上半年 and 11月底 by the form's 截至 date.
    if (
      deadline &&
      typeof row.deadline !== 'number' &&
      parseDeadline(deadline, {
        today: formDay,
        defaultYear: formDay === undefined ? undefined : yearOf(formDay),
      }).kind === 'invalid'
    ) {
      problems.push({ kind: 'deadline', no, value: deadline });
      continue;
    }
    const contact = [text(row.contact), text(row.phone)].filter(Boolean).join(' ');
    reported.push({
      no,
      ...(check && (check.kind === 'ok' || check.kind === 'variant') ? { status: check.status } : {}),
      ...(progress?.kind === 'ok' ? { progress: progress.percent } : {}),
      ...(deadline ? { deadline } : {}),
      ...(text(row.progressNote) ? { progressNote: text(row.progressNote) } : {}),
      ...(text(row.problems) ? { problems: text(row.problems) } : {}),
      ...(text(row.nextSteps) ? { nextSteps: text(row.nextSteps) } : {}),
      ...(contact ? { contact } : {}),
    });
  }
  for (const no of issued.keys()) if (!seen.has(no)) problems.push({ kind: 'removed', no });
  return { ...base, problems, reported, refused: false };
}

/** One sentence per problem, in both languages, for the review list. */
export function describeFormProblem(problem: FormProblem): { readonly zh: string; readonly en: string } {
  switch (problem.kind) {
    case 'other-ledger':
      return {
        zh: '这是另一份台账的反馈表，未导入。',
        en: 'This is a form of another ledger; not imported.',
      };
    case 'unknown-unit':
      return {
        zh: `台账中已没有“${problem.unit}”的任务，未导入。`,
        en: `The ledger no longer has tasks of ${problem.unit}; not imported.`,
      };
    case 'tampered':
      return {
        zh: `第${problem.no}项的工作任务文字被改动，该行未导入。`,
        en: `The task text of task ${problem.no} was changed; the row was not imported.`,
      };
    case 'removed':
      return {
        zh: `第${problem.no}项被单位删除，未反馈。`,
        en: `Task ${problem.no} was deleted from the form.`,
      };
    case 'added':
      return {
        zh: `单位新增了一行（${problem.no || '无序号'} ${problem.task.slice(0, 16)}），未导入。`,
        en: `The unit added a row (${problem.no || 'no number'}); not imported.`,
      };
    case 'status':
      return {
        zh: `第${problem.no}项的状态“${problem.value}”不在状态列表中，该行未导入。`,
        en: `Task ${problem.no}: status "${problem.value}" is not in the list; the row was not imported.`,
      };
    case 'progress':
      return {
        zh: `第${problem.no}项的进度“${problem.value}”不是0–100的数字，该行未导入。`,
        en: `Task ${problem.no}: progress "${problem.value}" is not a number from 0 to 100; the row was not imported.`,
      };
    case 'deadline':
      return {
        zh: `第${problem.no}项的完成时限“${problem.value}”无法识别，该行未导入。`,
        en: `Task ${problem.no}: the deadline "${problem.value}" cannot be read; the row was not imported.`,
      };
  }
}
