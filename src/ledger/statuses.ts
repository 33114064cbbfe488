// Task statuses. 序时推进 = progressing on schedule, the usual word of supervision ledgers.
import type { CellValue } from './ledger';
import { column, layoutOf, readRecords, type TableSpec } from './tableSpec';
import { cellText, matchKey } from './text';

export const DEFAULT_STATUSES = ['未启动', '序时推进', '滞后', '已完成'] as const;
/** StatusList: one column the user may edit; the ledger's dropdown offers what it holds. */
export const STATUS_SPEC: TableSpec<'status'> = {
  table: 'StatusList',
  sheet: '单位名录',
  columns: [column('status', '状态', '@', 80 / 12, 'user', ['status'], true)],
};

/** The statuses the StatusList table holds, found by its header; none when it has no 状态 column. */
export function readStatusTable(
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
): string[] {
  const layout = layoutOf(STATUS_SPEC, header);
  if (layout.missing.length) return [];
  return readRecords(STATUS_SPEC, layout, rows)
    .map((r) => cellText(r.status).trim())
    .filter(Boolean);
}

export const STATUS_DONE = '已完成';
export const STATUS_LAGGING = '滞后';
export const STATUS_NOT_STARTED = '未启动';
export const STATUS_ON_TRACK = '序时推进';

/** Words people type for each default status; the key is the status they mean. */
const NEAR_MISSES: Record<string, readonly string[]> = {
  已完成: [
    '完成',
    '已完工',
    '完工',
    '已办结',
    '办结',
    '已完结',
    '完结',
    '已结束',
    'done',
    'completed',
    'complete',
    'finished',
  ],
  序时推进: [
    '进行中',
    '推进中',
    '正在推进',
    '按序时推进',
    '序时',
    '正常推进',
    '在建',
    '实施中',
    'inprogress',
    'ontrack',
    'ongoing',
  ],
  未启动: ['未开始', '尚未启动', '未开展', '没启动', 'notstarted', 'todo'],
  滞后: ['落后', '延迟', '延期', '滞后推进', '进度滞后', 'behind', 'delayed', 'late'],
};

export type StatusCheck =
  | { readonly kind: 'ok'; readonly status: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'variant'; readonly status: string }
  | { readonly kind: 'unknown'; readonly suggestion: string | null };

/**
 * Classifies what a status cell holds against the list in force. A spacing or width variant
 * of a listed status is a 'variant' (safe to rewrite); a known near-miss is 'unknown' with
 * its suggestion, which is given only when it is in the list.
 */
export function checkStatus(value: unknown, statuses: readonly string[] = DEFAULT_STATUSES): StatusCheck {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  if (!text.trim()) return { kind: 'empty' };
  if (statuses.includes(text)) return { kind: 'ok', status: text };
  const key = matchKey(text);
  const exact = statuses.find((s) => matchKey(s) === key);
  if (exact) return { kind: 'variant', status: exact };
  for (const [status, words] of Object.entries(NEAR_MISSES)) {
    if (statuses.includes(status) && words.some((w) => matchKey(w) === key))
      return { kind: 'unknown', suggestion: status };
  }
  return { kind: 'unknown', suggestion: null };
}
