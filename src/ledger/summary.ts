// The summary model: totals by status, 完成率, overdue and red-light counts, one row per
// unit, the behind-schedule list and any unit's own tasks. Single pass over the tasks.
import { sheetRowNumber, TABLE_AT_A1, type SheetPlace } from './addresses';
import { chineseDate, type Day } from './dates';
import type { Deadline } from './deadlines';
import { extensionNote, isExtended } from './extensions';
import type { HealthLight } from './health';
import { shareOf } from './indicators';
import type { Ledger } from './ledger';
import { absentTasks, type AbsentTask, type OfficialMatching } from './officialMatch';
import { officialFor, officialList, validateLedger, type Finding, type ValidateOptions } from './validation';
import { DEFAULT_STATUSES, STATUS_LAGGING } from './statuses';
import { ledgerTasks, type LedgerTask, type NumberedTask, type ReadOptions } from './tasks';
import { reachCache, tasksReaching, unitTaskCounts } from './unitSelection';
import { planNames, type PlanNames } from './plan';
import { matchKey } from './text';
import { indexFor, type UnitDirectory, type UnitKind } from './units';

export interface StatusCount {
  readonly status: string;
  readonly count: number;
  readonly share: number;
}

export interface UnitSummaryRow {
  readonly name: string;
  readonly kind: UnitKind | 'unknown';
  readonly led: number;
  readonly joined: number;
  readonly total: number;
  readonly byStatus: readonly number[];
  readonly other: number;
  readonly overdue: number;
  readonly completionRate: number;
}

export interface BehindRow {
  readonly no: number | null;
  readonly task: string;
  readonly lead: string;
  readonly deadline: string;
  /** The 完成时限 when it names a day (a date cell, 2026-09-30): the sheets show it as a date. */
  readonly deadlineDay: Day | null;
  readonly status: string;
  readonly light: HealthLight;
  readonly overdue: boolean;
  readonly behind: number | null;
  readonly problems: string;
  /** The task's extension as the lists say it (申请中（延期至…）, 已批准（…）), '' when none was asked for. */
  readonly extension: string;
}

/** A row the summaries leave out, because its 序号 cannot tell it apart from another. */
export interface LeftOutRow {
  /** Excel's row number. */
  readonly sheetRow: number;
  readonly reason: 'no-number' | 'repeated-number';
  readonly no: number | null;
  readonly task: string;
}

/** One indicator as a summary shows it. */
export interface IndicatorLine {
  readonly no: number;
  readonly name: string;
  readonly owner: string;
  /** The task's lead unit, to tell a member's indicator (owner) from the task's own. */
  readonly taskUnits: string;
  readonly target: number | null;
  readonly actual: number | null;
  readonly share: number | null;
  readonly measure: string;
}

/**
 * One indicator carried in parts (each county's 老年大学): the parts' targets and actuals added
 * up. Only lines of the same indicator, same task, name and measure, are added: 新增企业 and
 * 建设基地 share the measure 个 but not a meaning, and their sum would be no figure at all; two
 * tasks naming the same object set two targets, which may overlap.
 */
export interface IndicatorTotal {
  readonly name: string;
  readonly measure: string;
  /** The lines added up, at least two. */
  readonly count: number;
  /** Whether each line is another unit's: the total is then named as that many units'. */
  readonly byUnit: boolean;
  readonly target: number;
  /** Lines with a 完成值. */
  readonly reported: number;
  /** The reported 完成值 added up; null while none is reported. */
  readonly actual: number | null;
  /** actual ÷ target once every line is reported; null before (a missing part is not a zero). */
  readonly share: number | null;
  /** Index in `lines` of its last line: lists put the total right under it. */
  readonly after: number;
}

export interface IndicatorSummary {
  /** False when the workbook has no 指标 table (or it was not read). */
  readonly present: boolean;
  readonly lines: readonly IndicatorLine[];
  readonly totals: readonly IndicatorTotal[];
  /** Indicators with a 完成值, and those at or above their target. */
  readonly reported: number;
  readonly met: number;
}

