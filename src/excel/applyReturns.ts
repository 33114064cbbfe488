// Writes the accepted changes of the returned forms into the ledger, in one batch, only where
// every target cell still holds what the review read; then logs each change on 变更记录 (an
// Excel table: time, file, unit, 序号, column, old value, new value, batch). Each apply has a
// batch id of its own. 撤销上次导入 reverts exactly the last apply not yet undone: it puts the old
// values back where the cells still hold the imported ones, and names the cells it left alone and
// why. Rows are found by 序号 in the table as it is now, never by the position of a read.
import {
  cellText,
  CHANGE_LOG_SPEC,
  columnLetter,
  columnSpec,
  FIRST_LEDGER_TABLE,
  batchOfLedger,
  layoutOf,
  loggedBatch,
  mapHeaders,
  placedFormats,
  placeRecord,
  readChangeLog,
  specLayout,
  type CellValue,
  type DateSystem,
  type ChangeLogEntry,
  type ColumnKey,
  type HeaderMap,
  type ProposedChange,
  recordReturn,
  type Day,
  type RegisterEntry,
  type RegisterChange,
} from '../ledger';
import { queueLedgerIdCheck } from './ledgerId';
import { queueDateSystem } from './reference';
import {
  checkRegisterColumns,
  queueRegisterRead,
  queueRegisterTakeBack,
  type RegisterTakeBack,
  queueRegisterWrite,
  type RegisterOutcome,
  type RegisterSheet,
} from './registerSheet';
import { REGISTER_TABLE } from './names';
import { needsTextFormat, toExcel } from './cells';
import { excelErrorCode, LedgerError } from './errors';
import { CHANGE_LOG_SHEET, CHANGE_LOG_TABLE, freeSheetName } from './names';
import { appendSpecRows, createSpecTable, fitAppended, occupiedBelow, queueFit } from './specTable';
import type { ApiSupport } from './requirements';
import type { AfterWrite, WrittenArea } from './ownWrites';
import { queueReadBack, type LedgerRead } from './readLedger';
import { queueTableIds } from './workbookRead';
import { checkGuard, queueGuard } from './writeGuard';

export interface ImportBatch {
  /** When the import was applied, as the user's clock says (2026-11-28 09:00). */
  readonly time: string;
  /** Names the batch in the log: 撤销上次导入 finds its rows by it. Unique per apply, never a time. */
  readonly batch: string;
}

/** A batch for one apply: two applies in the same minute are two batches. */
export function newImportBatch(time: string): ImportBatch {
  return { time, batch: `导入-${globalThis.crypto.randomUUID().slice(0, 8)}` };
}

/** A returned form being imported: its unit and round, for 报送登记. */
export interface Receipt {
  readonly file: string;
  readonly unit: string;
  /** The form's 截至 date: the round it answers. */
  readonly asOf: Day;
  /** The date the form asked to be back by, or null when it did not say. */
  readonly returnBy: Day | null;
}

export interface Receipts {
  readonly returns: readonly Receipt[];
  /** The day they were received (the import's day). */
  readonly on: Day;
  /** Whether the caller saw a 报送登记 table (a guess checked in the same request). */
  readonly expected: boolean;
}

export interface ApplyResult extends AfterWrite {
  readonly applied: number;
  /** What 报送登记 recorded; null when no receipt was given. */
  readonly register: RegisterOutcome | null;
  readonly skippedFormulas: readonly string[];
  readonly logSheet: string;
}

/** Why undo left a logged cell as it is. */
export type LeftAloneReason = 'row-gone' | 'column-gone' | 'changed';

export interface UndoResult extends AfterWrite {
  readonly restored: number;
  /** The logged cells undo did not put back, and why. */
  readonly leftAlone: readonly { readonly cell: string; readonly reason: LeftAloneReason }[];
  readonly batch: string;
  /** The files the undone apply imported. */
  readonly files: readonly string[];
  /** The returns taken back from 报送登记; null when it recorded none of them. */
  readonly register: Omit<RegisterTakeBack, 'putBack'> | null;
}

const UNDO_MARK = '·撤销';

/**
 * Text Excel must keep as typed: a leading = (never a formula), and any text in 完成时限, which
 * Excel would otherwise turn into a date of its own reading (2026年12月 is the 1st, not the month's end).
 */
