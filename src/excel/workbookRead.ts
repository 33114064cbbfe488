// What an action reads before it writes or exports anything: the ledger, the reference data
// (单位名录, the status list, 指标), the progress snapshots when asked, and the ledger's id — in
// one request. Summaries, files, mails, forms and reviews are made from this read, never from
// what the pane read earlier: a user's or a co-author's edit of a second ago is in it.
//
// Each table is asked for by name, so the request must know which exist: it asks for those the
// caller expects (the pane knows what it last saw; the ribbon expects all) together with the
// list of tables, and checks the guess against that list in the same reply. A wrong guess costs
// one more request (two when an expected table is gone and the request failed), never a stale read.
import { FIRST_LEDGER_TABLE, indicatorTableOf, ledgerTableOf, type DateSystem } from '../ledger';
import { excelErrorCode } from './errors';
import {
  DIRECTORY_TABLE,
  INDICATOR_TABLE,
  LEDGER_TABLE,
  REGISTER_TABLE,
  SNAPSHOT_TABLE,
  STATUS_TABLE,
} from './names';
import { ledgerIdSetting } from './ledgerId';
import { queueLedgerRead, readLedgerInBlocks, type LedgerRead } from './readLedger';
import { queueReferenceRead, type Reference } from './reference';
import { queueRegisterRead, type RegisterSheet } from './registerSheet';
import { queueSnapshotRead, readSnapshotsInBlocks, type SnapshotRead } from './snapshotSheet';

/** The add-in's tables, by what they hold. */
export type AddInTable = 'ledger' | 'directory' | 'statuses' | 'indicators' | 'snapshots' | 'register';

export const TABLE_NAMES: Readonly<Record<AddInTable, string>> = {
  ledger: LEDGER_TABLE,
  directory: DIRECTORY_TABLE,
  statuses: STATUS_TABLE,
  indicators: INDICATOR_TABLE,
  snapshots: SNAPSHOT_TABLE,
  register: REGISTER_TABLE,
};
const KINDS = Object.keys(TABLE_NAMES) as AddInTable[];

/** Where each of the add-in's tables the workbook has is, by Excel's ids: change events name tables and sheets by id. */
export type AddInTableIds = Readonly<
  Partial<Record<AddInTable, { readonly id: string; readonly sheetId: string }>>
>;

/** Every table expected: the guess of a caller that has not read the workbook before. */
export const ALL_TABLES: ReadonlySet<AddInTable> = new Set(KINDS);

export interface WorkbookRead {
  /** Null when the workbook has no ledger. */
  readonly ledger: LedgerRead | null;
  readonly reference: Reference;
  /** Null when not asked for, or when the workbook has no 进度快照 table. */
  readonly snapshots: SnapshotRead | null;
  /** Null when not asked for, or when the workbook has no 报送登记 table. */
  readonly register: RegisterSheet | null;
  /** The ledger's random id; null for a ledger made before ids existed (or no ledger). */
  readonly ledgerId: string | null;
  readonly tables: AddInTableIds;
  /** Every plan's ledger the workbook has, the first ledger first: the pane names the others. */
  readonly ledgers: readonly LedgerTable[];
  /**
   * The ledger read is the one on the sheet the user is on (not the one asked for, nor the first).
   * Set by every read of the workbook; absent where the pane rebuilds a read from its own view.
   */
  readonly onLedgerSheet?: boolean;
}

/** One plan's ledger table, and the sheet it is on (the sheet the user is on says which plan the pane works on). */
export interface LedgerTable {
  readonly table: string;
  readonly sheetId: string;
  readonly sheetName: string;
}

