/**
 * @jest-environment jsdom
 */
// What the pane reports is what the sheet holds (issue 21, items 1–3): edits typed at once after
// the pane's own writes are in the summaries, the mail and the findings; nothing is missed while
// the change handlers start; a deleted ledger or 单位名录 is noticed without being asked.
import { act, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { ExcelSim } from '../../src/excel-sim';
import type { Host } from '../../src/taskpane/host';
import { paneClock, TestPane } from './paneHarness';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000, defaultHidden: true });

paneClock();

const tab = (name: string) => screen.getByRole('tab', { name });

/** The overview's count of a status, as the sheet shows it. */
const overviewCount = (sim: ExcelSim, status: string) =>
  sim.values('汇总-总体').find((r) => r[0] === status)?.[1];

/** What the pane put on the clipboard as plain text (the mail body). */
function captureClipboard(): { text: () => string } {
  let plain = '';
  class Item {
    constructor(readonly parts: Record<string, Blob>) {}
  }
  Object.assign(window, { ClipboardItem: Item });
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      write: (items: Item[]) =>
        new Promise<void>((resolve) => {
          // jsdom's Blob has no text(): FileReader reads it.
          const reader = new FileReader();
          reader.onload = () => {
            plain = String(reader.result);
            resolve();
          };
          reader.readAsText(items[0].parts['text/plain']);
        }),
    },
  });
  return { text: () => plain };
}

describe('reports from the sheet as it is', () => {
  it.each([0, 300, 1000])(
    'counts edits typed %i ms after 新建任务台账 in the summaries, the mail and the findings',
    async (delay) => {
      const pane = TestPane.open();
      const { sim } = pane;
      fireEvent.click(await screen.findByRole('button', { name: '新建任务台账' }));
      await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
      await pane.wait(delay);
      // Typed, then the button pressed at once: no pause for the pane to read them first.
      await act(async () => {
        pane.typeInto(3, '完成时限', '2026-09-30');
        pane.typeInto(3, '状态', '滞后');
        pane.typeInto(1, '状态', '已完成');
        pane.typeInto(5, '进度(%)', 150);
      });
      const clipboard = captureClipboard();
      fireEvent.click(tab('汇总'));
      fireEvent.click(await screen.findByRole('button', { name: '生成汇总表' }));
      await screen.findByText(/已生成2张汇总表/);
      // A hand count from the ledger's cells.
      const ledger = sim.values('任务台账').slice(3);
      const count = (status: string) => ledger.filter((r) => r[3] === status).length;
      expect(overviewCount(sim, '已完成')).toBe(count('已完成'));
      expect(overviewCount(sim, '滞后')).toBe(count('滞后'));
      expect(overviewCount(sim, '未启动')).toBe(count('未启动'));
      expect(count('滞后')).toBe(1);
      expect(sim.values('汇总-滞后逾期').some((r) => r[0] === 3)).toBe(true);
      fireEvent.click(screen.getByRole('button', { name: '复制邮件正文' }));
      await screen.findByText(/邮件正文已复制/);
      expect(clipboard.text()).toMatch(/滞后1项/);
      // And the pane, settled, shows the same: progress 150 is a finding.
      await pane.settle();
      fireEvent.click(tab('校验'));
      await screen.findByText(/第5项.*进度/);
    },
  );

  it('counts an edit typed at once after a status set from the pane', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市总工会'));
    fireEvent.click(await screen.findByLabelText('第24项的状态'));
    fireEvent.click(await screen.findByRole('option', { name: '序时推进' }));
    await screen.findByText(/第24项状态已改为“序时推进”/);
    // Into the very cell the pane has just written, and into another.
    await act(async () => {
      pane.typeInto(24, '状态', '已完成');
      pane.typeInto(7, '状态', '滞后');
    });
    fireEvent.click(tab('汇总'));
    fireEvent.click(await screen.findByRole('button', { name: '生成汇总表' }));
    await screen.findByText(/已生成\d张汇总表/);
    expect(overviewCount(sim, '已完成')).toBe(1);
    expect(overviewCount(sim, '滞后')).toBe(1);
    expect(overviewCount(sim, '序时推进') ?? 0).toBe(0);
    // The pane's own view catches up too: the card shows what the cell holds.
    await pane.settle();
    fireEvent.click(tab('筛选'));
    expect((await screen.findByLabelText('第24项的状态')).textContent).toContain('已完成');
  });
});

