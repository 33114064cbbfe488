/**
 * @jest-environment jsdom
 */
// Two plans in one workbook: a 完成值 typed on a task card of plan B goes to B's own 指标 sheet,
// however many indicators plan A has of the same 序号.
import { cleanup, configure, fireEvent, screen } from '@testing-library/react';
import { createLedger, importPlan } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { ALL_SETS } from '../excel/helpers';
import { INDICATORS_B, PLAN_B } from '../excel/twoPlanFixture';
import { TestPane } from './paneHarness';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000 });
beforeEach(() =>
  jest.useFakeTimers({ advanceTimers: true, doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] }),
);
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

const tab = (name: string) => screen.getByRole('tab', { name });

it('takes a 完成值 on plan B’s task card into B’s 指标 sheet only, in two syncs', async () => {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  const pane = TestPane.open(sim);
  await screen.findByText('当前方案：立山区稳经济重点任务（工作表“稳经济台账”）');
  fireEvent.click(tab('筛选'));
  fireEvent.click(await screen.findByLabelText(PLAN_B.tasks[0].lead[0]));
  const box = await screen.findByLabelText('“亿元以上项目”的完成值');
  const before = pane.snapshot();
  fireEvent.change(box, { target: { value: '12' } });
  expect(
    await pane.syncsFor(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
      await screen.findByText(`“亿元以上项目”完成值已记为12（${INDICATORS_B.sheet}!F2）。`);
    }),
  ).toBeLessThanOrEqual(2);
  expect(pane.changedCells(before)).toEqual(['F2', 'G2', 'H2'].map((a) => `${INDICATORS_B.sheet}!${a}`));
  expect(sim.values(INDICATORS_B.sheet)[1][6]).toBe(0.4);
  expect(await screen.findByText(/目标30个 · 完成40%/)).toBeTruthy();
});

it('on plan B, makes B’s 指标 again when it is gone and 重新识别 appends to B’s table only', async () => {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  const pane = TestPane.open(sim);
  await screen.findByText('当前方案：立山区稳经济重点任务（工作表“稳经济台账”）');
  const planA = () => ({ ledger: sim.values('任务台账'), indicators: sim.values('指标') });
  const a = planA();
  await pane.userDoes(() =>
    sim.run(async (c) => {
      c.workbook.worksheets.getItem(INDICATORS_B.sheet).delete();
      await c.sync();
    }),
  );
  fireEvent.click(screen.getByRole('button', { name: '重新校验' }));
  fireEvent.click(tab('校验'));
  await screen.findByText(/任务正文中有3个量化指标/);
  // A's 指标 is there, and is not B's.
  expect(screen.getByText('工作簿中还没有本方案的“指标”表。')).toBeTruthy();
  const [fromFinding] = await screen.findAllByRole('button', { name: '创建指标表' });
  fireEvent.click(fromFinding);
  await screen.findByText(`已新建“${INDICATORS_B.sheet}”表，共3项指标。`);
  await pane.userDoes(() =>
    sim.run(async (c) => {
      c.workbook.worksheets.getItem(INDICATORS_B.sheet).getRange('3:3').delete('Up');
      await c.sync();
    }),
  );
  fireEvent.click(await screen.findByRole('button', { name: '重新识别' }));
  await screen.findByLabelText(/第2项 专项债券资金/);
  const before = pane.snapshot();
  fireEvent.click(screen.getByRole('button', { name: '添加选中的指标（1）' }));
  await screen.findByText('已在指标表末尾添加1项指标。');
  expect(pane.changedCells(before)).toEqual(
    ['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I'].map((c) => `${INDICATORS_B.sheet}!${c}4`),
  );
  expect(planA()).toEqual(a);
});
