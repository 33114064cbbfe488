/**
 * @jest-environment jsdom
 */
// Stranger's H1 and L3 (issue 25): with two plans in one workbook, what the pane holds for one plan
// (a review of returned forms, an action's message) never reaches the other after the user clicks
// the other plan's sheet tab. Whole-workbook diffs: a refused or cleared review writes nothing.
import { cleanup, configure, fireEvent, screen } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { ALL_TABLES, createLedger, importPlan, LEDGER_TABLE, type AddInTable } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { writeReturnForm } from '../../src/files';
import { returnFormSpec, type FormValues, type PlanTask } from '../../src/ledger';
import { PaneLedger } from '../../src/taskpane/paneLedger';
import { applyReview, importBatch, readForForms, reviewFiles } from '../../src/taskpane/returnsWorkflow';
import { ALL_SETS, changedCells } from '../excel/helpers';
import { PLAN_B, TABLE_B } from '../excel/twoPlanFixture';
import { TestPane } from './paneHarness';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 15_000, defaultHidden: true });
beforeAll(() => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  // Downloads go nowhere: the forms' files are not what these tests look at.
  Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => {} });
  HTMLAnchorElement.prototype.click = () => {};
});
beforeEach(() =>
  jest.useFakeTimers({ advanceTimers: true, doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] }),
);
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

const UNIT = (PLAN_B.tasks[0] as PlanTask).lead[0];
/** A unit plan B names and plan A does not. */
const B_ONLY = (PLAN_B.tasks[1] as PlanTask).lead[0];
const B_LINE = /当前方案：立山区稳经济重点任务（工作表“稳经济台账”）/;
const A_LINE = /当前方案：.*（工作表“任务台账”）/;

/** Two plans, the pane open on B's sheet, and B's form of UNIT returned with a 存在问题 written in. */
async function paneOnB() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  const host = TestPane.host(sim);
  const { model, options } = await readForForms(host, {
    tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>,
    ledgerTable: TABLE_B,
    take: () => {},
  });
  const spec = returnFormSpec(model, UNIT, options);
  const rows = spec.rows.map((r): FormValues => ({ ...r }));
  rows[0] = { ...rows[0], problems: 'B方案：资金到位慢' };
  const bytes = await writeReturnForm({ ...spec, rows }, new Date(2026, 10, 20));
  const file = new File([new Uint8Array(bytes)], spec.fileName);
  const pane = TestPane.open(sim);
  await screen.findByText(B_LINE);
  return { sim, pane, file };
}

async function reviewOnB(file: File) {
  fireEvent.click(screen.getByRole('tab', { name: '反馈' }));
  fireEvent.change(await screen.findByLabelText('选择反馈表文件…', { selector: 'input' }), {
    target: { files: [file] },
  });
  await screen.findByText(/已读取1个文件/);
  return screen.getByRole('button', { name: /^应用所选的\d+处更改$/ });
}