describe('units typed below 单位名录', () => {
  it('are read: the table grows over them, and the ledger may name them', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    const next =
      sim.values('单位名录').findIndex((r) => r[0] === '') + 1 || sim.values('单位名录').length + 1;
    await pane.userDoes(() => {
      sim.userEdit('单位名录', `A${next}:F${next}`, [
        ['市园区综合协调组', '', '市直部门', '', '', 'a1@example.com'],
      ]);
      pane.typeInto(40, '责任单位', '市园区综合协调组');
    });
    fireEvent.click(tab('校验'));
    await screen.findByText(/第40项/);
    expect(screen.queryByText(/未知的责任单位“市园区综合协调组”/)).toBeNull();
  });
});

describe('units chosen on 筛选', () => {
  it('are chosen no more once the ledger no longer names them', async () => {
    const pane = await TestPane.withLedger();
    await pane.userDoes(() => pane.typeInto(40, '责任单位', '市园区建设办公室'));
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市园区建设办公室'));
    fireEvent.click(tab('汇总'));
    await screen.findByText(/所选单位各一张（1个/);
    await pane.userDoes(() => pane.typeInto(40, '责任单位', '市教育局'));
    await screen.findByText(/所选单位各一张（0个/);
  });
});

describe('the pane in English', () => {
  it('says what 生成汇总表 made in English sentences (the sheets themselves stay Chinese)', async () => {
    const pane = TestPane.open(new ExcelSim(), 'en-US');
    fireEvent.click(await screen.findByRole('button', { name: 'Create the ledger' }));
    await screen.findByText('Ledger: sheet 任务台账, 40 tasks');
    fireEvent.click(tab('Summary'));
    fireEvent.click(await screen.findByRole('button', { name: 'Make summary sheets' }));
    const notice = await screen.findByText(/^Made 2 summary sheets:/);
    expect(notice.textContent).toBe(
      'Made 2 summary sheets: 汇总-总体, 汇总-滞后逾期. Recorded the progress snapshot of 2026-11-28. This is the first report: there is none earlier to compare with.',
    );
    expect(pane.sim.values('汇总-总体')[0][0]).toMatch(/^四平市/);
  });
});

describe('the change handlers', () => {
  it('miss nothing while they start: the first read comes after they are registered', async () => {
    const sim = new ExcelSim();
    const { createLedger } = await import('../../src/excel');
    await sim.runExcel((c) => createLedger(c, { supports: () => true }));
    let requests = 0;
    const runWhenIdle: Host['run'] = async (batch) => {
      const result = await sim.runExcel(batch, { delayForCellEdit: true });
      // Just after the pane's first request (the handlers), a user types a status.
      if (++requests === 1) sim.userEdit('任务台账', 'D4', [['已完成']]);
      return result;
    };
    TestPane.open(sim, undefined, { runWhenIdle });
    await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市教育局'));
    expect((await screen.findByLabelText('第1项的状态')).textContent).toContain('已完成');
  });

  it('wait while the user edits a cell, show no error for it, and read once the edit ends', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    sim.startCellEdit();
    // A co-author's edit arrives while this user is typing in a cell: the pane's read must wait.
    sim.remoteEdit('任务台账', 'D4', [['已完成']]);
    await pane.settle();
    expect(screen.queryByRole('alert')).toBeNull();
    sim.endCellEdit();
    await pane.settle();
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市教育局'));
    expect((await screen.findByLabelText('第1项的状态')).textContent).toContain('已完成');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('notice a deleted ledger sheet and a deleted 单位名录 without being asked', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    await pane.userDoes(() =>
      sim.run(async (c) => {
        c.workbook.worksheets.getItem('单位名录').delete();
        await c.sync();
      }),
    );
    fireEvent.click(tab('校验'));
    await screen.findByText(/工作簿中没有“单位名录”表格和状态列表/);
    await pane.userDoes(() =>
      sim.run(async (c) => {
        c.workbook.worksheets.getItem('任务台账').delete();
        await c.sync();
      }),
    );
    await waitFor(() => expect(screen.getByText('当前工作簿中还没有任务台账。')).toBeTruthy());
  });
});
