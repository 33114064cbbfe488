// Several plans in one workbook: each plan's ledger is its own table on its own sheet, and each
// table is paired with its plan by the custom XML part's namespace, so which plan a table
// tracks is known from the list of parts alone (no part's XML need be read to find it). The
// first ledger (the table every workbook had before) keeps the namespace it always had.
import { PLAN_NAMESPACE, planToXml, type Plan } from './plan';
import { LEDGER_SPEC } from './columns';
import { INDICATOR_SPEC } from './indicators';
import { matchKey } from './text';
import { indexFor, UNIT_KIND_WORDS, type UnitDirectory, type UnitEntry } from './units';

/** The table of the first ledger: its plan's part has the namespace workbooks have always had. */
export const FIRST_LEDGER_TABLE = LEDGER_SPEC.table;

const LEDGER_NAMESPACE_PREFIX = `${PLAN_NAMESPACE}:ledger:`;

/** The namespace of the part holding the plan of the ledger table `table` (ASCII: the name is percent-encoded). */
export function planNamespace(table: string): string {
  return table.toLowerCase() === FIRST_LEDGER_TABLE.toLowerCase()
    ? PLAN_NAMESPACE
    : `${LEDGER_NAMESPACE_PREFIX}${encodeURIComponent(table)}`;
}

/**
 * The ledger table a part's namespace pairs it with; null for a namespace not ours. Our prefixes
 * are compared without case and the table's name decoded, so a namespace a host re-cased (its
 * scheme, its percent-escapes) still names its table.
 */
export function ledgerTableOf(namespace: string): string | null {
  const folded = namespace.toLowerCase();
  if (folded === PLAN_NAMESPACE.toLowerCase()) return FIRST_LEDGER_TABLE;
  if (!folded.startsWith(LEDGER_NAMESPACE_PREFIX.toLowerCase())) return null;
  try {
    return decodeURIComponent(namespace.slice(LEDGER_NAMESPACE_PREFIX.length)) || null;
  } catch {
    // A malformed escape is no table name of ours: the part is not paired with any ledger.
    return null;
  }
}

const shortOf = (plan: Pick<Plan, 'shortName' | 'title'>) => plan.shortName.trim() || plan.title.trim();
// Excel forbids : \ / ? * [ ] in sheet names.
const sheetStem = (short: string) => short.replace(/[:\\/?*[\]]/gu, '');

/** Every other ledger's table name starts so (ledgerNamesFor), which keeps 指标_ names free of them. */
const LEDGER_TABLE_PREFIX = '台账_';

/** Excel's table names: letters (any script), digits, `_` and `.`; at most 255 characters. */
const TABLE_NAME_MAX = 255;

/**
 * The sheet and table of another plan's ledger, from its short name: the sheet's wanted name
 * (the caller makes it free, as every sheet the add-in adds) and a table name free of every
 * table the workbook has (case-insensitively, as Excel compares them).
 */
export function ledgerNamesFor(
  plan: Pick<Plan, 'shortName' | 'title'>,
  tables: readonly string[],
): { readonly sheet: string; readonly table: string } {
  const short = shortOf(plan);
  const sheet = `${sheetStem(short)}台账`;
  // A prefix that is a letter keeps the name from looking like a cell (A1, R1C1) or starting with a digit.
  const stem = `${LEDGER_TABLE_PREFIX}${short.replace(/[^\p{L}\p{N}_.]/gu, '')}`.slice(0, TABLE_NAME_MAX - 4);
  const taken = new Set(tables.map((t) => t.toLowerCase()));
  let table = stem;
  for (let n = 2; taken.has(table.toLowerCase()); n++) table = `${stem}_${n}`;
  return { sheet, table };
}

/**
 * The 指标 table and sheet of a plan's ledger. Each plan has its own, as each has its own summary
 * sheets: the clerk who types 完成值 every month sees only that plan's indicators, their 序号 are
 * that plan's (two plans both have a task 1), 完成率's formula names its own table, and no action
 * of one plan reads or writes a row of the other's. (One table with a 方案 column, as 进度快照
 * has, would put every plan's rows in the clerk's way and hang each row's plan on a cell a sort,
 * a paste or a filter can lose.) The first ledger keeps 指标 / Indicators, so an old workbook
 * reads as before. The table's name comes from the ledger's, which is unique and the key of its
 * plan part (台账_稳经济 → 指标_稳经济); the sheet's from the short name, as the ledger sheet's
 * does, made free by the caller.
 */
