// Progress over time. Each report keeps a snapshot of every task (status, progress, deadline,
// light) and of every indicator's actual value in the workbook's 进度快照 table, one block of
// rows per 截至 date. This module writes and reads those rows, and compares a report with an
// earlier one: what was completed, what fell behind, which units moved, and the trend of the
// completion rate over the report dates. Pure.
import {
  dayFromIso,
  dayFromSerial,
  isoDate,
  serialFromDay,
  chineseDate,
  type DateSystem,
  type Day,
} from './dates';
import { CHINESE_DATE_FORMAT } from './cellStyles';
import type { HealthLight } from './health';
import { indicatorLabel } from './indicators';
import { LIGHT_LABEL, lightWord } from './lightWords';
import { type CellValue } from './ledger';
import { STATUS_DONE, STATUS_LAGGING } from './statuses';
import { isBehind, type SummaryModel } from './summary';
import {
  column,
  layoutOf,
  placeRecord,
  readRecords,
  specLayout,
  valueIn,
  type TableLayout,
  type TableSpec,
} from './tableSpec';
import { cellText, matchKey } from './text';
import { tasksReaching } from './unitSelection';
import { FIRST_LEDGER_TABLE } from './planLedgers';
import type { UnitDirectory } from './units';

export type SnapshotColumn =
  'date' | 'no' | 'indicator' | 'status' | 'progress' | 'deadline' | 'light' | 'actual' | 'plan';

/** 进度快照: the add-in writes every column; a user's own columns beside them are kept. */
export const SNAPSHOT_SPEC: TableSpec<SnapshotColumn> = {
  table: 'ProgressSnapshots',
  sheet: '进度快照',
  columns: [
    column('date', '截至日期', CHINESE_DATE_FORMAT, 14, 'addin', ['截至', 'as of', 'date']),
    column('no', '序号', '0', 6, 'addin', ['编号', 'no', 'no.']),
    column('indicator', '指标', '@', 28, 'addin', ['indicator']),
    column('status', '状态', '@', 10, 'addin', ['status']),
    column('progress', '进度(%)', 'General', 8, 'addin', ['进度', 'progress']),
    column('deadline', '完成时限', '@', 14, 'addin', ['deadline']),
    column('light', '预警', '@', 8, 'addin', ['light']),
    column('actual', '完成值', 'General', 8, 'addin', ['actual']),
    // The plan's ledger table name: unique in the workbook and what pairs the plan with its part,
    // where the short name can be edited in 设置 and shared by two plans. Last, so a table made
    // before it gets it appended at its end; blank (or absent) is the first plan's.
    column('plan', '方案', '@', 16, 'addin', ['plan']),
  ],
};

export const SNAPSHOT_COLUMNS = SNAPSHOT_SPEC.columns;

export const SNAPSHOT_HEADERS: readonly string[] = SNAPSHOT_COLUMNS.map((c) => c.header);

/** How a light is written in the table, and read back: the words of the sheets and mails. */
const LIGHT_WORDS: Readonly<Record<HealthLight, string>> = {
  red: LIGHT_LABEL.red.zh,
  yellow: LIGHT_LABEL.yellow.zh,
  green: LIGHT_LABEL.green.zh,
  done: LIGHT_LABEL.done.zh,
  none: LIGHT_LABEL.none.zh,
};
const OVERDUE_WORD = lightWord({ light: 'red', overdue: true }).zh;
const LIGHTS_BY_WORD = new Map(
  Object.entries(LIGHT_WORDS).map(([light, word]) => [word, light as HealthLight]),
);

export interface TaskState {
  readonly no: number;
  readonly status: string;
  readonly done: boolean;
  readonly progress: number | null;
  readonly deadline: string;
  readonly light: HealthLight;
  readonly overdue: boolean;
  readonly behind: boolean;
}

export interface Snapshot {
  readonly date: Day;
  readonly tasks: ReadonlyMap<number, TaskState>;
  /** Actual values by indicator (序号 and the label the summaries use). */
  readonly indicators: ReadonlyMap<string, number | null>;
}

const indicatorId = (no: number, label: string) => `${no}|${matchKey(label)}`;

/** The snapshot a report takes of its model: every counted task and every indicator. */
export function snapshotOf(model: SummaryModel): Snapshot {
  const tasks = new Map<number, TaskState>();
  for (const t of model.tasks) {
    if (t.no === null) continue;
    tasks.set(t.no, {
      no: t.no,
      status: t.knownStatus ?? t.status,
      done: t.done,
      progress: t.progress.kind === 'ok' ? t.progress.percent : null,
      deadline: t.deadlineText,
      light: t.health.light,
      overdue: t.health.overdue,
      behind: isBehind(t.done, t.health.light, t.health.overdue, t.knownStatus),
    });
  }
  const indicators = new Map<string, number | null>();
  for (const line of model.indicators.lines)
    indicators.set(indicatorId(line.no, indicatorLabel(line, line.taskUnits)), line.actual);
  return { date: model.asOf, tasks, indicators };
}

