// Each write tells the pane which cells it changed, command by command, so the change events
// it causes can be proved its own: what it names must be exactly what the events say on the
// tables the pane reads. Too few and the pane reads again for nothing; too many and a user's
// edit of those cells could pass for the pane's own.
import {
  addIndicatorRows,
  applyFixes,
  applyReturns,
  createIndicatorSheet,
  createLedger,
  readWorkbook,
  setIndicatorActual,
  setTaskStatus,
  undoLastImport,
  type WriteEcho,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import {
  blockOf,
  dayFromLocalDate,
  OFFICIAL_TASKS,
  proposeIndicators,
  seedsForTasks,
  type ProposedChange,
} from '../../src/ledger';
import { AS_OF_DATE } from '../asOf';
import { ALL_SETS } from './helpers';

const WATCHED = ['TaskLedger', 'UnitDirectory', 'StatusList', 'Indicators'];

/** Per sheet and cell, how many times: from events, or from what a write names. */
type Tally = Map<string, number>;

function add(
  tally: Tally,
  sheetId: string,
  address: string,
  inside: (row: number, column: number) => boolean,
) {
  const block = blockOf(address);
  if (!block) throw new Error(`not a block: ${address}`);
  for (let r = 0; r < block.rowCount; r++)
    for (let c = 0; c < block.columnCount; c++) {
      const row = block.row + r;
      const column = block.column + c;
      if (!inside(row, column)) continue;
      const key = `${sheetId}!${row},${column}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
}

/** Listens for the events one write causes, then compares them with what it names. */
async function heard<T extends WriteEcho>(sim: ExcelSim, write: () => Promise<T>): Promise<T> {
  const events: { sheetId: string; address: string; tableId: string }[] = [];
  let added = 0;
  let selections = 0;
  await sim.run(async (c) => {
    c.workbook.tables.onChanged.add(
      async (e) => void events.push({ sheetId: e.worksheetId, address: e.address, tableId: e.tableId ?? '' }),
    );
    c.workbook.tables.onAdded.add(async () => void added++);
    c.workbook.onSelectionChanged.add(async () => void selections++);
    await c.sync();
  });
  const result = await write();
  await new Promise((resolve) => setImmediate(resolve));
  // Cells inside the tables the pane reads, as the workbook is after the write.
  const watched = sim.state.tables.filter((t) => WATCHED.includes(t.name));
  const inside = (sheetId: string) => (row: number, column: number) =>
    watched.some(
      (t) =>
        t.sheetId === sheetId &&
        row >= t.rect.row &&
        row < t.rect.row + t.rect.rowCount &&
        column >= t.rect.column &&
        column < t.rect.column + t.rect.columnCount,
    );
  const fromEvents: Tally = new Map();
  for (const e of events.filter((x) => watched.some((t) => t.id === x.tableId)))
    add(fromEvents, e.sheetId, e.address, inside(e.sheetId));
  const named: Tally = new Map();
  for (const area of result.written) add(named, area.worksheetId, area.address, inside(area.worksheetId));
  expect(Object.fromEntries(named)).toEqual(Object.fromEntries(fromEvents));
  expect(result.tablesAdded ?? 0).toBe(added);
  expect(result.selectionMoves).toBe(selections);
  return result;
}

const read = async (sim: ExcelSim) => {
  const now = await sim.runExcel((c) => readWorkbook(c));
  if (!now.ledger) throw new Error('no ledger');
  return { ...now, read: now.ledger };
};

describe('what a write names is what Excel reports', () => {
  it('for 新建, a status, fixes (formats included), a 完成值, the 指标 sheet and its rows, an import and its undo', async () => {
    const sim = new ExcelSim();
    await heard(sim, () => sim.runExcel((c) => createLedger(c, { supports: ALL_SETS })));

    let now = await read(sim);
    await heard(sim, () =>
      sim.runExcel((c) => setTaskStatus(c, now.read, 3, { status: '滞后', progress: 20 })),
    );

    // A number into a text-formatted cell, and text that needs the text format: a format command each.
    sim.userEdit('任务台账', 'G5', [['30']]);
    now = await read(sim);
    await heard(sim, () =>
      sim.runExcel((c) =>
        applyFixes(c, now.read.location, [
          { row: 1, column: 6, value: 30, expected: '30', identity: [] },
          { row: 2, column: 4, value: '=x', expected: 20, identity: [] },
        ]),
      ),
    );

    now = await read(sim);
    const indicator = now.reference.indicators?.indicators[0];
    if (!indicator) throw new Error('no indicator');
    await heard(sim, () =>
      sim.runExcel((c) =>
        setIndicatorActual(
          c,
          { read: now.read, reference: now.reference },
          indicator,
          1,
          dayFromLocalDate(AS_OF_DATE),
        ),
      ),
    );

    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('指标').delete();
      await c.sync();
    });
    now = await read(sim);
    const seeds = seedsForTasks(OFFICIAL_TASKS.map((t) => ({ ...t, unitsText: t.units })));
    await heard(sim, () =>
      sim.runExcel((c) =>
        createIndicatorSheet(c, { read: now.read, reference: now.reference }, seeds.slice(1), ALL_SETS),
      ),
    );
    now = await read(sim);
    const table = now.reference.indicators;
    if (!table) throw new Error('no table');
    const adds = proposeIndicators(table, seeds, new Set(OFFICIAL_TASKS.map((t) => t.no))).flatMap((p) =>
      p.kind === 'add' ? [p.seed] : [],
    );
    await heard(sim, () =>
      sim.runExcel((c) => addIndicatorRows(c, { read: now.read, reference: now.reference }, adds, ALL_SETS)),
    );

    now = await read(sim);
    const change = (no: number, to: string): ProposedChange => ({
      id: `f:${no}`,
      no,
      row: no - 1,
      column: 'problems',
      header: '存在问题',
      from: '',
      to,
      unit: '市教育局',
      file: 'f.xlsx',
      kind: 'lead',
      sources: ['problems'],
      conflict: null,
      accepted: true,
    });
    const batch = { time: '2026-11-28 09:00', batch: 'b1' };
    await heard(sim, () =>
      sim.runExcel((c) =>
        applyReturns(c, now.read, [change(5, '=缺口'), change(6, '资金')], batch, ALL_SETS),
      ),
    );
    now = await read(sim);
    await heard(sim, () => sim.runExcel((c) => undoLastImport(c, now.read, '2026-11-28 09:05', ALL_SETS)));
  });
});