const keptAsText = (value: CellValue, deadline: boolean) =>
  needsTextFormat(value) || (deadline && typeof value === 'string' && value !== '');
const same = (a: unknown, b: unknown) => cellText(a).trim() === cellText(b).trim();

interface LedgerNow {
  readonly body: Excel.Range;
  readonly whole: Excel.Range;
  /** The header as it is in this request: columns are mapped by it, never by an earlier read. */
  readonly header: Excel.Range;
}

function loadLedgerNow(context: Excel.RequestContext, read: LedgerRead): LedgerNow {
  const table = context.workbook.tables.getItem(read.location.tableName);
  const body = table.getDataBodyRange();
  body.load('values, formulas');
  const whole = table.getRange();
  whole.load('rowIndex, columnIndex');
  const header = table.getHeaderRowRange().load('values');
  return { body, whole, header };
}

/** The ledger's columns as the header read in this request places them. */
const columnsNow = (now: LedgerNow): HeaderMap => mapHeaders(now.header.values[0] as CellValue[]);

interface LogNow {
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  /** The user switched on its totals row (汇总行): rows are inserted above it, not written below. */
  readonly totals: boolean;
}

function loadLog(context: Excel.RequestContext) {
  const table = context.workbook.tables.getItemOrNullObject(CHANGE_LOG_TABLE);
  table.load('name, showTotals');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  return { table, sheets };
}

/** The 0-based row in the table body holding each 序号, when exactly one row does. */
function rowsByNumber(values: readonly (readonly unknown[])[], noColumn: number): Map<number, number> {
  const rows = new Map<number, number>();
  const repeated = new Set<number>();
  values.forEach((row, i) => {
    const no = row[noColumn];
    if (typeof no !== 'number') return;
    if (rows.has(no)) repeated.add(no);
    rows.set(no, i);
  });
  for (const no of repeated) rows.delete(no);
  return rows;
}

function cellAt(whole: Excel.Range, row: number, column: number): string {
  return `${columnLetter(whole.columnIndex + column)}${whole.rowIndex + 2 + row}`;
}

interface LoggedRows {
  readonly sheet: Excel.Worksheet;
  readonly made: boolean;
  /** Queues the rows just added away again (a refused import leaves no log rows). */
  readonly remove: () => void;
  /**
   * After the write's sync: refuses, putting back the import's cells (`undoWrites`) and the
   * block, when the rows landed on cells that held something; and when the log's columns are
   * not in the spec's order (a column moved, inserted or renamed), writes the block again with
   * each value under its own header, in one more request.
   */
  readonly settle: (undoWrites: () => void) => Promise<void>;
}

