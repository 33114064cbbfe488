// The form a unit fills in and sends back (反馈表): its own tasks as the ledger holds them now,
// every field the unit may change pre-filled and recorded as issued, the official columns
// locked (and on a partner's rows the lead's own fields too); and the check of a form that came
// back: is it a form of this ledger, for a unit the ledger knows, with the task texts as issued,
// and what did the unit change, cell by cell, read by the cell's type. Every cell the unit
// changed is either carried on to the review or named in a sentence. Pure: the file is made and
// read in src/files.
import { chineseDate, dayFromIso, isoDate, yearOf, type Day } from './dates';
import { parseDeadline, type Deadline } from './deadlines';
import { approvalOf } from './extensions';
import type { Bilingual } from './language';
import { LEDGER_SPEC } from './columns';
import { cellOf, type CellValue, type Ledger } from './ledger';
import { compactDate, safeFileName } from './fileNames';
import { fractionHint, readProgress } from './progress';
import { checkStatus } from './statuses';
import type { SummaryModel } from './summary';
import type { PlanNames } from './plan';
import { column, type TableSpec } from './tableSpec';
import { cellText, matchKey } from './text';
import { unitTaskLines } from './unitSelection';
import { roleLabel, type UnitDirectory } from './units';

/**
 * 2: every fillable field issued and recorded by name, the role, the return date.
 * 3: the 延期 and 办结依据 fields (issue 26); a version 2 form without them is read as before.
 */
export const FORM_VERSION = 3;

/** The fields a form carries from version 3 on: their absence from an older form is no problem. */
const SINCE_VERSION_3: readonly FormColumnKey[] = ['extendTo', 'extendReason', 'extendApproved', 'evidence'];

/** The fields a unit fills in, in form order. */
export const FILLABLE_KEYS = [
  'status',
  'progress',
  'deadline',
  'progressNote',
  'problems',
  'nextSteps',
  'contact',
  'phone',
  'extendTo',
  'extendReason',
  'extendApproved',
  'evidence',
] as const;
export type FillableKey = (typeof FILLABLE_KEYS)[number];

/** The lead unit's to report: locked on a partner's rows, whose words go to the note fields. */
export const LEAD_ONLY_KEYS: readonly FillableKey[] = [
  'status',
  'progress',
  'deadline',
  'extendTo',
  'extendReason',
  'extendApproved',
  'evidence',
];

/**
 * The office's to decide: shown on the form so the unit sees the decision, locked on every row.
 * A return that changes it anyway (an older form, protection lifted) is named, never imported.
 */
export const OFFICE_KEYS: readonly FillableKey[] = ['extendApproved'];

/** The form's columns: the first four are the ledger's and locked; the rest the unit fills in. */
export const FORM_COLUMNS = [
  { key: 'no', header: '序号', locked: true, width: 3 },
  { key: 'task', header: '工作任务', locked: true, width: 13 },
  { key: 'units', header: '责任单位', locked: true, width: 8 },
  { key: 'role', header: '本单位角色', locked: true, width: 5 },
  { key: 'status', header: '状态', locked: false, width: 5 },
  { key: 'progress', header: '进度(%)', locked: false, width: 4 },
  { key: 'deadline', header: '完成时限', locked: false, width: 7 },
  { key: 'progressNote', header: '进展情况', locked: false, width: 11 },
  { key: 'problems', header: '存在问题', locked: false, width: 10 },
  { key: 'nextSteps', header: '下步计划', locked: false, width: 9 },
  { key: 'contact', header: '联系人', locked: false, width: 5 },
  { key: 'phone', header: '联系电话', locked: false, width: 6 },
  { key: 'extendTo', header: '申请延期至', locked: false, width: 6 },
  { key: 'extendReason', header: '延期理由', locked: false, width: 8 },
  { key: 'extendApproved', header: '延期批准', locked: false, width: 4 },
  { key: 'evidence', header: '办结依据', locked: false, width: 8 },
] as const;

export type FormColumnKey = (typeof FORM_COLUMNS)[number]['key'];

/**
 * The form's task table as a spec, for the file writer and reader alike: locked columns are
 * the add-in's, the rest the unit's; a header a unit renamed to the ledger's other spelling of
 * the column is still read.
 */
