// The whole simulated workbook: sheets, tables, settings, selection, event handlers and
// the counters tests assert budgets with.
import { formatAddress, intersects, type Rect } from './address';
import type { BatchStats } from './core';
import { SimError, type SimErrorCode } from './errors';
import type { CustomXmlModel } from './customXml';
import { newSheet, type SheetModel, type TableModel } from './model';

/** ChangedEventDetail (ExcelApi 1.9): given when the change is one cell, as Excel does. */
export interface ChangeDetail {
  valueBefore: string | number | boolean;
  valueAfter: string | number | boolean;
  valueTypeBefore: 'Empty' | 'String' | 'Double' | 'Boolean';
  valueTypeAfter: 'Empty' | 'String' | 'Double' | 'Boolean';
}

const valueType = (v: string | number | boolean): ChangeDetail['valueTypeAfter'] =>
  v === '' ? 'Empty' : typeof v === 'string' ? 'String' : typeof v === 'number' ? 'Double' : 'Boolean';

export function changeDetail(
  before: string | number | boolean,
  after: string | number | boolean,
): ChangeDetail {
  return {
    valueBefore: before,
    valueAfter: after,
    valueTypeBefore: valueType(before),
    valueTypeAfter: valueType(after),
  };
}

export interface ChangeEvent {
  type: 'WorksheetChanged' | 'TableChanged';
  changeType: 'RangeEdited';
  source: 'Local' | 'Remote';
  address: string;
  worksheetId: string;
  tableId?: string;
  details?: ChangeDetail;
}

/** A change of the workbook's structure: TableCollection.onAdded/onDeleted, WorksheetCollection.onDeleted. */
export interface StructureEvent {
  type: 'TableAdded' | 'TableDeleted' | 'WorksheetDeleted';
  source: 'Local' | 'Remote';
  worksheetId: string;
  tableId?: string;
  tableName?: string;
}

/** One change a batch or a person made: a block of cells, with the detail of a single cell. */
export interface NotedChange {
  sheetId: string;
  rect: Rect;
  details?: ChangeDetail;
}

type Handler = (event: ChangeEvent) => Promise<unknown> | void;
type StructureHandler = (event: StructureEvent) => Promise<unknown> | void;

/** A defined name: a table column it follows (a structured reference), or a formula kept as written. */
export interface NameModel {
  readonly name: string;
  /** The id of the sheet the name is scoped to; absent for a workbook-scoped name. */
  readonly scope?: string;
  readonly target:
    | { readonly kind: 'column'; readonly tableId: string; readonly column: number }
    | { readonly kind: 'formula'; readonly formula: string };
}

export class WorkbookState {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  settings = new Map<string, unknown>();
  /** Workbook.customXmlParts: XML documents the workbook carries, in the order they were added. */
  customXmlParts: CustomXmlModel[] = [];
  names: NameModel[] = [];
  /** The workbook's date system: 1904 in old Mac files (serials count from 1904-01-01). */
  dateSystem: '1900' | '1904' = '1900';
  /**
   * Host quirks seen in some Excel builds, off unless a test turns them on. selectionOnTableAdd:
   * TableCollection.add raised onSelectionChanged though the selection stayed (Excel for Mac,
   * office-js #1329, fixed in 2021; the pane is tested against it all the same). apiEventSource:
   * the source the events of an API write say. Excel.EventSource documents Local as "the local
   * user's session", not "this add-in" (that is triggerSource, ExcelApi 1.14, on worksheet events
   * only), so nothing promises an add-in's own write comes back Local. apiEventRows: a command's
   * block reported as a burst of events of at most that many rows each, as hosts may split a big
   * change; an add-in must take each part as an echo of its write, and nothing more.
   * fitToPagesIgnored: PageLayout.zoom's horizontalFitToPages / verticalFitToPages not set while
   * the Page Layout tab is not selected, a scale set all the same (office-js #1860, Windows).
   */
  quirks: {
    selectionOnTableAdd: boolean;
    apiEventSource: 'Local' | 'Remote';
    apiEventRows: number | null;
    fitToPagesIgnored: boolean;
  } = { selectionOnTableAdd: false, apiEventSource: 'Local', apiEventRows: null, fitToPagesIgnored: false };
  /**
   * AutoCorrect's "Include new rows and columns in table" (File > Options > Proofing > AutoCorrect
   * Options > AutoFormat As You Type): on by default, a user's choice the add-in cannot read or
   * set. Off, cells written below a table stay outside it (see expandTablesBelow).
   */
  autoCorrect = { includeNewRowsInTable: true };
  activeSheetId: string | null = null;
  /** Workbook.protection: a protected structure refuses adding, deleting and renaming sheets. */
  structureProtected = false;
  selection: { sheetId: string; rect: Rect } | null = null;
  /** A user editing a cell (a double-click, F2): batches fail or wait until it ends. */
  cellEdit: { readonly ended: Promise<void>; readonly end: () => void } | null = null;
  readonly stats = { syncs: 0, batches: [] as BatchStats[] };
  /** Commands a test has Excel refuse next, by errorLocation ("Worksheet.freezePanes"), with the code. */
  readonly refusals = new Map<string, SimErrorCode>();
  private nextId = 1;
  private sheetHandlers = new Map<string, Set<Handler>>();
  private tableHandlers = new Map<string, Set<Handler>>();
  /** TableCollection.onChanged: every table's changes, whichever table it is now. */
  private anyTableHandlers = new Set<Handler>();
  /** Workbook.onSelectionChanged and WorksheetCollection.onSelectionChanged: told the sheet and block. */
  private selectionHandlers = new Set<(sheetId: string, rect: Rect) => Promise<unknown> | void>();
  /** WorksheetCollection.onActivated: told the sheet a click or Worksheet.activate moved to. */
  private activationHandlers = new Set<(sheetId: string) => Promise<unknown> | void>();
  private structureHandlers = new Map<StructureEvent['type'], Set<StructureHandler>>();
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

