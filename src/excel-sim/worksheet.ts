// Worksheet, its collection and its parts (freeze panes, protection, page layout).
// https://learn.microsoft.com/javascript/api/excel/excel.worksheet
import { columnIndex, formatRef, MAX_COLUMNS, MAX_ROWS, parseRef, splitSheet, type Rect } from './address';
import { SimCharts } from './charts';
import { SimCollection } from './collection';
import { SimClientObject, SimClientResult, type SimContext } from './core';
import { SimError } from './errors';
import { SimEventHandlers } from './events';
import { checkSheetName, usedRect, type SheetModel } from './model';
import { SimNamedItemCollection } from './names';
import { SimRange } from './range';
import type { StructureEvent } from './state';
import { SimTableCollection } from './table';

/** A reference to a sheet, bound when the request that found it runs. */
export class SheetRef {
  id: string | null = null;
  /** `follow` makes the reference track another object's sheet (a table's worksheet). */
  constructor(
    readonly ctx: SimContext,
    private readonly follow?: () => string | null,
  ) {}
  sheet(): SheetModel | null {
    const id = this.follow ? this.follow() : this.id;
    return id ? (this.ctx.state.sheetById(id) ?? null) : null;
  }
}

export class SimWorksheet extends SimClientObject {
  private readonly protectionObject: SimWorksheetProtection;
  private readonly freezeObject: SimWorksheetFreezePanes;
  private readonly layoutObject: SimPageLayout;
  private readonly tablesObject: SimTableCollection;
  private readonly chartsObject: SimCharts;
  private readonly namesObject: SimNamedItemCollection;
  private readonly changed: SimEventHandlers;

  constructor(
    ctx: SimContext,
    readonly _ref: SheetRef,
    nullable = false,
  ) {
    super(ctx);
    this._nullable = nullable;
    this.protectionObject = new SimWorksheetProtection(ctx, this);
    this.freezeObject = new SimWorksheetFreezePanes(ctx, this);
    this.layoutObject = new SimPageLayout(ctx, this);
    this.tablesObject = new SimTableCollection(ctx, () => this._model());
    this.chartsObject = new SimCharts(ctx, this);
    this.namesObject = new SimNamedItemCollection(ctx, () => this._model().id);
    this.changed = new SimEventHandlers(ctx, (handler) =>
      ctx.state.onSheetChanged(this._model().id, handler),
    );
  }

  _model(): SheetModel {
    const sheet = this._ref.sheet();
    if (!sheet) throw new SimError('ItemNotFound', 'The worksheet does not exist.');
    return sheet;
  }

  protected exists(): boolean {
    return this._ref.sheet() !== null;
  }

  protected scalars(): Record<string, () => unknown> {
    const s = () => this._model();
    return {
      name: () => s().name,
      id: () => s().id,
      position: () => this.context.state.sheets.indexOf(s()),
      visibility: () => s().visibility,
      tabColor: () => s().tabColor,
    };
  }

  protected override navigation(): Record<string, SimClientObject> {
    return {
      protection: this.protectionObject,
      freezePanes: this.freezeObject,
      pageLayout: this.layoutObject,
      tables: this.tablesObject,
      charts: this.chartsObject,
      names: this.namesObject,
    };
  }

