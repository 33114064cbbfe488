/**
 * @jest-environment jsdom
 */
// A second plan's returns in 报送登记 (issue 25/26): a return imported on plan B, or recorded as
// 已报, is recorded on the row of B's own round, as the first plan's are, in the same round trips;
// 撤销上次导入 takes it back. A's rows, and every cell the action does not name, stay as they were.
// jsdom: the review reads the chosen files with FileReader, as the pane does.
import {
  ALL_TABLES,
  applyReturns,
  createLedger,
  importPlan,
  LEDGER_TABLE,
  readLedger,
  recordReturns,
  undoLastImport,
  type AddInTable,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { returnFormFile, writeReturnForm } from '../../src/files';
import { dayFromLocalDate, returnFormSpec, type FormValues, type PlanTask } from '../../src/ledger';
import { issueForms, readRound } from '../../src/taskpane/registerWorkflow';
import { importBatch, readForForms, reviewFiles } from '../../src/taskpane/returnsWorkflow';
import { ALL_SETS, changedCells, countSyncs } from './helpers';
import { PLAN_B, TABLE_B } from './twoPlanFixture';

jest.setTimeout(60_000);

const ISSUED = new Date(2026, 10, 20, 9, 0);
const UNIT = (PLAN_B.tasks[0] as PlanTask).lead[0];
const PARTNER = (PLAN_B.tasks[0] as PlanTask).partners[0];

/** Plan A's round issued to 市教育局, plan B's to two of its units, the user on B's sheet. */
async function issuedOnBoth() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  const host = { run: sim.runExcel.bind(sim) as typeof sim.runExcel, now: () => ISSUED, supports: ALL_SETS };
  const paneA = {
    tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>,
    ledgerTable: LEDGER_TABLE,
    take: () => {},
  };
  const activate = (sheet: string) =>
    sim.run(async (c) => {
      c.workbook.worksheets.getItem(sheet).activate();
      await c.sync();
    });
  await activate('任务台账');
  await issueForms(host, paneA, ['市教育局'], (model, options) => returnFormFile(model, '市教育局', options));
  await activate('稳经济台账');
  const paneB = { ...paneA, ledgerTable: TABLE_B };
  await issueForms(host, paneB, [UNIT, PARTNER], (model, options) => returnFormFile(model, UNIT, options));
  const roundA = await readRound(host, LEDGER_TABLE);
  expect(roundA?.asked).toBe(1);
  expect((await readRound(host, TABLE_B))?.counts).toMatchObject({ 'on-time': 0, waiting: 2 });
  return { sim, host, paneB, roundA };
}

/** UNIT's form of plan B as returned: its first row's 存在问题 filled in when `problem` is given. */
async function returnedFile(
  host: Awaited<ReturnType<typeof issuedOnBoth>>['host'],
  pane: { ledgerTable: string },
  problem: string | null,
) {
  const { model, options } = await readForForms(host, {
    tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>,
    ledgerTable: pane.ledgerTable,
    take: () => {},
  });
  const spec = returnFormSpec(model, UNIT, options);
  const rows = spec.rows.map((r): FormValues => ({ ...r }));
  if (problem !== null) rows[0] = { ...rows[0], problems: problem };
  const bytes = await writeReturnForm({ ...spec, rows }, ISSUED);
  return new File([new Uint8Array(bytes)], spec.fileName);
}

/** Cells of 报送登记's row `row` (1-based), columns A to H. */
const registerRow = (row: number) => new RegExp(`^报送登记![A-H]${row}$`, 'u');

