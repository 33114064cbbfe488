// The simulated workbook's state and the rules Excel applies to it. API objects (proxies)
// only queue operations; these functions carry them out when the batch is synced.
import { contains, intersects, type Rect } from './address';
import { SimError } from './errors';
import { checkStructuredReferences } from './formulas';

export type Scalar = string | number | boolean;

export interface CellFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontName?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  locked?: boolean;
  borders?: Partial<Record<string, { style: string; color: string }>>;
}

export interface Cell {
  value: Scalar;
  formula: string | null;
  numberFormat: string;
  format: CellFormat;
}

export interface ValidationRule {
  rect: Rect;
  list?: { inCellDropDown: boolean; source: string };
  /** A number rule (DataValidationRule.decimal): the operator and its bounds. */
  decimal?: { operator: string; formula1: number; formula2?: number };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ConditionalRule {
  id: string;
  rect: Rect;
  type: string;
  priority: number;
  stopIfTrue: boolean;
  textComparison?: { operator: string; text: string };
  cellValue?: { operator: string; formula1: string; formula2?: string };
  custom?: { formula: string };
  dataBar?: { barColor: string };
  format: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  top: number;
  left: number;
  width: number;
  height: number;
  legendPosition: string;
  reversePlotOrder?: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  style: string;
  showFilterButton: boolean;
  /** Per column (index in the table): the values shown, as Excel compares them (cell text). */
  filters: Map<number, { kind: 'values'; values: string[] }>;
  /** Table.showTotals: the rect's last row is the totals row (汇总行), not a data row. */
  totals?: boolean;
}

/** Data rows of a table: its rows less the header and, when shown, the totals row. */
export function dataRowsOf(t: TableModel): number {
  return t.rect.rowCount - 1 - (t.totals === true ? 1 : 0);
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string;
  cells: Map<string, Cell>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Rows hidden by a table filter, and rows hidden by hand. */
  filteredRows: Set<number>;
  hiddenRows: Set<number>;
  freeze: { rows: number; columns: number };
  protection: { protected: boolean; password: string | null; options: Record<string, boolean> };
  pageLayout: {
    orientation: string;
    paperSize: string;
    fitToPagesWide: number | null;
    fitToPagesTall: number | null;
    /** Print zoom in percent when no fit-to-pages is set. */
    scale: number | null;
    printOrder: string;
    printTitleRows: string | null;
    printTitleColumns: string | null;
    centerHorizontally: boolean;
    footer: { left: string; center: string; right: string };
    /** 0-based rows a manual page break puts at the top of a page. */
    rowBreaks: number[];
    /** 0-based columns a manual page break puts at the left of a page. */
    columnBreaks: number[];
  };
  merges: Rect[];
  validations: ValidationRule[];
  conditionalFormats: ConditionalRule[];
  charts: ChartModel[];
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export function cellKey(row: number, column: number): string {
  return `${row},${column}`;
}

export function emptyCell(): Cell {
  return { value: '', formula: null, numberFormat: 'General', format: {} };
}

export function readCell(sheet: SheetModel, row: number, column: number): Cell {
  return sheet.cells.get(cellKey(row, column)) ?? emptyCell();
}

export function writableCell(sheet: SheetModel, row: number, column: number): Cell {
  const key = cellKey(row, column);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = emptyCell();
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** Sheet names: https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9 */
export function checkSheetName(name: unknown, others: readonly SheetModel[]): string {
  if (typeof name !== 'string' || name.length < 1 || name.length > 31) {
    throw new SimError('InvalidArgument', `The sheet name "${String(name)}" must be 1 to 31 characters.`);
  }
  if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new SimError(
      'InvalidArgument',
      `The sheet name "${name}" contains a character Excel does not allow.`,
    );
  }
  if (name.toLowerCase() === 'history')
    throw new SimError('InvalidArgument', 'History is a reserved sheet name.');
  if (others.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
    throw new SimError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
  }
  return name;
}

/** Table names: start with a letter, _ or \, then letters, digits, _ and .; not a cell address. */
export function checkTableName(name: unknown, others: readonly TableModel[], self?: TableModel): string {
  if (
    typeof name !== 'string' ||
    !/^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name)
  ) {
    throw new SimError('InvalidArgument', `"${String(name)}" is not a valid table name.`);
  }
  if (others.some((t) => t !== self && t.name.toLowerCase() === name.toLowerCase())) {
    throw new SimError('ItemAlreadyExists', `A table named "${name}" already exists.`);
  }
  return name;
}

export function newSheet(id: string, name: string): SheetModel {
  return {
    id,
    name,
    visibility: 'Visible',
    tabColor: '',
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    filteredRows: new Set(),
    hiddenRows: new Set(),
    freeze: { rows: 0, columns: 0 },
    protection: { protected: false, password: null, options: {} },
    pageLayout: {
      orientation: 'Portrait',
      paperSize: 'Letter',
      fitToPagesWide: null,
      fitToPagesTall: null,
      scale: null,
      printOrder: 'DownThenOver',
      printTitleRows: null,
      printTitleColumns: null,
      centerHorizontally: false,
      footer: { left: '', center: '', right: '' },
      rowBreaks: [],
      columnBreaks: [],
    },
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

/** The used range: the smallest rectangle holding every cell with a value or a format. */
export function usedRect(sheet: SheetModel, valuesOnly = false): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    const hasValue = cell.value !== '' || cell.formula !== null;
    const hasFormat = cell.numberFormat !== 'General' || Object.keys(cell.format).length > 0;
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const [r, c] = key.split(',').map(Number);
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return bottom < 0
    ? null
    : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

/**
 * What a cell displays (Range.text). Only the formats the add-in writes are rendered:
 * General, @, 0, 000, 0.0, 0%, 0.0% and yyyy-mm-dd style dates.
 */
export function displayText(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const f = cell.numberFormat;
  const pct = /^0(\.(0+))?%$/.exec(f);
  if (pct) return `${(v * 100).toFixed(pct[2]?.length ?? 0)}%`;
  // 0, 0.0 and zero-padded whole numbers (000 shows 1 as 001, as users format 序号).
  const fixed = /^(0+)(\.(0+))?$/.exec(f);
  if (fixed) {
    const text = Math.abs(v).toFixed(fixed[3]?.length ?? 0);
    const [whole, part] = text.split('.');
    return `${v < 0 ? '-' : ''}${whole.padStart(fixed[1].length, '0')}${part !== undefined ? `.${part}` : ''}`;
  }
  if ((/y/i.test(f) || f.includes('月')) && /d/i.test(f)) {
    const ms = Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000;
    const d = new Date(ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    if (!/y/i.test(f)) return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    const sep = f.includes('/') ? '/' : f.includes('年') ? null : '-';
    return sep === null
      ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
      : `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())}`;
  }
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(11)));
}

export function valueType(cell: Cell): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
  const v = cell.value;
  if (v === '') return 'Empty';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return 'Double';
  return /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!)$/.test(v) ? 'Error' : 'String';
}

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/**
 * What Excel stores when a value is written to a cell (as Range.values does): text that reads
 * as a number, a percentage or a date becomes a number, unless the cell is formatted as text
 * (@); a leading apostrophe keeps text as text; text starting with = is a formula.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
 */
