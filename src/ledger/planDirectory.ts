// An imported plan's units in the workbook's shared 单位名录. The workbook is read as its 单位名录
// rows on the built-in directory, so a unit the built-in directory knows resolves whether or not
// the sheet lists it; but only a row holds a unit's contacts and 邮箱, and 筛选, 反馈 and 指标 name
// every unit a plan reaches. So an import appends a row for each unit the plan names, reaches
// through a 统称 it names, or owns an indicator of, that the sheet does not list yet.
import type { Plan } from './plan';
import { directoryRowsOf, unitsSplitOff } from './planLedgers';
import {
  directoryFromRows,
  indexFor,
  splitList,
  type DirectoryRow,
  type UnitDirectory,
  type UnitEntry,
} from './units';

type PlanUnits = Pick<Plan, 'directory' | 'region'>;

/** Where the members of a 统称 the plan names come from, as the review says. */
export type MemberSource = 'listed' | 'built-in' | 'guessed';

/** A member of a 统称, itself a 统称 with its own members, or a unit (members null). */
export interface MemberNode {
  readonly name: string;
  readonly members: readonly MemberNode[] | null;
}

export interface PlanCollective {
  readonly source: MemberSource;
  readonly members: readonly MemberNode[];
}

interface Placement {
  /** Every unit the plan reaches, by the name 单位名录 reads it as, as a row would give it. */
  readonly entries: ReadonlyMap<string, UnitEntry>;
  /** The units with a row in 单位名录 already. */
  readonly listed: ReadonlySet<string>;
  /** The 统称 that some row's 所属 gives members. */
  readonly sheetCollectives: ReadonlySet<string>;
  /** A plan unit's name → the name 单位名录 reads it as. */
  readonly canonical: ReadonlyMap<string, string>;
}

/** The workbook's directory as read from its 单位名录 rows (none: the built-in one), with the plan's region. */
export function directoryOfRows(rows: readonly DirectoryRow[], plan: Pick<Plan, 'region'>): UnitDirectory {
  return { ...directoryFromRows(rows), region: plan.region };
}

function place(rows: readonly DirectoryRow[], plan: PlanUnits, owners: readonly string[]): Placement {
  const known = directoryOfRows(rows, plan);
  const index = indexFor(known);
  const listed = new Set(rows.flatMap((r) => index.resolve(r.name)?.name ?? []));
  const sheetCollectives = new Set(
    rows.flatMap((r) => splitList(r.memberOf).map((c) => index.resolve(c)?.name ?? c)),
  );
  // Kept apart at import (分开): the plan's own unit, whatever the directory takes the name for.
  const split = new Set(unitsSplitOff(known, plan).map((s) => s.name));
  const canonical = new Map<string, string>();
  const own = new Map<string, UnitEntry>();
  for (const unit of plan.directory.units) {
    const name = split.has(unit.name)
      ? unit.name
      : ([unit.name, ...unit.aliases].map((f) => index.resolve(f)?.name).find((n) => n !== undefined) ??
        unit.name);
    canonical.set(unit.name, name);
    if (!own.has(name)) own.set(name, unit);
  }
  const entries = new Map<string, UnitEntry>();
  const visit = (name: string): void => {
    if (entries.has(name)) return;
    const mine = own.get(name);
    const found = index.get(name);
    // A listed unit is what its row says; else the kind chosen in the review for a unit the plan
    // names, the directory's for one it reaches.
    const kind = (listed.has(name) ? found?.kind : undefined) ?? mine?.kind ?? found?.kind ?? 'department';
    const knownMembers = (found?.members ?? []).map((m) => index.resolve(m)?.name ?? m);
    const members =
      kind !== 'collective'
        ? []
        : knownMembers.length > 0
          ? knownMembers
          : (mine?.members ?? []).map((m) => canonical.get(m) ?? m);
    // A unit the plan names is written with the plan's forms (a form kept apart is no alias of
    // it); one reached through a 统称 with the directory's.
    const forms = mine ? [mine.name, ...mine.aliases] : (found?.aliases ?? []);
    entries.set(name, {
      ...(found ?? mine ?? { name, aliases: [], kind, members: [] }),
      name,
      kind,
      aliases: [...new Set(forms)].filter((a) => a !== name),
      members,
    });
    for (const member of members) visit(member);
  };
  for (const unit of plan.directory.units) visit(canonical.get(unit.name) ?? unit.name);
  for (const owner of owners) {
    const found = index.resolve(owner);
    if (found) visit(found.name);
  }
  return { entries, listed, sheetCollectives, canonical };
}

/**
 * The 单位名录 rows an import appends: one for each unit the plan names, reaches through a 统称 it
 * names (nested 统称 too, as 统称) or that owns one of its indicators (`owners`), that the sheet's
 * `rows` do not list (by name or alias); and each unit kept apart (分开) from one they list. A unit
 * the plan names comes with the plan's forms and the kind chosen in the review; one it reaches
 * with the built-in directory's aliases and kind; a 统称 with its members, each member's row naming
 * it in 所属. A listed unit keeps its row, kind and contacts. On a workbook without 单位名录, `rows`
 * is empty: the rows of the new sheet.
 */
export function unitsToAdd(
  rows: readonly DirectoryRow[],
  plan: PlanUnits,
  owners: readonly string[] = [],
): string[][] {
  const { entries, listed } = place(rows, plan, owners);
  const within: UnitDirectory = { units: [...entries.values()] };
  return directoryRowsOf(
    within.units.filter((u) => !listed.has(u.name)),
    within,
  );
}

/**
 * Each 统称 the plan names (by its name in the plan), with the members the import gives it and
 * where they come from: 单位名录's own rows (their 所属), the built-in directory, or the review's
 * guess among the plan's units. A member that is a 统称 comes with its members.
 */
export function planCollectives(
  rows: readonly DirectoryRow[],
  plan: PlanUnits,
): ReadonlyMap<string, PlanCollective> {
  const { entries, sheetCollectives, canonical } = place(rows, plan, []);
  const builtIn = indexFor();
  const node = (name: string, path: ReadonlySet<string>): MemberNode => {
    const entry = entries.get(name);
    const inner = entry?.kind === 'collective' && !path.has(name) ? entry.members : null;
    const next = new Set([...path, name]);
    return { name, members: inner ? inner.map((m) => node(m, next)) : null };
  };
  const out = new Map<string, PlanCollective>();
  for (const unit of plan.directory.units) {
    const name = canonical.get(unit.name) ?? unit.name;
    const entry = entries.get(name);
    if (entry?.kind !== 'collective') continue;
    const source: MemberSource = sheetCollectives.has(name)
      ? 'listed'
      : (builtIn.get(name)?.members.length ?? 0) > 0
        ? 'built-in'
        : 'guessed';
    out.set(unit.name, { source, members: node(name, new Set()).members ?? [] });
  }
  return out;
}
