// 指标 of two plans in one workbook: plan B's import makes B's own 指标 sheet and table from B's
// task texts; a 完成值, validation's indicator checks, 重新识别 and 创建指标表 on one plan read and
// write that plan's table only (both plans have a task 1, 2 and 3). Every action is checked
// against a whole-workbook diff.
import {
  addIndicatorRows,
  createIndicatorSheet,
  createLedger,
  importPlan,
  readOptions,
  readReport,
  readWorkbook,
  setIndicatorActual,
  type LedgerRead,
  type Reference,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import {
  proposeIndicators,
  seedsForTasks,
  validateLedger,
  type Finding,
  type Indicator,
} from '../../src/ledger';
import { asOf } from '../asOf';
import { ALL_SETS, changedCells, countSyncs } from './helpers';
import { INDICATOR_COUNT_B, INDICATORS_B, PLAN_B, TABLE_B } from './twoPlanFixture';

async function twoPlans() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  const before = sim.snapshot();
  const imported = await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  return { sim, before, imported };
}

/** What the pane holds for the plan of a ledger sheet, read as an action reads it. */
async function paneOn(sim: ExcelSim, sheet: string): Promise<{ read: LedgerRead; reference: Reference }> {
  sim.userActivate(sheet);
  const read = await sim.runExcel((c) => readWorkbook(c));
  if (!read.ledger) throw new Error(`no ledger on ${sheet}`);
  return { read: read.ledger, reference: read.reference };
}

const findingsOf = ({ read, reference }: { read: LedgerRead; reference: Reference }): Finding[] =>
  validateLedger(read.ledger, readOptions(reference, asOf));

const indicatorFindings = (findings: readonly Finding[]) => findings.filter((f) => f.table === 'indicators');

function indicatorOf(reference: Reference, no: number): Indicator {
  const found = reference.indicators?.indicators.find((i) => i.no === no);
  if (!found) throw new Error(`no indicator of task ${no}`);
  return found;
}

/** Plan B's seeds as the pane makes them: from B's ledger as read. */
const seedsOf = (read: LedgerRead) =>
  seedsForTasks(
    read.ledger.rows.map((r) => ({
      no: typeof r[0] === 'number' ? r[0] : null,
      task: String(r[1] ?? ''),
      unitsText: String(r[2] ?? ''),
    })),
  );

/** Every cell of the first plan's ledger and 指标 sheets. */
const planA = (sim: ExcelSim) => ({ ledger: sim.values('任务台账'), indicators: sim.values('指标') });

describe('导入分工表 beside a ledger makes the new plan’s 指标', () => {
  it('on its own sheet and table, from its own task texts, the first plan’s cells untouched', async () => {
    const { sim, before, imported } = await twoPlans();
    expect(imported.tableName).toBe(TABLE_B);
    expect(imported.indicatorSheet).toEqual({ name: INDICATORS_B.sheet, rows: INDICATOR_COUNT_B });
    expect(imported.usersSheets.indicators).toBeNull();
    // The reference read back with the write is B's table.
    expect(imported.reference.indicators?.sheetName).toBe(INDICATORS_B.sheet);
    const [header, ...rows] = sim.values(INDICATORS_B.sheet);
    expect(header.slice(0, 3)).toEqual(['序号', '指标', '目标值']);
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      [1, 30, '个'],
      [2, 5, '亿元'],
      [3, 20, '场'],
    ]);
    const snapshot = sim.snapshot();
    const tableSheet = await sim.run(async (c) => {
      const sheet = c.workbook.tables.getItem(INDICATORS_B.table).worksheet.load('name');
      await c.sync();
      return sheet.name;
    });
    expect(tableSheet).toBe(INDICATORS_B.sheet);
    // 完成率 is live on B's sheet: a 完成值 typed there shows its share.
    expect(sim.userEdit(INDICATORS_B.sheet, 'F2', [[15]]).ok).toBe(true);
    expect(sim.values(INDICATORS_B.sheet)[1][6]).toBe(0.5);
    // Nothing of the first plan changed: its ledger, its 指标, its tables.
    const changed = changedCells(before, snapshot);
    expect(changed.filter((c) => c.startsWith('任务台账!') || c.startsWith('指标!'))).toEqual([]);
    expect(before.sheets.find((s) => s.name === '指标')).toEqual(
      snapshot.sheets.find((s) => s.name === '指标'),
    );
  });

  it('costs the round trips it cost before (look, read 单位名录, write)', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const { syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null })),
    );
    expect(syncs).toBe(3);
  });

  it('reads each plan with its own 指标: the same 序号 never mixes', async () => {
    const { sim } = await twoPlans();
    const b = await paneOn(sim, '稳经济台账');
    const a = await paneOn(sim, '任务台账');
    expect(b.reference.indicators?.indicators.map((i) => i.name)).toEqual(seedsOf(b.read).map((s) => s.name));
    expect(a.reference.indicators?.sheetName).toBe('指标');
    expect(a.reference.indicators?.indicators).toHaveLength(23);
    // Task 1 of each plan has its own plan's indicator.
    expect(indicatorOf(b.reference, 1).name).toBe('亿元以上项目');
    expect(indicatorOf(a.reference, 1).name).not.toBe('亿元以上项目');
  });
});

