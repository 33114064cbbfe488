/**
 * @jest-environment jsdom
 */
// A task card of a task reported as 滞后: lit yellow even when 进度 runs ahead of 序时进度, and it
// says that the status lit it.
import { cleanup, configure, fireEvent, screen, within } from '@testing-library/react';
import { paneClock, TestPane } from './paneHarness';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000, defaultHidden: true });

paneClock();
afterEach(cleanup);

it('shows 黄灯 and why on the card of a 滞后 task ahead of schedule', async () => {
  const pane = await TestPane.withLedger();
  await pane.userDoes(() => {
    pane.typeInto(2, '完成时限', '2026-12-31');
    pane.typeInto(2, '进度(%)', 98);
    pane.typeInto(2, '状态', '滞后');
  });
  fireEvent.click(screen.getByRole('tab', { name: '筛选' }));
  fireEvent.click(await screen.findByLabelText('各县（市）人民政府'));
  const reason = await screen.findByText('状态为滞后：预警至少为黄灯');
  const card = reason.parentElement as HTMLElement;
  expect(within(card).getByText(/^各县（市）统筹各类中职资源/)).toBeTruthy();
  expect(within(card).getByText('黄灯')).toBeTruthy();
  expect(within(card).queryByText('绿灯')).toBeNull();
  // Only the task the status lit says so.
  expect(screen.getAllByText('状态为滞后：预警至少为黄灯')).toHaveLength(1);
});
