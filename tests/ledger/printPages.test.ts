// The wide working sheets (ledger, 指标) print in page-wide groups of columns with the 序号
// repeated, never shrunk below 9 pt onto one page (issue 24: the ledger printed at about 3 pt).
import {
  INDICATOR_SPEC,
  LEDGER_COLUMNS,
  MIN_PRINTED_PT,
  PAGE_CHARACTERS,
  printedPt,
  printPages,
} from '../../src/ledger';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The widths each page prints, the title columns included. */
function pageWidths(widths: readonly number[], breaks: readonly number[], titles: number): number[] {
  const starts = [0, ...breaks];
  return starts.map((from, i) => {
    const to = i + 1 < starts.length ? starts[i + 1] : widths.length;
    const repeated = i === 0 ? 0 : sum(widths.slice(0, titles));
    return repeated + sum(widths.slice(from, to));
  });
}

describe('printPages', () => {
  it('keeps a table that fits one page on one page, at no more than 100%', () => {
    expect(printPages([4, 20, 10])).toEqual({ scale: 100, breaks: [], titleColumns: 1, widest: 34 });
    const full = printPages([4, 30, 36]);
    expect(full.breaks).toEqual([]);
    expect(full.scale).toBe(87);
  });

  it('starts a page where the next column would pass the page, the 序号 repeated on it', () => {
    const widths = [4, 20, 12, 6, 6, 8, 16, 12, 12, 7, 5, 7];
    const pages = printPages(widths);
    expect(pages.breaks).toEqual([6]);
    expect(pageWidths(widths, pages.breaks, 1)).toEqual([56, 63]);
    expect(pages.widest).toBe(63);
    expect(pages.scale).toBe(96);
  });

  it('gives a column wider than a page a page of its own and the zoom it needs', () => {
    const pages = printPages([4, 10, 90, 10]);
    expect(pages.breaks).toEqual([2, 3]);
    expect(pages.widest).toBe(94);
    expect(pages.scale).toBe(64);
  });

  it('never breaks before the first data column, however wide the titles', () => {
    expect(printPages([80, 10]).breaks).toEqual([]);
  });

  it('holds for any widths: every page within PAGE_CHARACTERS unless one column alone is wider, type ≥ 9 pt then', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647);
    for (let run = 0; run < 500; run++) {
      const widths = Array.from({ length: 1 + (next() % 20) }, () => 2 + (next() % 40));
      const pages = printPages(widths);
      const printed = pageWidths(widths, pages.breaks, 1);
      expect(Math.max(...printed)).toBe(pages.widest);
      expect(sum(printed) - sum(widths)).toBe(pages.breaks.length * widths[0]);
      expect(pages.breaks).toEqual([...pages.breaks].sort((a, b) => a - b));
      // A page passes the limit only when it holds one column besides the 序号, too wide alone.
      const starts = [1, ...pages.breaks];
      printed.forEach((width, i) => {
        const columns = (pages.breaks[i] ?? widths.length) - starts[i];
        if (columns > 1) expect(width).toBeLessThanOrEqual(PAGE_CHARACTERS);
      });
      if (pages.widest <= PAGE_CHARACTERS) expect(printedPt(pages)).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    }
  });

  it('prints the ledger and the 指标 sheet the add-in makes at 9 pt or more', () => {
    const ledger = printPages(LEDGER_COLUMNS.map((c) => c.width));
    expect(printedPt(ledger)).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    const indicators = printPages(INDICATOR_SPEC.columns.map((c) => c.width));
    expect(indicators.breaks).toEqual([]);
    expect(printedPt(indicators)).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
  });
});
