// The workbook's own reference data: the 单位名录 table (units, aliases, kinds, membership),
// the status list, and the 指标 table the tasks' indicators are reported in. Read when the
// pane starts and when any table but the ledger changes.
import {
  DEFAULT_DIRECTORY,
  DEFAULT_STATUSES,
  directoryFromRows,
  type DateSystem,
  type DirectoryRow,
  type Day,
  type IndicatorTable,
  type ReadOptions,
  type ReferenceHealth,
  type SheetPlace,
  type UnitDirectory,
} from '../ledger';
import { loadIndicatorTable } from './indicatorRead';
import { DIRECTORY_HEADERS, DIRECTORY_TABLE, INDICATOR_TABLE, STATUS_TABLE } from './names';

export interface Reference {
  readonly directory: UnitDirectory;
  readonly statuses: readonly string[];
  /** Where each came from, for the diagnostics tab. */
  readonly source: { readonly directory: 'workbook' | 'default'; readonly statuses: 'workbook' | 'default' };
  /** What is missing or damaged, for validation to report. */
  readonly health: ReferenceHealth;
  /** The 指标 table as it is now, or null when the workbook has none. */
  readonly indicators: IndicatorTable | null;
  /** The workbook's date system: 1904 in old Mac files, where every serial means another day. */
  readonly dateSystem: DateSystem;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Which reference tables the workbook has. */
export interface ReferenceTables {
  readonly directory: boolean;
  readonly statuses: boolean;
  readonly indicators: boolean;
}

const DEFAULTS_ONLY: Omit<Reference, 'dateSystem'> = {
  directory: DEFAULT_DIRECTORY,
  statuses: DEFAULT_STATUSES,
  source: { directory: 'default', statuses: 'default' },
  health: { directory: 'missing', statuses: 'missing' },
  indicators: null,
};

/**
 * Queues the date-system probe, once per read: DATE(1904,1,1) is 0 in a workbook on the 1904
 * system and 1462 in the 1900 one (Workbook.functions, ExcelApi 1.2).
 */
export function queueDateSystem(context: Excel.RequestContext): () => DateSystem {
  const epoch = context.workbook.functions.date(1904, 1, 1);
  epoch.load('value');
  return () => (epoch.value === 0 ? '1904' : '1900');
}

const none = (present: ReferenceTables) => !present.directory && !present.statuses && !present.indicators;

/**
 * Queues the reads of the reference tables there are; the result is readable after the next
 * sync. A write that made or found the tables queues it with its writes.
 */
export function queueReferenceRead(context: Excel.RequestContext, present: ReferenceTables): () => Reference {
  const dateSystem = queueDateSystem(context);
  if (none(present)) return () => ({ ...DEFAULTS_ONLY, dateSystem: dateSystem() });
  const tables = context.workbook.tables;
  const indicators = present.indicators ? loadIndicatorTable(context).now : () => null;
  const directoryHeader = present.directory
    ? tables.getItem(DIRECTORY_TABLE).getHeaderRowRange().load('values')
    : null;
  const directoryBody = present.directory
    ? tables.getItem(DIRECTORY_TABLE).getDataBodyRange().load('values')
    : null;
  const statusBody = present.statuses ? tables.getItem(STATUS_TABLE).getDataBodyRange().load('values') : null;
  return () => {
    let directory = DEFAULT_DIRECTORY;
    let directoryHealth: ReferenceHealth['directory'] = present.directory ? 'ok' : 'missing';
    const head = directoryHeader ? (directoryHeader.values[0] as unknown[]).map(text) : [];
    // Without its 单位 column the table names no unit: the defaults stand in, and that is reported.
    if (directoryHeader && !head.includes(DIRECTORY_HEADERS[0])) directoryHealth = 'damaged';
    else if (directoryHeader && directoryBody)
      directory = directoryFromRows(directoryRows(head, directoryBody.values));
    const statuses = statusBody
      ? (statusBody.values as unknown[][]).map((r) => text(r[0])).filter(Boolean)
      : [];
    return {
      directory,
      statuses: statuses.length ? statuses : DEFAULT_STATUSES,
      source: {
        directory: directoryHealth === 'ok' ? 'workbook' : 'default',
        statuses: statuses.length ? 'workbook' : 'default',
      },
      health: {
        directory: directoryHealth,
        statuses: !present.statuses ? 'missing' : statuses.length ? 'ok' : 'empty',
      },
      indicators: indicators(),
      dateSystem: dateSystem(),
    };
  };
}

/** The 单位名录 rows, each column found by its header wherever the user moved it. */
function directoryRows(head: readonly string[], values: readonly (readonly unknown[])[]): DirectoryRow[] {
  const at = (header: string) => head.indexOf(header);
  const [name, aliases, kind, memberOf, contact, email] = DIRECTORY_HEADERS.map(at);
  return values
    .map((r) => ({
      name: text(r[name]),
      aliases: text(r[aliases]),
      kind: text(r[kind]),
      memberOf: text(r[memberOf]),
      contact: text(r[contact]),
      email: text(r[email]),
    }))
    .filter((r) => r.name);
}

/** Queues the table list; after the sync it says which reference tables there are. */
export function queueReferenceTables(context: Excel.RequestContext): () => ReferenceTables {
  const tables = context.workbook.tables;
  tables.load('items/name');
  return () => ({
    directory: tables.items.some((t) => t.name === DIRECTORY_TABLE),
    statuses: tables.items.some((t) => t.name === STATUS_TABLE),
    indicators: tables.items.some((t) => t.name === INDICATOR_TABLE),
  });
}

/** Two syncs at most: which tables exist, then their bodies. */
export async function readReference(context: Excel.RequestContext): Promise<Reference> {
  const tables = queueReferenceTables(context);
  const dateSystem = queueDateSystem(context);
  await context.sync();
  const present = tables();
  if (none(present)) return { ...DEFAULTS_ONLY, dateSystem: dateSystem() };
  const read = queueReferenceRead(context, present);
  await context.sync();
  return read();
}

/** How the core reads a ledger in this workbook: its statuses, its directory, its 指标 table and its date system. */
export function readOptions(reference: Reference, asOf: Day, place?: SheetPlace): ReadOptions {
  return {
    asOf,
    dateSystem: reference.dateSystem,
    statuses: reference.statuses,
    directory: reference.directory,
    indicators: reference.indicators,
    ...(place ? { place } : {}),
  };
}
