// Issue 23, docs review: TableColumnCollection.add with 1501 values whose last is empty leaves the
// table one row short (office-js #3013). 添加列 on a ledger of 1500 tasks keeps every row in the
// table, and changes only the new columns' cells.
import { addExtensionColumns, adoptActiveSheet, readLedger } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { OFFICIAL_TASKS } from '../../src/ledger';
import { ALL_SETS, changedCells } from './helpers';

it('adds the four columns to a 1,500-task ledger without losing its last row from the table (office-js #3013)', async () => {
  const sim = new ExcelSim();
  const tasks = 1500;
  await sim.run(async (c) => {
    c.workbook.worksheets.getItem('Sheet1').getRange(`A1:D${tasks + 1}`).values = [
      ['序号', '工作任务', '责任单位', '状态'],
      ...Array.from({ length: tasks }, (_, i) => {
        const t = OFFICIAL_TASKS[i % OFFICIAL_TASKS.length];
        return [i + 1, t.task, t.units, '序时推进'];
      }),
    ];
    await c.sync();
  });
  await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS }));
  const read = await sim.runExcel((c) => readLedger(c));
  if (!read) throw new Error('no ledger');
  const table = () => sim.state.tables.find((t) => t.name === read.location.tableName);
  const before = sim.snapshot();
  const width = table()?.rect.columnCount ?? 0;
  await sim.runExcel((c) => addExtensionColumns(c, read.location, ALL_SETS));
  expect(table()?.rect).toMatchObject({ rowCount: tasks + 1, columnCount: width + 4 });
  const again = await sim.runExcel((c) => readLedger(c));
  expect(again?.ledger.rows).toHaveLength(tasks);
  // Only the four header cells hold anything new; the new body cells are empty.
  const cells = changedCells(before, sim.snapshot());
  expect(cells.filter((a) => /!\D+1$/.test(a))).toHaveLength(4);
});