export interface ReadRequest<Also> {
  /**
   * The ledger table the caller works on. The ledger on the sheet the user is on comes first;
   * on another sheet, this one; without it (or when it is gone), the workbook's first ledger.
   */
  readonly ledgerTable?: string;
  /** Read 进度快照 too (summaries and mails compare with it). */
  readonly snapshots?: boolean;
  /** Read 报送登记 too (the 反馈 tab, 催报, and the summaries' 本期应报… sentence). */
  readonly register?: boolean;
  /** The tables the caller expects to exist; every one when not given. */
  readonly expect?: ReadonlySet<AddInTable>;
  /**
   * The id of the plan's custom XML part the caller last saw (null: none). Unknown when not
   * given: a workbook that has one is then read twice, the second time with its id.
   */
  readonly planPart?: string | null;
  /**
   * More loads for the same request (a write's own look at the sheets, say); its result is read
   * after the sync. It must not fail for a missing item (use the *OrNullObject forms).
   */
  readonly also?: (context: Excel.RequestContext) => () => Also;
}

/** The names of the add-in's tables as a plan's ledger sees them: its own ledger and 指标, the others shared. */
export function tableNamesFor(ledgerTable: string = LEDGER_TABLE): Readonly<Record<AddInTable, string>> {
  return { ...TABLE_NAMES, ledger: ledgerTable, indicators: indicatorTableOf(ledgerTable) };
}

/** Which of the add-in's tables the workbook has, once `items/name, items/id` has been synced. */
function idsOf(tables: Excel.TableCollection, ledgerTable: string = LEDGER_TABLE): AddInTableIds {
  const ids: Partial<Record<AddInTable, { id: string; sheetId: string }>> = {};
  const names = tableNamesFor(ledgerTable);
  for (const kind of KINDS) {
    const found = tables.items.find((t) => t.name.toLowerCase() === names[kind].toLowerCase());
    if (found) ids[kind] = { id: found.id, sheetId: found.worksheet.id };
  }
  return ids;
}

const TABLE_LOADS = 'items/name, items/id, items/worksheet/id, items/worksheet/name';

/**
 * Queues what says which ledgers there are and which the user is on: every part's namespace (a
 * ledger's plan part names its table) and the active sheet.
 */
function queueLedgerChoice(context: Excel.RequestContext, tables: Excel.TableCollection) {
  const parts = context.workbook.customXmlParts.load('items/id, items/namespaceUri');
  const active = context.workbook.worksheets.getActiveWorksheet().load('id');
  return (wanted: string | undefined) => {
    const partOf = new Map<string, string>();
    for (const p of parts.items) {
      const table = ledgerTableOf(p.namespaceUri)?.toLowerCase();
      if (table !== undefined && !partOf.has(table)) partOf.set(table, p.id);
    }
    const ledgers: LedgerTable[] = tables.items
      .filter((t) => isFirst(t.name) || partOf.has(t.name.toLowerCase()))
      .map((t) => ({ table: t.name, sheetId: t.worksheet.id, sheetName: t.worksheet.name }))
      .sort((a, b) => Number(isFirst(b.table)) - Number(isFirst(a.table)));
    const here = ledgers.find((l) => l.sheetId === active.id);
    const asked = ledgers.find((l) => l.table.toLowerCase() === wanted?.toLowerCase());
    const chosen = (here ?? asked ?? ledgers[0])?.table ?? null;
    // A workbook without a ledger may still carry the first ledger's plan (设置 saved it).
    return {
      ledgers,
      chosen,
      here: here?.table ?? null,
      part: partOf.get((chosen ?? FIRST_LEDGER_TABLE).toLowerCase()) ?? null,
    };
  };
}

/** The table every workbook had before plans were many. */
export const isFirst = (table: string) => table.toLowerCase() === FIRST_LEDGER_TABLE.toLowerCase();
const sameSet = (present: AddInTableIds, guess: ReadonlySet<AddInTable>, asked: ReadRequest<unknown>) =>
  KINDS.every(
    (kind) =>
      (kind === 'snapshots' && !asked.snapshots) ||
      // A register asked for but not guessed is read in a request of its own when there is one.
      (kind === 'register' && (!asked.register || !guess.has(kind))) ||
      (present[kind] !== undefined) === guess.has(kind),
  );

