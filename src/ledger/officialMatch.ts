// Pairs ledger rows with official tasks by their text, never by 序号 alone: a unit's own
// ledger holds a subset renumbered 1–N, users insert their own tasks, and another plan may
// share a row with this one. A fix that rewrites a task's text or units is only ever offered
// for a row whose pairing is beyond doubt.
import { cellRef, type SheetPlace } from './addresses';
import type { Ledger } from './ledger';
import type { OfficialTask } from './officialTasks';
import type { LedgerTask } from './tasks';
import { getOrCreate, memoize } from './memo';
import { cellText, editDistance, matchKey } from './text';

export interface OfficialPairing {
  readonly official: OfficialTask;
  /**
   * 'exact': the same text but for spaces, width and case; 'near': a few characters differ;
   * 'clause': the official text with whole clauses added or cut (a sentence appended to it).
   */
  readonly how: 'exact' | 'near' | 'clause';
  /** The row's 序号 is the official task's number. */
  readonly numberAgrees: boolean;
}

export interface OfficialMatching {
  /** Most rows are tasks of this plan: the wording checks apply. */
  readonly active: boolean;
  /** Indexed by data row: an array, not a map, as it is read for every row of a 100,000-row ledger. */
  readonly byRow: readonly (OfficialPairing | undefined)[];
  /** The ledger numbers its rows as the plan does (most paired rows carry the official 序号). */
  readonly numbersAgree: boolean;
  /** The ledger means to hold the whole plan (at least half of it), so a missing task is news. */
  readonly wholePlan: boolean;
  /** Official tasks that no row's text pairs with, in plan order. */
  readonly unpaired: readonly OfficialTask[];
  /**
   * Rows paired with an official task that an earlier row already pairs with: row -> earlier row.
   * Empty when more than a tenth of the rows repeat (a sheet that lists each task per month).
   */
  readonly repeats: ReadonlyMap<number, number>;
}

/** Near means at most this share of characters differ (名师培养工程 → 名师工程 in a 50-character task is 4%). */
const NEAR_SHARE = 0.15;
/** And the best official text must be clearly nearer than the second best. */
const NEAR_MARGIN = 0.1;
const AGREE_SHARE = 0.8;
const REPEAT_SHARE = 0.1;

/** A row cut to clauses of the official text still holds at least this share of its characters. */
const CUT_SHARE = 0.5;

/** A keyed text's clauses, split at ， ； ： 。 and the like. */
function clausesOf(key: string): string[] {
  return key.split(/[,;:。.!?]+/u).filter(Boolean);
}

/** Whether every clause of `part` appears in `whole`, in the same order. */
function inOrder(part: readonly string[], whole: readonly string[]): boolean {
  let at = 0;
  for (const clause of part) {
    while (at < whole.length && whole[at] !== clause) at++;
    if (at === whole.length) return false;
    at++;
  }
  return true;
}

/**
 * The clauses one text adds to another and those it leaves out, as each text writes them: for
 * a message on a row paired 'clause'.
 */
export function clauseDifference(official: string, text: string): { added: string[]; cut: string[] } {
  const split = (t: string) => t.split(/[，,；;：:。.！!？?]+/u).filter((c) => c.trim());
  const own = split(text);
  const expected = split(official);
  const ownKeys = new Set(own.map(matchKey));
  const expectedKeys = new Set(expected.map(matchKey));
  return {
    added: own.filter((c) => !expectedKeys.has(matchKey(c))),
    cut: expected.filter((c) => !ownKeys.has(matchKey(c))),
  };
}

function bigrams(key: string): string[] {
  const chars = Array.from(key);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

interface Candidate {
  readonly official: OfficialTask;
  readonly key: string;
  readonly length: number;
  readonly bigramCount: number;
}

type TextIndex = (text: string) => Omit<OfficialPairing, 'numberAgrees'> | null;

/**
 * Each list's index, kept as long as the list is: the pane analyses the same plan after every
 * edit, so the official texts are indexed once and each distinct text is matched once.
 */
const indexes = new WeakMap<readonly OfficialTask[], TextIndex>();

/** Distinct texts an index remembers; past that it forgets them all at once and starts again. */
const TEXT_MEMORY = 20_000;

/** Finds, for any text, the official task it is (exact) or nearly is (near), or null. */
export function officialTextIndex(list: readonly OfficialTask[]): TextIndex {
  return getOrCreate(indexes, list, textIndex);
}

function textIndex(list: readonly OfficialTask[]): TextIndex {
  const candidates: Candidate[] = list.map((official) => {
    const key = matchKey(official.task);
    return { official, key, length: Array.from(key).length, bigramCount: new Set(bigrams(key)).size };
  });
  const exact = new Map<string, OfficialTask>();
  for (const c of candidates) if (!exact.has(c.key)) exact.set(c.key, c.official);
  const clauses = candidates.map((c) => clausesOf(c.key));
  // Clause -> candidates holding it, for texts with a clause added or cut.
  const byClause = new Map<string, number[]>();
  clauses.forEach((list, i) => {
    for (const clause of new Set(list)) byClause.set(clause, [...(byClause.get(clause) ?? []), i]);
  });
  /** The one official text this text is with whole clauses added or cut, or null. */
  const byClauses = (key: string): OfficialTask | null => {
    const own = clausesOf(key);
    const found = new Set<number>();
    for (const clause of own) for (const i of byClause.get(clause) ?? []) found.add(i);
    const fits = [...found].filter((i) => {
      const official = clauses[i];
      if (inOrder(official, own)) return true;
      const kept = own.reduce((n, clause) => n + Array.from(clause).length, 0);
      const whole = official.reduce((n, clause) => n + Array.from(clause).length, 0);
      return inOrder(own, official) && kept >= whole * CUT_SHARE;
    });
    return fits.length === 1 ? candidates[fits[0]].official : null;
  };
  // Bigram -> candidates holding it: a cheap vote picks the few texts worth an edit distance.
  const byBigram = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    for (const b of new Set(bigrams(c.key))) {
      const list = byBigram.get(b);
      if (list) list.push(i);
      else byBigram.set(b, [i]);
    }
  });
  // Ledgers repeat the same texts: each distinct text is keyed and matched once.
  const byKey = memoize(
    (key: string): Omit<OfficialPairing, 'numberAgrees'> | null => {
      const hit = exact.get(key);
      return hit ? { official: hit, how: 'exact' } : nearest(key);
    },
    { limit: TEXT_MEMORY },
  );
  const nearest = (key: string) => {
    const length = Array.from(key).length;
    const votes = new Map<number, number>();
    for (const b of new Set(bigrams(key)))
      for (const i of byBigram.get(b) ?? []) votes.set(i, (votes.get(i) ?? 0) + 1);
    const scored: { official: OfficialTask; share: number }[] = [];
    for (const [i, shared] of votes) {
      const c = candidates[i];
      const longer = Math.max(length, c.length);
      const edits = Math.floor(longer * NEAR_SHARE);
      // Each edit spoils at most two of the official text's bigrams: too few shared rules it out.
      if (Math.abs(length - c.length) > edits || shared < c.bigramCount - 2 * edits) continue;
      scored.push({ official: c.official, share: editDistance(key, c.key) / longer });
    }
    scored.sort((a, b) => a.share - b.share);
    const [best, second] = scored;
    const clause = byClauses(key);
    return best && best.share <= NEAR_SHARE && (!second || second.share - best.share >= NEAR_MARGIN)
      ? { official: best.official, how: 'near' as const }
      : clause
        ? { official: clause, how: 'clause' as const }
        : null;
  };
  return memoize(
    (text: string) => {
      const key = matchKey(text);
      return key ? byKey(key) : null;
    },
    { limit: TEXT_MEMORY },
  );
}

