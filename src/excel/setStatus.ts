// Sets one task's status (and progress) by its 序号: finds the row that holds that 序号 now
// (rows may have been sorted since the pane last read them), then writes only those cells.
import { LedgerError } from './errors';
import { plainAddress, tableCell } from './navigation';
import type { LedgerLocation } from './readLedger';

export interface StatusChange {
  readonly status?: string;
  readonly progress?: number;
}

export async function setTaskStatus(
  context: Excel.RequestContext,
  location: LedgerLocation,
  columns: { no: number; status: number; progress?: number },
  no: number,
  change: StatusChange,
): Promise<string> {
  const table = context.workbook.tables.getItem(location.tableName);
  const numbers = table.columns.getItemAt(columns.no).getDataBodyRange();
  numbers.load('values');
  await context.sync();
  const rows = (numbers.values as unknown[][]).map((r, i) => (r[0] === no ? i : -1)).filter((i) => i >= 0);
  if (rows.length !== 1) {
    throw new LedgerError(
      rows.length === 0
        ? {
            zh: `台账中找不到序号为${no}的任务（可能已被删除或改号），未做更改。请刷新面板。`,
            en: `No task numbered ${no} in the ledger; nothing was changed.`,
          }
        : {
            zh: `序号${no}在台账中出现了${rows.length}次，无法确定要修改哪一行。请先修正重复的序号。`,
            en: `No. ${no} appears ${rows.length} times; fix the duplicates first.`,
          },
      'TaskNotFound',
    );
  }
  // The row is found in the table as it is now, so rows inserted above it cannot misdirect the write.
  const row = rows[0];
  const statusCell = tableCell(context, location, row, columns.status);
  if (change.status !== undefined) statusCell.values = [[change.status]];
  if (change.progress !== undefined && columns.progress !== undefined) {
    tableCell(context, location, row, columns.progress).values = [[change.progress]];
  }
  statusCell.load('address');
  await context.sync();
  return plainAddress(statusCell.address);
}
