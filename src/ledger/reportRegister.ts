// The 报送 register: which units were asked for a return in each report round, by when, and
// who has reported. One row per round and unit in the workbook's 报送登记 table, readable by
// people; this module reads and writes those rows and says who is on time, late or missing.
// Pure.
import { chineseDate, dayFromIso, dayFromSerial, serialFromDay, type DateSystem, type Day } from './dates';
import type { CellValue } from './ledger';
import {
  column,
  columnOf,
  headersOf,
  layoutOf,
  placeRecord,
  readRecords,
  specLayout,
  type TableLayout,
  type TableSpec,
} from './tableSpec';
import { cellText } from './text';
import { FIRST_LEDGER_TABLE } from './planLedgers';

export type RegisterColumn =
  'asOf' | 'returnBy' | 'unit' | 'issuedOn' | 'receivedOn' | 'returns' | 'file' | 'plan';

const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** 报送登记: the add-in writes every column; the office may add its own beside them. */
export const REGISTER_SPEC: TableSpec<RegisterColumn> = {
  table: 'ReportRegister',
  sheet: '报送登记',
  columns: [
    column('asOf', '截至日期', DATE_FORMAT, 14, 'addin', ['截至'], true),
    column('returnBy', '报送截止', DATE_FORMAT, 14, 'addin', ['截止日期', '报送时限'], true),
    column('unit', '单位', '@', 24, 'addin', ['报送单位', '责任单位'], true),
    column('issuedOn', '下发日期', DATE_FORMAT, 14, 'addin'),
    column('receivedOn', '报送日期', DATE_FORMAT, 14, 'addin', ['收到日期']),
    column('returns', '报送次数', '0', 8, 'addin'),
    column('file', '最近报送文件', '@', 30, 'addin', ['报送文件']),
    // The plan's ledger table, as in 进度快照 (see SNAPSHOT_SPEC): last, optional, blank = the first plan.
    column('plan', '方案', '@', 16, 'addin', ['plan']),
  ],
};

export const REGISTER_HEADERS: readonly string[] = headersOf(REGISTER_SPEC);

export interface RegisterEntry {
  readonly asOf: Day;
  readonly returnBy: Day;
  readonly unit: string;
  /** Null for a return recorded for a unit the round did not issue a form to. */
  readonly issuedOn: Day | null;
  /** The first return's day: a second return does not make a late unit punctual. */
  readonly receivedOn: Day | null;
  readonly returns: number;
  readonly file: string;
}

export interface RegisterRead {
  readonly entries: readonly RegisterEntry[];
  /** The 0-based data row of each entry (blank and unreadable rows are not entries). */
  readonly rowOf: readonly number[];
  /** 1-based data rows that could not be read, with the header of the cell at fault. */
  readonly unreadable: readonly { readonly row: number; readonly header: string }[];
}

function dayIn(value: CellValue, system: DateSystem): Day | null {
  if (typeof value === 'number') return dayFromSerial(value, system);
  const text = cellText(value).trim();
  if (!text) return null;
  const chinese = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(text);
  return chinese
    ? dayFromIso(`${chinese[1]}-${chinese[2].padStart(2, '0')}-${chinese[3].padStart(2, '0')}`)
    : dayFromIso(text);
}

/** Whether a row's 方案 cell names the plan: a blank cell (or no column) is the first plan's. */
function ofPlan(cell: CellValue, plan: string): boolean {
  // Excel compares table names case-insensitively.
  return (cellText(cell).trim() || FIRST_LEDGER_TABLE).toLowerCase() === plan.toLowerCase();
}

/**
 * Rows of the 报送登记 table, read by header (the office may move or add columns): one plan's
 * (its ledger table's), another plan's rows neither entries nor unreadable.
 */
