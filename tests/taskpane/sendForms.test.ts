// Stranger's defect 6: unit drafts from the 发送 tab with their 反馈表 attached record the round
// in 报送登记 exactly as the 反馈 tab's forms do (the same round, the same rows), in the drafts'
// own request; without the form nothing is recorded. Whole-workbook diffs on excel-sim.
import {
  ALL_TABLES,
  createLedger,
  readRegisterSheet,
  saveReturnBy,
  tablesSeen,
  type AddInTable,
  type WorkbookRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { returnFormsZip } from '../../src/files';
import { dayFromIso, dayFromLocalDate, type Day } from '../../src/ledger';
import { draftsToUnits, draftToUnit, type SendSource } from '../../src/taskpane/panels/sendWorkflow';
import { issueForms } from '../../src/taskpane/registerWorkflow';
import { readForForms } from '../../src/taskpane/returnsWorkflow';
import { AS_OF_DATE } from '../asOf';
import { changedCells, countSyncs } from '../excel/helpers';
import { TestPane } from './paneHarness';

jest.setTimeout(60_000);

const UNITS = ['市教育局', '市财政局'];
/** The names of the files the browser was handed: a link is made, clicked and removed. */
const downloads: string[] = [];
beforeAll(() => {
  const link = {
    href: '',
    download: '',
    rel: '',
    click: () => downloads.push(link.download),
    remove: () => {},
  };
  Object.assign(globalThis, { document: { createElement: () => link, body: { appendChild: () => {} } } });
  Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => {} });
});

const paneOf = () => ({
  tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>,
  take(read: WorkbookRead) {
    this.tablesSeen = tablesSeen(read);
  },
});

async function ledger(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: () => true }));
  await sim.runExcel((c) => saveReturnBy(c, dayFromIso('2026-12-04') as Day));
  return sim;
}

const register = async (sim: ExcelSim) =>
  (await sim.runExcel((c) => readRegisterSheet(c)))?.register.entries.map((e) => ({ ...e })) ?? null;

describe('unit drafts with the 反馈表 attached (stranger’s defect 6)', () => {
  it('record the same round and rows as the 反馈 tab’s forms, in the drafts’ own request', async () => {
    // The 反馈 tab's forms, for comparison.
    const viaReturns = await ledger();
    const host = TestPane.host(viaReturns);
    await issueForms(host, paneOf(), UNITS, (model, options) => returnFormsZip(model, UNITS, options));
    const expected = await register(viaReturns);
    expect(expected).toHaveLength(2);

    const sim = await ledger();
    const pane = paneOf();
    const today = dayFromLocalDate(AS_OF_DATE);
    const source: SendSource = {
      host: TestPane.host(sim),
      ledger: pane,
      report: { asOf: today, withForm: true },
    };
    await readForForms(source.host, pane);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () => draftsToUnits(source, UNITS, []));
    expect(result.register).toEqual({ kept: true, sheetName: '报送登记', updated: 0, added: 2 });
    expect(await register(sim)).toEqual(expected);
    // Only the new register sheet's cells (a header and two rows of seven columns).
    const cells = changedCells(before, sim.snapshot());
    expect(cells.every((c) => c.startsWith('报送登记!'))).toBe(true);
    expect(cells).toHaveLength(8 * 3);
    // The read and the round written (the new sheet marked as the add-in's in that write): as the 反馈 tab.
    expect(syncs).toBe(2);
    expect(downloads.at(-1)).toMatch(/\.zip$/);

    // One unit's draft again: its row kept, its returns standing; one request more than the read.
    await readForForms(source.host, pane);
    const again = await countSyncs(sim, () => draftToUnit(source, UNITS[0], []));
    expect(again.result.register).toMatchObject({ kept: true, updated: 1, added: 0 });
    expect(again.syncs).toBe(2);
    expect(await register(sim)).toEqual(expected);
  });

  it('record nothing when the drafts go without the form', async () => {
    const sim = await ledger();
    const pane = paneOf();
    const source: SendSource = {
      host: TestPane.host(sim),
      ledger: pane,
      report: { asOf: dayFromLocalDate(AS_OF_DATE), withForm: false },
    };
    const before = sim.snapshot();
    const { result } = await countSyncs(sim, () => draftsToUnits(source, UNITS, []));
    expect(result.register).toBeNull();
    expect(changedCells(before, sim.snapshot())).toEqual([]);
    expect(await register(sim)).toBeNull();
  });
});
