/**
 * @jest-environment jsdom
 */
// Issue 23, item 2: an edit in a few ledger rows re-reads those rows, not the whole ledger (a
// 3.2 MB reply at 10,000 rows on the web); an edit the rows cannot explain (a row inserted, the
// header renamed, many rows sorted) reads everything, and the view is right either way.
import { act, configure, fireEvent, screen } from '@testing-library/react';
import { LEDGER_COLUMNS } from '../../src/ledger';
import { ExcelSim } from '../../src/excel-sim';
import { paneClock, TestPane } from './paneHarness';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000, defaultHidden: true });

paneClock();

/** The bytes Excel sent back for what the pane did after `from` (its re-reads). */
const repliedSince = (pane: TestPane, from: number) =>
  pane.sim.batches.slice(from).reduce((sum, b) => sum + b.responseBytes, 0);

const LAGGING = /状态为“滞后”，请在“存在问题”中说明原因/;

describe('re-reading after an edit', () => {
  it('reads only the edited rows again, and the findings follow the sheet', async () => {
    const pane = await TestPane.withLedger();
    fireEvent.click(screen.getByRole('tab', { name: '校验' }));
    await pane.settle();
    expect(screen.queryAllByText(LAGGING)).toHaveLength(0);

    // A whole read, for scale: the pane shown again reads everything.
    let from = pane.sim.batches.length;
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await pane.settle();
    const whole = repliedSince(pane, from);

    from = pane.sim.batches.length;
    await pane.userDoes(() => pane.typeInto(5, '状态', '滞后'));
    await screen.findByText(LAGGING);
    const rows = repliedSince(pane, from);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(whole / 4);

    // Two rows in one pause: both read, in one request.
    from = pane.sim.batches.length;
    await pane.userDoes(() => {
      pane.typeInto(5, '存在问题', '资金未到位');
      pane.typeInto(9, '状态', '滞后');
    });
    expect(pane.sim.batches.length - from).toBe(1);
    expect(await screen.findAllByText(LAGGING)).toHaveLength(1);
    expect(screen.getByText(/第9项：状态为“滞后”/)).toBeTruthy();
  });

  it('reads everything when a row is inserted or the header renamed', async () => {
    const pane = await TestPane.withLedger();
    fireEvent.click(screen.getByRole('tab', { name: '校验' }));
    await pane.settle();
    // A row inserted into the table by another add-in: the rows below moved, the table grew.
    let from = pane.sim.batches.length;
    await pane.userDoes(() =>
      pane.sim.run(async (c) => {
        c.workbook.tables
          .getItem('TaskLedger')
          .rows.add(2, [['', '新增任务', '市教育局', '滞后', ...LEDGER_COLUMNS.slice(4).map(() => '')]]);
        await c.sync();
      }),
    );
    await screen.findByText(/第6行：状态为“滞后”/);
    // The whole ledger was read (about 25 KB at 40 tasks; one row is under 2 KB).
    expect(repliedSince(pane, from)).toBeGreaterThan(20_000);
    from = pane.sim.batches.length;
    await pane.userDoes(() =>
      pane.sim.run(async (c) => {
        c.workbook.worksheets.getItem('任务台账').getRange('H3').values = [['问题']];
        await c.sync();
      }),
    );
    expect(pane.sim.values('任务台账')[2][7]).toBe('问题');
    expect(repliedSince(pane, from)).toBeGreaterThan(20_000);
    // 存在问题 renamed 问题 is read as the same column (an alias): the finding stands, read anew.
    await screen.findByText(/第6行：状态为“滞后”/);
  });

  // office-js #1329: Excel for Mac raised onSelectionChanged for each table added. The pane's own
  // 新建 adds four: the events it did not expect cost no whole read.
  it('takes the selection events of tables added (the Mac quirk) without reading the ledger again', async () => {
    const sim = new ExcelSim();
    sim.state.quirks.selectionOnTableAdd = true;
    const pane = TestPane.open(sim);
    fireEvent.click(await screen.findByRole('button', { name: '新建任务台账' }));
    await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
    const from = pane.sim.batches.length;
    await pane.settle();
    await pane.settle();
    expect(repliedSince(pane, from)).toBeLessThan(2_000);
  });
});