  onSelectionChanged(handler: (sheetId: string, rect: Rect) => Promise<unknown> | void): () => void {
    this.selectionHandlers.add(handler);
    return () => this.selectionHandlers.delete(handler);
  }

  /** Moves the selection, as a click or Range.select does, and tells Workbook.onSelectionChanged. */
  select(sheetId: string, rect: Rect): void {
    this.moveTo(sheetId);
    this.selection = { sheetId, rect };
    for (const h of this.selectionHandlers) queueMicrotask(() => void h(sheetId, rect));
    this.notify();
  }

  /** A click on a sheet's tab: the sheet is activated (onActivated), its selection left as it was. */
  activate(sheetId: string): void {
    this.moveTo(sheetId);
    this.notify();
  }

  private moveTo(sheetId: string): void {
    if (this.activeSheetId === sheetId) return;
    this.activeSheetId = sheetId;
    for (const h of this.activationHandlers) queueMicrotask(() => void h(sheetId));
  }

  onActivated(handler: (sheetId: string) => Promise<unknown> | void): () => void {
    this.activationHandlers.add(handler);
    return () => this.activationHandlers.delete(handler);
  }

  onStructure(type: StructureEvent['type'], handler: StructureHandler): () => void {
    const set = this.structureHandlers.get(type) ?? new Set();
    set.add(handler);
    this.structureHandlers.set(type, set);
    return () => set.delete(handler);
  }

  /** Tells the handlers of a structure change, after the command, as Excel does. */
  fireStructure(event: StructureEvent): void {
    for (const h of this.structureHandlers.get(event.type) ?? []) queueMicrotask(() => void h(event));
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

  /**
   * Fires onChanged for each change, after the batch: one event per command that changed data
   * (Excel reports a batch's writes as a burst of events, not one block around them all), each
   * to the sheet's handlers and to every table the block touches.
   */
  fireChanges(changes: readonly NotedChange[], source: 'Local' | 'Remote'): void {
    for (const { sheetId, rect, details } of changes) {
      const sheet = this.sheetById(sheetId);
      if (!sheet) continue;
      const address = formatAddress(sheet.name, rect).split('!')[1];
      const base = { changeType: 'RangeEdited' as const, source, address, worksheetId: sheetId };
      const detail = details ? { details } : {};
      for (const h of this.sheetHandlers.get(sheetId) ?? [])
        queueMicrotask(() => void h({ type: 'WorksheetChanged', ...base, ...detail }));
      for (const table of this.tables.filter((t) => t.sheetId === sheetId && intersects(t.rect, rect))) {
        for (const h of [...(this.tableHandlers.get(table.id) ?? []), ...this.anyTableHandlers]) {
          queueMicrotask(() => void h({ type: 'TableChanged', ...base, ...detail, tableId: table.id }));
        }
      }
    }
    this.notify();
  }
}
