// The unit directory: canonical names, aliases, kinds and the members of collectives.
// Facts are from DESIGN.md (Siping's county-level divisions since June 2020; the rename of
// 吉林广播电视大学 to 吉林开放大学). The workbook's 单位名录 sheet can replace or extend it.
import { DEFAULT_DIRECTORY } from './officialTasks';
import type { CellValue } from './ledger';
import { column, layoutOf, readRecords, type TableSpec } from './tableSpec';
import { cellText, editDistance, matchKey } from './text';
import { getOrCreate } from './memo';

export type UnitKind = 'department' | 'government' | 'school' | 'enterprise' | 'collective';
export const UNIT_KINDS: readonly UnitKind[] = [
  'department',
  'government',
  'school',
  'enterprise',
  'collective',
];

export interface UnitEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: UnitKind;
  /** Direct members of a collective (names as in the directory). */
  readonly members: readonly string[];
  readonly contact?: string;
  readonly email?: string;
}

export interface UnitDirectory {
  readonly units: readonly UnitEntry[];
  /**
   * The region a bare unit name belongs to (a 市 or 区): 市教育局 and its full form name the
   * same bureau. Taken from the workbook's plan; none, no such pairing.
   */
  readonly region?: string;
}

/** A directory with its look-up tables built once, for repeated resolution. */
export class UnitIndex {
  private readonly byKey = new Map<string, UnitEntry>();
  private readonly memberClosure = new Map<string, ReadonlySet<string>>();
  private readonly containers = new Map<string, readonly string[]>();

  constructor(readonly directory: UnitDirectory = DEFAULT_DIRECTORY) {
    // 某某市 → the stem 某某 and the level 市, so that 某某市教育局 ↔ 市教育局.
    const region = matchKey(directory.region ?? '');
    const stem = region.slice(0, -1);
    const level = region.slice(-1);
    for (const unit of directory.units) {
      for (const form of [unit.name, ...unit.aliases]) {
        this.byKey.set(matchKey(form), unit);
        // A bare 市教育局 and the region's full form name the same bureau: accept either without listing both.
        const key = matchKey(form);
        if (stem && key.startsWith(region) && key.length > region.length)
          this.setIfAbsent(key.slice(stem.length), unit);
        else if (stem && key.startsWith(level) && key.length > 1) this.setIfAbsent(`${stem}${key}`, unit);
      }
    }
    for (const unit of directory.units) this.memberClosure.set(unit.name, this.closure(unit.name, new Set()));
    for (const unit of directory.units) {
      const holders = directory.units
        .filter(
          (c) => c.kind === 'collective' && c.name !== unit.name && this.membersOf(c.name).has(unit.name),
        )
        .map((c) => c.name);
      this.containers.set(unit.name, holders);
    }
  }

  private setIfAbsent(key: string, unit: UnitEntry): void {
    if (!this.byKey.has(key)) this.byKey.set(key, unit);
  }

  private closure(name: string, seen: Set<string>): Set<string> {
    const out = new Set<string>();
    const unit = this.get(name);
    if (!unit || seen.has(name)) return out;
    seen.add(name);
    for (const member of unit.members) {
      const resolved = this.resolve(member)?.name ?? member;
      out.add(resolved);
      for (const inner of this.closure(resolved, seen)) out.add(inner);
    }
    return out;
  }

  get(name: string): UnitEntry | undefined {
    return this.directory.units.find((u) => u.name === name);
  }

  resolve(text: string): UnitEntry | undefined {
    return this.byKey.get(matchKey(text));
  }

  /** Every unit a collective includes, through nested collectives too. Empty for others. */
  membersOf(name: string): ReadonlySet<string> {
    return this.memberClosure.get(name) ?? new Set();
  }

  /** The collectives that include this unit, directly or through another collective. */
  collectivesContaining(name: string): readonly string[] {
    return this.containers.get(name) ?? [];
  }

  private readonly suggestions = new Map<string, string[]>();

  /** Closest known names for an unknown one, best first (at most three). */
  suggest(text: string): string[] {
    const key = matchKey(text);
    if (!key) return [];
    const cached = this.suggestions.get(key);
    if (cached) return cached;
    const found = this.rank(key);
    this.suggestions.set(key, found);
    return found;
  }

