// Docs review of issue 23, item 3: a column's data validation must cover rows appended to its
// table. It goes on the column's data body after the rows are the table's (after the values, and
// after the resize when AutoCorrect kept them out), in requests the append makes anyway, never on
// cells below the table that may stay outside it.
import { addIndicatorRows, readLedger, readReference, type LedgerRead, createLedger } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { OFFICIAL_TASKS, proposeIndicators, seedsForTasks } from '../../src/ledger';
import { ALL_SETS, countSyncs } from './helpers';

const PLAN_SEEDS = seedsForTasks(OFFICIAL_TASKS.map((t) => ({ ...t, unitsText: t.units })));
const ACTUAL = 5; // 完成值 is column F of 指标

async function appendOne(sim: ExcelSim): Promise<number> {
  // The user deletes task 1's row, which 重新识别 then proposes again.
  await sim.run(async (c) => {
    c.workbook.worksheets.getItem('指标').getRange('2:2').delete('Up');
    await c.sync();
  });
  const reference = await sim.runExcel((c) => readReference(c));
  const read = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
  if (!reference.indicators) throw new Error('no table');
  const adds = proposeIndicators(
    reference.indicators,
    PLAN_SEEDS,
    new Set(OFFICIAL_TASKS.map((t) => t.no)),
  ).flatMap((p) => (p.kind === 'add' ? [p.seed] : []));
  const { syncs } = await countSyncs(sim, () =>
    sim.runExcel((c) => addIndicatorRows(c, { read, reference }, adds, ALL_SETS)),
  );
  return syncs;
}

/** The 完成值 rules on 指标 and the table's data body. */
function rulesAndBody(sim: ExcelSim) {
  const table = sim.state.tables.find((t) => t.name === 'Indicators');
  if (!table) throw new Error('no table');
  return {
    rules: sim
      .sheet('指标')
      .validations.filter((v) => v.rect.column === ACTUAL)
      .map((v) => v.rect),
    body: { row: 1, column: ACTUAL, rowCount: table.rect.rowCount - 1, columnCount: 1 },
  };
}

describe('a column’s data validation over appended rows (docs review of issue 23)', () => {
  it('covers the 完成值 column’s whole data body, one rule, after an append the table grew over', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    expect(await appendOne(sim)).toBe(2);
    const { rules, body } = rulesAndBody(sim);
    expect(rules).toEqual([body]);
  });

  it('covers the rows a resize took in when AutoCorrect kept them out, in the resize’s own request', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    sim.state.autoCorrect.includeNewRowsInTable = false;
    expect(await appendOne(sim)).toBe(3);
    const { rules, body } = rulesAndBody(sim);
    expect(rules).toEqual([body]);
  });
});
