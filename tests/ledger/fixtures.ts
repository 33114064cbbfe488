import {
  LEDGER_COLUMNS,
  makeLedger,
  OFFICIAL_TASKS,
  type CellValue,
  type ColumnKey,
  type Ledger,
} from '../../src/ledger';

export const HEADER: CellValue[] = LEDGER_COLUMNS.map((c) => c.header);
export const col = (key: ColumnKey) => LEDGER_COLUMNS.findIndex((c) => c.key === key);

/** The 40 official tasks with every other column blank except the status 序时推进. */
export function officialRows(): CellValue[][] {
  return OFFICIAL_TASKS.map((t) => {
    const row: CellValue[] = HEADER.map(() => '');
    row[col('no')] = t.no;
    row[col('task')] = t.task;
    row[col('units')] = t.units;
    row[col('status')] = '序时推进';
    return row;
  });
}

export function ledgerWith(edit: (rows: CellValue[][]) => void = () => {}, formats?: string[][]): Ledger {
  const rows = officialRows();
  edit(rows);
  return makeLedger({ header: HEADER, rows, formats });
}

export function set(rows: CellValue[][], no: number, key: ColumnKey, value: CellValue): void {
  rows[no - 1][col(key)] = value;
}
