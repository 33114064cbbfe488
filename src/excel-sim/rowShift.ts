// Inserting and deleting whole rows, as Range.insert('Down') / Range.delete('Up') do on rows
// such as "2:3": everything at or below moves, and a table, merge, validation or conditional
// format that spans the place grows or shrinks, and formulas' row references follow the rows
// they point at (a reference into deleted rows becomes #REF!). Enough to test that the add-in
// never writes by a position it read before the user inserted rows above its table.
import type { Rect } from './address';
import { SimError } from './errors';
import { recalculate } from './formulas';
import { dataRowsOf, type Cell, type SheetModel, type TableModel } from './model';

/** A rect after `count` rows were inserted at `at` (negative count: deleted from `at`). */
function shifted(rect: Rect, at: number, count: number): Rect | null {
  const end = rect.row + rect.rowCount;
  if (count > 0) {
    if (rect.row >= at) return { ...rect, row: rect.row + count };
    if (end > at) return { ...rect, rowCount: rect.rowCount + count };
    return rect;
  }
  const gone = -count;
  const cutEnd = at + gone;
  if (end <= at) return rect;
  if (rect.row >= cutEnd) return { ...rect, row: rect.row - gone };
  const kept = rect.rowCount - (Math.min(end, cutEnd) - Math.max(rect.row, at));
  return kept > 0 ? { ...rect, row: Math.min(rect.row, at), rowCount: kept } : null;
}

function shiftRows(rows: Set<number>, at: number, count: number): Set<number> {
  const out = new Set<number>();
  for (const r of rows) {
    if (r < at) out.add(r);
    else if (count > 0) out.add(r + count);
    else if (r >= at - count) out.add(r + count);
  }
  return out;
}

const REFERENCE = /(?<![A-Za-z0-9_$.!])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/gu;

/**
 * A formula after rows were inserted or deleted at `at` (0-based): A1 references at or below
 * move with their rows, as Excel adjusts them. Text in quotes is left as it is; the simulator
 * treats every reference as being on the formula's own sheet.
 */
export function shiftFormula(formula: string, at: number, count: number): string {
  return formula
    .split(/("[^"]*")/u)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (whole, colAbs: string, col: string, rowAbs: string, digits: string) => {
            const row = Number(digits) - 1;
            if (row < at) return whole;
            if (count < 0 && row < at - count) return '#REF!';
            return `${colAbs}${col}${rowAbs}${row + count + 1}`;
          }),
    )
    .join('');
}

export function shiftSheetRows(sheet: SheetModel, tables: TableModel[], at: number, count: number): void {
  for (const t of tables.filter((x) => x.sheetId === sheet.id)) {
    // Deleting a table's header row would delete the table: Excel refuses that here.
    if (count < 0 && t.rect.row >= at && t.rect.row < at - count && t.rect.row + t.rect.rowCount > at - count)
      throw new SimError('InvalidOperation', 'Deleting these rows would cut a table in two.');
  }
  const cells = new Map(sheet.cells);
  sheet.cells.clear();
  for (const cell of cells.values()) if (cell.formula) cell.formula = shiftFormula(cell.formula, at, count);
  for (const [key, cell] of cells) {
    const [r, c] = key.split(',').map(Number);
    if (r < at) sheet.cells.set(key, cell);
    else if (count > 0) sheet.cells.set(`${r + count},${c}`, cell);
    else if (r >= at - count) sheet.cells.set(`${r + count},${c}`, cell);
  }
  const heights = new Map(sheet.rowHeights);
  sheet.rowHeights.clear();
  for (const [r, h] of heights) {
    if (r < at) sheet.rowHeights.set(r, h);
    else if (count > 0) sheet.rowHeights.set(r + count, h);
    else if (r >= at - count) sheet.rowHeights.set(r + count, h);
  }
  sheet.hiddenRows = shiftRows(sheet.hiddenRows, at, count);
  sheet.filteredRows = shiftRows(sheet.filteredRows, at, count);
  sheet.merges = sheet.merges.map((m) => shifted(m, at, count)).filter((m): m is Rect => m !== null);
  sheet.validations = sheet.validations.flatMap((v) => {
    const rect = shifted(v.rect, at, count);
    return rect ? [{ ...v, rect }] : [];
  });
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((f) => {
    const rect = shifted(f.rect, at, count);
    return rect ? [{ ...f, rect }] : [];
  });
  for (const t of tables.filter((x) => x.sheetId === sheet.id)) {
    const rect = shifted(t.rect, at, count);
    if (rect) t.rect = rect;
  }
  recalculate(sheet, tables);
}

/**
 * Deletes `count` data rows of a table from data row `at`: the table's cells below move up, cells
 * beside the table stay (TableRow.delete, or Range.delete('Up') on rows spanning the table's
 * width). Excel refuses it while the table is filtered: TableRowCollection.deleteRows documents
 * InsertDeleteConflict for a filtered table, and office-js #994 shows row deletes failing there.
 * Excel keeps one data row: deleting every row empties the first instead.
 */
export function deleteTableRows(
  sheet: SheetModel,
  table: TableModel,
  at: number,
  count: number,
  tables: readonly TableModel[],
): void {
  if (table.filters.size > 0)
    throw new SimError(
      'InsertDeleteConflict',
      `Rows cannot be deleted from table ${table.name} while it is filtered; clear its filters first.`,
    );
  const dataRows = dataRowsOf(table);
  if (at < 0 || count < 1 || at + count > dataRows)
    throw new SimError('InvalidArgument', `Table ${table.name} has no data rows ${at}–${at + count - 1}.`);
  const first = table.rect.row + 1 + at;
  const left = table.rect.column;
  const right = left + table.rect.columnCount;
  const removed = count === dataRows ? count - 1 : count;
  const moved: [string, Cell][] = [];
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(',').map(Number);
    if (c < left || c >= right || r < first) continue;
    sheet.cells.delete(key);
    if (r < first + count) continue;
    moved.push([`${r - removed},${c}`, cell]);
  }
  for (const [key, cell] of moved) sheet.cells.set(key, cell);
  table.rect = { ...table.rect, rowCount: table.rect.rowCount - removed };
  recalculate(sheet, tables);
}
