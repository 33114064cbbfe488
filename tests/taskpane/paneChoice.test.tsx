/**
 * @jest-environment jsdom
 */
// The pane leaves the ledger it shows for the ribbon's commands, follows it to another plan, and
// takes it back when it goes (unmounted, or its page hidden for good).
import { renderHook } from '@testing-library/react';
import { recallPaneLedger, recordPaneLedger } from '../../src/excel';
import { usePaneChoice } from '../../src/taskpane/usePaneChoice';

Object.assign(globalThis, {
  Office: { context: { document: { url: 'https://contoso.sharepoint.com/督办/两个方案.xlsx' } } },
});

beforeEach(() => localStorage.clear());

describe('usePaneChoice', () => {
  it('records the ledger shown, follows a move, and forgets it when the pane unmounts', () => {
    const { rerender, unmount } = renderHook(({ table }) => usePaneChoice(table), {
      initialProps: { table: 'LedgerTasks' as string | undefined },
    });
    expect(recallPaneLedger()).toBe('LedgerTasks');
    rerender({ table: '台账_稳经济' });
    expect(recallPaneLedger()).toBe('台账_稳经济');
    rerender({ table: undefined });
    expect(recallPaneLedger()).toBeUndefined();
    rerender({ table: '台账_稳经济' });
    unmount();
    expect(recallPaneLedger()).toBeUndefined();
  });

  it('forgets it when the pane’s page is hidden for good', () => {
    renderHook(() => usePaneChoice('台账_稳经济'));
    expect(recallPaneLedger()).toBe('台账_稳经济');
    window.dispatchEvent(new Event('pagehide'));
    expect(recallPaneLedger()).toBeUndefined();
  });
});

// Docs review of issue 23 (R5): every unsaved workbook has a null URL, so they would share one key;
// and a pane that ends without pagehide leaves its record behind.
describe('the pane’s record for the ribbon', () => {
  const office = (url: string | null) =>
    Object.assign(globalThis, { Office: { context: { document: { url } } } });
  afterEach(() => {
    office('https://contoso.sharepoint.com/督办/两个方案.xlsx');
    jest.useRealTimers();
  });

  it('writes and reads nothing for a workbook without a URL (never saved)', () => {
    office(null);
    recordPaneLedger('台账_稳经济');
    expect(localStorage.length).toBe(0);
    // Another unsaved workbook's record, as an older version keyed it, is not read either.
    localStorage.setItem('任务台账.paneLedger::', `${Date.now()}|台账_稳经济`);
    expect(recallPaneLedger()).toBeUndefined();
  });

  it('ignores a record older than two hours, and one without a time (an older version’s)', () => {
    const t = Date.UTC(2026, 11, 3, 9);
    recordPaneLedger('台账_稳经济', t);
    expect(recallPaneLedger(t + 2 * 60 * 60 * 1000)).toBe('台账_稳经济');
    expect(recallPaneLedger(t + 2 * 60 * 60 * 1000 + 1)).toBeUndefined();
    const [key] = Object.keys(localStorage);
    localStorage.setItem(key, '台账_稳经济');
    expect(recallPaneLedger(t)).toBeUndefined();
  });

  it('keeps an open pane’s record fresh however long it stays open', () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 11, 3, 9) });
    renderHook(() => usePaneChoice('台账_稳经济'));
    jest.advanceTimersByTime(5 * 60 * 60 * 1000);
    expect(recallPaneLedger()).toBe('台账_稳经济');
  });
});
