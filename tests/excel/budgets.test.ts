// Sync and payload budgets on a 40-row and a 10,000-row ledger (DESIGN.md, "Talking to Excel").
import {
  ALL_TABLES,
  adoptActiveSheet,
  applyReturns,
  applyUnitFilter,
  newImportBatch,
  tablesSeen,
  type AddInTable,
  type Receipts,
  type WorkbookRead,
  blocksOf,
  createLedger,
  generateSummaries,
  readLedger,
  setTaskStatus,
  writeSummarySheets,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import {
  LEDGER_COLUMNS,
  OFFICIAL_TASKS,
  summarize,
  summarySheets,
  tasksForUnit,
  validateLedger,
  dayFromLocalDate,
  type CellValue,
  type ProposedChange,
} from '../../src/ledger';
import { returnFormFile } from '../../src/files';
import { issueForms } from '../../src/taskpane/registerWorkflow';
import { readForForms } from '../../src/taskpane/returnsWorkflow';
import { ALL_SETS, countSyncs } from './helpers';
import { asOf } from '../asOf';

const LIMIT = 5 * 1024 * 1024;

function bigRows(count: number, behindEvery: number, problem = ''): CellValue[][] {
  return Array.from({ length: count }, (_, i) => {
    const t = OFFICIAL_TASKS[i % OFFICIAL_TASKS.length];
    const behind = i % behindEvery === 0;
    return LEDGER_COLUMNS.map((c) =>
      c.key === 'no'
        ? i + 1
        : c.key === 'task'
          ? t.task
          : c.key === 'units'
            ? t.units
            : c.key === 'status'
              ? behind
                ? '滞后'
                : '序时推进'
              : c.key === 'problems' && behind
                ? problem || '资金未到位'
                : c.key === 'deadline'
                  ? '2026年底前'
                  : c.key === 'progress'
                    ? behind
                      ? 10
                      : 95
                    : '',
    );
  });
}

/** A ledger of `rows` written the way a user's big sheet would be, in blocks under 5 MB. */
async function ledgerOf(rows: CellValue[][]): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS, rows: rows.slice(0, 40) }));
  await sim.run(async (c) => {
    c.workbook.tables.getItem('TaskLedger').rows.add(undefined, rows.slice(40, 41));
    await c.sync();
    for (const block of blocksOf(rows.slice(41))) {
      c.workbook.tables.getItem('TaskLedger').rows.add(undefined, block.rows);
      await c.sync();
    }
  });
  return sim;
}

describe('a ledger too large to read at once (Excel on the web returns at most 5 MB)', () => {
  it('raises ResponsePayloadSizeLimitExceeded for one read, and readLedger falls back to blocks of rows', async () => {
    const rows = bigRows(6000, 1, '存在问题的详细说明'.repeat(60));
    const sim = await ledgerOf(rows);
    const whole = await sim
      .run(async (c) => {
        const body = c.workbook.tables.getItem('TaskLedger').getDataBodyRange();
        body.load('values');
        await c.sync();
      })
      .catch((e) => e);
    expect(whole.code).toBe('ResponsePayloadSizeLimitExceeded');
    const { result, syncs } = await countSyncs(sim, () => sim.runExcel((c) => readLedger(c)));
    expect(result?.ledger.rows).toHaveLength(6000);
    expect(result?.ledger.rows[5999][1]).toBe(rows[5999][1]);
    // One refused read, one for where the table is, then one per block of 1,000 rows.
    expect(syncs).toBe(1 + 1 + 6);
    for (const b of sim.batches.slice(-7)) expect(b.responseBytes).toBeLessThan(LIMIT);
  });
});

describe('使用当前工作表 on a sheet too large to read at once (issue 23 item 6)', () => {
  it('reads the used range in blocks of rows, each reply under 5 MB, and adopts every row', async () => {
    const rows = bigRows(6000, 1, '存在问题的详细说明'.repeat(60));
    const sim = new ExcelSim();
    // The user's own sheet, typed in blocks (each request under the cap), header at row 1.
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('Sheet1');
      sheet.getRangeByIndexes(0, 0, 1, LEDGER_COLUMNS.length).values = [
        LEDGER_COLUMNS.map((col) => col.header),
      ];
      await c.sync();
      let at = 1;
      for (const block of blocksOf(rows)) {
        sheet.getRangeByIndexes(at, 0, block.rows.length, LEDGER_COLUMNS.length).values = block.rows;
        at += block.rows.length;
        await c.sync();
      }
    });
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS })),
    );
    expect(result.taskCount).toBe(6000);
    // One refused read, one for where the used range is, one per block of 1,000 of its 6,001
    // rows (the header too), the write.
    expect(syncs).toBe(1 + 1 + 7 + 1);
    for (const b of sim.batches.slice(-(syncs - 1))) expect(b.responseBytes).toBeLessThan(LIMIT);
    const read = await sim.runExcel((c) => readLedger(c));
    expect(read?.ledger.rows[5999][1]).toBe(rows[5999][1]);
  });
});

