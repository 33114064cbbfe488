/**
 * @jest-environment jsdom
 */
// 设置 › 方案: the pane shows the workbook's plan and saves its edited names into the workbook.
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { paneClock, TestPane } from './paneHarness';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000, defaultHidden: true });
paneClock();

describe('设置 › 方案', () => {
  it('shows the built-in plan and its task count, and saves edited names into the workbook', async () => {
    const { sim } = await TestPane.withLedger();
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    await screen.findByText(/内置方案（本工作簿尚未保存方案） · 共40项任务/);
    const title = screen.getByRole('textbox', { name: '方案名称' });
    fireEvent.change(title, { target: { value: '梨川县营商环境重点任务' } });
    fireEvent.click(screen.getByRole('button', { name: '保存方案名称' }));
    await screen.findByText('已保存方案“梨川县营商环境重点任务”，随工作簿保存。');
    await screen.findByText(/本工作簿保存的方案 · 共40项任务/);
    expect(sim.state.customXmlParts).toHaveLength(1);
    expect(sim.state.customXmlParts[0].xml).toContain('梨川县营商环境重点任务');
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: '方案名称' }) as HTMLInputElement).value).toBe(
        '梨川县营商环境重点任务',
      ),
    );
  });
});
