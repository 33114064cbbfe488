/**
 * @jest-environment jsdom
 */
// 设置 › 方案: the pane shows the workbook's plan and saves its edited names into the workbook;
// what the user typed and has not saved is kept per plan until saved or discarded, and a start
// the date input cannot read is refused, never saved as empty.
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { createLedger, importPlan } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { ALL_SETS } from '../excel/helpers';
import { PLAN_B } from '../excel/twoPlanFixture';
import { paneClock, TestPane } from './paneHarness';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000, defaultHidden: true });
paneClock();

const titleBox = () => screen.getByRole('textbox', { name: '方案名称' }) as HTMLInputElement;
const startBox = () => screen.getByLabelText(/^起始日期/) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: '保存方案名称' }));

async function settingsOnBuiltIn() {
  const pane = await TestPane.withLedger();
  fireEvent.click(screen.getByRole('tab', { name: '设置' }));
  await screen.findByText(/内置方案（本工作簿尚未保存方案） · 共40项任务/);
  return pane;
}

describe('设置 › 方案', () => {
  it('shows the built-in plan and its task count, and saves edited names into the workbook and the ledger’s title', async () => {
    const { sim } = await settingsOnBuiltIn();
    fireEvent.change(titleBox(), { target: { value: '梨川县营商环境重点任务' } });
    save();
    await screen.findByText(
      '已保存方案“梨川县营商环境重点任务”，随工作簿保存。台账标题（任务台账!B1）已改为“梨川县营商环境重点任务台账”。',
    );
    await screen.findByText(/本工作簿保存的方案 · 共40项任务/);
    expect(sim.state.customXmlParts).toHaveLength(1);
    expect(sim.state.customXmlParts[0].xml).toContain('梨川县营商环境重点任务');
    expect(sim.values('任务台账')[0][1]).toBe('梨川县营商环境重点任务台账');
    await waitFor(() => expect(titleBox().value).toBe('梨川县营商环境重点任务'));
    expect(screen.queryByText(/有未保存的修改/)).toBeNull();
  });

  it('says when the ledger’s title is the user’s own and leaves it', async () => {
    const { sim } = await settingsOnBuiltIn();
    sim.userEdit('任务台账', 'B1', [['我们自己的标题']]);
    fireEvent.change(titleBox(), { target: { value: '梨川县营商环境重点任务' } });
    save();
    await screen.findByText(/台账标题（任务台账!B1）是另行填写的内容，未改动/);
    expect(sim.values('任务台账')[0][1]).toBe('我们自己的标题');
  });

  it('refuses a start the date input cannot read (2026-02-30), saving nothing and keeping the other edits', async () => {
    const { sim } = await settingsOnBuiltIn();
    fireEvent.change(titleBox(), { target: { value: '梨川县营商环境重点任务' } });
    // A browser's date input holding 2026-02-30 gives the value '' and says badInput.
    const start = startBox();
    Object.defineProperty(start, 'validity', { configurable: true, value: { badInput: true, valid: false } });
    save();
    await screen.findByText(/^起始日期不是有效日期（例如2月没有30日），方案未保存。/);
    expect(sim.state.customXmlParts).toHaveLength(0);
    expect(titleBox().value).toBe('梨川县营商环境重点任务');
  });

  it('says the refusal in English when Office is English', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    TestPane.open(sim, 'en-US');
    fireEvent.click(await screen.findByRole('tab', { name: 'Settings' }));
    const start = (await screen.findByLabelText(/^Start date/)) as HTMLInputElement;
    Object.defineProperty(start, 'validity', { configurable: true, value: { badInput: true, valid: false } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan’s names' }));
    await screen.findByText(/^The start date is not a valid date/);
    expect(sim.state.customXmlParts).toHaveLength(0);
  });

  it('warns, without refusing, when the start is after the plan’s earliest deadline', async () => {
    // Plan B's task 2 is due 2025年6月底前, its other tasks have no deadline.
    const sim = new ExcelSim();
    await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
    TestPane.open(sim);
    fireEvent.click(await screen.findByRole('tab', { name: '设置' }));
    await waitFor(() => expect(titleBox().value).toBe(PLAN_B.title));
    fireEvent.change(startBox(), { target: { value: '2025-06-30' } });
    expect(screen.queryByText(/^注意：起始日期/)).toBeNull();
    fireEvent.change(startBox(), { target: { value: '2025-07-01' } });
    await screen.findByText(
      '注意：起始日期2025年7月1日晚于方案中最早的完成时限（序号2，2025年6月30日），请核对起始日期——在起始日期之前到期的任务，序时进度不从起始日期起算。',
    );
    save();
    await screen.findByText(/^已保存方案/);
    expect(sim.state.customXmlParts[0].xml).toContain('"start":"2025-07-01"');
  });

  it('keeps unsaved edits when the pane re-reads, and when the user leaves the tab and comes back', async () => {
    const pane = await settingsOnBuiltIn();
    fireEvent.change(titleBox(), { target: { value: '还没保存的名称' } });
    screen.getByText('有未保存的修改（方案名称）：保存或放弃之前，切换方案或离开本页都会保留。');
    // Someone edits the ledger: the pane reads the workbook again, and the typing stays.
    await pane.userDoes(() => pane.typeInto(1, '进展情况', '已开展调研'));
    expect(titleBox().value).toBe('还没保存的名称');
    fireEvent.click(screen.getByRole('tab', { name: '开始' }));
    await screen.findByText(/在“设置 › 方案”中有未保存的修改（方案名称），已保留/);
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    await waitFor(() => expect(titleBox().value).toBe('还没保存的名称'));
    fireEvent.click(screen.getByRole('button', { name: '放弃修改' }));
    expect(titleBox().value).not.toBe('还没保存的名称');
    expect(screen.queryByText(/^有未保存的修改/)).toBeNull();
    expect(pane.sim.state.customXmlParts).toHaveLength(0);
  });

  it('keeps each plan’s draft when the user moves to another plan’s sheet, and says so', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const b = await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
    const pane = TestPane.open(sim);
    fireEvent.click(await screen.findByRole('tab', { name: '设置' }));
    await waitFor(() => expect(titleBox().value).toBe(PLAN_B.title));
    fireEvent.change(titleBox(), { target: { value: '立山区稳经济重点任务（修订稿）' } });
    await pane.userDoes(() => sim.userActivate('任务台账'));
    await screen.findByText(
      `方案“${PLAN_B.title}”在“设置 › 方案”中有未保存的修改（方案名称），已保留；回到该页保存或放弃。`,
    );
    await waitFor(() => expect(titleBox().value).not.toBe('立山区稳经济重点任务（修订稿）'));
    expect(screen.queryByText(/^有未保存的修改/)).toBeNull();
    await pane.userDoes(() => sim.userActivate(b.sheetName));
    await waitFor(() => expect(titleBox().value).toBe('立山区稳经济重点任务（修订稿）'));
    save();
    await screen.findByText(/^已保存方案“立山区稳经济重点任务（修订稿）”/);
    // The first plan's ledger kept its title: only B's was renamed.
    expect(sim.values('任务台账')[0][1]).not.toContain('立山区');
    expect(sim.values(b.sheetName)[0][1]).toBe('立山区稳经济重点任务（修订稿）台账');
  });
});
