// Validation: one pass over the ledger, returning findings with a stable rule id, a severity,
// the cell, a message in Chinese and English, and where it is safe the exact new cell value.
// It never throws, whatever the cells hold.
import { cellRef, sheetRowNumber, TABLE_AT_A1, type SheetPlace } from './addresses';
import { columnSpec, EXTENSION_COLUMNS, LEDGER_COLUMNS, type ColumnKey } from './columns';
import type { Bilingual } from './language';
import { chineseDate, dayFromSerial, isoDate, yearOf, type Day } from './dates';
import { parseDeadline, type DeadlineProblem } from './deadlines';
import { cellOf, formatOf, type CellValue, type Ledger } from './ledger';
import { memoize } from './memo';
import {
  absentTasks,
  clauseDifference,
  matchOfficialTasks,
  type OfficialMatching,
  type OfficialPairing,
} from './officialMatch';
import { OFFICIAL_TASKS, type OfficialTask } from './officialTasks';
import { fractionHint, isPercentFormat } from './progress';
import {
  checkStatus,
  DEFAULT_STATUSES,
  STATUS_DONE,
  STATUS_LAGGING,
  STATUS_NOT_STARTED,
  type StatusCheck,
} from './statuses';
import { ledgerTasks, type LedgerTask, type ReadOptions } from './tasks';
import { cellText, describeDifference, toHalfWidth } from './text';
import { isMailAddress } from './mailAddress';
import { checkIndicators, type IndicatorRuleId } from './indicatorChecks';
import { seedsForTasks } from './indicators';
import { planOfficialTasks, type Plan } from './plan';
import type { UnitDirectory } from './units';
import { diffUnits, parseResponsibleUnits, type ParsedUnit } from './responsibleUnits';

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'header.missing'
  | 'header.variant'
  | 'header.duplicate'
  | 'row.blank'
  | 'no.missing'
  | 'no.notInteger'
  | 'no.duplicate'
  | 'no.official'
  | 'official.missingTask'
  | 'task.repeated'
  | 'task.empty'
  | 'task.changed'
  | 'units.empty'
  | 'units.unknown'
  | 'units.changed'
  | 'units.format'
  | 'status.empty'
  | 'status.variant'
  | 'status.unknown'
  | 'progress.invalid'
  | 'progress.text'
  | 'progress.fraction'
  | 'progress.doneBelow100'
  | 'progress.fullNotDone'
  | 'deadline.invalid'
  | 'deadline.overdue'
  | 'extension.notRequested'
  | 'extension.notLater'
  | 'extension.invalid'
  | 'extension.approval'
  | 'evidence.missing'
  | 'columns.extension'
  | 'problems.missing'
  | 'updated.invalid'
  | 'updated.stale'
  | 'cell.error'
  | 'reference.missing'
  | 'reference.damaged'
  | 'directory.email'
  | IndicatorRuleId;

export const RULES: Record<RuleId, { readonly severity: Severity; readonly title: Bilingual }> = {
  'header.missing': { severity: 'error', title: { zh: '缺少必需列', en: 'Required column missing' } },
  'header.variant': {
    severity: 'warning',
    title: { zh: '列标题写法不规范', en: 'Header spelled differently' },
  },
  'header.duplicate': { severity: 'warning', title: { zh: '列标题重复', en: 'Duplicate header' } },
  'row.blank': { severity: 'info', title: { zh: '表中有空行', en: 'Blank row in the table' } },
  'no.missing': { severity: 'error', title: { zh: '序号为空', en: 'No. missing' } },
  'no.notInteger': { severity: 'error', title: { zh: '序号不是整数', en: 'No. is not a whole number' } },
  'no.duplicate': { severity: 'error', title: { zh: '序号重复', en: 'Duplicate No.' } },
  'no.official': {
    severity: 'warning',
    title: { zh: '序号与正式任务不一致', en: 'No. differs from the official task' },
  },
  'official.missingTask': { severity: 'warning', title: { zh: '缺少正式任务', en: 'Official task missing' } },
  'task.repeated': {
    severity: 'warning',
    title: { zh: '同一正式任务出现两次', en: 'Official task listed twice' },
  },
  'task.empty': { severity: 'error', title: { zh: '工作任务为空', en: 'Task text empty' } },
  'task.changed': {
    severity: 'warning',
    title: { zh: '任务表述与正式文本不一致', en: 'Task wording differs from the official text' },
  },
  'units.empty': { severity: 'error', title: { zh: '责任单位为空', en: 'Responsible units empty' } },
  'units.unknown': { severity: 'warning', title: { zh: '未知的责任单位', en: 'Unknown unit' } },
  'units.changed': {
    severity: 'warning',
    title: { zh: '责任单位与正式文本不一致', en: 'Units differ from the official text' },
  },
  'units.format': {
    severity: 'info',
    title: { zh: '责任单位标点或空格不规范', en: 'Unit text punctuation or spaces' },
  },
  'status.empty': { severity: 'warning', title: { zh: '状态未填写', en: 'Status empty' } },
  'status.variant': {
    severity: 'warning',
    title: { zh: '状态写法不规范', en: 'Status spelled differently' },
  },
  'status.unknown': { severity: 'error', title: { zh: '状态不在列表中', en: 'Status not in the list' } },
  'progress.invalid': {
    severity: 'error',
    title: { zh: '进度不是0–100的数字', en: 'Progress is not a number from 0 to 100' },
  },
  'progress.text': { severity: 'info', title: { zh: '进度以文本填写', en: 'Progress written as text' } },
  'progress.fraction': {
    severity: 'warning',
    title: { zh: '进度像是小数写法（0.5 = 50%？）', en: 'Progress looks like a fraction (0.5 = 50%?)' },
  },
  'progress.doneBelow100': {
    severity: 'warning',
    title: { zh: '已完成但进度不足100%', en: 'Completed with progress below 100%' },
  },
  'progress.fullNotDone': {
    severity: 'warning',
    title: { zh: '进度100%但未标记已完成', en: 'Progress 100% but not completed' },
  },
  'deadline.invalid': {
    severity: 'warning',
    title: { zh: '完成时限无法识别', en: 'Deadline not recognized' },
  },
  'deadline.overdue': { severity: 'warning', title: { zh: '已逾期', en: 'Overdue' } },
  'extension.notRequested': {
    severity: 'warning',
    title: { zh: '超期未申请延期', en: 'Overdue without an extension request' },
  },
  'extension.notLater': {
    severity: 'error',
    title: { zh: '申请延期至不晚于完成时限', en: 'Extension date not after the deadline' },
  },
  'extension.invalid': {
    severity: 'warning',
    title: { zh: '申请延期至不是日期', en: 'Extension date not recognized' },
  },
  'extension.approval': {
    severity: 'warning',
    title: { zh: '延期批准应为“是”或“否”', en: '延期批准 should be 是 or 否' },
  },
  'evidence.missing': {
    severity: 'warning',
    title: { zh: '已完成但无办结依据', en: 'Completed without evidence' },
  },
  'columns.extension': {
    severity: 'info',
    title: { zh: '台账缺少延期和办结依据列', en: 'Ledger lacks the extension and evidence columns' },
  },
  'problems.missing': {
    severity: 'warning',
    title: { zh: '滞后任务未填写存在问题', en: 'Behind schedule without a problem note' },
  },
  'updated.invalid': {
    severity: 'warning',
    title: { zh: '更新日期无法识别', en: 'Update date not recognized' },
  },
  'updated.stale': { severity: 'info', title: { zh: '长期未更新', en: 'Not updated for a long time' } },
  'cell.error': { severity: 'error', title: { zh: '单元格显示错误值', en: 'Excel error value' } },
  'reference.missing': {
    severity: 'warning',
    title: { zh: '单位名录或状态列表缺失', en: 'Unit directory or status list missing' },
  },
  'reference.damaged': {
    severity: 'warning',
    title: { zh: '单位名录缺少必需列', en: 'Unit directory lacks a required column' },
  },
  'directory.email': {
    severity: 'warning',
    title: { zh: '单位名录中的邮箱地址无效', en: 'Invalid mail address in the unit directory' },
  },
  'indicators.missing': {
    severity: 'info',
    title: { zh: '尚无指标表', en: 'No 指标 table yet' },
  },
  'indicator.target': { severity: 'error', title: { zh: '指标目标值无效', en: 'Indicator target invalid' } },
  'indicator.actual': {
    severity: 'error',
    title: { zh: '指标完成值不是非负数', en: 'Indicator actual value is not a number of 0 or more' },
  },
  'indicator.aboveTarget': {
    severity: 'info',
    title: { zh: '完成值超过目标值', en: 'Actual value above the target' },
  },
  'indicator.doneBelowTarget': {
    severity: 'warning',
    title: { zh: '已完成但指标未达目标', en: 'Completed with an indicator below its target' },
  },
  'indicator.orphan': {
    severity: 'warning',
    title: { zh: '指标对应的任务不存在', en: 'Indicator of a task that is not in the ledger' },
  },
  'indicator.repeated': {
    severity: 'warning',
    title: { zh: '指标行重复', en: 'Indicator row repeated' },
  },
  'indicator.rate': {
    severity: 'warning',
    title: { zh: '完成率公式被改写', en: '完成率 formula overwritten' },
  },
};

