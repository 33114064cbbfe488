// Rows appended below a table (报送登记, 变更记录, 指标, 进度快照) with the user's AutoCorrect option
// "Include new rows and columns in table" on and off (assumed to govern API writes as its neighbour
// for calculated columns does: office-js #2093, #6745): each time the table
// ends up over exactly the new rows, nothing else changed, and the extra request is spent only
// with the option off. Below ExcelApi 1.13 (no Table.resize) the rows are inserted as table rows.
import {
  ALL_TABLES,
  addIndicatorRows,
  applyReturns,
  CHANGE_LOG_TABLE,
  createLedger,
  generateSummaries,
  INDICATOR_TABLE,
  newImportBatch,
  readLedger,
  readReference,
  REGISTER_TABLE,
  saveReturnBy,
  SNAPSHOT_TABLE,
  tablesSeen,
  type AddInTable,
  type ApiSupport,
  type WorkbookRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { returnFormFile } from '../../src/files';
import {
  dayFromIso,
  dayOf,
  LEDGER_COLUMNS,
  OFFICIAL_TASKS,
  proposeIndicators,
  seedsForTasks,
  type Day,
  type ProposedChange,
} from '../../src/ledger';
import { issueForms } from '../../src/taskpane/registerWorkflow';
import { readForForms } from '../../src/taskpane/returnsWorkflow';
import { ALL_SETS, changedCells, countSyncs, UP_TO_1_8 } from './helpers';

jest.setTimeout(60_000);

const ISSUED = new Date(2026, 10, 30, 9, 0);
const PLAN_SEEDS = seedsForTasks(OFFICIAL_TASKS.map((t) => ({ ...t, unitsText: t.units })));
const paneOf = () => ({
  tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>,
  take(read: WorkbookRead) {
    this.tablesSeen = tablesSeen(read);
  },
});

/** A table's rows, header included, as the workbook holds them. */
function tableRows(sim: ExcelSim, name: string): number {
  const table = sim.snapshot().tables.find((t) => t.name === name) as
    { rect: { rowCount: number } } | undefined;
  if (!table) throw new Error(`no table ${name}`);
  return table.rect.rowCount;
}

/**
 * The three hosts: AutoCorrect on (the default), off with Table.resize, and off below 1.13; with
 * the requests each append costs over the option on.
 */
const HOSTS: readonly [string, boolean, ApiSupport, number][] = [
  ['AutoCorrect on', true, ALL_SETS, 0],
  ['AutoCorrect off, ExcelApi 1.13', false, ALL_SETS, 1],
  ['AutoCorrect off, up to ExcelApi 1.8', false, UP_TO_1_8, 0],
];

async function ledger(autoCorrect: boolean): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  sim.state.autoCorrect.includeNewRowsInTable = autoCorrect;
  return sim;
}

