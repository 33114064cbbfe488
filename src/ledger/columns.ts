// The ledger's columns. Header text is the contract: users may reorder columns, add their
// own and put a title above the header row, so everything is found by its text.
import { type TableSpec } from './tableSpec';
import { cellText, matchKey } from './text';

export type ColumnKey =
  | 'no'
  | 'task'
  | 'units'
  | 'status'
  | 'progress'
  | 'deadline'
  | 'progressNote'
  | 'problems'
  | 'nextSteps'
  | 'updated'
  | 'contact'
  | 'phone'
  | 'extendTo'
  | 'extendReason'
  | 'extendApproved'
  | 'evidence';

export interface ColumnSpec {
  readonly key: ColumnKey;
  readonly header: string;
  readonly english: readonly string[];
  readonly required: boolean;
  /** Width in characters of the ledger sheet the add-in creates. */
  readonly width: number;
  /**
   * The number format the add-in gives the column: text ('@', wrapped) keeps what the user types
   * as typed, so a leading = never becomes a formula; none leaves the user's format alone.
   */
  readonly format?: '@' | '0' | 'yyyy-mm-dd';
  /**
   * False for a column a new ledger has but adopting a sheet does not add: an adopted ledger
   * without it keeps working as before (a 联系电话 goes with the 联系人).
   */
  readonly addedOnAdopt?: false;
}

export const LEDGER_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'no',
    header: '序号',
    english: ['no', 'no.', '#', 'number', 'item'],
    required: true,
    width: 4,
    format: '0',
  },
  {
    key: 'task',
    header: '工作任务',
    english: ['task', 'tasks', 'work task'],
    required: true,
    width: 20,
    format: '@',
  },
  {
    key: 'units',
    header: '责任单位',
    english: ['units', 'responsible units', 'responsible'],
    required: true,
    width: 12,
    format: '@',
  },
  { key: 'status', header: '状态', english: ['status'], required: true, width: 6 },
  {
    key: 'progress',
    header: '进度(%)',
    english: ['progress', 'progress (%)', 'progress(%)', '%'],
    required: false,
    width: 6,
    format: '0',
  },
  {
    key: 'deadline',
    header: '完成时限',
    english: ['deadline', 'due', 'due date'],
    required: false,
    width: 8,
  },
  {
    key: 'progressNote',
    header: '进展情况',
    english: ['progress note', 'progress notes', 'update'],
    required: false,
    width: 16,
    format: '@',
  },
  {
    key: 'problems',
    header: '存在问题',
    english: ['problems', 'issues'],
    required: false,
    width: 12,
    format: '@',
  },
  {
    key: 'nextSteps',
    header: '下步计划',
    english: ['next steps', 'plan'],
    required: false,
    width: 12,
    format: '@',
  },
  {
    key: 'updated',
    header: '更新日期',
    english: ['updated', 'last updated', 'update date'],
    required: false,
    width: 7,
    format: 'yyyy-mm-dd',
  },
  { key: 'contact', header: '联系人', english: ['contact'], required: false, width: 5, format: '@' },
  {
    key: 'phone',
    header: '联系电话',
    english: ['phone', 'telephone', 'tel'],
    required: false,
    width: 7,
    format: '@',
    addedOnAdopt: false,
  },
  // The 督办 loop's columns (issue 26): a ledger made before them keeps working without them,
  // and 校验 offers to append them at the table's end (EXTENSION_COLUMNS).
  {
    key: 'extendTo',
    header: '申请延期至',
    english: ['extension to', 'extended to', 'extend to'],
    required: false,
    width: 8,
    format: 'yyyy-mm-dd',
    addedOnAdopt: false,
  },
  {
    key: 'extendReason',
    header: '延期理由',
    english: ['extension reason', 'reason for extension'],
    required: false,
    width: 14,
    format: '@',
    addedOnAdopt: false,
  },
  {
    key: 'extendApproved',
    header: '延期批准',
    english: ['extension approved'],
    required: false,
    width: 6,
    format: '@',
    addedOnAdopt: false,
  },
  {
    key: 'evidence',
    header: '办结依据',
    english: ['evidence', 'closing evidence'],
    required: false,
    width: 14,
    format: '@',
    addedOnAdopt: false,
  },
];

/** The 延期 and 办结依据 columns, in the order they are appended to a ledger that lacks them. */
export const EXTENSION_COLUMNS: readonly ColumnKey[] = [
  'extendTo',
  'extendReason',
  'extendApproved',
  'evidence',
];

/** What 延期批准 may hold (empty: not yet decided). */
export const APPROVAL_CHOICES = ['是', '否'] as const;

