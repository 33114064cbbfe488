// Stranger's L4 and M6b (issue 25): 单位名录 is shared by the plans of a workbook, so a unit only
// another plan names (市住建局 is plan B's) has no task in plan A's ledger. The core lists for a
// plan only the units its tasks reach, and a unit sheet for a unit the ledger read does not name
// is not made, and the result names it.
import {
  createLedger,
  generateSummaries,
  importPlan,
  readReport,
  unitsWithoutTasksNotice,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { unitsInLedger, unitTaskCounts, type PlanTask } from '../../src/ledger';
import { asOf } from '../asOf';
import { ALL_SETS } from './helpers';
import { PLAN_B } from './twoPlanFixture';

jest.setTimeout(60_000);

const B_ONLY = (PLAN_B.tasks[1] as PlanTask).lead[0];

async function twoPlansOnA() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  await sim.run(async (c) => {
    c.workbook.worksheets.getItem('任务台账').activate();
    await c.sync();
  });
  return sim;
}

describe('units of the plan shown', () => {
  it('plan A lists none of plan B’s own units, though 单位名录 holds them', async () => {
    const sim = await twoPlansOnA();
    const report = await sim.runExcel((c) => readReport(c, { asOf }));
    expect(report.read.ledger.location.sheetName).toBe('任务台账');
    const { tasks } = report.model;
    const { reference } = report.read;
    expect(reference.directory.units.map((u) => u.name)).toContain(B_ONLY);
    expect(unitTaskCounts(tasks, reference.directory).map((c) => c.name)).toContain(B_ONLY);
    const listed = unitsInLedger(tasks, reference.directory).map((c) => c.name);
    expect(listed).not.toContain(B_ONLY);
    expect(listed).toContain('市教育局');
    // A 统称 the plan names is listed too.
    expect(listed).toContain('各县（市）人民政府');
  });

  it('a unit sheet on plan A for plan B’s unit is not made, and the result names the unit', async () => {
    const sim = await twoPlansOnA();
    const made = await generateSummaries((batch) => sim.runExcel(batch), {
      asOf,
      request: { overview: true, behind: false, units: [B_ONLY, '市教育局'] },
      supports: ALL_SETS,
    });
    expect(made.unitsWithoutTasks).toEqual([B_ONLY]);
    const names = sim.snapshot().sheets.map((s) => s.name);
    expect(names).not.toContain(`汇总-${B_ONLY}`);
    expect(names).toContain('汇总-市教育局');
    expect(unitsWithoutTasksNotice(made.unitsWithoutTasks, '某方案').zh).toBe(
      `${B_ONLY}在当前方案“某方案”的台账中没有任务，未生成其汇总表。`,
    );
  });
});
