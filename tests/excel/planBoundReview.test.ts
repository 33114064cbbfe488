/**
 * @jest-environment jsdom
 */
// Stranger's H1 (issue 25): a return reviewed on plan B was applied into plan A's ledger after the
// user clicked A's sheet tab. Apply and 记录为已报 check, in their own first request, that the
// ledger they write is the one the review was read against (its id), and refuse otherwise with
// the workbook untouched. jsdom: the review reads the chosen file with FileReader, as the pane does.
import {
  ALL_TABLES,
  applyReturns,
  createLedger,
  importPlan,
  LEDGER_TABLE,
  readLedger,
  recordReturns,
  type AddInTable,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { writeReturnForm } from '../../src/files';
import { dayFromLocalDate, returnFormSpec, type FormValues, type PlanTask } from '../../src/ledger';
import { importBatch, readForForms, reviewFiles } from '../../src/taskpane/returnsWorkflow';
import { ALL_SETS, changedCells, countSyncs } from './helpers';
import { PLAN_B, TABLE_B } from './twoPlanFixture';

jest.setTimeout(60_000);

const ISSUED = new Date(2026, 10, 20, 9, 0);
const UNIT = (PLAN_B.tasks[0] as PlanTask).lead[0];

/** Two plans, and B's form of UNIT returned with its first row's 存在问题 filled in, reviewed on B. */
async function reviewedOnB() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  const host = { run: sim.runExcel.bind(sim) as typeof sim.runExcel, now: () => ISSUED, supports: ALL_SETS };
  const paneB = { tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>, ledgerTable: TABLE_B, take: () => {} };
  // Both ledgers get their ids (as issuing forms does), so A's is there to differ from B's.
  await readForForms(host, { ...paneB, ledgerTable: LEDGER_TABLE });
  const { model, options } = await readForForms(host, paneB);
  const spec = returnFormSpec(model, UNIT, options);
  const rows = spec.rows.map((r): FormValues => ({ ...r }));
  rows[0] = { ...rows[0], problems: 'B方案：资金到位慢' };
  const bytes = await writeReturnForm({ ...spec, rows }, ISSUED);
  const review = await reviewFiles(host, paneB, [new File([new Uint8Array(bytes)], spec.fileName)]);
  expect(review.plan).toBe(TABLE_B);
  expect(review.changes.length).toBeGreaterThan(0);
  const receipts = {
    returns: review.files.flatMap((f) => (f.receipt ? [f.receipt] : [])),
    on: dayFromLocalDate(ISSUED),
    expected: false,
  };
  return { sim, host, review, receipts };
}

describe('a review applies only to the ledger it was read against', () => {
  it('apply onto plan A’s ledger with B’s review is refused in its first request; nothing changes', async () => {
    const { sim, host, review, receipts } = await reviewedOnB();
    const readA = (await sim.runExcel((c) => readLedger(c, LEDGER_TABLE))) as LedgerRead;
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim
        .runExcel((c) =>
          applyReturns(c, readA, review.changes, importBatch(host), ALL_SETS, receipts, review.ledgerId),
        )
        .catch((e: unknown) => e),
    );
    expect(result).toMatchObject({ code: 'OtherLedger' });
    expect(String((result as { text: { zh: string } }).text.zh)).toMatch(/未写入任何内容/);
    expect(syncs).toBe(1);
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });

  it('记录为已报 with B’s review on A’s rows is refused; on B’s own rows it records', async () => {
    const { sim, review, receipts } = await reviewedOnB();
    const before = sim.snapshot();
    const refused = await sim
      .runExcel((c) => recordReturns(c, receipts, ALL_SETS, LEDGER_TABLE, review.ledgerId))
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'OtherLedger' });
    expect(changedCells(before, sim.snapshot())).toEqual([]);
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => recordReturns(c, receipts, ALL_SETS, review.plan, review.ledgerId)),
    );
    // The check costs no round trip: a register made now, as without it.
    expect(syncs).toBe(2);
    expect(result.kept).toBe(true);
    expect(changedCells(before, sim.snapshot()).every((c) => c.startsWith('报送登记!'))).toBe(true);
  });

  it('on B’s own ledger the apply goes through in the same two round trips, writing only B', async () => {
    const { sim, host, review, receipts } = await reviewedOnB();
    const readB = (await sim.runExcel((c) => readLedger(c, TABLE_B))) as LedgerRead;
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) =>
        applyReturns(c, readB, review.changes, importBatch(host), ALL_SETS, receipts, review.ledgerId),
      ),
    );
    expect(syncs).toBe(2);
    expect(result.applied).toBe(review.changes.length);
    const changed = changedCells(before, sim.snapshot());
    expect(changed.some((c) => c.startsWith('稳经济台账!'))).toBe(true);
    expect(changed.filter((c) => c.startsWith('任务台账!'))).toEqual([]);
  });
});

describe('a form of the other plan, imported on this one', () => {
  // Stranger's L6: the sentence said only "another ledger"; it names the plan's sheet now.
  it('is refused with a sentence naming the sheet of the plan it belongs to; nothing is written', async () => {
    const { sim, host } = await reviewedOnB();
    const paneA = {
      tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>,
      ledgerTable: LEDGER_TABLE,
      take: () => {},
    };
    const paneB = { ...paneA, ledgerTable: TABLE_B };
    const { model, options } = await readForForms(host, paneB);
    const spec = returnFormSpec(model, UNIT, options);
    const bytes = await writeReturnForm(spec, ISSUED);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').activate();
      await c.sync();
    });
    const before = sim.snapshot();
    const review = await reviewFiles(host, paneA, [new File([new Uint8Array(bytes)], spec.fileName)]);
    expect(review.plan).toBe(LEDGER_TABLE);
    expect(review.files[0].outcome).toBeNull();
    expect(review.files[0].sentences.map((s) => s.zh)).toEqual([
      '这是工作表“稳经济台账”上另一方案台账的反馈表，未导入。请转到工作表“稳经济台账”再导入。',
    ]);
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });
});
