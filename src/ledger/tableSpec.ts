// One description of every table the add-in makes or reads: its columns, each with its header
// text and the other spellings read as it, number format, width and who fills it. The Excel
// layer and the file writer both work from it. A table is read by its header text, never by
// position: users reorder columns, insert their own and rename a header to a known spelling.
// Records keep the user's column order and their own columns; a row built from a record is
// placed in that order. Pure.
import type { CellValue } from './ledger';
import { cellText, matchKey } from './text';

export interface TableColumn<K extends string> {
  readonly key: K;
  readonly header: string;
  /** Other header texts read as this column (compared as matchKey does: width, case, spaces). */
  readonly aliases?: readonly string[];
  /** The number format the add-in gives the column: '@' keeps typed text as text (never a formula). */
  readonly format: string;
  /** Width in characters on a sheet the add-in makes. */
  readonly width: number;
  /** Without it the table cannot be used for what the add-in reads it for. */
  readonly required?: boolean;
  /** Who writes the column's cells: the add-in, or the user (the add-in only reads them). */
  readonly filledBy: 'addin' | 'user';
}

export interface TableSpec<K extends string> {
  /** The Excel table's name. */
  readonly table: string;
  /** The name of the sheet the add-in makes for it (another if taken). */
  readonly sheet: string;
  readonly columns: readonly TableColumn<K>[];
}

/** Where each of a spec's columns stands in a table as the user has it. */
export interface TableLayout<K extends string> {
  /** 0-based column in the table, by key; absent when the table lacks the column. */
  readonly columns: Partial<Record<K, number>>;
  /** Columns in the table, the user's own included. */
  readonly width: number;
  /** Required columns the table lacks. */
  readonly missing: readonly K[];
}

/** A column in one line: key, header, format, width, who fills it, then aliases and whether required. */
export function column<K extends string>(
  key: K,
  header: string,
  format: string,
  width: number,
  filledBy: TableColumn<K>['filledBy'],
  aliases: readonly string[] = [],
  required = false,
): TableColumn<K> {
  return { key, header, aliases, format, width, filledBy, required };
}

export const headersOf = <K extends string>(spec: TableSpec<K>): string[] =>
  spec.columns.map((c) => c.header);

export const columnOf = <K extends string>(spec: TableSpec<K>, key: K): TableColumn<K> => {
  const column = spec.columns.find((c) => c.key === key);
  if (!column) throw new Error(`表“${spec.table}”没有列 ${key}。No column ${key} in ${spec.table}.`);
  return column;
};

/**
 * The layout of a table from its header row. A header that is a column's own text wins over
 * one that is only another spelling (a user's own 进度 beside 进度(%) stays theirs); among
 * equals, the first column counts.
 */
export function layoutOf<K extends string>(spec: TableSpec<K>, header: readonly unknown[]): TableLayout<K> {
  const texts = header.map((cell) => matchKey(cellText(cell)));
  const columns: Partial<Record<K, number>> = {};
  const taken = new Set<number>();
  const claim = (key: K, spellings: readonly string[]) => {
    if (columns[key] !== undefined) return;
    const keys = new Set(spellings.map(matchKey));
    const i = texts.findIndex((t, at) => !taken.has(at) && keys.has(t));
    if (i < 0) return;
    columns[key] = i;
    taken.add(i);
  };
  for (const c of spec.columns) claim(c.key, [c.header]);
  for (const c of spec.columns) claim(c.key, c.aliases ?? []);
  const missing = spec.columns.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.key);
  return { columns, width: header.length, missing };
}

/** A row's value in a column, null when the table lacks the column. */
export function valueIn<K extends string>(
  layout: TableLayout<K>,
  row: readonly CellValue[],
  key: K,
): CellValue {
  const i = layout.columns[key];
  return i === undefined ? null : (row[i] ?? null);
}

export type TableRecord<K extends string> = Readonly<Record<K, CellValue>>;

/** Every row as a record of the spec's columns (null where the table lacks one). */
export function readRecords<K extends string>(
  spec: TableSpec<K>,
  layout: TableLayout<K>,
  rows: readonly (readonly CellValue[])[],
): TableRecord<K>[] {
  return rows.map((row) => {
    const record = {} as Record<K, CellValue>;
    for (const c of spec.columns) record[c.key] = valueIn(layout, row, c.key);
    return record;
  });
}

/**
 * A row for the table as the user has it: each value in its key's column, the user's own
 * columns from `kept` (a row being replaced) or empty.
 */
export function placeRecord<K extends string>(
  layout: TableLayout<K>,
  record: Partial<Record<K, CellValue>>,
  kept: readonly CellValue[] = [],
): CellValue[] {
  const out: CellValue[] = Array.from({ length: layout.width }, (_, i) => kept[i] ?? '');
  for (const key of Object.keys(record) as K[]) {
    const i = layout.columns[key];
    const value = record[key];
    if (i !== undefined && value !== undefined) out[i] = value;
  }
  return out;
}

/** Text Excel would take for a formula or a number unless its cell is formatted as text. */
export const readsAsFormula = (value: CellValue): boolean =>
  typeof value === 'string' && /^[=+\-@]/.test(value);

/**
 * Number formats for a placed row: each of the spec's columns in its format; a user's own
 * column as General, or text where its value would otherwise become a formula.
 */
export function placedFormats<K extends string>(
  spec: TableSpec<K>,
  layout: TableLayout<K>,
  row: readonly CellValue[],
): string[] {
  const byColumn = new Map<number, string>();
  for (const c of spec.columns) {
    const i = layout.columns[c.key];
    if (i !== undefined) byColumn.set(i, c.format);
  }
  return row.map((value, i) => byColumn.get(i) ?? (readsAsFormula(value) ? '@' : 'General'));
}

/** The layout of a table the add-in makes: the spec's columns in the spec's order. */
export const specLayout = <K extends string>(spec: TableSpec<K>): TableLayout<K> =>
  layoutOf(spec, headersOf(spec));
