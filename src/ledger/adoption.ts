// Which block of a user's sheet becomes the ledger table when they choose 使用当前工作表: the
// header row, the columns its headers span, and the task rows below it. A title above, a note
// beside the title, a footer (制表人 / 审核人) below and notes to the right stay outside the
// table, untouched, and are named in the notice.
import { findHeaderRow, LEDGER_COLUMNS, mapHeaders, type ColumnKey } from './columns';
import { isBlankRow, type CellValue } from './ledger';
import { cellText } from './text';

export interface AdoptionPlan {
  /** Index (into the values read) of the header row. */
  readonly headerRow: number;
  /** Index of the table's first column, and how many columns the headers span. */
  readonly firstColumn: number;
  readonly columnCount: number;
  /** Index of the last task row: the table spans headerRow..lastRow. */
  readonly lastRow: number;
  /** Non-blank rows inside the table: what the pane will count as tasks. */
  readonly taskCount: number;
  /** Ledger columns the headers lack, added to the right of the table. */
  readonly missing: readonly ColumnKey[];
  /** Rows below the table that hold something (a footer, notes): left outside, untouched. */
  readonly rowsBelow: readonly number[];
  /** The wholly empty row that ended the table with rows holding something below it, else null. */
  readonly endingBlankRow: number | null;
  /** Cells of table rows to the right of the headers that hold something: left outside. */
  readonly cellsBeside: readonly { readonly row: number; readonly column: number }[];
  /** Cells where the missing columns would go that already hold something (adoption must refuse). */
  readonly inTheWay: readonly { readonly row: number; readonly column: number }[];
}

const FOOTER =
  /^(制表|填表|填报|审核|审批|复核|签发|负责人|主要负责人|分管|联系人|联系电话|电话|日期|填报日期|单位[(（]盖章|盖章|备注|注[:：]|说明[:：])/u;

/** A row of signature lines only (制表人：… 审核人：…), wherever in the row they are typed. */
function isFooterRow(row: readonly CellValue[]): boolean {
  const texts = row.map((v) => cellText(v).trim()).filter(Boolean);
  return texts.length > 0 && texts.every((t) => FOOTER.test(t.replace(/\s+/gu, '')));
}

export function planAdoption(
  values: readonly (readonly CellValue[])[],
  maxHeaderRows = 10,
): AdoptionPlan | null {
  const headerRow = findHeaderRow(values, maxHeaderRows);
  if (headerRow === null) return null;
  const header = values[headerRow];
  // The headers' span: from the required columns out to the first blank header cell on either
  // side, so a note further along the header row stays outside the table.
  const found = mapHeaders(header).columns;
  const required = [found.no, found.task, found.units] as number[];
  let firstColumn = Math.min(...required);
  let lastColumn = Math.max(...required);
  const filled = (c: number) => c >= 0 && c < header.length && cellText(header[c]).trim() !== '';
  while (filled(firstColumn - 1)) firstColumn--;
  while (filled(lastColumn + 1)) lastColumn++;
  const columns = mapHeaders(header.slice(firstColumn, lastColumn + 1));
  const at = (key: ColumnKey) => firstColumn + (columns.columns[key] as number);
  const task = at('task');
  const units = at('units');

  const inTable = (r: number) => values[r].slice(firstColumn, lastColumn + 1);
  const no = at('no');
  const readsAsTask = (r: number) =>
    /^[1-9]\d*$/u.test(cellText(values[r][no]).trim()) && cellText(values[r][task]).trim() !== '';
  // A wholly empty row after the tasks ends the block: what is below it (制表人：/张三 in two
  // cells, notes) stays out. Only a row reading as a task again (a 序号 and a task) carries the
  // block on, so a stray blank line inside the list does not cut it short.
  let end = values.length - 1;
  let blankRow: number | null = null;
  let seenTask = false;
  for (let r = headerRow + 1; r <= end; r++) {
    if (!isBlankRow(inTable(r))) {
      seenTask = true;
      continue;
    }
    if (!seenTask) continue;
    let next = r + 1;
    while (next < values.length && isBlankRow(inTable(next))) next++;
    if (next < values.length && readsAsTask(next)) continue;
    end = r - 1;
    if (next < values.length) blankRow = r;
  }

  // The block ends at the last row that names a task or its units; a footer below it stays out.
  let lastRow = headerRow;
  for (let r = headerRow + 1; r <= end; r++) {
    const row = values[r];
    if (cellText(row[task]).trim() || cellText(row[units]).trim()) lastRow = r;
  }
  while (lastRow > headerRow && (isFooterRow(values[lastRow]) || isBlankRow(values[lastRow]))) lastRow--;

  let taskCount = 0;
  for (let r = headerRow + 1; r <= lastRow; r++) if (!isBlankRow(inTable(r))) taskCount++;

  const rowsBelow: number[] = [];
  for (let r = lastRow + 1; r < values.length; r++) if (!isBlankRow(values[r])) rowsBelow.push(r);

  const missing = LEDGER_COLUMNS.filter(
    (c) => columns.columns[c.key] === undefined && c.addedOnAdopt !== false,
  ).map((c) => c.key);
  const cellsBeside: { row: number; column: number }[] = [];
  const inTheWay: { row: number; column: number }[] = [];
  for (let r = headerRow; r <= lastRow; r++) {
    values[r].forEach((v, c) => {
      if (c <= lastColumn || !cellText(v).trim()) return;
      if (c <= lastColumn + missing.length) inTheWay.push({ row: r, column: c });
      else if (r > headerRow) cellsBeside.push({ row: r, column: c });
    });
  }
  return {
    headerRow,
    firstColumn,
    columnCount: lastColumn - firstColumn + 1,
    lastRow,
    taskCount,
    missing,
    rowsBelow,
    endingBlankRow: blankRow,
    cellsBeside,
    inTheWay,
  };
}