export function columnSpec(key: ColumnKey): ColumnSpec {
  return LEDGER_COLUMNS.find((c) => c.key === key) as ColumnSpec;
}

/** Other spellings of headers seen in real ledgers, by the key they mean. */
const CHINESE_VARIANTS: Partial<Record<ColumnKey, readonly string[]>> = {
  no: ['编号', '序'],
  task: ['重点工作任务', '任务', '工作内容', '任务内容'],
  units: ['责任部门', '牵头单位及责任单位', '负责单位'],
  status: ['完成状态', '推进状态', '任务状态'],
  progress: ['进度', '完成进度', '进度%', '完成比例'],
  deadline: ['完成时间', '时间节点', '完成时限要求'],
  progressNote: ['进展', '推进情况', '工作进展'],
  problems: ['问题', '存在的问题', '困难问题'],
  nextSteps: ['下一步计划', '下步工作计划', '下一步工作'],
  updated: ['更新时间', '填报日期'],
  contact: ['联系人及电话', '联系方式'],
  phone: ['电话', '手机', '联系人电话', '手机号码'],
  extendTo: ['延期至', '申请延期时限', '延期时限'],
  extendReason: ['延期原因', '申请延期理由'],
  extendApproved: ['是否批准延期', '延期是否批准', '批准延期'],
  evidence: ['办结证明', '完成依据', '办结材料'],
};

/**
 * The ledger as a table spec, for what every table shares (making, appending, formats): the
 * user fills every column. Its header reading stays mapHeaders, which also says how a header
 * matched, for the pane to offer the official spelling.
 */
export const LEDGER_SPEC: TableSpec<ColumnKey> = {
  table: 'TaskLedger',
  sheet: '任务台账',
  columns: LEDGER_COLUMNS.map((c) => ({
    key: c.key,
    header: c.header,
    aliases: [...c.english, ...(CHINESE_VARIANTS[c.key] ?? [])],
    format: c.format ?? 'General',
    width: c.width,
    required: c.required,
    filledBy: 'user',
  })),
};

export interface HeaderMatch {
  readonly key: ColumnKey;
  readonly column: number;
  readonly text: string;
  /** How the text matched: exactly, by an English name, or as a variant worth rewriting. */
  readonly how: 'exact' | 'english' | 'variant';
}

export interface HeaderMap {
  readonly columns: Partial<Record<ColumnKey, number>>;
  readonly matches: readonly HeaderMatch[];
  readonly missing: readonly ColumnKey[];
  /** Columns the add-in does not know: the user's own, kept as they are. */
  readonly extra: readonly number[];
  /** A second column with a header already taken. */
  readonly duplicates: readonly { readonly key: ColumnKey; readonly column: number }[];
}

function classify(text: string): { key: ColumnKey; how: HeaderMatch['how'] } | null {
  if (!text) return null;
  for (const spec of LEDGER_COLUMNS) if (text === spec.header) return { key: spec.key, how: 'exact' };
  const key = matchKey(text);
  for (const spec of LEDGER_COLUMNS) {
    if (spec.english.some((e) => matchKey(e) === key)) return { key: spec.key, how: 'english' };
  }
  for (const spec of LEDGER_COLUMNS) {
    if (
      matchKey(spec.header) === key ||
      (CHINESE_VARIANTS[spec.key] ?? []).some((v) => matchKey(v) === key)
    ) {
      return { key: spec.key, how: 'variant' };
    }
  }
  return null;
}

export function mapHeaders(header: readonly unknown[]): HeaderMap {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const matches: HeaderMatch[] = [];
  const extra: number[] = [];
  const duplicates: { key: ColumnKey; column: number }[] = [];
  header.forEach((cell, column) => {
    const text = cellText(cell);
    const hit = classify(text);
    if (!hit) {
      extra.push(column);
    } else if (columns[hit.key] !== undefined) {
      duplicates.push({ key: hit.key, column });
    } else {
      columns[hit.key] = column;
      matches.push({ key: hit.key, column, text, how: hit.how });
    }
  });
  const missing = LEDGER_COLUMNS.filter((c) => columns[c.key] === undefined).map((c) => c.key);
  return { columns, matches, missing, extra, duplicates };
}

/** Index of the header row among the first rows: the first with 序号, 工作任务 and 责任单位. */
export function findHeaderRow(rows: readonly (readonly unknown[])[], maxRows = 10): number | null {
  for (let r = 0; r < Math.min(rows.length, maxRows); r++) {
    const map = mapHeaders(rows[r]);
    if (map.columns.no !== undefined && map.columns.task !== undefined && map.columns.units !== undefined)
      return r;
  }
  return null;
}
