// Tables: columns, rows, filters, events. https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables
import { recalculate } from './formulas';
import { formatAddress, intersects, parseRef, splitSheet, type Rect } from './address';
import { SimCollection } from './collection';
import { SimClientObject, SimClientResult, type SimContext } from './core';
import { SimError } from './errors';
import { SimEventHandlers } from './events';
import {
  applyTableFilters,
  cellKey,
  checkCellText,
  checkTableName,
  dataRowsOf,
  displayText,
  growTableRules,
  readCell,
  storeValue,
  writableCell,
  type SheetModel,
  type TableModel,
} from './model';
import { SimRange } from './range';
import { deleteTableRows } from './rowShift';
import type { StructureEvent, WorkbookState } from './state';
import { SheetRef, SimWorksheet } from './worksheet';

class TableRef {
  id: string | null = null;
  constructor(private readonly state: WorkbookState) {}
  table(): TableModel | null {
    return this.id ? (this.state.tables.find((t) => t.id === this.id) ?? null) : null;
  }
}

function sheetOf(state: WorkbookState, table: TableModel): SheetModel {
  const sheet = state.sheetById(table.sheetId);
  if (!sheet) throw new SimError('ItemNotFound', 'The table’s sheet does not exist.');
  return sheet;
}

function guardProtection(sheet: SheetModel): void {
  if (sheet.protection.protected) throw new SimError('AccessDenied', `The sheet ${sheet.name} is protected.`);
}

/** Excel shifts the cells right of (or below) a table's band when the table grows. */
function shiftCells(sheet: SheetModel, band: Rect, axis: 'right' | 'down', by: number): void {
  const moved: [string, ReturnType<typeof writableCell>][] = [];
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(',').map(Number);
    const inBand =
      axis === 'right'
        ? r >= band.row && r < band.row + band.rowCount && c >= band.column
        : c >= band.column && c < band.column + band.columnCount && r >= band.row;
    if (!inBand) continue;
    sheet.cells.delete(key);
    // Moving up (by < 0), the cells of the band's own first rows are the ones removed.
    if (axis === 'down' && by < 0 && r < band.row - by) continue;
    moved.push([axis === 'right' ? cellKey(r, c + by) : cellKey(r + by, c), cell]);
  }
  for (const [key, cell] of moved) sheet.cells.set(key, cell);
}

export class SimTable extends SimClientObject {
  private readonly columnsObject: SimTableColumnCollection;
  private readonly rowsObject: SimTableRowCollection;
  private readonly changed: SimEventHandlers;

  constructor(
    ctx: SimContext,
    private readonly ref: TableRef,
    nullable = false,
  ) {
    super(ctx);
    this._nullable = nullable;
    this.columnsObject = new SimTableColumnCollection(ctx, this);
    this.rowsObject = new SimTableRowCollection(ctx, this);
    this.changed = new SimEventHandlers(ctx, (handler) =>
      ctx.state.onTableChanged(this._model().id, handler),
    );
  }

  _model(): TableModel {
    const t = this.ref.table();
    if (!t) throw new SimError('ItemNotFound', 'The table does not exist.');
    return t;
  }
  _sheet(): SheetModel {
    return sheetOf(this.context.state, this._model());
  }
  protected override exists(): boolean {
    return this.ref.table() !== null;
  }
  protected scalars(): Record<string, () => unknown> {
    const t = () => this._model();
    return {
      id: () => t().id,
      name: () => t().name,
      showHeaders: () => true,
      showTotals: () => t().totals === true,
      style: () => t().style,
      showFilterButton: () => t().showFilterButton,
    };
  }
  protected override navigation(): Record<string, SimClientObject> {
    return { columns: this.columnsObject, rows: this.rowsObject, worksheet: this.worksheet };
  }

