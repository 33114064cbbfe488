/**
 * @jest-environment jsdom
 */
// Two plans' ledgers in one workbook: the pane follows the user to the other plan's sheet. A host
// of ExcelApi 1.7–1.8 has only Workbook.onSelectionChanged, which does not say which sheet; the
// sheet's activation (WorksheetCollection.onActivated, 1.7) does (docs review of issue 25).
import { configure, screen } from '@testing-library/react';
import { createLedger, importPlan } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { ALL_SETS } from '../excel/helpers';
import { paneClock, TestPane } from './paneHarness';
import { PLAN_B } from '../excel/twoPlanFixture';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000 });
paneClock();

/** ExcelApi up to 1.8: no WorksheetCollection.onSelectionChanged (1.9). */
const upTo18 = (version: string) => Number(version.split('.')[1] ?? 0) <= 8;

describe('the pane on the plan of the sheet the user is on', () => {
  it.each([
    ['ExcelApi 1.8', upTo18],
    ['every set', () => true],
  ])('follows a move to the other plan’s ledger sheet (%s)', async (_name, supports) => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
    sim.userSelect('任务台账', 'A1');
    const pane = TestPane.open(sim, undefined, { supports });
    await screen.findByText(/当前方案：.*（工作表“任务台账”）/);
    await pane.userDoes(() => sim.userSelect('稳经济台账', 'B5'));
    await screen.findByText('当前方案：立山区稳经济重点任务（工作表“稳经济台账”）');
  });

  // Stranger's defect 3: a click on a sheet's tab (an activation, no selection event) left the pane
  // on the other plan, and its 反馈 tab offered that plan's units.
  it('follows a click on the other plan’s sheet tab, and back', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
    const pane = TestPane.open(sim);
    await screen.findByText(/当前方案：.*（工作表“稳经济台账”）/);
    await pane.userDoes(() => sim.userActivate('任务台账'));
    await screen.findByText(/当前方案：.*（工作表“任务台账”）/);
    await pane.userDoes(() => sim.userActivate('稳经济台账'));
    await screen.findByText('当前方案：立山区稳经济重点任务（工作表“稳经济台账”）');
  });
});