/**
 * The state of the workbook's reference data (单位名录 and the status list), as the Excel
 * layer found it. Missing data is a finding: the dropdown may point at a list that is gone.
 */
export interface ReferenceHealth {
  readonly directory: 'ok' | 'missing' | 'damaged';
  readonly statuses: 'ok' | 'missing' | 'empty';
}

/** A repair that is not a cell value: the pane offers it as a button of its own. */
export type FindingAction = 'restoreReference' | 'createIndicators' | 'addColumns';

export interface Fix {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
}

/**
 * Cell values offered on a button of their own, each listed in a confirmation, and never part of
 * 全部修复: a change the user should choose on its own (a clause they added, statuses to fill).
 */
export interface Offer {
  readonly label: Bilingual;
  readonly fixes: readonly Fix[];
}

export interface Finding {
  /** Stable across runs for the same problem in the same cell. */
  readonly id: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Data-row index, -1 for the header row, null for the sheet as a whole. */
  readonly row: number | null;
  readonly column: number | null;
  readonly columnKey: ColumnKey | null;
  readonly taskNo: number | null;
  readonly message: Bilingual;
  readonly fix?: Fix;
  readonly offer?: Offer;
  readonly action?: FindingAction;
  /** Set when the cell is in the 指标 table: row and column are then indexes into that table. */
  readonly table?: 'indicators';
}

/**
 * A finding on the ledger's cells, whose id and message are put together when they are read. A
 * messy ledger of 100,000 rows has 150,000 findings and the pane shows a few groups of them:
 * made up front, their texts (the row's 第5项： joined to a shared note, and the id) made each
 * finding keep 305 bytes instead of 133, and collecting them was a third of validation's time.
 */
class CheckedFinding implements Finding {
  constructor(
    readonly rule: RuleId,
    readonly row: number | null,
    readonly column: number | null,
    readonly columnKey: ColumnKey | null,
    readonly taskNo: number | null,
    /** The ordinal of a second finding of one rule in one cell (two unknown units). */
    private readonly nth: number | undefined,
    private readonly zh: string,
    private readonly en: string,
    /** Where the table is, when the message starts with its task or sheet row; null when it is whole. */
    private readonly prefixed: SheetPlace | null,
    readonly fix: Fix | undefined,
    readonly offer: Offer | undefined,
  ) {}

  get id(): string {
    return findingId(this.rule, this.row, this.column, this.taskNo, this.nth);
  }

  get severity(): Severity {
    return RULES[this.rule].severity;
  }

  get message(): Bilingual {
    if (this.prefixed === null || this.row === null) return { zh: this.zh, en: this.en };
    if (this.taskNo !== null)
      return { zh: `第${this.taskNo}项：${this.zh}`, en: `Task ${this.taskNo}: ${this.en}` };
    const sheetRow = sheetRowNumber(this.prefixed, this.row);
    return { zh: `第${sheetRow}行：${this.zh}`, en: `Row ${sheetRow}: ${this.en}` };
  }

  /** As JSON, the finding every other kind is: its id and message written out, no trace of how they are made. */
  toJSON(): Finding {
    const { id, rule, severity, row, column, columnKey, taskNo, message, fix, offer } = this;
    return { id, rule, severity, row, column, columnKey, taskNo, message, fix, offer };
  }
}