export const FORM_SPEC: TableSpec<FormColumnKey> = {
  table: 'ReturnForm',
  sheet: '反馈表',
  columns: FORM_COLUMNS.map((c) =>
    column(
      c.key,
      c.header,
      c.key === 'no' ? '0' : c.key === 'progress' ? 'General' : '@',
      c.width,
      c.locked ? 'addin' : 'user',
      LEDGER_SPEC.columns.find((l) => l.key === c.key)?.aliases ?? [],
    ),
  ),
};
export type FormValues = Readonly<Record<FormColumnKey, string | number>>;

export const formHeader = (key: FormColumnKey): string =>
  FORM_COLUMNS.find((c) => c.key === key)?.header ?? key;

export type FormRole = 'lead' | 'partner';

export interface FormMeta {
  readonly version: number;
  readonly ledgerId: string;
  readonly unit: string;
  /** The 截至 date, as 2026-11-28. */
  readonly asOf: string;
  /** The date the form is asked back by, as 2026-12-05; '' when the form did not say. */
  readonly returnBy: string;
  /**
   * Each row's 序号, the fingerprint of its task text as issued, the unit's role then, and what
   * each fillable field held then: what the unit left as issued is not its change, and a ledger
   * cell that moved on since is a conflict at import, not overwritten.
   */
  readonly rows: readonly IssuedRow[];
}

export interface IssuedRow {
  readonly no: number;
  readonly fingerprint: string;
  /** Null for a form made before roles were recorded (version 1). */
  readonly role: FormRole | null;
  /** The locked 责任单位 and 本单位角色 as issued ('' on a version 1 form): a change is named. */
  readonly units: string;
  readonly roleLabel: string;
  readonly values: Readonly<Record<FillableKey, string>>;
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

/** 双辽市人民政府_〈short name〉反馈表_20261128.xlsx: the plan's short name keeps two plans' forms for one unit apart. */
export function returnFormFileName(unit: string, asOf: Day, names: Pick<PlanNames, 'shortName'>): string {
  return safeFileName(`${unit}_${names.shortName}反馈表_${compactDate(asOf)}`, 'xlsx');
}

export function returnFormsZipName(asOf: Day, units: number, names: Pick<PlanNames, 'shortName'>): string {
  return safeFileName(`${names.shortName}反馈表_${units}个单位_${compactDate(asOf)}`, 'zip');
}

export interface FormOptions {
  readonly ledgerId: string;
  readonly statuses: readonly string[];
  /** The ledger the model was read from: the form issues what its cells hold. */
  readonly ledger: Ledger;
  readonly directory?: UnitDirectory;
  /** The date the form is asked back by. */
  readonly returnBy?: Day;
}

/** The form for one unit: its tasks (lead and partner, collectives included) as the ledger holds them. */
export function returnFormSpec(model: SummaryModel, unit: string, options: FormOptions): ReturnFormSpec {
  const { ledger } = options;
  const lines = unitTaskLines(model, unit, options.directory);
  const issued = lines.map(({ task, role, viaCollective }): IssuedRow => {
    const text = (
      key: 'progressNote' | 'nextSteps' | 'contact' | 'phone' | 'extendReason' | 'extendApproved',
    ) => cellText(cellOf(ledger, task.row, key)).trim();
    const values: Record<FillableKey, string> = {
      status: task.knownStatus ?? task.status,
      progress: task.progress.kind === 'ok' ? String(task.progress.percent) : '',
      deadline: task.deadlineText,
      progressNote: text('progressNote'),
      problems: task.problems,
      nextSteps: text('nextSteps'),
      contact: text('contact'),
      phone: text('phone'),
      extendTo: task.extension?.text ?? '',
      extendReason: text('extendReason'),
      extendApproved: text('extendApproved'),
      evidence: task.evidence,
    };
    return {
      no: task.no as number,
      fingerprint: textFingerprint(task.task),
      role: role === '牵头' ? 'lead' : 'partner',
      units: task.unitsText,
      roleLabel: roleLabel(role, viaCollective),
      values,
    };
  });
  const rows: FormValues[] = lines.map(({ task }, i) => ({
    no: task.no ?? '',
    task: task.task,
    units: issued[i].units,
    role: issued[i].roleLabel,
    ...issued[i].values,
    progress: task.progress.kind === 'ok' ? task.progress.percent : '',
  }));
  const returnBy = options.returnBy === undefined ? '' : `请于${chineseDate(options.returnBy)}前`;
  return {
    fileName: returnFormFileName(unit, model.asOf, model.names),
    title: `${unit}重点任务推进情况反馈表（截至${chineseDate(model.asOf)}）`,
    instructions: [
      '白色单元格可填写，已填入台账现有内容，有变化的请直接修改，清空表示该项已不存在（如问题已解决）；灰色单元格不可修改。',
      `配合任务的状态、进度、完成时限由牵头单位填报，配合单位请在“进展情况”“存在问题”“下步计划”中补充本单位的意见。${returnBy}保存为.xlsx，原文件名发回。`,
      '不能按期完成的，请在完成时限前于“申请延期至”填写新的日期并在“延期理由”中说明（“延期批准”由督办单位填写）；已完成的请在“办结依据”中填写文号、链接或简要说明。',
    ],
    statuses: options.statuses,
    rows,
    meta: {
      version: FORM_VERSION,
      ledgerId: options.ledgerId,
      unit,
      asOf: isoDate(model.asOf),
      returnBy: options.returnBy === undefined ? '' : isoDate(options.returnBy),
      rows: issued,
    },
  };
}

/** A form cell as the file holds it, by its type: what a formula shows when it has a result. */
export type FormCell = (
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly format?: string }
  | { readonly kind: 'date'; readonly day: Day }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly text: string }
  /** A formula saved without its result (as openpyxl saves one): nothing to read. */
  | { readonly kind: 'no-result' }
) & { readonly formula?: string };

