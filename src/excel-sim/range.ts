// Range and its format objects. https://learn.microsoft.com/javascript/api/excel/excel.range
import { formatAddress, intersects, type Rect } from './address';
import { SimClientObject, type SimContext } from './core';
import { RangeBound } from './rangePart';
import { SimConditionalFormatCollection, SimDataValidation } from './rangeRules';
import { MAX_COLUMNS } from './address';
import { SimError } from './errors';
import { evaluateFormula, recalculate } from './formulas';
import { deleteTableRows, shiftSheetRows } from './rowShift';
import { changeDetail } from './state';
import {
  applyTableFilters,
  checkCellText,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  displayText,
  expandTablesBelow,
  formulaOf,
  isLockedForEdit,
  readCell,
  storeValue,
  valueType,
  writableCell,
  type CellFormat,
  type SheetModel,
  type TableModel,
} from './model';
import type { SimWorksheet } from './worksheet';

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export type RangeResolver = () => RangeTarget | null;

function grid<T>(rect: Rect, fn: (row: number, column: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rect.rowCount; r++) {
    const line: T[] = [];
    for (let c = 0; c < rect.columnCount; c++) line.push(fn(rect.row + r, rect.column + c));
    out.push(line);
  }
  return out;
}

/** Values, formulas and number formats take a same-shaped 2-D array, or one value for all cells. */
function cellInput(rect: Rect, input: unknown, what: string): (r: number, c: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  if (
    input.length !== rect.rowCount ||
    input.some((row) => !Array.isArray(row) || row.length !== rect.columnCount)
  ) {
    const shape = `${input.length}×${Array.isArray(input[0]) ? input[0].length : '?'}`;
    throw new SimError(
      'InvalidArgument',
      `The ${what} array is ${shape} but the range is ${rect.rowCount}×${rect.columnCount}.`,
    );
  }
  return (r, c) => (input as unknown[][])[r][c];
}

function cells<T>(target: RangeTarget, read: (cell: ReturnType<typeof readCell>) => T): T[][] {
  return grid(target.rect, (r, c) => read(readCell(target.sheet, r, c)));
}

function hiddenRows(target: RangeTarget): boolean | null {
  return allRows(target, (r) => target.sheet.hiddenRows.has(r) || target.sheet.filteredRows.has(r));
}

export class SimRange extends SimClientObject {
  private readonly formatObject: SimRangeFormat;
  private readonly validationObject: SimDataValidation;
  private readonly conditionalObject: SimConditionalFormatCollection;

  constructor(
    ctx: SimContext,
    readonly _resolveTarget: RangeResolver,
    private readonly sheetProxy: () => SimWorksheet,
  ) {
    super(ctx);
    this.formatObject = new SimRangeFormat(ctx, this);
    this.validationObject = new SimDataValidation(ctx, this);
    this.conditionalObject = new SimConditionalFormatCollection(ctx, this);
  }

  _target(): RangeTarget {
    const t = this._resolveTarget();
    if (!t) throw new SimError('ItemNotFound', 'The range does not exist.');
    return t;
  }

  protected exists(): boolean {
    return this._resolveTarget() !== null;
  }

  protected scalars(): Record<string, () => unknown> {
    const t = () => this._target();
    return {
      address: () => formatAddress(t().sheet.name, t().rect),
      addressLocal: () => formatAddress(t().sheet.name, t().rect),
      rowCount: () => t().rect.rowCount,
      columnCount: () => t().rect.columnCount,
      rowIndex: () => t().rect.row,
      columnIndex: () => t().rect.column,
      cellCount: () => t().rect.rowCount * t().rect.columnCount,
      // The target is resolved once per property, not per cell: a used range costs a scan of the sheet.
      values: () => cells(t(), (cell) => cell.value),
      formulas: () => cells(t(), formulaOf),
      text: () => cells(t(), displayText),
      numberFormat: () => cells(t(), (cell) => cell.numberFormat),
      valueTypes: () => cells(t(), valueType),
      rowHidden: () => hiddenRows(t()),
      hidden: () => hiddenRows(t()),
    };
  }

  protected override navigation(): Record<string, SimClientObject> {
    return {
      format: this.formatObject,
      dataValidation: this.validationObject,
      conditionalFormats: this.conditionalObject,
      worksheet: this.sheetProxy(),
    };
  }

