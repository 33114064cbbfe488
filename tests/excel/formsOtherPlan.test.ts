// Stranger's defect 3 (issues 25, 26): the pane still showed the other plan's units when the user
// had moved to the first plan's sheet; a form asked for such a unit was made from the first plan's
// ledger (empty) and the unit recorded as owing it. Forms go only to units with tasks in the ledger
// read in the action's own request: the others are refused by name, nothing written.
import { createLedger, importPlan, LedgerError } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import type { PlanTask } from '../../src/ledger';
import { ALL_SETS } from './helpers';
import { issueTo, PLAN_B, TABLE_B } from './twoPlanFixture';

it('refuses a form for a unit with no task in the ledger of the sheet the user is on, writing nothing', async () => {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  const onlyB = (PLAN_B.tasks as PlanTask[])
    .flatMap((t) => [...t.lead, ...t.partners])
    .find((u) => !['市教育局', '市人社局', '市财政局', '市发改委'].includes(u)) as string;
  // The user clicked the first plan's tab; the pane still shows the second plan.
  sim.userActivate('任务台账');
  const before = sim.snapshot();
  const refused = await issueTo(sim, TABLE_B, [onlyB]).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(LedgerError);
  expect((refused as LedgerError).text.zh).toBe(
    `${onlyB}在当前方案“四平市现代职业教育重点工作任务”的台账中没有任务：未生成反馈表，报送登记未改动。请转到该单位所在方案的台账再试。`,
  );
  expect(sim.snapshot().sheets).toEqual(before.sheets);
  expect(sim.state.tables.some((t) => t.name === 'ReportRegister')).toBe(false);
});