export interface ValidateOptions extends ReadOptions {
  /** Days after which 更新日期 counts as stale. Default 30. */
  readonly staleDays?: number;
  /**
   * The official tasks to compare wording with. Rows are paired with them by their text.
   * 'auto' (default) compares with the plan's tasks when most rows are tasks of it;
   * a list given here is compared with whatever the rows are; null turns the comparison off.
   */
  readonly official?: readonly OfficialTask[] | 'auto' | null;
  /** The reference data's state; omitted when the caller did not read the workbook's. */
  readonly reference?: ReferenceHealth;
  /**
   * Whether 已完成 without 办结依据 is reported (default true): the office may turn it off in
   * 设置, and the choice is kept in the workbook.
   */
  readonly requireEvidence?: boolean;
}

const EXCEL_ERRORS = new Set([
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NULL!',
  '#NUM!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#BLOCKED!',
  '#CONNECT!',
  '#FIELD!',
  '#UNKNOWN!',
  '#BUSY!',
  '#PYTHON!',
  '#TIMEOUT!',
]);

export function isExcelError(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // Every error value starts with #: testing the first character after any spaces keeps the
  // scan of each cell cheap (trim looks only at the ends; a search for # reads the whole text).
  // A text whose first character is neither # nor one trim removes (the ASCII controls and
  // space, U+00A0, U+1680–U+3000, U+FEFF) is not one: most cells are decided without a trim.
  const first = value.charCodeAt(0);
  if (
    first > 32 &&
    first !== 35 &&
    first !== 0xa0 &&
    (first < 0x1680 || (first > 0x3000 && first !== 0xfeff))
  )
    return false;
  const text = value.trim();
  return text.charCodeAt(0) === 35 && EXCEL_ERRORS.has(text.toUpperCase());
}

/** 责任单位 in the official way of writing: full-width punctuation, no spaces, single 、. */
export function normalizeUnitsText(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/gu, '')
    .replace(/[,;]/gu, '，')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/、{2,}/gu, '、')
    .replace(/，{2,}/gu, '，')
    .replace(/^[、，]+|[、，]+$/gu, '');
}

const short = (text: string, n = 12) =>
  Array.from(text).length > n ? `${Array.from(text).slice(0, n).join('')}…` : text;

/** The official tasks rows are compared with: the plan's, a list the caller named, or none. */
export function officialList(option: ValidateOptions['official'], plan?: Plan): readonly OfficialTask[] {
  if (option === null) return [];
  if (option !== undefined && option !== 'auto') return option;
  return plan ? planOfficialTasks(plan) : OFFICIAL_TASKS;
}

/** The rows paired with official tasks, or null when the comparison is off or the sheet is another plan's. */
export function officialFor(
  tasks: readonly LedgerTask[],
  option: ValidateOptions['official'],
  plan?: Plan,
): OfficialMatching | null {
  if (option === null) return null;
  const named = option !== undefined && option !== 'auto';
  const matching = matchOfficialTasks(tasks, officialList(option, plan), { force: named });
  return matching.active ? matching : null;
}

/** `tasks` and their official pairing may be passed when the caller already has them (analyzeLedger does). */
export function validateLedger(
  ledger: Ledger,
  options: ValidateOptions,
  tasks: readonly LedgerTask[] = ledgerTasks(ledger, options),
  official: OfficialMatching | null = officialFor(tasks, options.official, options.plan),
): Finding[] {
  const findings: Finding[] = [];
  const place = options.place ?? TABLE_AT_A1;
  // Two ways to add: a message as written, and a row's note, read with the row's 第5项： before it.
  const adder =
    (prefixed: SheetPlace | null): Add =>
    (rule, at, message, fixValue, offer) => {
      const column = at.column ?? (at.key ? (ledger.header.columns[at.key] ?? null) : null);
      const fix =
        fixValue !== undefined && at.row !== null && column !== null
          ? { row: at.row, column, value: fixValue }
          : undefined;
      findings.push(
        new CheckedFinding(
          rule,
          at.row,
          column,
          at.key ?? null,
          at.taskNo ?? null,
          at.nth,
          message.zh,
          message.en,
          prefixed,
          fix,
          offer,
        ),
      );
    };
  const add = adder(null);
  if (options.reference) checkReference(options.reference, findings);
  if (options.directory) checkDirectoryEmails(options.directory, add);
  checkHeaders(ledger, place, add);
  checkExtensionColumns(ledger, findings);
  const statuses = options.statuses ?? DEFAULT_STATUSES;
  // Asked only about rows whose 序号 is not their official task's: made on the first question.
  let numbers: ReadonlySet<number | null> | undefined;
  const inUse = (no: number) => (numbers ??= new Set(tasks.map((t) => t.no))).has(no);
  const numbering: NumberContext = { seen: [], place, official, inUse };
  const textContext: TextContext = { official, place };
  const normalize = memoize(normalizeUnitsText);
  const officialUnits = memoize((text: string) => parseResponsibleUnits(text, options.directory));

  // Blank rows are the rows ledgerTasks skipped.
  let next = 0;
  for (let i = 0; i <= tasks.length; i++) {
    const end = i < tasks.length ? tasks[i].row : ledger.rows.length;
    for (let row = next; row < end; row++)
      add(
        'row.blank',
        { row },
        { zh: `第${sheetRowNumber(place, row)}行为空行`, en: `Row ${sheetRowNumber(place, row)} is blank` },
      );
    next = end + 1;
  }
  const statusOf = memoize((text: string) => checkStatus(text, statuses));
  const emptyStatus = emptyStatusCheck(ledger, tasks, statuses, statusOf, add, place);

  const notes = valueNotes(options, statuses, statusOf);
  // One cursor for every row, so a row allocates no closure of its own: a row's checks end
  // before the next row's begin, and no finding keeps the cursor.
  const row: { ledger: Ledger; task: LedgerTask; add: Add } = { ledger, task: tasks[0], add: adder(place) };
  // An indexed loop: a for…of allocates a step object per row until the function is optimized.
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    row.task = t;
    const pairing = official?.byRow[t.row];

    const values = ledger.rows[t.row];
    for (let column = 0; column < values.length; column++) {
      const value = values[column];
      if (isExcelError(value)) {
        const key = LEDGER_COLUMNS.find((c) => ledger.header.columns[c.key] === column)?.key ?? null;
        row.add(
          'cell.error',
          { row: t.row, taskNo: t.no, key, column },
          {
            zh: `单元格显示错误值 ${String(value)}，请检查公式或引用`,
            en: `the cell shows ${String(value)}; check its formula or reference`,
          },
        );
      }
    }

    checkNumber(row, pairing, numbering);
    checkTaskText(row, pairing, textContext);
    checkUnits(row, pairing, normalize, officialUnits);
    if (statusOf(t.status).kind === 'empty') emptyStatus.report(row);
    else report(row, 'status', notes.status(t.status));
    checkProgress(row, notes);
    checkDeadline(row, options.asOf, notes);
    checkExtension(row, options.asOf, options.requireEvidence ?? true);
    if (t.knownStatus === STATUS_LAGGING && !t.problems && ledger.header.columns.problems !== undefined) {
      row.add(
        'problems.missing',
        { row: t.row, taskNo: t.no, key: 'problems' },
        { zh: '状态为“滞后”，请在“存在问题”中说明原因', en: 'behind schedule: say why under 存在问题' },
      );
    }
    const updated = cellOf(ledger, t.row, 'updated');
    if (updated !== null && updated !== '') report(row, 'updated', notes.updated(updated));
  }

  const seeded = options.indicators === null ? seedsForTasks(tasks, options.directory).length : 0;
  for (const issue of checkIndicators(options.indicators, tasks, seeded)) {
    findings.push({
      id: `indicators:${findingId(issue.rule, issue.row, issue.column, issue.taskNo)}`,
      rule: issue.rule,
      severity: RULES[issue.rule].severity,
      row: issue.row,
      column: issue.column,
      columnKey: null,
      taskNo: issue.taskNo,
      message: issue.message,
      ...(issue.rule === 'indicators.missing'
        ? { action: 'createIndicators' as const }
        : { table: 'indicators' as const }),
    });
  }

  for (const task of absentTasks(ledger, official, officialList(options.official, options.plan), place)) {
    add(
      'official.missingTask',
      { row: null, taskNo: task.no },
      task.outside
        ? {
            zh: `台账中没有第${task.no}项任务（${short(task.task)}）：其文本在表格下方的 ${task.outside}，不在台账表格内，请移回表格`,
            en: `Task ${task.no} of the plan is not in the ledger: its text is at ${task.outside}, under the table and outside it; move it back into the table`,
          }
        : {
            zh: `台账中没有第${task.no}项任务（${short(task.task)}）`,
            en: `Task ${task.no} of the plan is not in the ledger`,
          },
    );
  }
  return findings;
}

