// The 报送登记 sheet: an Excel table at the end of the workbook with one row per report round
// and unit (see ledger/reportRegister). Read with the action's own first request; written in the
// request that issues the forms or imports the returns, never in one of its own. Protected
// without a password against accidental edits, as 进度快照 is; a sheet someone else protected is
// left alone and the round is not recorded (the pane says so). Each plan's rows carry its ledger
// table in 方案: a plan reads and writes only its own.
import {
  cellText,
  CHANGE_LOG_SPEC,
  FIRST_LEDGER_TABLE,
  layoutOf,
  placedFormats,
  placeRecord,
  readRegister,
  REGISTER_SPEC,
  registerRow,
  type CellValue,
  type DateSystem,
  type RegisterChange,
  type RegisterEntry,
  type RegisterRead,
  type TableLayout,
  type RegisterColumn,
} from '../ledger';
import { toExcel } from './cells';
import { LedgerError } from './errors';
import { CHANGE_LOG_TABLE, freeSheetName, PROTECTION_SETTING, REGISTER_TABLE } from './names';
import { queueDateSystem } from './reference';
import { isOurProtection, markProtected, markState, queueProtectionMark, type MarkState } from './protection';
import {
  appendSpecColumn,
  appendSpecRows,
  createSpecTable,
  occupiedBelow,
  queueFit,
  queueRoomBelow,
  queueRoomRight,
  queueSpecTableRead,
} from './specTable';
import type { ApiSupport } from './requirements';

export interface RegisterSheet {
  readonly register: RegisterRead;
  readonly layout: TableLayout<RegisterColumn>;
  /** The table's data rows as read, an office's own columns included. */
  readonly rows: readonly (readonly CellValue[])[];
  readonly sheetId: string;
  readonly sheetName: string;
  readonly protection: 'none' | 'ours' | 'user';
  /** The sheet's protection mark against this table (replaced by the add-in's when it protects). */
  readonly mark: MarkState;
  readonly clearBelow: boolean;
  /** Nothing on the sheet right of the table: a missing 方案 column can be appended. */
  readonly clearRight: boolean;
  readonly dateSystem: DateSystem;
  /** The plan whose rows `register` holds: its ledger table. */
  readonly plan: string;
}

/** Queues the read of the 报送登记 table (which must exist), one plan's rows; readable after the next sync. */
export function queueRegisterRead(
  context: Excel.RequestContext,
  plan: string = FIRST_LEDGER_TABLE,
): (dateSystem: DateSystem) => RegisterSheet {
  const table = context.workbook.tables.getItem(REGISTER_TABLE);
  const sheet = table.worksheet.load('id, name');
  const protection = sheet.protection.load('protected');
  const setting = context.workbook.settings.getItemOrNullObject(PROTECTION_SETTING).load('value');
  const mark = queueProtectionMark(sheet);
  const room = queueRoomBelow(table);
  const right = queueRoomRight(table);
  const cells = queueSpecTableRead(table, REGISTER_SPEC);
  return (dateSystem) => {
    const { header, rows, layout } = cells();
    return {
      register: readRegister(header, rows, dateSystem, plan),
      layout,
      rows,
      sheetId: sheet.id,
      sheetName: sheet.name,
      protection: !protection.protected
        ? 'none'
        : isOurProtection({ sheet, setting, mark, tableName: REGISTER_TABLE })
          ? 'ours'
          : 'user',
      mark: markState(mark, REGISTER_TABLE),
      clearBelow: room.clear(),
      clearRight: right.clear(),
      dateSystem,
      plan,
    };
  };
}

/**
 * Refuses a register the add-in cannot write whole: a column it fills was renamed past
 * recognition or deleted, so a date or a count would be dropped. Called before anything is
 * queued, so the action writes nothing.
 */
