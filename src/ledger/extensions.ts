// 延期申请 and 办结依据 (issue 26): what a row's 申请延期至, 延期理由 and 延期批准 cells say, and
// the deadline the health light uses. An approved extension moves that deadline; the original
// 完成时限 stays in its cell, and summaries show both.
import { chineseDate, isoDate, type Day } from './dates';
import type { Deadline } from './deadlines';
import type { Bilingual } from './language';
import { cellText, toHalfWidth } from './text';

/** 是: approved; 否: refused; pending: asked, not yet decided (an empty cell). */
export type Approval = 'yes' | 'no' | 'pending';

export interface Extension {
  /** 申请延期至 as a day; null when the cell holds no exact date. */
  readonly to: Day | null;
  /** The cell as written (a date cell as yyyy-mm-dd), for messages. */
  readonly text: string;
  readonly reason: string;
  readonly approval: Approval;
  /** 延期批准 holds something other than 是, 否 or nothing: read as pending and reported. */
  readonly approvalUnclear: boolean;
}

const YES = new Set(['是', 'yes', 'y', '同意', '批准', '已批准']);
const NO = new Set(['否', 'no', 'n', '不同意', '不批准', '未批准']);

export function approvalOf(raw: unknown): { approval: Approval; unclear: boolean } {
  const text = toHalfWidth(cellText(raw)).trim().toLowerCase();
  if (!text) return { approval: 'pending', unclear: false };
  if (YES.has(text)) return { approval: 'yes', unclear: false };
  if (NO.has(text)) return { approval: 'no', unclear: false };
  return { approval: 'pending', unclear: true };
}

/**
 * The row's request, or null when 申请延期至 is empty (no extension asked for). `asked` is the
 * cell read by the deadline rules (the caller's memoized reading of `to`).
 */
export function readExtension(
  to: unknown,
  asked: Deadline,
  reason: unknown,
  approval: unknown,
): Extension | null {
  if (asked.kind === 'empty') return null;
  const day = asked.kind === 'date' ? asked.day : null;
  const a = approvalOf(approval);
  return {
    to: day,
    text: typeof to === 'number' && day !== null ? isoDate(day) : cellText(to).trim(),
    reason: cellText(reason).trim(),
    approval: a.approval,
    approvalUnclear: a.unclear,
  };
}

/** The deadline the light and the overdue check use: an approved extension's date, else 完成时限. */
export function currentDeadline(deadline: Deadline, extension: Extension | null): Deadline {
  return extension?.approval === 'yes' && extension.to !== null
    ? { kind: 'date', day: extension.to, precision: 'day' }
    : deadline;
}

/** An approved extension, the task's deadline moved. */
export function isExtended(extension: Extension | null): boolean {
  return extension?.approval === 'yes' && extension.to !== null;
}

/**
 * 申请中（延期至2026年3月31日）/ 已批准（…）/ 未批准（…）: what a summary's list says of a request;
 * a date not after the task's 完成时限 (which 校验 reports) is said to be awaiting a check.
 */
export function extensionNote(extension: Extension | null, deadline?: Deadline): Bilingual | null {
  if (!extension) return null;
  const to = extension.to !== null ? chineseDate(extension.to) : extension.text;
  const en = extension.to !== null ? isoDate(extension.to) : extension.text;
  const notLater =
    extension.to === null || (deadline?.kind === 'date' && extension.to <= deadline.day)
      ? { zh: '，日期有误待核', en: '; the date is to be checked' }
      : { zh: '', en: '' };
  switch (extension.approval) {
    case 'yes':
      return { zh: `已批准（延期至${to}${notLater.zh}）`, en: `approved (extended to ${en}${notLater.en})` };
    case 'no':
      return {
        zh: `未批准（申请延期至${to}${notLater.zh}）`,
        en: `refused (asked to extend to ${en}${notLater.en})`,
      };
    default:
      return {
        zh: `申请中（延期至${to}${notLater.zh}）`,
        en: `requested (extension to ${en}${notLater.en})`,
      };
  }
}