  get address(): string {
    return this.read('address') as string;
  }
  get addressLocal(): string {
    return this.read('addressLocal') as string;
  }
  get rowCount(): number {
    return this.read('rowCount') as number;
  }
  get columnCount(): number {
    return this.read('columnCount') as number;
  }
  get rowIndex(): number {
    return this.read('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.read('columnIndex') as number;
  }
  get cellCount(): number {
    return this.read('cellCount') as number;
  }
  get text(): string[][] {
    return this.read('text') as string[][];
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read('valueTypes') as Excel.RangeValueType[][];
  }
  get hidden(): boolean {
    return this.read('hidden') as boolean;
  }

  get values(): any[][] {
    return this.read('values') as any[][];
  }
  set values(input: any[][]) {
    this.write('values', input, () => this.writeCells(input, 'values', (cell, v) => storeValue(cell, v)));
  }

  get formulas(): any[][] {
    return this.read('formulas') as any[][];
  }
  set formulas(input: any[][]) {
    this.write('formulas', input, () => this.writeCells(input, 'formulas', (cell, v) => storeValue(cell, v)));
  }

  get numberFormat(): any[][] {
    return this.read('numberFormat') as any[][];
  }
  set numberFormat(input: any[][]) {
    this.write('numberFormat', input, () =>
      this.writeCells(input, 'numberFormat', (cell, v) => {
        if (typeof v !== 'string') throw new SimError('InvalidArgument', 'A number format must be text.');
        cell.numberFormat = v;
      }),
    );
  }

  get rowHidden(): boolean {
    return this.read('rowHidden') as boolean;
  }
  set rowHidden(hidden: boolean) {
    this.write('rowHidden', hidden, () => {
      const { sheet, rect } = this._target();
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        if (hidden) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
      // Hiding rows changes no data: Excel raises no onChanged for it.
      this.context.state.notify();
    });
  }

  get format(): SimRangeFormat {
    return this.formatObject;
  }
  get dataValidation(): SimDataValidation {
    return this.validationObject;
  }
  get conditionalFormats(): SimConditionalFormatCollection {
    return this.conditionalObject;
  }
  get worksheet(): SimWorksheet {
    return this.sheetProxy();
  }

  private writeCells(
    input: unknown,
    what: string,
    store: (cell: ReturnType<typeof writableCell>, value: unknown) => void,
  ): void {
    const { sheet, rect } = this._target();
    const single = rect.rowCount === 1 && rect.columnCount === 1;
    const before = single ? readCell(sheet, rect.row, rect.column).value : undefined;
    const at = cellInput(rect, input, what);
    for (let r = 0; r < rect.rowCount; r++) {
      for (let c = 0; c < rect.columnCount; c++) {
        checkCellText(at(r, c));
        if (isLockedForEdit(sheet, rect.row + r, rect.column + c)) {
          throw new SimError(
            'AccessDenied',
            `The cell ${formatAddress(sheet.name, { row: rect.row + r, column: rect.column + c, rowCount: 1, columnCount: 1 })} is on a protected sheet.`,
          );
        }
      }
    }
    for (let r = 0; r < rect.rowCount; r++) {
      for (let c = 0; c < rect.columnCount; c++) {
        const value = at(r, c);
        if (value === null || value === undefined) continue;
        const cell = writableCell(sheet, rect.row + r, rect.column + c);
        store(cell, value);
        if (cell.formula)
          cell.value =
            evaluateFormula(cell.formula, sheet, rect.row + r, rect.column + c, this.context.state.tables) ??
            cell.value;
      }
    }
    if (what !== 'numberFormat')
      expandTablesBelow(sheet, this.context.state.tables, rect, this.context.state.autoCorrect);
    this.afterCellWrite(sheet, rect);
    // A number format's change raises onChanged as a value's does ("onChanged fires when either
    // the format or value of the data changes": excel-add-ins-worksheets, Detect data changes).
    this.context.noteChange(
      sheet.id,
      rect,
      before === undefined ? undefined : changeDetail(before, readCell(sheet, rect.row, rect.column).value),
    );
  }

  /** Keeps table headers unique (Excel renames a repeated header) and filters current. */
  private afterCellWrite(sheet: SheetModel, rect: Rect): void {
    recalculate(sheet, this.context.state.tables);
    const state = this.context.state;
    for (const table of state.tables.filter((t) => t.sheetId === sheet.id && intersects(t.rect, rect))) {
      const seen = new Set<string>();
      for (let c = 0; c < table.rect.columnCount; c++) {
        const cell = writableCell(sheet, table.rect.row, table.rect.column + c);
        let name = displayText(cell) || `列${c + 1}`;
        if (seen.has(name.toLowerCase())) {
          let n = 2;
          while (seen.has(`${name}${n}`.toLowerCase())) n++;
          name = `${name}${n}`;
        }
        if (name !== cell.value) storeValue(cell, name);
        seen.add(name.toLowerCase());
      }
      if (table.filters.size) applyTableFilters(sheet, table);
    }
  }

  private sub(fn: (t: RangeTarget) => Rect): SimRange {
    return new SimRange(
      this.context,
      () => {
        const t = this._resolveTarget();
        if (!t) return null;
        const rect = fn(t);
        if (rect.row < 0 || rect.column < 0 || rect.rowCount < 1 || rect.columnCount < 1) {
          throw new SimError('InvalidArgument', 'The requested range is outside the sheet or empty.');
        }
        return { sheet: t.sheet, rect };
      },
      this.sheetProxy,
    );
  }

  getCell(row: number, column: number): SimRange {
    return this.sub(({ rect }) => ({
      row: rect.row + row,
      column: rect.column + column,
      rowCount: 1,
      columnCount: 1,
    }));
  }
  getRow(row: number): SimRange {
    return this.sub(({ rect }) => {
      if (row >= rect.rowCount) throw new SimError('InvalidArgument', `Row ${row} is outside the range.`);
      return { ...rect, row: rect.row + row, rowCount: 1 };
    });
  }
  getColumn(column: number): SimRange {
    return this.sub(({ rect }) => {
      if (column >= rect.columnCount)
        throw new SimError('InvalidArgument', `Column ${column} is outside the range.`);
      return { ...rect, column: rect.column + column, columnCount: 1 };
    });
  }
  /** Range.getVisibleView (ExcelApi 1.3): the cells no filter and no hand hides, counted when it is loaded. */
  getVisibleView(): SimRangeView {
    return new SimRangeView(this.context, this);
  }
  /** Range.getLastRow (ExcelApi 1.1): the range's bottom row, as the range is when the command runs. */
  getLastRow(): SimRange {
    return this.sub(({ rect }) => ({ ...rect, row: rect.row + rect.rowCount - 1, rowCount: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this.sub(({ rect }) => ({
      ...rect,
      rowCount: rect.rowCount + deltaRows,
      columnCount: rect.columnCount + deltaColumns,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this.sub(({ rect }) => ({
      ...rect,
      row: rect.row + rowOffset,
      column: rect.column + columnOffset,
    }));
  }
  getEntireRow(): SimRange {
    return this.sub(({ rect }) => ({
      row: rect.row,
      rowCount: rect.rowCount,
      column: 0,
      columnCount: 16_384,
    }));
  }

  /** Ranges can be tracked across syncs; the simulator keeps every range valid, so nothing to do. */
  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }

  select(): void {
    this.call('select', null, () => {
      const { sheet, rect } = this._target();
      this.context.state.select(sheet.id, rect);
    });
  }

  /** Range.insert: whole rows only ("2:3", shift Down); the new rows are empty. */
  insert(shift: 'Down' | 'Right'): SimRange {
    const rows = this.wholeRows(shift, 'Down');
    this.call('insert', shift, () => {
      const { sheet, rect } = this.wholeRowTarget();
      shiftSheetRows(sheet, this.context.state.tables, rect.row, rect.rowCount);
      this.context.noteChange(sheet.id, rect);
      this.context.state.notify();
    });
    return rows;
  }

  /**
   * Range.delete: whole rows ("2:3"), or data rows of one table across its width (the table's
   * cells below move up, cells beside it stay), shift Up.
   */
  delete(shift: 'Up' | 'Left'): void {
    this.wholeRows(shift, 'Up');
    this.call('delete', shift, () => {
      const table = this.tableRowsTarget();
      if (table) {
        if (table.sheet.protection.protected)
          throw new SimError('AccessDenied', `The sheet ${table.sheet.name} is protected.`);
        deleteTableRows(table.sheet, table.table, table.at, table.count, this.context.state.tables);
        this.context.noteChange(table.sheet.id, table.table.rect);
        this.context.state.notify();
        return;
      }
      const { sheet, rect } = this.wholeRowTarget();
      shiftSheetRows(sheet, this.context.state.tables, rect.row, -rect.rowCount);
      this.context.noteChange(sheet.id, rect);
      this.context.state.notify();
    });
  }

  /** The table whose data rows the target spans exactly across, if any. */
  private tableRowsTarget(): { sheet: SheetModel; table: TableModel; at: number; count: number } | null {
    const { sheet, rect } = this._target();
    const table = this.context.state.tables.find(
      (t) =>
        t.sheetId === sheet.id &&
        t.rect.column === rect.column &&
        t.rect.columnCount === rect.columnCount &&
        rect.row > t.rect.row &&
        rect.row + rect.rowCount <= t.rect.row + t.rect.rowCount,
    );
    return table ? { sheet, table, at: rect.row - table.rect.row - 1, count: rect.rowCount } : null;
  }

  /** The target, when it is whole rows of an unprotected sheet (allowInsertRows is not modelled). */
  private wholeRowTarget(): RangeTarget {
    const target = this._target();
    if (target.rect.column !== 0 || target.rect.columnCount !== MAX_COLUMNS)
      throw new SimError('InvalidArgument', 'The simulator inserts and deletes whole rows only ("2:3").');
    if (target.sheet.protection.protected)
      throw new SimError('AccessDenied', `The sheet ${target.sheet.name} is protected.`);
    return target;
  }

  private wholeRows(shift: string, expected: string): SimRange {
    if (shift !== expected)
      throw new SimError(
        'InvalidArgument',
        `The simulator shifts whole rows only (${expected}), not ${shift}.`,
      );
    return this;
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' = 'All'): void {
    this.call('clear', applyTo, () => {
      const { sheet, rect } = this._target();
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
          if ((applyTo === 'All' || applyTo === 'Contents') && isLockedForEdit(sheet, r, c)) {
            throw new SimError('AccessDenied', 'The range is on a protected sheet.');
          }
        }
      }
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
          const cell = writableCell(sheet, r, c);
          if (applyTo === 'All' || applyTo === 'Contents') {
            cell.value = '';
            cell.formula = null;
          }
          if (applyTo === 'All' || applyTo === 'Formats') {
            cell.format = {};
            cell.numberFormat = 'General';
          }
        }
      }
      if (applyTo === 'All' || applyTo === 'Formats') {
        sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      }
      if (applyTo === 'Formats') this.context.state.notify();
      else this.context.noteChange(sheet.id, rect);
    });
  }

  /** A table's header row cannot be merged (Excel refuses merges that touch a table). */
  merge(across = false): void {
    this.call('merge', across, () => {
      const { sheet, rect } = this._target();
      if (this.context.state.tables.some((t) => t.sheetId === sheet.id && intersects(t.rect, rect))) {
        throw new SimError('InvalidOperation', "Cells in a table can't be merged.");
      }
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      if (across) {
        for (let r = 0; r < rect.rowCount; r++)
          sheet.merges.push({ ...rect, row: rect.row + r, rowCount: 1 });
      } else sheet.merges.push(rect);
    });
  }

  unmerge(): void {
    this.call('unmerge', null, () => {
      const { sheet, rect } = this._target();
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }
}

/**
 * RangeView: the visible cells of a range; rowCount is the number of visible rows
 * (https://learn.microsoft.com/javascript/api/excel/excel.rangeview). The simulator hides no column.
 */
export class SimRangeView extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly range: SimRange,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.range._exists();
  }
  protected scalars(): Record<string, () => unknown> {
    const t = () => this.range._target();
    return {
      rowCount: () => {
        const { sheet, rect } = t();
        let shown = 0;
        for (let r = rect.row; r < rect.row + rect.rowCount; r++)
          if (!sheet.hiddenRows.has(r) && !sheet.filteredRows.has(r)) shown++;
        return shown;
      },
      columnCount: () => t().rect.columnCount,
    };
  }
  get rowCount(): number {
    return this.read('rowCount') as number;
  }
  get columnCount(): number {
    return this.read('columnCount') as number;
  }
}

function allRows(t: RangeTarget, test: (row: number) => boolean): boolean | null {
  let hidden = 0;
  for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) if (test(r)) hidden++;
  return hidden === 0 ? false : hidden === t.rect.rowCount ? true : null;
}

/** One value when every cell agrees, null otherwise — how Excel reports mixed formats. */
function common<T>(t: RangeTarget, pick: (f: CellFormat) => T): T | null {
  let first: T | undefined;
  for (let r = t.rect.row; r < t.rect.row + Math.min(t.rect.rowCount, 500); r++) {
    for (let c = t.rect.column; c < t.rect.column + Math.min(t.rect.columnCount, 100); c++) {
      const v = pick(readCell(t.sheet, r, c).format);
      if (first === undefined) first = v;
      else if (first !== v) return null;
    }
  }
  return first ?? null;
}

function eachCell(range: SimRange, apply: (format: CellFormat) => void): void {
  const { sheet, rect } = range._target();
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c++)
      apply(writableCell(sheet, r, c).format);
  }
}

