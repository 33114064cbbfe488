// Conformance of the simulator to Excel, docs review of issue 23: copied sheets and totals rows.
// Each behaviour cites where it is documented.
import { ExcelSim, SimError } from '../../src/excel-sim';

async function rejects(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(SimError);
  await expect(promise).rejects.toMatchObject({ code });
}

describe('excel-sim: Worksheet.copy (ExcelApi 1.7)', () => {
  // excel.worksheet#excel-excel-worksheet-copy-member copies the sheet; names scoped to a sheet go
  // with it (the user's 移动或复制 › 建立副本 does the same), and a table in the copy takes a new
  // name, table names being unique in a workbook (excel.table#excel-excel-table-name-member).
  it('carries the names scoped to the sheet and gives the copy’s table a name of its own', async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:B2').values = [
        ['a', 'b'],
        [1, 2],
      ];
      sheet.tables.add('A1:B2', true).name = 'Mine';
      sheet.names.add('Marked', '="yes"');
      await c.sync();
      const copy = sheet.copy();
      copy.load('name, id');
      const mark = copy.names.getItem('Marked').load('formula');
      const tables = copy.tables.load('items/name');
      const values = copy.getRange('A1:B2').load('values');
      await c.sync();
      expect(copy.name).toBe('Sheet1 (2)');
      expect(mark.formula).toBe('="yes"');
      expect(tables.items.map((t) => t.name)).toEqual(['Mine2']);
      expect(values.values).toEqual([
        ['a', 'b'],
        [1, 2],
      ]);
    });
    expect(sim.state.tables.map((t) => t.name)).toEqual(['Mine', 'Mine2']);
  });

  // WorksheetProtection.unprotect(password) (ExcelApi 1.7): without the password a sheet protected
  // with one stays protected and the call fails (the simulator answers BadPassword).
  it('keeps a copy protected with a password when unprotect is called without it', async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').protection.protect({}, 'pw');
      await c.sync();
    });
    await rejects(
      sim.run(async (c) => {
        c.workbook.worksheets.getItem('Sheet1').protection.unprotect();
        await c.sync();
      }),
      'BadPassword',
    );
    expect(sim.sheet('Sheet1').protection.protected).toBe(true);
  });
});