/** The rows a snapshot adds to the table, in SNAPSHOT_COLUMNS order; the date as a date serial. */
export function snapshotRows(
  model: SummaryModel,
  dateSystem: DateSystem = '1900',
  /** The plan's ledger table (see the 方案 column). */
  plan: string = FIRST_LEDGER_TABLE,
): CellValue[][] {
  const date = serialFromDay(model.asOf, dateSystem);
  const snapshot = snapshotOf(model);
  const rows: CellValue[][] = [];
  for (const t of snapshot.tasks.values())
    rows.push([
      date,
      t.no,
      '',
      t.status,
      t.progress ?? '',
      t.deadline,
      t.overdue ? OVERDUE_WORD : LIGHT_WORDS[t.light],
      '',
      plan,
    ]);
  for (const line of model.indicators.lines)
    rows.push([date, line.no, indicatorLabel(line, line.taskUnits), '', '', '', '', line.actual ?? '', plan]);
  return rows;
}

export interface SnapshotTableInput {
  readonly header: readonly CellValue[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly dateSystem?: DateSystem;
  /** Whose rows are read: a plan's ledger table (the first plan's also owns rows naming none). */
  readonly plan?: string;
}

export interface SnapshotTable extends TableLayout<SnapshotColumn> {
  /** Every report kept, oldest first. */
  readonly snapshots: readonly Snapshot[];
  /** The data rows (indexes into the table) each date's snapshot occupies. */
  readonly rowsByDate: ReadonlyMap<Day, readonly number[]>;
  /** Rows that name no date or no task (a user's note, a blank row): kept, and not read. */
  readonly unread: number;
  /** Rows of other plans: neither read, compared nor replaced. */
  readonly otherPlans: number;
}

/** Whether a row's 方案 cell names the plan: a blank cell (or no column) is the first plan's. */
function ofPlan(cell: CellValue, plan: string): boolean {
  const named = cellText(cell).trim();
  // Excel compares table names case-insensitively.
  return (named || FIRST_LEDGER_TABLE).toLowerCase() === plan.toLowerCase();
}

function readDate(value: CellValue, system: DateSystem): Day | null {
  if (typeof value === 'number') return dayFromSerial(value, system);
  if (typeof value === 'string') return dayFromIso(value.trim());
  return null;
}

const numberOr = (value: CellValue): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** The 进度快照 table read by its headers: rows grouped by date into snapshots. */
export function readSnapshotTable(input: SnapshotTableInput): SnapshotTable {
  const system = input.dateSystem ?? '1900';
  const plan = input.plan ?? FIRST_LEDGER_TABLE;
  const layout = layoutOf(SNAPSHOT_SPEC, input.header);
  const at = (row: readonly CellValue[], key: SnapshotColumn): CellValue => valueIn(layout, row, key);
  const building = new Map<Day, { tasks: Map<number, TaskState>; indicators: Map<string, number | null> }>();
  const rowsByDate = new Map<Day, number[]>();
  let unread = 0;
  let otherPlans = 0;
  input.rows.forEach((row, index) => {
    if (!ofPlan(at(row, 'plan'), plan)) {
      otherPlans++;
      return;
    }
    const date = readDate(at(row, 'date'), system);
    const no = at(row, 'no');
    if (date === null || typeof no !== 'number' || !Number.isInteger(no) || no <= 0) {
      unread++;
      return;
    }
    const snapshot = building.get(date) ?? { tasks: new Map(), indicators: new Map() };
    building.set(date, snapshot);
    const list = rowsByDate.get(date) ?? [];
    list.push(index);
    rowsByDate.set(date, list);
    const indicator = cellText(at(row, 'indicator')).trim();
    if (indicator) {
      snapshot.indicators.set(indicatorId(no, indicator), numberOr(at(row, 'actual')));
      return;
    }
    const status = cellText(at(row, 'status')).trim();
    const word = cellText(at(row, 'light')).trim();
    const overdue = word === OVERDUE_WORD;
    const light: HealthLight = overdue ? 'red' : (LIGHTS_BY_WORD.get(word) ?? 'none');
    const done = status === STATUS_DONE;
    snapshot.tasks.set(no, {
      no,
      status,
      done,
      progress: numberOr(at(row, 'progress')),
      deadline: cellText(at(row, 'deadline')),
      light,
      overdue,
      behind: isBehind(done, light, overdue, status),
    });
  });
  return {
    snapshots: [...building.entries()]
      .sort(([a], [b]) => a - b)
      .map(([date, s]) => ({ date, tasks: s.tasks, indicators: s.indicators })),
    rowsByDate,
    unread,
    otherPlans,
    ...layout,
  };
}

/**
 * How a report's rows go into a table that already holds snapshots: our values under our
 * headers, and in the user's own columns what the user had typed on the same task's row of the
 * same date. The date's earlier rows are removed, except one holding the user's words for a
 * task this report no longer has: nothing the user typed is lost.
 */
export function replacementRows(
  existing: readonly (readonly CellValue[])[],
  table: SnapshotTable,
  rows: readonly (readonly CellValue[])[],
  date: Day,
): { placed: CellValue[][]; remove: number[] } {
  const ours = new Set(Object.values(table.columns));
  const theirs = Array.from({ length: table.width }, (_, i) => i).filter((i) => !ours.has(i));
  const keyOf = (no: CellValue, indicator: CellValue) => `${cellText(no)}|${matchKey(cellText(indicator))}`;
  const typed = new Map<string, { index: number; row: readonly CellValue[] }>();
  for (const index of table.rowsByDate.get(date) ?? []) {
    const row = existing[index] ?? [];
    if (theirs.some((i) => cellText(row[i] ?? '').trim() !== ''))
      typed.set(keyOf(valueIn(table, row, 'no'), valueIn(table, row, 'indicator')), { index, row });
  }
  const carried = new Set<number>();
  const placed = readRecords(SNAPSHOT_SPEC, specLayout(SNAPSHOT_SPEC), rows).map((record) => {
    const kept = typed.get(keyOf(record.no, record.indicator));
    if (kept) carried.add(kept.index);
    // The user's own cells of the row replaced come along; ours are all written anew.
    return placeRecord(table, record, kept ? kept.row.map((v, i) => (ours.has(i) ? '' : v)) : []);
  });
  const stays = new Set([...typed.values()].map((t) => t.index).filter((i) => !carried.has(i)));
  const remove = (table.rowsByDate.get(date) ?? []).filter((i) => !stays.has(i)).sort((a, b) => b - a);
  return { placed, remove };
}

/**
 * Why a task is on 本期变化, each a label its line carries. 滞后 means what the 状态 column and
 * the overview's 滞后 count mean: a status of 滞后. A light that turns yellow or red, or a
 * deadline passed, is a 预警 of its own kind, so a reader can count each sentence from the table.
 */
export type ChangeKind =
  'newlyDone' | 'newlyBehind' | 'newlyWarned' | 'newlyRed' | 'otherLight' | 'otherStatus' | 'gain';

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'newlyDone',
  'newlyBehind',
  'newlyWarned',
  'newlyRed',
  'otherLight',
  'otherStatus',
  'gain',
];