abstract class SimRangePart extends RangeBound {
  /** A format write that protection allows only when the sheet lets formatting through. */
  protected formatWrite(name: string, value: unknown, apply: () => void, option = 'allowFormatCells'): void {
    this.write(name, value, () => {
      const { sheet } = this.target();
      if (sheet.protection.protected && !sheet.protection.options[option])
        throw new SimError('AccessDenied', 'The sheet is protected.');
      apply();
      this.context.state.notify();
    });
  }
}

export class SimRangeFormat extends SimRangePart {
  private readonly fillObject = new SimRangeFill(this.context, this.range);
  private readonly fontObject = new SimRangeFont(this.context, this.range);
  private readonly bordersObject = new SimRangeBorderCollection(this.context, this.range);
  private readonly protectionObject = new SimFormatProtection(this.context, this.range);

  protected scalars(): Record<string, () => unknown> {
    const t = () => this.target();
    return {
      columnWidth: () => t().sheet.columnWidths.get(t().rect.column) ?? DEFAULT_COLUMN_WIDTH,
      rowHeight: () => t().sheet.rowHeights.get(t().rect.row) ?? DEFAULT_ROW_HEIGHT,
      wrapText: () => common(t(), (f) => f.wrapText ?? false),
      horizontalAlignment: () => common(t(), (f) => f.horizontalAlignment ?? 'General'),
      verticalAlignment: () => common(t(), (f) => f.verticalAlignment ?? 'Bottom'),
    };
  }
  protected override navigation(): Record<string, SimClientObject> {
    return {
      fill: this.fillObject,
      font: this.fontObject,
      borders: this.bordersObject,
      protection: this.protectionObject,
    };
  }

