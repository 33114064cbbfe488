// The pane's own writes come back as change events; an event is let pass without a re-read only
// when it is proved the pane's own: its cells written and not yet heard of, its value the one
// written where Excel gives it, from this machine.
import type { WorkbookChange } from '../../src/excel';
import { WriteEchoes } from '../../src/taskpane/writeEchoes';

const edit = (
  address: string,
  more: Partial<Extract<WorkbookChange, { kind: 'table' }>> = {},
): WorkbookChange => ({
  kind: 'table',
  tableId: 'ledger',
  worksheetId: 'ledger-sheet',
  address,
  source: 'Local',
  ...more,
});

const wrote = (echoes: WriteEchoes, ...areas: [string, unknown?][]) =>
  echoes.expect({
    written: areas.map(([address, value]) => ({
      worksheetId: 'ledger-sheet',
      address,
      ...(value === undefined ? {} : { values: [[value as string]] }),
    })),
    selectionMoves: 0,
  });

describe('WriteEchoes', () => {
  it('takes one event over each written cell as its echo; a second event over the same cell is news', () => {
    const echoes = new WriteEchoes();
    wrote(echoes, ['D27']);
    expect(echoes.take(edit('D27'))).toBe(true);
    // The user typed into the cell the pane had just written: Excel reports it again.
    expect(echoes.take(edit('D27'))).toBe(false);
  });

  it('is news when any cell of the event was not written, on another sheet, or from a co-author', () => {
    const echoes = new WriteEchoes();
    wrote(echoes, ['D27'], ['D28']);
    expect(echoes.take(edit('D27:D29'))).toBe(false);
    expect(echoes.take(edit('D27', { worksheetId: 'other-sheet' }))).toBe(false);
    expect(echoes.take(edit('D27', { source: 'Remote' }))).toBe(false);
    // None of those used up the expected cells.
    expect(echoes.take(edit('D27:D28'))).toBe(true);
  });

  it('compares the one cell’s new value, where Excel gives it, with what the pane wrote', () => {
    const echoes = new WriteEchoes();
    wrote(echoes, ['D5', '滞后'], ['E5', 30]);
    expect(echoes.take(edit('D5', { valueAfter: '已完成' }))).toBe(false);
    expect(echoes.take(edit('D5', { valueAfter: '滞后' }))).toBe(true);
    expect(echoes.take(edit('E5', { valueAfter: 30 }))).toBe(true);
  });

  it('takes a format command’s event, which still shows the old value, and then the value’s', () => {
    const echoes = new WriteEchoes();
    // The text format first (no value known), then the value.
    wrote(echoes, ['G5'], ['G5', '=x']);
    expect(echoes.take(edit('G5', { valueAfter: 'x' }))).toBe(true);
    expect(echoes.take(edit('G5', { valueAfter: '=x' }))).toBe(true);
    expect(echoes.take(edit('G5', { valueAfter: '=x' }))).toBe(false);
  });

  it('counts two commands over one block as two events (a table made over values written)', () => {
    const echoes = new WriteEchoes();
    wrote(echoes, ['A3:K43'], ['A3:K43']);
    expect(echoes.take(edit('A3:K43'))).toBe(true);
    expect(echoes.take(edit('A4:K43'))).toBe(true);
    expect(echoes.take(edit('F6'))).toBe(false);
  });

  it('takes a block’s echo reported in bursts of rows, and still hears a co-author or the user inside it (issue 23)', () => {
    const echoes = new WriteEchoes();
    wrote(echoes, ['A3:K43']);
    // A co-author's paste inside the block, before the echo: Remote, so news, whatever it names.
    expect(echoes.take(edit('D5:E5', { source: 'Remote' }))).toBe(false);
    for (let row = 3; row <= 43; row += 5)
      expect(echoes.take(edit(`A${row}:K${Math.min(row + 4, 43)}`))).toBe(true);
    // The user's paste over cells whose echo has come: news.
    expect(echoes.take(edit('D5:E5'))).toBe(false);
    // The pane's echo reported Remote (a host may): news too, costing a read, never hiding an edit.
    wrote(echoes, ['D6:E6']);
    expect(echoes.take(edit('D6:E6', { source: 'Remote' }))).toBe(false);
  });

  it('counts the selection moves and tables added a write made; forgets what is left when judged', () => {
    const echoes = new WriteEchoes();
    echoes.expect({
      written: [{ worksheetId: 'ledger-sheet', address: 'A1' }],
      selectionMoves: 2,
      tablesAdded: 1,
    });
    expect(echoes.take({ kind: 'selection' })).toBe(true);
    expect(echoes.take({ kind: 'tableAdded' })).toBe(true);
    expect(echoes.take({ kind: 'tableAdded' })).toBe(false);
    echoes.forget();
    expect(echoes.take({ kind: 'selection' })).toBe(false);
    expect(echoes.take(edit('A1'))).toBe(false);
    expect(echoes.take({ kind: 'sheetDeleted', worksheetId: 'ledger-sheet' })).toBe(false);
  });
});