/** A form as read from a file: its metadata and its cells by column. */
export interface ReturnedForm {
  readonly fileName: string;
  readonly meta: FormMeta;
  /** The form's columns found by their headers; a column the unit deleted is not here. */
  readonly columns: readonly FormColumnKey[];
  readonly rows: readonly Readonly<Partial<Record<FormColumnKey, FormCell>>>[];
  /** What the unit wrote outside the form's columns (a column it added, a note beside the table). */
  readonly outside?: readonly OutsideCell[];
}

/** A filled cell in no column of the form: named, never imported. */
export interface OutsideCell {
  /** As the file has it: M5. */
  readonly address: string;
  /** The text above it in the header row ('' for none). */
  readonly header: string;
  /** The task of its row, when the row has one. */
  readonly no: number | null;
  readonly value: string;
}

/** A cell a sentence names: which task (null for a row the unit added), which column, what it held. */
export interface NamedCell {
  readonly no: number | null;
  readonly column: FormColumnKey;
  readonly value: string;
}

export type FormProblem =
  | {
      readonly kind: 'other-ledger';
      readonly cells: readonly NamedCell[];
      /** The sheet of the workbook's ledger the form belongs to, when the workbook holds it. */
      readonly sheet?: string;
    }
  | { readonly kind: 'unknown-unit'; readonly unit: string; readonly cells: readonly NamedCell[] }
  | { readonly kind: 'collective'; readonly unit: string; readonly cells: readonly NamedCell[] }
  | { readonly kind: 'tampered'; readonly no: number; readonly cells: readonly NamedCell[] }
  | { readonly kind: 'removed'; readonly no: number; readonly cells: readonly NamedCell[] }
  | {
      readonly kind: 'added';
      readonly no: string;
      readonly task: string;
      readonly cells: readonly NamedCell[];
    }
  | { readonly kind: 'status'; readonly no: number; readonly cells: readonly NamedCell[] }
  | { readonly kind: 'progress'; readonly no: number; readonly cells: readonly NamedCell[] }
  | { readonly kind: 'deadline'; readonly no: number; readonly cells: readonly NamedCell[] }
  /** 申请延期至 that is no date. */
  | { readonly kind: 'extension'; readonly no: number; readonly cells: readonly NamedCell[] }
  /** A formula without a result, an error value, TRUE/FALSE: nothing the ledger can take. */
  | { readonly kind: 'unreadable'; readonly no: number; readonly cells: readonly NamedCell[] }
  /** 责任单位 or 本单位角色 written over: the ledger's stand, the rest of the row is read. */
  | { readonly kind: 'locked-changed'; readonly no: number; readonly cells: readonly NamedCell[] }
  | { readonly kind: 'missing-column'; readonly column: FormColumnKey; readonly cells: readonly NamedCell[] }
  /** Cells outside the form's columns: the ledger has no place for them. */
  | {
      readonly kind: 'outside';
      readonly outside: readonly OutsideCell[];
      readonly cells: readonly NamedCell[];
    };

