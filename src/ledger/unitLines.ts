// A note cell several units write in holds one 【单位】… line per unit, after the office's own
// (untagged) text. A re-issued form carries every unit's line, so a returned cell is read line by
// line: the unit's own line and its new untagged words are its words; other units' lines are
// theirs and never taken from it.

export interface TaggedLine {
  /** The unit the line's leading 【…】 names; '' for the office's untagged text. */
  readonly unit: string;
  /** The words after the tag (a tag repeated at the start, as 【甲】【甲】…, counted once). */
  readonly words: string;
  /** The line as written. */
  readonly text: string;
}

const TAG = /^【([^】]+)】/u;

/** The cell's non-blank lines, each with the unit that wrote it. */
export function taggedLines(text: string): TaggedLine[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const tag = TAG.exec(line);
      if (!tag) return { unit: '', words: line, text: line };
      const unit = tag[1].trim();
      let words = line;
      while (words.startsWith(`【${unit}】`)) words = words.slice(unit.length + 2).trim();
      return { unit, words, text: line };
    });
}

/**
 * The cell with `line` as the unit's own line: in place of its first line (its other lines, if
 * any, go, so no unit has two), or after the last line when it has none.
 */
export function placeUnitLine(text: string, unit: string, line: string): string {
  const lines = taggedLines(text);
  const at = lines.findIndex((l) => l.unit === unit);
  if (at < 0) return [...lines.map((l) => l.text), line].join('\n');
  return lines.flatMap((l, i) => (i === at ? [line] : l.unit === unit ? [] : [l.text])).join('\n');
}

export interface ReturnedWords {
  /** The unit's words for its own line ('' when it changed none of its own). */
  readonly words: string;
  /** Other units whose lines the return changed or removed: named, never applied. */
  readonly others: readonly string[];
  /** The return emptied the unit's own line and wrote nothing new. */
  readonly cleared: boolean;
}

/**
 * What one unit wrote in a note cell, against the text its form went out with. Its own line
 * changed: that line's words (and any new untagged words after them). Otherwise its new untagged
 * words: the office's text the form carried is not its words, nor is text added around it.
 */
export function returnedWords(
  issued: string,
  returned: string,
  unit: string,
  fresh: (issuedOffice: string, returnedOffice: string) => string,
): ReturnedWords {
  const before = taggedLines(issued);
  const after = taggedLines(returned);
  const of = (lines: readonly TaggedLine[], who: string) =>
    lines
      .filter((l) => l.unit === who)
      .map((l) => l.words)
      .join('\n');
  const others = [...new Set([...before, ...after].map((l) => l.unit))].filter(
    (who) => who !== '' && who !== unit && of(before, who) !== of(after, who),
  );
  const own = of(after, unit);
  const added = fresh(of(before, ''), of(after, ''));
  const ownChanged = own !== of(before, unit);
  const words = (ownChanged ? [own, added] : [added]).filter(Boolean).join('\n').split('\n').join('；');
  return { words, others, cleared: ownChanged && !own && !added };
}
