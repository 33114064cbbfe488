// How a wide working table (the ledger, 指标) goes onto A4 landscape pages with its type still
// readable: its columns are split into page-wide groups, the row's 序号 repeated at the left of
// each, instead of the whole width shrunk onto one page (which printed the ledger at about 3 pt).

/** Chinese characters of column width that fill an A4 landscape page at 100% (11 pt type). */
export const LANDSCAPE_CHARACTERS = 61;

/** The smallest type the printed sheets may use, and the type their cells are set in (pt). */
export const MIN_PRINTED_PT = 9;
export const BODY_PT = 11;

/**
 * Characters a landscape page may hold: at this width the page is scaled to keep 11 pt type at
 * 9.5 pt, a half point above the floor so that Excel's and LibreOffice's rounding stay above it.
 */
export const PAGE_CHARACTERS = Math.floor((LANDSCAPE_CHARACTERS * BODY_PT) / (MIN_PRINTED_PT + 0.5));

export interface PrintPages {
  /** Print zoom in percent (Excel's PageLayoutZoomOptions.scale, 10–400). */
  readonly scale: number;
  /** 0-based column indexes (within the table) that begin a new page: vertical page breaks. */
  readonly breaks: readonly number[];
  /** How many leading columns are repeated at the left of every page (the 序号). */
  readonly titleColumns: number;
  /** The widest page, in characters, titles included. */
  readonly widest: number;
}

/**
 * Groups the columns into pages at most PAGE_CHARACTERS wide (the title columns repeated on
 * each), then zooms as far as the widest page allows, never past 100%. A column wider than a
 * page on its own gets a page of its own and the zoom it needs.
 */
export function printPages(widths: readonly number[], titleColumns = 1): PrintPages {
  const titles = widths.slice(0, titleColumns).reduce((a, b) => a + b, 0);
  const breaks: number[] = [];
  let page = 0;
  let widest = 0;
  widths.forEach((width, column) => {
    const start = column === 0 ? 0 : page;
    if (column > titleColumns && start + width > PAGE_CHARACTERS && start > titles) {
      breaks.push(column);
      widest = Math.max(widest, page);
      page = titles + width;
    } else {
      page = start + width;
    }
  });
  widest = Math.max(widest, page);
  const scale = Math.max(10, Math.min(100, Math.floor((LANDSCAPE_CHARACTERS / Math.max(widest, 1)) * 100)));
  return { scale, breaks, titleColumns, widest };
}

/** The smallest type (pt) a page of the plan prints, for the tests and the README's figures. */
export const printedPt = (pages: Pick<PrintPages, 'scale'>) => (BODY_PT * pages.scale) / 100;