  get id(): string {
    return this.read('id') as string;
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(name: string) {
    this.write('name', name, () => {
      const sheet = this._model();
      guardStructure(this.context.state.structureProtected);
      sheet.name = checkSheetName(
        name,
        this.context.state.sheets.filter((s) => s !== sheet),
      );
      this.context.state.notify();
    });
  }
  get position(): number {
    return this.read('position') as number;
  }
  set position(position: number) {
    this.write('position', position, () => {
      const sheets = this.context.state.sheets;
      const sheet = this._model();
      if (position < 0 || position >= sheets.length)
        throw new SimError('InvalidArgument', `Position ${position} is outside 0–${sheets.length - 1}.`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(position, 0, sheet);
      this.context.state.notify();
    });
  }
  get visibility(): Excel.Worksheet['visibility'] {
    return this.read('visibility') as Excel.Worksheet['visibility'];
  }
  set visibility(visibility: Excel.Worksheet['visibility']) {
    this.write('visibility', visibility, () => {
      const sheet = this._model();
      if (
        visibility !== 'Visible' &&
        this.context.state.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0
      ) {
        throw new SimError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      sheet.visibility = String(visibility) as SheetModel['visibility'];
      this.context.state.notify();
    });
  }
  get tabColor(): string {
    return this.read('tabColor') as string;
  }
  set tabColor(color: string) {
    this.write('tabColor', color, () => {
      this._model().tabColor = color;
      this.context.state.notify();
    });
  }

  get protection(): SimWorksheetProtection {
    return this.protectionObject;
  }
  /** Worksheet.names (ExcelApi 1.4): the names scoped to this sheet. */
  get names(): SimNamedItemCollection {
    return this.namesObject;
  }
  get freezePanes(): SimWorksheetFreezePanes {
    return this.freezeObject;
  }
  get horizontalPageBreaks(): SimPageBreakCollection {
    return new SimPageBreakCollection(this.context, this, 'row');
  }
  get verticalPageBreaks(): SimPageBreakCollection {
    return new SimPageBreakCollection(this.context, this, 'column');
  }
  get pageLayout(): SimPageLayout {
    return this.layoutObject;
  }
  get tables(): SimTableCollection {
    return this.tablesObject;
  }
  get charts(): SimCharts {
    return this.chartsObject;
  }
  get onChanged(): SimEventHandlers {
    return this.changed;
  }

  _range(resolve: (sheet: SheetModel) => Rect | null): SimRange {
    return new SimRange(
      this.context,
      () => {
        const sheet = this._ref.sheet();
        if (!sheet) return null;
        const rect = resolve(sheet);
        return rect ? { sheet, rect } : null;
      },
      () => this,
    );
  }

  getRange(address?: string): SimRange {
    return this._range((sheet) => {
      if (address === undefined) return { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS };
      const { sheet: named, ref } = splitSheet(address);
      if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new SimError('InvalidArgument', `The address ${address} is not on sheet ${sheet.name}.`);
      }
      const rect = parseRef(ref);
      if (!rect) throw new SimError('InvalidArgument', `"${address}" is not a valid address.`);
      return rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this._range(() => {
      if (
        startRow < 0 ||
        startColumn < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        startRow + rowCount > MAX_ROWS ||
        startColumn + columnCount > MAX_COLUMNS
      ) {
        throw new SimError('InvalidArgument', 'The row or column indexes are outside the sheet.');
      }
      return { row: startRow, column: startColumn, rowCount, columnCount };
    });
  }

  /** An empty sheet's used range is A1, as in Excel. */
  getUsedRange(valuesOnly = false): SimRange {
    return this._range(
      (sheet) => usedRect(sheet, valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    const range = this._range((sheet) => usedRect(sheet, valuesOnly));
    range._nullable = true;
    return range;
  }

  activate(): void {
    this.call('activate', null, () => {
      const sheet = this._model();
      if (sheet.visibility !== 'Visible')
        throw new SimError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.context.state.select(sheet.id, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    });
  }

  /**
   * Worksheet.copy (ExcelApi 1.7), as the user's 移动或复制 › 建立副本 does: the copy is named
   * "名称 (2)", placed after the original, and carries its cells, rules, protection and the names
   * scoped to it (excel.worksheet#excel-excel-worksheet-copy-member). Its tables get new names,
   * table names being unique in a workbook (excel.table#excel-excel-table-name-member); the exact
   * spelling Excel picks is its own, so nothing may rely on it beyond "not the original's".
   */
  copy(positionType?: Excel.WorksheetPositionType | string, relativeTo?: SimWorksheet): SimWorksheet {
    const ref = new SheetRef(this.context);
    this.call('copy', { positionType: positionType ?? 'None' }, () => {
      if (relativeTo !== undefined || (positionType !== undefined && positionType !== 'None'))
        throw new SimError('InvalidArgument', 'The simulator copies a sheet only to after the original.');
      const state = this.context.state;
      guardStructure(state.structureProtected);
      const original = this._model();
      const base = original.name.replace(/ \(\d+\)$/u, '');
      let n = 2;
      while (state.findSheet(`${base} (${n})`)) n++;
      const copy: SheetModel = {
        ...structuredClone(original),
        id: state.id('sheet'),
        name: `${base} (${n})`,
      };
      state.sheets.splice(state.sheets.indexOf(original) + 1, 0, copy);
      for (const table of state.tables.filter((t) => t.sheetId === original.id)) {
        let k = 2;
        while (state.tables.some((t) => t.name.toLowerCase() === `${table.name}${k}`.toLowerCase())) k++;
        state.tables.push({
          ...table,
          id: state.id('table'),
          name: `${table.name}${k}`,
          sheetId: copy.id,
          filters: new Map(table.filters),
        });
      }
      // Names scoped to the sheet travel with it, formula and all.
      for (const name of state.names.filter((x) => x.scope === original.id))
        state.names.push({ ...name, scope: copy.id });
      ref.id = copy.id;
      state.notify();
    });
    return new SimWorksheet(this.context, ref);
  }

  delete(): void {
    this.call('delete', null, () => {
      const state = this.context.state;
      guardStructure(state.structureProtected);
      const sheet = this._model();
      if (state.sheets.filter((s) => s !== sheet && s.visibility === 'Visible').length === 0) {
        throw new SimError('InvalidOperation', 'The last visible sheet of a workbook cannot be deleted.');
      }
      state.sheets = state.sheets.filter((s) => s !== sheet);
      state.tables = state.tables.filter((t) => t.sheetId !== sheet.id);
      state.names = state.names.filter((n) => n.scope !== sheet.id);
      state.fireStructure({ type: 'WorksheetDeleted', source: 'Local', worksheetId: sheet.id });
      if (state.activeSheetId === sheet.id)
        state.activeSheetId = state.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
      if (state.selection?.sheetId === sheet.id) state.selection = null;
      state.notify();
    });
  }
}

function guardStructure(protectedStructure: boolean): void {
  if (protectedStructure) throw new SimError('AccessDenied', 'The workbook structure is protected.');
}

/** The fields of Excel.WorksheetSelectionChangedEventArgs the simulator gives. */
export interface ActivatedEvent {
  readonly type: 'WorksheetActivated';
  readonly worksheetId: string;
}

export interface SelectionEvent {
  readonly type: 'WorksheetSelectionChanged';
  readonly source: 'Local';
  readonly worksheetId: string;
  readonly address: string;
}

export class SimWorksheetCollection extends SimCollection<SimWorksheet> {
  private readonly deleted = new SimEventHandlers<StructureEvent>(this.context, (handler) =>
    this.context.state.onStructure('WorksheetDeleted', handler),
  );
  /** WorksheetCollection.onDeleted (ExcelApi 1.7). */
  get onDeleted(): SimEventHandlers<StructureEvent> {
    return this.deleted;
  }
  private readonly activated = new SimEventHandlers<ActivatedEvent>(this.context, (handler) =>
    this.context.state.onActivated((sheetId) =>
      handler({ type: 'WorksheetActivated', worksheetId: sheetId }),
    ),
  );
  /**
   * WorksheetCollection.onActivated (ExcelApi 1.7): "Occurs when any worksheet in the workbook is
   * activated", with its id; a click on another sheet's tab or Worksheet.activate.
   */
  get onActivated(): SimEventHandlers<ActivatedEvent> {
    return this.activated;
  }
  private readonly selectionChanged = new SimEventHandlers<SelectionEvent>(this.context, (handler) =>
    this.context.state.onSelectionChanged((sheetId, rect) =>
      handler({
        type: 'WorksheetSelectionChanged',
        source: 'Local',
        worksheetId: sheetId,
        address: formatRef(rect),
      }),
    ),
  );
  /**
   * WorksheetCollection.onSelectionChanged (ExcelApi 1.9): on every click, with the sheet's id
   * and the block selected (Excel.WorksheetSelectionChangedEventArgs.address, "B5" or "B5:D7").
   */
  get onSelectionChanged(): SimEventHandlers<SelectionEvent> {
    return this.selectionChanged;
  }
  protected currentItems(): SimWorksheet[] {
    return this.context.state.sheets.map((s) => this.bound(s.id));
  }

  private bound(id: string | null, nullable = false): SimWorksheet {
    const ref = new SheetRef(this.context);
    ref.id = id;
    return new SimWorksheet(this.context, ref, nullable);
  }

  private lookup(key: string, nullable: boolean): SimWorksheet {
    const ref = new SheetRef(this.context);
    const sheet = new SimWorksheet(this.context, ref, nullable);
    this.call('getItem', key, () => {
      const found = this.context.state.findSheet(key);
      if (!found && !nullable) throw new SimError('ItemNotFound', `The worksheet "${key}" does not exist.`);
      ref.id = found?.id ?? null;
    });
    return sheet;
  }

  getItem(key: string): SimWorksheet {
    return this.lookup(key, false);
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return this.lookup(key, true);
  }

  getActiveWorksheet(): SimWorksheet {
    const ref = new SheetRef(this.context);
    this.call('getActiveWorksheet', null, () => {
      ref.id = this.context.state.activeSheet().id;
    });
    return new SimWorksheet(this.context, ref);
  }

  add(name?: string): SimWorksheet {
    const ref = new SheetRef(this.context);
    this.call('add', name ?? null, () => {
      const state = this.context.state;
      guardStructure(state.structureProtected);
      let chosen = name;
      if (chosen === undefined) {
        let n = state.sheets.length + 1;
        while (state.findSheet(`Sheet${n}`)) n++;
        chosen = `Sheet${n}`;
      }
      checkSheetName(chosen, state.sheets);
      ref.id = state.addSheet(chosen).id;
      state.notify();
    });
    return new SimWorksheet(this.context, ref);
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.call('getCount', null, () => result._set(this.context.state.sheets.length));
    return result;
  }
}

export class SimWorksheetProtection extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly sheet: SimWorksheet,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.sheet._exists();
  }
  protected scalars(): Record<string, () => unknown> {
    return {
      protected: () => this.sheet._model().protection.protected,
      options: () => ({ ...this.sheet._model().protection.options }),
    };
  }
  get protected(): boolean {
    return this.read('protected') as boolean;
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.read('options') as Excel.WorksheetProtectionOptions;
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.call('protect', { options, password: password ? '***' : undefined }, () => {
      const p = this.sheet._model().protection;
      if (p.protected) throw new SimError('InvalidOperation', 'The sheet is already protected.');
      p.protected = true;
      p.password = password ?? null;
      p.options = { ...(options as Record<string, boolean> | undefined) };
      this.context.state.notify();
    });
  }
  unprotect(password?: string): void {
    this.call('unprotect', null, () => {
      const p = this.sheet._model().protection;
      // The docs list no error for unprotect; pauseProtection, the nearest documented case, answers
      // a wrong password with InvalidArgument: assumed the same here (see refusedUnprotect).
      if (p.protected && p.password !== null && p.password !== password)
        throw new SimError('InvalidArgument', 'The password is wrong.');
      p.protected = false;
      p.password = null;
      p.options = {};
      this.context.state.notify();
    });
  }
}

export class SimWorksheetFreezePanes extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly sheet: SimWorksheet,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.sheet._exists();
  }
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  private set(rows: number, columns: number): void {
    this.sheet._model().freeze = { rows, columns };
    this.context.state.notify();
  }
  freezeRows(count = 1): void {
    this.call('freezeRows', count, () => this.set(count, 0));
  }
  freezeColumns(count = 1): void {
    this.call('freezeColumns', count, () => this.set(0, count));
  }
  /** Freezes the rows above and columns left of the range's bottom-right corner, plus the range. */
  freezeAt(frozenRange: SimRange | string): void {
    const range = typeof frozenRange === 'string' ? this.sheet.getRange(frozenRange) : frozenRange;
    if (typeof frozenRange !== 'string') this.sameContextOf(frozenRange);
    this.call('freezeAt', null, () => {
      const { rect } = range._target();
      this.set(rect.row + rect.rowCount, rect.column + rect.columnCount);
    });
  }
  unfreeze(): void {
    this.call('unfreeze', null, () => this.set(0, 0));
  }
  getLocationOrNullObject(): SimRange {
    const range = this.sheet._range((sheet) =>
      sheet.freeze.rows || sheet.freeze.columns
        ? {
            row: 0,
            column: 0,
            rowCount: Math.max(sheet.freeze.rows, 1),
            columnCount: Math.max(sheet.freeze.columns, 1),
          }
        : null,
    );
    range._nullable = true;
    return range;
  }
  private sameContextOf(range: SimRange): void {
    this.sameContext(range);
  }
}

export class SimPageLayout extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly sheet: SimWorksheet,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.sheet._exists();
  }
  private layout() {
    return this.sheet._model().pageLayout;
  }
  protected scalars(): Record<string, () => unknown> {
    return {
      orientation: () => this.layout().orientation,
      paperSize: () => this.layout().paperSize,
      centerHorizontally: () => this.layout().centerHorizontally,
      zoom: () => ({
        horizontalFitToPages: this.layout().fitToPagesWide ?? undefined,
        verticalFitToPages: this.layout().fitToPagesTall ?? undefined,
        scale: this.layout().scale ?? undefined,
      }),
      printOrder: () => this.layout().printOrder,
    };
  }
  get orientation(): Excel.PageLayout['orientation'] {
    return this.read('orientation') as Excel.PageLayout['orientation'];
  }
  set orientation(v: Excel.PageLayout['orientation']) {
    this.write('orientation', v, () => (this.layout().orientation = String(v)));
  }
  get paperSize(): Excel.PageLayout['paperSize'] {
    return this.read('paperSize') as Excel.PageLayout['paperSize'];
  }
  set paperSize(v: Excel.PageLayout['paperSize']) {
    this.write('paperSize', v, () => (this.layout().paperSize = String(v)));
  }
  get centerHorizontally(): boolean {
    return this.read('centerHorizontally') as boolean;
  }
  set centerHorizontally(v: boolean) {
    this.write('centerHorizontally', v, () => (this.layout().centerHorizontally = v));
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.read('zoom') as Excel.PageLayoutZoomOptions;
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.write('zoom', v, () => {
      // Excel keeps the scale between 10% and 400% and refuses one outside it.
      if (v.scale !== undefined && (v.scale < 10 || v.scale > 400))
        throw new SimError('InvalidArgument', `The print scale ${v.scale} is outside 10–400.`);
      const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
      if (fit && this.context.state.quirks.fitToPagesIgnored) return;
      this.layout().fitToPagesWide = v.horizontalFitToPages ?? null;
      this.layout().fitToPagesTall = v.verticalFitToPages ?? null;
      this.layout().scale = v.scale ?? null;
    });
  }
  get printOrder(): Excel.PageLayout['printOrder'] {
    return this.read('printOrder') as Excel.PageLayout['printOrder'];
  }
  set printOrder(v: Excel.PageLayout['printOrder']) {
    this.write('printOrder', v, () => {
      if (v !== 'DownThenOver' && v !== 'OverThenDown')
        throw new SimError('InvalidArgument', `"${String(v)}" is not a print order.`);
      this.layout().printOrder = v;
    });
  }
  get headersFooters(): SimHeaderFooterGroup {
    return new SimHeaderFooterGroup(this.context, this.sheet);
  }
  setPrintTitleRows(rows: SimRange | string): void {
    this.call('setPrintTitleRows', typeof rows === 'string' ? rows : null, () => {
      const text = typeof rows === 'string' ? rows : null;
      if (text !== null && !/^\$?\d+:\$?\d+$/.test(text))
        throw new SimError('InvalidArgument', `"${text}" is not a row range such as $3:$3.`);
      this.layout().printTitleRows = text ?? (rows as SimRange)._target().rect.row.toString();
    });
  }
  setPrintTitleColumns(columns: string): void {
    this.call('setPrintTitleColumns', columns, () => {
      if (!/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/u.test(columns))
        throw new SimError('InvalidArgument', `"${columns}" is not a column range such as $A:$A.`);
      this.layout().printTitleColumns = columns;
    });
  }
}

/** A sheet's headers and footers (ExcelApi 1.9); the simulator keeps the footer, the one the add-in writes. */
export class SimHeaderFooterGroup extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly sheet: SimWorksheet,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.sheet._exists();
  }
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  get defaultForAllPages(): SimHeaderFooter {
    return new SimHeaderFooter(this.context, this.sheet);
  }
}

