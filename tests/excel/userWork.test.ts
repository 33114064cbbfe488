// The user's own work next to the pane's: a filter they set on another column, a formula in a
// cell the pane would write, a row hidden when the pane jumps to it. Each write is checked
// against a whole-workbook diff.
import {
  applyUnitFilter,
  clearUnitFilter,
  createLedger,
  describeError,
  findLedgerLikeSheets,
  generateSummaries,
  inspectFixes,
  readLedger,
  selectCell,
  setTaskStatus,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { OFFICIAL_TASKS, plannedFixes, tasksForUnit } from '../../src/ledger';
import { asOf } from '../asOf';
import { ALL_SETS, changedCells, countSyncs, taskCell } from './helpers';

async function withLedger(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  return sim;
}

async function read(sim: ExcelSim): Promise<LedgerRead> {
  const result = await sim.runExcel((c) => readLedger(c));
  if (!result) throw new Error('no ledger');
  return result;
}

/** The user's own AutoFilter: 状态 = 滞后, set in Excel's filter button. */
function filterStatus(sim: ExcelSim, status: string): Promise<void> {
  return sim.run(async (c) => {
    c.workbook.tables.getItem('TaskLedger').columns.getItem('状态').filter.applyValuesFilter([status]);
    await c.sync();
  });
}

describe('filtering by unit beside the user’s own filter (issue 21, item 7)', () => {
  it('counts the rows the grid shows and names the filters left on', async () => {
    const sim = await withLedger();
    // Task 3 (市教育局 leads it) is 滞后; the user shows only 滞后 rows.
    expect(sim.userEdit('任务台账', 'D6', [['滞后']]).ok).toBe(true);
    await filterStatus(sim, '滞后');
    const ledgerRead = await read(sim);
    const numbers = tasksForUnit(
      ledgerRead.ledger.rows.map((r) => ({ no: r[0], units: r[2] })),
      '市教育局',
    );
    expect(numbers.length).toBeGreaterThan(9);
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => applyUnitFilter(c, ledgerRead, numbers)),
    );
    expect(syncs).toBe(2);
    // What the grid shows: rows neither filter hides.
    const visible = 40 - sim.sheet('任务台账').filteredRows.size;
    expect(visible).toBe(1);
    expect(result).toEqual({ shown: visible, otherFilters: ['状态'] });
    // 清除筛选 clears the pane's own filter, and says the user's stays on.
    const cleared = await countSyncs(sim, () => sim.runExcel((c) => clearUnitFilter(c, ledgerRead)));
    expect(cleared.syncs).toBe(1);
    expect(cleared.result).toEqual({ shown: 1, otherFilters: ['状态'] });
    expect(40 - sim.sheet('任务台账').filteredRows.size).toBe(1);
  });

  it('says nothing more when no other filter is on, and counts a row hidden by hand', async () => {
    const sim = await withLedger();
    const ledgerRead = await read(sim);
    const numbers = tasksForUnit(
      ledgerRead.ledger.rows.map((r) => ({ no: r[0], units: r[2] })),
      '双辽市人民政府',
    );
    expect(await sim.runExcel((c) => applyUnitFilter(c, ledgerRead, numbers))).toEqual({
      shown: numbers.length,
      otherFilters: [],
    });
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').getRange(`A${3 + numbers[0]}`).rowHidden = true;
      await c.sync();
    });
    expect(await sim.runExcel((c) => applyUnitFilter(c, ledgerRead, numbers))).toEqual({
      shown: numbers.length - 1,
      otherFilters: [],
    });
  });
});

