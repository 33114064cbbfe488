// Which tasks reach a unit: named directly, or through a collective that includes it
// (双辽市人民政府 is reached by 各县（市）人民政府, 各县（市）区人民政府 and 各级人民政府).
import { memoize } from './memo';
import { parseResponsibleUnits, type UnitRole } from './responsibleUnits';
import { isNumbered, type LedgerTask, type NumberedTask } from './tasks';
import { indexFor, type UnitDirectory, type UnitIndex, type UnitKind } from './units';

export type RoleFilter = 'any' | 'lead' | 'partner';

/** A task as the plan lists it (序号 and 责任单位 text), or a ledger row read as a task. */
export type TaskRef = { readonly no: unknown; readonly units: unknown } | LedgerTask;

const unitsOf = (task: TaskRef): unknown => ('unitsText' in task ? task.unitsText : task.units);

export interface UnitSelectionOptions {
  readonly role?: RoleFilter;
  readonly includeCollectives?: boolean;
  readonly directory?: UnitDirectory;
}

/** How one task reaches one unit in one role; a direct mention wins over a collective one. */
export type Reach = 'direct' | 'collective';
export type ReachMap = ReadonlyMap<string, Readonly<Partial<Record<UnitRole, Reach>>>>;

/**
 * Every unit a 责任单位 text reaches, with role and how: the units it names, the collectives
 * that contain a named unit (a collective owns its members' tasks), and the members of a
 * named collective (reached through it).
 */
function reachOf(units: string, index: UnitIndex): ReachMap {
  const out = new Map<string, Partial<Record<UnitRole, Reach>>>();
  const mark = (name: string, role: UnitRole, how: Reach) => {
    const entry = out.get(name) ?? {};
    if (entry[role] !== 'direct') entry[role] = how;
    out.set(name, entry);
  };
  for (const parsed of parseResponsibleUnits(units, index.directory)) {
    mark(parsed.name, parsed.role, 'direct');
    for (const holder of index.collectivesContaining(parsed.name)) mark(holder, parsed.role, 'direct');
    for (const member of index.membersOf(parsed.name)) mark(member, parsed.role, 'collective');
  }
  return out;
}

const EMPTY_REACH: ReachMap = new Map();

/** Caches the reach of each distinct 责任单位 text: ledgers repeat the same few texts. */
export function reachCache(directory?: UnitDirectory): (units: unknown) => ReachMap {
  const index = indexFor(directory);
  const reachOfText = memoize((units: string) => reachOf(units, index));
  return (units) => (typeof units === 'string' ? reachOfText(units) : EMPTY_REACH);
}

function taskNumber(no: unknown): number | null {
  return typeof no === 'number' && Number.isInteger(no) ? no : null;
}

export function reaches(
  reach: ReachMap,
  unit: string,
  role: RoleFilter,
  includeCollectives: boolean,
): boolean {
  const entry = reach.get(unit);
  if (!entry) return false;
  const ok = (how: Reach | undefined) => how === 'direct' || (how === 'collective' && includeCollectives);
  if (role === 'lead') return ok(entry.lead);
  if (role === 'partner') return ok(entry.partner);
  return ok(entry.lead) || ok(entry.partner);
}

