// File names for what the add-in writes out: short, dated, safe on every system. The bottom
// layer, so a form, a mail and a summary file name their files alike without importing each other.
import { isoDate, type Day } from './dates';

/** A file name any system accepts: no \ / : * ? " < > |, no control characters, at most 80 characters. */
export function safeFileName(stem: string, extension: string): string {
  const printable = Array.from(stem).filter((c) => c.charCodeAt(0) >= 0x20);
  const cleaned = Array.from(
    printable
      .join('')
      .replace(/[\\/:*?"<>|]/gu, '')
      .trim(),
  )
    .slice(0, 80)
    .join('');
  return `${cleaned || '汇总'}.${extension}`;
}

/** 20261128: the date as file names carry it. */
export const compactDate = (day: Day) => isoDate(day).replace(/-/g, '');

/**
 * 〈the plan's file stem〉_截至20261128.xlsx, or with a unit: 双辽市人民政府_〈stem〉_截至20261128.xlsx.
 * The stem is the plan's (PlanNames.fileStem), short, as people name files they mail.
 */
export function summaryFileName(
  asOf: Day,
  unit: string | undefined,
  names: { readonly fileStem: string },
): string {
  const stem = `${names.fileStem}_截至${compactDate(asOf)}`;
  return safeFileName(unit ? `${unit}_${stem}` : stem, 'xlsx');
}