export function indicatorNamesFor(
  ledgerTable: string,
  plan: Pick<Plan, 'shortName' | 'title'>,
): { readonly sheet: string; readonly table: string } {
  if (ledgerTable.toLowerCase() === FIRST_LEDGER_TABLE.toLowerCase())
    return { sheet: INDICATOR_SPEC.sheet, table: INDICATOR_SPEC.table };
  return { sheet: `${sheetStem(shortOf(plan))}指标`, table: indicatorTableOf(ledgerTable) };
}

/** The name of the 指标 table of the ledger table `ledgerTable` (see indicatorNamesFor). */
export function indicatorTableOf(ledgerTable: string): string {
  if (ledgerTable.toLowerCase() === FIRST_LEDGER_TABLE.toLowerCase()) return INDICATOR_SPEC.table;
  const rest = ledgerTable.startsWith(LEDGER_TABLE_PREFIX)
    ? ledgerTable.slice(LEDGER_TABLE_PREFIX.length)
    : ledgerTable;
  return `指标_${rest}`;
}

/** A unit of the plan that a directory takes for another unit's alias (梨川市人力资源和社会保障局 for 市人社局). */
export interface SplitUnit {
  readonly name: string;
  /** The unit the directory takes it for. */
  readonly of: string;
}

/**
 * The plan's units that the directory takes for another unit while the plan also names that unit
 * (the user kept the two apart at import, 分开): the plan is right, so each becomes a unit of its
 * own in 单位名录. A plan unit alone in taking a known unit's alias still joins that unit.
 */
export function unitsSplitOff(known: UnitDirectory, plan: Pick<Plan, 'directory'>): SplitUnit[] {
  const index = indexFor(known);
  const units = plan.directory.units;
  return units.flatMap((unit) => {
    const taken = index.resolve(unit.name);
    if (!taken || matchKey(taken.name) === matchKey(unit.name)) return [];
    const alsoNamed = units.some(
      (other) =>
        other !== unit && [other.name, ...other.aliases].some((form) => index.resolve(form) === taken),
    );
    return alsoNamed ? [{ name: unit.name, of: taken.name }] : [];
  });
}

/**
 * Whether a part's namespace is the one of the ledger table `table`: the table it names equals
 * `table` (without case, as Excel compares table names), never a namespace that merely begins
 * like it (the first plan's is a prefix of every other plan's).
 */
export function pairsWithTable(namespace: string, table: string): boolean {
  return ledgerTableOf(namespace)?.toLowerCase() === table.toLowerCase();
}

/** 单位名录 rows (单位, 别名, 类别, 所属, 联系人, 邮箱) of some units of a directory, 所属 from its collectives. */
export function directoryRowsOf(units: readonly UnitEntry[], within: UnitDirectory): string[][] {
  return units.map((u) => [
    u.name,
    u.aliases.join('、'),
    UNIT_KIND_WORDS[u.kind],
    within.units
      .filter((c) => c.members.includes(u.name))
      .map((c) => c.name)
      .join('、'),
    u.contact ?? '',
    u.email ?? '',
  ]);
}

/**
 * The most a plan's part may weigh, in UTF-8 bytes: Office on the web refuses a custom XML part
 * over 1 MB (office-js #2408, observed in Word; #394 in Excel too), and a workbook holding a
 * bigger one may fail other reads there (#6216). Kept under 1 MiB with room for the host's own
 * re-serialisation (entities, a declaration).
 */
export const PLAN_PART_LIMIT = 1_000_000;

/** The part's size as written, in UTF-8 bytes. */
export function planPartBytes(plan: Plan, table: string = FIRST_LEDGER_TABLE): number {
  let bytes = 0;
  for (const char of planToXml(plan, planNamespace(table))) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