/**
 * The most characters a cell can hold: "Total number of characters that a cell can contain:
 * 32,767 characters" (Excel specifications and limits,
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
export const MAX_CELL_TEXT = 32_767;

/** Refuses, before anything of the write is applied, text longer than a cell can hold. */
export function checkCellText(input: unknown): void {
  if (typeof input === 'string' && !input.startsWith('=') && input.length > MAX_CELL_TEXT)
    throw new SimError(
      'InvalidArgument',
      `A cell can hold at most ${MAX_CELL_TEXT} characters; this text has ${input.length}.`,
    );
}

export function storeValue(cell: Cell, input: unknown): void {
  if (input === null || input === undefined) return;
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw new SimError('InvalidArgument', 'A cell value cannot be NaN or Infinity.');
    setPlain(cell, input);
    return;
  }
  if (typeof input === 'boolean') {
    setPlain(cell, input);
    return;
  }
  if (typeof input !== 'string')
    throw new SimError('InvalidArgument', `A cell value cannot be ${typeof input}.`);
  if (cell.numberFormat === '@') {
    setPlain(cell, input);
    return;
  }
  if (input.startsWith("'")) {
    setPlain(cell, input.slice(1));
    return;
  }
  if (input.startsWith('=') && input.length > 1) {
    checkStructuredReferences(input);
    cell.formula = input;
    cell.value = '';
    return;
  }
  const trimmed = input.trim();
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) {
    setPlain(cell, Number(trimmed));
    return;
  }
  // Excel reads text that starts with + or - as a formula too (-abc shows #NAME?).
  if (/^[+-]./.test(input)) {
    cell.formula = `=${input}`;
    cell.value = '#NAME?';
    return;
  }
  // zh-CN Excel turns 2026年6月30日 (and 6月30日, this year) into a date.
  const chinese = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/.exec(trimmed);
  if (chinese) {
    const year = chinese[1] ? Number(chinese[1]) : new Date().getFullYear();
    const ms = Date.UTC(year, Number(chinese[2]) - 1, Number(chinese[3]));
    const d = new Date(ms);
    if (d.getUTCMonth() === Number(chinese[2]) - 1 && d.getUTCDate() === Number(chinese[3])) {
      setPlain(cell, Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000));
      if (cell.numberFormat === 'General')
        cell.numberFormat = chinese[1] ? 'yyyy"年"m"月"d"日"' : 'm"月"d"日"';
      return;
    }
  }
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(trimmed);
  if (pct) {
    setPlain(cell, Number(pct[1]) / 100);
    if (cell.numberFormat === 'General') cell.numberFormat = pct[2] ? '0.00%' : '0%';
    return;
  }
  const date = ISO_DATE.exec(trimmed);
  if (date) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    const d = new Date(ms);
    if (d.getUTCMonth() === Number(date[2]) - 1 && d.getUTCDate() === Number(date[3])) {
      setPlain(cell, Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000));
      if (cell.numberFormat === 'General') cell.numberFormat = 'yyyy/m/d';
      return;
    }
  }
  setPlain(cell, input);
}