export const CHANGE_LABELS: Readonly<Record<ChangeKind, string>> = {
  newlyDone: '新完成',
  newlyBehind: '新增滞后',
  newlyWarned: '新增预警',
  newlyRed: '预警转红',
  otherLight: '预警变化',
  otherStatus: '状态变化',
  gain: '进度提升',
};

/** One field that moved: 状态 序时推进 → 已完成. */
export interface ChangePart {
  readonly field: '状态' | '预警' | '进度';
  readonly before: string;
  readonly now: string;
}

/** A task that changed, once, with every label that applies and every field that moved. */
export interface ChangeLine {
  readonly no: number;
  readonly task: string;
  readonly lead: string;
  readonly kinds: readonly ChangeKind[];
  readonly parts: readonly ChangePart[];
}

/** All of a line's changes on one line: 状态 序时推进 → 已完成，进度 60% → 100% */
export const changeText = (line: ChangeLine): string =>
  line.parts.map((p) => `${p.field} ${p.before} → ${p.now}`).join('，');

export interface UnitShift {
  readonly name: string;
  /** Completion share in the earlier report (of the unit's tasks that report had); null when it had none. */
  readonly before: number | null;
  readonly now: number;
}

export interface ReportChanges {
  /** The report compared with; null for a first report. */
  readonly previous: Day | null;
  /**
   * Each task that changed, once, in label order: every status or light change, and the tasks
   * whose only change is a rise in progress, the largest five of those.
   */
  readonly lines: readonly ChangeLine[];
  /** Lines carrying each label: what the sentence counts, so a reader can count it from the table. */
  readonly counts: Readonly<Record<ChangeKind, number>>;
  readonly units: readonly UnitShift[];
  /** One sentence for a mail: 本期新完成3项，新增滞后1项。 */
  readonly sentence: string;
}