export class SimHeaderFooter extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly sheet: SimWorksheet,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.sheet._exists();
  }
  private footer() {
    return this.sheet._model().pageLayout.footer;
  }
  protected scalars(): Record<string, () => unknown> {
    return {
      leftFooter: () => this.footer().left,
      centerFooter: () => this.footer().center,
      rightFooter: () => this.footer().right,
    };
  }
  get leftFooter(): string {
    return this.read('leftFooter') as string;
  }
  set leftFooter(v: string) {
    this.write('leftFooter', v, () => (this.footer().left = v));
  }
  get centerFooter(): string {
    return this.read('centerFooter') as string;
  }
  set centerFooter(v: string) {
    this.write('centerFooter', v, () => (this.footer().center = v));
  }
  get rightFooter(): string {
    return this.read('rightFooter') as string;
  }
  set rightFooter(v: string) {
    this.write('rightFooter', v, () => (this.footer().right = v));
  }
}

/**
 * A sheet's manual page breaks (ExcelApi 1.9): a horizontal one above the first row of the range
 * it is given, a vertical one left of its first column.
 */
export class SimPageBreakCollection extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly sheet: SimWorksheet,
    private readonly along: 'row' | 'column',
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.sheet._exists();
  }
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  add(pageBreakRange: string): void {
    this.call('add', pageBreakRange, () => {
      const cell = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?[A-Z]{1,3}\$?\d+)?$/u.exec(pageBreakRange);
      if (!cell) throw new SimError('InvalidArgument', `"${pageBreakRange}" is not a range such as A12.`);
      const layout = this.sheet._model().pageLayout;
      if (this.along === 'row') layout.rowBreaks.push(Number(cell[2]) - 1);
      else layout.columnBreaks.push(columnIndex(cell[1]));
    });
  }
}
