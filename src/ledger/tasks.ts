// Ledger rows read as tasks: the interpretation that validation, selection, the pane's list
// and the summaries share, so they never disagree about a row.
import type { SheetPlace } from './addresses';
import { yearOf, type DateSystem, type Day } from './dates';
import { parseDeadline, shownDeadline, type Deadline } from './deadlines';
import { currentDeadline, readExtension, type Extension } from './extensions';
import { graverHealth, healthOf, reportedLag, type Health } from './health';
import { indicatorsByTask, shareOf, type Indicator, type IndicatorTable } from './indicators';
import { isBlankRow, type CellValue, type Ledger } from './ledger';
import { memoize } from './memo';
import { readProgress, type ProgressReading } from './progress';
import { leadNames, parseResponsibleUnits, type ParsedUnit } from './responsibleUnits';
import { checkStatus, DEFAULT_STATUSES, STATUS_DONE, STATUS_LAGGING, STATUS_NOT_STARTED } from './statuses';
import { cellText } from './text';
import { planStartDay, type Plan } from './plan';
import type { UnitDirectory } from './units';

export interface ReadOptions {
  readonly asOf: Day;
  readonly statuses?: readonly string[];
  readonly directory?: UnitDirectory;
  readonly dateSystem?: DateSystem;
  /** Where the table is on its sheet, so messages and lists cite Excel's row numbers. */
  readonly place?: SheetPlace;
  /** The workbook's 指标 table: null when it has none, omitted when it was not read. */
  readonly indicators?: IndicatorTable | null;
  /** The workbook's own plan: its tasks are the official wording, its names the summaries'. The built-in plan when omitted. */
  readonly plan?: Plan;
}

export interface LedgerTask {
  /** Data-row index in the table. */
  readonly row: number;
  readonly no: number | null;
  readonly task: string;
  readonly unitsText: string;
  readonly units: readonly ParsedUnit[];
  /** Every lead unit, joined with 、 (leadNames). */
  readonly lead: string;
  /** The status as written; '' when empty. */
  readonly status: string;
  /** The listed status the cell means (a spacing variant counts), or null. */
  readonly knownStatus: string | null;
  readonly done: boolean;
  readonly progress: ProgressReading;
  readonly deadline: Deadline;
  /** The deadline as the user sees it: a date cell as a date, never its serial number. */
  readonly deadlineText: string;
  /** 申请延期至 and what goes with it; null when no extension was asked for. */
  readonly extension: Extension | null;
  /** The deadline the light uses: an approved extension's date, else 完成时限 (which stays in its cell). */
  readonly current: Deadline;
  /** 办结依据: a document number, a link or a short note. */
  readonly evidence: string;
  readonly health: Health;
  readonly problems: string;
  /** The rows of the 指标 table that belong to this task (by 序号). */
  readonly indicators: readonly Indicator[];
}

/** A task with a whole 序号: the only kind the pane can address (filter, set a status). */
export type NumberedTask = LedgerTask & { readonly no: number };

export function isNumbered(task: LedgerTask): task is NumberedTask {
  return task.no !== null;
}

const NO_PROGRESS: ProgressReading = { kind: 'ok', percent: 0, source: 'number' };
const NO_INDICATORS: readonly Indicator[] = [];

/**
 * The light an indicator gives a task: its least-achieved reported indicator read as 进度, by
 * the same rule. Indicators nobody has reported on yet give none.
 */
function indicatorHealth(
  indicators: readonly Indicator[],
  done: boolean,
  deadline: Deadline,
  asOf: Day,
  start: Day | undefined,
): Health | null {
  let worst: { name: string; share: number } | null = null;
  for (const ind of indicators) {
    const share = shareOf(ind);
    if (share !== null && (worst === null || share < worst.share)) worst = { name: ind.name, share };
  }
  if (worst === null) return null;
  const percent = Math.min(100, Math.round(worst.share * 1000) / 10);
  const health = healthOf({
    done,
    deadline,
    progress: { kind: 'ok', percent, source: 'number' },
    asOf,
    start,
  });
  return { ...health, indicator: worst };
}

export function readTaskNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  return null;
}

