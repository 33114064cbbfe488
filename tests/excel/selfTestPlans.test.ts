// The self-test's second-plan probes (issue 25), run on excel-sim as the diagnostics tab runs them
// in Excel, on a workbook that already holds two plans: each probe passes, and the user's plans
// (both ledgers, their parts, 单位名录, settings, names) are left exactly as they were.
import { createLedger, importPlan, LEDGER_TABLE, readWorkbook, runSelfTest } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import {
  SimCustomXmlPartCollection,
  type SimCustomXmlPartScopedCollection,
} from '../../src/excel-sim/customXml';
import { PLAN_PROBE_TABLE } from '../../src/excel/selfTestPlans';
import { planNamespace, planToXml } from '../../src/ledger';
import { ALL_SETS, changedPaths } from './helpers';
import { PLAN_B, TABLE_B } from './twoPlanFixture';

async function twoPlans(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  // A value of the user's in plan B's ledger: the probes leave it.
  sim.userEdit('稳经济台账', 'G4', [['区里写的进展']]);
  return sim;
}

describe('the self-test on a workbook of two plans', () => {
  it('writes a third plan’s part, finds it by namespace, reads its ledger from its sheet, and leaves nothing behind', async () => {
    const sim = await twoPlans();
    const before = sim.snapshot();
    const steps = await runSelfTest((batch) => sim.runExcel(batch), ALL_SETS);
    expect(steps.filter((s) => !s.ok).map((s) => `${s.id}: ${s.detail.zh}`)).toEqual([]);
    expect(steps).toHaveLength(18);
    const at = steps.findIndex((s) => s.id === 'planPart');
    expect(steps.slice(at).map((s) => s.id)).toEqual(['planPart', 'planActive', 'cleanup']);
    expect(steps[at].detail.zh).toBe('部件找回，内容原样');
    expect(steps[at + 1].detail.zh).toMatch(/^自检第二方案：3项，方案部件 \S+$/u);
    expect(steps[at + 2].detail.zh).toContain('自检第二方案及方案部件1个');
    // Every cell of every sheet, the tables, settings, names and both plans' parts as they were.
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
    // The user is back on plan B's ledger, and the pane's read takes it with its plan.
    expect(sim.state.activeSheet().name).toBe('稳经济台账');
    const read = await sim.runExcel((c) => readWorkbook(c, { ledgerTable: LEDGER_TABLE }));
    expect(read.ledger?.location.tableName).toBe(TABLE_B);
    expect(read.reference.plan.plan.title).toBe(PLAN_B.title);
  });

  it('fails the part probe when the namespace finds another part beside its own; the user’s parts untouched', async () => {
    const sim = await twoPlans();
    // Another part of the probe's namespace turns up once its ledger is made (a co-author's, say).
    let added = false;
    const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
      sim.runExcel(async (context) => {
        const sheets = context.workbook.worksheets.load('items/name');
        await context.sync();
        if (!added && sheets.items.some((s) => s.name === '自检第二方案')) {
          added = true;
          context.workbook.customXmlParts.add(planToXml(PLAN_B, planNamespace(PLAN_PROBE_TABLE)));
          await context.sync();
        }
        return batch(context);
      });
    const before = sim.snapshot();
    const steps = await runSelfTest(run, ALL_SETS);
    const failed = steps.find((s) => !s.ok);
    expect(failed?.id).toBe('planPart');
    expect(failed?.detail.zh).toMatch(/^按命名空间找到2个部件（.+），读回相同$/u);
    expect(steps.at(-1)).toMatchObject({ id: 'cleanup', ok: true });
    // The probe's own part is removed; the one slipped in beside it is all that differs.
    const parts = sim.snapshot().customXmlParts;
    expect(parts.slice(0, before.customXmlParts.length)).toEqual(before.customXmlParts);
    expect(parts.slice(before.customXmlParts.length).map((p) => p.xml)).toEqual([
      planToXml(PLAN_B, planNamespace(PLAN_PROBE_TABLE)),
    ]);
  });
});

// Docs review of issue 23 (R7): getByNamespace has returned parts of another namespace (office-js
// #227), so the add-in lists the parts and pairs them by namespace; the probe finds its part so too.
describe('the part probe on a host whose getByNamespace returns every part (office-js #227)', () => {
  it('finds its own part by listing, as the add-in does', async () => {
    const sim = await twoPlans();
    const proto = SimCustomXmlPartCollection.prototype;
    const byNamespace = jest.spyOn(proto, 'getByNamespace').mockImplementation(function (
      this: SimCustomXmlPartCollection,
    ) {
      // Every part, whatever the namespace asked for.
      return this as unknown as SimCustomXmlPartScopedCollection;
    });
    try {
      const steps = await runSelfTest((batch) => sim.runExcel(batch), ALL_SETS);
      expect(steps.find((s) => s.id === 'planPart')).toMatchObject({ ok: true });
    } finally {
      byNamespace.mockRestore();
    }
  });
});