function setPlain(cell: Cell, value: Scalar): void {
  cell.value = value;
  cell.formula = null;
}

export function formulaOf(cell: Cell): Scalar {
  return cell.formula ?? cell.value;
}

export function rectsOverlapTable(
  tables: readonly TableModel[],
  sheetId: string,
  rect: Rect,
): TableModel | undefined {
  return tables.find((t) => t.sheetId === sheetId && intersects(t.rect, rect));
}

export function isLockedForEdit(sheet: SheetModel, row: number, column: number): boolean {
  if (!sheet.protection.protected) return false;
  return readCell(sheet, row, column).format.locked !== false;
}

export function mergeAt(sheet: SheetModel, row: number, column: number): Rect | undefined {
  return sheet.merges.find((m) => contains(m, row, column));
}

/** Recomputes which rows of a table its filters hide. Values filters compare cell text. */
export function applyTableFilters(sheet: SheetModel, table: TableModel): void {
  const firstData = table.rect.row + 1;
  const lastData = table.rect.row + dataRowsOf(table);
  for (let r = firstData; r <= lastData; r++) sheet.filteredRows.delete(r);
  for (const [offset, filter] of table.filters) {
    const allowed = new Set(filter.values);
    for (let r = firstData; r <= lastData; r++) {
      const text = displayText(readCell(sheet, r, table.rect.column + offset));
      if (!allowed.has(text)) sheet.filteredRows.add(r);
    }
  }
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Data written into the row directly below a table, within its columns, makes the table grow
 * over it, as Excel does for a person typing there (AutoCorrect's "Include new rows and columns
 * in table", on by default) and for an add-in setting values there ("Setting the Range values
 * directly below the table automatically expands the table": co-authoring-in-excel-add-ins,
 * Avoid table row coauthoring conflicts). Rules and formats bound to a table column (its data
 * validation, its conditional formats, a column's number format) follow the new rows.
 */
export function expandTablesBelow(
  sheet: SheetModel,
  tables: readonly TableModel[],
  rect: Rect,
  autoCorrect: { readonly includeNewRowsInTable: boolean },
): void {
  // The expansion is AutoCorrect's. That it applies to an add-in's writes too is an assumption by
  // analogy (office-js #2093 and #6745 show the AutoCorrect option for calculated columns governing
  // API writes; the docs say nothing of this one): off, no table grows here.
  if (!autoCorrect.includeNewRowsInTable) return;
  // Below a totals row nothing joins the table: the row under a table's last data row is its
  // totals row (support.microsoft.com, "Total the data in an Excel table"; the auto-expansion is
  // of the data body). That typing below the totals row leaves the table as it is is Excel's UI
  // behaviour, assumed here for API writes as well.
  for (const t of tables.filter((x) => x.sheetId === sheet.id && x.totals !== true)) {
    const below = t.rect.row + t.rect.rowCount;
    const inside =
      rect.column >= t.rect.column && rect.column + rect.columnCount <= t.rect.column + t.rect.columnCount;
    if (rect.row !== below || !inside) continue;
    let rows = 0;
    while (
      rows < rect.rowCount &&
      Array.from({ length: t.rect.columnCount }, (_, c) =>
        readCell(sheet, below + rows, t.rect.column + c),
      ).some((cell) => cell.value !== '' || cell.formula !== null)
    )
      rows++;
    if (rows === 0) continue;
    growTableRules(sheet, t, rows);
    for (let r = below; r < below + rows; r++)
      for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++) {
        const cell = writableCell(sheet, r, c);
        const above = readCell(sheet, below - 1, c).numberFormat;
        if (cell.numberFormat === 'General' && above !== 'General') cell.numberFormat = above;
      }
    t.rect = { ...t.rect, rowCount: t.rect.rowCount + rows };
  }
}

/**
 * Rules bound to a table column's body (its data validation, its conditional formats) follow it
 * by `rows`; `validations` false leaves the data validation where it was (Table.resize).
 */
export function growTableRules(sheet: SheetModel, t: TableModel, rows: number, validations = true): void {
  const body = { row: t.rect.row + 1, rowCount: dataRowsOf(t) };
  const grow = <R extends { rect: Rect }>(rule: R): R =>
    rule.rect.row === body.row && rule.rect.rowCount === body.rowCount
      ? { ...rule, rect: { ...rule.rect, rowCount: rule.rect.rowCount + rows } }
      : rule;
  if (validations) sheet.validations = sheet.validations.map(grow);
  sheet.conditionalFormats = sheet.conditionalFormats.map(grow);
}
