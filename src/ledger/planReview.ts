// 导入分工表 before anything is written: the source as read (a sheet's cells or pasted text), the
// user's fixes to it row by row, and the reading that follows. A problem row is fixed by editing
// its text or excluding it; an excluded row is blanked, so every other row keeps its number.
import {
  importAnnexTable,
  importAnnexText,
  isPastedTable,
  opensAnnexItem,
  parsePastedCells,
  type ImportOptions,
  type PlanImport,
} from './planImport';

export type AnnexSource =
  | { readonly kind: 'table'; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'text'; readonly lines: readonly string[] };

/** Pasted text: cells copied from a table are that table's rows (a quoted cell may span lines); other text is lines. */
export function textSource(text: string): AnnexSource {
  if (isPastedTable(text)) return { kind: 'table', rows: parsePastedCells(text) };
  return { kind: 'text', lines: text.replace(/\r\n?/g, '\n').split('\n') };
}

export function readAnnexSource(source: AnnexSource, options: ImportOptions = {}): PlanImport {
  return source.kind === 'table'
    ? importAnnexTable(source.rows, options)
    : importAnnexText(source.lines.join('\n'), options);
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
    return { kind: 'table', rows: source.rows.map((r, i) => (i === row - 1 ? edited : r)) };
  }
  const { start, end } = itemLines(source.lines, row);
  const span = end - start + 1;
  const given = text.replace(/\r\n?/g, '\n').split('\n');
  // Extra lines join the last one; missing lines are blank.
  const fitted = Array.from({ length: span }, (_, i) =>
    i < span - 1 ? (given[i] ?? '') : given.slice(span - 1).join(''),
  );
  return {
    kind: 'text',
    lines: [...source.lines.slice(0, start - 1), ...fitted, ...source.lines.slice(end)],
  };
}

/** The source without one row: blanked, so it is skipped as blank and the rows after it keep their numbers. */
export function excludeSourceRow(source: AnnexSource, row: number): AnnexSource {
  if (source.kind === 'table')
    return { kind: 'table', rows: source.rows.map((r, i) => (i === row - 1 ? r.map(() => '') : r)) };
  const { start, end } = itemLines(source.lines, row);
  return { kind: 'text', lines: source.lines.map((l, i) => (i + 1 >= start && i + 1 <= end ? '' : l)) };
}