export function checkRegisterColumns(read: RegisterSheet | null): void {
  if (!read || read.protection === 'user') return;
  // 方案 is optional: a register made before it holds the first plan's rows (see queueRegisterWrite).
  const missing = REGISTER_SPEC.columns.filter(
    (c) => c.key !== 'plan' && read.layout.columns[c.key] === undefined,
  );
  if (missing.length === 0) return;
  const headers = missing.map((c) => c.header);
  throw new LedgerError(
    {
      zh: `“${read.sheetName}”表缺少“${headers.join('”“')}”列（可能被改名或删除），未做任何更改。请恢复列标题后再试。`,
      en: `${read.sheetName} lacks the column(s) ${headers.join(', ')} (renamed or deleted); nothing was changed. Restore the headers and try again.`,
    },
    'ColumnMissing',
  );
}

export type RegisterOutcome =
  | { readonly kept: true; readonly sheetName: string; readonly updated: number; readonly added: number }
  | {
      readonly kept: false;
      readonly sheetName: string;
      /**
       * A register made before 方案, something right of it, and another plan's round: its rows
       * could not be told from the first plan's (no reason: protected by someone else).
       */
      readonly reason?: 'no-room';
    };

/** What to tell the user when the round could not be recorded. */
export function registerNotKeptNotice(sheetName: string): { zh: string; en: string } {
  return {
    zh: `工作表“${sheetName}”被他人设置了保护，本次未记入报送登记；撤销保护后再操作即可记录。`,
    en: `Sheet ${sheetName} was protected by someone else, so the 报送 register was not updated; unprotect it and try again.`,
  };
}

const PROTECT: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowFormatRows: true,
};

export interface RegisterWrite {
  readonly outcome: RegisterOutcome;
  /**
   * After the write's sync: refuses when the appended rows landed on cells that held something
   * (putting them back, one more request), and records a sheet made now as protected by the
   * add-in (one more request, the first time only: its id is known once it exists).
   */
  readonly settle: () => Promise<void>;
  /** Queues the register back as it was read (a refused import records no return). */
  readonly undo: () => void;
}

/**
 * Queues the register's changes into the caller's write request: a new sheet and table when the
 * workbook has none, else each changed row rewritten in place (the office's own columns kept)
 * and new rows appended below the table.
 */
