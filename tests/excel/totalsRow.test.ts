// Docs review of issue 23: a user may switch on a table's totals row (表设计 › 汇总行) on 进度快照,
// 指标 or 变更记录. Rows written directly below such a table would land under the totals row,
// outside the table, and a resize over them would leave the totals row among the data: rows go
// into the table above its totals row instead (TableRowCollection.add). Whole-workbook diffs.
import {
  addIndicatorRows,
  applyReturns,
  createLedger,
  ensureLedgerId,
  generateSummaries,
  readLedger,
  readReference,
  undoLastImport,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { readReturnForm, writeReturnForm } from '../../src/files';
import {
  changesToApply,
  checkReturn,
  dayOf,
  OFFICIAL_TASKS,
  proposeIndicators,
  returnFormSpec,
  reviewReturns,
  seedsForTasks,
  summarize,
  type Day,
} from '../../src/ledger';
import { AS_OF_DATE, asOf } from '../asOf';
import { ALL_SETS, changedCells } from './helpers';

const SEP_30 = dayOf(2026, 9, 30) as Day;
const OCT_31 = dayOf(2026, 10, 31) as Day;
const PLAN_SEEDS = seedsForTasks(OFFICIAL_TASKS.map((t) => ({ ...t, unitsText: t.units })));

function report(sim: ExcelSim, asOf: Day) {
  return generateSummaries((batch) => sim.runExcel(batch), {
    asOf,
    request: { overview: true, behind: false },
    supports: ALL_SETS,
  });
}

/** The user switches on a table's totals row, lifting and setting again the sheet's protection. */
function userShowsTotals(sim: ExcelSim, tableName: string): Promise<void> {
  return sim.run(async (c) => {
    const table = c.workbook.tables.getItem(tableName);
    const protection = table.worksheet.protection.load('protected');
    await c.sync();
    if (protection.protected) protection.unprotect();
    table.showTotals = true;
    if (protection.protected) protection.protect({ allowAutoFilter: true });
    await c.sync();
  });
}

const tableModel = (sim: ExcelSim, name: string) => {
  const found = sim.state.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
};

describe('appending to a table with a totals row (docs review of issue 23)', () => {
  it('puts a new date’s 进度快照 rows above the totals row, inside the table', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    await report(sim, SEP_30);
    const rowsPerDate = sim.values('进度快照').length - 1;
    await userShowsTotals(sim, 'ProgressSnapshots');
    const totalsRow = tableModel(sim, 'ProgressSnapshots').rect.rowCount; // 1-based sheet row
    const result = await report(sim, OCT_31);
    expect(result.snapshot).toMatchObject({ kept: true, added: rowsPerDate });
    const table = tableModel(sim, 'ProgressSnapshots');
    expect(table.totals).toBe(true);
    // Header, both dates' rows, the totals row: nothing below the table.
    expect(table.rect.rowCount).toBe(1 + 2 * rowsPerDate + 1);
    // The totals row, still the table's last, stays empty: the sheet's values end just above it.
    expect(sim.values('进度快照')).toHaveLength(table.rect.rowCount - 1);
    expect(sim.values('进度快照')[table.rect.rowCount - 2][0]).not.toBe('');
    expect(totalsRow).toBe(rowsPerDate + 2);
  });

  it('adds 重新识别’s indicators above the 指标 totals row, touching only the new row', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    // The user deletes task 1's row, which 重新识别 then proposes again, and shows the totals row.
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('指标').getRange('2:2').delete('Up');
      await c.sync();
    });
    await userShowsTotals(sim, 'Indicators');
    const bodyBefore = tableModel(sim, 'Indicators').rect.rowCount - 2;
    const reference = await sim.runExcel((c) => readReference(c));
    const read = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const table = reference.indicators;
    if (!table) throw new Error('no table');
    const adds = proposeIndicators(table, PLAN_SEEDS, new Set(OFFICIAL_TASKS.map((t) => t.no))).flatMap(
      (p) => (p.kind === 'add' ? [p.seed] : []),
    );
    expect(adds).toHaveLength(1);
    const before = sim.snapshot();
    const result = await sim.runExcel((c) => addIndicatorRows(c, { read, reference }, adds, ALL_SETS));
    expect(result.rows).toBe(1);
    const after = tableModel(sim, 'Indicators');
    expect(after.rect.rowCount).toBe(1 + bodyBefore + 1 + 1);
    // The new row is the last data row (sheet row bodyBefore + 2); the totals row below it stays
    // empty, and nothing stands below the table.
    const row = bodyBefore + 2;
    const changed = changedCells(before, sim.snapshot());
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((a) => a.endsWith(`${row}`) && !a.endsWith(`${row}0`))).toBe(true);
    expect(sim.values('指标')).toHaveLength(row);
  });

  it('logs an import and its undo above the 变更记录 totals row', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const ledgerId = await sim.runExcel((c) => ensureLedgerId(c));
    /** 市总工会 returns its form with task 24 set to `status`, and the pane imports it. */
    const importing = async (status: string, time: string) => {
      const reference = await sim.runExcel((c) => readReference(c));
      const read = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
      const options = { asOf, statuses: reference.statuses, directory: reference.directory };
      const spec = returnFormSpec(summarize(read.ledger, options), '市总工会', {
        ledgerId,
        statuses: reference.statuses,
        directory: reference.directory,
        ledger: read.ledger,
      });
      const rows = spec.rows.map((r) => (r.no === 24 ? { ...r, status } : { ...r }));
      const form = await readReturnForm(spec.fileName, await writeReturnForm({ ...spec, rows }, AS_OF_DATE));
      const checked = checkReturn(form, { ledgerId, statuses: reference.statuses, knowsUnit: () => true });
      const { changes } = reviewReturns({
        ledger: read.ledger,
        tasks: summarize(read.ledger, { asOf }).tasks,
        returns: [checked],
        directory: reference.directory,
      });
      return sim.runExcel((c) =>
        applyReturns(c, read, changesToApply(changes).ok, { time, batch: `${time} 导入` }, ALL_SETS),
      );
    };
    await importing('序时推进', '2026-11-28 09:00');
    await userShowsTotals(sim, 'ChangeLog');
    expect((await importing('已完成', '2026-11-29 09:00')).applied).toBe(1);
    // Header, two entries, the totals row; the sheet's values end above the empty totals row.
    expect(tableModel(sim, 'ChangeLog').rect.rowCount).toBe(4);
    expect(sim.values('变更记录')).toHaveLength(3);
    const now = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const undone = await sim.runExcel((c) => undoLastImport(c, now, '2026-11-29 10:00', ALL_SETS));
    expect(undone.restored).toBe(1);
    expect(tableModel(sim, 'ChangeLog').rect.rowCount).toBe(5);
    expect(sim.values('变更记录')).toHaveLength(4);
  });
});
