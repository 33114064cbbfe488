// 变更记录: the log of imported returns, one row per cell an import (or its undo) changed. Read
// by its headers, so a column the user moved, inserted or renamed to a known spelling does not
// shift what 撤销上次导入 reads. Pure.
import type { CellValue } from './ledger';
import { LEDGER_SPEC } from './columns';
import { column, readRecords, type TableLayout, type TableSpec } from './tableSpec';
import { cellText } from './text';

export type ChangeLogColumn = 'time' | 'file' | 'unit' | 'no' | 'column' | 'from' | 'to' | 'batch';

/** Every column but 序号 is text: an old value of "=…" is kept as the text it was. */
export const CHANGE_LOG_SPEC: TableSpec<ChangeLogColumn> = {
  table: 'ChangeLog',
  sheet: '变更记录',
  columns: [
    column('time', '时间', '@', 7.5, 'addin', ['time', '导入时间']),
    column('file', '文件', '@', 7.5, 'addin', ['file', '文件名']),
    column('unit', '单位', '@', 7.5, 'addin', ['unit', '填报单位']),
    column('no', '序号', '0', 7.5, 'addin', ['no', 'no.', '编号'], true),
    column('column', '列', '@', 7.5, 'addin', ['column', '列名'], true),
    column('from', '原值', '@', 7.5, 'addin', ['from', 'old value', '旧值'], true),
    column('to', '新值', '@', 7.5, 'addin', ['to', 'new value'], true),
    column('batch', '批次', '@', 7.5, 'addin', ['batch', '导入批次'], true),
  ],
};

export interface ChangeLogEntry {
  readonly time: string;
  readonly file: string;
  readonly unit: string;
  readonly no: number;
  /** The ledger column's header as it was when the change was made. */
  readonly column: string;
  readonly from: string;
  readonly to: string;
  readonly batch: string;
}

/** The log's rows as entries, each column found by its header. */
export function readChangeLog(
  layout: TableLayout<ChangeLogColumn>,
  rows: readonly (readonly CellValue[])[],
): ChangeLogEntry[] {
  return readRecords(CHANGE_LOG_SPEC, layout, rows).map((r) => ({
    time: cellText(r.time),
    file: cellText(r.file),
    unit: cellText(r.unit),
    no: Number(r.no),
    column: cellText(r.column),
    from: cellText(r.from),
    to: cellText(r.to),
    batch: cellText(r.batch),
  }));
}

/** An entry as the record the log's table is written from. */
export const changeLogRecord = (entry: ChangeLogEntry): Record<ChangeLogColumn, CellValue> => ({ ...entry });

/**
 * The batch id as logged: an import into another plan's ledger names that ledger's table after
 * "@", so 撤销上次导入 on one plan never takes back another's (变更记录 is shared; its 序号 are each
 * plan's own). The first plan's ids carry none, as every log written before several plans did.
 */
export function loggedBatch(batch: string, ledgerTable: string): string {
  return ledgerTable.toLowerCase() === LEDGER_SPEC.table.toLowerCase() ? batch : `${batch}@${ledgerTable}`;
}

/** Whether a logged batch id (with or without an undo's mark after it) is an import into this ledger. */
export function batchOfLedger(logged: string, ledgerTable: string): boolean {
  const at = logged.indexOf('@');
  const table = at < 0 ? LEDGER_SPEC.table : logged.slice(at + 1).replace(/·撤销$/u, '');
  return table.toLowerCase() === ledgerTable.toLowerCase();
}