/** Appends log entries: a new table on a sheet of its own, or rows written below the one there is. */
function appendLog(
  context: Excel.RequestContext,
  log: ReturnType<typeof loadLog> | null,
  existing: LogNow | null,
  entries: readonly ChangeLogEntry[],
  supports: ApiSupport,
): LoggedRows {
  const inSpecOrder = entries.map((e) => placeRecord(specLayout(CHANGE_LOG_SPEC), { ...e }));
  const nothing = { settle: async () => undefined };
  if (existing) {
    const { table, sheet, totals } = existing;
    if (entries.length === 0) return { sheet, made: false, remove: () => undefined, ...nothing };
    // Read in this request, before the rows: the log's own column order, and its size for remove().
    const header = table.getHeaderRowRange().load('values');
    const before = table.getDataBodyRange().load('rowCount');
    const appended = appendSpecRows(table, CHANGE_LOG_SPEC, specLayout(CHANGE_LOG_SPEC), inSpecOrder, {
      clearBelow: !totals,
      supports,
      width: CHANGE_LOG_SPEC.columns.length,
    });
    sheet.load('name');
    return {
      sheet,
      made: false,
      // Bottom up, so each index names the row it did when added; rows the table did not take in
      // (AutoCorrect off) are not its rows: their cells are put back as they were.
      remove: () => {
        if (appended.missed() > 0) appended.restore();
        else for (let i = entries.length - 1; i >= 0; i--) table.rows.getItemAt(before.rowCount + i).delete();
      },
      settle: async (undoWrites) => {
        const cell = appended.occupied();
        if (cell !== null) {
          undoWrites();
          appended.restore();
          await context.sync();
          throw occupiedBelow(sheet.name, cell);
        }
        const layout = layoutOf(CHANGE_LOG_SPEC, header.values[0] as CellValue[]);
        const spec = specLayout(CHANGE_LOG_SPEC);
        const inOrder =
          layout.width === spec.width &&
          CHANGE_LOG_SPEC.columns.every((c) => layout.columns[c.key] === spec.columns[c.key]);
        if (inOrder) return fitAppended(context, table, [appended], supports);
        const rows = entries.map((e) => placeRecord(layout, { ...e }));
        if (layout.width < spec.width) {
          // A log narrower than the rows (a column deleted): the block stood partly beside the
          // table, which did not grow. It goes, and the rows are inserted into the table instead.
          appended.restore();
          appendSpecRows(table, CHANGE_LOG_SPEC, layout, rows, { clearBelow: false, supports });
        } else {
          // Wider or reordered: each value goes under its header, and the table over the rows
          // where it did not grow (queued after the values: their write cannot grow it twice).
          const block = sheet.getRange(appended.address()).getResizedRange(0, layout.width - spec.width);
          block.numberFormat = rows.map((r) => placedFormats(CHANGE_LOG_SPEC, layout, r));
          block.values = rows.map((r) => r.map(toExcel));
          queueFit(table, [appended], supports);
        }
        await context.sync();
      },
    };
  }
  const name = freeSheetName(
    CHANGE_LOG_SHEET,
    (log?.sheets.items ?? []).map((s) => s.name),
  );
  const sheet = context.workbook.worksheets.add(name);
  createSpecTable(sheet, CHANGE_LOG_SPEC, { rows: inSpecOrder }, { style: 'TableStyleLight9' });
  sheet.freezePanes.freezeRows(1);
  return { sheet, made: true, remove: () => sheet.delete(), ...nothing };
}

/**
 * Queues the look at 报送登记 into the first request: the whole table (the plan's rows) where the
 * caller saw one, else whether one exists. A wrong guess costs one more request (the table read
 * after all, or the request again without it), never a stale read.
 */
function queueRegisterLook(
  context: Excel.RequestContext,
  expected: boolean,
  plan: string,
): () => Promise<{ sheet: RegisterSheet | null; dateSystem: DateSystem }> {
  const dateSystem = queueDateSystem(context);
  if (expected) {
    const sheet = queueRegisterRead(context, plan);
    return async () => ({ sheet: sheet(dateSystem()), dateSystem: dateSystem() });
  }
  const present = context.workbook.tables.getItemOrNullObject(REGISTER_TABLE).load('name');
  return async () => {
    if (present.isNullObject) return { sheet: null, dateSystem: dateSystem() };
    const sheet = queueRegisterRead(context, plan);
    await context.sync();
    return { sheet: sheet(dateSystem()), dateSystem: dateSystem() };
  };
}

/**
 * 记录为已报: the returns of a review that proposes nothing (or of which nothing was accepted)
 * recorded in 报送登记 alone, in one request: the register read, then its rows written. Nothing
 * else in the workbook is written, 变更记录 included (there is no change to log). The returns are
 * recorded on the rows of `plan` (the ledger table the review checked them against).
 */
export async function recordReturns(
  context: Excel.RequestContext,
  receipts: Receipts,
  supports: ApiSupport,
  plan: string = FIRST_LEDGER_TABLE,
  ledgerId?: string,
): Promise<RegisterOutcome> {
  const first = async (expected: boolean) => {
    const look = queueRegisterLook(context, expected, plan);
    const sheets = context.workbook.worksheets.load('items/name');
    // The plan recorded is the ledger the forms were reviewed against, checked in this request.
    const idCheck = ledgerId === undefined ? null : queueLedgerIdCheck(context, plan, ledgerId);
    await context.sync();
    idCheck?.();
    return { registerRead: await look(), sheets };
  };
  const expected = receipts.expected;
  const { registerRead, sheets } = await first(expected).catch((error: unknown) => {
    if (expected && excelErrorCode(error) === 'ItemNotFound') return first(false);
    throw error;
  });
  const write = queueRegisterWrite(
    context,
    registerRead.sheet,
    receiptChanges(registerRead.sheet?.register.entries ?? [], receipts),
    registerRead.dateSystem,
    sheets.items.map((s) => s.name),
    supports,
    plan,
  );
  await context.sync();
  await write.settle();
  return write.outcome;
}

