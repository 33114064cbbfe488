// Parses 责任单位 text. 、 separates units, ， separates groups (departments, then
// governments, then schools). By the convention of such tables the first unit leads (牵头)
// unless a unit carries an explicit marker such as 市教育局（牵头）.
import { indexFor, type UnitDirectory, type UnitIndex, type UnitKind } from './units';
import { toHalfWidth } from './text';

export type UnitRole = 'lead' | 'partner';

export interface ParsedUnit {
  /** Canonical directory name, or the cleaned text when the unit is unknown. */
  readonly name: string;
  /** What was written for this unit, markers and spaces included. */
  readonly raw: string;
  readonly role: UnitRole;
  /** 1-based index of the ，-separated group. */
  readonly group: number;
  readonly known: boolean;
  readonly kind?: UnitKind;
  /** For unknown units: the closest known names. */
  readonly suggestions: readonly string[];
}

const LEAD_MARKER = /[（(【[]\s*牵头(单位)?\s*[）)】\]]$|牵头$/u;
const PARTNER_MARKER = /[（(【[]\s*(配合|协办|参与)(单位)?\s*[）)】\]]$/u;

interface Piece {
  /** The writer's characters for this unit. */
  raw: string;
  /** Half-width, no spaces, markers and a trailing 等 removed, brackets full-width. */
  text: string;
  group: number;
  marker: UnitRole | null;
}

function cleanPiece(raw: string, group: number): Piece | null {
  let text = toHalfWidth(raw).replace(/\s+/gu, '');
  let marker: UnitRole | null = null;
  if (LEAD_MARKER.test(text)) {
    marker = 'lead';
    text = text.replace(LEAD_MARKER, '');
  } else if (PARTNER_MARKER.test(text)) {
    marker = 'partner';
    text = text.replace(PARTNER_MARKER, '');
  }
  text = text.replace(/等$/u, '').replace(/\(/g, '（').replace(/\)/g, '）');
  return text ? { raw: raw.trim(), text, group, marker } : null;
}

/** Splits on 、 / and commas; toHalfWidth maps code point to code point, so indexes align. */
function splitPieces(text: string, index: UnitIndex): Piece[] {
  const original = Array.from(text);
  const normalized = Array.from(toHalfWidth(text));
  const pieces: Piece[] = [];
  let start = 0;
  let group = 1;
  const flush = (end: number) => {
    const raw = original.slice(start, end).join('');
    const whole = cleanPiece(raw, group);
    if (!whole) return;
    // 市教育局 市财政局: a space between two known names separates them.
    const words = raw.trim().split(/\s+/u);
    if (words.length > 1 && !index.resolve(whole.text)) {
      const parts = words.map((w) => cleanPiece(w, group));
      if (parts.every((p) => p && index.resolve(p.text))) {
        pieces.push(...(parts as Piece[]));
        return;
      }
    }
    pieces.push(whole);
  };
  // 各县（市、区）人民政府 is one unit: a separator inside brackets separates nothing.
  let depth = 0;
  normalized.forEach((ch, i) => {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (depth === 0 && (ch === ',' || ch === ';' || ch === '、' || ch === '/')) {
      flush(i);
      start = i + 1;
      if (ch === ',' || ch === ';') group++;
    }
  });
  flush(normalized.length);
  return pieces;
}

export function parseResponsibleUnits(text: unknown, directory?: UnitDirectory): ParsedUnit[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const index = indexFor(directory);
  const pieces = splitPieces(text, index);
  // Group numbers count groups that hold units, so a leading or doubled ， does not shift them.
  const groupNumbers = new Map<number, number>();
  for (const p of pieces) if (!groupNumbers.has(p.group)) groupNumbers.set(p.group, groupNumbers.size + 1);
  // Every unit marked （牵头） leads (a plan may name two); with no marker the first one does.
  const marked = pieces.some((p) => p.marker === 'lead');
  return pieces.map((piece, i) => {
    const hit = index.resolve(piece.text);
    return {
      name: hit?.name ?? piece.text,
      raw: piece.raw,
      role: (marked ? piece.marker === 'lead' : i === 0) ? 'lead' : 'partner',
      group: groupNumbers.get(piece.group) ?? 1,
      known: hit !== undefined,
      kind: hit?.kind,
      suggestions: hit ? [] : index.suggest(piece.text),
    };
  });
}

/** The lead unit's canonical name, or '' when the text names none. */
export function leadUnit(text: unknown, directory?: UnitDirectory): string {
  return parseResponsibleUnits(text, directory).find((u) => u.role === 'lead')?.name ?? '';
}

/**
 * Every lead unit, joined with 、: what the 滞后逾期 list, the leaders' mail and the 通报 show as
 * 牵头单位, so a task two units lead together names both.
 */
export function leadNames(units: readonly ParsedUnit[]): string {
  return units
    .filter((u) => u.role === 'lead')
    .map((u) => u.name)
    .join('、');
}

export interface UnitsDifference {
  /** Units the expected text names and the other does not, as the expected text writes them. */
  readonly missing: readonly string[];
  /** Units the other text names and the expected one does not, as written there. */
  readonly extra: readonly string[];
  /** The same unit written another way (an alias, a short form): as written, and as expected. */
  readonly respelled: readonly { readonly actual: string; readonly expected: string }[];
}

/**
 * Two 责任单位 texts compared unit by unit (split at 、，；), a unit known by any of its names:
 * so a message can name whole units, never a cut at a shared prefix.
 */
export function diffUnits(expected: readonly ParsedUnit[], actual: readonly ParsedUnit[]): UnitsDifference {
  const written = (u: ParsedUnit) => toHalfWidth(u.raw).replace(/\s+/gu, '');
  const actualByName = new Map(actual.map((u) => [u.name, u]));
  const expectedNames = new Set(expected.map((u) => u.name));
  const respelled: { actual: string; expected: string }[] = [];
  for (const u of expected) {
    const other = actualByName.get(u.name);
    if (other && written(other) !== written(u)) respelled.push({ actual: other.raw, expected: u.raw });
  }
  return {
    missing: expected.filter((u) => !actualByName.has(u.name)).map((u) => u.raw),
    extra: actual.filter((u) => !expectedNames.has(u.name)).map((u) => u.raw),
    respelled,
  };
}