/** A cell the unit changed, as the ledger would take it. */
export interface ReturnedCell {
  readonly column: FillableKey;
  /** '' for a cell the unit emptied. */
  readonly value: CellValue;
  /** As the review shows it. */
  readonly shown: string;
  /** Set when the value is read one way but may mean another (进度 0.8). */
  readonly hint?: Bilingual;
}

/** What a unit changed for one task, after the checks: only cells that differ from what was issued. */
export interface ReportedTask {
  readonly no: number;
  readonly issued: IssuedRow;
  readonly changed: readonly ReturnedCell[];
}

export interface CheckedReturn {
  readonly fileName: string;
  readonly unit: string;
  readonly asOf: string;
  readonly problems: readonly FormProblem[];
  /** Rows of this ledger's tasks with the cells the unit changed; cells with a problem are left out. */
  readonly reported: readonly ReportedTask[];
  /** Filled cells the unit left exactly as issued: not a change of theirs. */
  readonly asIssued: number;
  /** The file cannot be used at all (another ledger's form, a unit the ledger does not know, a 统称). */
  readonly refused: boolean;
}

export interface CheckContext {
  readonly ledgerId: string;
  readonly statuses: readonly string[];
  /** Whether the ledger knows this unit (names or reaches it). */
  readonly knowsUnit: (unit: string) => boolean;
  /** Whether the name is a 统称 (各县（市）人民政府): not a mailbox, so no form of its own. */
  readonly isCollective?: (unit: string) => boolean;
}

/** What a cell shows, for a sentence or a comparison. */
export function formCellText(cell: FormCell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text.replace(/\r\n?/gu, '\n').trim();
    case 'number':
      return String(cell.value);
    case 'date':
      return isoDate(cell.day);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.text;
    case 'no-result':
      return cell.formula ? `=${cell.formula}` : '';
  }
}

const isFilled = (cell: FormCell | undefined) => formCellText(cell) !== '';

type Reading =
  | { readonly ok: true; readonly value: CellValue; readonly shown: string; readonly hint?: Bilingual }
  | {
      readonly ok: false;
      readonly problem: 'status' | 'progress' | 'deadline' | 'extension' | 'unreadable';
    };

interface ReadContext {
  readonly statuses: readonly string[];
  readonly formDay: Day | undefined;
}

const sameDeadline = (a: Deadline, b: Deadline) =>
  (a.kind === 'date' && b.kind === 'date' && a.day === b.day) ||
  (a.kind === 'open' && b.kind === 'open' && a.label === b.label) ||
  (a.kind === 'empty' && b.kind === 'empty');

/** A number in 完成时限 up to this is a year (2026); above it, a date serial. */
const MAX_YEAR = 9999;

const deadlineOptions = (formDay: Day | undefined) => ({
  today: formDay,
  defaultYear: formDay === undefined ? undefined : yearOf(formDay),
});

