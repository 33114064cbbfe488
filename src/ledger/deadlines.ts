// 完成时限 in every form such tables use. Unparseable text is reported, never guessed.
import { dayFromSerial, dayOf, isoDate, lastDayOfMonth, ymd, type DateSystem, type Day } from './dates';
import { chineseNumeral } from './numerals';
import { toHalfWidth } from './text';

export type Deadline =
  | { readonly kind: 'empty' }
  /** A date or the last day of a period (2025年12月底前 -> 2025-12-31). */
  | {
      readonly kind: 'date';
      readonly day: Day;
      readonly precision: 'day' | 'month' | 'quarter' | 'half' | 'year';
    }
  /** Long-running work with no end date (长期, 持续推进 …). */
  | { readonly kind: 'open'; readonly label: string }
  | { readonly kind: 'invalid'; readonly text: string; readonly reason: DeadlineProblem };

export type DeadlineProblem =
  | 'unrecognized'
  | 'no-such-date'
  | 'phantom-1900-02-29'
  | 'half-year-without-year'
  /** 11月底 read without a today to say which year's November comes next. */
  | 'month-without-year'
  | 'not-a-date'
  /** 2026.1 as a number: the cell cannot say whether 2026.1 or 2026.10 was typed. */
  | 'ambiguous-month';

export interface DeadlineOptions {
  readonly dateSystem?: DateSystem;
  /** The year 上半年 / 下半年 refer to when the text names none. */
  readonly defaultYear?: number;
  /** Today: a month without a year (11月底) is the current or the next such month's end. */
  readonly today?: Day;
}

const OPEN_FORMS = ['长期', '长期坚持', '持续推进', '年内持续推进', '持续', '常态化', '长期推进', '持续开展'];
/**
 * 每季度 / 按月 (a duty that recurs) and 全年 (a ledger cell names no year) set no one day: an
 * imported plan writes them as the annex does, and the ledger reads them as open, never as errors.
 */
const RECURRING_OR_YEAR_LONG = /^(每(年|季度|季|月|半年|周|旬)|按(季度|月|年)|全年)/u;

/** 2027年6月底前完成: 完成 after the period adds nothing to the date. */
const BEFORE = '(?:前|之前|以前|底前|末前|底|末)?(?:完成)?';
const EXACT_DASHED = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u;
const EXACT_CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:前|之前|以前)?(?:完成)?$/u;
const MONTH_END = new RegExp(`^(\\d{4})(?:年|[-/.])(\\d{1,2})月?${BEFORE}$`, 'u');
const HALF_WITH_YEAR = new RegExp(`^(\\d{4})年?(上|下)半年${BEFORE}$`, 'u');
const HALF_ONLY = new RegExp(`^(上|下)半年${BEFORE}$`, 'u');
const YEAR_END = new RegExp(`^(\\d{4})年${BEFORE}$`, 'u');
const YEAR_END_WORDS = /^(\d{4})年?(?:年底|年末|年底前|年末前)(?:完成)?$/u;
const BARE_YEAR = /^(\d{4})$/u;
const QUARTER_NUMBER = '([1-4一二三四])';
/** 2026年第三季度, 2026年三季度末, 2026年第3季度前, 2026Q3, 2026年Q3. */
const QUARTER_CHINESE = new RegExp(
  `^(\\d{4})年?(?:第?${QUARTER_NUMBER}季度|Q${QUARTER_NUMBER})${BEFORE}$`,
  'iu',
);
/** Q3 2026, Q3-2026, Q3/2026 (spaces are gone by now). */
const QUARTER_FIRST = new RegExp(`^Q${QUARTER_NUMBER}[-/.]?(\\d{4})$`, 'iu');
/** 11月底, 6月底前, 12月: the month's end, in the current or the next year. */
const MONTH_ONLY = new RegExp(`^(\\d{1,2})月${BEFORE}$`, 'u');

/**
 * Serial numbers of this size are dates in 1905–1915, which no ledger of today means: a whole
 * number here is a year typed into the cell (2026), and year.month a month (2026.12).
 */
const TYPED_YEARS = { from: 1990, to: 2100 };

function typedYear(value: number, text: string): Deadline | null {
  const year = Math.floor(value);
  if (year < TYPED_YEARS.from || year > TYPED_YEARS.to) return null;
  if (value === year) return { kind: 'date', day: dayOf(year, 12, 31) as Day, precision: 'year' };
  const decimals = text.split('.')[1] ?? '';
  if (decimals.length > 2) return null;
  // 2026.10 arrives as 2026.1: a single decimal 1 could be January or October.
  if (decimals === '1') return { kind: 'invalid', text, reason: 'ambiguous-month' };
  const month = Number(decimals);
  return month >= 1 && month <= 12
    ? monthEnd(text, year, month)
    : { kind: 'invalid', text, reason: 'no-such-date' };
}