describe('a 完成值 on plan B', () => {
  it('is written to B’s cell in two syncs; B’s check sees it, A’s does not', async () => {
    const { sim } = await twoPlans();
    const aBefore = indicatorFindings(findingsOf(await paneOn(sim, '任务台账')));
    const b = await paneOn(sim, '稳经济台账');
    const before = sim.snapshot();
    // Above its target of 30: a note on B's indicator.
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => setIndicatorActual(c, b, indicatorOf(b.reference, 1), 36, asOf)),
    );
    expect(syncs).toBe(2);
    expect(result.address).toBe(`${INDICATORS_B.sheet}!F2`);
    // The 完成值, its 更新日期 and the live share: nothing else, and nothing of plan A.
    expect(changedCells(before, sim.snapshot())).toEqual(
      ['F2', 'G2', 'H2'].map((a) => `${INDICATORS_B.sheet}!${a}`),
    );
    expect(indicatorOf(result.reference, 1).actual).toEqual({ kind: 'ok', value: 36 });
    const onB = indicatorFindings(findingsOf(await paneOn(sim, '稳经济台账')));
    expect(onB.map((f) => f.rule)).toEqual(['indicator.aboveTarget']);
    expect(onB[0].taskNo).toBe(1);
    // Plan A's task 1 has its own indicator, untouched and unreported: its findings are as before.
    expect(indicatorFindings(findingsOf(await paneOn(sim, '任务台账')))).toEqual(aBefore);
  });

  it('typed by hand on B’s sheet as text is B’s finding, at B’s cell, and not A’s', async () => {
    const { sim } = await twoPlans();
    const aBefore = indicatorFindings(findingsOf(await paneOn(sim, '任务台账')));
    // The cell's rule stops a typed 三十; a paste does not: set it as a paste would.
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem(INDICATORS_B.sheet).getRange('F3').values = [['五个亿']];
      await c.sync();
    });
    const onB = indicatorFindings(findingsOf(await paneOn(sim, '稳经济台账')));
    expect(onB.map((f) => [f.rule, f.taskNo, f.severity])).toEqual([['indicator.actual', 2, 'error']]);
    expect(indicatorFindings(findingsOf(await paneOn(sim, '任务台账')))).toEqual(aBefore);
  });

  it('marks B’s task done: B warns of its unreported indicator, A says nothing of it', async () => {
    const { sim } = await twoPlans();
    const aBefore = indicatorFindings(findingsOf(await paneOn(sim, '任务台账')));
    const values = sim.values('稳经济台账');
    const header = values.findIndex((r) => r.includes('序号'));
    const row = values.findIndex((r, i) => i > header && r[0] === 3);
    const status = String.fromCharCode(65 + values[header].indexOf('状态'));
    expect(sim.userEdit('稳经济台账', `${status}${row + 1}`, [['已完成']]).ok).toBe(true);
    const onB = indicatorFindings(findingsOf(await paneOn(sim, '稳经济台账')));
    expect(onB.map((f) => [f.rule, f.taskNo])).toEqual([['indicator.doneBelowTarget', 3]]);
    expect(indicatorFindings(findingsOf(await paneOn(sim, '任务台账')))).toEqual(aBefore);
  });
});

