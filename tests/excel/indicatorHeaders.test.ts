// Docs review of issue 23 (R6): 完成率's structured references put each header in its own
// brackets, [@[…]], so a header Excel needs them for (a space, /, - …) does not make the write of
// the appended rows fail. The whole workbook is diffed.
import { addIndicatorRows, createLedger, readLedger, readReference, type LedgerRead } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { changedCells, ALL_SETS } from './helpers';

describe('重新识别 on a 指标 table whose headers need brackets in a structured reference', () => {
  it('appends the row with 完成率 as Indicators[@[…]] and Excel computes it', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    // Task 1's indicator row is deleted; the user spaces out two headers (still read as 目标值, 完成值).
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('指标');
      sheet.getRange('2:2').delete('Up');
      const table = c.workbook.tables.getItem('Indicators');
      table.columns.getItem('目标值').getHeaderRowRange().values = [['目标 值']];
      table.columns.getItem('完成值').getHeaderRowRange().values = [['实际 完成']];
      await c.sync();
    });
    const reference = await sim.runExcel((c) => readReference(c));
    const read = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const seed = {
      no: 1,
      name: '示范区',
      target: 4,
      measure: '个',
      owner: '市发展改革委',
      note: '据任务正文',
    };
    const before = sim.snapshot();
    const added = await sim.runExcel((c) => addIndicatorRows(c, { read, reference }, [seed], ALL_SETS));
    expect(added.rows).toBe(1);
    const t = sim.state.tables.find((x) => x.name === 'Indicators');
    if (!t) throw new Error('no table');
    const values = sim.values('指标');
    const header = values[t.rect.row].map(String);
    const last = t.rect.row + t.rect.rowCount - 1;
    const rateAt = header.indexOf('完成率');
    expect(sim.sheet('指标').cells.get(`${last},${rateAt}`)?.formula).toBe(
      '=IFERROR(Indicators[@[实际 完成]]/Indicators[@[目标 值]],"")',
    );
    // Only the new row's cells changed.
    expect(
      changedCells(before, sim.snapshot()).every((a) => a.startsWith('指标!') && a.endsWith(`${last + 1}`)),
    ).toBe(true);
    const actual = `${String.fromCharCode(65 + header.indexOf('实际 完成'))}${last + 1}`;
    expect(sim.userEdit('指标', actual, [[3]]).ok).toBe(true);
    expect(sim.values('指标')[last][rateAt]).toBe(0.75);
  });
});
