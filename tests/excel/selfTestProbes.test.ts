// Issue 23's self-test probes (selfTestRealExcel, and the dropdown's name in selfTestCells), run on
// excel-sim as the diagnostics tab runs them in Excel: each passes, and the workbook is left
// exactly as it was, every cell of every sheet, its names, settings (the ledger's id among them)
// and tables compared.
import { createLedger, runSelfTest, setOfficialColumnsProtected, readLedger } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { ALL_SETS, changedPaths } from './helpers';

async function withProtectedLedger(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  const read = await sim.runExcel((c) => readLedger(c));
  if (!read) throw new Error('no ledger');
  // The user's own ledger protected by the add-in, and a value of theirs: the probes leave both.
  await sim.runExcel((c) => setOfficialColumnsProtected(c, read.location, read.ledger.header, true));
  sim.userEdit('任务台账', 'G5', [['用户写的进展']]);
  return sim;
}

describe('the self-test’s real-Excel probes (issue 23)', () => {
  it('pass on excel-sim and leave nothing behind', async () => {
    const sim = await withProtectedLedger();
    const before = sim.snapshot();
    const steps = await runSelfTest((batch) => sim.runExcel(batch), ALL_SETS);
    const failed = steps.filter((s) => !s.ok).map((s) => `${s.id}: ${s.detail.zh}`);
    expect(failed).toEqual([]);
    expect(steps.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'snapshotFiltered',
        'protectedDropdown',
        'movedActual',
        'cellEdit',
        'statusList',
      ]),
    );
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
  });

  it('waits out a cell being edited in its background read, and reports no error', async () => {
    const sim = await withProtectedLedger();
    let edits = 0;
    const runWhenIdle = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => {
      // The user double-clicks a cell as the background read starts, and leaves it a moment later.
      sim.startCellEdit();
      edits++;
      setTimeout(() => sim.endCellEdit(), 20);
      return sim.runExcel(batch, { delayForCellEdit: true });
    };
    const steps = await runSelfTest((batch) => sim.runExcel(batch), ALL_SETS, new Date(), runWhenIdle);
    expect(edits).toBe(1);
    expect(steps.find((s) => s.id === 'cellEdit')).toMatchObject({ ok: true });
    expect(steps.every((s) => s.ok)).toBe(true);
  });
});