const MOST_GAINS = 5;
const RED_WORDS = new Set([LIGHT_WORDS.red, OVERDUE_WORD]);
/** A light that warns: yellow, red, or a deadline passed. */
const WARNING_WORDS = new Set([LIGHT_WORDS.yellow, ...RED_WORDS]);
/** A task's 预警 as the sheets say it: 逾期, or its light. */
const lightOf = (t: TaskState) => (t.overdue ? OVERDUE_WORD : LIGHT_WORDS[t.light]);
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** What changed for one task between two reports, or null when nothing did. */
function changeOf(
  no: number,
  task: string,
  lead: string,
  now: TaskState,
  before: TaskState,
): (ChangeLine & { rise: number }) | null {
  const kinds: ChangeKind[] = [];
  const parts: ChangePart[] = [];
  const statusMoved = now.status !== before.status;
  if (statusMoved) parts.push({ field: '状态', before: before.status || '—', now: now.status || '—' });
  const lightNow = lightOf(now);
  const lightBefore = lightOf(before);
  if (!now.done && lightNow !== lightBefore)
    parts.push({ field: '预警', before: lightBefore, now: lightNow });
  const rise = now.progress === null ? 0 : now.progress - (before.progress ?? 0);
  if (now.progress !== null && rise !== 0)
    parts.push({ field: '进度', before: `${before.progress ?? 0}%`, now: `${now.progress}%` });
  const lagging = now.status === STATUS_LAGGING && before.status !== STATUS_LAGGING;
  const warnedNow = WARNING_WORDS.has(lightNow);
  const warnedBefore = WARNING_WORDS.has(lightBefore);
  if (now.done && !before.done) kinds.push('newlyDone');
  if (!now.done && lagging) kinds.push('newlyBehind');
  if (!now.done && warnedNow && !warnedBefore) kinds.push('newlyWarned');
  else if (!now.done && warnedBefore && RED_WORDS.has(lightNow) && !RED_WORDS.has(lightBefore))
    kinds.push('newlyRed');
  // Any other light that moved (红灯 → 逾期, a light eased by an approved extension): listed too.
  else if (!now.done && lightNow !== lightBefore) kinds.push('otherLight');
  if (statusMoved && !kinds.includes('newlyDone') && !kinds.includes('newlyBehind'))
    kinds.push('otherStatus');
  if (rise > 0) kinds.push('gain');
  return kinds.length ? { no, task, lead, kinds, parts, rise } : null;
}

/** What changed between an earlier report and this one, task by task and unit by unit. */
export function compareReports(
  model: SummaryModel,
  current: Snapshot,
  previous: Snapshot | null,
  directory?: UnitDirectory,
): ReportChanges {
  const changed: (ChangeLine & { rise: number })[] = [];
  if (previous) {
    for (const t of model.tasks) {
      if (t.no === null) continue;
      const now = current.tasks.get(t.no);
      const before = previous.tasks.get(t.no);
      if (!now || !before) continue;
      const line = changeOf(t.no, t.task, t.lead, now, before);
      if (line) changed.push(line);
    }
  }
  // A task whose only change is a rise in progress is listed among the five largest rises.
  const onlyGain = (l: ChangeLine) => l.kinds.length === 1 && l.kinds[0] === 'gain';
  const gains = new Set(
    changed
      .filter(onlyGain)
      .sort((a, b) => b.rise - a.rise || a.no - b.no)
      .slice(0, MOST_GAINS),
  );
  const rank = (l: ChangeLine) => CHANGE_KINDS.indexOf(l.kinds[0]);
  const lines: ChangeLine[] = changed
    .filter((l) => !onlyGain(l) || gains.has(l))
    .sort((a, b) => rank(a) - rank(b) || (onlyGain(a) ? b.rise - a.rise : 0) || a.no - b.no)
    .map(({ rise: _rise, ...line }) => line);
  const counts = Object.fromEntries(
    CHANGE_KINDS.map((kind) => [kind, lines.filter((l) => l.kinds.includes(kind)).length]),
  ) as Record<ChangeKind, number>;
  const units = model.units.map((u) => {
    const numbers = tasksReaching(model.tasks, [u.name], { directory }).map((t) => t.no);
    const earlier = previous ? numbers.filter((no) => previous.tasks.has(no)) : [];
    const doneBefore = earlier.filter((no) => previous?.tasks.get(no)?.done).length;
    const doneNow = numbers.filter((no) => current.tasks.get(no)?.done).length;
    return {
      name: u.name,
      before: previous && earlier.length ? share(doneBefore, earlier.length) : null,
      now: share(doneNow, numbers.length),
    };
  });
  const more = (['newlyWarned', 'newlyRed', 'otherLight', 'otherStatus'] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `，${CHANGE_LABELS[kind]}${counts[kind]}项`)
    .join('');
  const sentence = previous
    ? `与上期（${chineseDate(previous.date)}）相比，本期新完成${counts.newlyDone}项，新增滞后${counts.newlyBehind}项${more}。`
    : '本期为首次报告，暂无上期报告可比。';
  return { previous: previous?.date ?? null, lines, counts, units, sentence };
}