describe.each([
  ['40-row', 40],
  ['10,000-row', 10_000],
])('budgets on a %s ledger', (_label, size) => {
  let sim: ExcelSim;
  beforeAll(async () => {
    sim = await ledgerOf(bigRows(size, 10));
  });

  it('reads in 1 sync and validates in 1', async () => {
    const read = await countSyncs(sim, () => sim.runExcel((c) => readLedger(c)));
    expect(read.syncs).toBe(1);
    expect(read.result?.ledger.rows).toHaveLength(size);
    const validated = await countSyncs(sim, async () =>
      validateLedger((await sim.runExcel((c) => readLedger(c)))!.ledger, { asOf }),
    );
    expect(validated.syncs).toBe(1);
  });

  it('filters by unit in at most 2 syncs and sets a status in at most 2', async () => {
    const ledgerRead = (await sim.runExcel((c) => readLedger(c)))!;
    const { ledger } = ledgerRead;
    const numbers = tasksForUnit(
      ledger.rows.map((r) => ({ no: r[0], units: r[2] })),
      '双辽市人民政府',
    );
    const filter = await countSyncs(sim, () => sim.runExcel((c) => applyUnitFilter(c, ledgerRead, numbers)));
    expect(filter.syncs).toBeLessThanOrEqual(2);
    expect(size - sim.sheet('任务台账').filteredRows.size).toBe(numbers.length);
    const status = await countSyncs(sim, () =>
      sim.runExcel((c) => setTaskStatus(c, ledgerRead, size, { status: '已完成' })),
    );
    expect(status.syncs).toBeLessThanOrEqual(2);
  });

  it('writes the summary in at most 3 syncs, no batch over 5 MB', async () => {
    const { ledger } = (await sim.runExcel((c) => readLedger(c)))!;
    const specs = summarySheets(summarize(ledger, { asOf }), { units: ['市总工会'] });
    const first = sim.batches.length;
    const summary = await countSyncs(sim, () =>
      sim.runExcel((c) => writeSummarySheets(c, specs, { supports: ALL_SETS })),
    );
    expect(summary.syncs).toBeLessThanOrEqual(3);
    for (const b of sim.batches.slice(first)) expect(b.requestBytes).toBeLessThan(LIMIT);
  });

  it('never sends a batch over 5 MB', () => {
    for (const b of sim.batches) {
      expect(b.requestBytes).toBeLessThan(LIMIT);
      expect(b.responseBytes).toBeLessThan(LIMIT);
    }
  });
});

describe('a 10,000-task ledger generates the same date again (issue 23)', () => {
  // With AutoCorrect's "Include new rows and columns in table" off too: each of the snapshot's
  // blocks lands below the last, and the table is resized over them all.
  it.each([true, false])(
    'replaces the date’s snapshot rows, every request under 5 MB charged ~150 bytes a command (AutoCorrect on: %s)',
    async (autoCorrect) => {
      const sim = await ledgerOf(bigRows(10_000, 10));
      sim.state.autoCorrect.includeNewRowsInTable = autoCorrect;
      const generate = () =>
        generateSummaries((batch) => sim.runExcel(batch), {
          asOf,
          request: { overview: true, behind: true, units: ['市总工会'] },
          supports: ALL_SETS,
        });
      await generate();
      const first = sim.batches.length;
      const again = await generate();
      expect(again.snapshot).toMatchObject({ kept: true });
      if (!again.snapshot.kept) throw new Error('no snapshot');
      expect(again.snapshot.replaced).toBe(again.snapshot.added);
      expect(again.snapshot.added).toBeGreaterThanOrEqual(10_000);
      const batches = sim.batches.slice(first);
      for (const b of batches) expect(b.requestBytes).toBeLessThan(LIMIT);
      for (const b of batches) expect(b.responseBytes).toBeLessThan(LIMIT);
      expect(sim.values('进度快照').length - 1).toBe(again.snapshot.added);
      const table = sim.state.tables.find((t) => t.name === 'ProgressSnapshots');
      expect((table?.rect.rowCount ?? 0) - 1).toBe(again.snapshot.added);
    },
    120_000,
  );
});

