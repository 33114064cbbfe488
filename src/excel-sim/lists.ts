// What a list validation offers: the items of an inline list, of a range, or of a table's
// column through INDIRECT("Table[Column]"), as the cells show them now.
import { parseRef, splitSheet, type Rect } from './address';
import { displayText, readCell, type SheetModel } from './model';
import { nameFormula } from './names';
import type { WorkbookState } from './state';

export function listItems(state: WorkbookState, sheet: SheetModel, source: string): string[] {
  if (!source.startsWith('=')) return source.split(',').map((s) => s.trim());
  // A defined name: its items are those of what it refers to now (a table column it follows).
  const definedName = state.names.find((n) => `=${n.name}`.toLowerCase() === source.toLowerCase());
  if (definedName) {
    const formula = nameFormula(state, definedName);
    const [, table, column] = /^=([^[\]]+)\[([^\]]+)\]$/u.exec(formula) ?? [];
    return table && column ? listItems(state, sheet, `=INDIRECT("${table}[${column}]")`) : [];
  }
  const structured = /^=INDIRECT\("([^"[\]]+)\[([^\]]+)\]"\)$/.exec(source);
  if (structured) {
    const table = state.tables.find((t) => t.name.toLowerCase() === structured[1].toLowerCase());
    const owner = table ? state.sheetById(table.sheetId) : undefined;
    if (!table || !owner) return [];
    const column = Array.from({ length: table.rect.columnCount }, (_, c) =>
      displayText(readCell(owner, table.rect.row, table.rect.column + c)),
    ).indexOf(structured[2]);
    if (column < 0) return [];
    const items: string[] = [];
    for (let r = table.rect.row + 1; r < table.rect.row + table.rect.rowCount; r++) {
      const text = displayText(readCell(owner, r, table.rect.column + column));
      if (text) items.push(text);
    }
    return items;
  }
  const { sheet: named, ref } = splitSheet(source.slice(1));
  const target = named ? state.findSheet(named) : sheet;
  const rect: Rect | null = parseRef(ref);
  if (!target || !rect) return [];
  const items: string[] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
      const text = displayText(readCell(target, r, c));
      if (text) items.push(text);
    }
  }
  return items;
}