export interface TrendPoint {
  readonly date: Day;
  readonly total: number;
  readonly done: number;
  readonly rate: number;
}

/**
 * The completion rate at each report date up to this one (this report in place of one kept for
 * the same date); of some tasks only, for a unit's own trend.
 */
export function completionTrend(
  snapshots: readonly Snapshot[],
  current: Snapshot,
  only?: ReadonlySet<number>,
): TrendPoint[] {
  const points = [...snapshots.filter((s) => s.date < current.date), current];
  return points.map((s) => {
    let total = 0;
    let done = 0;
    for (const t of s.tasks.values()) {
      if (only && !only.has(t.no)) continue;
      total++;
      if (t.done) done++;
    }
    return { date: s.date, total, done, rate: share(done, total) };
  });
}

export interface ReportHistory {
  readonly current: Snapshot;
  readonly changes: ReportChanges;
  readonly trend: readonly TrendPoint[];
  /** The snapshots kept before this report (for a unit's own trend). */
  readonly earlier: readonly Snapshot[];
}

/** The dates a compare-with choice may name: the reports kept before this one, latest first. */
export function earlierReports(table: SnapshotTable | null, asOf: Day): Day[] {
  return (table?.snapshots ?? [])
    .map((s) => s.date)
    .filter((d) => d < asOf)
    .reverse();
}

/**
 * This report's place in the history: compared with the report chosen (when it is earlier than
 * this one), else the latest earlier one.
 */
export function reportHistory(
  model: SummaryModel,
  table: SnapshotTable | null,
  options: { readonly compareWith?: Day; readonly directory?: UnitDirectory } = {},
): ReportHistory {
  const current = snapshotOf(model);
  const earlier = (table?.snapshots ?? []).filter((s) => s.date < current.date);
  const chosen =
    options.compareWith === undefined ? undefined : earlier.find((s) => s.date === options.compareWith);
  const previous = chosen ?? earlier[earlier.length - 1] ?? null;
  return {
    current,
    changes: compareReports(model, current, previous, options.directory),
    trend: completionTrend(earlier, current),
    earlier,
  };
}

/** A date as the trend tables show it (text, so a chart reads it as a category). */
export const reportDateLabel = (day: Day) => isoDate(day);

/** What differs between the ledger now and the report kept for the same 截至 date. */
export interface ChangedSinceReport {
  /** 序号 of the tasks whose status, progress, deadline or light differ (or that came or went). */
  readonly tasks: readonly number[];
  /** How many indicators' 完成值 differ. */
  readonly indicators: number;
}

const sameState = (a: TaskState, b: TaskState) =>
  a.status === b.status &&
  a.progress === b.progress &&
  a.deadline.trim() === b.deadline.trim() &&
  a.light === b.light &&
  a.overdue === b.overdue;

/**
 * Whether the ledger changed after the summary sheets of this model's date were made: anything
 * drafted now from the ledger (the 通报) would then disagree with those sheets. Null when no
 * report of that date is kept.
 */
export function changedSinceReport(
  model: SummaryModel,
  table: SnapshotTable | null,
): ChangedSinceReport | null {
  const kept = table?.snapshots.find((s) => s.date === model.asOf);
  if (!kept) return null;
  const now = snapshotOf(model);
  const numbers = new Set([...now.tasks.keys(), ...kept.tasks.keys()]);
  const tasks = [...numbers]
    .filter((no) => {
      const a = now.tasks.get(no);
      const b = kept.tasks.get(no);
      return !a || !b || !sameState(a, b);
    })
    .sort((a, b) => a - b);
  const ids = new Set([...now.indicators.keys(), ...kept.indicators.keys()]);
  const indicators = [...ids].filter((id) => now.indicators.get(id) !== kept.indicators.get(id)).length;
  return { tasks, indicators };
}