describe('formulas in cells the pane would write (issue 21, item 15)', () => {
  /** The user works task 5's status out with a formula. */
  async function statusByFormula(sim: ExcelSim): Promise<void> {
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').getRange('D8').formulas = [
        ['=IF(E8>=100,"已完成","序时推进")'],
      ];
      await c.sync();
    });
  }

  it('refuses a status for a cell that holds a formula, naming it, and writes nothing', async () => {
    const sim = await withLedger();
    await statusByFormula(sim);
    const ledgerRead = await read(sim);
    const before = sim.snapshot();
    const error = await sim
      .runExcel((c) =>
        setTaskStatus(c, ledgerRead, 5, { status: '滞后', expectedStatus: String(taskCell(sim, 5, '状态')) }),
      )
      .catch((e: unknown) => e);
    expect(describeError(error).zh).toBe(
      '任务台账!D8 的状态由公式 =IF(E8>=100,"已完成","序时推进") 得出，为避免覆盖公式，未做更改。请在 Excel 中修改公式或其引用的单元格。',
    );
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });

  it('tells the cells a confirmation lists from those it leaves alone for their formula, in one sync', async () => {
    const sim = await withLedger();
    await statusByFormula(sim);
    const ledgerRead = await read(sim);
    const fixes = plannedFixes(ledgerRead.ledger, [
      { row: 4, column: 3, value: '未启动' },
      { row: 5, column: 3, value: '未启动' },
    ]);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => inspectFixes(c, ledgerRead.location, fixes)),
    );
    expect(syncs).toBe(1);
    expect(result).toEqual({ writable: [fixes[1]], formulas: ['任务台账!D8'] });
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });
});

describe('a jump to a row the grid hides (issue 21, item 14)', () => {
  it('selects the cell and says its row is hidden', async () => {
    const sim = await withLedger();
    const ledgerRead = await read(sim);
    await sim.runExcel((c) => applyUnitFilter(c, ledgerRead, [1, 2]));
    expect(await sim.runExcel((c) => selectCell(c, ledgerRead.location, 1, 3))).toEqual({
      address: '任务台账!D5',
      hidden: false,
    });
    expect(await sim.runExcel((c) => selectCell(c, ledgerRead.location, 4, 3))).toEqual({
      address: '任务台账!D8',
      hidden: true,
    });
    expect(sim.state.selection?.rect).toEqual({ row: 7, column: 3, rowCount: 1, columnCount: 1 });
  });
});

describe('a task row moved out of the table (issue 21, item 8)', () => {
  it('is named by the summaries, with the cell its text now stands in', async () => {
    const sim = await withLedger();
    // Task 9's row is cut from the table (the table shrinks) and pasted two rows below it.
    await sim.run(async (c) => {
      c.workbook.tables.getItem('TaskLedger').rows.getItemAt(8).delete();
      await c.sync();
    });
    expect(
      sim.userEdit('任务台账', 'A44:C44', [[9, OFFICIAL_TASKS[8].task, OFFICIAL_TASKS[8].units]]).ok,
    ).toBe(true);
    const result = await generateSummaries(sim.runExcel.bind(sim), { asOf, request: {}, supports: ALL_SETS });
    const overview = sim.values(result.sheets[0].name).flat().map(String);
    expect(overview).toContain(
      '台账缺少正式任务：第9项。第9项的文本在表格下方的B44，不在台账表格内，未计入统计。',
    );
  });
});

describe('sheets that look like a ledger besides the ledger (issue 21, item 13)', () => {
  it('names them in two syncs, leaving out the ledger and the summary sheets the add-in made', async () => {
    const sim = await withLedger();
    await generateSummaries(sim.runExcel.bind(sim), {
      asOf,
      request: { units: ['市教育局'] },
      supports: ALL_SETS,
    });
    await sim.run(async (c) => {
      c.workbook.worksheets.add('旧台账').getRange('B5:D6').values = [
        ['序号', '任务', '责任部门'],
        [1, '旧任务', '市教育局'],
      ];
      await c.sync();
    });
    const { location } = await read(sim);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => findLedgerLikeSheets(c, location.sheetId)),
    );
    expect(syncs).toBe(2);
    // The unit sheet (序号, 工作任务, 责任单位 on its fourth row) is the add-in's, not a ledger.
    expect(sim.state.sheets.map((s) => s.name)).toContain('汇总-市教育局');
    expect(result).toEqual(['旧台账']);
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });
});