  get id(): string {
    return this.read('id') as string;
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(name: string) {
    this.write('name', name, () => {
      const t = this._model();
      t.name = checkTableName(name, this.context.state.tables, t);
    });
  }
  get showHeaders(): boolean {
    return this.read('showHeaders') as boolean;
  }
  get showTotals(): boolean {
    return this.read('showTotals') as boolean;
  }
  /**
   * Table.showTotals (ExcelApi 1.1) shows or removes the totals row (汇总行) under the last data
   * row. The simulator takes the sheet row below the table for it and refuses when that row holds
   * something within the table's columns (Excel would move it); removing it clears its cells.
   */
  set showTotals(show: boolean) {
    this.write('showTotals', show, () => {
      const t = this._model();
      const sheet = this._sheet();
      if ((t.totals === true) === show) return;
      guardProtection(sheet);
      const last = t.rect.row + t.rect.rowCount;
      if (show) {
        const row = last;
        for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++)
          if (readCell(sheet, row, c).value !== '' || readCell(sheet, row, c).formula !== null)
            throw new SimError('InvalidOperation', 'The row below the table is not empty.');
        t.rect = { ...t.rect, rowCount: t.rect.rowCount + 1 };
        t.totals = true;
      } else {
        for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++)
          sheet.cells.delete(cellKey(last - 1, c));
        t.rect = { ...t.rect, rowCount: t.rect.rowCount - 1 };
        t.totals = false;
      }
      this.context.state.notify();
    });
  }
  get style(): string {
    return this.read('style') as string;
  }
  set style(style: string) {
    this.write('style', style, () => {
      this._model().style = style;
      this.context.state.notify();
    });
  }
  get showFilterButton(): boolean {
    return this.read('showFilterButton') as boolean;
  }
  set showFilterButton(show: boolean) {
    this.write('showFilterButton', show, () => {
      this._model().showFilterButton = show;
      this.context.state.notify();
    });
  }
  get columns(): SimTableColumnCollection {
    return this.columnsObject;
  }
  get rows(): SimTableRowCollection {
    return this.rowsObject;
  }
  get onChanged(): SimEventHandlers {
    return this.changed;
  }
  private worksheetObject: SimWorksheet | null = null;
  /** One proxy per table, as office-js keeps navigation properties: what is loaded through it stays readable. */
  get worksheet(): SimWorksheet {
    this.worksheetObject ??= new SimWorksheet(
      this.context,
      new SheetRef(this.context, () => this.ref.table()?.sheetId ?? null),
    );
    return this.worksheetObject;
  }

  _part(pick: (rect: Rect) => Rect | null): SimRange {
    return new SimRange(
      this.context,
      () => {
        const t = this.ref.table();
        if (!t) return null;
        const rect = pick(t.rect);
        return rect ? { sheet: sheetOf(this.context.state, t), rect } : null;
      },
      () => this.worksheet,
    );
  }
  getRange(): SimRange {
    return this._part((r) => r);
  }
  getHeaderRowRange(): SimRange {
    return this._part((r) => ({ ...r, rowCount: 1 }));
  }
  getDataBodyRange(): SimRange {
    return this._part((r) => ({ ...r, row: r.row + 1, rowCount: dataRowsOf(this._model()) }));
  }
  clearFilters(): void {
    this.call('clearFilters', null, () => {
      const t = this._model();
      t.filters.clear();
      applyTableFilters(this._sheet(), t);
      this.context.state.notify();
    });
  }
  convertToRange(): SimRange {
    const range = this.getRange();
    this.call('convertToRange', null, () => this.remove(false));
    return range;
  }
  /**
   * Table.resize (ExcelApi 1.13): the table over a new range that overlaps it, its header in the
   * same row; no cell is moved or changed (excel.table#excel-excel-table-resize-member). So the
   * rows taken in keep their own data validation: a column's rule does not spread over them
   * (docs review of issue 23, item 3; the docs promise nothing more). Conditional formats bound
   * to a column's body follow a taller table.
   */
  resize(newRange: SimRange | string): void {
    if (typeof newRange !== 'string') this.sameContext(newRange);
    this.call('resize', { newRange: typeof newRange === 'string' ? newRange : null }, () => {
      const t = this._model();
      const sheet = this._sheet();
      let rect: Rect;
      if (typeof newRange === 'string') {
        const { sheet: name, ref } = splitSheet(newRange);
        const parsed = parseRef(ref);
        if (!parsed || (name !== null && name.toLowerCase() !== sheet.name.toLowerCase()))
          throw new SimError('InvalidArgument', `"${newRange}" is not a range on the table's sheet.`);
        rect = parsed;
      } else {
        const target = newRange._target();
        if (target.sheet !== sheet) throw new SimError('InvalidArgument', 'The range is on another sheet.');
        rect = target.rect;
      }
      if (rect.row !== t.rect.row || !intersects(rect, t.rect) || rect.rowCount < 2)
        throw new SimError(
          'InvalidArgument',
          'The new range must overlap the table, its header in the same row, with a data row.',
        );
      guardProtection(sheet);
      // With a totals row the docs do not say where that row goes; the simulator refuses, so
      // that the add-in never relies on it (it inserts rows above the totals row instead).
      if (t.totals === true)
        throw new SimError('InvalidOperation', 'The simulator does not resize a table with a totals row.');
      const others = this.context.state.tables.filter((x) => x !== t && x.sheetId === t.sheetId);
      if (others.some((x) => intersects(x.rect, rect)))
        throw new SimError('InvalidOperation', 'A table cannot overlap another table.');
      if (
        rect.column === t.rect.column &&
        rect.columnCount === t.rect.columnCount &&
        rect.rowCount > t.rect.rowCount
      )
        growTableRules(sheet, t, rect.rowCount - t.rect.rowCount, false);
      t.rect = rect;
      // Rows taken in now answer this-row references: Excel's automatic calculation.
      recalculate(sheet, this.context.state.tables);
      this.context.state.notify();
    });
  }
  delete(): void {
    this.call('delete', null, () => this.remove(true));
  }
  private remove(clearCells: boolean): void {
    const t = this._model();
    const sheet = this._sheet();
    guardProtection(sheet);
    for (let r = t.rect.row + 1; r < t.rect.row + t.rect.rowCount; r++) sheet.filteredRows.delete(r);
    if (clearCells) {
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) {
        for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++)
          sheet.cells.delete(cellKey(r, c));
      }
    }
    this.context.state.tables = this.context.state.tables.filter((x) => x !== t);
    this.context.state.fireStructure({
      type: 'TableDeleted',
      source: 'Local',
      worksheetId: t.sheetId,
      tableId: t.id,
      tableName: t.name,
    });
    this.context.state.notify();
  }

  /** Header texts as Excel keeps them: unique, never empty. */
  _headers(): string[] {
    const t = this._model();
    const sheet = this._sheet();
    return Array.from({ length: t.rect.columnCount }, (_, c) =>
      displayText(writableCell(sheet, t.rect.row, t.rect.column + c)),
    );
  }
}

