// The health light (红黄绿). Computed, never typed: how far 进度 is behind the share of time
// elapsed (序时进度) — green on schedule, yellow 10–30 points behind, red more than 30
// behind or past the deadline and not done. Completed tasks are 'done', not lit. A task its unit
// reports as 滞后 is lit yellow at least, whatever 序时进度 says (reportedLag).
import { dayOf, yearOf, type Day } from './dates';
import type { Deadline } from './deadlines';
import type { ProgressReading } from './progress';

export type HealthLight = 'green' | 'yellow' | 'red' | 'done' | 'none';

export const YELLOW_FROM = 10;
export const RED_ABOVE = 30;

export interface HealthInput {
  readonly done: boolean;
  readonly deadline: Deadline;
  readonly progress: ProgressReading;
  readonly asOf: Day;
  /**
   * When the work started: the plan's 起始日期. Default: 1 January of the as-of year (the yearly
   * plan the ledger reports on), or of the deadline's year when the deadline falls before that.
   * Before the start nothing is expected yet, so no task is behind; a start after the deadline
   * (a task due before the plan begins) is ignored.
   */
  readonly start?: Day;
}

export interface Health {
  readonly light: HealthLight;
  /** Percentage points behind the elapsed share of time; 0 on or ahead of schedule (never negative). */
  readonly behind: number | null;
  readonly expected: number | null;
  readonly overdue: boolean;
  /** Set when an indicator, not 进度, lit the task: its name and its share done (0–1). */
  readonly indicator?: { readonly name: string; readonly share: number };
  /** Set when the status 滞后, not 序时进度, lit the task (it would be green or unlit by time alone). */
  readonly reported?: true;
}

function defaultStart(asOf: Day, end: Day): Day {
  return dayOf(Math.min(yearOf(asOf), yearOf(end)), 1, 1) as Day;
}

export function healthOf(input: HealthInput): Health {
  if (input.done) return { light: 'done', behind: null, expected: null, overdue: false };
  if (input.deadline.kind !== 'date') return { light: 'none', behind: null, expected: null, overdue: false };
  const end = input.deadline.day;
  if (input.asOf > end) return { light: 'red', behind: null, expected: 100, overdue: true };
  const start = input.start !== undefined && input.start <= end ? input.start : defaultStart(input.asOf, end);
  const span = end - start + 1;
  const elapsed = Math.min(Math.max(input.asOf - start, 0), span);
  const expected = span > 0 ? Math.round((elapsed / span) * 1000) / 10 : 100;
  if (input.progress.kind !== 'ok') return { light: 'none', behind: null, expected, overdue: false };
  const behind = Math.round((expected - input.progress.percent) * 10) / 10;
  const light: HealthLight = behind > RED_ABOVE ? 'red' : behind >= YELLOW_FROM ? 'yellow' : 'green';
  // Ahead of schedule is not a negative "behind": every list prints this number as 落后序时.
  return { light, behind: Math.max(0, behind), expected, overdue: false };
}

/**
 * The light of a task its unit reports as 滞后: yellow at least. The unit knows what 序时进度
 * cannot (a plan not begun yet, a 进度 typed ahead of the work), and a supervisor reads a green
 * light beside 滞后 as a contradiction. Red and overdue stay as they are.
 */
export function reportedLag(health: Health, lagging: boolean): Health {
  if (!lagging || (health.light !== 'green' && health.light !== 'none')) return health;
  // The indicator did not light it: the status did.
  return {
    light: 'yellow',
    behind: health.behind,
    expected: health.expected,
    overdue: false,
    reported: true,
  };
}

const RANK: Record<HealthLight, number> = { done: -1, none: 0, green: 1, yellow: 2, red: 3 };

/** The graver of two lights for one task (red over yellow over green over none). */
export function graverHealth(a: Health, b: Health): Health {
  return RANK[b.light] > RANK[a.light] ? b : a;
}