export function readRegister(
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  system: DateSystem = '1900',
  plan: string = FIRST_LEDGER_TABLE,
): RegisterRead {
  const layout = layoutOf(REGISTER_SPEC, header);
  const entries: RegisterEntry[] = [];
  const rowOf: number[] = [];
  const unreadable: { row: number; header: string }[] = [];
  readRecords(REGISTER_SPEC, layout, rows).forEach((record, i) => {
    if (!ofPlan(record.plan, plan)) return;
    const unit = cellText(record.unit).trim();
    if (!unit && rows[i].every((v) => cellText(v).trim() === '')) return;
    const asOf = dayIn(record.asOf, system);
    const returnBy = dayIn(record.returnBy, system);
    const bad = !unit ? 'unit' : asOf === null ? 'asOf' : returnBy === null ? 'returnBy' : null;
    if (bad) {
      unreadable.push({ row: i + 1, header: columnOf(REGISTER_SPEC, bad).header });
      return;
    }
    const returns = Number(record.returns);
    rowOf.push(i);
    entries.push({
      asOf: asOf as Day,
      returnBy: returnBy as Day,
      unit,
      issuedOn: dayIn(record.issuedOn, system),
      receivedOn: dayIn(record.receivedOn, system),
      returns: Number.isInteger(returns) && returns > 0 ? returns : 0,
      file: cellText(record.file).trim(),
    });
  });
  return { entries, rowOf, unreadable };
}

/**
 * An entry as a row in the table's own column order (or the user's, with `layout`); dates as date
 * serials. `plan` names a new row's plan; a row rewritten keeps its 方案 cell from `kept`.
 */
export function registerRow(
  entry: RegisterEntry,
  system: DateSystem = '1900',
  layout: TableLayout<RegisterColumn> = specLayout(REGISTER_SPEC),
  kept: readonly CellValue[] = [],
  plan?: string,
): CellValue[] {
  const serial = (day: Day | null) => (day === null ? '' : serialFromDay(day, system));
  return placeRecord(
    layout,
    {
      asOf: serial(entry.asOf),
      returnBy: serial(entry.returnBy),
      unit: entry.unit,
      issuedOn: serial(entry.issuedOn),
      receivedOn: serial(entry.receivedOn),
      returns: entry.returns,
      file: entry.file,
      ...(plan === undefined ? {} : { plan }),
    },
    kept,
  );
}

export interface RegisterChange {
  /** Index into the entries read, or null for a row to append. */
  readonly index: number | null;
  readonly entry: RegisterEntry;
}

/**
 * Forms issued for a round: a unit already asked in this round keeps its row (its returns
 * stand) with the new deadline and issue day; the others get a row each.
 */
export function issueRound(
  entries: readonly RegisterEntry[],
  round: {
    readonly asOf: Day;
    readonly returnBy: Day;
    readonly units: readonly string[];
    readonly today: Day;
  },
): RegisterChange[] {
  return round.units.map((unit) => {
    const index = entries.findIndex((e) => e.asOf === round.asOf && e.unit === unit);
    const before = index >= 0 ? entries[index] : null;
    return {
      index: index >= 0 ? index : null,
      entry: {
        asOf: round.asOf,
        returnBy: round.returnBy,
        unit,
        issuedOn: round.today,
        receivedOn: before?.receivedOn ?? null,
        returns: before?.returns ?? 0,
        file: before?.file ?? '',
      },
    };
  });
}

/**
 * A return imported: the unit's row of that round counts it (the first day stays); a return
 * for a unit the round never asked is recorded too, with no issue day, so nothing is lost.
 */
export function recordReturn(
  entries: readonly RegisterEntry[],
  received: {
    readonly asOf: Day;
    readonly returnBy: Day | null;
    readonly unit: string;
    readonly on: Day;
    readonly file: string;
  },
): RegisterChange {
  const index = entries.findIndex((e) => e.asOf === received.asOf && e.unit === received.unit);
  if (index < 0) {
    return {
      index: null,
      entry: {
        asOf: received.asOf,
        returnBy: received.returnBy ?? received.asOf,
        unit: received.unit,
        issuedOn: null,
        receivedOn: received.on,
        returns: 1,
        file: received.file,
      },
    };
  }
  const before = entries[index];
  return {
    index,
    entry: {
      ...before,
      receivedOn: before.receivedOn ?? received.on,
      returns: before.returns + 1,
      file: received.file,
    },
  };
}

export type ReportState = 'on-time' | 'late' | 'waiting' | 'overdue';

export interface UnitReport {
  readonly unit: string;
  readonly state: ReportState;
  readonly entry: RegisterEntry;
  /** Days until the deadline (0 on the day) while waiting; days past it when overdue or late. */
  readonly days: number;
}

/** One 报送截止 of a round and the units asked to report by it. */
export interface RoundDeadline {
  readonly returnBy: Day;
  readonly units: readonly string[];
}