describe('large writes are split', () => {
  it('splits a behind-schedule list too big for one request, each part under 5 MB', async () => {
    const sim = await ledgerOf(bigRows(10_000, 1, '原因说明'.repeat(60)));
    const { ledger } = (await sim.runExcel((c) => readLedger(c)))!;
    const specs = summarySheets(summarize(ledger, { asOf }), { overview: false });
    const first = sim.batches.length;
    const result = await sim.runExcel((c) => writeSummarySheets(c, specs, { supports: ALL_SETS }));
    const batches = sim.batches.slice(first);
    expect(batches.length).toBeGreaterThan(3);
    for (const b of batches) expect(b.requestBytes).toBeLessThan(LIMIT);
    expect(batches.reduce((a, b) => a + b.requestBytes, 0)).toBeGreaterThan(LIMIT);
    const values = sim.values(result.sheets[0].name);
    expect(values.filter((r) => typeof r[0] === 'number')).toHaveLength(10_000);
  });

  it('keeps a running byte total across sheets: four 1.5 MB sheets never share one request', async () => {
    // 1,000 behind tasks, each reaching the same three units: the behind list and three unit
    // sheets are each under the per-sheet block size, together well over 5 MB.
    const rows = bigRows(1000, 1, '原因说明'.repeat(90)).map((r) => {
      const row = [...r];
      row[2] = '市教育局、市财政局、市人社局';
      return row;
    });
    const sim = await ledgerOf(rows);
    const { ledger } = (await sim.runExcel((c) => readLedger(c)))!;
    const specs = summarySheets(summarize(ledger, { asOf }), {
      overview: false,
      units: ['市教育局', '市财政局', '市人社局'],
    });
    const first = sim.batches.length;
    const result = await sim.runExcel((c) => writeSummarySheets(c, specs, { supports: ALL_SETS }));
    const batches = sim.batches.slice(first);
    for (const b of batches) expect(b.requestBytes).toBeLessThan(LIMIT);
    expect(batches.reduce((a, b) => a + b.requestBytes, 0)).toBeGreaterThan(LIMIT);
    for (const sheet of result.sheets)
      expect(sim.values(sheet.name).filter((r) => typeof r[0] === 'number')).toHaveLength(1000);
  });

  it('splits rows into blocks under the byte budget', () => {
    const rows = Array.from({ length: 100 }, () => ['x'.repeat(1000)]);
    const blocks = blocksOf(rows, 10_000);
    expect(blocks.map((b) => b.rows.length).reduce((a, b) => a + b, 0)).toBe(100);
    expect(blocks.every((b) => b.rows.length <= 10)).toBe(true);
    expect(blocks[1].start).toBe(blocks[0].rows.length);
  });
});

describe('报送登记 round trips (issue 26)', () => {
  const ISSUED = new Date(2026, 10, 30, 9, 0);
  const host = (sim: ExcelSim) => ({
    run: sim.runExcel.bind(sim) as typeof sim.runExcel,
    now: () => ISSUED,
    supports: ALL_SETS,
  });
  const paneOf = () => ({
    tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>,
    take(read: WorkbookRead) {
      this.tablesSeen = tablesSeen(read);
    },
  });

  it('issuing forms: the read the forms were made from, plus the one write that records the round', async () => {
    const sim = await ledgerOf(bigRows(40, 10));
    const pane = paneOf();
    await issueForms(host(sim), pane, ['市总工会'], (model, options) =>
      returnFormFile(model, '市总工会', options),
    );
    await readForForms(host(sim), pane);
    const before = await countSyncs(sim, () => readForForms(host(sim), pane));
    const issued = await countSyncs(sim, () =>
      issueForms(host(sim), pane, ['市总工会'], (model, options) =>
        returnFormFile(model, '市总工会', options),
      ),
    );
    expect(before.syncs).toBe(1);
    expect(issued.syncs).toBe(before.syncs + 1);
  });

  it('recording a return adds no round trip to the import', async () => {
    const sim = await ledgerOf(bigRows(40, 10));
    const pane = paneOf();
    await issueForms(host(sim), pane, ['市总工会'], (model, options) =>
      returnFormFile(model, '市总工会', options),
    );
    await readForForms(host(sim), pane);
    const apply = (receipts?: Receipts) =>
      countSyncs(sim, async () => {
        const read = (await sim.runExcel((c) => readLedger(c)))!;
        const row = read.ledger.rows.findIndex((r) => r[0] === 1);
        const problems = LEDGER_COLUMNS.findIndex((c) => c.key === 'problems');
        const change: ProposedChange = {
          id: `f.xlsx|1|problems|${sim.syncCount}`,
          no: 1,
          row,
          column: 'problems',
          header: '存在问题',
          from: read.ledger.rows[row][problems],
          to: `问题${sim.syncCount}`,
          unit: '市总工会',
          file: 'f.xlsx',
          kind: 'lead',
          sources: ['problems'],
          conflict: null,
          accepted: true,
        };
        return sim.runExcel((c) =>
          applyReturns(c, read, [change], newImportBatch('2026-12-01 09:00'), ALL_SETS, receipts),
        );
      });
    const without = await apply();
    const withReceipt = await apply({
      returns: [{ file: 'f.xlsx', unit: '市总工会', asOf: dayFromLocalDate(ISSUED), returnBy: null }],
      on: dayFromLocalDate(ISSUED) + 1,
      expected: pane.tablesSeen.has('register'),
    });
    expect(withReceipt.result.register).toMatchObject({ kept: true, updated: 1 });
    // Each apply: one readLedger, then the import's own two.
    expect(withReceipt.syncs).toBe(without.syncs);
    expect(without.syncs).toBe(1 + 2);
  });
});