/** The numbers (ascending, each once) of the tasks that reach `unit` in the given role. */
export function tasksForUnit(
  tasks: readonly TaskRef[],
  unit: string,
  options: UnitSelectionOptions = {},
): number[] {
  const { role = 'any', includeCollectives = true, directory } = options;
  const name = indexFor(directory).resolve(unit)?.name ?? unit.trim();
  const reachFor = reachCache(directory);
  const out = new Set<number>();
  for (const task of tasks) {
    const no = taskNumber(task.no);
    if (no !== null && reaches(reachFor(unitsOf(task)), name, role, includeCollectives)) out.add(no);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The ledger tasks that reach any of `units`, in sheet order, each 序号 once (its first row):
 * what the 筛选 tab lists, filters and summarizes for a choice of units.
 */
export function tasksReaching(
  tasks: readonly LedgerTask[],
  units: readonly string[],
  options: UnitSelectionOptions = {},
): NumberedTask[] {
  const wanted = new Set(units.flatMap((unit) => tasksForUnit(tasks, unit, options)));
  const seen = new Set<number>();
  return tasks.filter(isNumbered).filter((task) => {
    if (!wanted.has(task.no) || seen.has(task.no)) return false;
    seen.add(task.no);
    return true;
  });
}

export interface UnitTaskCount {
  readonly name: string;
  readonly kind: UnitKind | 'unknown';
  readonly known: boolean;
  readonly lead: { readonly direct: number; readonly viaCollective: number };
  readonly partner: { readonly direct: number; readonly viaCollective: number };
}

/**
 * For every unit of the directory and every unknown unit the tasks name: how many tasks it
 * leads and joins, directly and through collectives. Agrees with tasksForUnit.
 */
export function unitTaskCounts(tasks: readonly TaskRef[], directory?: UnitDirectory): UnitTaskCount[] {
  const index = indexFor(directory);
  const reachFor = reachCache(directory);
  type Tally = {
    kind: UnitKind | 'unknown';
    known: boolean;
    lead: Record<Reach, number>;
    partner: Record<Reach, number>;
  };
  const blank = (kind: UnitKind | 'unknown', known: boolean): Tally => ({
    kind,
    known,
    lead: { direct: 0, collective: 0 },
    partner: { direct: 0, collective: 0 },
  });
  const tallies = new Map<string, Tally>();
  for (const unit of index.directory.units) tallies.set(unit.name, blank(unit.kind, true));
  const seenNumbers = new Set<number>();
  for (const task of tasks) {
    const no = taskNumber(task.no);
    // Like tasksForUnit, a task number counts once.
    if (no === null || seenNumbers.has(no)) continue;
    seenNumbers.add(no);
    for (const [name, roles] of reachFor(unitsOf(task))) {
      let tally = tallies.get(name);
      if (!tally) {
        tally = blank('unknown', false);
        tallies.set(name, tally);
      }
      if (roles.lead) tally.lead[roles.lead]++;
      if (roles.partner) tally.partner[roles.partner]++;
    }
  }
  return [...tallies.entries()].map(([name, t]) => ({
    name,
    kind: t.kind,
    known: t.known,
    lead: { direct: t.lead.direct, viaCollective: t.lead.collective },
    partner: { direct: t.partner.direct, viaCollective: t.partner.collective },
  }));
}

/** The units that lead or join at least one task, in directory order, then units the ledger names itself. */
export function unitsWithTasks(tasks: readonly TaskRef[], directory?: UnitDirectory): string[] {
  return unitsInLedger(tasks, directory).map((c) => c.name);
}

/**
 * The units (and 统称) the tasks reach, with their counts: 单位名录 is shared by every plan in the
 * workbook, so a unit only another plan names is not listed for this one. A 统称 is listed when the
 * tasks name it or one that includes it, not merely because they name a member (梨树县人民政府 alone
 * does not make 各级人民政府 one of the plan's units, though it would count its tasks).
 */
export function unitsInLedger(tasks: readonly TaskRef[], directory?: UnitDirectory): UnitTaskCount[] {
  const index = indexFor(directory);
  const texts = new Set<string>();
  for (const task of tasks) {
    const units = unitsOf(task);
    if (taskNumber(task.no) !== null && typeof units === 'string') texts.add(units);
  }
  const named = new Set<string>();
  for (const text of texts)
    for (const parsed of parseResponsibleUnits(text, index.directory)) {
      named.add(parsed.name);
      for (const member of index.membersOf(parsed.name)) named.add(member);
    }
  return unitTaskCounts(tasks, directory).filter(
    (c) =>
      c.lead.direct + c.lead.viaCollective + c.partner.direct + c.partner.viaCollective > 0 &&
      (c.kind !== 'collective' || named.has(c.name)),
  );
}

/** Whether a name is a 统称 (各县（市）人民政府, 各职业学校 …): a way of naming units, not a mailbox. */
export function isCollective(unit: string, directory?: UnitDirectory): boolean {
  return indexFor(directory).resolve(unit)?.kind === 'collective';
}

export interface OfferedUnits {
  /** The units that get a form or a draft of their own, each once. */
  readonly units: readonly string[];
  /** The 统称 among the units picked: not sent separately; their members are offered instead. */
  readonly collectives: readonly string[];
}

/**
 * The units a tab offers forms and drafts for: those picked on the 筛选 tab, else every unit
 * with tasks. A 统称 is not a mailbox: its members get its tasks on their own forms, so a picked
 * 统称 is named and its members with tasks are offered in its place.
 */
export function unitsToOffer(
  picked: readonly string[],
  tasks: readonly TaskRef[],
  directory?: UnitDirectory,
): OfferedUnits {
  const index = indexFor(directory);
  const withTasks = unitsWithTasks(tasks, directory);
  const chosen = picked.length ? picked : withTasks;
  const collectives = chosen.filter((unit) => isCollective(unit, directory));
  const units = new Set<string>();
  for (const unit of chosen) {
    if (!isCollective(unit, directory)) units.add(unit);
    else
      for (const member of index.membersOf(index.resolve(unit)?.name ?? unit))
        if (!isCollective(member, directory) && withTasks.includes(member)) units.add(member);
  }
  return { units: [...units], collectives: picked.length ? collectives : [] };
}

export interface UnitTaskLine {
  readonly task: LedgerTask;
  readonly role: '牵头' | '配合';
  /** Reached through a collective such as 各县（市）人民政府, not named itself. */
  readonly viaCollective: boolean;
}

/** A unit's tasks with its role in each, in sheet order (each 序号 once). */
export function unitTaskLines(
  model: { readonly tasks: readonly LedgerTask[] },
  unit: string,
  directory?: UnitDirectory,
): UnitTaskLine[] {
  const leads = new Set(tasksForUnit(model.tasks, unit, { role: 'lead', directory }));
  const direct = new Set(tasksForUnit(model.tasks, unit, { includeCollectives: false, directory }));
  const all = new Set(tasksForUnit(model.tasks, unit, { directory }));
  return model.tasks
    .filter((t): t is LedgerTask & { no: number } => t.no !== null && all.has(t.no))
    .map((task) => ({
      task,
      role: leads.has(task.no) ? '牵头' : '配合',
      viaCollective: !direct.has(task.no),
    }));
}