/** Every non-blank data row as a task, in sheet order. */
export function ledgerTasks(ledger: Ledger, options: ReadOptions): LedgerTask[] {
  const statuses = options.statuses ?? DEFAULT_STATUSES;

  // Ledgers repeat the same few texts in a column: parse each distinct value once.
  // A 责任单位 text's units and its lead, read together: one look-up a row.
  const unitsOf = memoize((text: string) => {
    const units = parseResponsibleUnits(text, options.directory);
    return { units, lead: leadNames(units) };
  });
  const knownStatusOf = memoize((status: string) => {
    const check = checkStatus(status, statuses);
    return check.kind === 'ok' || check.kind === 'variant' ? check.status : null;
  });
  // 序时进度 counts from the plan's 起始日期 where it has one; a deadline without a year (上半年)
  // falls in the as-of year, or in the plan's first year when it begins later.
  const start = planStartDay(options.plan);
  const defaultYear = Math.max(yearOf(options.asOf), start === undefined ? 0 : yearOf(start));
  const deadlineOf = memoize((raw: CellValue) =>
    parseDeadline(raw, { dateSystem: options.dateSystem, defaultYear, today: options.asOf }),
  );
  // Readings and lights are values: rows with equal inputs share one object. Caches are
  // nested functions rather than maps filled through callbacks, so a row allocates nothing here.
  const progressOf = memoize((format: string | undefined) =>
    memoize((value: CellValue) => readProgress(value, format)),
  );

  const healthOfPair = memoize((deadline: Deadline) =>
    memoize((progress: ProgressReading) => ({
      open: healthOf({ done: false, deadline, progress, asOf: options.asOf, start }),
      done: healthOf({ done: true, deadline, progress, asOf: options.asOf, start }),
    })),
  );
  // The shown text depends on the cell (one reading each) and its format: computed once per pair.
  const shownOf = memoize((raw: CellValue) => {
    const deadline = deadlineOf(raw);
    return memoize((format: string | undefined) => shownDeadline(raw, deadline, format));
  });
  const byTask = indicatorsByTask(options.indicators);
  // Each column's position is looked up once, not at every cell read (as cellOf does).
  const {
    no: noAt,
    task: taskAt,
    units: unitsAt,
    status: statusAt,
    progress: progressAt,
    deadline: deadlineAt,
    problems: problemsAt,
    extendTo: extendToAt,
    extendReason: extendReasonAt,
    extendApproved: extendApprovedAt,
    evidence: evidenceAt,
  } = ledger.header.columns;
  const cell = (values: readonly CellValue[], column: number | undefined): CellValue =>
    column === undefined ? null : (values[column] ?? null);
  const out: LedgerTask[] = [];
  for (let row = 0; row < ledger.rows.length; row++) {
    const values = ledger.rows[row];
    if (isBlankRow(values)) continue;
    const formats = ledger.formats?.[row];
    const unitsText = cellText(cell(values, unitsAt));
    const { units, lead } = unitsOf(unitsText);
    const status = cellText(cell(values, statusAt)).trim();
    const knownStatus = knownStatusOf(status);
    const done = knownStatus === STATUS_DONE;
    const progress = progressOf(progressAt === undefined ? undefined : formats?.[progressAt])(
      cell(values, progressAt),
    );
    const rawDeadline = cell(values, deadlineAt);
    const deadline = deadlineOf(rawDeadline);
    const rawExtendTo = cell(values, extendToAt);
    const extension = readExtension(
      rawExtendTo,
      deadlineOf(rawExtendTo),
      cell(values, extendReasonAt),
      cell(values, extendApprovedAt),
    );
    // Without an approved extension the row keeps its 完成时限's reading (and its memoized light).
    const current = extension ? currentDeadline(deadline, extension) : deadline;
    const no = readTaskNumber(cell(values, noAt));
    const indicators = (no !== null && byTask.get(no)) || NO_INDICATORS;
    // A task not started has made no progress, whether or not 进度 was filled in.
    const lights = healthOfPair(current)(
      progress.kind === 'empty' && knownStatus === STATUS_NOT_STARTED ? NO_PROGRESS : progress,
    );
    const byProgress = done ? lights.done : lights.open;
    const byIndicator = indicators.length
      ? indicatorHealth(indicators, done, current, options.asOf, start)
      : null;
    out.push({
      row,
      no,
      task: cellText(cell(values, taskAt)),
      unitsText,
      units,
      lead,
      status,
      knownStatus,
      done,
      progress,
      deadline,
      deadlineText: shownOf(rawDeadline)(deadlineAt === undefined ? undefined : formats?.[deadlineAt]),
      extension,
      current,
      evidence: cellText(cell(values, evidenceAt)).trim(),
      health: reportedLag(
        byIndicator ? graverHealth(byProgress, byIndicator) : byProgress,
        knownStatus === STATUS_LAGGING,
      ),
      problems: cellText(cell(values, problemsAt)).trim(),
      indicators,
    });
  }
  return out;
}