/** Each return recorded in turn: two returns of one unit in one import count twice. */
function receiptChanges(read: readonly RegisterEntry[], receipts: Receipts): RegisterChange[] {
  const entries = [...read];
  const changed = new Map<number, RegisterEntry>();
  for (const r of receipts.returns) {
    const change = recordReturn(entries, { ...r, on: receipts.on });
    const index = change.index ?? entries.length;
    entries[index] = change.entry;
    changed.set(index, change.entry);
  }
  return [...changed].map(([index, entry]) => ({ index: index < read.length ? index : null, entry }));
}

/** The log table there is, known once the first sync said it exists. */
function existingLog(context: Excel.RequestContext, log: ReturnType<typeof loadLog>): LogNow | null {
  if (log.table.isNullObject) return null;
  const table = context.workbook.tables.getItem(CHANGE_LOG_TABLE);
  return {
    table,
    sheet: context.workbook.tables.getItem(CHANGE_LOG_TABLE).worksheet,
    totals: log.table.showTotals,
  };
}

function staleImport(cells: readonly string[]): LedgerError {
  return new LedgerError(
    {
      zh: `${cells.join('、')} 在审核后被修改，为避免覆盖，未导入任何内容。请重新导入并审核。`,
      en: `${cells.join(', ')} changed since the review; nothing was imported. Import and review again.`,
    },
    'StaleImport',
  );
}

/**
 * Two syncs: the ledger as it is and whether there is a log; then the writes, the log rows and
 * the read-back. Refuses, changing nothing, when a target cell moved on since the review.
 */
