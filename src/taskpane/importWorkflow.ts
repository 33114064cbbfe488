// 导入分工表's workflow, apart from React: a review is the source as read, the user's fixes and
// choices, and the reading those give. The plan imported is made from the review alone, so what
// the pane showed is what is written.
import {
  DEFAULT_DIRECTORY,
  editSourceRow,
  excludeSourceRow,
  guessMembers,
  indexFor,
  matchKey,
  planCollectives,
  planFromAnnex,
  readAnnexSource,
  splitList,
  textSource,
  unitsSplitOff,
  type AnnexSource,
  type DirectoryRow,
  type MemberNode,
  type MemberSource,
  type Plan,
  type PlanImport,
  type SplitUnit,
  type UnitDirectory,
  type UnitKind,
} from '../ledger';
import type { ReadFrom } from '../excel';

export interface Review {
  /** Where the rows came from: a sheet (checked again at import) or text pasted into the pane. */
  readonly from: (ReadFrom & { readonly firstRow: number }) | null;
  readonly source: AnnexSource;
  readonly year: number;
  readonly annex: PlanImport;
  /** Kinds the user chose, by unit name; the others keep the kind guessed. */
  readonly kinds: Readonly<Record<string, UnitKind>>;
  readonly title: string;
  readonly shortName: string;
  /** Names the user said are units of their own, not another's full or short form. */
  readonly apart: readonly string[];
}

/** The annex's title row (the longest row above the header, 附件 and 附件1： aside), offered as the plan's title for the user to check. */
function titleOf(annex: PlanImport): string {
  return annex.skipped
    .filter((s) => s.reason === 'title')
    .map((s) => s.text.replace(/\s+/gu, '').replace(/^附件\d*[:：]?/u, ''))
    .filter((text) => text !== '')
    .reduce((longest, text) => (text.length > longest.length ? text : longest), '');
}

export function reviewOf(source: AnnexSource, year: number, from: Review['from']): Review {
  const annex = readAnnexSource(source, { year });
  return { from, source, year, annex, kinds: {}, title: titleOf(annex), shortName: '', apart: [] };
}

export const reviewText = (text: string, year: number): Review => reviewOf(textSource(text), year, null);

function reread(review: Review, source: AnnexSource, apart = review.apart): Review {
  return {
    ...review,
    source,
    apart,
    annex: readAnnexSource(source, { year: review.year, keepApart: apart }),
  };
}

/** Undoes a guessed pairing: the alias becomes a unit of its own, and the source is read again. */
export const keepApart = (review: Review, alias: string): Review =>
  reread(review, review.source, [...review.apart, alias]);

/** Takes back a 分开: the name may be paired again as the source is read again. */
export const joinAgain = (review: Review, alias: string): Review =>
  reread(
    review,
    review.source,
    review.apart.filter((a) => a !== alias),
  );

export const editRow = (review: Review, row: number, text: string): Review =>
  reread(review, editSourceRow(review.source, row, text));

export const excludeRow = (review: Review, row: number): Review =>
  reread(review, excludeSourceRow(review.source, row));

/**
 * The units as they will be written: each with the kind the user chose, else the built-in
 * directory's for a unit it knows, else the one guessed; collectives with their guessed members.
 */
export function reviewedUnits(
  review: Review,
): { name: string; kind: UnitKind; members: string[]; aliases: readonly string[] }[] {
  const builtIn = indexFor(DEFAULT_DIRECTORY);
  const units = review.annex.units.map((u) => ({
    name: u.name,
    kind: review.kinds[u.name] ?? builtIn.resolve(u.name)?.kind ?? u.kind,
    aliases: u.aliases,
  }));
  return units.map((u) => ({ ...u, members: u.kind === 'collective' ? guessMembers(u.name, units) : [] }));
}

/**
 * The units as the review shows them, a 统称 with the members the import gives it and where they
 * come from: the rows of the workbook's 单位名录 (`listed`, null without one), the built-in
 * directory, or the guess among the plan's units. Shown from the pane's view; the import itself
 * reads 单位名录 again.
 */
export function shownUnits(
  review: Review,
  listed: readonly DirectoryRow[] | null,
): (ReturnType<typeof reviewedUnits>[number] & {
  readonly source: MemberSource;
  readonly tree: readonly MemberNode[];
})[] {
  const collectives = planCollectives(listed ?? [], planOfReview(review));
  return reviewedUnits(review).map((u) => {
    // A 统称 only in the review (单位名录 lists the name as another kind) shows its guess.
    const found = collectives.get(u.name) ?? {
      source: 'guessed' as const,
      members: u.members.map((name) => ({ name, members: null })),
    };
    return { ...u, source: found.source, tree: found.members };
  });
}

/**
 * The units kept apart (分开) that the workbook's 单位名录, or the built-in directory a new one
 * starts from, lists as another unit's alias: said before the import, which then makes each a unit
 * of its own. From the pane's view, as shownUnits; the import itself reads 单位名录 again.
 */
export function splitOffUnits(
  review: Review,
  known: UnitDirectory | undefined,
  listed: readonly DirectoryRow[] | null,
): SplitNote[] {
  const plan = planOfReview(review);
  // The region as the import's own check takes it: the plan's.
  return unitsSplitOff({ ...(known ?? DEFAULT_DIRECTORY), region: plan.region }, plan).map((u) => ({
    ...u,
    // Said as 单位名录's only when its rows list the alias; else it is the built-in directory's.
    from: (listed ?? []).some(
      (row) =>
        matchKey(row.name) === matchKey(u.of) &&
        splitList(row.aliases).some((a) => matchKey(a) === matchKey(u.name)),
    )
      ? 'listed'
      : 'builtIn',
  }));
}

/** A unit kept apart that a directory lists as another's alias, and which directory: the sheet's or the built-in. */
export interface SplitNote extends SplitUnit {
  readonly from: 'listed' | 'builtIn';
}

/**
 * Guessed pairs whose full name 单位名录 already lists as a unit of its own (kept apart by an
 * earlier import): the import keeps them apart, so the review says so instead of offering a merge.
 */
export function pairsAlreadyApart(review: Review, known: UnitDirectory | undefined): string[] {
  if (!known) return [];
  const index = indexFor(known);
  return review.annex.units.flatMap((u) =>
    u.aliases.filter((alias) => {
      const own = index.resolve(alias);
      return own !== undefined && matchKey(own.name) === matchKey(alias);
    }),
  );
}

export type Blocked = 'problems' | 'title' | null;

export function blockedBy(review: Review): Blocked {
  if (review.annex.problems.length > 0) return 'problems';
  if (!review.title.trim()) return 'title';
  return null;
}

/** start: the 起始日期 shown in the review (guessPlanStart); none keeps the as-of year's 1 January. */
export function planOfReview(review: Review, start?: string): Plan {
  return planFromAnnex(
    review.annex,
    { title: review.title.trim(), shortName: review.shortName.trim() || undefined, start },
    reviewedUnits(review),
  );
}