export function queueRegisterWrite(
  context: Excel.RequestContext,
  read: RegisterSheet | null,
  changes: readonly RegisterChange[],
  dateSystem: DateSystem,
  takenNames: Iterable<string>,
  supports: ApiSupport,
  /** The plan's ledger table, written in 方案 on each new row. */
  plan: string = FIRST_LEDGER_TABLE,
): RegisterWrite {
  checkRegisterColumns(read);
  const nothing = { settle: async () => undefined, undo: () => undefined };
  if (read?.protection === 'user') return { outcome: { kept: false, sheetName: read.sheetName }, ...nothing };
  if (changes.length === 0)
    return { outcome: { kept: true, sheetName: read?.sheetName ?? '', updated: 0, added: 0 }, ...nothing };
  // A register made before 方案 holds the first plan's rows: only another plan needs the column,
  // appended at the table's end when nothing stands right of it (it would be pushed aside).
  const first = plan.toLowerCase() === FIRST_LEDGER_TABLE.toLowerCase();
  const addPlan = read !== null && read.layout.columns.plan === undefined && !first;
  if (read && addPlan && !read.clearRight)
    return { outcome: { kept: false, sheetName: read.sheetName, reason: 'no-room' }, ...nothing };
  if (!read) {
    const name = freeSheetName(REGISTER_SPEC.sheet, takenNames);
    const sheet = context.workbook.worksheets.add(name);
    const rows = changes.map((c) => registerRow(c.entry, dateSystem, undefined, [], plan));
    createSpecTable(sheet, REGISTER_SPEC, { rows }, { style: 'TableStyleLight1' });
    sheet.freezePanes.freezeRows(1);
    // The protection is marked as the add-in's on the sheet itself (issue 23, item 11).
    markProtected(sheet, REGISTER_TABLE);
    sheet.protection.protect(PROTECT);
    return {
      outcome: { kept: true, sheetName: name, updated: 0, added: rows.length },
      settle: async () => undefined,
      undo: () => sheet.delete(),
    };
  }
  const sheet = context.workbook.worksheets.getItem(read.sheetId);
  const table = context.workbook.tables.getItem(REGISTER_TABLE);
  if (read.protection === 'ours') sheet.protection.unprotect();
  const layout = addPlan ? appendSpecColumn(table, REGISTER_SPEC, read.layout, 'plan') : read.layout;
  // A row as read, as wide as the table now is (its new 方案 cell blank).
  const asRead = (index: number) =>
    Array.from({ length: layout.width }, (_, i) => read.rows[index]?.[i] ?? '');
  // Entries index the rows read that hold one; blank and unreadable rows are skipped.
  const updates = changes.flatMap((c) =>
    c.index === null ? [] : [{ index: read.register.rowOf[c.index], entry: c.entry }],
  );
  const rowAt = (index: number) => table.getDataBodyRange().getRow(index);
  for (const { index, entry } of updates) {
    const row = registerRow(entry, dateSystem, layout, asRead(index));
    const cells = rowAt(index);
    // Formats first: a unit's name stays text, never a formula.
    cells.numberFormat = [placedFormats(REGISTER_SPEC, layout, row)];
    cells.values = [row.map(toExcel)];
  }
  const added = changes
    .filter((c) => c.index === null)
    .map((c) => registerRow(c.entry, dateSystem, layout, [], plan));
  const appended = added.length
    ? appendSpecRows(table, REGISTER_SPEC, layout, added, { clearBelow: read.clearBelow, supports })
    : null;
  const before = appended ? table.getDataBodyRange().load('rowCount') : null;
  markProtected(sheet, REGISTER_TABLE, read.mark);
  sheet.protection.protect(PROTECT);
  const putBack = () => {
    for (const { index } of updates) rowAt(index).values = [asRead(index).map(toExcel)];
  };
  return {
    outcome: { kept: true, sheetName: read.sheetName, updated: updates.length, added: added.length },
    settle: async () => {
      const cell = appended?.occupied() ?? null;
      if (cell === null) {
        if (!appended?.missed()) return;
        // The table did not grow over the rows (AutoCorrect off): resized over them, in one more
        // request, the sheet unprotected for it.
        sheet.protection.unprotect();
        queueFit(table, [appended], supports);
        sheet.protection.protect(PROTECT);
        await context.sync();
        return;
      }
      sheet.protection.unprotect();
      putBack();
      appended?.restore();
      sheet.protection.protect(PROTECT);
      await context.sync();
      throw occupiedBelow(read.sheetName, cell);
    },
    undo: () => {
      sheet.protection.unprotect();
      putBack();
      // Rows the table did not take in (AutoCorrect off) are not its rows: their cells go back as
      // they were. Else bottom up, so each index names the row it did when added.
      if (appended?.missed()) appended.restore();
      else {
        const count = before?.rowCount ?? 0;
        for (let i = count - 1; i >= count - added.length; i--) table.rows.getItemAt(i).delete();
      }
      sheet.protection.protect(PROTECT);
    },
  };
}

export interface RegisterTakeBack {
  readonly kept: boolean;
  readonly sheetName: string;
  /** Units whose return was taken back (0 when the sheet was protected by someone else). */
  readonly takenBack: number;
  /** Queues the rows back as read (an undo refused after its write). */
  readonly putBack: () => void;
}

/**
 * 撤销上次导入's part in 报送登记: each unit's return the undone import recorded (its row named
 * by one of the import's files) taken back: 报送次数 less the files it counted, and 报送日期 and
 * the file cleared when none is left; a row the import added for a unit the round never asked
 * goes. Queued into the undo's own write request. Null when nothing is to be taken back; a sheet
 * someone else protected is left alone (the outcome says so).
 */
