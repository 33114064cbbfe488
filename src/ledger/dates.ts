// Calendar dates as whole days since 1970-01-01 (UTC), so comparisons are integer ones and
// no time zone can move a deadline by a day.

import { memoize } from './memo';

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function lastDayOfMonth(year: number, month: number): Day | null {
  if (month < 1 || month > 12) return null;
  return dayOf(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** The year of a day, cached: health lights ask it for every row. */
export const yearOf: (day: Day) => number = memoize((day: Day) => ymd(day).year, { limit: 10_000 });

export function ymd(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDate(day: Day): string {
  const { year, month, day: dd } = ymd(day);
  return `${year}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** The inverse of isoDate: '2026-11-28' (a date input's value) to a day, or null. */
export function dayFromIso(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return match ? dayOf(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** 2026年11月28日 */
export const chineseDate: (day: Day) => string = memoize(
  (day: Day) => {
    const { year, month, day: dd } = ymd(day);
    return `${year}年${month}月${dd}日`;
  },
  { limit: 10_000 },
);

/** The calendar day of a local Date (what the user's clock says today). */
export function dayFromLocalDate(date: Date): Day {
  return dayOf(date.getFullYear(), date.getMonth() + 1, date.getDate()) ?? 0;
}

export type DateSystem = '1900' | '1904';

const DAY_1899_12_31 = -25568;
const DAY_1904_01_01 = -24107;

/**
 * Excel serial number to a calendar day. The 1900 system counts 1900-01-01 as 1 and keeps
 * Lotus 1-2-3's phantom 1900-02-29 as serial 60, so serials from 61 on are one day ahead of
 * a plain count; serial 60 has no real date and gives null. The 1904 system counts
 * 1904-01-01 as 0. A time of day (the fraction) is dropped.
 */
export function dayFromSerial(serial: number, system: DateSystem = '1900'): Day | null {
  if (!Number.isFinite(serial) || serial > 2_958_465) return null;
  const whole = Math.floor(serial);
  if (system === '1904') return whole < 0 ? null : DAY_1904_01_01 + whole;
  if (whole < 1 || whole === 60) return null;
  return DAY_1899_12_31 + (whole < 60 ? whole : whole - 1);
}

export function serialFromDay(day: Day, system: DateSystem = '1900'): number {
  if (system === '1904') return day - DAY_1904_01_01;
  const plain = day - DAY_1899_12_31;
  return plain < 60 ? plain : plain + 1;
}

/** Monday to Friday: 1970-01-01 (day 0) was a Thursday. */
export function isWorkingDay(day: Day): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday >= 1 && weekday <= 5;
}

/** The day `count` working days (Mon–Fri) after `day`; public holidays are not known here. */
export function addWorkingDays(day: Day, count: number): Day {
  let out = day;
  for (let left = count; left > 0;) {
    out++;
    if (isWorkingDay(out)) left--;
  }
  return out;
}

/** A form is asked back this many working days after it is sent, unless the user sets a date. */
export const RETURN_WORKING_DAYS = 5;

/**
 * The date forms are asked back by: the one the user set in the 反馈 tab while it is still to
 * come, else five working days from today.
 */
export function returnDeadline(
  chosen: Day | null,
  today: Day,
): { readonly day: Day; readonly chosen: boolean } {
  return chosen !== null && chosen >= today
    ? { day: chosen, chosen: true }
    : { day: addWorkingDays(today, RETURN_WORKING_DAYS), chosen: false };
}