export class SimTableCollection extends SimCollection<SimTable> {
  /** `sheet` scopes the collection to one worksheet (Worksheet.tables); null is Workbook.tables. */
  constructor(
    ctx: SimContext,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(ctx);
  }
  private readonly changed = new SimEventHandlers(this.context, (handler) =>
    this.context.state.onAnyTableChanged((event) => {
      // A worksheet's table collection hears only its own sheet's tables.
      if (!this.sheet || event.worksheetId === this.sheet().id) return handler(event);
    }),
  );
  /** TableCollection.onChanged (ExcelApi 1.7): any table's change, tables made later included. */
  get onChanged(): SimEventHandlers {
    return this.changed;
  }
  private readonly added = new SimEventHandlers<StructureEvent>(this.context, (handler) =>
    this.context.state.onStructure('TableAdded', handler),
  );
  private readonly deleted = new SimEventHandlers<StructureEvent>(this.context, (handler) =>
    this.context.state.onStructure('TableDeleted', handler),
  );
  /** TableCollection.onAdded (ExcelApi 1.9). */
  get onAdded(): SimEventHandlers<StructureEvent> {
    return this.added;
  }
  /** TableCollection.onDeleted (ExcelApi 1.9). */
  get onDeleted(): SimEventHandlers<StructureEvent> {
    return this.deleted;
  }
  private inScope(): TableModel[] {
    const all = this.context.state.tables;
    return this.sheet ? all.filter((t) => t.sheetId === (this.sheet as () => SheetModel)().id) : all;
  }
  protected currentItems(): SimTable[] {
    return this.inScope().map((t) => this.bound(t.id));
  }
  private bound(id: string | null, nullable = false): SimTable {
    const ref = new TableRef(this.context.state);
    ref.id = id;
    return new SimTable(this.context, ref, nullable);
  }
  private lookup(key: string, nullable: boolean): SimTable {
    const ref = new TableRef(this.context.state);
    const table = new SimTable(this.context, ref, nullable);
    this.call('getItem', key, () => {
      const found = this.inScope().find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase());
      if (!found && !nullable) throw new SimError('ItemNotFound', `The table "${key}" does not exist.`);
      ref.id = found?.id ?? null;
    });
    return table;
  }
  getItem(key: string): SimTable {
    return this.lookup(key, false);
  }
  getItemOrNullObject(key: string): SimTable {
    return this.lookup(key, true);
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.call('getCount', null, () => result._set(this.inScope().length));
    return result;
  }

  add(address: SimRange | string, hasHeaders: boolean): SimTable {
    const ref = new TableRef(this.context.state);
    if (typeof address !== 'string') this.sameContext(address);
    this.call('add', { address: typeof address === 'string' ? address : null, hasHeaders }, () => {
      const state = this.context.state;
      let sheet: SheetModel;
      let rect: Rect;
      if (typeof address === 'string') {
        const { sheet: name, ref: cells } = splitSheet(address);
        sheet = name !== null ? state.sheetOrThrow(name) : this.sheet ? this.sheet() : state.activeSheet();
        const parsed = parseRef(cells);
        if (!parsed) throw new SimError('InvalidArgument', `"${address}" is not a valid address.`);
        rect = parsed;
      } else {
        ({ sheet, rect } = address._target());
      }
      if (this.sheet && sheet !== this.sheet())
        throw new SimError('InvalidArgument', 'The address is on another sheet.');
      if (!hasHeaders)
        throw new SimError(
          'InvalidArgument',
          'The simulator creates tables with a header row only (hasHeaders: true).',
        );
      if (rect.rowCount < 2)
        throw new SimError('InvalidArgument', 'A table needs a header row and at least one data row.');
      guardProtection(sheet);
      if (state.tables.some((t) => t.sheetId === sheet.id && intersects(t.rect, rect))) {
        throw new SimError('InvalidOperation', 'A table cannot overlap another table.');
      }
      // Excel answers MergedRangeConflict here (Excel.ErrorCodes), not InvalidOperation.
      if (sheet.merges.some((m) => intersects(m, rect))) {
        throw new SimError(
          'MergedRangeConflict',
          `The range ${formatAddress(sheet.name, rect)} contains merged cells; a table cannot.`,
        );
      }
      let n = state.tables.length + 1;
      while (state.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      const model: TableModel = {
        id: state.id('table'),
        name: `Table${n}`,
        sheetId: sheet.id,
        rect,
        style: 'TableStyleMedium2',
        showFilterButton: true,
        filters: new Map(),
      };
      state.tables.push(model);
      state.fireStructure({ type: 'TableAdded', source: 'Local', worksheetId: sheet.id, tableId: model.id });
      // Headers become unique text; blanks get a generated name.
      const seen = new Set<string>();
      for (let c = 0; c < rect.columnCount; c++) {
        const cell = writableCell(sheet, rect.row, rect.column + c);
        let name = displayText(cell) || `列${c + 1}`;
        let k = 2;
        const base = name;
        while (seen.has(name.toLowerCase())) name = `${base}${k++}`;
        seen.add(name.toLowerCase());
        cell.numberFormat = cell.numberFormat === 'General' ? 'General' : cell.numberFormat;
        if (cell.value !== name) {
          cell.formula = null;
          cell.value = name;
        }
      }
      ref.id = model.id;
      this.context.noteChange(sheet.id, rect);
      // Excel for Mac raised onSelectionChanged here though the selection stayed (office-js #1329).
      if (state.quirks.selectionOnTableAdd) {
        const selected = state.selection ?? {
          sheetId: state.activeSheet().id,
          rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 },
        };
        state.select(selected.sheetId, selected.rect);
      }
    });
    return new SimTable(this.context, ref);
  }
}

