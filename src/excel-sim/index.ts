// excel-sim: an in-memory Excel host strict enough that passing tests mean the code would
// work in Excel. Tests and the preview page create one and hand its context to src/excel.
import { formatAddress, parseRef, splitSheet, type Rect } from './address';
import { SimError, type SimErrorCode } from './errors';
import { listItems } from './lists';
import { passesRule } from './rangeRules';
import { evaluateFormula, recalculate } from './formulas';
import {
  expandTablesBelow,
  isLockedForEdit,
  MAX_CELL_TEXT,
  readCell,
  storeValue,
  usedRect,
  writableCell,
  applyTableFilters,
  type SheetModel,
} from './model';
import { changeDetail, WorkbookState } from './state';
import { SimRequestContext } from './workbook';
import { API_TYPE_NAMES } from './core';
import * as charts from './charts';
import * as customXml from './customXml';
import * as functions from './functions';
import * as names from './names';
import * as range from './range';
import * as rangeRules from './rangeRules';
import * as table from './table';
import * as workbook from './workbook';
import * as worksheet from './worksheet';

// Each API class by its export name (SimTableCollection: TableCollection), for errorLocation.
for (const module of [charts, customXml, functions, names, range, rangeRules, table, workbook, worksheet])
  for (const [name, value] of Object.entries(module))
    if (name.startsWith('Sim') && typeof value === 'function') API_TYPE_NAMES.set(value, name.slice(3));

export { SimError } from './errors';
export type { SimErrorCode } from './errors';
export { WorkbookState } from './state';
export type { ChangeEvent, StructureEvent } from './state';
export { SimRequestContext } from './workbook';
export * as simModel from './model';
export { columnName, formatAddress, parseRef } from './address';
export { conditionalLook, type ConditionalLook } from './conditional';

export type EditResult = { ok: true } | { ok: false; title: string; message: string };

export class ExcelSim {
  readonly state = new WorkbookState();

  /** Like Excel.run: one context per batch, a final sync for anything still queued. */
  run<T>(batch: (context: SimRequestContext) => Promise<T>, options: Excel.RunOptions = {}): Promise<T> {
    const context = new SimRequestContext(this.state);
    context._ctx.delayForCellEdit = options.delayForCellEdit === true;
    return this.within(context, batch);
  }

  /**
   * Has Excel refuse the next command named `location` (as errorLocation names it) with `code`:
   * for testing what a write says and leaves when a batch fails part-way.
   */
  refuseNext(location: string, code: SimErrorCode): void {
    this.state.refusals.set(location, code);
  }

  /** A user starts editing a cell (a double-click): Excel is in cell-edit mode until endCellEdit(). */
  startCellEdit(): void {
    if (this.state.cellEdit) return;
    let end = () => {};
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.state.cellEdit = { ended, end };
  }

  endCellEdit(): void {
    const edit = this.state.cellEdit;
    this.state.cellEdit = null;
    edit?.end();
  }