/** One cell read by its type for its column; an empty cell reads as ''. */
function readCell(key: FillableKey, cell: FormCell | undefined, context: ReadContext): Reading {
  const kind = cell?.kind ?? 'empty';
  if (kind === 'empty') return { ok: true, value: '', shown: '' };
  if (kind === 'error' || kind === 'no-result' || kind === 'boolean')
    return { ok: false, problem: 'unreadable' };
  const shown = formCellText(cell);
  if (!shown) return { ok: true, value: '', shown: '' };
  if (key === 'status') {
    if (kind !== 'text') return { ok: false, problem: 'status' };
    const check = checkStatus(shown, context.statuses);
    return check.kind === 'ok' || check.kind === 'variant'
      ? { ok: true, value: check.status, shown: check.status }
      : { ok: false, problem: 'status' };
  }
  if (key === 'progress') {
    if (cell?.kind === 'date') return { ok: false, problem: 'progress' };
    const raw = cell?.kind === 'number' ? cell.value : shown;
    const reading = readProgress(raw, cell?.kind === 'number' ? cell.format : undefined);
    if (reading.kind !== 'ok') return { ok: false, problem: 'progress' };
    const hint = fractionHint(reading, shown);
    return {
      ok: true,
      value: reading.percent,
      shown: String(reading.percent),
      ...(hint ? { hint: { zh: hint.zh, en: hint.en } } : {}),
    };
  }
  if (key === 'deadline') {
    // A date cell is that date, written as the ledger shows a date; a number or a text is read
    // by the deadline rules (2026 is a year; 上半年 and 11月底 by the form's 截至 date).
    if (cell?.kind === 'date') return { ok: true, value: shown, shown };
    const raw = cell?.kind === 'number' ? cell.value : shown;
    const reading = parseDeadline(raw, deadlineOptions(context.formDay));
    if (reading.kind === 'invalid' || reading.kind === 'empty') return { ok: false, problem: 'deadline' };
    // A number past any year is a date serial (46387): the review and the ledger show it as the
    // date it is, as a date cell would be, never as the bare number.
    if (typeof raw === 'number' && raw > MAX_YEAR && reading.kind === 'date') {
      const date = isoDate(reading.day);
      return { ok: true, value: date, shown: date };
    }
    return { ok: true, value: raw, shown };
  }
  if (key === 'extendTo') {
    // A day, as the ledger's 申请延期至 column holds one (yyyy-mm-dd); 2027年3月底 is that month's end.
    const raw = cell?.kind === 'date' ? shown : cell?.kind === 'number' ? cell.value : shown;
    const reading = parseDeadline(raw, deadlineOptions(context.formDay));
    if (reading.kind !== 'date') return { ok: false, problem: 'extension' };
    const date = isoDate(reading.day);
    return { ok: true, value: date, shown: date };
  }
  // 延期批准 is the office's decision: whatever a unit wrote there is kept as written, for the
  // review to name with how it reads (同意 as 是), and is never imported.
  if (key === 'extendApproved') return { ok: true, value: shown, shown };
  return { ok: true, value: shown, shown };
}

/** Whether what the unit returned is what the form issued, read the same way. */
function asIssued(key: FillableKey, reading: CellValue, issued: string, context: ReadContext): boolean {
  const now = cellText(reading).trim();
  if (now === issued.trim()) return true;
  if (key === 'progress') return now !== '' && issued !== '' && Number(now) === Number(issued);
  if (key === 'status') {
    const check = checkStatus(issued, context.statuses);
    return (check.kind === 'ok' || check.kind === 'variant') && check.status === now;
  }
  if (key === 'deadline' || key === 'extendTo') {
    const options = deadlineOptions(context.formDay);
    return sameDeadline(parseDeadline(reading, options), parseDeadline(issued, options));
  }
  if (key === 'extendApproved') {
    // 同意 where 是 was issued says the same; 待定 where nothing was issued is something new.
    const [then, now] = [approvalOf(issued), approvalOf(reading)];
    return !then.unclear && !now.unclear && then.approval === now.approval;
  }
  return false;
}

const text = (cell: FormCell | undefined) => formCellText(cell);

function taskNumber(cell: FormCell | undefined): number | null {
  if (cell?.kind === 'number') return Number.isInteger(cell.value) ? cell.value : null;
  const n = Number(text(cell));
  return text(cell) && Number.isInteger(n) ? n : null;
}

/** Every filled fillable cell of a row, named for a sentence. */
function filledCells(no: number | null, row: Partial<Record<FormColumnKey, FormCell>>): NamedCell[] {
  return FILLABLE_KEYS.filter((key) => isFilled(row[key])).map((column) => ({
    no,
    column,
    value: text(row[column]),
  }));
}

const LOCKED_TEXT: readonly FormColumnKey[] = ['units', 'role'];