  get fill(): SimRangeFill {
    return this.fillObject;
  }
  get font(): SimRangeFont {
    return this.fontObject;
  }
  get borders(): SimRangeBorderCollection {
    return this.bordersObject;
  }
  get protection(): SimFormatProtection {
    return this.protectionObject;
  }

  get columnWidth(): number {
    return this.read('columnWidth') as number;
  }
  set columnWidth(points: number) {
    this.formatWrite(
      'columnWidth',
      points,
      () => {
        const { sheet, rect } = this.target();
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) sheet.columnWidths.set(c, points);
      },
      'allowFormatColumns',
    );
  }
  get rowHeight(): number {
    return this.read('rowHeight') as number;
  }
  set rowHeight(points: number) {
    this.formatWrite(
      'rowHeight',
      points,
      () => {
        const { sheet, rect } = this.target();
        for (let r = rect.row; r < rect.row + rect.rowCount; r++) sheet.rowHeights.set(r, points);
      },
      'allowFormatRows',
    );
  }
  get wrapText(): boolean {
    return this.read('wrapText') as boolean;
  }
  set wrapText(wrap: boolean) {
    this.formatWrite('wrapText', wrap, () => eachCell(this.range, (f) => (f.wrapText = wrap)));
  }
  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    return this.read('horizontalAlignment') as Excel.RangeFormat['horizontalAlignment'];
  }
  set horizontalAlignment(value: Excel.RangeFormat['horizontalAlignment']) {
    this.formatWrite('horizontalAlignment', value, () =>
      eachCell(this.range, (f) => (f.horizontalAlignment = value)),
    );
  }
  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] {
    return this.read('verticalAlignment') as Excel.RangeFormat['verticalAlignment'];
  }
  set verticalAlignment(value: Excel.RangeFormat['verticalAlignment']) {
    this.formatWrite('verticalAlignment', value, () =>
      eachCell(this.range, (f) => (f.verticalAlignment = value)),
    );
  }

  /** Widths from the longest text in each column (about 7 points a Latin character, 13 a Chinese one). */
  autofitColumns(): void {
    this.call('autofitColumns', null, () => {
      const { sheet, rect } = this.target();
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        let widest = 0;
        for (let r = rect.row; r < rect.row + Math.min(rect.rowCount, 5000); r++) {
          const text = displayText(readCell(sheet, r, c));
          let w = 0;
          for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 13 : 7;
          widest = Math.max(widest, w);
        }
        sheet.columnWidths.set(c, Math.min(Math.max(widest + 10, 20), 400));
      }
      this.context.state.notify();
    });
  }
  autofitRows(): void {
    this.call('autofitRows', null, () => this.context.state.notify());
  }
}

