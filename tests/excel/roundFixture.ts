// A 督办 round as the 反馈 tab runs it, for the 报送登记 tests: the pane's guess of the tables,
// the host at a given time, the round's 报送截止 set and its forms issued, and a unit's form
// filled in, sent back and reviewed.
import {
  ALL_TABLES,
  createLedger,
  readLedger,
  saveReturnBy,
  tablesSeen,
  type AddInTable,
  type LedgerRead,
  type Receipt,
  type WorkbookRead,
} from '../../src/excel';
import type { ApiSupport } from '../../src/excel/requirements';
import { ExcelSim } from '../../src/excel-sim';
import { readReturnForm, returnFormsZip, writeReturnForm } from '../../src/files';
import {
  changesToApply,
  checkReturn,
  dayFromIso,
  returnFormSpec,
  reviewReturns,
  type Day,
  type FormValues,
} from '../../src/ledger';
import { issueForms } from '../../src/taskpane/registerWorkflow';
import { readForForms } from '../../src/taskpane/returnsWorkflow';
import { ALL_SETS } from './helpers';

/** Monday 2026-11-30, the day the rounds of these tests are issued. */
export const ISSUED = new Date(2026, 10, 30, 9, 0);

export const day = (iso: string) => dayFromIso(iso) as Day;

/** The pane's guess of the tables there are: what its last read found. */
export interface PaneGuess {
  tablesSeen: ReadonlySet<AddInTable>;
  take(read: WorkbookRead): void;
}

export const paneGuess = (): PaneGuess => ({
  tablesSeen: ALL_TABLES,
  take(read: WorkbookRead) {
    this.tablesSeen = tablesSeen(read);
  },
});

/** The host the workflows run in, its clock stopped at `now`. */
export const hostAt = (sim: ExcelSim, now: Date, supports: ApiSupport = ALL_SETS) => ({
  run: sim.runExcel.bind(sim) as typeof sim.runExcel,
  now: () => now,
  supports,
});

/** The 报送截止 date set in the 反馈 tab, and the pane's read after it (it knows which tables there are). */
export async function setReturnBy(sim: ExcelSim, pane: PaneGuess, returnBy: string): Promise<void> {
  await sim.runExcel((c) => saveReturnBy(c, day(returnBy)));
  await readForForms(hostAt(sim, ISSUED), pane);
}

/** A new ledger, a round issued to `units` on ISSUED and asked back by `returnBy`, and the pane's read that saw 报送登记. */
export async function issueRound(
  pane: PaneGuess,
  units: readonly string[],
  returnBy: string,
): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await setReturnBy(sim, pane, returnBy);
  await issueForms(hostAt(sim, ISSUED), pane, units, (model, options) =>
    returnFormsZip(model, units, options),
  );
  await readForForms(hostAt(sim, ISSUED), pane);
  return sim;
}

/**
 * A unit's form of the round as returned (its first row's 存在问题 set to `problem`, or as issued),
 * reviewed against the ledger read now: the changes it proposes and its receipt for 报送登记.
 */
export async function formReturned(sim: ExcelSim, pane: PaneGuess, unit: string, problem: string | null) {
  const { model, options } = await readForForms(hostAt(sim, ISSUED), pane);
  const spec = returnFormSpec(model, unit, options);
  const rows = spec.rows.map((r): FormValues => ({ ...r }));
  if (problem !== null) rows[0] = { ...rows[0], problems: problem };
  const form = await readReturnForm(spec.fileName, await writeReturnForm({ ...spec, rows }, ISSUED));
  const checked = checkReturn(form, {
    ledgerId: options.ledgerId,
    statuses: options.statuses,
    knowsUnit: () => true,
  });
  const read = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
  const review = reviewReturns({
    ledger: read.ledger,
    tasks: model.tasks,
    returns: [checked],
    directory: options.directory,
  });
  const receipt: Receipt = {
    file: form.fileName,
    unit,
    asOf: day(form.meta.asOf),
    returnBy: dayFromIso(form.meta.returnBy),
  };
  return { read, changes: changesToApply(review.changes).ok, receipt, no: rows[0].no };
}