export interface SummaryModel {
  readonly asOf: Day;
  readonly statuses: readonly string[];
  readonly total: number;
  readonly byStatus: readonly StatusCount[];
  /** Tasks whose status is empty or not in the list. */
  readonly otherStatus: number;
  readonly completed: number;
  readonly completionRate: number;
  readonly overdue: number;
  /** Tasks whose extension was approved (延期批准 = 是): their light follows the new date. */
  readonly extended: number;
  readonly lights: Readonly<Record<HealthLight, number>>;
  readonly units: readonly UnitSummaryRow[];
  readonly behind: readonly BehindRow[];
  /** The tasks every summary counts: one row per 序号, the first of each, in sheet order. */
  readonly tasks: readonly LedgerTask[];
  readonly leftOut: readonly LeftOutRow[];
  /** Official tasks of a ledger meant to hold the whole plan that no row holds (deleted, moved out). */
  readonly absent: readonly AbsentTask[];
  readonly indicators: IndicatorSummary;
  /** What the summaries, files and mails call the plan: the workbook's own. */
  readonly names: PlanNames;
}

/** The day a 完成时限 names, when it names one (not a month's or a year's end, not 长期). */
export function exactDay(deadline: Deadline): Day | null {
  return deadline.kind === 'date' && deadline.precision === 'day' ? deadline.day : null;
}

/**
 * A 完成时限 as the summary sheets show it: a day as 2026年9月30日 however it was typed
 * (2026/9/30, 2026-09-30, 2026.9.30), anything else (2026年底前, 长期) as written.
 */
export const deadlineLabel = (text: string, day: Day | null) => (day === null ? text : chineseDate(day));

/** A 完成时限 with its extension after it: the original deadline stays, and both show. */
const withExtension = (text: string, day: Day | null, extension: string): string =>
  [deadlineLabel(text, day), extension].filter(Boolean).join('；');

/** A behind row's 完成时限 with its extension after it. */
export const behindDeadline = (b: BehindRow): string => withExtension(b.deadline, b.deadlineDay, b.extension);

/** The extension of a task as every list says it (申请中（延期至…）, 已批准（…）), '' when none was asked for. */
export const taskExtension = (t: LedgerTask): string => extensionNote(t.extension, t.deadline)?.zh ?? '';

/** A task's 完成时限 with its extension after it, as the behind list shows it: for a unit's sheet and mail. */
export const taskDeadline = (t: LedgerTask): string =>
  withExtension(t.deadlineText, exactDay(t.deadline), taskExtension(t));

/** On the behind-schedule list: not done, and lit yellow or red, overdue, or marked 滞后. */
export function isBehind(
  done: boolean,
  light: HealthLight,
  overdue: boolean,
  status: string | null,
): boolean {
  return !done && (overdue || light === 'red' || light === 'yellow' || status === STATUS_LAGGING);
}

/**
 * One reading of the tasks for every summary, so the overview, the per-unit table and each
 * unit's sheet agree: a row counts once its 序号 is a whole number not used by an earlier row.
 * The others are left out of every count and listed, never silently dropped.
 */
export function countedTasks(
  tasks: readonly LedgerTask[],
  place: SheetPlace = TABLE_AT_A1,
): { counted: LedgerTask[]; leftOut: LeftOutRow[] } {
  // Indexed by 序号, not a set: they are mostly 1…N, and it is asked for every row.
  const seen: (true | undefined)[] = [];
  const counted: LedgerTask[] = [];
  const leftOut: LeftOutRow[] = [];
  // Indexed loops over the rows in this module: a for…of allocates a step object per row
  // until the function is optimized, and a 100,000-row ledger runs most of a pass before that.
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    const reason = t.no === null ? 'no-number' : seen[t.no] ? 'repeated-number' : null;
    if (reason) leftOut.push({ sheetRow: sheetRowNumber(place, t.row), reason, no: t.no, task: t.task });
    else {
      seen[t.no as number] = true;
      counted.push(t);
    }
  }
  return { counted, leftOut };
}

