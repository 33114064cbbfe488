// 变更记录: the log of imported returns, one row per cell an import (or its undo) changed. Read
// by its headers, so a column the user moved, inserted or renamed to a known spelling does not
// shift what 撤销上次导入 reads. Pure.
import type { CellValue } from './ledger';
import { readRecords, type TableLayout, type TableSpec } from './tableSpec';
import { cellText } from './text';

export type ChangeLogColumn = 'time' | 'file' | 'unit' | 'no' | 'column' | 'from' | 'to' | 'batch';

/** Every column but 序号 is text: an old value of "=…" is kept as the text it was. */
export const CHANGE_LOG_SPEC: TableSpec<ChangeLogColumn> = {
  table: 'ChangeLog',
  sheet: '变更记录',
  columns: [
    { key: 'time', header: '时间', aliases: ['time', '导入时间'], format: '@', width: 15, filledBy: 'addin' },
    { key: 'file', header: '文件', aliases: ['file', '文件名'], format: '@', width: 15, filledBy: 'addin' },
    { key: 'unit', header: '单位', aliases: ['unit', '填报单位'], format: '@', width: 15, filledBy: 'addin' },
    {
      key: 'no',
      header: '序号',
      aliases: ['no', 'no.', '编号'],
      format: '0',
      width: 15,
      filledBy: 'addin',
      required: true,
    },
    {
      key: 'column',
      header: '列',
      aliases: ['column', '列名'],
      format: '@',
      width: 15,
      filledBy: 'addin',
      required: true,
    },
    {
      key: 'from',
      header: '原值',
      aliases: ['from', 'old value', '旧值'],
      format: '@',
      width: 15,
      filledBy: 'addin',
      required: true,
    },
    {
      key: 'to',
      header: '新值',
      aliases: ['to', 'new value'],
      format: '@',
      width: 15,
      filledBy: 'addin',
      required: true,
    },
    {
      key: 'batch',
      header: '批次',
      aliases: ['batch', '导入批次'],
      format: '@',
      width: 15,
      filledBy: 'addin',
      required: true,
    },
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