describe('what the pane holds for one plan stays with it', () => {
  it('a review read on plan B is cleared with a sentence when the user clicks plan A’s sheet tab', async () => {
    const { sim, pane, file } = await paneOnB();
    await reviewOnB(file);
    const before = sim.snapshot();
    await pane.userDoes(() => sim.userActivate('任务台账'));
    await screen.findByText(A_LINE);
    await screen.findByText(/审核已清除，不会写入当前方案/);
    expect(screen.queryByRole('button', { name: /^应用所选/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^记录为已报/ })).toBeNull();
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });

  it('apply clicked in the instant of the switch, before the pane heard it, writes B’s ledger only', async () => {
    const { sim, pane, file } = await paneOnB();
    const apply = await reviewOnB(file);
    const before = sim.snapshot();
    sim.userActivate('任务台账');
    fireEvent.click(apply);
    await screen.findByText(/已导入1处更改/);
    await pane.settle();
    const changed = changedCells(before, sim.snapshot());
    expect(changed.filter((c) => c.startsWith('稳经济台账!'))).toEqual(['稳经济台账!H4']);
    expect(changed.every((c) => /^(稳经济台账|变更记录|报送登记)!/u.test(c))).toBe(true);
    // 报送登记's row is B's round (its 方案 column names B's table), 变更记录 logs B's batch.
    expect(sim.values('报送登记')[1][7]).toBe(TABLE_B);
    expect(String(sim.values('变更记录')[1][7])).toContain(TABLE_B);
  });

  it('applyReview on a pane that is on plan A refuses B’s review, naming B; nothing is written', async () => {
    const { sim, file } = await paneOnB();
    cleanup();
    const host = TestPane.host(sim);
    const onB = { tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>, ledgerTable: TABLE_B, take: () => {} };
    const review = await reviewFiles(host, onB, [file]);
    sim.userActivate('任务台账');
    const paneA = new PaneLedger(
      host,
      () => {},
      () => {},
    );
    const stateA = await paneA.load();
    expect(stateA.phase === 'ready' && stateA.read.location.tableName).toBe(LEDGER_TABLE);
    const before = sim.snapshot();
    const refused = await applyReview(
      host,
      { current: async () => stateA, tablesSeen: ALL_TABLES as ReadonlySet<AddInTable> },
      review,
      review.changes,
      importBatch(host),
      'unexpected',
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'OtherLedger' });
    expect((refused as { text: { zh: string } }).text.zh).toMatch(
      /^这些反馈表是按“立山区稳经济重点任务”（工作表“稳经济台账”）审核的，当前方案是“.+”：未写入任何内容。/u,
    );
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });

  it('a result said on plan B (forms issued) is gone when the user clicks plan A’s sheet tab', async () => {
    const { sim, pane } = await paneOnB();
    fireEvent.click(screen.getByRole('tab', { name: '反馈' }));
    fireEvent.click(await screen.findByRole('button', { name: `下载反馈表：${UNIT}` }));
    const said = await screen.findByText(/已生成1份反馈表，已记入“报送登记”/);
    expect(said).toBeTruthy();
    await pane.userDoes(() => sim.userActivate('任务台账'));
    await screen.findByText(A_LINE);
    expect(screen.queryByText(/已生成1份反馈表，已记入“报送登记”/)).toBeNull();
  });

  it('筛选 lists only the plan’s own units, and a unit chosen on B is not carried to plan A', async () => {
    const { sim, pane } = await paneOnB();
    fireEvent.click(screen.getByRole('tab', { name: '筛选' }));
    const unitB = await screen.findByRole('checkbox', { name: B_ONLY });
    // 吉林省四平卫生学校 is named by plan A alone (单位名录 is shared).
    expect(screen.queryByRole('checkbox', { name: '吉林省四平卫生学校' })).toBeNull();
    fireEvent.click(unitB);
    expect((unitB as HTMLInputElement).checked).toBe(true);
    await pane.userDoes(() => sim.userActivate('任务台账'));
    await screen.findByText(A_LINE);
    await screen.findByRole('checkbox', { name: '吉林省四平卫生学校' });
    expect(screen.queryByRole('checkbox', { name: B_ONLY })).toBeNull();
    await pane.userDoes(() => sim.userActivate('稳经济台账'));
    await screen.findByText(B_LINE);
    expect(((await screen.findByRole('checkbox', { name: B_ONLY })) as HTMLInputElement).checked).toBe(false);
  });

  // Stranger's L2: a 完成时限 of 全年 lit nothing and the card said 无时限; it says the plan's words.
  it('a task card shows an open deadline in the plan’s words (全年), not 无时限', async () => {
    const { sim, pane } = await paneOnB();
    // Task 1's 完成时限 (稳经济台账 F4: the header is on row 3) typed as the annex words it.
    expect(sim.values('稳经济台账')[2][5]).toBe('完成时限');
    await pane.userDoes(() => sim.userEdit('稳经济台账', 'F4', [['全年']]));
    fireEvent.click(screen.getByRole('tab', { name: '筛选' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: UNIT }));
    await screen.findByText((PLAN_B.tasks[0] as PlanTask).text);
    expect(screen.getByText('全年')).toBeTruthy();
    expect(screen.queryByText('无时限')).toBeNull();
  });
});