const KIND_ORDER: Record<UnitKind | 'unknown', number> = {
  department: 0,
  government: 1,
  school: 2,
  enterprise: 3,
  collective: 4,
  unknown: 5,
};

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** `allTasks` and their official pairing may be passed when the caller already has them (analyzeLedger does). */
export function summarize(
  ledger: Ledger,
  options: ReadOptions & Pick<ValidateOptions, 'official'>,
  allTasks: readonly LedgerTask[] = ledgerTasks(ledger, options),
  official: OfficialMatching | null = officialFor(allTasks, options.official, options.plan),
): SummaryModel {
  const { counted: tasks, leftOut } = countedTasks(allTasks, options.place);
  const statuses = options.statuses ?? DEFAULT_STATUSES;
  const statusIndex = new Map(statuses.map((s, i) => [s, i]));
  const counts = statuses.map(() => 0);
  let other = 0;
  let overdue = 0;
  let extended = 0;
  let completed = 0;
  const lights: Record<HealthLight, number> = { green: 0, yellow: 0, red: 0, done: 0, none: 0 };
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    const i = t.knownStatus === null ? undefined : statusIndex.get(t.knownStatus);
    if (i === undefined) other++;
    else counts[i]++;
    if (t.health.overdue) overdue++;
    if (isExtended(t.extension)) extended++;
    if (t.done) completed++;
    lights[t.health.light]++;
  }
  const index = indexFor(options.directory);
  const units = unitRows(tasks, statusIndex, statuses.length, options)
    .filter((u) => u.total > 0)
    .sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || directoryOrder(a.name) - directoryOrder(b.name),
    );

  function directoryOrder(name: string): number {
    const i = index.directory.units.findIndex((u) => u.name === name);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  }

  const behind: BehindRow[] = tasks
    .filter((t) => isBehind(t.done, t.health.light, t.health.overdue, t.knownStatus))
    .map((t) => ({
      no: t.no,
      task: t.task,
      lead: t.lead,
      deadline: t.deadlineText,
      deadlineDay: exactDay(t.deadline),
      status: t.status,
      light: t.health.light,
      overdue: t.health.overdue,
      behind: t.health.behind,
      problems: t.problems,
      extension: taskExtension(t),
    }));

  return {
    asOf: options.asOf,
    statuses,
    total: tasks.length,
    byStatus: statuses.map((status, i) => ({
      status,
      count: counts[i],
      share: share(counts[i], tasks.length),
    })),
    otherStatus: other,
    completed,
    completionRate: share(completed, tasks.length),
    overdue,
    extended,
    lights,
    units,
    behind,
    tasks,
    leftOut,
    absent: absentTasks(
      ledger,
      official,
      officialList(options.official, options.plan),
      options.place ?? TABLE_AT_A1,
    ),
    indicators: indicatorSummary(tasks, options.indicators !== undefined && options.indicators !== null),
    names: planNames(options.plan),
  };
}

/** The counted tasks' indicators in task order, with a total for each indicator carried in parts. */
export function indicatorSummary(tasks: readonly LedgerTask[], present: boolean): IndicatorSummary {
  // A loop, not flatMap: most tasks have no indicator, and each would make an empty array.
  const lines: IndicatorLine[] = [];
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    if (t.no === null) continue;
    for (let j = 0; j < t.indicators.length; j++) {
      const ind = t.indicators[j];
      lines.push({
        no: t.no,
        name: ind.name,
        owner: ind.owner,
        taskUnits: t.unitsText,
        target: ind.target,
        actual: ind.actual.kind === 'ok' ? ind.actual.value : null,
        share: shareOf(ind),
        measure: ind.measure,
      });
    }
  }
  return {
    present,
    lines,
    totals: indicatorTotals(lines),
    reported: lines.filter((l) => l.actual !== null).length,
    met: lines.filter((l) => l.share !== null && l.share >= 1).length,
  };
}

/** The totals of the indicators that two or more lines carry (same task, name and measure), in list order. */
export function indicatorTotals(lines: readonly IndicatorLine[]): IndicatorTotal[] {
  const parts = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (line.target === null || !line.name) return;
    const key = `${line.no}|${matchKey(line.name)}|${matchKey(line.measure)}`;
    const list = parts.get(key);
    if (list) list.push(i);
    else parts.set(key, [i]);
  });
  const out: IndicatorTotal[] = [];
  for (const indexes of parts.values()) {
    if (indexes.length < 2) continue;
    const carried = indexes.map((i) => lines[i]);
    const reported = carried.filter((l) => l.actual !== null);
    const target = carried.reduce((a, l) => a + (l.target ?? 0), 0);
    const actual = reported.length ? reported.reduce((a, l) => a + (l.actual ?? 0), 0) : null;
    const owners = new Set(carried.map((l) => matchKey(l.owner || l.taskUnits)));
    out.push({
      name: carried[0].name,
      measure: carried[0].measure,
      count: carried.length,
      byUnit: owners.size === carried.length,
      target,
      reported: reported.length,
      actual,
      share: actual !== null && reported.length === carried.length ? share(actual, target) : null,
      after: indexes[indexes.length - 1],
    });
  }
  return out.sort((a, b) => a.after - b.after);
}

/** How a total is named wherever it is listed: 老年大学合计（5个单位，已填报1个）. */
export function indicatorTotalLabel(total: IndicatorTotal): string {
  const parts = total.byUnit ? `${total.count}个单位` : `${total.count}项`;
  const partial =
    total.reported < total.count ? `，已填报${total.reported}${total.byUnit ? '个' : '项'}` : '';
  return `${total.name}合计（${parts}${partial}）`;
}

