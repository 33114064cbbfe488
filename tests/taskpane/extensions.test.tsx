/**
 * @jest-environment jsdom
 */
// Issue 26 in the pane: 校验's 添加列 on a ledger adopted before the 延期 and 办结依据 columns,
// and the 设置 switch that turns the 办结依据 warning off. Every write is checked cell by cell.
import { configure, fireEvent, screen } from '@testing-library/react';
import { ExcelSim } from '../../src/excel-sim';
import { OFFICIAL_TASKS } from '../../src/ledger';
import { paneClock, TestPane } from './paneHarness';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 8000, defaultHidden: true });

paneClock();

const tab = (name: string) => screen.getByRole('tab', { name });

it('adds the columns from 校验, then asks a completed task for its 办结依据 until 设置 turns that off', async () => {
  const sim = new ExcelSim();
  await sim.run(async (c) => {
    c.workbook.worksheets.getItem('Sheet1').getRange('A1:D3').values = [
      ['序号', '工作任务', '责任单位', '状态'],
      [1, OFFICIAL_TASKS[0].task, OFFICIAL_TASKS[0].units, '已完成'],
      [2, OFFICIAL_TASKS[1].task, OFFICIAL_TASKS[1].units, '序时推进'],
    ];
    await c.sync();
  });
  const pane = TestPane.open(sim);
  fireEvent.click(await screen.findByRole('button', { name: '使用当前工作表' }));
  await screen.findByText(/台账：工作表“Sheet1”/);
  fireEvent.click(tab('校验'));
  await screen.findByText(/台账没有“申请延期至”“延期理由”“延期批准”“办结依据”列/);
  expect(screen.queryByText(/未填写办结依据/)).toBeNull();

  const before = pane.snapshot();
  fireEvent.click(screen.getByRole('button', { name: '添加列' }));
  await screen.findByText(/已在表格最右侧添加“申请延期至”“延期理由”“延期批准”“办结依据”列/);
  // The adopted table is A–K (adoption added 进度(%) … 联系人): the new columns are L–O.
  expect(pane.changedCells(before)).toEqual(
    ['L', 'M', 'N', 'O'].flatMap((l) => [1, 2, 3].map((r) => `Sheet1!${l}${r}`)).sort(),
  );
  await screen.findByText(/第1项：状态为“已完成”，但未填写办结依据/);
  expect(screen.queryByRole('button', { name: '添加列' })).toBeNull();

  fireEvent.click(tab('设置'));
  fireEvent.click(await screen.findByRole('switch', { name: /“已完成”须填写办结依据/ }));
  await screen.findByText(/已关闭：不再提示缺少办结依据/);
  fireEvent.click(tab('校验'));
  await pane.settle();
  expect(screen.queryByText(/未填写办结依据/)).toBeNull();
});
