// Renaming the plan in 设置 › 方案 renames the ledger sheet's title (B1, where createLedger writes
// it) in the save's own request, when the cell still holds the title the ledger was made with;
// the user's own title, or a co-author's written meanwhile, is left. Every cell of every sheet is
// compared before and after: only the title cell and the plan's part may change.
import { createLedger, importPlan, LEDGER_TABLE, savePlanNames } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { builtInPlan } from '../../src/ledger';
import { ALL_SETS, changedCells, changedPaths, countSyncs } from './helpers';
import { PLAN_B, TABLE_B } from './twoPlanFixture';

const edits = { title: '梨川县营商环境重点任务', shortName: '营商环境', region: '梨川县' };

async function builtInLedger() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  return sim;
}

describe('the ledger’s title follows the plan’s', () => {
  it('rewrites the generated title in the save’s request: only B1 and the plan part change', async () => {
    const sim = await builtInLedger();
    expect(sim.values('任务台账')[0][1]).toBe(`${builtInPlan().title}台账`);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () => sim.runExcel((c) => savePlanNames(c, edits, null)));
    // The plan (and whether the ledger table exists), then the title cell, then the writes.
    expect(syncs).toBe(3);
    expect(result.titleCell).toEqual({
      kind: 'updated',
      address: '任务台账!B1',
      text: '梨川县营商环境重点任务台账',
    });
    expect(result.echo.written).toHaveLength(1);
    const after = sim.snapshot();
    expect(changedCells(before, after)).toEqual(['任务台账!B1']);
    expect(changedPaths(before, after).filter((p) => !p.startsWith('sheets.任务台账.cells'))).toEqual([
      'customXmlParts',
    ]);
    expect(sim.values('任务台账')[0][1]).toBe('梨川县营商环境重点任务台账');
  });

  it('leaves a title the user typed, and says so', async () => {
    const sim = await builtInLedger();
    sim.userEdit('任务台账', 'B1', [['四平市职教工作督查台账（2026年）']]);
    const before = sim.snapshot();
    const saved = await sim.runExcel((c) => savePlanNames(c, edits, null));
    expect(saved.titleCell).toEqual({ kind: 'own', address: '任务台账!B1' });
    expect(saved.echo.written).toEqual([]);
    expect(changedCells(before, sim.snapshot())).toEqual([]);
    expect(changedPaths(before, sim.snapshot())).toEqual(['customXmlParts']);
  });

  it('keeps a co-author’s title typed between the read and the write', async () => {
    const sim = await builtInLedger();
    const before = sim.snapshot();
    const saved = await sim.runExcel((context) => {
      const sync = context.sync.bind(context);
      let syncs = 0;
      context.sync = async () => {
        if (++syncs === 3) sim.remoteEdit('任务台账', 'B1', [['别人改的标题']]);
        return sync();
      };
      return savePlanNames(context, edits, null);
    });
    expect(saved.titleCell).toEqual({ kind: 'own', address: '任务台账!B1' });
    expect(sim.values('任务台账')[0][1]).toBe('别人改的标题');
    expect(changedCells(before, sim.snapshot())).toEqual(['任务台账!B1']);
    expect(saved.plan.title).toBe(edits.title);
  });

  it('writes nothing to the sheet when the title is not renamed, in two syncs', async () => {
    const sim = await builtInLedger();
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => savePlanNames(c, { start: '2026-03-01' }, null)),
    );
    expect(syncs).toBe(2);
    expect(result.titleCell).toEqual({ kind: 'unchanged' });
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });

  it('renames the second plan’s ledger on its own sheet, not the first’s', async () => {
    const sim = await builtInLedger();
    const made = await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
    const partId = made.reference.plan.partId;
    const before = sim.snapshot();
    const saved = await sim.runExcel((c) =>
      savePlanNames(c, { title: '立山区稳经济重点任务（修订）' }, partId, TABLE_B),
    );
    expect(saved.titleCell).toMatchObject({ kind: 'updated', address: `${made.sheetName}!B1` });
    expect(changedCells(before, sim.snapshot())).toEqual([`${made.sheetName}!B1`]);
  });

  it('says nothing when the ledger table is gone: the plan is saved alone', async () => {
    const sim = await builtInLedger();
    await sim.run(async (c) => {
      c.workbook.tables.getItem(LEDGER_TABLE).convertToRange();
      await c.sync();
    });
    const before = sim.snapshot();
    const saved = await sim.runExcel((c) => savePlanNames(c, edits, null));
    expect(saved.titleCell).toEqual({ kind: 'unchanged' });
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });
});
