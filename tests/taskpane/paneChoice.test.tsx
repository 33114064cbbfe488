/**
 * @jest-environment jsdom
 */
// The pane leaves the ledger it shows for the ribbon's commands, follows it to another plan, and
// takes it back when it goes (unmounted, or its page hidden for good).
import { renderHook } from '@testing-library/react';
import { recallPaneLedger } from '../../src/excel';
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