/**
 * Stable across runs for the same problem in the same cell: rule@row:column, a task number for a
 * sheet-level finding about one task, and an ordinal for a second finding of a rule in one cell.
 */
function findingId(
  rule: RuleId,
  row: number | null,
  column: number | null,
  taskNo: number | null,
  nth?: number,
): string {
  const task = row === null && taskNo ? `#${taskNo}` : '';
  return `${rule}@${row ?? 'sheet'}:${column ?? '-'}${task}${nth ? `~${nth}` : ''}`;
}

type Add = (
  rule: RuleId,
  at: {
    row: number | null;
    key?: ColumnKey | null;
    column?: number | null;
    taskNo?: number | null;
    nth?: number;
  },
  message: Bilingual,
  fixValue?: CellValue,
  offer?: Offer,
) => void;

/** The row's cell in a column, as a finding names it: made only when there is a finding. */
const cellAt = (t: LedgerTask, key: ColumnKey) => ({ row: t.row, key, taskNo: t.no });

/** One row under check: the ledger, the row read as a task, and how to report on it. */
interface RowCheck {
  readonly ledger: Ledger;
  readonly task: LedgerTask;
  /** Adds a finding on this row: its message is read with the task (第5项：) or sheet row (第7行：) before it. */
  readonly add: Add;
}

/** A 邮箱 in 单位名录 that is not an address: the unit's mail draft would go nowhere. */
function checkDirectoryEmails(directory: UnitDirectory, add: Add): void {
  for (const unit of directory.units) {
    const email = unit.email?.trim() ?? '';
    if (!email || isMailAddress(email)) continue;
    add(
      'directory.email',
      { row: null, taskNo: null, nth: directory.units.indexOf(unit) + 1 },
      {
        zh: `单位名录中“${unit.name}”的邮箱“${email}”不是有效地址；给该单位的邮件草稿将不填收件人。`,
        en: `The mail address "${email}" of ${unit.name} in the unit directory is not valid; its mail draft gets no recipient.`,
      },
    );
  }
}

function checkReference(health: ReferenceHealth, findings: Finding[]): void {
  const finding = (
    rule: 'reference.missing' | 'reference.damaged',
    message: Bilingual,
    action?: FindingAction,
  ): Finding => ({
    id: `${rule}@sheet`,
    rule,
    severity: RULES[rule].severity,
    row: null,
    column: null,
    columnKey: null,
    taskNo: null,
    message,
    ...(action ? { action } : {}),
  });
  const missing = [
    health.directory === 'missing' ? { zh: '“单位名录”表格', en: 'the unit directory table' } : null,
    health.statuses !== 'ok' ? { zh: '状态列表（StatusList）', en: 'the status list (StatusList)' } : null,
  ].filter((x): x is Bilingual => x !== null);
  if (missing.length) {
    findings.push(
      finding(
        'reference.missing',
        {
          zh: `工作簿中没有${missing.map((m) => m.zh).join('和')}：单位和状态暂按内置默认值校验，引用它的状态下拉列表无法选择。可点“重建”恢复（保留现有的行）。`,
          en: `The workbook has no ${missing.map((m) => m.en).join(' and ')}: units and statuses are checked against the built-in defaults, and a status dropdown that refers to it cannot be used. Restore rebuilds it, keeping any rows that remain.`,
        },
        'restoreReference',
      ),
    );
  }
  if (health.directory === 'damaged') {
    findings.push(
      finding('reference.damaged', {
        zh: '“单位名录”表格缺少“单位”列，单位名称暂按内置默认值校验。请把该列的列标题改回“单位”。',
        en: 'The unit directory table has no 单位 column; units are checked against the built-in defaults. Rename that column back to 单位.',
      }),
    );
  }
}

