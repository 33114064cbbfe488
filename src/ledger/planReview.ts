// 导入分工表 before anything is written: the source as read (a sheet's cells or pasted text), the
// user's fixes to it row by row, and the reading that follows. A problem row is fixed by editing
// its text or excluding it; an excluded row is blanked, so every other row keeps its number, and
// remembered, so the reading names it as the user's exclusion rather than a blank row.
import {
  importAnnexTable,
  importAnnexText,
  isPastedTable,
  opensAnnexItem,
  parsePastedTable,
  type ImportOptions,
  type PlanImport,
  type SkippedRow,
} from './planImport';

/** A row the user left out: its number, and its text as it stood, to show among the skipped rows. */
export interface ExcludedRow {
  readonly row: number;
  readonly text: string;
}

export type AnnexSource = (
  | {
      readonly kind: 'table';
      readonly rows: readonly (readonly string[])[];
      /** Pasted cells: the line of the pasted text each row starts on (a quoted cell may span lines). */
      readonly lines?: readonly number[];
    }
  | { readonly kind: 'text'; readonly lines: readonly string[] }
) & { readonly excluded?: readonly ExcludedRow[] };

/** Pasted text: cells copied from a table are that table's rows (a quoted cell may span lines); other text is lines. */
export function textSource(text: string): AnnexSource {
  if (isPastedTable(text)) return { kind: 'table', ...parsePastedTable(text) };
  return { kind: 'text', lines: text.replace(/\r\n?/g, '\n').split('\n') };
}

export function readAnnexSource(source: AnnexSource, options: ImportOptions = {}): PlanImport {
  const read =
    source.kind === 'table'
      ? importAnnexTable(source.rows, options)
      : importAnnexText(source.lines.join('\n'), options);
  const excluded = source.excluded ?? [];
  if (excluded.length === 0) return read;
  // The blanked row reads as blank (a table) or not at all (text): it is the user's exclusion.
  const skipped: SkippedRow[] = [
    ...read.skipped.filter((k) => !excluded.some((e) => e.row === k.source)),
    ...excluded.map((e) => ({ source: e.row, text: e.text, reason: 'excluded' as const })),
  ].sort((a, b) => a.source - b.source);
  return { ...read, skipped };
}

/**
 * The number the user finds a row by: the pasted text's line where a pasted table's row starts,
 * else the row's own (a pasted item's first line; a sheet's rows are counted from the used range's first).
 */
export function sourceLineOf(source: AnnexSource, row: number): number {
  return source.kind === 'table' && source.lines ? (source.lines[row - 1] ?? row) : row;
}

/** The 1-based lines a pasted item spans: its own, and the lines that continue it up to the next item or heading. */
function itemLines(lines: readonly string[], row: number): { start: number; end: number } {
  let end = row;
  // A tab-separated line is a table row: one line, one row.
  if (!lines[row - 1]?.includes('\t'))
    while (
      end < lines.length &&
      lines[end].trim() !== '' &&
      !lines[end].includes('\t') &&
      !opensAnnexItem(lines[end])
    )
      end++;
  return { start: row, end };
}

/** A row's text as the user edits it: a table row's cells separated by tabs, a pasted item's lines. */
export function sourceRowText(source: AnnexSource, row: number): string {
  if (source.kind === 'table') return (source.rows[row - 1] ?? []).join('\t');
  const { start, end } = itemLines(source.lines, row);
  return source.lines.slice(start - 1, end).join('\n');
}

/**
 * The source with one row's text replaced. A table row takes the edited cells (tabs between
 * them), padded to the row's width; a pasted item keeps its line count, so later rows keep their numbers.
 */
export function editSourceRow(source: AnnexSource, row: number, text: string): AnnexSource {
  if (source.kind === 'table') {
    const old = source.rows[row - 1] ?? [];
    const cells = text.replace(/\r?\n/g, ' ').split('\t');
    const width = Math.max(old.length, cells.length);
    const edited = Array.from({ length: width }, (_, i) => cells[i] ?? '');
    return { ...source, rows: source.rows.map((r, i) => (i === row - 1 ? edited : r)) };
  }
  const { start, end } = itemLines(source.lines, row);
  const span = end - start + 1;
  const given = text.replace(/\r\n?/g, '\n').split('\n');
  // Extra lines join the last one; missing lines are blank.
  const fitted = Array.from({ length: span }, (_, i) =>
    i < span - 1 ? (given[i] ?? '') : given.slice(span - 1).join(''),
  );
  return {
    ...source,
    lines: [...source.lines.slice(0, start - 1), ...fitted, ...source.lines.slice(end)],
  };
}

/** The source without one row: blanked, so the rows after it keep their numbers, and remembered as excluded. */
export function excludeSourceRow(source: AnnexSource, row: number): AnnexSource {
  const text = sourceRowText(source, row)
    .replace(/[\t\n]+/gu, ' ')
    .trim();
  const excluded = [...(source.excluded ?? []), { row, text }];
  if (source.kind === 'table')
    return { ...source, excluded, rows: source.rows.map((r, i) => (i === row - 1 ? r.map(() => '') : r)) };
  const { start, end } = itemLines(source.lines, row);
  return {
    ...source,
    excluded,
    lines: source.lines.map((l, i) => (i + 1 >= start && i + 1 <= end ? '' : l)),
  };
}