function queueParts<Also>(
  context: Excel.RequestContext,
  guess: ReadonlySet<AddInTable>,
  planPart: string | null,
  request: ReadRequest<Also>,
  ledgerTable: string,
) {
  const tables = context.workbook.tables.load(TABLE_LOADS);
  const choice = queueLedgerChoice(context, tables);
  const id = context.workbook.settings.getItemOrNullObject(ledgerIdSetting(ledgerTable)).load('value');
  const ledger = guess.has('ledger') ? queueLedgerRead(context, ledgerTable) : null;
  // Each plan's ledger has its own 指标 table (indicatorTableOf); 进度快照 and 报送登记 rows
  // carry their plan: each ledger reads its own.
  const reference = queueReferenceRead(context, {
    directory: guess.has('directory'),
    statuses: guess.has('statuses'),
    indicators: guess.has('indicators'),
    planPart,
    ledgerTable,
  });
  const snapshots =
    request.snapshots && guess.has('snapshots') ? queueSnapshotRead(context, undefined, ledgerTable) : null;
  const register = request.register && guess.has('register') ? queueRegisterRead(context, ledgerTable) : null;
  const also = request.also?.(context);
  return { tables, choice, id, ledger, reference, snapshots, register, also };
}

const idValue = (setting: Excel.Setting) =>
  !setting.isNullObject && typeof setting.value === 'string' && setting.value ? setting.value : null;

/** Queues the list of the add-in's tables into a write's request (one that adds tables reads it back). */
export function queueTableIds(
  context: Excel.RequestContext,
  ledgerTable: string = LEDGER_TABLE,
): () => AddInTableIds {
  const tables = context.workbook.tables.load(TABLE_LOADS);
  return () => idsOf(tables, ledgerTable);
}

/** The list of tables, the ledger to read and its plan's part alone: what a guess that failed is corrected with. */
async function presentTables(
  context: Excel.RequestContext,
  wanted: string | undefined,
): Promise<{ tables: Set<AddInTable>; planPart: string | null; ledgerTable: string }> {
  const tables = context.workbook.tables.load(TABLE_LOADS);
  const choice = queueLedgerChoice(context, tables);
  await context.sync();
  const { chosen, part } = choice(wanted);
  const ledgerTable = chosen ?? FIRST_LEDGER_TABLE;
  return {
    tables: new Set(Object.keys(idsOf(tables, ledgerTable)) as AddInTable[]),
    planPart: part,
    ledgerTable,
  };
}

/**
 * Reads the workbook for an action, in one sync when the guess of which tables exist is right.
 * A ledger or snapshot table too big for one reply (Excel on the web's 5 MB) is read in blocks,
 * one request each, after the rest.
 */