function checkHeaders(ledger: Ledger, place: SheetPlace, add: Add): void {
  for (const m of ledger.header.matches) {
    if (m.how !== 'variant') continue;
    const spec = columnSpec(m.key);
    add(
      'header.variant',
      { row: -1, key: m.key, column: m.column },
      {
        zh: `列标题“${m.text}”（${cellRef(place, -1, m.column)}）按“${spec.header}”识别，建议改为标准写法`,
        en: `Header "${m.text}" (${cellRef(place, -1, m.column)}) was read as ${spec.header}; rename it to the standard text`,
      },
      spec.header,
    );
  }
  for (const key of ledger.header.missing) {
    const spec = columnSpec(key);
    if (!spec.required) continue;
    add(
      'header.missing',
      { row: -1, key },
      {
        zh: `缺少必需列“${spec.header}”，请在标题行添加`,
        en: `Required column ${spec.header} is missing; add it to the header row`,
      },
    );
  }
  for (const d of ledger.header.duplicates) {
    const spec = columnSpec(d.key);
    add(
      'header.duplicate',
      { row: -1, key: null, column: d.column },
      {
        zh: `又一列标题为“${spec.header}”（${cellRef(place, -1, d.column)}），该列未被读取`,
        en: `Another column is headed ${spec.header} (${cellRef(place, -1, d.column)}); it is not read`,
      },
    );
  }
}

interface NumberContext {
  /**
   * 序号 -> the first row that holds it. An array, not a map: 序号 are mostly 1…N, and it is
   * read for every row; any other whole number is a property like any other.
   */
  readonly seen: (number | undefined)[];
  readonly place: SheetPlace;
  readonly official: OfficialMatching | null;
  /** Whether a row of the ledger holds this 序号. */
  readonly inUse: (no: number) => boolean;
}

/**
 * The official number a row should carry, when the sheet numbers as the plan does, the row's
 * text is that task and no other row holds that number; otherwise null (no fix is offered).
 */
function officialNumberFor(
  t: LedgerTask,
  pairing: OfficialPairing | undefined,
  c: NumberContext,
): number | null {
  // A text with a clause added or cut names its task less surely than its 序号 is wrong: no fix.
  if (
    !c.official?.numbersAgree ||
    !pairing ||
    pairing.numberAgrees ||
    pairing.how === 'clause' ||
    c.official.repeats.has(t.row)
  )
    return null;
  return c.inUse(pairing.official.no) ? null : pairing.official.no;
}

function checkNumber(row: RowCheck, pairing: OfficialPairing | undefined, c: NumberContext): void {
  const { ledger, task: t, add } = row;
  if (ledger.header.columns.no === undefined) return;
  const raw = cellOf(ledger, t.row, 'no');
  const official = officialNumberFor(t, pairing, c);
  if (raw === null || (typeof raw === 'string' && !raw.trim())) {
    add('no.missing', cellAt(t, 'no'), { zh: '序号为空', en: 'No. is empty' }, official ?? undefined);
  } else if (t.no === null) {
    const text = toHalfWidth(cellText(raw)).trim();
    const typed = /^\d+$/u.test(text) && Number(text) > 0 ? Number(text) : undefined;
    // A number typed as text is fixed to that number, unless its task text says otherwise.
    const fix =
      typed !== undefined && (!pairing || pairing.official.no === typed) ? typed : (official ?? undefined);
    add(
      'no.notInteger',
      cellAt(t, 'no'),
      { zh: `序号“${cellText(raw)}”不是正整数`, en: `No. "${cellText(raw)}" is not a whole number` },
      fix,
    );
  } else if (c.official?.numbersAgree && pairing && !pairing.numberAgrees) {
    // The text is another official task than the number says: the number is what to check.
    const no = pairing.official.no;
    add(
      'no.official',
      cellAt(t, 'no'),
      {
        zh:
          official !== null
            ? `任务文本是正式任务第${no}项，序号却为${t.no}，建议改为${no}`
            : `任务文本是正式任务第${no}项，序号却为${t.no}，请核对序号`,
        en:
          official !== null
            ? `the text is official task ${no} but No. is ${t.no}; change it to ${no}`
            : `the text is official task ${no} but No. is ${t.no}; check the number`,
      },
      official ?? undefined,
    );
  } else if (c.seen[t.no] !== undefined) {
    const first = sheetRowNumber(c.place, c.seen[t.no] as number);
    add('no.duplicate', cellAt(t, 'no'), {
      zh: `序号${t.no}与第${first}行重复`,
      en: `No. ${t.no} repeats row ${first}`,
    });
  } else {
    c.seen[t.no] = t.row;
  }
}

interface TextContext {
  readonly official: OfficialMatching | null;
  readonly place: SheetPlace;
}

function checkTaskText(row: RowCheck, pairing: OfficialPairing | undefined, c: TextContext): void {
  const { task: t, add } = row;
  if (!t.task.trim()) {
    add(
      'task.empty',
      cellAt(t, 'task'),
      { zh: '工作任务为空', en: 'the task text is empty' },
      emptyTextFix(t, c),
    );
    return;
  }
  const repeatOf = c.official?.repeats.get(t.row);
  if (pairing && repeatOf !== undefined) {
    const first = sheetRowNumber(c.place, repeatOf);
    add('task.repeated', cellAt(t, 'task'), {
      zh: `与第${first}行是同一项正式任务（第${pairing.official.no}项），请核对是否重复录入`,
      en: `the same official task (${pairing.official.no}) as row ${first}; check for a double entry`,
    });
  }
  if (pairing?.how === 'clause') {
    clauseFinding(row, pairing);
    return;
  }
  if (pairing?.how !== 'near') return;
  const expected = pairing.official;
  const d = describeDifference(expected.task, t.task);
  // The text alone says which task this is; rewriting it is safe only when the number agrees.
  const safe = pairing.numberAgrees;
  add(
    'task.changed',
    cellAt(t, 'task'),
    {
      zh: `表述与正式任务第${expected.no}项不同（第${d.at}字起：正式为“${d.expected}”，现为“${d.actual}”）`,
      en: `wording differs from official task ${expected.no} at character ${d.at}: official "${d.expected}", sheet "${d.actual}"`,
    },
    safe ? expected.task : undefined,
  );
}