export class SimTableColumnCollection extends SimCollection<SimTableColumn> {
  constructor(
    ctx: SimContext,
    private readonly table: SimTable,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    return this.table._exists();
  }
  protected currentItems(): SimTableColumn[] {
    return this.table._headers().map((_, i) => new SimTableColumn(this.context, this.table, () => i));
  }
  private find(key: string | number, nullable: boolean): SimTableColumn {
    const holder: { index: number | null } = { index: null };
    const column = new SimTableColumn(this.context, this.table, () => holder.index);
    column._nullable = nullable;
    this.call('getItem', key, () => {
      const headers = this.table._headers();
      const index = headers.findIndex(
        (h, i) => String(i + 1) === String(key) || h.toLowerCase() === String(key).toLowerCase(),
      );
      if (index < 0 && !nullable) throw new SimError('ItemNotFound', `The table has no column "${key}".`);
      holder.index = index < 0 ? null : index;
    });
    return column;
  }
  getItem(key: string | number): SimTableColumn {
    return this.find(key, false);
  }
  getItemOrNullObject(key: string | number): SimTableColumn {
    return this.find(key, true);
  }
  getItemAt(index: number): SimTableColumn {
    const column = new SimTableColumn(this.context, this.table, () => index);
    this.call('getItemAt', index, () => {
      if (index < 0 || index >= this.table._headers().length)
        throw new SimError('InvalidArgument', `Column index ${index} is outside the table.`);
    });
    return column;
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.call('getCount', null, () => result._set(this.table._headers().length));
    return result;
  }
  /** Adds a column at the right (index omitted) or at `index`, shifting cells right of it. */
  add(
    index?: number | null,
    values?: unknown[][] | boolean | string | number,
    name?: string,
  ): SimTableColumn {
    const holder: { index: number | null } = { index: null };
    this.call('add', { index, values, name }, () => {
      const t = this.table._model();
      const sheet = this.table._sheet();
      guardProtection(sheet);
      const at = index === undefined || index === null ? t.rect.columnCount : index;
      if (at < 0 || at > t.rect.columnCount)
        throw new SimError('InvalidArgument', `Column index ${at} is outside the table.`);
      shiftCells(
        sheet,
        { row: t.rect.row, rowCount: t.rect.rowCount, column: t.rect.column + at, columnCount: 1 },
        'right',
        1,
      );
      t.rect = { ...t.rect, columnCount: t.rect.columnCount + 1 };
      const column = t.rect.column + at;
      const header = name ?? (Array.isArray(values) ? values[0]?.[0] : undefined);
      const existing = new Set(
        this.table
          ._headers()
          .filter((_, i) => i !== at)
          .map((h) => h.toLowerCase()),
      );
      let text = header === undefined || header === null || header === '' ? `列${at + 1}` : String(header);
      let k = 2;
      const base = text;
      while (existing.has(text.toLowerCase())) text = `${base}${k++}`;
      writableCell(sheet, t.rect.row, column).value = text;
      if (Array.isArray(values)) {
        if (values.length !== t.rect.rowCount)
          throw new SimError('InvalidArgument', 'The column values must cover the header and every row.');
        for (let r = 1; r < values.length; r++)
          storeValue(writableCell(sheet, t.rect.row + r, column), values[r][0]);
        // office-js #3013 (open): 1501 values whose last is empty ('', null, undefined) leave the
        // table one row short, its last row outside it.
        const last = values[values.length - 1]?.[0];
        if (values.length === 1501 && (last === '' || last === null || last === undefined))
          t.rect = { ...t.rect, rowCount: t.rect.rowCount - 1 };
      }
      holder.index = at;
      this.context.noteChange(sheet.id, t.rect);
    });
    return new SimTableColumn(this.context, this.table, () => holder.index);
  }
}