describe('a second plan’s returns in 报送登记', () => {
  it('an import on plan B records the return on B’s round (已报1 未报1), A’s rows untouched; undo takes it back', async () => {
    const { sim, host, paneB, roundA } = await issuedOnBoth();
    const file = await returnedFile(host, paneB, '资金到位慢');
    const review = await reviewFiles(host, paneB, [file]);
    expect(review.plan).toBe(TABLE_B);
    expect(review.files[0].receipt).toMatchObject({ unit: UNIT });
    expect(review.changes.length).toBeGreaterThan(0);
    const read = (await sim.runExcel((c) => readLedger(c, TABLE_B))) as LedgerRead;
    const before = sim.snapshot();
    // As applyReview calls it: the receipts of the review, against the ledger the action reads.
    const returns = review.files.flatMap((f) => (f.receipt ? [f.receipt] : []));
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) =>
        applyReturns(c, read, review.changes, importBatch(host), ALL_SETS, {
          returns,
          on: dayFromLocalDate(ISSUED),
          expected: true,
        }),
      ),
    );
    // The same two round trips as plan A's import (budgets.test.ts).
    expect(syncs).toBe(2);
    expect(result.register).toEqual({ kept: true, sheetName: '报送登记', updated: 1, added: 0 });
    const roundB = await readRound(host, TABLE_B);
    expect(roundB?.counts).toMatchObject({ 'on-time': 1, waiting: 1 });
    expect(roundB?.units.find((u) => u.unit === UNIT)?.state).toBe('on-time');
    expect(await readRound(host, LEDGER_TABLE)).toEqual(roundA);
    // Rows: 1 header, 2 A's, 3 and 4 B's. Only UNIT's row of B's round, B's ledger and the log change.
    const imported = sim.snapshot();
    const changed = changedCells(before, imported);
    const inRegister = changed.filter((c) => c.startsWith('报送登记!'));
    expect(inRegister.length).toBeGreaterThan(0);
    expect(inRegister.every((c) => registerRow(3).test(c) || registerRow(4).test(c))).toBe(true);
    expect(
      changed.every(
        (c) => c.startsWith('报送登记!') || c.startsWith('变更记录!') || c.startsWith('稳经济台账!'),
      ),
    ).toBe(true);
    expect(changed.some((c) => c.startsWith('稳经济台账!'))).toBe(true);

    const now = (await sim.runExcel((c) => readLedger(c, TABLE_B))) as LedgerRead;
    const undo = await countSyncs(sim, () =>
      sim.runExcel((c) => undoLastImport(c, now, '2026-11-20 10:00', ALL_SETS, true)),
    );
    expect(undo.syncs).toBe(2);
    expect(undo.result.register).toEqual({ kept: true, sheetName: '报送登记', takenBack: 1 });
    // Everything but the undo's own log rows as before the import.
    expect(changedCells(before, sim.snapshot()).filter((c) => !c.startsWith('变更记录!'))).toEqual([]);
    expect((await readRound(host, TABLE_B))?.counts).toMatchObject({ 'on-time': 0, waiting: 2 });
    expect(await readRound(host, LEDGER_TABLE)).toEqual(roundA);
  });

  it('记录为已报 on plan B records the unchanged return on B’s round only, in one request’s two syncs', async () => {
    const { sim, host, paneB, roundA } = await issuedOnBoth();
    const review = await reviewFiles(host, paneB, [await returnedFile(host, paneB, null)]);
    expect(review.changes).toEqual([]);
    const returns = review.files.flatMap((f) => (f.receipt ? [f.receipt] : []));
    expect(returns).toHaveLength(1);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) =>
        recordReturns(c, { returns, on: dayFromLocalDate(ISSUED), expected: true }, ALL_SETS, review.plan),
      ),
    );
    expect(syncs).toBe(2);
    expect(result).toEqual({ kept: true, sheetName: '报送登记', updated: 1, added: 0 });
    const changed = changedCells(before, sim.snapshot());
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((c) => registerRow(3).test(c) || registerRow(4).test(c))).toBe(true);
    expect((await readRound(host, TABLE_B))?.counts).toMatchObject({ 'on-time': 1, waiting: 1 });
    expect(await readRound(host, LEDGER_TABLE)).toEqual(roundA);
  });

  // 变更记录 is shared by the plans and names each plan's own 序号: 撤销上次导入 on plan A must not
  // take back plan B's import (it would put B's old values into A's tasks of the same numbers).
  it('撤销上次导入 on plan A leaves plan B’s import alone, and B’s undo still takes it back', async () => {
    const { sim, host, paneB } = await issuedOnBoth();
    const review = await reviewFiles(host, paneB, [await returnedFile(host, paneB, '资金到位慢')]);
    const readB = (await sim.runExcel((c) => readLedger(c, TABLE_B))) as LedgerRead;
    await sim.runExcel((c) => applyReturns(c, readB, review.changes, importBatch(host), ALL_SETS));
    const imported = sim.snapshot();
    const readA = (await sim.runExcel((c) => readLedger(c, LEDGER_TABLE))) as LedgerRead;
    const onA = await sim
      .runExcel((c) => undoLastImport(c, readA, '2026-11-20 10:00', ALL_SETS))
      .catch((e: unknown) => e);
    expect(onA).toMatchObject({ code: 'NothingToUndo' });
    expect(sim.snapshot()).toEqual(imported);
    const nowB = (await sim.runExcel((c) => readLedger(c, TABLE_B))) as LedgerRead;
    const onB = await sim.runExcel((c) => undoLastImport(c, nowB, '2026-11-20 10:00', ALL_SETS));
    expect(onB.restored).toBeGreaterThan(0);
  });
});