/**
 * A row that is an official task with a clause added or cut keeps that task; its wording is a
 * finding whose restore is offered on its own (the clause may be the user's), never in 全部修复.
 */
function clauseFinding(row: RowCheck, pairing: OfficialPairing): void {
  const { task: t, add } = row;
  const expected = pairing.official;
  const d = clauseDifference(expected.task, t.task);
  const quoted = (list: readonly string[]) => list.map((c) => `“${c}”`).join('');
  const what = [
    d.added.length ? { zh: `多出${quoted(d.added)}`, en: `adds ${quoted(d.added)}` } : null,
    d.cut.length ? { zh: `少了${quoted(d.cut)}`, en: `leaves out ${quoted(d.cut)}` } : null,
  ].filter((x): x is Bilingual => x !== null);
  const offer: Offer | undefined = pairing.numberAgrees
    ? {
        label: { zh: '恢复正式文本', en: 'Restore the official text' },
        fixes: [{ row: t.row, column: row.ledger.header.columns.task as number, value: expected.task }],
      }
    : undefined;
  add(
    'task.changed',
    { row: t.row, key: 'task', taskNo: t.no },
    {
      zh: `表述与正式任务第${expected.no}项不同（${what.map((w) => w.zh).join('，')}）；正式文本为“${expected.task}”`,
      en: `wording differs from official task ${expected.no} (${what.map((w) => w.en).join(', ')}); the official text is "${expected.task}"`,
    },
    undefined,
    offer,
  );
}

/**
 * An empty task text is restored only when nothing else could be meant: the sheet numbers as
 * the plan does, no row holds that task's text, and the row's units are that task's units.
 */
function emptyTextFix(t: LedgerTask, c: TextContext): string | undefined {
  if (!c.official?.numbersAgree || t.no === null) return undefined;
  const candidate = c.official.unpaired.find((o) => o.no === t.no);
  if (!candidate || normalizeUnitsText(t.unitsText) !== candidate.units) return undefined;
  return candidate.task;
}