export class SimRangeFill extends SimRangePart {
  protected scalars(): Record<string, () => unknown> {
    return { color: () => common(this.target(), (f) => f.fill ?? '#FFFFFF') };
  }
  get color(): string {
    return this.read('color') as string;
  }
  set color(color: string) {
    this.formatWrite('color', color, () => eachCell(this.range, (f) => (f.fill = color)));
  }
  clear(): void {
    this.call('clear', null, () => eachCell(this.range, (f) => delete f.fill));
  }
}

export class SimRangeFont extends SimRangePart {
  protected scalars(): Record<string, () => unknown> {
    const t = () => this.target();
    return {
      bold: () => common(t(), (f) => f.bold ?? false),
      italic: () => common(t(), (f) => f.italic ?? false),
      color: () => common(t(), (f) => f.fontColor ?? '#000000'),
      size: () => common(t(), (f) => f.fontSize ?? 11),
      name: () => common(t(), (f) => f.fontName ?? 'Calibri'),
    };
  }
  get bold(): boolean {
    return this.read('bold') as boolean;
  }
  set bold(v: boolean) {
    this.formatWrite('bold', v, () => eachCell(this.range, (f) => (f.bold = v)));
  }
  get italic(): boolean {
    return this.read('italic') as boolean;
  }
  set italic(v: boolean) {
    this.formatWrite('italic', v, () => eachCell(this.range, (f) => (f.italic = v)));
  }
  get color(): string {
    return this.read('color') as string;
  }
  set color(v: string) {
    this.formatWrite('color', v, () => eachCell(this.range, (f) => (f.fontColor = v)));
  }
  get size(): number {
    return this.read('size') as number;
  }
  set size(v: number) {
    this.formatWrite('size', v, () => eachCell(this.range, (f) => (f.fontSize = v)));
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(v: string) {
    this.formatWrite('name', v, () => eachCell(this.range, (f) => (f.fontName = v)));
  }
}

export class SimFormatProtection extends SimRangePart {
  protected scalars(): Record<string, () => unknown> {
    return { locked: () => common(this.target(), (f) => f.locked !== false) };
  }
  get locked(): boolean {
    return this.read('locked') as boolean;
  }
  set locked(v: boolean) {
    this.write('locked', v, () => {
      const { sheet } = this.target();
      if (sheet.protection.protected)
        throw new SimError('AccessDenied', 'Unprotect the sheet before changing which cells are locked.');
      eachCell(this.range, (f) => (f.locked = v));
    });
  }
}

const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];