export class SimTableColumn extends SimClientObject {
  private readonly filterObject: SimFilter;
  constructor(
    ctx: SimContext,
    private readonly table: SimTable,
    private readonly indexOf: () => number | null,
  ) {
    super(ctx);
    this.filterObject = new SimFilter(ctx, table, indexOf);
  }
  protected override exists(): boolean {
    const i = this.indexOf();
    return i !== null && this.table._exists() && i < this.table._model().rect.columnCount;
  }
  private at(): number {
    this.mustExist();
    return this.indexOf() as number;
  }
  protected scalars(): Record<string, () => unknown> {
    return {
      id: () => this.at() + 1,
      index: () => this.at(),
      name: () => this.table._headers()[this.at()],
    };
  }
  protected override navigation(): Record<string, SimClientObject> {
    return { filter: this.filterObject };
  }
  get id(): number {
    return this.read('id') as number;
  }
  get index(): number {
    return this.read('index') as number;
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(name: string) {
    this.write('name', name, () => {
      const t = this.table._model();
      const others = this.table._headers().filter((_, i) => i !== this.at());
      if (others.some((h) => h.toLowerCase() === name.toLowerCase()))
        throw new SimError('InvalidArgument', `The table already has a column named ${name}.`);
      writableCell(this.table._sheet(), t.rect.row, t.rect.column + this.at()).value = name;
      this.context.noteChange(t.sheetId, t.rect);
    });
  }
  get filter(): SimFilter {
    return this.filterObject;
  }
  getRange(): SimRange {
    return this.table._part((r) =>
      this.indexOf() === null
        ? null
        : { ...r, column: r.column + (this.indexOf() as number), columnCount: 1 },
    );
  }
  getDataBodyRange(): SimRange {
    return this.table._part((r) =>
      this.indexOf() === null
        ? null
        : {
            row: r.row + 1,
            rowCount: dataRowsOf(this.table._model()),
            column: r.column + (this.indexOf() as number),
            columnCount: 1,
          },
    );
  }
  getHeaderRowRange(): SimRange {
    return this.table._part((r) =>
      this.indexOf() === null
        ? null
        : { row: r.row, rowCount: 1, column: r.column + (this.indexOf() as number), columnCount: 1 },
    );
  }
}

export class SimFilter extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly table: SimTable,
    private readonly index: () => number | null,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    return this.index() !== null && this.table._exists();
  }
  protected scalars(): Record<string, () => unknown> {
    return {
      criteria: () => {
        const f = this.table._model().filters.get(this.index() as number);
        return f ? { filterOn: 'Values', values: [...f.values] } : null;
      },
    };
  }
  get criteria(): Excel.FilterCriteria {
    return this.read('criteria') as Excel.FilterCriteria;
  }
  /** Shows only rows whose cell text is one of `values`; hidden rows keep their values. */
  applyValuesFilter(values: Array<string | Excel.FilterDatetime>): void {
    this.call('applyValuesFilter', values, () => {
      const t = this.table._model();
      const sheet = this.table._sheet();
      if (sheet.protection.protected && !sheet.protection.options.allowAutoFilter)
        throw new SimError('AccessDenied', 'The sheet is protected and filtering is not allowed.');
      if (values.some((v) => typeof v !== 'string'))
        throw new SimError('InvalidArgument', 'The simulator filters on text values only.');
      t.filters.set(this.index() as number, { kind: 'values', values: values as string[] });
      applyTableFilters(sheet, t);
      this.context.state.notify();
    });
  }
  clear(): void {
    this.call('clear', null, () => {
      const t = this.table._model();
      t.filters.delete(this.index() as number);
      applyTableFilters(this.table._sheet(), t);
      this.context.state.notify();
    });
  }
}