export async function applyReturns(
  context: Excel.RequestContext,
  read: LedgerRead,
  changes: readonly ProposedChange[],
  batch: ImportBatch,
  supports: ApiSupport,
  receipts?: Receipts,
  ledgerId?: string,
): Promise<ApplyResult> {
  const first = async (expected: boolean) => {
    const ledgerNow = loadLedgerNow(context, read);
    const logLook = loadLog(context);
    // The ledger written is the one the forms were reviewed against, checked in this request.
    const idCheck =
      ledgerId === undefined ? null : queueLedgerIdCheck(context, read.location.tableName, ledgerId);
    // The receipts go on the rows of the plan whose ledger this import writes.
    const look = receipts?.returns.length
      ? queueRegisterLook(context, expected, read.location.tableName)
      : null;
    await context.sync();
    idCheck?.();
    return { now: ledgerNow, log: logLook, registerRead: look ? await look() : null };
  };
  const expected = receipts?.expected === true;
  const { now, log, registerRead } = await first(expected).catch((error: unknown) => {
    // 报送登记 was expected but is gone: the request failed as a whole; asked again without it.
    if (expected && excelErrorCode(error) === 'ItemNotFound') return first(false);
    throw error;
  });
  // Before any write is queued: a register that cannot be written whole refuses the import.
  checkRegisterColumns(registerRead?.sheet ?? null);
  const existing = existingLog(context, log);
  const columns = columnsNow(now).columns;
  const noColumn = columns.no;
  if (noColumn === undefined) {
    throw new LedgerError(
      { zh: '台账缺少“序号”列，无法导入。', en: 'The ledger has no 序号 column.' },
      'ColumnMissing',
    );
  }

  const values = now.body.values as unknown[][];
  const formulas = now.body.formulas as unknown[][];
  const rows = rowsByNumber(values, noColumn);
  const targets = changes.map((change) => {
    const row = rows.get(change.no);
    const column = columns[change.column];
    return { change, row, column };
  });
  const lost = targets.filter((t) => t.row === undefined || t.column === undefined).map((t) => t.change.no);
  if (lost.length) {
    throw new LedgerError(
      {
        zh: `台账中找不到序号为${[...new Set(lost)].join('、')}的唯一一行（可能已删除、改号或重复），未做任何更改。请重新导入。`,
        en: `No single row numbered ${[...new Set(lost)].join(', ')} in the ledger; nothing was changed.`,
      },
      'TaskNotFound',
    );
  }
  const placed = targets.map((t) => ({ ...t, row: t.row as number, column: t.column as number }));
  // Several units' lines on one cell come chained, each from what the one before made: the
  // first is checked against the cell as read, each later one against the line before it.
  const reached = new Map<string, unknown>();
  const moved = placed.filter((t) => {
    const key = `${t.row}:${t.column}`;
    const held = reached.has(key) ? reached.get(key) : values[t.row][t.column];
    reached.set(key, t.change.to);
    return !same(held, t.change.from);
  });
  if (moved.length) throw staleImport([...new Set(moved.map((t) => cellAt(now.whole, t.row, t.column)))]);
  const isFormula = (t: (typeof placed)[number]) => String(formulas[t.row][t.column]).startsWith('=');
  const skippedFormulas = [
    ...new Set(
      placed.filter(isFormula).map((t) => `${read.location.sheetName}!${cellAt(now.whole, t.row, t.column)}`),
    ),
  ];
  const writes = placed.filter((t) => !isFormula(t));
  // Each cell written once, with its last value, and guarded against what was read there.
  const cells = [...new Map(writes.map((t) => [`${t.row}:${t.column}`, t])).values()].map((last) => {
    const first = writes.find((t) => t.row === last.row && t.column === last.column) as typeof last;
    return { ...last, from: first.change.from };
  });
  const sheet = context.workbook.worksheets.getItem(read.location.sheetId);
  // The cells once more, just before they are written: a co-author's edit since the check is put back.
  const guard = queueGuard(
    cells.map((t) => ({
      cell: sheet.getRange(cellAt(now.whole, t.row, t.column)),
      expected: t.from,
    })),
  );
  for (const t of cells) {
    const cell = sheet.getRange(cellAt(now.whole, t.row, t.column));
    if (keptAsText(t.change.to, t.change.column === 'deadline')) cell.numberFormat = [['@']];
    cell.values = [[toExcel(t.change.to)]];
  }
  const header = (column: number) => cellText((now.header.values[0] as unknown[])[column]);
  const logged = appendLog(
    context,
    log,
    existing,
    writes.map((t) => ({
      time: batch.time,
      file: t.change.file,
      unit: t.change.unit,
      no: t.change.no,
      column: header(t.column),
      from: cellText(t.change.from),
      to: cellText(t.change.to),
      batch: loggedBatch(batch.batch, read.location.tableName),
    })),
    supports,
  );
  const recorded =
    receipts && registerRead
      ? queueRegisterWrite(
          context,
          registerRead.sheet,
          receiptChanges(registerRead.sheet?.register.entries ?? [], receipts),
          registerRead.dateSystem,
          log.sheets.items.map((s) => s.name),
          supports,
          read.location.tableName,
        )
      : null;
  logged.sheet.load('name, id');
  const readBack = queueReadBack(context, read.location);
  // A register made now: the tables read back, so the pane's next action expects it.
  const tableIds = registerRead && !registerRead.sheet && recorded ? queueTableIds(context) : null;
  await context.sync();
  // Nothing is imported after all when a cell moved: the log rows and the receipts just added go too.
  await checkGuard(
    context,
    guard,
    (moved) => staleImport([moved.address]),
    () => {
      logged.remove();
      recorded?.undo();
    },
  );
  await logged.settle(guard.restore);
  await recorded?.settle();
  // The log's own table is not one the pane reads: only the ledger's cells are named.
  // A text format set first is a command of its own, reported as a change too.
  const written: WrittenArea[] = cells.flatMap((t) => {
    const area = {
      worksheetId: read.location.sheetId,
      address: cellAt(now.whole, t.row, t.column),
      values: [[t.change.to]],
    };
    return keptAsText(t.change.to, t.change.column === 'deadline')
      ? [{ ...area, values: undefined }, area]
      : [area];
  });
  return {
    applied: writes.length,
    register: recorded?.outcome ?? null,
    skippedFormulas,
    logSheet: logged.sheet.name,
    read: readBack ? readBack() : null,
    ...(tableIds ? { tables: tableIds() } : {}),
    written,
    selectionMoves: 0,
    // 报送登记 made now is a table the pane must learn of, as the log is.
    tablesAdded:
      (logged.made ? 1 : 0) + (madeRegister(registerRead?.sheet ?? null, recorded?.outcome) ? 1 : 0),
  };
}