/** The checks of one returned form, cell by cell; nothing here touches the ledger. */
export function checkReturn(form: ReturnedForm, context: CheckContext): CheckedReturn {
  const base = { fileName: form.fileName, unit: form.meta.unit, asOf: form.meta.asOf, asIssued: 0 };
  const everything = form.rows.flatMap((row) => filledCells(taskNumber(row.no), row));
  const refuse = (problem: FormProblem): CheckedReturn => ({
    ...base,
    problems: [problem],
    reported: [],
    refused: true,
  });
  if (form.meta.ledgerId !== context.ledgerId) return refuse({ kind: 'other-ledger', cells: everything });
  if (context.isCollective?.(form.meta.unit))
    return refuse({ kind: 'collective', unit: form.meta.unit, cells: everything });
  if (!context.knowsUnit(form.meta.unit))
    return refuse({ kind: 'unknown-unit', unit: form.meta.unit, cells: everything });

  const problems: FormProblem[] = [];
  for (const column of FORM_COLUMNS)
    if (
      !form.columns.includes(column.key) &&
      (form.meta.version >= 3 || !SINCE_VERSION_3.includes(column.key))
    )
      problems.push({ kind: 'missing-column', column: column.key, cells: [] });
  const reported: ReportedTask[] = [];
  const issuedRows = new Map(form.meta.rows.map((r) => [r.no, r]));
  const seen = new Set<number>();
  const read: ReadContext = { statuses: context.statuses, formDay: dayFromIso(form.meta.asOf) ?? undefined };
  let unchanged = 0;
  for (const row of form.rows) {
    const no = taskNumber(row.no);
    const issued = no === null ? undefined : issuedRows.get(no);
    if (no === null || !issued || seen.has(no)) {
      // A row of the unit's own, even one with neither 序号 nor task text: what it holds is named.
      const cells = filledCells(no, row);
      if (text(row.no) || text(row.task) || cells.length)
        problems.push({ kind: 'added', no: text(row.no), task: text(row.task), cells });
      continue;
    }
    seen.add(no);
    const present = FILLABLE_KEYS.filter((key) => form.columns.includes(key));
    if (textFingerprint(text(row.task)) !== issued.fingerprint) {
      // Which task the row means is no longer sure: what it says is named, not imported.
      const changedCells = present.filter((key) => !asIssued(key, text(row[key]), issued.values[key], read));
      unchanged += present.filter((key) => isFilled(row[key]) && !changedCells.includes(key)).length;
      problems.push({
        kind: 'tampered',
        no,
        cells: changedCells.map((column) => ({ no, column, value: text(row[column]) })),
      });
      continue;
    }
    const relabelled = LOCKED_TEXT.filter(
      (key) =>
        row[key] !== undefined &&
        issuedLocked(issued, key) !== '' &&
        text(row[key]) !== issuedLocked(issued, key),
    );
    if (relabelled.length)
      problems.push({
        kind: 'locked-changed',
        no,
        cells: relabelled.map((column) => ({ no, column, value: text(row[column]) })),
      });
    const changed: ReturnedCell[] = [];
    for (const key of present) {
      const reading = readCell(key, row[key], read);
      if (!reading.ok) {
        problems.push({ kind: reading.problem, no, cells: [{ no, column: key, value: text(row[key]) }] });
        continue;
      }
      if (asIssued(key, reading.value, issued.values[key], read)) {
        if (reading.shown !== '') unchanged++;
        continue;
      }
      changed.push({
        column: key,
        value: reading.value,
        shown: reading.shown,
        ...(reading.hint ? { hint: reading.hint } : {}),
      });
    }
    if (changed.length) reported.push({ no, issued, changed });
  }
  for (const no of issuedRows.keys()) if (!seen.has(no)) problems.push({ kind: 'removed', no, cells: [] });
  if (form.outside?.length) problems.push({ kind: 'outside', outside: form.outside, cells: [] });
  return { ...base, asIssued: unchanged, problems, reported, refused: false };
}

function issuedLocked(issued: IssuedRow, key: FormColumnKey): string {
  return (key === 'units' ? issued.units : issued.roleLabel).trim();
}

const quoted = (cells: readonly NamedCell[]) =>
  cells.map((c) => `${formHeader(c.column)}“${c.value || '（空）'}”`).join('、');
const quotedEn = (cells: readonly NamedCell[]) =>
  cells.map((c) => `${formHeader(c.column)} "${c.value || '(empty)'}"`).join(', ');