export class SimTableRowCollection extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly table: SimTable,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    return this.table._exists();
  }
  protected scalars(): Record<string, () => unknown> {
    return { count: () => dataRowsOf(this.table._model()) };
  }
  get count(): number {
    return this.read('count') as number;
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.call('getCount', null, () => result._set(dataRowsOf(this.table._model())));
    return result;
  }
  /**
   * Adds rows at the end of the data (index omitted: above a totals row) or at `index`, shifting
   * the cells below down (TableRowCollection.add: "adds one or more rows to the table").
   */
  add(index?: number | null, values?: unknown[][]): void {
    this.call('add', { index, values }, () => {
      const t = this.table._model();
      const sheet = this.table._sheet();
      guardProtection(sheet);
      const rows = values?.length ?? 1;
      if (values && values.some((r) => !Array.isArray(r) || r.length !== t.rect.columnCount)) {
        throw new SimError('InvalidArgument', `Each new row needs ${t.rect.columnCount} values.`);
      }
      values?.forEach((line) => line.forEach(checkCellText));
      const at = index === undefined || index === null ? dataRowsOf(t) : index;
      const firstNew = t.rect.row + 1 + at;
      shiftCells(
        sheet,
        { row: firstNew, rowCount: 0, column: t.rect.column, columnCount: t.rect.columnCount },
        'down',
        rows,
      );
      t.rect = { ...t.rect, rowCount: t.rect.rowCount + rows };
      values?.forEach((line, r) =>
        line.forEach((v, c) => storeValue(writableCell(sheet, firstNew + r, t.rect.column + c), v)),
      );
      recalculate(sheet, this.context.state.tables);
      // The event names the rows added, not the whole table.
      this.context.noteChange(sheet.id, {
        row: firstNew,
        rowCount: rows,
        column: t.rect.column,
        columnCount: t.rect.columnCount,
      });
    });
  }
  /** The data row at `index` (0-based), found when the batch runs. */
  getItemAt(index: number): SimTableRow {
    return new SimTableRow(this.context, this.table, index);
  }
}

/**
 * One data row of a table. delete() removes it and moves the table's cells below it up, as
 * Excel's TableRow.delete does; cells beside the table stay where they are.
 */
export class SimTableRow extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly table: SimTable,
    private readonly at: number,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    return this.table._exists() && this.at >= 0 && this.at < dataRowsOf(this.table._model());
  }
  protected scalars(): Record<string, () => unknown> {
    return { index: () => this.at };
  }
  get index(): number {
    return this.read('index') as number;
  }
  delete(): void {
    this.call('delete', null, () => {
      this.mustExist();
      const t = this.table._model();
      const sheet = this.table._sheet();
      guardProtection(sheet);
      deleteTableRows(sheet, t, this.at, 1, this.context.state.tables);
      this.context.noteChange(sheet.id, t.rect);
    });
  }
}
