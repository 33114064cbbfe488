// 报送登记's loose ends (issue 26 follow-up) on excel-sim, each with a whole-workbook diff: a
// return that proposes nothing recorded as 已报; 撤销上次导入 taking back the return it recorded;
// a register whose columns were renamed or deleted refused before anything is written.
import {
  applyReturns,
  readLedger,
  readRegisterSheet,
  recordReturns,
  undoLastImport,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { returnFormsZip } from '../../src/files';
import { issueForms } from '../../src/taskpane/registerWorkflow';
import { readForForms } from '../../src/taskpane/returnsWorkflow';
import { ALL_SETS, changedCells, countSyncs } from './helpers';
import { day, formReturned, hostAt, ISSUED, issueRound, paneGuess } from './roundFixture';

jest.setTimeout(60_000);

const UNITS = ['市教育局', '市财政局', '市人社局'];
const pane = paneGuess();
const hostOf = (sim: ExcelSim) => hostAt(sim, ISSUED);
/** A ledger, a round issued to three units, and the pane's read that saw 报送登记. */
const issued = () => issueRound(pane, UNITS, '2026-12-04');
const returned = (sim: ExcelSim, unit: string, problem: string | null) =>
  formReturned(sim, pane, unit, problem);

const registerOf = async (sim: ExcelSim) => (await sim.runExcel((c) => readRegisterSheet(c)))!;

describe('报送登记 follow-up (issue 26)', () => {
  it('a form sent back unchanged proposes nothing, and 记录为已报 records the unit in 报送登记 alone, in one request', async () => {
    const sim = await issued();
    const { changes, receipt } = await returned(sim, '市财政局', null);
    expect(changes).toEqual([]);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) =>
        recordReturns(c, { returns: [receipt], on: day('2026-12-02'), expected: true }, ALL_SETS),
      ),
    );
    expect(result).toEqual({ kept: true, sheetName: '报送登记', updated: 1, added: 0 });
    // 报送日期, 报送次数, 最近报送文件 of 市财政局's row: no 变更记录, no ledger cell.
    expect(changedCells(before, sim.snapshot())).toEqual(['报送登记!E3', '报送登记!F3', '报送登记!G3']);
    // The register read, then its row written.
    expect(syncs).toBe(2);
    const entry = (await registerOf(sim)).register.entries[1];
    expect(entry).toMatchObject({ unit: '市财政局', returns: 1, receivedOn: day('2026-12-02') });
  });

  it('撤销上次导入 takes back the return the import recorded, in the undo’s own two round trips', async () => {
    const sim = await issued();
    const { read, changes, receipt } = await returned(sim, '市教育局', '场地不足');
    expect(changes.length).toBeGreaterThan(0);
    const before = sim.snapshot();
    await sim.runExcel((c) =>
      applyReturns(c, read, changes, { time: '2026-12-02 10:00', batch: 'b-1' }, ALL_SETS, {
        returns: [receipt],
        on: day('2026-12-02'),
        expected: true,
      }),
    );
    expect((await registerOf(sim)).register.entries[0]).toMatchObject({ returns: 1 });
    const imported = sim.snapshot();
    const now = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => undoLastImport(c, now, '2026-12-02 11:00', ALL_SETS, true)),
    );
    expect(syncs).toBe(2);
    expect(result.register).toEqual({ kept: true, sheetName: '报送登记', takenBack: 1 });
    // 报送登记 as before the import; the ledger cell back; only the undo's log rows are new.
    const after = sim.snapshot();
    expect(changedCells(before, after).filter((c) => !c.startsWith('变更记录!'))).toEqual([]);
    expect(changedCells(imported, after).filter((c) => c.startsWith('报送登记!'))).toEqual([
      '报送登记!E2',
      '报送登记!F2',
      '报送登记!G2',
    ]);
    expect((await registerOf(sim)).register.entries[0]).toMatchObject({ returns: 0, receivedOn: null });
  });

  it('a register whose 报送日期 and 报送次数 were renamed is refused, naming them, nothing written', async () => {
    const sim = await issued();
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('报送登记');
      sheet.protection.unprotect();
      const header = c.workbook.tables.getItem('ReportRegister').getHeaderRowRange();
      // Past recognition: neither is a header or alias the register knows.
      header.getCell(0, 4).values = [['收件日']];
      header.getCell(0, 5).values = [['次数']];
      sheet.protection.protect();
      await c.sync();
    });
    await readForForms(hostOf(sim), pane);
    const { read, changes, receipt } = await returned(sim, '市教育局', '场地不足');
    const refused = {
      code: 'ColumnMissing',
      text: expect.objectContaining({
        zh: expect.stringContaining('“报送登记”表缺少“报送日期”“报送次数”列'),
      }),
    };
    const before = sim.snapshot();
    const receipts = { returns: [receipt], on: day('2026-12-02'), expected: true };
    await expect(sim.runExcel((c) => recordReturns(c, receipts, ALL_SETS))).rejects.toMatchObject(refused);
    await expect(
      sim.runExcel((c) =>
        applyReturns(c, read, changes, { time: '2026-12-02 10:00', batch: 'b-1' }, ALL_SETS, receipts),
      ),
    ).rejects.toMatchObject(refused);
    await expect(
      issueForms(hostOf(sim), pane, UNITS, (model, options) => returnFormsZip(model, UNITS, options)),
    ).rejects.toMatchObject(refused);
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });
});