/** Whether a register write made the table (there was none to read, and a row was kept). */
function madeRegister(read: RegisterSheet | null, outcome: RegisterOutcome | undefined): boolean {
  return read === null && outcome?.kept === true && outcome.added > 0;
}

/**
 * A logged text back as the ledger held it: numbers as numbers (progress, a date's serial),
 * except in a text column, where a phone number stays the text it was.
 */
function restored(text: string, textColumn: boolean): CellValue {
  return !textColumn && text !== '' && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** Whether the ledger column at this index is one the add-in types as text. */
function isTextColumn(columns: HeaderMap['columns'], column: number): boolean {
  const key = (Object.keys(columns) as ColumnKey[]).find((k) => columns[k] === column);
  return key !== undefined && columnSpec(key).format === '@';
}

/**
 * The ledger as it is, the log's rows and 报送登记 (where the caller saw one, else whether there
 * is one), in one request. A workbook without a log has nothing to undo (one more request tells
 * that from a ledger table that is gone); a register expected but gone costs one more too.
 */
async function readForUndo(context: Excel.RequestContext, read: LedgerRead, registerExpected: boolean) {
  const nothing = new LedgerError(
    { zh: '没有可撤销的导入。', en: 'There is no import to undo.' },
    'NothingToUndo',
  );
  const attempt = async (expected: boolean) => {
    const now = loadLedgerNow(context, read);
    const table = context.workbook.tables.getItem(CHANGE_LOG_TABLE).load('showTotals');
    const header = table.getHeaderRowRange().load('values');
    const body = table.getDataBodyRange().load('values');
    // The plan's rows: undo takes back what the import recorded for the ledger it restores.
    const look = queueRegisterLook(context, expected, read.location.tableName);
    await context.sync();
    return { now, table, header, body, register: await look() };
  };
  const first = await attempt(registerExpected).catch(async (error: unknown) => {
    if (excelErrorCode(error) !== 'ItemNotFound') throw error;
    const log = context.workbook.tables.getItemOrNullObject(CHANGE_LOG_TABLE).load('name');
    await context.sync();
    if (log.isNullObject) throw nothing;
    if (!registerExpected) throw error;
    return attempt(false);
  });
  const { now, table, header, body, register } = first;
  const log = {
    table,
    sheet: context.workbook.tables.getItem(CHANGE_LOG_TABLE).worksheet,
    totals: table.showTotals,
  };
  const layout = layoutOf(CHANGE_LOG_SPEC, header.values[0] as CellValue[]);
  // A log without the columns undo reads (renamed past recognition) is one it cannot use.
  if (layout.missing.length)
    throw new LedgerError(
      {
        zh: `“${CHANGE_LOG_SHEET}”表缺少“${layout.missing.map((k) => CHANGE_LOG_SPEC.columns.find((c) => c.key === k)?.header).join('”“')}”列，无法撤销。请恢复列标题后再试。`,
        en: `The change log lacks a column undo reads (${layout.missing.join(', ')}); nothing was changed.`,
      },
      'ColumnMissing',
    );
  return {
    now,
    log,
    entries: readChangeLog(layout, body.values as CellValue[][]),
    nothing,
    register: register.sheet,
  };
}

/**
 * Puts back the old values of the last apply not yet undone, where the cells still hold what it
 * wrote. Two syncs: the ledger and the log; then the writes, the log rows and the read-back.
 */
export async function undoLastImport(
  context: Excel.RequestContext,
  read: LedgerRead,
  time: string,
  supports: ApiSupport,
  registerExpected = false,
): Promise<UndoResult> {
  const {
    now,
    log,
    entries: fromLog,
    nothing,
    register,
  } = await readForUndo(context, read, registerExpected);
  const columns = columnsNow(now).columns;
  const noColumn = columns.no;
  if (noColumn === undefined) throw nothing;
  // The imports into this ledger only: another plan's rows name its own 序号.
  const entries = fromLog.filter((e) => e.batch && batchOfLedger(e.batch, read.location.tableName));
  const undone = new Set(
    entries.filter((e) => e.batch.endsWith(UNDO_MARK)).map((e) => e.batch.slice(0, -UNDO_MARK.length)),
  );
  const last = [...entries].reverse().find((e) => !e.batch.endsWith(UNDO_MARK) && !undone.has(e.batch));
  if (!last) throw nothing;
  const batch = entries.filter((e) => e.batch === last.batch);
  // Refused before anything is queued: a register that cannot be written whole.
  checkRegisterColumns(register);

  const values = now.body.values as unknown[][];
  const rows = rowsByNumber(values, noColumn);
  const headers = (now.header.values[0] as unknown[]).map((h) => cellText(h));
  // The logged header, or the column it named under another spelling the user renamed it to.
  const columnOfEntry = (header: string) => {
    const exact = headers.indexOf(header);
    if (exact >= 0) return exact;
    const key = mapHeaders([header]).matches[0]?.key;
    return key === undefined ? -1 : (columns[key] ?? -1);
  };
  const sheet = context.workbook.worksheets.getItem(read.location.sheetId);
  const leftAlone: { cell: string; reason: LeftAloneReason }[] = [];
  const done: { address: string; entry: (typeof batch)[number] }[] = [];
  // Last first: units' lines chained on one cell come off in turn, each back to the one before.
  const held = new Map<string, { row: number; column: number; read: unknown; value: CellValue }>();
  for (const entry of [...batch].reverse()) {
    const row = rows.get(entry.no);
    const column = columnOfEntry(entry.column);
    if (row === undefined || column < 0) {
      leftAlone.unshift({
        cell: `第${entry.no}项（${entry.column}）`,
        reason: row === undefined ? 'row-gone' : 'column-gone',
      });
      continue;
    }
    const address = cellAt(now.whole, row, column);
    const cell = held.get(address) ?? {
      row,
      column,
      read: values[row][column],
      value: values[row][column] as CellValue,
    };
    if (!same(cell.value, entry.to)) {
      const named = `${read.location.sheetName}!${address}`;
      if (!leftAlone.some((l) => l.cell === named)) leftAlone.unshift({ cell: named, reason: 'changed' });
      continue;
    }
    const value = restored(entry.from, isTextColumn(columns, column));
    held.set(address, { ...cell, value });
    done.unshift({ address, entry });
  }
  // In the log's order, each cell once, with the value it goes back to.
  const restoredCells = [...new Set(done.map((d) => d.address))].map((address) => ({
    address,
    ...(held.get(address) as { row: number; column: number; read: unknown; value: CellValue }),
  }));
  for (const { address, value, column } of restoredCells) {
    const cell = sheet.getRange(address);
    if (keptAsText(value, column === columns.deadline)) cell.numberFormat = [['@']];
    cell.values = [[toExcel(value)]];
  }
  const logged = appendLog(
    context,
    null,
    log,
    done.map(({ entry }) => ({
      ...entry,
      time,
      from: entry.to,
      to: entry.from,
      batch: `${last.batch}${UNDO_MARK}`,
    })),
    supports,
  );
  const takenBack = queueRegisterTakeBack(context, register, batch);
  logged.sheet.load('id');
  const readBack = queueReadBack(context, read.location);
  await context.sync();
  await logged.settle(() => {
    takenBack?.putBack();
    for (const cell of restoredCells)
      sheet.getRange(cell.address).values = [[toExcel(cell.read as CellValue)]];
  });
  return {
    restored: done.length,
    leftAlone,
    batch: last.batch,
    files: [...new Set(batch.map((e) => e.file))],
    register: takenBack && {
      kept: takenBack.kept,
      sheetName: takenBack.sheetName,
      takenBack: takenBack.takenBack,
    },
    read: readBack ? readBack() : null,
    written: restoredCells.flatMap((d) => {
      const area = { worksheetId: read.location.sheetId, address: d.address, values: [[d.value]] };
      // A text format set first is a command of its own, reported as a change too.
      return keptAsText(d.value, d.column === columns.deadline)
        ? [{ ...area, values: undefined }, area]
        : [area];
    }),
    selectionMoves: 0,
    tablesAdded: logged.made ? 1 : 0,
  };
}