describe.each(HOSTS)('rows appended below a table, %s', (_, autoCorrect, supports, extra) => {
  it('报送登记: a unit issued later is a row of the table, the only cells changed', async () => {
    const sim = await ledger(autoCorrect);
    await sim.runExcel((c) => saveReturnBy(c, dayFromIso('2026-12-04') as Day));
    const host = { run: sim.runExcel.bind(sim) as typeof sim.runExcel, now: () => ISSUED, supports };
    const pane = paneOf();
    const issue = (unit: string) =>
      issueForms(host, pane, [unit], (model, options) => returnFormFile(model, unit, options));
    await issue('市教育局');
    await readForForms(host, pane);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () => issue('市财政局'));
    expect(result.register).toMatchObject({ kept: true, added: 1 });
    expect(tableRows(sim, REGISTER_TABLE)).toBe(3);
    expect(changedCells(before, sim.snapshot())).toEqual(
      ['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3'].map((a) => `报送登记!${a}`),
    );
    // The forms' read and the write that records the round, and the resize where it was needed.
    expect(syncs).toBe(2 + extra);
    expect(sim.values('报送登记')[2][2]).toBe('市财政局');
  });

  it('变更记录: the second import’s row is a row of the log', async () => {
    const sim = await ledger(autoCorrect);
    const apply = async (to: string) => {
      const read = (await sim.runExcel((c) => readLedger(c)))!;
      const row = read.ledger.rows.findIndex((r) => r[0] === 1);
      const problems = LEDGER_COLUMNS.findIndex((c) => c.key === 'problems');
      const change: ProposedChange = {
        id: `f.xlsx|1|problems|${to}`,
        no: 1,
        row,
        column: 'problems',
        header: '存在问题',
        from: read.ledger.rows[row][problems],
        to,
        unit: '市总工会',
        file: 'f.xlsx',
        kind: 'lead',
        sources: ['problems'],
        conflict: null,
        accepted: true,
      };
      return countSyncs(sim, () =>
        sim.runExcel((c) => applyReturns(c, read, [change], newImportBatch('2026-12-01 09:00'), supports)),
      );
    };
    await apply('资金未到位');
    const first = tableRows(sim, CHANGE_LOG_TABLE);
    const before = sim.snapshot();
    const { syncs } = await apply('场地不足');
    expect(tableRows(sim, CHANGE_LOG_TABLE)).toBe(first + 1);
    const changed = changedCells(before, sim.snapshot());
    expect(changed.filter((c) => !c.startsWith('变更记录!'))).toEqual(['任务台账!H4']);
    expect(changed.filter((c) => c.startsWith('变更记录!')).every((c) => c.endsWith(String(first + 1)))).toBe(
      true,
    );
    // The import's own two requests.
    expect(syncs).toBe(2 + extra);
  });

  it('指标: a row 重新识别 adds is a row of the table', async () => {
    const sim = await ledger(autoCorrect);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('指标').getRange('2:2').delete('Up');
      await c.sync();
    });
    const rowsBefore = tableRows(sim, INDICATOR_TABLE);
    const read = (await sim.runExcel((c) => readLedger(c)))!;
    const reference = await sim.runExcel((c) => readReference(c));
    const table = reference.indicators;
    if (!table) throw new Error('no table');
    const adds = proposeIndicators(table, PLAN_SEEDS, new Set(OFFICIAL_TASKS.map((t) => t.no))).flatMap(
      (p) => (p.kind === 'add' ? [p.seed] : []),
    );
    const before = sim.snapshot();
    const { syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => addIndicatorRows(c, { read, reference }, adds, supports)),
    );
    expect(tableRows(sim, INDICATOR_TABLE)).toBe(rowsBefore + 1);
    expect(changedCells(before, sim.snapshot()).every((c) => c.startsWith(`指标!`) && c.endsWith('24'))).toBe(
      true,
    );
    expect(syncs).toBe(2 + extra);
  });

  it('进度快照: the second date’s rows are rows of the table', async () => {
    const sim = await ledger(autoCorrect);
    const report = (asOf: Day) =>
      countSyncs(sim, () =>
        generateSummaries((batch) => sim.runExcel(batch), {
          asOf,
          request: { overview: true, behind: false, units: [] },
          supports,
        }),
      );
    await report(dayOf(2026, 10, 31) as Day);
    const rows = tableRows(sim, SNAPSHOT_TABLE);
    const second = await report(dayOf(2026, 11, 30) as Day);
    expect(tableRows(sim, SNAPSHOT_TABLE)).toBe(2 * rows - 1);
    const dates = sim
      .values('进度快照')
      .slice(1)
      .map((r) => r[0]);
    expect(new Set(dates).size).toBe(2);
    expect(dates.filter((d) => d === '')).toEqual([]);
    // The resize rides in the request that records the sheets: no request more.
    expect(second.syncs).toBe(3);
  });

  it('an import refused after its write takes back its log and register rows, never the rows above them', async () => {
    const sim = await ledger(autoCorrect);
    await sim.runExcel((c) => saveReturnBy(c, dayFromIso('2026-12-04') as Day));
    const host = { run: sim.runExcel.bind(sim) as typeof sim.runExcel, now: () => ISSUED, supports };
    const pane = paneOf();
    const units = ['市教育局', '市财政局'];
    await issueForms(host, pane, units, (model, options) => returnFormFile(model, units[0], options));
    const read = (await sim.runExcel((c) => readLedger(c)))!;
    const row = read.ledger.rows.findIndex((r) => r[0] === 1);
    const problems = LEDGER_COLUMNS.findIndex((c) => c.key === 'problems');
    const change = (to: string, from = read): ProposedChange => ({
      id: `f.xlsx|1|problems|${to}`,
      no: 1,
      row,
      column: 'problems',
      header: '存在问题',
      from: from.ledger.rows[row][problems],
      to,
      unit: '市总工会',
      file: 'f.xlsx',
      kind: 'lead',
      sources: ['problems'],
      conflict: null,
      accepted: true,
    });
    // An earlier import made the log: the refused one appends to it.
    await sim.runExcel((c) =>
      applyReturns(c, read, [change('资金未到位')], newImportBatch('2026-12-01 09:00'), supports),
    );
    const again = (await sim.runExcel((c) => readLedger(c)))!;
    const before = sim.snapshot();
    const registerRows = tableRows(sim, REGISTER_TABLE);
    const logRows = tableRows(sim, CHANGE_LOG_TABLE);
    // A unit the round never asked returns a form: its register row is added, then taken back.
    const receipts = {
      returns: [{ file: 'f.xlsx', unit: '市总工会', asOf: dayOf(2026, 11, 30) as Day, returnBy: null }],
      on: dayOf(2026, 12, 1) as Day,
      expected: true,
    };
    const error = await sim
      .runExcel((context) => {
        const sync = context.sync.bind(context);
        let syncs = 0;
        // A co-author's edit lands on the import's cell just before its write.
        context.sync = async () => {
          if (++syncs === 2) sim.remoteEdit('任务台账', 'H4', [['别人填写']]);
          return sync();
        };
        return applyReturns(
          context,
          again,
          [change('场地不足', again)],
          newImportBatch('2026-12-01 10:00'),
          supports,
          receipts,
        );
      })
      .catch((e: unknown) => e);
    expect(sim.values('任务台账')[3][7]).toBe('别人填写');
    expect(error).toMatchObject({ code: 'StaleImport' });
    expect(changedCells(before, sim.snapshot())).toEqual(['任务台账!H4']);
    expect(tableRows(sim, REGISTER_TABLE)).toBe(registerRows);
    expect(tableRows(sim, CHANGE_LOG_TABLE)).toBe(logRows);
  });
});
