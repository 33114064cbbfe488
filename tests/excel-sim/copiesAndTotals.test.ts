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
  // with one stays protected and the call fails. The docs list no error for unprotect; the simulator
  // answers InvalidArgument, as pauseProtection is documented to for a wrong password (an assumption).
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
      'InvalidArgument',
    );
    expect(sim.sheet('Sheet1').protection.protected).toBe(true);
  });
});

describe('excel-sim: a table’s totals row (Table.showTotals, ExcelApi 1.1)', () => {
  async function tableWithTotals(sim: ExcelSim): Promise<void> {
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:B3').values = [
        ['a', 'b'],
        [1, 2],
        [3, 4],
      ];
      const table = sheet.tables.add('A1:B3', true);
      table.name = 'T';
      table.showTotals = true;
      await c.sync();
    });
  }

  // excel.table#excel-excel-table-showtotals-member: the totals row is part of the table's range
  // (getRange), not of its data body (getDataBodyRange); TableRowCollection.add adds data rows,
  // so rows go above it.
  it('keeps the totals row in the range, out of the body, and below rows added', async () => {
    const sim = new ExcelSim();
    await tableWithTotals(sim);
    await sim.run(async (c) => {
      const table = c.workbook.tables.getItem('T');
      const whole = table.getRange().load('address');
      const body = table.getDataBodyRange().load('address');
      const rows = table.rows.load('count');
      await c.sync();
      expect(whole.address).toBe('Sheet1!A1:B4');
      expect(body.address).toBe('Sheet1!A2:B3');
      expect(rows.count).toBe(2);
      table.rows.add(undefined, [[5, 6]]);
      const after = table.getDataBodyRange().load('values');
      await c.sync();
      expect(after.values).toEqual([
        [1, 2],
        [3, 4],
        [5, 6],
      ]);
    });
  });

  // Typing under a totals row leaves the table as it is (the totals row closes it), and the
  // simulator plays the same for an API write; Table.resize with a totals row is not documented,
  // and the simulator refuses it so that nothing relies on it.
  it('does not grow over a write below its totals row, and refuses resize', async () => {
    const sim = new ExcelSim();
    await tableWithTotals(sim);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('A5:B5').values = [[7, 8]];
      const whole = c.workbook.tables.getItem('T').getRange().load('address');
      await c.sync();
      expect(whole.address).toBe('Sheet1!A1:B4');
    });
    await rejects(
      sim.run(async (c) => {
        c.workbook.tables.getItem('T').resize('A1:B5');
        await c.sync();
      }),
      'InvalidOperation',
    );
  });
});

describe('excel-sim: Table.resize and a column’s data validation (ExcelApi 1.13)', () => {
  // excel.table#excel-excel-table-resize-member: the table is resized over the new range; no cell
  // is changed, so rows taken in keep their own (here: no) validation. The simulator does not
  // spread the column's rule over them, as the docs do not promise it.
  it('takes rows in without the column’s rule', async () => {
    const sim = new ExcelSim();
    sim.state.autoCorrect.includeNewRowsInTable = false;
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A3').values = [['n'], [1], [2]];
      const table = sheet.tables.add('A1:A3', true);
      table.getDataBodyRange().dataValidation.rule = {
        decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
      };
      sheet.getRange('A4').values = [[3]];
      await c.sync();
      table.resize('A1:A4');
      await c.sync();
    });
    expect(sim.sheet('Sheet1').validations.map((v) => v.rect)).toEqual([
      { row: 1, column: 0, rowCount: 2, columnCount: 1 },
    ]);
  });
});