describe('重新识别 and 创建指标表 on plan B', () => {
  it('proposes B’s missing indicator from B’s texts and appends it to B’s table only', async () => {
    const { sim } = await twoPlans();
    // The user deletes B's first indicator row.
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem(INDICATORS_B.sheet).getRange('2:2').delete('Up');
      await c.sync();
    });
    const b = await paneOn(sim, '稳经济台账');
    const table = b.reference.indicators;
    if (!table) throw new Error('no table');
    const proposals = proposeIndicators(table, seedsOf(b.read), new Set([1, 2, 3]));
    expect(proposals.map((p) => [p.kind, p.kind === 'add' ? p.seed.no : null])).toEqual([['add', 1]]);
    const adds = proposals.flatMap((p) => (p.kind === 'add' ? [p.seed] : []));
    const a = planA(sim);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => addIndicatorRows(c, b, adds, ALL_SETS)),
    );
    expect(syncs).toBe(2);
    expect(result).toMatchObject({ rows: 1, sheetName: INDICATORS_B.sheet });
    // The new row only, below B's two: its values, its formula and its date format.
    expect(changedCells(before, sim.snapshot())).toEqual(
      ['A4', 'B4', 'C4', 'D4', 'E4', 'G4', 'H4', 'I4'].map((x) => `${INDICATORS_B.sheet}!${x}`),
    );
    expect(planA(sim)).toEqual(a);
    // 完成率 names B's own table, and lives.
    const formula = await sim.run(async (c) => {
      const cell = c.workbook.worksheets.getItem(INDICATORS_B.sheet).getRange('G4').load('formulas');
      await c.sync();
      return String(cell.formulas[0][0]);
    });
    expect(formula).toContain(`${INDICATORS_B.table}[@[完成值]]`);
    expect(sim.userEdit(INDICATORS_B.sheet, 'F4', [[3]]).ok).toBe(true);
    expect(sim.values(INDICATORS_B.sheet)[3][6]).toBe(0.1);
    // The first plan, asked the same with all its rows there, has nothing to add.
    const onA = await paneOn(sim, '任务台账');
    const seedsA = seedsOf(onA.read);
    expect(
      proposeIndicators(onA.reference.indicators!, seedsA, new Set(seedsA.map((s) => s.no))).filter(
        (p) => p.kind === 'add',
      ),
    ).toEqual([]);
  });

  it('makes B’s 指标 again after its sheet was deleted, beside A’s and without touching it', async () => {
    const { sim } = await twoPlans();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem(INDICATORS_B.sheet).delete();
      await c.sync();
    });
    const b = await paneOn(sim, '稳经济台账');
    expect(b.reference.indicators).toBeNull();
    expect(findingsOf(b).filter((f) => f.rule.startsWith('indicator'))).toMatchObject([
      { rule: 'indicators.missing' },
    ]);
    const a = planA(sim);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => createIndicatorSheet(c, b, seedsOf(b.read), ALL_SETS)),
    );
    expect(syncs).toBe(2);
    expect(result).toMatchObject({ sheetName: INDICATORS_B.sheet, rows: INDICATOR_COUNT_B });
    expect(result.reference.indicators?.sheetName).toBe(INDICATORS_B.sheet);
    expect(changedCells(before, sim.snapshot()).every((c) => c.startsWith(`${INDICATORS_B.sheet}!`))).toBe(
      true,
    );
    expect(planA(sim)).toEqual(a);
    // Made once: asked again, it refuses by B's table's name and changes nothing.
    const again = sim.snapshot();
    await expect(
      sim.runExcel((c) => createIndicatorSheet(c, b, seedsOf(b.read), ALL_SETS)),
    ).rejects.toMatchObject({
      code: 'IndicatorsExist',
      message: expect.stringContaining(INDICATORS_B.table),
    });
    expect(changedCells(again, sim.snapshot())).toEqual([]);
  });
});

describe('the report (summaries, 通报, mails) of each plan', () => {
  it('list the plan’s own indicators with the 完成值 typed on its sheet', async () => {
    const { sim } = await twoPlans();
    expect(sim.userEdit(INDICATORS_B.sheet, 'F4', [[8]]).ok).toBe(true);
    const report = async (sheet: string) => {
      sim.userActivate(sheet);
      return sim.runExcel((c) => readReport(c, { asOf, history: false }));
    };
    const b = await report('稳经济台账');
    const lines = b.model.indicators.lines;
    expect(lines.map((l) => [l.no, l.name, l.actual])).toEqual([
      [1, '亿元以上项目', null],
      [2, '专项债券资金', null],
      [3, '促消费活动', 8],
    ]);
    const a = await report('任务台账');
    expect(a.model.indicators.lines).toHaveLength(23);
    expect(a.model.indicators.lines.some((l) => l.name === '促消费活动')).toBe(false);
  });
});

describe('a workbook of one plan', () => {
  it('reads its 指标 / Indicators table as before, and a read changes nothing', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () => sim.runExcel((c) => readWorkbook(c)));
    expect(syncs).toBe(1);
    expect(result.reference.indicators?.sheetName).toBe('指标');
    expect(result.reference.indicators?.indicators).toHaveLength(23);
    expect(result.tables.indicators).toBeDefined();
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });
});