export function queueRegisterTakeBack(
  context: Excel.RequestContext,
  read: RegisterSheet | null,
  returns: readonly { readonly unit: string; readonly file: string }[],
): RegisterTakeBack | null {
  if (!read) return null;
  const { entries, rowOf } = read.register;
  const files = new Map<string, Set<string>>();
  for (const r of returns) files.set(r.unit, (files.get(r.unit) ?? new Set()).add(r.file));
  const takeBack = entries.flatMap((entry, index) => {
    const ofUnit = files.get(entry.unit);
    if (!ofUnit?.has(entry.file) || entry.returns === 0) return [];
    const returnsLeft = Math.max(0, entry.returns - ofUnit.size);
    const left: RegisterEntry =
      returnsLeft > 0
        ? { ...entry, returns: returnsLeft }
        : { ...entry, returns: 0, receivedOn: null, file: '' };
    return [{ row: rowOf[index], entry: left }];
  });
  if (takeBack.length === 0) return null;
  if (read.protection === 'user')
    return { kept: false, sheetName: read.sheetName, takenBack: 0, putBack: () => undefined };
  checkRegisterColumns(read);
  const sheet = context.workbook.worksheets.getItem(read.sheetId);
  const table = context.workbook.tables.getItem(REGISTER_TABLE);
  if (read.protection === 'ours') sheet.protection.unprotect();
  const write = (row: number, values: readonly CellValue[]) => {
    const cells = table.getDataBodyRange().getRow(row);
    cells.numberFormat = [placedFormats(REGISTER_SPEC, read.layout, values)];
    cells.values = [values.map(toExcel)];
  };
  for (const { row, entry } of takeBack) {
    // A row the import added for a unit the round never asked is blanked (read as no row),
    // not deleted, so a refused undo can put it back in place.
    const added = entry.returns === 0 && entry.issuedOn === null;
    const blank = { asOf: '', returnBy: '', unit: '', issuedOn: '', receivedOn: '', returns: '', file: '' };
    write(
      row,
      added
        ? placeRecord(read.layout, blank, read.rows[row])
        : registerRow(entry, read.dateSystem, read.layout, read.rows[row]),
    );
  }
  if (read.protection === 'ours') sheet.protection.protect(PROTECT);
  const putBack = () => {
    if (read.protection === 'ours') sheet.protection.unprotect();
    for (const { row } of takeBack) write(row, read.rows[row]);
    if (read.protection === 'ours') sheet.protection.protect(PROTECT);
  };
  return { kept: true, sheetName: read.sheetName, takenBack: takeBack.length, putBack };
}

/**
 * The register alone, for the pane's view of the round: whether the table exists, then (if it
 * does) its rows. Two syncs; null when the workbook has none.
 */
export async function readRegisterSheet(
  context: Excel.RequestContext,
  plan: string = FIRST_LEDGER_TABLE,
): Promise<RegisterSheet | null> {
  const present = context.workbook.tables.getItemOrNullObject(REGISTER_TABLE).load('name');
  const dateSystem = queueDateSystem(context);
  await context.sync();
  if (present.isNullObject) return null;
  const read = queueRegisterRead(context, plan);
  await context.sync();
  return read(dateSystem());
}

/**
 * Shows a unit's imported changes on 变更记录: the sheet activated and the unit's rows selected
 * (from its first to its last). Three syncs: whether there is a log, its rows, the selection.
 * False when the log has none of the unit's rows.
 */
export async function showUnitChanges(context: Excel.RequestContext, unit: string): Promise<boolean> {
  const present = context.workbook.tables.getItemOrNullObject(CHANGE_LOG_TABLE).load('name');
  await context.sync();
  if (present.isNullObject) return false;
  const table = context.workbook.tables.getItem(CHANGE_LOG_TABLE);
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('values');
  await context.sync();
  const layout = layoutOf(CHANGE_LOG_SPEC, header.values[0] as CellValue[]);
  const column = layout.columns.unit;
  if (column === undefined) return false;
  const rows = (body.values as CellValue[][]).flatMap((r, i) =>
    cellText(r[column]).trim() === unit ? [i] : [],
  );
  if (rows.length === 0) return false;
  const log = context.workbook.tables.getItem(CHANGE_LOG_TABLE);
  log.worksheet.activate();
  const first = rows[0];
  const last = rows[rows.length - 1];
  log
    .getDataBodyRange()
    .getRow(first)
    .getResizedRange(last - first, 0)
    .select();
  await context.sync();
  return true;
}
