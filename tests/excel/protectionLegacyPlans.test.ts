// Docs review of issue 23 (B1, B2): before marks named their table, the add-in wrote the same
// unnamed mark on every ledger it protected, a second plan's too; and Excel compares table names
// without case. Each test diffs the whole workbook.
import {
  createLedger,
  importPlan,
  isSheetProtected,
  readLedger,
  setOfficialColumnsProtected,
  type LedgerLocation,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { ALL_SETS, changedPaths } from './helpers';
import { PLAN_B } from './twoPlanFixture';

const MARK = 'RenwuTaizhang_Protected';

/** A workbook with the built-in plan's ledger and an imported plan's, the second one protected by the pane. */
async function protectedSecondLedger() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  const second = await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  const read = await sim.runExcel((c) => readLedger(c, second.tableName));
  if (!read) throw new Error('no second ledger');
  await sim.runExcel((c) => setOfficialColumnsProtected(c, read.location, read.ledger.header, true));
  return { sim, ...read };
}

/** Every mark in the workbook given `formula`, as an older version (or a host re-casing it) left it. */
function setMarks(sim: ExcelSim, formula: string): void {
  for (const name of sim.state.names)
    if (name.name === MARK) Object.assign(name, { target: { kind: 'formula', formula } });
}

/** The user copies a sheet (the copy comes protected, mark and all) and returns where its table is. */
function userCopies(sim: ExcelSim, location: LedgerLocation): Promise<LedgerLocation> {
  return sim.run(async (c) => {
    const copy = c.workbook.worksheets.getItem(location.sheetName).copy();
    copy.load('id, name');
    const tables = copy.tables.load('items/id, items/name');
    await c.sync();
    const [table] = tables.items;
    return { ...location, sheetId: copy.id, sheetName: copy.name, tableName: table.name, tableId: table.id };
  });
}

/** The parts of the workbook that changed (sheet.part). */
const touched = (paths: string[]) => [...new Set(paths.map((p) => p.split('.').slice(0, 3).join('.')))];

const marksOn = (sim: ExcelSim, sheet: string) => sim.snapshot().sheets.find((s) => s.name === sheet)?.names;

describe('older and re-cased protection marks (docs review of issue 23)', () => {
  it('honours an unnamed mark on a second plan’s ledger, which has its own plan part, and lifts it', async () => {
    const { sim, location, ledger } = await protectedSecondLedger();
    setMarks(sim, '="任务台账"');
    expect(await sim.runExcel((c) => isSheetProtected(c, location))).toEqual({
      protected: true,
      byAddIn: true,
    });
    const before = sim.snapshot();
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, false));
    const sheet = `sheets.${location.sheetName}`;
    expect(touched(changedPaths(before, sim.snapshot()))).toEqual([`${sheet}.protection`, `${sheet}.names`]);
    expect(marksOn(sim, location.sheetName)).toEqual([]);
  });

  it('names the table when it protects a second plan’s ledger again over an unnamed mark', async () => {
    const { sim, location, ledger } = await protectedSecondLedger();
    setMarks(sim, '="任务台账"');
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    expect(marksOn(sim, location.sheetName)).toEqual([
      { name: MARK, formula: `="任务台账|${location.tableName}"` },
    ]);
  });

  it('does not honour an unnamed mark on a copy of the second ledger’s sheet: the copy’s table has no plan part', async () => {
    const { sim, location } = await protectedSecondLedger();
    const copy = await userCopies(sim, location);
    setMarks(sim, '="任务台账"');
    expect(await sim.runExcel((c) => isSheetProtected(c, copy))).toEqual({ protected: true, byAddIn: false });
    expect(await sim.runExcel((c) => isSheetProtected(c, location))).toEqual({
      protected: true,
      byAddIn: true,
    });
  });

  it('takes a mark naming its table in other letter case for its own, as Excel compares table names', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const read = await sim.runExcel((c) => readLedger(c));
    if (!read) throw new Error('no ledger');
    await sim.runExcel((c) => setOfficialColumnsProtected(c, read.location, read.ledger.header, true));
    setMarks(sim, '="任务台账|taskledger"');
    expect(await sim.runExcel((c) => isSheetProtected(c, read.location))).toEqual({
      protected: true,
      byAddIn: true,
    });
    const before = sim.snapshot();
    await sim.runExcel((c) => setOfficialColumnsProtected(c, read.location, read.ledger.header, false));
    expect(touched(changedPaths(before, sim.snapshot()))).toEqual([
      `sheets.${read.location.sheetName}.protection`,
      `sheets.${read.location.sheetName}.names`,
    ]);
    expect(await sim.runExcel((c) => isSheetProtected(c, read.location))).toEqual({
      protected: false,
      byAddIn: false,
    });
  });
});