  private rank(key: string): string[] {
    const scored: { name: string; distance: number }[] = [];
    for (const unit of this.directory.units) {
      let best = Infinity;
      for (const form of [unit.name, ...unit.aliases])
        best = Math.min(best, editDistance(key, matchKey(form)));
      const limit = Math.max(1, Math.floor(Array.from(key).length / 3));
      if (best <= limit) scored.push({ name: unit.name, distance: best });
    }
    return scored
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'zh-CN'))
      .slice(0, 3)
      .map((s) => s.name);
  }
}

const defaultIndex = new UnitIndex(DEFAULT_DIRECTORY);
const indexCache = new WeakMap<UnitDirectory, UnitIndex>();

export function indexFor(directory?: UnitDirectory): UnitIndex {
  if (!directory || directory === DEFAULT_DIRECTORY) return defaultIndex;
  return getOrCreate(indexCache, directory, () => new UnitIndex(directory));
}

/** The word for each kind in 单位名录's 类别 column: written there, and read back. */
export const UNIT_KIND_WORDS: Readonly<Record<UnitKind, string>> = {
  department: '部门',
  government: '政府',
  school: '学校',
  enterprise: '企业',
  collective: '统称',
};

/**
 * The one word for a task that reaches a unit through a 统称 (各县（市）人民政府 …), on sheets,
 * forms and mails alike: 牵头（集体任务）.
 */
export const VIA_COLLECTIVE = '集体任务';

export const roleLabel = (role: string, viaCollective: boolean): string =>
  viaCollective ? `${role}（${VIA_COLLECTIVE}）` : role;

/** How a kind is labelled on a summary sheet (a reader, not a directory, reads it). */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind | 'unknown', string>> = {
  department: '市直部门',
  government: '政府',
  school: '学校',
  enterprise: '企业',
  collective: '统称',
  unknown: '未登记',
};

/** What a user may type in 类别: the word, the summary's label, 集体, or the English key. */
const KIND_WORDS: Record<string, UnitKind> = Object.fromEntries([
  ...UNIT_KINDS.flatMap((kind) => [
    [UNIT_KIND_WORDS[kind], kind],
    [UNIT_KIND_LABELS[kind], kind],
    [kind, kind],
  ]),
  ['集体', 'collective'],
]);

export interface DirectoryRow {
  readonly name: string;
  readonly aliases?: string;
  readonly kind?: string;
  /** 所属: the collectives this unit belongs to, separated by 、 */
  readonly memberOf?: string;
  readonly contact?: string;
  readonly email?: string;
}

type DirectoryColumn = 'name' | 'aliases' | 'kind' | 'memberOf' | 'contact' | 'email';

/** 单位名录: the user's to edit; the add-in writes it once, with the defaults. Widths as 180/260/50/200/100/100 points. */
export const DIRECTORY_SPEC: TableSpec<DirectoryColumn> = {
  table: 'UnitDirectory',
  sheet: '单位名录',
  columns: [
    column('name', '单位', '@', 15, 'user', ['单位名称', 'unit'], true),
    column('aliases', '别名', '@', 260 / 12, 'user', ['简称', 'aliases']),
    column('kind', '类别', '@', 50 / 12, 'user', ['类型', 'kind']),
    column('memberOf', '所属', '@', 200 / 12, 'user', ['member of']),
    column('contact', '联系人', '@', 100 / 12, 'user', ['contact']),
    column('email', '邮箱', '@', 100 / 12, 'user', ['电子邮箱', 'email', 'e-mail']),
  ],
};

/** The 单位名录 rows, each column found by its header; null when the table has no 单位 column. */
export function readDirectoryTable(
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
): DirectoryRow[] | null {
  const layout = layoutOf(DIRECTORY_SPEC, header);
  if (layout.missing.length) return null;
  const text = (v: CellValue) => cellText(v).trim();
  return readRecords(DIRECTORY_SPEC, layout, rows)
    .map((r) => ({
      name: text(r.name),
      aliases: text(r.aliases),
      kind: text(r.kind),
      memberOf: text(r.memberOf),
      contact: text(r.contact),
      email: text(r.email),
    }))
    .filter((r) => r.name);
}

