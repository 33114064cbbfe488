// Docs review of issue 23: the add-in's protection mark is a name scoped to the sheet, and such a
// name travels with a copy of the sheet (Worksheet.copy, 移动或复制). The mark names the table the
// add-in protected the sheet for, so a copy the user protected by hand is never taken for the
// add-in's; and a protection with someone else's password is refused with a sentence, nothing
// written. Each test diffs the whole workbook.
import {
  createLedger,
  describeError,
  isSheetProtected,
  readLedger,
  setOfficialColumnsProtected,
  type LedgerLocation,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { ALL_SETS, changedPaths } from './helpers';

const MARK = 'RenwuTaizhang_Protected';

async function protectedLedger() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  const read = await sim.runExcel((c) => readLedger(c));
  if (!read) throw new Error('no ledger');
  await sim.runExcel((c) => setOfficialColumnsProtected(c, read.location, read.ledger.header, true));
  return { sim, ...read };
}

/** The user copies the ledger's sheet (the copy comes protected, mark and all) and returns where its table is. */
async function userCopies(sim: ExcelSim, location: LedgerLocation): Promise<LedgerLocation> {
  return sim.run(async (c) => {
    const copy = c.workbook.worksheets.getItem(location.sheetName).copy();
    copy.load('id, name');
    const tables = copy.tables.load('items/id, items/name');
    await c.sync();
    const [table] = tables.items;
    return { ...location, sheetId: copy.id, sheetName: copy.name, tableName: table.name, tableId: table.id };
  });
}

/** The user lifts a sheet's protection by hand and protects it again, with a password when given. */
function userProtects(sim: ExcelSim, sheetName: string, password?: string): Promise<void> {
  return sim.run(async (c) => {
    const sheet = c.workbook.worksheets.getItem(sheetName);
    sheet.protection.unprotect();
    sheet.protection.protect({ allowAutoFilter: true }, password);
    await c.sync();
  });
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; zh: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { code: string }).code, zh: describeError(error).zh };
  }
  throw new Error('expected a refusal');
}

describe('the protection mark and copies of a sheet (docs review of issue 23)', () => {
  it('does not take a copy of the ledger’s sheet, protected by the user, for its own', async () => {
    const { sim, location, ledger } = await protectedLedger();
    const copy = await userCopies(sim, location);
    // The mark came with the copy: a name formula that names the original's table.
    expect(sim.snapshot().sheets.find((s) => s.name === copy.sheetName)?.names).toEqual([
      { name: MARK, formula: '="任务台账|TaskLedger"' },
    ]);
    expect(copy.tableName).not.toBe(location.tableName);
    await userProtects(sim, copy.sheetName);
    expect(await sim.runExcel((c) => isSheetProtected(c, copy))).toEqual({ protected: true, byAddIn: false });
    const before = sim.snapshot();
    const refused = await refusal(
      sim.runExcel((c) => setOfficialColumnsProtected(c, copy, ledger.header, false)),
    );
    expect(refused.code).toBe('NotOurProtection');
    expect(refused.zh).toContain(copy.sheetName);
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
    // The original is still the add-in's.
    expect(await sim.runExcel((c) => isSheetProtected(c, location))).toEqual({
      protected: true,
      byAddIn: true,
    });
  });

  it('replaces the copy’s mark with its own when it protects the copy, unprotected, as a ledger', async () => {
    const { sim, location, ledger } = await protectedLedger();
    const copy = await userCopies(sim, location);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem(copy.sheetName).protection.unprotect();
      await c.sync();
    });
    await sim.runExcel((c) => setOfficialColumnsProtected(c, copy, ledger.header, true));
    expect(sim.snapshot().sheets.find((s) => s.name === copy.sheetName)?.names).toEqual([
      { name: MARK, formula: `="任务台账|${copy.tableName}"` },
    ]);
    expect(await sim.runExcel((c) => isSheetProtected(c, copy))).toEqual({ protected: true, byAddIn: true });
  });

  it('honours an unnamed mark of an older version on the ledger’s own table, not on a copy’s, and names the table when it protects again', async () => {
    const { sim, location, ledger } = await protectedLedger();
    const copy = await userCopies(sim, location);
    // Both sheets as an older version left them: the mark named no table.
    for (const name of sim.state.names)
      if (name.name === MARK) Object.assign(name, { target: { kind: 'formula', formula: '="任务台账"' } });
    expect(await sim.runExcel((c) => isSheetProtected(c, location))).toEqual({
      protected: true,
      byAddIn: true,
    });
    expect(await sim.runExcel((c) => isSheetProtected(c, copy))).toEqual({ protected: true, byAddIn: false });
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    expect(sim.snapshot().sheets.find((s) => s.name === location.sheetName)?.names).toEqual([
      { name: MARK, formula: '="任务台账|TaskLedger"' },
    ]);
  });

  // A protection the user lifted by hand and set again with a password keeps the add-in's mark:
  // the add-in's lift is refused (at WorksheetProtection.unprotect, whatever the code), nothing written.
  it('refuses with a sentence when its own sheet was protected again with someone else’s password', async () => {
    const { sim, location, ledger } = await protectedLedger();
    await userProtects(sim, location.sheetName, '他人的密码');
    const before = sim.snapshot();
    const refused = await refusal(
      sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, false)),
    );
    expect(refused.code).toBe('PasswordProtected');
    expect(refused.zh).toContain('已由他人设置密码保护');
    expect(refused.zh).toContain('数据未被更改');
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
  });
});
