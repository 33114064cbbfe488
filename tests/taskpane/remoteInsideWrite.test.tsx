/**
 * @jest-environment jsdom
 */
// Issue 23, the stricter simulator: the host may report the pane's own writes Remote and in
// bursts of rows (excel-sim's quirks). A co-author's edit landing inside the block the pane has
// just written must still be read; the pane's own echoes in bursts must not cost a whole read.
import { cleanup, configure, fireEvent, screen } from '@testing-library/react';
import type { Host } from '../../src/taskpane/host';
import { ExcelSim } from '../../src/excel-sim';
import { paneClock, TestPane } from './paneHarness';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000, defaultHidden: true });

paneClock();

/**
 * 新建任务台账 on a host with the quirks given, a co-author setting task 1 to 已完成, 100% just after the
 * request that wrote the ledger's cells (before the pane has judged its events).
 */
async function createMeetingCoAuthor(quirks: Partial<ExcelSim['state']['quirks']>) {
  const sim = new ExcelSim();
  Object.assign(sim.state.quirks, quirks);
  let coAuthored = false;
  const run: Host['run'] = async (batch) => {
    const result = await sim.runExcel(batch);
    if (!coAuthored && sim.state.tables.some((t) => t.name === 'TaskLedger')) {
      coAuthored = true;
      // Two cells (a paste): Excel gives no value to compare, only the address.
      sim.remoteEdit('任务台账', 'D4:E4', [['已完成', 100]]);
    }
    return result;
  };
  const pane = TestPane.open(sim, undefined, { run });
  fireEvent.click(await screen.findByRole('button', { name: '新建任务台账' }));
  await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
  await pane.settle();
  expect(coAuthored).toBe(true);
  fireEvent.click(screen.getByRole('tab', { name: '筛选' }));
  fireEvent.click(await screen.findByLabelText('市教育局'));
  return pane;
}

describe('a co-author’s edit inside a block the pane has just written', () => {
  it.each([
    ['one event per command, Local', { apiEventSource: 'Local' as const, apiEventRows: null }],
    ['bursts of 5 rows, Local', { apiEventSource: 'Local' as const, apiEventRows: 5 }],
    ['bursts of 5 rows, reported Remote', { apiEventSource: 'Remote' as const, apiEventRows: 5 }],
  ])('is read and shown (%s)', async (_, quirks) => {
    const pane = await createMeetingCoAuthor(quirks);
    expect((await screen.findByLabelText('第1项的状态')).textContent).toContain('已完成');
    expect(pane.cell(1, '状态')).toBe('已完成');
    expect(pane.cell(1, '进度(%)')).toBe(100);
  });

  it('costs no whole read when the pane’s own write comes back in bursts, and no more than one when Remote', async () => {
    const replied = async (quirks: Partial<ExcelSim['state']['quirks']>) => {
      const sim = new ExcelSim();
      Object.assign(sim.state.quirks, quirks);
      const pane = TestPane.open(sim);
      fireEvent.click(await screen.findByRole('button', { name: '新建任务台账' }));
      await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
      const from = sim.batches.length;
      await pane.settle();
      await pane.settle();
      const bytes = sim.batches.slice(from).reduce((sum, b) => sum + b.responseBytes, 0);
      cleanup();
      return bytes;
    };
    // Each part of a burst is taken as the echo of the cells it names.
    expect(await replied({ apiEventRows: 5 })).toBeLessThan(2_000);
    // Reported Remote, the echoes cannot be told from a co-author's edits: read again, once.
    const remote = await replied({ apiEventSource: 'Remote', apiEventRows: 5 });
    expect(remote).toBeGreaterThan(2_000);
    expect(remote).toBeLessThan(60_000);
  });
});