export interface RoundStatus {
  readonly asOf: Day;
  /**
   * Each 报送截止 of the round with its units, earliest first: units issued on different days
   * with a different date set in the tab owe their returns by different days.
   */
  readonly deadlines: readonly RoundDeadline[];
  readonly units: readonly UnitReport[];
  readonly counts: Readonly<Record<ReportState, number>>;
  /** Units the round asked: returns from units it did not ask are listed but not owed. */
  readonly asked: number;
}

/** The latest round in the register, or the one of the given 截至 date. */
export function roundStatus(entries: readonly RegisterEntry[], today: Day, asOf?: Day): RoundStatus | null {
  const latest =
    asOf ?? entries.reduce<Day | null>((max, e) => (max === null || e.asOf > max ? e.asOf : max), null);
  if (latest === null) return null;
  const round = entries.filter((e) => e.asOf === latest);
  if (round.length === 0) return null;
  const asked = round.filter((e) => e.issuedOn !== null);
  const deadlines = deadlinesOf(asked.length ? asked : round.slice(0, 1));
  const units = round.map((entry): UnitReport => {
    if (entry.receivedOn !== null) {
      const late = entry.receivedOn - entry.returnBy;
      return { unit: entry.unit, entry, state: late > 0 ? 'late' : 'on-time', days: Math.max(0, late) };
    }
    const left = entry.returnBy - today;
    return { unit: entry.unit, entry, state: left < 0 ? 'overdue' : 'waiting', days: Math.abs(left) };
  });
  const counts = { 'on-time': 0, late: 0, waiting: 0, overdue: 0 };
  for (const u of units) counts[u.state]++;
  return { asOf: latest, deadlines, units, counts, asked: asked.length };
}

/** The entries' 报送截止 dates, earliest first, each with its units in the register's order. */
function deadlinesOf(entries: readonly RegisterEntry[]): RoundDeadline[] {
  const by = new Map<Day, string[]>();
  for (const e of entries) by.set(e.returnBy, [...(by.get(e.returnBy) ?? []), e.unit]);
  return [...by].sort(([a], [b]) => a - b).map(([returnBy, units]) => ({ returnBy, units }));
}

/** 本期应报5个单位，已报2个，逾期未报：市教育局、市财政局。 — for the overview, the mails and the 通报. */
export function reportingSentence(status: RoundStatus): string {
  const reported = status.counts['on-time'] + status.counts.late;
  const overdue = status.units.filter((u) => u.state === 'overdue').map((u) => u.unit);
  const late = status.counts.late > 0 ? `（其中逾期报送${status.counts.late}个）` : '';
  const missing =
    overdue.length > 0
      ? `逾期未报：${overdue.join('、')}`
      : status.counts.waiting > 0
        ? `${status.counts.waiting}个单位尚在报送期限内（${waitingDue(status)}）`
        : '无逾期未报单位';
  return `本期应报${status.asked}个单位，已报${reported}个${late}，${missing}。`;
}

/** When the units still in time owe their returns: one date, or each date with its units. */
function waitingDue(status: RoundStatus): string {
  const waiting = deadlinesOf(status.units.filter((u) => u.state === 'waiting').map((u) => u.entry));
  if (waiting.length === 1) return `${chineseDate(waiting[0].returnBy)}截止`;
  return waiting.map((d) => `${d.units.join('、')}${chineseDate(d.returnBy)}截止`).join('，');
}

/** The reminder's own sentence for one unit that has not reported. */
export function reminderSentence(report: UnitReport): string {
  const due = chineseDate(report.entry.returnBy);
  const asOf = chineseDate(report.entry.asOf);
  const when =
    report.state === 'overdue'
      ? `报送时限（${due}）已过${report.days}天，请尽快报送`
      : report.days === 0
        ? `今天（${due}）是报送截止日，请于今天报送`
        : `请于${due}前报送（还有${report.days}天）`;
  return `截至${asOf}的重点任务推进情况反馈表尚未收到，${when}。反馈表再次附上。`;
}

/**
 * The sentence for a report as of a date: the latest round issued on or before it, judged on that
 * date. Undefined when no round was issued by then (the summaries then say nothing of returns).
 */
export function reportingLine(entries: readonly RegisterEntry[], asOf: Day): string | undefined {
  const status = roundStatus(
    entries.filter((e) => e.asOf <= asOf),
    asOf,
  );
  return status ? reportingSentence(status) : undefined;
}