const NO_MATCH: OfficialMatching = {
  active: false,
  byRow: [],
  numbersAgree: false,
  wholePlan: false,
  unpaired: [],
  repeats: new Map(),
};

/**
 * Pairs every task row with the official task its text is. `force` applies the checks even
 * when most rows are of another plan (the caller named the list).
 */
export function matchOfficialTasks(
  tasks: readonly LedgerTask[],
  list: readonly OfficialTask[],
  options: { readonly force?: boolean } = {},
): OfficialMatching {
  if (list.length === 0) return NO_MATCH;
  const find = officialTextIndex(list);
  const byRow: (OfficialPairing | undefined)[] = new Array<OfficialPairing | undefined>(
    tasks.length ? tasks[tasks.length - 1].row + 1 : 0,
  ).fill(undefined);
  let paired = 0;
  // Pairings are values: rows of one task with the same number agreement share one object.
  const shared = new Map<Omit<OfficialPairing, 'numberAgrees'>, [OfficialPairing?, OfficialPairing?]>();
  const firstRow = new Map<number, number>();
  let withText = 0;
  let agreeing = 0;
  // An indexed loop: a for…of allocates a step object per row until the function is optimized.
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    if (!t.task.trim()) continue;
    withText++;
    const found = find(t.task);
    if (!found) continue;
    const numberAgrees = t.no === found.official.no;
    if (numberAgrees) agreeing++;
    let pair = shared.get(found);
    if (!pair) shared.set(found, (pair = [undefined, undefined]));
    const slot = numberAgrees ? 1 : 0;
    byRow[t.row] = pair[slot] ??= { ...found, numberAgrees };
    paired++;
    if (!firstRow.has(found.official.no)) firstRow.set(found.official.no, t.row);
  }
  const active = options.force === true || (paired > 0 && paired * 2 >= withText);
  if (!active) return NO_MATCH;
  // A few repeats are slips; many mean a sheet that lists tasks once per period, by design.
  const repeatCount = paired - firstRow.size;
  const repeats = new Map<number, number>();
  if (repeatCount > 0 && repeatCount <= Math.max(2, paired * REPEAT_SHARE)) {
    byRow.forEach((p, row) => {
      if (!p) return;
      const first = firstRow.get(p.official.no) as number;
      if (first !== row) repeats.set(row, first);
    });
  }
  return {
    active,
    byRow,
    numbersAgree: paired > 0 && agreeing >= paired * AGREE_SHARE,
    wholePlan: firstRow.size * 2 >= list.length,
    unpaired: list.filter((t) => !firstRow.has(t.no)),
    repeats,
  };
}

/** An official task no row of the table pairs with. */
export interface AbsentTask {
  readonly no: number;
  readonly task: string;
  /** Where its text stands under the table, outside it (B47); null when it is not there. */
  readonly outside: string | null;
}

/**
 * The official tasks a ledger meant to hold whole lacks, each with the cell under the table
 * that holds its text, if one does (a row moved below the table, or pasted there).
 */
export function absentTasks(
  ledger: Ledger,
  matching: OfficialMatching | null,
  list: readonly OfficialTask[],
  place: SheetPlace,
): AbsentTask[] {
  if (!matching?.wholePlan || matching.unpaired.length === 0) return [];
  const find = officialTextIndex(list);
  const found = new Map<number, string>();
  (ledger.below ?? []).forEach((values, i) =>
    values.forEach((value, column) => {
      const text = cellText(value);
      const hit = text.trim() ? find(text) : null;
      if (hit && !found.has(hit.official.no))
        found.set(hit.official.no, cellRef(place, ledger.rows.length + i, column));
    }),
  );
  return matching.unpaired.map((t) => ({ no: t.no, task: t.task, outside: found.get(t.no) ?? null }));
}
