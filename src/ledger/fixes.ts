// What 修复 and 全部修复 will write: one fix per cell, each with the value the cell held when
// it was checked (so the Excel layer can refuse if it changed), and a readable list of the
// changes, task by task, for the confirmation the user reads before anything is written.
import { cellRef, sheetRowNumber, TABLE_AT_A1, type SheetPlace } from './addresses';
import type { CellValue, Ledger } from './ledger';
import { cellText } from './text';
import type { Finding, Fix } from './validation';

/** A cell that says which task a row is, with what it held when checked. */
export interface RowIdentity {
  readonly column: number;
  readonly expected: CellValue;
}

export interface PlannedFix extends Fix {
  /** What the cell held when the ledger was checked. */
  readonly expected: CellValue;
  /**
   * The row's 序号 and 工作任务 as checked: a fix is written only while its row is still that
   * task (rows sorted or moved since would send it to another task).
   */
  readonly identity: readonly RowIdentity[];
}

function cellValue(ledger: Ledger, row: number, column: number): CellValue {
  return (row === -1 ? ledger.headerRow[column] : ledger.rows[row]?.[column]) ?? null;
}

/** The cells that say which task a row is (its 序号 and 工作任务), but the one being fixed. */
export function rowIdentity(ledger: Ledger, row: number, except?: number): RowIdentity[] {
  if (row < 0) return [];
  const { no, task } = ledger.header.columns;
  return [no, task]
    .filter((column): column is number => column !== undefined && column !== except)
    .map((column) => ({ column, expected: cellValue(ledger, row, column) }));
}

function planned(ledger: Ledger, fix: Fix): PlannedFix {
  return {
    ...fix,
    expected: cellValue(ledger, fix.row, fix.column),
    identity: rowIdentity(ledger, fix.row, fix.column),
  };
}

export function plannedFix(ledger: Ledger, finding: Finding): PlannedFix | null {
  return finding.fix ? planned(ledger, finding.fix) : null;
}

/** The cells an offer names, each with what it held when checked. */
export function plannedFixes(ledger: Ledger, fixes: readonly Fix[]): PlannedFix[] {
  return fixes.map((fix) => planned(ledger, fix));
}

/** Every safe fix, the first one per cell: two fixes for one cell would fight. */
export function fixesFor(ledger: Ledger, findings: readonly Finding[]): PlannedFix[] {
  const byCell = new Map<string, PlannedFix>();
  for (const f of findings) {
    const fix = plannedFix(ledger, f);
    if (fix && !byCell.has(`${fix.row}:${fix.column}`)) byCell.set(`${fix.row}:${fix.column}`, fix);
  }
  return [...byCell.values()];
}

export interface FixChange {
  readonly address: string;
  readonly column: string;
  readonly from: string;
  readonly to: string;
}

export interface FixGroup {
  /** 第5项 / 第12行 / 标题行: which task the changes belong to. */
  readonly label: { readonly zh: string; readonly en: string };
  readonly task: string;
  readonly changes: readonly FixChange[];
}

/** The planned fixes as the user should read them: per task, each cell's old and new text. */
export function describeFixes(
  ledger: Ledger,
  fixes: readonly PlannedFix[],
  place: SheetPlace = TABLE_AT_A1,
): FixGroup[] {
  const taskColumn = ledger.header.columns.task;
  const noColumn = ledger.header.columns.no;
  const groups = new Map<number, { label: FixGroup['label']; task: string; changes: FixChange[] }>();
  for (const fix of [...fixes].sort((a, b) => a.row - b.row || a.column - b.column)) {
    let group = groups.get(fix.row);
    if (!group) {
      const no = noColumn === undefined || fix.row === -1 ? null : cellValue(ledger, fix.row, noColumn);
      const label =
        fix.row === -1
          ? { zh: '标题行', en: 'Header row' }
          : typeof no === 'number'
            ? {
                zh: `第${no}项（第${sheetRowNumber(place, fix.row)}行）`,
                en: `Task ${no} (row ${sheetRowNumber(place, fix.row)})`,
              }
            : { zh: `第${sheetRowNumber(place, fix.row)}行`, en: `Row ${sheetRowNumber(place, fix.row)}` };
      const task =
        taskColumn === undefined || fix.row === -1 ? '' : cellText(cellValue(ledger, fix.row, taskColumn));
      group = { label, task, changes: [] };
      groups.set(fix.row, group);
    }
    group.changes.push({
      address: cellRef(place, fix.row, fix.column),
      column: cellText(ledger.headerRow[fix.column]),
      from: cellText(fix.expected),
      to: cellText(fix.value),
    });
  }
  return [...groups.values()];
}