function checkUnits(
  row: RowCheck,
  pairing: OfficialPairing | undefined,
  normalize: (text: string) => string,
  parseUnits: (text: string) => readonly ParsedUnit[],
): void {
  const { task: t, add } = row;
  const expected = pairing?.official;
  // Official units are restored only where the row is that task beyond doubt.
  const restore =
    pairing && (pairing.how === 'exact' || pairing.numberAgrees) ? pairing.official.units : undefined;
  if (!t.unitsText.trim()) {
    add('units.empty', cellAt(t, 'units'), { zh: '责任单位为空', en: 'no responsible unit' }, restore);
    return;
  }
  let nth = 0;
  // An indexed loop: a for…of allocates a step object per row until the function is optimized.
  for (let k = 0; k < t.units.length; k++) {
    const u = t.units[k];
    if (u.known) continue;
    const hint = u.suggestions.length
      ? `，是否为“${u.suggestions.join('”或“')}”？`
      : '，请核对名称或在“单位名录”中添加';
    const hintEn = u.suggestions.length
      ? `; did you mean ${u.suggestions.join(' or ')}?`
      : '; check the name or add it to 单位名录';
    add(
      'units.unknown',
      { ...cellAt(t, 'units'), nth: nth++ },
      { zh: `未知的责任单位“${u.raw}”${hint}`, en: `unknown unit "${u.raw}"${hintEn}` },
    );
  }
  const normalized = normalize(t.unitsText);
  if (expected && t.unitsText !== expected.units) {
    if (normalized === expected.units) {
      add(
        'units.format',
        cellAt(t, 'units'),
        { zh: '责任单位的标点或空格不规范', en: 'punctuation or spaces in the unit text' },
        normalized,
      );
    } else {
      const d = diffUnits(parseUnits(expected.units), t.units);
      const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join('');
      const parts = [
        d.missing.length ? { zh: `缺少${quoted(d.missing)}`, en: `missing ${d.missing.join(', ')}` } : null,
        d.extra.length ? { zh: `多出${quoted(d.extra)}`, en: `also ${d.extra.join(', ')}` } : null,
        ...d.respelled.map((r) => ({
          zh: `“${r.actual}”正式写作“${r.expected}”`,
          en: `${r.actual} is written ${r.expected}`,
        })),
      ].filter((p): p is Bilingual => p !== null);
      // Same units, same spelling: only their order or grouping (、 or ，) differs.
      const what = parts.length
        ? { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') }
        : { zh: '单位相同，顺序或分组不同', en: 'the same units in another order or grouping' };
      add(
        'units.changed',
        cellAt(t, 'units'),
        {
          zh: `责任单位与正式任务第${expected.no}项不同：${what.zh}（正式为“${expected.units}”）`,
          en: `units differ from official task ${expected.no}: ${what.en} (official: ${expected.units})`,
        },
        restore,
      );
    }
  } else if (!expected && normalized !== t.unitsText) {
    add(
      'units.format',
      cellAt(t, 'units'),
      {
        zh: '责任单位的标点或空格不规范（应使用全角“、”“，”且无空格）',
        en: 'punctuation or spaces in the unit text (use full-width 、 and ， without spaces)',
      },
      normalized,
    );
  }
}

/**
 * Empty 状态 cells: one is a finding on its cell; more (an adopted sheet that never had
 * statuses) are one finding for the sheet, each offering 设为“未启动” with every cell listed
 * in the confirmation. Said where the first empty cell is; nothing without a 状态 column.
 */
function emptyStatusCheck(
  ledger: Ledger,
  tasks: readonly LedgerTask[],
  statuses: readonly string[],
  statusOf: (text: string) => StatusCheck,
  add: Add,
  place: SheetPlace,
): { report: (row: RowCheck) => void } {
  const column = ledger.header.columns.status;
  const empty = column === undefined ? [] : tasks.filter((t) => statusOf(t.status).kind === 'empty');
  const fill = statuses.includes(STATUS_NOT_STARTED) ? STATUS_NOT_STARTED : statuses[0];
  const offer = (rows: readonly LedgerTask[]): Offer | undefined =>
    column === undefined || fill === undefined
      ? undefined
      : {
          label:
            rows.length === 1
              ? { zh: `设为“${fill}”`, en: `Set to ${fill}` }
              : { zh: `全部设为“${fill}”（${rows.length}）`, en: `Set all to ${fill} (${rows.length})` },
          fixes: rows.map((t) => ({ row: t.row, column, value: fill })),
        };
  return {
    report: ({ task: t, add: addOnRow }) => {
      if (column === undefined) return;
      if (empty.length === 1) {
        addOnRow(
          'status.empty',
          { row: t.row, key: 'status', taskNo: t.no },
          { zh: '状态未填写', en: 'status is empty' },
          undefined,
          offer(empty),
        );
        return;
      }
      if (t !== empty[0]) return;
      const listed = empty.slice(0, 10);
      const zh = listed.map((e) => (e.no !== null ? `第${e.no}项` : `第${sheetRowNumber(place, e.row)}行`));
      const en = listed.map((e) => (e.no !== null ? `task ${e.no}` : `row ${sheetRowNumber(place, e.row)}`));
      const more = empty.length > listed.length;
      add(
        'status.empty',
        { row: null, key: 'status', column: null },
        {
          zh: `${empty.length}项任务的状态未填写（${zh.join('、')}${more ? '等' : ''}）`,
          en: `${empty.length} tasks have no status (${en.join(', ')}${more ? '…' : ''})`,
        },
        undefined,
        offer(empty),
      );
    },
  };
}

function checkProgress(row: RowCheck, notes: ValueNotes): void {
  const { ledger, task: t, add } = row;
  const p = t.progress;
  const raw = cellText(cellOf(ledger, t.row, 'progress'));
  if (p.kind === 'invalid') {
    const note = notes.badProgress(p.reason)(raw);
    add('progress.invalid', cellAt(t, 'progress'), note);
    return;
  }
  if (p.kind !== 'ok') return;
  const fraction = fractionHint(p, raw);
  if (fraction) {
    add('progress.fraction', cellAt(t, 'progress'), fraction, fraction.percent);
    return;
  }
  if (p.source === 'percent-text' || p.source === 'number-text') {
    const asPercent = isPercentFormat(formatOf(ledger, t.row, 'progress'));
    add(
      'progress.text',
      cellAt(t, 'progress'),
      {
        zh: `进度以文本“${raw}”填写，已按${p.percent}%读取，建议改为数字`,
        en: `progress written as text "${raw}", read as ${p.percent}%; make it a number`,
      },
      asPercent ? p.percent / 100 : p.percent,
    );
  }
  if (t.done && p.percent < 100) {
    const note = notes.doneBelow100(p.percent);
    add('progress.doneBelow100', cellAt(t, 'progress'), note);
  }
  if (!t.done && p.percent >= 100 && t.status)
    add('progress.fullNotDone', cellAt(t, 'progress'), {
      zh: `进度已达100%，但状态为“${t.status}”`,
      en: `progress is 100% but the status is ${t.status}`,
    });
}

function checkDeadline(row: RowCheck, asOf: Day, notes: ValueNotes): void {
  const { task: t, add } = row;
  const d = t.deadline;
  if (d.kind === 'invalid') {
    const note = notes.badDeadline(d.reason)(t.deadlineText);
    add('deadline.invalid', cellAt(t, 'deadline'), note);
    return;
  }
  const current = t.current;
  if (current.kind !== 'date' || current.day >= asOf || t.done) return;
  // With a 申请延期至 column, an overdue task nobody asked to extend is said there, where it is filled in.
  if (!t.extension && row.ledger.header.columns.extendTo !== undefined) {
    const note = notes.notRequested(current.day);
    add('extension.notRequested', { row: t.row, key: 'extendTo', taskNo: t.no }, note);
    return;
  }
  const note = notes.overdue(current.day);
  add('deadline.overdue', cellAt(t, 'deadline'), note);
}

/** 申请延期至 after 完成时限, 延期批准 as 是/否, and 办结依据 for a completed task. */
function checkExtension(row: RowCheck, asOf: Day, requireEvidence: boolean): void {
  const { ledger, task: t, add } = row;
  const e = t.extension;
  if (e && e.to === null) {
    add(
      'extension.invalid',
      { row: t.row, key: 'extendTo', taskNo: t.no },
      {
        zh: `申请延期至“${e.text}”不是具体日期，请写作如“${yearOf(asOf)}-12-31”`,
        en: `extension date "${e.text}" is not a day; write e.g. ${yearOf(asOf)}-12-31`,
      },
    );
  } else if (e && e.to !== null && t.deadline.kind === 'date' && e.to <= t.deadline.day) {
    add(
      'extension.notLater',
      { row: t.row, key: 'extendTo', taskNo: t.no },
      {
        zh: `申请延期至${chineseDate(e.to)}，不晚于完成时限${chineseDate(t.deadline.day)}：延期应晚于原时限`,
        en: `the extension date ${isoDate(e.to)} is not after the deadline ${isoDate(t.deadline.day)}`,
      },
    );
  }
  if (e?.approvalUnclear) {
    const raw = cellText(cellOf(ledger, t.row, 'extendApproved'));
    add(
      'extension.approval',
      { row: t.row, key: 'extendApproved', taskNo: t.no },
      {
        zh: `延期批准“${raw}”应为“是”或“否”（未决定时留空），暂按申请中处理`,
        en: `延期批准 "${raw}" should be 是 or 否 (empty while undecided); read as not yet decided`,
      },
    );
  }
  if (requireEvidence && t.done && !t.evidence && ledger.header.columns.evidence !== undefined) {
    add(
      'evidence.missing',
      { row: t.row, key: 'evidence', taskNo: t.no },
      {
        zh: '状态为“已完成”，但未填写办结依据：请填写文号、链接或简要说明（没有办结依据的不写已完成）',
        en: 'marked 已完成 with no 办结依据: add a document number, a link or a short note',
      },
    );
  }
}

/** A ledger made before the 延期 and 办结依据 columns: one finding that offers to append them. */
function checkExtensionColumns(ledger: Ledger, findings: Finding[]): void {
  const missing = EXTENSION_COLUMNS.filter((key) => ledger.header.columns[key] === undefined);
  if (missing.length === 0) return;
  const names = missing.map((key) => columnSpec(key).header);
  findings.push({
    id: 'columns.extension@sheet',
    rule: 'columns.extension',
    severity: RULES['columns.extension'].severity,
    row: null,
    column: null,
    columnKey: null,
    taskNo: null,
    message: {
      zh: `台账没有${names.map((n) => `“${n}”`).join('')}列：可点“添加列”加在表格最右侧，现有列和内容不动。`,
      en: `The ledger has no ${names.join(', ')} column${names.length > 1 ? 's' : ''}: Add columns appends them at the table's right end, moving nothing.`,
    },
    action: 'addColumns',
  });
}

/** A finding a cell's value alone decides: its rule, its text (read with the task's prefix), and a fix. */
interface ValueNote {
  readonly rule: RuleId;
  readonly note: Bilingual;
  readonly fix?: CellValue;
}

/**
 * What the values of a column say, worked out once per distinct value: a ledger repeats the
 * same few statuses, deadlines and dates down a column, and its findings are kept while the
 * pane shows them, so equal findings share one text.
 */
interface ValueNotes {
  readonly status: (status: string) => ValueNote | null;
  readonly updated: (raw: CellValue) => ValueNote | null;
  readonly overdue: (day: Day) => Bilingual;
  /** Overdue with no extension asked for: said under 申请延期至. */
  readonly notRequested: (day: Day) => Bilingual;
  readonly badDeadline: (reason: DeadlineProblem) => (text: string) => Bilingual;
  readonly badProgress: (reason: 'not-a-number' | 'out-of-range') => (raw: string) => Bilingual;
  readonly doneBelow100: (percent: number) => Bilingual;
}

function valueNotes(
  options: ValidateOptions,
  statuses: readonly string[],
  statusOf: (text: string) => StatusCheck,
): ValueNotes {
  const list = statuses.join('、');
  // Examples name the current year, so a hint never proposes a date already past.
  const year = yearOf(options.asOf);
  const staleDays = options.staleDays ?? 30;
  const overdue = memoize((day: Day) => ({
    zh: `已超过完成时限（${chineseDate(day)}），尚未完成`,
    en: `past its deadline (${isoDate(day)}) and not completed`,
  }));
  return {
    status: memoize((status: string): ValueNote | null => {
      const check = statusOf(status);
      if (check.kind === 'variant')
        return {
          rule: 'status.variant',
          note: {
            zh: `状态“${status}”应写作“${check.status}”`,
            en: `status "${status}" should read ${check.status}`,
          },
          fix: check.status,
        };
      if (check.kind !== 'unknown') return null;
      if (check.suggestion)
        return {
          rule: 'status.unknown',
          note: {
            zh: `状态“${status}”不在列表（${list}）中，应为“${check.suggestion}”`,
            en: `status "${status}" is not in the list (${list}); did you mean ${check.suggestion}?`,
          },
          fix: check.suggestion,
        };
      return {
        rule: 'status.unknown',
        note: {
          zh: `状态“${status}”不在列表（${list}）中`,
          en: `status "${status}" is not in the list (${list})`,
        },
      };
    }),
    updated: memoize((raw: CellValue): ValueNote | null => {
      const text = typeof raw === 'number' ? null : parseDeadline(raw, { dateSystem: options.dateSystem });
      const day =
        text === null
          ? dayFromSerial(raw as number, options.dateSystem)
          : text.kind === 'date' && text.precision === 'day'
            ? text.day
            : null;
      if (day === null)
        return {
          rule: 'updated.invalid',
          note: {
            zh: `更新日期“${cellText(raw)}”无法识别`,
            en: `update date "${cellText(raw)}" is not a date`,
          },
        };
      const age = options.asOf - day;
      if (age <= staleDays) return null;
      return {
        rule: 'updated.stale',
        note: {
          zh: `已有${age}天未更新（上次${chineseDate(day)}）`,
          en: `not updated for ${age} days (last ${isoDate(day)})`,
        },
      };
    }),
    overdue,
    notRequested: memoize((day: Day) => {
      const note = overdue(day);
      return {
        zh: `${note.zh}，也未申请延期：请在“申请延期至”中填写新的时限并说明延期理由`,
        en: `${note.en}, and no extension was asked for: fill in 申请延期至 with a new date and 延期理由`,
      };
    }),
    badDeadline: memoize((reason: DeadlineProblem) =>
      memoize((text: string) => {
        const why: Partial<Record<DeadlineProblem, Bilingual>> = {
          'phantom-1900-02-29': {
            zh: '是 Excel 虚设的1900年2月29日',
            en: "is Excel's non-existent 1900-02-29",
          },
          'no-such-date': { zh: '不是有效日期', en: 'is not a real date' },
          'half-year-without-year': { zh: '未写年份', en: 'names no year' },
          'month-without-year': { zh: '未写年份', en: 'names no year' },
          'ambiguous-month': {
            zh: `无法确定是1月还是10月，请写作“${Math.floor(Number(text))}年10月底前”等`,
            en: `could be January or October; write e.g. ${Math.floor(Number(text))}年10月底前`,
          },
        };
        const w = why[reason] ?? {
          zh: `无法识别，可写作“${year}年12月底前”“${year}-12-31”或“长期”`,
          en: `is not recognized; write e.g. ${year}-12-31, ${year}年12月底前 or 长期`,
        };
        return { zh: `完成时限“${text}”${w.zh}`, en: `deadline "${text}" ${w.en}` };
      }),
    ),
    badProgress: memoize((reason: 'not-a-number' | 'out-of-range') =>
      memoize((raw: string) => {
        const why =
          reason === 'out-of-range'
            ? { zh: '超出0–100', en: 'outside 0–100' }
            : { zh: '不是数字', en: 'not a number' };
        return { zh: `进度“${raw}”${why.zh}`, en: `progress "${raw}" is ${why.en}` };
      }),
    ),
    doneBelow100: memoize((percent: number) => ({
      zh: `状态为“${STATUS_DONE}”，但进度为${percent}%`,
      en: `marked ${STATUS_DONE} but progress is ${percent}%`,
    })),
  };
}

/** A finding its value decided, on the row's cell of that column. */
function report(row: RowCheck, key: ColumnKey, found: ValueNote | null): void {
  if (found) row.add(found.rule, { row: row.task.row, key, taskNo: row.task.no }, found.note, found.fix);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