/** One sentence per problem, in both languages, naming every cell it leaves out and what it held. */
export function describeFormProblem(problem: FormProblem): Bilingual {
  const what = problem.cells.length ? `（${quoted(problem.cells)}）` : '';
  const whatEn = problem.cells.length ? ` (${quotedEn(problem.cells)})` : '';
  switch (problem.kind) {
    case 'other-ledger':
      return problem.sheet === undefined
        ? {
            zh: '这是另一份台账的反馈表，未导入。',
            en: 'This is a form of another ledger; not imported.',
          }
        : {
            zh: `这是工作表“${problem.sheet}”上另一方案台账的反馈表，未导入。请转到工作表“${problem.sheet}”再导入。`,
            en: `This is a form of the other plan's ledger on sheet ${problem.sheet}; not imported. Go to that sheet and import it there.`,
          };
    case 'unknown-unit':
      return {
        zh: `台账中已没有“${problem.unit}”的任务，未导入。`,
        en: `The ledger no longer has tasks of ${problem.unit}; not imported.`,
      };
    case 'collective':
      return {
        zh: `“${problem.unit}”是统称，不是一个单位：这些任务由其成员单位在各自的反馈表中填报，此表未导入。`,
        en: `${problem.unit} is a collective name, not a unit: its members report these tasks on their own forms. Not imported.`,
      };
    case 'tampered':
      return {
        zh: `第${problem.no}项的工作任务文字被改动，该行未导入${what}。`,
        en: `The task text of task ${problem.no} was changed; the row was not imported${whatEn}.`,
      };
    case 'removed':
      return {
        zh: `第${problem.no}项被单位删除，未反馈。`,
        en: `Task ${problem.no} was deleted from the form.`,
      };
    case 'added':
      return {
        zh: `单位新增了一行（${problem.no || '无序号'} ${problem.task.slice(0, 16)}），未导入${what}。`,
        en: `The unit added a row (${problem.no || 'no number'}); not imported${whatEn}.`,
      };
    case 'status':
      return {
        zh: `第${problem.no}项的状态“${problem.cells[0]?.value}”不在状态列表中，未导入。`,
        en: `Task ${problem.no}: status "${problem.cells[0]?.value}" is not in the list; not imported.`,
      };
    case 'progress':
      return {
        zh: `第${problem.no}项的进度“${problem.cells[0]?.value}”不是0–100的数字，未导入。`,
        en: `Task ${problem.no}: progress "${problem.cells[0]?.value}" is not a number from 0 to 100; not imported.`,
      };
    case 'deadline':
      return {
        zh: `第${problem.no}项的完成时限“${problem.cells[0]?.value}”无法识别，未导入。`,
        en: `Task ${problem.no}: the deadline "${problem.cells[0]?.value}" cannot be read; not imported.`,
      };
    case 'extension':
      return {
        zh: `第${problem.no}项的${quoted(problem.cells)}无法识别（申请延期至应为日期），未导入。`,
        en: `Task ${problem.no}: ${quotedEn(problem.cells)} cannot be read (申请延期至 takes a date); not imported.`,
      };
    case 'unreadable':
      return {
        zh: `第${problem.no}项的${quoted(problem.cells)}不是可读取的值（无结果的公式、错误值或逻辑值），未导入。`,
        en: `Task ${problem.no}: ${quotedEn(problem.cells)} is no value the ledger can take (a formula without a result, an error or TRUE/FALSE); not imported.`,
      };
    case 'locked-changed':
      return {
        zh: `第${problem.no}项的${quoted(problem.cells)}被改动，以台账为准，未导入；该行其他内容照常审核。`,
        en: `Task ${problem.no}: ${quotedEn(problem.cells)} was changed; the ledger's stands, the rest of the row is reviewed.`,
      };
    case 'missing-column':
      return {
        zh: `反馈表中没有“${formHeader(problem.column)}”列，该列未导入。`,
        en: `The form has no ${formHeader(problem.column)} column; nothing of it was imported.`,
      };
    case 'outside': {
      const each = (c: OutsideCell, lang: 'zh' | 'en') =>
        lang === 'zh'
          ? `${c.address}“${c.value}”${c.header || c.no !== null ? `（${[c.header && `“${c.header}”列`, c.no !== null && `第${c.no}项`].filter(Boolean).join('，')}）` : ''}`
          : `${c.address} "${c.value}"${c.header ? ` (column "${c.header}"${c.no !== null ? `, task ${c.no}` : ''})` : c.no !== null ? ` (task ${c.no})` : ''}`;
      return {
        zh: `单位在反馈表各栏之外写了内容，台账没有对应的列，未导入：${problem.outside.map((c) => each(c, 'zh')).join('、')}。如需保留，请手工抄入台账。`,
        en: `The unit wrote outside the form's columns, where the ledger has no column; not imported: ${problem.outside.map((c) => each(c, 'en')).join(', ')}. Copy them into the ledger by hand if needed.`,
      };
    }
  }
}