  /**
   * Excel.run(context, batch): a batch in the context of an earlier run, as office-js requires
   * for removing an event handler registered there.
   */
  runIn<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const sim = context as unknown as SimRequestContext;
    sim._ctx.closed = false;
    return this.within(sim, () => batch(context));
  }

  /** Runs a batch in an open context, syncs what is left, then closes it: objects of a finished run are refused. */
  private async within<T>(
    context: SimRequestContext,
    batch: (context: SimRequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      const result = await batch(context);
      if (context._ctx.hasPending()) await context.sync();
      return result;
    } finally {
      context._ctx.closed = true;
    }
  }

  /** The same, typed as the real API: the one place the simulator poses as Excel. */
  runExcel<T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    options: Excel.RunOptions = {},
  ): Promise<T> {
    return this.run((context) => batch(context as unknown as Excel.RequestContext), options);
  }

  get syncCount(): number {
    return this.state.stats.syncs;
  }

  get batches() {
    return this.state.stats.batches;
  }

  sheet(name: string): SheetModel {
    return this.state.sheetOrThrow(name);
  }

  /** Values of the used range, as Range.values would give them. */
  values(sheetName: string): (string | number | boolean)[][] {
    const sheet = this.sheet(sheetName);
    const rect = usedRect(sheet, true);
    if (!rect) return [];
    const out: (string | number | boolean)[][] = [];
    for (let r = 0; r < rect.row + rect.rowCount; r++) {
      const line: (string | number | boolean)[] = [];
      for (let c = 0; c < rect.column + rect.columnCount; c++) line.push(readCell(sheet, r, c).value);
      out.push(line);
    }
    return out;
  }

  /**
   * A person typing into cells: list validation with a Stop alert refuses a value outside the
   * list (as Excel does for typed input; pasting is not checked), a protected cell refuses any
   * value, and change events fire with source Local.
   */
  userEdit(sheetName: string, address: string, values: unknown[][]): EditResult {
    const sheet = this.sheet(sheetName);
    const rect = parseRef(splitSheet(address).ref);
    if (!rect) throw new SimError('InvalidArgument', `"${address}" is not a valid address.`);
    for (let r = 0; r < rect.rowCount; r++) {
      for (let c = 0; c < rect.columnCount; c++) {
        const row = rect.row + r;
        const column = rect.column + c;
        const value = values[r]?.[c];
        if (isLockedForEdit(sheet, row, column)) {
          return {
            ok: false,
            title: 'Microsoft Excel',
            message: '您试图更改的单元格或图表位于受保护的工作表中。',
          };
        }
        // A cell holds no more than 32,767 characters: Excel's cell editor takes no more.
        if (typeof value === 'string' && value.length > MAX_CELL_TEXT)
          return {
            ok: false,
            title: 'Microsoft Excel',
            message: `单元格最多可容纳${MAX_CELL_TEXT}个字符。`,
          };
        const refusal = this.validationRefusal(sheet, row, column, value);
        if (refusal) return refusal;
      }
    }
    this.store(sheet, rect, values, 'Local');
    return { ok: true };
  }

  /** A click on a cell or block: the selection moves and the selection handlers hear of it. */
  /** A click on a sheet's tab, as a user makes it: the sheet activated, no selection event. */
  userActivate(sheetName: string): void {
    this.state.activate(this.sheet(sheetName).id);
  }

  userSelect(sheetName: string, address: string): void {
    const rect = parseRef(splitSheet(address).ref);
    if (!rect) throw new SimError('InvalidArgument', `"${address}" is not a valid address.`);
    this.state.select(this.sheet(sheetName).id, rect);
  }

  /**
   * A value chosen from a cell's dropdown in Excel on the web: stored as typed input, but no
   * onChanged is raised (office-js #3888 and #4066, data-validation dropdowns on the web).
   */
  userPick(sheetName: string, address: string, value: string): EditResult {
    const sheet = this.sheet(sheetName);
    const rect = parseRef(splitSheet(address).ref);
    if (!rect || rect.rowCount !== 1 || rect.columnCount !== 1)
      throw new SimError('InvalidArgument', `"${address}" is not one cell.`);
    const options = this.dropdown(sheetName, rect.row, rect.column);
    if (!options?.includes(value)) throw new SimError('InvalidArgument', `${address} offers no "${value}".`);
    if (isLockedForEdit(sheet, rect.row, rect.column))
      return {
        ok: false,
        title: 'Microsoft Excel',
        message: '您试图更改的单元格或图表位于受保护的工作表中。',
      };
    this.store(sheet, rect, [[value]], 'Local', false);
    return { ok: true };
  }

  /**
   * A co-author's edit arriving through co-authoring: no dropdown or protection stops it here (it
   * was checked on their machine), and the change events say source Remote.
   */
  remoteEdit(sheetName: string, address: string, values: unknown[][]): void {
    const sheet = this.sheet(sheetName);
    const rect = parseRef(splitSheet(address).ref);
    if (!rect) throw new SimError('InvalidArgument', `"${address}" is not a valid address.`);
    this.store(sheet, rect, values, 'Remote');
  }

  /** Stores an edit's values as Excel stores typed input, then tells the change handlers. */
  private store(
    sheet: SheetModel,
    rect: Rect,
    values: unknown[][],
    source: 'Local' | 'Remote',
    raise = true,
  ): void {
    const single = rect.rowCount === 1 && rect.columnCount === 1;
    const before = single ? readCell(sheet, rect.row, rect.column).value : undefined;
    for (let r = 0; r < rect.rowCount; r++) {
      for (let c = 0; c < rect.columnCount; c++) {
        const cell = writableCell(sheet, rect.row + r, rect.column + c);
        const value = values[r]?.[c];
        if (value === '' || value === null || value === undefined) {
          cell.value = '';
          cell.formula = null;
        } else {
          storeValue(cell, value);
          if (cell.formula)
            cell.value =
              evaluateFormula(cell.formula, sheet, rect.row + r, rect.column + c, this.state.tables) ??
              cell.value;
        }
      }
    }
    expandTablesBelow(sheet, this.state.tables, rect, this.state.autoCorrect);
    recalculate(sheet, this.state.tables);
    for (const table of this.state.tables.filter((t) => t.sheetId === sheet.id && t.filters.size))
      applyTableFilters(sheet, table);
    const details =
      before === undefined
        ? {}
        : { details: changeDetail(before, readCell(sheet, rect.row, rect.column).value) };
    if (raise) this.state.fireChanges([{ sheetId: sheet.id, rect, ...details }], source);
    else this.state.notify();
  }

  /** The list a cell's dropdown offers, or null when it has none. */
  dropdown(sheetName: string, row: number, column: number): string[] | null {
    const sheet = this.sheet(sheetName);
    const rule = sheet.validations.find(
      (v) =>
        v.list &&
        v.list.inCellDropDown &&
        row >= v.rect.row &&
        row < v.rect.row + v.rect.rowCount &&
        column >= v.rect.column &&
        column < v.rect.column + v.rect.columnCount,
    );
    return rule?.list ? listItems(this.state, sheet, rule.list.source) : null;
  }

  private validationRefusal(
    sheet: SheetModel,
    row: number,
    column: number,
    value: unknown,
  ): EditResult | null {
    const rule = sheet.validations.find(
      (v) =>
        row >= v.rect.row &&
        row < v.rect.row + v.rect.rowCount &&
        column >= v.rect.column &&
        column < v.rect.column + v.rect.columnCount,
    );
    if (!rule || passesRule(this.state, sheet, rule, value)) return null;
    if (!rule.errorAlert.showAlert || rule.errorAlert.style !== 'Stop') return null;
    return {
      ok: false,
      title: rule.errorAlert.title || 'Microsoft Excel',
      message:
        rule.errorAlert.message ||
        `此值与此单元格定义的数据验证限制不匹配。（${formatAddress(sheet.name, { row, column, rowCount: 1, columnCount: 1 })}）`,
    };
  }

  /** Everything a user could see or lose, as plain data: compare before and after an operation. */
  snapshot(): WorkbookSnapshot {
    const s = this.state;
    return {
      sheets: s.sheets.map((sheet) => ({
        id: sheet.id,
        name: sheet.name,
        visibility: sheet.visibility,
        tabColor: sheet.tabColor,
        cells: Object.fromEntries(
          [...sheet.cells.entries()]
            .filter(
              ([, c]) =>
                c.value !== '' ||
                c.formula !== null ||
                c.numberFormat !== 'General' ||
                Object.keys(c.format).length,
            )
            .map(([k, c]) => [k, JSON.parse(JSON.stringify(c))]),
        ),
        columnWidths: Object.fromEntries(sheet.columnWidths),
        rowHeights: Object.fromEntries(sheet.rowHeights),
        hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
        filteredRows: [...sheet.filteredRows].sort((a, b) => a - b),
        freeze: { ...sheet.freeze },
        protection: { protected: sheet.protection.protected, options: { ...sheet.protection.options } },
        pageLayout: { ...sheet.pageLayout },
        merges: sheet.merges.map((m) => ({ ...m })),
        validations: JSON.parse(JSON.stringify(sheet.validations)),
        conditionalFormats: JSON.parse(JSON.stringify(sheet.conditionalFormats)),
        charts: JSON.parse(JSON.stringify(sheet.charts)),
        names: s.names
          .filter((n) => n.scope === sheet.id)
          .map((n) => ({ name: n.name, formula: names.nameFormula(s, n) })),
      })),
      names: s.names
        .filter((n) => n.scope === undefined)
        .map((n) => ({ name: n.name, formula: names.nameFormula(s, n) })),
      tables: s.tables.map((t) => ({
        ...t,
        rect: { ...t.rect },
        filters: Object.fromEntries([...t.filters].map(([k, v]) => [k, { ...v, values: [...v.values] }])),
      })),
      settings: Object.fromEntries(JSON.parse(JSON.stringify([...s.settings]))),
      customXmlParts: s.customXmlParts.map((p) => ({ ...p })),
    };
  }
}

export type WorkbookSnapshot = {
  sheets: {
    id: string;
    name: string;
    cells: Record<string, unknown>;
    [key: string]: unknown;
  }[];
  tables: Record<string, unknown>[];
  settings: Record<string, unknown>;
  /** The workbook-scoped defined names (a sheet's own are in its entry). */
  names: { name: string; formula: string }[];
  customXmlParts: { id: string; xml: string }[];
};
