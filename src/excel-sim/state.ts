// The whole simulated workbook: sheets, tables, settings, selection, event handlers and
// the counters tests assert budgets with.
import { formatAddress, intersects, type Rect } from './address';
import type { BatchStats } from './core';
import { SimError } from './errors';
import { newSheet, type SheetModel, type TableModel } from './model';

export interface ChangeEvent {
  type: 'WorksheetChanged' | 'TableChanged';
  changeType: 'RangeEdited';
  source: 'Local' | 'Remote';
  address: string;
  worksheetId: string;
  tableId?: string;
}

type Handler = (event: ChangeEvent) => Promise<unknown> | void;

export class WorkbookState {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  settings = new Map<string, unknown>();
  activeSheetId: string | null = null;
  /** Workbook.protection: a protected structure refuses adding, deleting and renaming sheets. */
  structureProtected = false;
  selection: { sheetId: string; rect: Rect } | null = null;
  readonly stats = { syncs: 0, batches: [] as BatchStats[] };
  private nextId = 1;
  private sheetHandlers = new Map<string, Set<Handler>>();
  private tableHandlers = new Map<string, Set<Handler>>();
  /** TableCollection.onChanged: every table's changes, whichever table it is now. */
  private anyTableHandlers = new Set<Handler>();
  /** Workbook.onSelectionChanged. */
  private selectionHandlers = new Set<() => Promise<unknown> | void>();
  private listeners = new Set<() => void>();

  constructor() {
    this.addSheet('Sheet1');
  }

  id(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(4, '0')}}`;
  }

  addSheet(name: string): SheetModel {
    const sheet = newSheet(this.id('sheet'), name);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Worksheets are found by name (ignoring case) or by id, as WorksheetCollection.getItem does. */
  findSheet(key: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  sheetOrThrow(key: string): SheetModel {
    const sheet = this.findSheet(key);
    if (!sheet) throw new SimError('ItemNotFound', `The worksheet "${key}" does not exist.`);
    return sheet;
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId ?? '') ?? this.sheets[0];
  }

  onSheetChanged(sheetId: string, handler: Handler): () => void {
    return this.subscribe(this.sheetHandlers, sheetId, handler);
  }

  onTableChanged(tableId: string, handler: Handler): () => void {
    return this.subscribe(this.tableHandlers, tableId, handler);
  }

  onSelectionChanged(handler: () => Promise<unknown> | void): () => void {
    this.selectionHandlers.add(handler);
    return () => this.selectionHandlers.delete(handler);
  }

  /** Moves the selection, as a click or Range.select does, and tells Workbook.onSelectionChanged. */
  select(sheetId: string, rect: Rect): void {
    this.activeSheetId = sheetId;
    this.selection = { sheetId, rect };
    for (const h of this.selectionHandlers) queueMicrotask(() => void h());
    this.notify();
  }

  onAnyTableChanged(handler: Handler): () => void {
    this.anyTableHandlers.add(handler);
    return () => this.anyTableHandlers.delete(handler);
  }

  private subscribe(map: Map<string, Set<Handler>>, key: string, handler: Handler): () => void {
    const set = map.get(key) ?? new Set();
    set.add(handler);
    map.set(key, set);
    return () => set.delete(handler);
  }

  /** Anyone drawing the workbook (the preview grid) hears about every change. */
  subscribeAll(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const l of this.listeners) l();
  }

  /** Fires onChanged for each sheet (and table) touched, after the batch, as Excel does. */
  fireChanges(changes: readonly { sheetId: string; rect: Rect }[], source: 'Local' | 'Remote'): void {
    const bySheet = new Map<string, Rect>();
    for (const { sheetId, rect } of changes) {
      const prev = bySheet.get(sheetId);
      bySheet.set(sheetId, prev ? union(prev, rect) : rect);
    }
    for (const [sheetId, rect] of bySheet) {
      const sheet = this.sheetById(sheetId);
      if (!sheet) continue;
      const address = formatAddress(sheet.name, rect).split('!')[1];
      for (const h of this.sheetHandlers.get(sheetId) ?? []) {
        queueMicrotask(
          () =>
            void h({
              type: 'WorksheetChanged',
              changeType: 'RangeEdited',
              source,
              address,
              worksheetId: sheetId,
            }),
        );
      }
      for (const table of this.tables.filter((t) => t.sheetId === sheetId && intersects(t.rect, rect))) {
        for (const h of [...(this.tableHandlers.get(table.id) ?? []), ...this.anyTableHandlers]) {
          queueMicrotask(
            () =>
              void h({
                type: 'TableChanged',
                changeType: 'RangeEdited',
                source,
                address,
                worksheetId: sheetId,
                tableId: table.id,
              }),
          );
        }
      }
    }
    this.notify();
  }
}

export function union(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  const bottom = Math.max(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.max(a.column + a.columnCount, b.column + b.columnCount);
  return { row, column, rowCount: bottom - row, columnCount: right - column };
}