export async function readWorkbook<Also = undefined>(
  context: Excel.RequestContext,
  request: ReadRequest<Also> = {},
): Promise<WorkbookRead & { readonly also: Also }> {
  let guess = request.expect ?? ALL_TABLES;
  let planGuess = request.planPart ?? null;
  let ledgerTable = request.ledgerTable ?? FIRST_LEDGER_TABLE;
  for (let attempt = 0; ; attempt++) {
    const parts = queueParts(context, guess, planGuess, request, ledgerTable);
    try {
      // Each attempt is one request; a second happens only when the first guessed wrong.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const code = excelErrorCode(error);
      // An expected table or plan part is gone: the whole request failed. Ask which there are, then read those.
      if (code === 'ItemNotFound' && attempt === 0) {
        ({
          tables: guess,
          planPart: planGuess,
          ledgerTable,
        } = await presentTables(context, request.ledgerTable));
        continue;
      }
      if (code === 'ResponsePayloadSizeLimitExceeded')
        return readInParts(context, { ...request, ledgerTable });
      throw error;
    }
    const { ledgers, chosen, here, part } = parts.choice(request.ledgerTable);
    if (chosen !== null && chosen !== ledgerTable && attempt === 0) {
      // The user is on another plan's ledger (or the one asked for is gone): read that one, its
      // tables and plan part known from this reply.
      ledgerTable = chosen;
      guess = new Set(Object.keys(idsOf(parts.tables, chosen)) as AddInTable[]);
      planGuess = part;
      continue;
    }
    const ids = idsOf(parts.tables, ledgerTable);
    const reference = parts.reference();
    if ((!sameSet(ids, guess, request) || reference.plan.found !== planGuess) && attempt === 0) {
      // A table or plan exists that was not read (made since the caller looked): read again, all of it.
      guess = new Set(Object.keys(ids) as AddInTable[]);
      planGuess = reference.plan.found;
      continue;
    }
    return {
      ledger: parts.ledger ? parts.ledger() : null,
      reference,
      snapshots: parts.snapshots ? parts.snapshots(reference.dateSystem) : null,
      register: parts.register
        ? parts.register(reference.dateSystem)
        : request.register && ids.register
          ? await readRegisterAlone(context, reference.dateSystem, ledgerTable)
          : null,
      ledgerId: idValue(parts.id),
      tables: ids,
      ...ledgersRead({ ledgers, here }, ledgerTable),
      also: parts.also?.() as Also,
    };
  }
}

/** 报送登记 found by the table list but not guessed: one more request, the register alone. */
async function readRegisterAlone(
  context: Excel.RequestContext,
  dateSystem: DateSystem,
  ledgerTable: string,
): Promise<RegisterSheet> {
  const read = queueRegisterRead(context, ledgerTable);
  await context.sync();
  return read(dateSystem);
}

/**
 * What a caller that has not read the workbook before guesses when it asks for 报送登记 too: every
 * table but the register, so a workbook without one costs no request, and one with it costs one
 * (the register read alone).
 */
export const ALL_BUT_REGISTER: ReadonlySet<AddInTable> = new Set(KINDS.filter((k) => k !== 'register'));

/** The same read for a workbook whose ledger or snapshots pass 5 MB: the big tables in blocks. */
async function readInParts<Also>(
  context: Excel.RequestContext,
  request: ReadRequest<Also>,
): Promise<WorkbookRead & { readonly also: Also }> {
  const { tables: present, planPart, ledgerTable } = await presentTables(context, request.ledgerTable);
  const parts = queueParts(
    context,
    new Set([...present].filter((k) => k !== 'ledger' && k !== 'snapshots')),
    planPart,
    {
      ...request,
      snapshots: false,
    },
    ledgerTable,
  );
  await context.sync();
  const ids = idsOf(parts.tables, ledgerTable);
  const reference = parts.reference();
  const ledger = present.has('ledger') ? await readLedgerInBlocks(context, ledgerTable) : null;
  const snapshots =
    request.snapshots && present.has('snapshots')
      ? await readSnapshotsInBlocks(context, reference.dateSystem, ledgerTable)
      : null;
  return {
    ledger,
    reference,
    snapshots,
    register: parts.register ? parts.register(reference.dateSystem) : null,
    ledgerId: idValue(parts.id),
    tables: ids,
    ...ledgersRead(parts.choice(request.ledgerTable), ledgerTable),
    also: parts.also?.() as Also,
  };
}

function ledgersRead(
  choice: { readonly ledgers: readonly LedgerTable[]; readonly here: string | null },
  ledgerTable: string,
): Pick<WorkbookRead, 'ledgers' | 'onLedgerSheet'> {
  return { ledgers: choice.ledgers, onLedgerSheet: choice.here !== null && choice.here === ledgerTable };
}

/** The tables a read found, as the guess for the next read. */
export function tablesSeen(read: Pick<WorkbookRead, 'tables'>): Set<AddInTable> {
  return new Set(Object.keys(read.tables) as AddInTable[]);
}
