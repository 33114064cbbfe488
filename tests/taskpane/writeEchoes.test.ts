// The pane's own writes come back as change events; only those are let pass without a re-read.
import { changeSource, type WorkbookChange } from '../../src/excel';
import { ECHO_WINDOW_MS, WriteEchoes } from '../../src/taskpane/writeEchoes';

const edit = (address: string, worksheetId = 'ledger-sheet', tableId = 'ledger'): WorkbookChange => ({
  kind: 'table',
  tableId,
  worksheetId,
  address,
});

describe('WriteEchoes', () => {
  it('takes a change inside the cells a write wrote, on that sheet, within the window, as its echo', () => {
    const echoes = new WriteEchoes();
    echoes.expect(
      { written: [{ worksheetId: 'ledger-sheet', address: 'D27' }], selectionMoved: false },
      1000,
    );
    expect(echoes.isEcho(edit('D27'), 1000)).toBe(true);
    expect(echoes.isEcho(edit('D27'), 1000 + ECHO_WINDOW_MS)).toBe(true);
    expect(echoes.isEcho(edit('D27'), 1001 + ECHO_WINDOW_MS)).toBe(false);
    expect(echoes.isEcho(edit('D28'), 1000)).toBe(false);
    expect(echoes.isEcho(edit('D27:D28'), 1000)).toBe(false);
    expect(echoes.isEcho(edit('D27', 'other-sheet'), 1000)).toBe(false);
    expect(echoes.isEcho({ kind: 'selection' }, 1000)).toBe(false);
  });

  it('accepts Excel reporting several writes on one sheet as one block around them', () => {
    const echoes = new WriteEchoes();
    echoes.expect(
      {
        written: [
          { worksheetId: 'ledger-sheet', address: 'D6' },
          { worksheetId: 'ledger-sheet', address: 'B7' },
        ],
        selectionMoved: false,
      },
      0,
    );
    expect(echoes.isEcho(edit('B6:D7'), 10)).toBe(true);
    expect(echoes.isEcho(edit('B6:E7'), 10)).toBe(false);
  });

  it('takes any change on a sheet the write made, and a selection change after a write that moved it', () => {
    const echoes = new WriteEchoes();
    echoes.expect({ written: [{ worksheetId: 'new-sheet' }], selectionMoved: true }, 0);
    expect(echoes.isEcho(edit('A1:K43', 'new-sheet', 'new-table'), 5)).toBe(true);
    expect(echoes.isEcho({ kind: 'selection' }, 5)).toBe(true);
    expect(echoes.isEcho({ kind: 'selection' }, ECHO_WINDOW_MS + 1)).toBe(false);
    expect(echoes.isEcho(edit('A1', 'ledger-sheet'), 5)).toBe(false);
  });
});

describe('changeSource', () => {
  it('re-reads the ledger alone for its own table, everything for any other, the ledger for a selection', () => {
    expect(changeSource(edit('D5'), 'ledger')).toBe('ledger');
    expect(changeSource(edit('B2', 'dir-sheet', 'directory'), 'ledger')).toBe('reference');
    expect(changeSource(edit('D5'), null)).toBe('reference');
    expect(changeSource({ kind: 'selection' }, 'ledger')).toBe('selection');
  });
});
