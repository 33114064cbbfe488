// Which ledger rows a change event names (issue 23, item 2): a few rows inside the body are
// read again on their own; anything else (the header, outside the body, many rows) is a whole read.
import { changedBodyRows } from '../../src/ledger';

// The ledger the add-in makes: header on sheet row 3 (0-based 2), columns A:L, 40 tasks.
const frame = { headerRow: 2, firstColumn: 0, columnCount: 12, rowCount: 40 };

describe('changedBodyRows', () => {
  it('names the body rows of cells and blocks inside the table, once each, in order', () => {
    expect(changedBodyRows(frame, ['D4'], 50)).toEqual([0]);
    expect(changedBodyRows(frame, ['D27', 'B5:D7', 'G6'], 50)).toEqual([1, 2, 3, 23]);
    expect(changedBodyRows(frame, ['A43:L43'], 50)).toEqual([39]);
    expect(changedBodyRows(frame, ['任务台账!$D$10'], 50)).toEqual([6]);
  });

  it('asks for a whole read when a change touches the header, lies outside the body or names many rows', () => {
    expect(changedBodyRows(frame, ['D3'], 50)).toBeNull();
    expect(changedBodyRows(frame, ['D44'], 50)).toBeNull();
    expect(changedBodyRows(frame, ['M10'], 50)).toBeNull();
    expect(changedBodyRows(frame, ['A4:L43'], 50)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(changedBodyRows(frame, ['A4:L43'], 39)).toBeNull();
    expect(changedBodyRows(frame, ['D4', 'nonsense'], 50)).toBeNull();
    expect(changedBodyRows({ ...frame, firstColumn: 1 }, ['A10'], 50)).toBeNull();
  });
});