export function parseDeadline(value: unknown, options: DeadlineOptions = {}): Deadline {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'number') {
    const typed = typedYear(value, String(value));
    if (typed) return typed;
    const day = dayFromSerial(value, options.dateSystem);
    if (day !== null) return { kind: 'date', day, precision: 'day' };
    const reason =
      Math.floor(value) === 60 && options.dateSystem !== '1904' ? 'phantom-1900-02-29' : 'not-a-date';
    return { kind: 'invalid', text: String(value), reason };
  }
  if (typeof value !== 'string') return { kind: 'invalid', text: String(value), reason: 'not-a-date' };
  const text = toHalfWidth(value).replace(/\s+/gu, '');
  if (!text) return { kind: 'empty' };
  if (OPEN_FORMS.includes(text) || RECURRING_OR_YEAR_LONG.test(text)) return { kind: 'open', label: text };

  let m = EXACT_DASHED.exec(text) ?? EXACT_CHINESE.exec(text);
  if (m) return exactDay(text, Number(m[1]), Number(m[2]), Number(m[3]));

  m = MONTH_END.exec(text);
  if (m) return monthEnd(text, Number(m[1]), Number(m[2]));

  m = HALF_WITH_YEAR.exec(text);
  if (m) return halfYear(text, Number(m[1]), m[2]);

  m = HALF_ONLY.exec(text);
  if (m) {
    if (options.defaultYear === undefined)
      return { kind: 'invalid', text: value, reason: 'half-year-without-year' };
    return halfYear(text, options.defaultYear, m[1]);
  }

  m = QUARTER_CHINESE.exec(text);
  if (m) return quarterEnd(text, Number(m[1]), m[2] ?? m[3]);
  m = QUARTER_FIRST.exec(text);
  if (m) return quarterEnd(text, Number(m[2]), m[1]);

  m = MONTH_ONLY.exec(text);
  if (m) {
    if (options.today === undefined) return { kind: 'invalid', text: value, reason: 'month-without-year' };
    return nextMonthEnd(text, Number(m[1]), options.today);
  }

  m = YEAR_END.exec(text) ?? YEAR_END_WORDS.exec(text) ?? BARE_YEAR.exec(text);
  if (m) {
    const day = dayOf(Number(m[1]), 12, 31);
    return day === null
      ? { kind: 'invalid', text: value, reason: 'no-such-date' }
      : { kind: 'date', day, precision: 'year' };
  }

  return { kind: 'invalid', text: value, reason: 'unrecognized' };
}

function exactDay(text: string, y: number, mo: number, d: number): Deadline {
  const day = dayOf(y, mo, d);
  return day === null
    ? { kind: 'invalid', text, reason: 'no-such-date' }
    : { kind: 'date', day, precision: 'day' };
}

function monthEnd(text: string, y: number, mo: number): Deadline {
  const day = lastDayOfMonth(y, mo);
  return day === null || y < 1900
    ? { kind: 'invalid', text, reason: 'no-such-date' }
    : { kind: 'date', day, precision: 'month' };
}

function quarterEnd(text: string, y: number, quarter: string): Deadline {
  const q = /\d/u.test(quarter) ? Number(quarter) : (chineseNumeral(quarter) as number);
  const day = lastDayOfMonth(y, q * 3);
  return day === null || y < 1900
    ? { kind: 'invalid', text, reason: 'no-such-date' }
    : { kind: 'date', day, precision: 'quarter' };
}

/** The end of that month this year, or next year once this year's is past. */
function nextMonthEnd(text: string, month: number, today: Day): Deadline {
  const { year } = ymd(today);
  const thisYear = lastDayOfMonth(year, month);
  if (thisYear === null) return { kind: 'invalid', text, reason: 'no-such-date' };
  return thisYear >= today ? monthEnd(text, year, month) : monthEnd(text, year + 1, month);
}

function halfYear(text: string, y: number, half: string): Deadline {
  const day = half === '上' ? dayOf(y, 6, 30) : dayOf(y, 12, 31);
  return day === null
    ? { kind: 'invalid', text, reason: 'no-such-date' }
    : { kind: 'date', day, precision: 'half' };
}

/**
 * A deadline cell as the user sees it in Excel: a date cell shows as a date (in the style of
 * its number format), never as its serial number; any other value as written.
 */
export function shownDeadline(value: unknown, deadline: Deadline, numberFormat?: string): string {
  if (typeof value !== 'number') return typeof value === 'string' ? value : '';
  if (deadline.kind !== 'date' || deadline.precision !== 'day') return String(value);
  const { year, month, day } = ymd(deadline.day);
  const format = (numberFormat ?? '').replace(/"[^"]*"/g, (quoted) => quoted.slice(1, -1));
  if (format.includes('年')) return `${year}年${month}月${day}日`;
  if (/[ymd].*\/|\/.*[ymd]/iu.test(format)) return `${year}/${month}/${day}`;
  return isoDate(deadline.day);
}