/**
 * Per-unit tallies in one pass: each task adds itself to every unit its 责任单位 reach
 * (directly or through a collective), as led when the unit is reached as lead.
 */
function unitRows(
  tasks: readonly LedgerTask[],
  statusIndex: ReadonlyMap<string, number>,
  statusCount: number,
  options: ReadOptions,
): UnitSummaryRow[] {
  const reachFor = reachCache(options.directory);
  type Tally = {
    led: number;
    joined: number;
    byStatus: number[];
    other: number;
    overdue: number;
    done: number;
  };
  const tallies = new Map<string, Tally>();
  const tallyOf = (name: string) => {
    let tally = tallies.get(name);
    if (!tally) {
      tally = {
        led: 0,
        joined: 0,
        byStatus: Array.from({ length: statusCount }, () => 0),
        other: 0,
        overdue: 0,
        done: 0,
      };
      tallies.set(name, tally);
    }
    return tally;
  };
  // Each distinct 责任单位 text resolves once to the tallies it feeds.
  const plans = new Map<string, { tally: Tally; lead: boolean }[]>();
  const planFor = (text: string) => {
    let plan = plans.get(text);
    if (!plan) {
      plan = [...reachFor(text)].map(([name, roles]) => ({
        tally: tallyOf(name),
        lead: roles.lead !== undefined,
      }));
      plans.set(text, plan);
    }
    return plan;
  };
  // The 统称 the tasks name themselves: the shared 单位名录 also holds other plans' 统称, which
  // reach this plan only through members it names (those are listed under their own names).
  const named = new Set<string>();
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    const i = t.knownStatus === null ? undefined : statusIndex.get(t.knownStatus);
    for (let j = 0; j < t.units.length; j++) named.add(t.units[j].name);
    const plan = planFor(t.unitsText);
    for (let j = 0; j < plan.length; j++) {
      const { tally, lead } = plan[j];
      if (lead) tally.led++;
      else tally.joined++;
      if (i === undefined) tally.other++;
      else tally.byStatus[i]++;
      if (t.health.overdue) tally.overdue++;
      if (t.done) tally.done++;
    }
  }
  const kinds = new Map(unitTaskCounts([], options.directory).map((c) => [c.name, c.kind] as const));
  return [...tallies.entries()]
    .filter(([name]) => kinds.get(name) !== 'collective' || named.has(name))
    .map(([name, t]) => ({
      name,
      kind: kinds.get(name) ?? 'unknown',
      led: t.led,
      joined: t.joined,
      total: t.led + t.joined,
      byStatus: t.byStatus,
      other: t.other,
      overdue: t.overdue,
      completionRate: share(t.done, t.led + t.joined),
    }));
}

/** One unit's own tasks (any role, collectives included), in sheet order. */
export function unitTasks(
  model: SummaryModel,
  unit: string,
  options: Pick<ReadOptions, 'directory'> = {},
): NumberedTask[] {
  return tasksReaching(model.tasks, [unit], { directory: options.directory });
}

export interface Analysis {
  readonly tasks: readonly LedgerTask[];
  readonly findings: readonly Finding[];
  readonly summary: SummaryModel;
}

/** Validation and summary over one reading of the rows and one pairing with the official tasks: what the task pane shows at once. */
export function analyzeLedger(ledger: Ledger, options: ValidateOptions): Analysis {
  const tasks = ledgerTasks(ledger, options);
  const official = officialFor(tasks, options.official, options.plan);
  return {
    tasks,
    findings: validateLedger(ledger, options, tasks, official),
    summary: summarize(ledger, options, tasks, official),
  };
}

/**
 * A unit's own indicators: those its 责任单位 reach, and all of a task it leads by name (市教育局
 * sees each county's 老年大学; 梨树县 sees its own, not 双辽市's).
 */
export function unitIndicatorLines(
  model: SummaryModel,
  unit: string,
  directory?: UnitDirectory,
): IndicatorLine[] {
  const reach = reachCache(directory);
  const leads = new Map(model.tasks.map((t) => [t.no, t.units.filter((u) => u.role === 'lead')]));
  return model.indicators.lines.filter(
    (l) =>
      reach(l.owner || l.taskUnits).has(unit) ||
      (l.owner !== l.taskUnits && (leads.get(l.no) ?? []).some((u) => u.name === unit)),
  );
}
