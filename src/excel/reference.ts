// The workbook's own reference data: the 单位名录 table (units, aliases, kinds, membership),
// the status list, and the 指标 table the tasks' indicators are reported in. Read when the
// pane starts and when any table but the ledger changes.
import {
  DEFAULT_DIRECTORY,
  DEFAULT_STATUSES,
  directoryFromRows,
  DIRECTORY_SPEC,
  FIRST_LEDGER_TABLE,
  indicatorTableOf,
  readDirectoryTable,
  readStatusTable,
  STATUS_SPEC,
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
import { BUILT_IN, queuePlanParts, queuePlanRead, type WorkbookPlan } from './planPart';
import { queueSpecTableRead } from './specTable';
import { DIRECTORY_TABLE, EVIDENCE_SETTING, INDICATOR_TABLE, STATUS_TABLE } from './names';

export interface Reference {
  readonly directory: UnitDirectory;
  /**
   * The 单位名录 rows themselves, null without a readable table: what the sheet lists, where
   * `directory` also holds the built-in units the sheet has no row for.
   */
  readonly directoryRows: readonly DirectoryRow[] | null;
  readonly statuses: readonly string[];
  /** Where each came from, for the diagnostics tab. */
  readonly source: { readonly directory: 'workbook' | 'default'; readonly statuses: 'workbook' | 'default' };
  /** What is missing or damaged, for validation to report. */
  readonly health: ReferenceHealth;
  /** The plan's 指标 table as it is now, or null when the workbook has none for it. */
  readonly indicators: IndicatorTable | null;
  /** The workbook's date system: 1904 in old Mac files, where every serial means another day. */
  readonly dateSystem: DateSystem;
  /** The plan the workbook tracks: its own custom XML part, or the built-in plan. */
  readonly plan: WorkbookPlan;
  /** Whether 校验 asks a completed task for its 办结依据: on unless the office turned it off in 设置. */
  readonly requireEvidence: boolean;
}

/** Which reference tables the workbook has. */
export interface ReferenceTables {
  readonly directory: boolean;
  readonly statuses: boolean;
  readonly indicators: boolean;
  /** The id of the plan's custom XML part the caller expects, null for none. */
  readonly planPart: string | null;
  /** The ledger table whose plan and 指标 table are read (the first ledger's when not given). */
  readonly ledgerTable?: string;
}

const DEFAULTS_ONLY: Omit<Reference, 'dateSystem' | 'plan' | 'requireEvidence'> = {
  directory: DEFAULT_DIRECTORY,
  directoryRows: null,
  statuses: DEFAULT_STATUSES,
  source: { directory: 'default', statuses: 'default' },
  health: { directory: 'missing', statuses: 'missing' },
  indicators: null,
};

/** Queues the 办结依据 setting's read (a workbook setting, so no table need exist). */
export function queueRequireEvidence(context: Excel.RequestContext): () => boolean {
  const setting = context.workbook.settings.getItemOrNullObject(EVIDENCE_SETTING).load('value');
  return () => setting.isNullObject || setting.value !== false;
}

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
  const plan = queuePlanRead(context, present.planPart, present.ledgerTable);
  const requireEvidence = queueRequireEvidence(context);
  if (none(present))
    return () => {
      const workbookPlan = plan();
      // Without 单位名录, the plan's own directory (the built-in one's is the default).
      return {
        ...DEFAULTS_ONLY,
        directory: workbookPlan.plan.directory,
        dateSystem: dateSystem(),
        plan: workbookPlan,
        requireEvidence: requireEvidence(),
      };
    };
  const tables = context.workbook.tables;
  const indicators = present.indicators
    ? loadIndicatorTable(context, indicatorTableOf(present.ledgerTable ?? FIRST_LEDGER_TABLE)).now
    : () => null;
  const directoryTable = present.directory
    ? queueSpecTableRead(tables.getItem(DIRECTORY_TABLE), DIRECTORY_SPEC)
    : null;
  const statusTable = present.statuses ? queueSpecTableRead(tables.getItem(STATUS_TABLE), STATUS_SPEC) : null;
  return () => {
    const workbookPlan = plan();
    let directory = DEFAULT_DIRECTORY;
    let directoryHealth: ReferenceHealth['directory'] = present.directory ? 'ok' : 'missing';
    // Without its 单位 column the table names no unit: the defaults stand in, and that is reported.
    const read = directoryTable?.();
    const rows = read ? readDirectoryTable(read.header, read.rows) : null;
    if (read && !rows) directoryHealth = 'damaged';
    // The sheet names units; the plan says which region a bare 市教育局 belongs to.
    else if (rows) directory = { ...directoryFromRows(rows), region: workbookPlan.plan.region };
    const statusRead = statusTable?.();
    const statuses = statusRead ? readStatusTable(statusRead.header, statusRead.rows) : [];
    return {
      directory,
      directoryRows: rows,
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
      plan: workbookPlan,
      requireEvidence: requireEvidence(),
    };
  };
}

/** Queues the table list; after the sync it says which reference tables there are. */
export function queueReferenceTables(context: Excel.RequestContext): () => ReferenceTables {
  const tables = context.workbook.tables;
  tables.load('items/name');
  const planPart = queuePlanParts(context);
  return () => ({
    planPart: planPart(),
    directory: tables.items.some((t) => t.name === DIRECTORY_TABLE),
    statuses: tables.items.some((t) => t.name === STATUS_TABLE),
    indicators: tables.items.some((t) => t.name === INDICATOR_TABLE),
  });
}

/** Two syncs at most: which tables exist, then their bodies. */
export async function readReference(context: Excel.RequestContext): Promise<Reference> {
  const tables = queueReferenceTables(context);
  const dateSystem = queueDateSystem(context);
  const requireEvidence = queueRequireEvidence(context);
  await context.sync();
  const present = tables();
  if (none(present) && present.planPart === null)
    return { ...DEFAULTS_ONLY, dateSystem: dateSystem(), plan: BUILT_IN, requireEvidence: requireEvidence() };
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
    // A workbook's own plan; the built-in one is the core's default.
    ...(reference.plan.partId !== null && reference.plan.problem === null
      ? { plan: reference.plan.plan }
      : {}),
    ...(place ? { place } : {}),
  };
}