export class SimRangeBorderCollection extends SimRangePart {
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  getItem(index: Excel.BorderIndex | `${Excel.BorderIndex}`): SimRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw new SimError('InvalidArgument', `No border "${index}".`);
    return new SimRangeBorder(this.context, this.range, index);
  }
}

export class SimRangeBorder extends SimRangePart {
  constructor(
    ctx: SimContext,
    range: SimRange,
    private readonly index: string,
  ) {
    super(ctx, range);
  }
  protected scalars(): Record<string, () => unknown> {
    return {
      style: () => common(this.target(), (f) => f.borders?.[this.index]?.style ?? 'None'),
      color: () => common(this.target(), (f) => f.borders?.[this.index]?.color ?? '#000000'),
    };
  }
  get style(): Excel.RangeBorder['style'] {
    return this.read('style') as Excel.RangeBorder['style'];
  }
  set style(style: Excel.RangeBorder['style']) {
    this.formatWrite('style', style, () =>
      eachCell(this.range, (f) => {
        f.borders = {
          ...f.borders,
          [this.index]: { style: String(style), color: f.borders?.[this.index]?.color ?? '#000000' },
        };
      }),
    );
  }
  get color(): string {
    return this.read('color') as string;
  }
  set color(color: string) {
    this.formatWrite('color', color, () =>
      eachCell(this.range, (f) => {
        f.borders = {
          ...f.borders,
          [this.index]: { style: f.borders?.[this.index]?.style ?? 'Continuous', color },
        };
      }),
    );
  }
}
