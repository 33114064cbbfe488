// Stranger's M5 (issue 25): 下步工作 lines saved for plan B appeared in plan A's 通报. Each plan's
// lines are kept under its own setting (the first plan's under the one it always had, so old
// workbooks read as before), and a 通报 or a leaders' mail takes the lines of the plan it reads.
import {
  ALL_TABLES,
  createLedger,
  importPlan,
  LEDGER_TABLE,
  NEXT_STEPS_SETTING,
  readSendSettings,
  type AddInTable,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { dayFromLocalDate, DEFAULT_NEXT_STEPS } from '../../src/ledger';
import { readBulletin } from '../../src/taskpane/panels/bulletinWorkflow';
import { readCurrentReport } from '../../src/taskpane/panels/currentReport';
import { ALL_SETS, changedCells } from './helpers';
import { PLAN_B, TABLE_B } from './twoPlanFixture';

jest.setTimeout(60_000);

const NOW = new Date(2026, 10, 28, 9, 0);
const AS_OF = dayFromLocalDate(NOW);

async function twoPlans() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  const host = { run: sim.runExcel.bind(sim) as typeof sim.runExcel, now: () => NOW };
  const pane = (ledgerTable: string) => ({
    tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>,
    ledgerTable,
    take: () => {},
  });
  const activate = (sheet: string) =>
    sim.run(async (c) => {
      c.workbook.worksheets.getItem(sheet).activate();
      await c.sync();
    });
  return { sim, host, pane, activate };
}

describe('下步工作 per plan', () => {
  it('lines saved with plan B’s 通报 are B’s: plan A’s 通报 keeps its own (the defaults), no cell written', async () => {
    const { sim, host, pane, activate } = await twoPlans();
    await activate('稳经济台账');
    const before = sim.snapshot();
    const onB = await readBulletin(host, pane(TABLE_B), ['推进稳经济专班调度'], AS_OF, undefined);
    expect(onB.options.nextSteps).toEqual(['推进稳经济专班调度']);
    expect(changedCells(before, sim.snapshot())).toEqual([]);
    await activate('任务台账');
    // What A's box shows (never saved: the defaults), and what A's 通报 and mail read.
    expect((await sim.runExcel((c) => readSendSettings(c, LEDGER_TABLE))).nextSteps).toBeNull();
    expect((await readCurrentReport(host, pane(LEDGER_TABLE), { asOf: AS_OF })).also.nextSteps).toBeNull();
    const onA = await readBulletin(host, pane(LEDGER_TABLE), DEFAULT_NEXT_STEPS, AS_OF, undefined);
    expect(onA.options.nextSteps).toEqual(DEFAULT_NEXT_STEPS);
    expect((await sim.runExcel((c) => readSendSettings(c, TABLE_B))).nextSteps).toEqual([
      '推进稳经济专班调度',
    ]);
  });

  it('a workbook saved before: the first plan reads the setting it always had; another plan does not', async () => {
    const { sim, host, pane, activate } = await twoPlans();
    await sim.run(async (c) => {
      c.workbook.settings.add(NEXT_STEPS_SETTING, ['老版本保存的下步工作']);
      await c.sync();
    });
    await activate('任务台账');
    const a = await readCurrentReport(host, pane(LEDGER_TABLE), { asOf: AS_OF });
    expect(a.also.nextSteps).toEqual(['老版本保存的下步工作']);
    await activate('稳经济台账');
    const b = await readCurrentReport(host, pane(TABLE_B), { asOf: AS_OF });
    expect(b.also.nextSteps).toBeNull();
  });

  it('when the user moved to A’s sheet after the pane showed B, the report takes A’s lines', async () => {
    const { sim, host, pane, activate } = await twoPlans();
    await sim.runExcel(async (c) => {
      c.workbook.settings.add(NEXT_STEPS_SETTING, ['A的下步工作']);
      c.workbook.settings.add(`${NEXT_STEPS_SETTING}:${TABLE_B}`, ['B的下步工作']);
      await c.sync();
    });
    await activate('稳经济台账');
    const guessed = await readCurrentReport(host, pane(TABLE_B), { asOf: AS_OF });
    await activate('任务台账');
    const moved = await readCurrentReport(host, pane(TABLE_B), { asOf: AS_OF });
    expect(moved.read.ledger.location.tableName).toBe(LEDGER_TABLE);
    expect(moved.also.nextSteps).toEqual(['A的下步工作']);
    expect(guessed.also.nextSteps).toEqual(['B的下步工作']);
  });
});