/** A 别名 or 所属 cell's names: 各县（市、区）人民政府 is one name, a separator inside brackets separates nothing. */
export function splitList(text: string | undefined): string[] {
  const names: string[] = [];
  let depth = 0;
  let name = '';
  for (const ch of text ?? '') {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (depth === 0 && /[、,，;；\s]/u.test(ch)) {
      names.push(name);
      name = '';
      continue;
    }
    name += ch;
  }
  names.push(name);
  return names.map((s) => s.trim()).filter(Boolean);
}

/**
 * Merges the rows of a workbook's 单位名录 sheet into a directory. A row naming a known unit
 * (by name or alias) updates it: aliases are added, kind and contact replaced when given,
 * and 所属 adds it to collectives. A new name becomes a new unit, and so does a row naming a
 * known unit's alias while another row names that unit too (rowUnits).
 */
export function directoryFromRows(
  rows: readonly DirectoryRow[],
  base: UnitDirectory = DEFAULT_DIRECTORY,
): UnitDirectory {
  const baseIndex = indexFor(base);
  const named = rows.map((row) => ({ ...row, name: row.name.trim() })).filter((row) => row.name);
  const rowUnit = rowUnits(
    named.map((row) => row.name),
    baseIndex,
  );
  const unitOf = (name: string) => rowUnit.get(matchKey(name)) ?? baseIndex.resolve(name)?.name ?? name;
  const units = new Map<string, { entry: UnitEntry; members: Set<string> }>();
  for (const unit of base.units) units.set(unit.name, { entry: unit, members: new Set(unit.members) });
  const joins: { member: string; collective: string }[] = [];
  // The forms a unit split off claims (its name and 别名): no other unit keeps them as aliases.
  const split = new Set<string>();
  const claimed = new Set<string>();
  for (const row of named) {
    const canonical = unitOf(row.name);
    const current = units.get(canonical);
    const kind = KIND_WORDS[matchKey(row.kind ?? '')] ?? current?.entry.kind ?? 'department';
    const aliases = [...new Set([...(current?.entry.aliases ?? []), ...splitList(row.aliases)])].filter(
      (a) => a !== canonical,
    );
    const known = baseIndex.resolve(row.name)?.name;
    if (known !== undefined && known !== canonical) {
      split.add(canonical);
      for (const form of [canonical, ...aliases]) claimed.add(matchKey(form));
    }
    units.set(canonical, {
      entry: {
        name: canonical,
        aliases,
        kind,
        members: [],
        contact: row.contact?.trim() || current?.entry.contact,
        email: row.email?.trim() || current?.entry.email,
      },
      members: current?.members ?? new Set(),
    });
    for (const c of splitList(row.memberOf)) joins.push({ member: canonical, collective: c });
  }
  for (const { member, collective: c } of joins) {
    const target = unitOf(c);
    const holder = units.get(target);
    if (holder) holder.members.add(member);
    else
      units.set(target, {
        entry: { name: target, aliases: [], kind: 'collective', members: [] },
        members: new Set([member]),
      });
  }
  return {
    units: [...units.values()].map(({ entry, members }) => ({
      ...entry,
      aliases: split.has(entry.name) ? entry.aliases : entry.aliases.filter((a) => !claimed.has(matchKey(a))),
      members: [...members],
    })),
  };
}

/**
 * The unit each 单位 cell names, by its match key. A name the base directory knows is that unit,
 * as one row (市人社局, or 市人力资源和社会保障局 for it) updates the unit; but when several rows name one
 * known unit, a 单位 cell is the user's word that its name is a unit (分开 at import writes such
 * rows): only the row with the unit's own name is that unit, and each other is a unit of its own.
 */
function rowUnits(names: readonly string[], baseIndex: UnitIndex): Map<string, string> {
  const rowsOf = new Map<string, Set<string>>();
  for (const name of names) {
    const known = baseIndex.resolve(name)?.name;
    if (known) rowsOf.set(known, (rowsOf.get(known) ?? new Set()).add(matchKey(name)));
  }
  const out = new Map<string, string>();
  for (const name of names) {
    const key = matchKey(name);
    if (out.has(key)) continue;
    const known = baseIndex.resolve(name)?.name;
    const shared = known !== undefined && (rowsOf.get(known)?.size ?? 0) > 1 && key !== matchKey(known);
    out.set(key, known !== undefined && !shared ? known : name);
  }
  return out;
}
