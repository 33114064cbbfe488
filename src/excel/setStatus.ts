// Sets one task's status (and progress) by its 序号: finds the row that holds that 序号 now
// (rows may have been sorted since the pane last read them), then writes only those cells.
// On a shared workbook a co-author may have changed the status since the pane read it: given
// what the pane saw, the write is refused, naming the cell, rather than overwriting theirs.
import { rowIdentity } from '../ledger';
import { LedgerError } from './errors';
import { plainAddress } from './cells';
import { tableCell } from './navigation';
import { localAddress, type AfterWrite } from './ownWrites';
import { queueReadBack, type LedgerRead } from './readLedger';
import { checkGuard, queueGuard } from './writeGuard';

export interface StatusChange {
  readonly status?: string;
  readonly progress?: number;
  /** The status the pane showed; when given, a cell that now holds something else is left alone. */
  readonly expectedStatus?: string;
}

export interface StatusWritten extends AfterWrite {
  /** The status cell, as 任务台账!D27. */
  readonly address: string;
}

function staleStatus(address: string, now: unknown): LedgerError {
  return new LedgerError(
    {
      zh: `${address} 的状态已被改为“${String(now ?? '')}”（可能是他人同时编辑），为避免覆盖，未做更改。请刷新后再试。`,
      en: `${address} now reads "${String(now ?? '')}" (perhaps a co-author's edit); nothing was overwritten. Refresh and try again.`,
    },
    'StaleStatus',
  );
}

/** The row found for a task is another task's by the time of the write (sorted, or edited). */
export function movedTask(address: string, no: number | null): LedgerError {
  const which =
    no === null ? { zh: '原来的任务', en: 'the task it was' } : { zh: `第${no}项`, en: `task ${no}` };
  return new LedgerError(
    {
      zh: `${address} 所在行已不是${which.zh}（台账可能刚被排序或修改），为避免写到别的任务，未做更改。请刷新后再试。`,
      en: `The row of ${address} is no longer ${which.en} (the ledger was just sorted or edited); nothing was changed, so nothing landed on another task. Refresh and try again.`,
    },
    'StaleStatus',
  );
}

/**
 * Two syncs: find the row and what its status cell holds; write and read the ledger back. A third
 * only when someone edited the cell between the two: it is put back and the write refused.
 */
export async function setTaskStatus(
  context: Excel.RequestContext,
  ledgerRead: LedgerRead,
  no: number,
  change: StatusChange,
): Promise<StatusWritten> {
  const { location } = ledgerRead;
  const columns = ledgerRead.ledger.header.columns;
  if (columns.no === undefined || columns.status === undefined) {
    throw new LedgerError(
      {
        zh: '台账缺少“序号”或“状态”列，无法修改状态。',
        en: 'The ledger lacks its 序号 or 状态 column; no status was set.',
      },
      'ColumnMissing',
    );
  }
  const table = context.workbook.tables.getItem(location.tableName);
  const numbers = table.columns.getItemAt(columns.no).getDataBodyRange();
  numbers.load('values');
  const statuses = table.columns.getItemAt(columns.status).getDataBodyRange();
  // Formulas too: a status worked out by a formula is the user's, never overwritten.
  statuses.load('values, formulas');
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
  const statusValues = statuses.values;
  const now = String(statusValues[row][0] ?? '').trim();
  const statusFormulas = statuses.formulas;
  const formula = String(statusFormulas[row][0]);
  if (formula.startsWith('=')) {
    statusCell.load('address');
    await context.sync();
    const address = plainAddress(statusCell.address);
    throw new LedgerError(
      {
        zh: `${address} 的状态由公式 ${formula} 得出，为避免覆盖公式，未做更改。请在 Excel 中修改公式或其引用的单元格。`,
        en: `${address} gets its status from the formula ${formula}; it was not overwritten. Change the formula or the cells it refers to in Excel.`,
      },
      'FormulaCell',
    );
  }
  if (change.expectedStatus !== undefined && now !== change.expectedStatus.trim()) {
    statusCell.load('address');
    await context.sync();
    throw staleStatus(plainAddress(statusCell.address), now);
  }
  const progressCell =
    change.progress !== undefined && columns.progress !== undefined
      ? tableCell(context, location, row, columns.progress)
      : null;
  // The status cell once more, just before it is written: a co-author's edit since the check is put
  // back. And the row is still that task: its 序号 and, as the pane showed it, its 工作任务 (rows
  // sorted between the two requests would send the status to another task).
  const shown = ledgerRead.ledger.rows.findIndex((r) => r[columns.no as number] === no);
  const identity = shown < 0 ? [] : rowIdentity(ledgerRead.ledger, shown, columns.status);
  const guard = queueGuard([
    { cell: tableCell(context, location, row, columns.status), expected: now },
    ...identity.map((id) => ({ cell: tableCell(context, location, row, id.column), expected: id.expected })),
    ...(progressCell && columns.progress !== undefined
      ? [{ cell: tableCell(context, location, row, columns.progress) }]
      : []),
  ]);
  if (change.status !== undefined) statusCell.values = [[change.status]];
  if (progressCell && change.progress !== undefined) progressCell.values = [[change.progress]];
  statusCell.load('address');
  progressCell?.load('address');
  const readBack = queueReadBack(context, location);
  await context.sync();
  await checkGuard(context, guard, (moved) =>
    moved.index === 0 ? staleStatus(moved.address, moved.now) : movedTask(moved.address, no),
  );
  const cells = [
    ...(change.status !== undefined ? [{ cell: statusCell, value: change.status }] : []),
    ...(progressCell && change.progress !== undefined
      ? [{ cell: progressCell, value: change.progress }]
      : []),
  ];
  return {
    address: plainAddress(statusCell.address),
    read: readBack ? readBack() : null,
    written: cells.map(({ cell, value }) => ({
      worksheetId: location.sheetId,
      address: localAddress(cell.address),
      values: [[value]],
    })),
    selectionMoves: 0,
  };
}
