// Two plans' ledgers in one workbook: the built-in plan's and an imported annex's. Each read takes
// the ledger of the sheet the user is on (else the one asked for), paired with its own plan; the
// actions on one plan leave every cell of the other as it was.
import {
  applyUnitFilter,
  createLedger,
  ensureLedgerId,
  findLedgerLikeSheets,
  generateSummaries,
  importPlan,
  LEDGER_TABLE,
  readReport,
  readWorkbook,
  readOptions,
  readSnapshots,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import {
  builtInPlan,
  ledgerTableOf,
  PLAN_PART_LIMIT,
  planPartBytes,
  returnFormSpec,
  tasksForUnit,
  validateLedger,
  type Plan,
  type Day,
  type PlanTask,
} from '../../src/ledger';
import { readRound } from '../../src/taskpane/registerWorkflow';
import { asOf } from '../asOf';
import { ALL_SETS, changedCells, countSyncs } from './helpers';
import { formsDesk, INDICATOR_COUNT_B, INDICATORS_B, issueTo, PLAN_B, TABLE_B } from './twoPlanFixture';

async function twoPlans() {
  const sim = new ExcelSim();
  const first = await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  const before = sim.snapshot();
  const second = await countSyncs(sim, () =>
    sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null })),
  );
  return { sim, first, second: second.result, syncs: second.syncs, before };
}

const activate = (sim: ExcelSim, sheet: string) =>
  sim.run(async (c) => {
    c.workbook.worksheets.getItem(sheet).activate();
    await c.sync();
  });

const read = (sim: ExcelSim, ledgerTable?: string) => sim.runExcel((c) => readWorkbook(c, { ledgerTable }));

describe('导入分工表 on a workbook that has a ledger', () => {
  it('makes a second ledger named from the short name, its plan paired with its table', async () => {
    const { sim, first, second, syncs, before } = await twoPlans();
    expect(second.sheetName).toBe('稳经济台账');
    expect(second.tableName).toBe('台账_稳经济');
    expect(second.taskCount).toBe(PLAN_B.tasks.length);
    // Look, read 单位名录, write.
    expect(syncs).toBe(3);
    const parts = sim.snapshot().customXmlParts;
    expect(parts.map((p) => ledgerTableOf(/xmlns="([^"]*)"/u.exec(p.xml)?.[1] ?? ''))).toEqual([
      '台账_稳经济',
    ]);
    // The first ledger, its title and its 指标 are as they were; only the new sheets (B's ledger and
    // its own 指标) and the units 单位名录 did not know are new (its own rows unchanged).
    const changed = changedCells(before, sim.snapshot());
    const directoryRows = before.sheets.find((s) => s.name === '单位名录')!;
    const lastRow = Math.max(...Object.keys(directoryRows.cells).map((k) => Number(k.split(',')[0])));
    expect(before.sheets.some((s) => s.name === INDICATORS_B.sheet)).toBe(false);
    expect(
      changed.filter((c) => !c.startsWith('稳经济台账!') && !c.startsWith(`${INDICATORS_B.sheet}!`)),
    ).toEqual(changed.filter((c) => c.startsWith('单位名录!') && Number(/\d+$/u.exec(c)![0]) > lastRow + 1));
    expect(second.unitsAdded).toBeGreaterThan(0);
    expect(first.tableName).toBe(LEDGER_TABLE);
  });

  it('adds each unit once to the shared 单位名录, keeping its kind; a third import names freely', async () => {
    const { sim } = await twoPlans();
    const again = await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
    expect(again.tableName).toBe('台账_稳经济_2');
    expect(again.sheetName).toBe('稳经济台账(2)');
    expect(again.unitsAdded).toBe(0);
    const names = sim.values('单位名录').map((r) => r[0]);
    for (const unit of PLAN_B.directory.units) expect(names.filter((n) => n === unit.name)).toHaveLength(1);
    const collective = PLAN_B.directory.units.find((u) => u.kind === 'collective');
    if (collective) expect(sim.values('单位名录').find((r) => r[0] === collective.name)?.[2]).toBe('统称');
  });
});

describe('which ledger a read takes', () => {
  it('the one on the active sheet, else the one asked for, else the first', async () => {
    const { sim } = await twoPlans();
    // 导入 leaves the user on the new ledger.
    expect((await read(sim)).ledger?.location.tableName).toBe('台账_稳经济');
    await activate(sim, '任务台账');
    expect((await read(sim, '台账_稳经济')).ledger?.location.tableName).toBe(LEDGER_TABLE);
    await activate(sim, '单位名录');
    const asked = await read(sim, '台账_稳经济');
    expect(asked.ledger?.location.tableName).toBe('台账_稳经济');
    expect(asked.reference.plan.plan.title).toBe(PLAN_B.title);
    const unasked = await read(sim);
    expect(unasked.ledger?.location.tableName).toBe(LEDGER_TABLE);
    expect(unasked.reference.plan.plan.title).toBe(builtInPlan().title);
    expect(unasked.ledgers.map((l) => l.table)).toEqual([LEDGER_TABLE, '台账_稳经济']);
  });

  it('in one request when the guess is right, two when the user moved to the other plan', async () => {
    const { sim } = await twoPlans();
    const seen = await read(sim, '台账_稳经济');
    const planPart = seen.reference.plan.partId;
    const same = await countSyncs(sim, () =>
      sim.runExcel((c) => readWorkbook(c, { ledgerTable: '台账_稳经济', planPart })),
    );
    expect(same.syncs).toBe(1);
    await activate(sim, '任务台账');
    const moved = await countSyncs(sim, () =>
      sim.runExcel((c) => readWorkbook(c, { ledgerTable: '台账_稳经济', planPart })),
    );
    expect(moved.result.ledger?.location.tableName).toBe(LEDGER_TABLE);
    expect(moved.syncs).toBe(2);
  });

  it('names neither plan’s ledger as a stray ledger-like sheet, but still a copy', async () => {
    const { sim } = await twoPlans();
    const ledgerSheet = (await read(sim)).ledger!.location.sheetId;
    await sim.run(async (c) => {
      const copy = c.workbook.worksheets.add('抄件');
      copy.getRange('A1:C1').values = [['序号', '工作任务', '责任单位']];
      await c.sync();
    });
    expect(await sim.runExcel((c) => findLedgerLikeSheets(c, ledgerSheet))).toEqual(['抄件']);
  });

  it('still pairs a renamed sheet with its plan (the table name is the key)', async () => {
    const { sim } = await twoPlans();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('稳经济台账').name = '区里的台账';
      await c.sync();
    });
    const after = await read(sim);
    expect(after.ledger?.location.sheetName).toBe('区里的台账');
    expect(after.reference.plan.plan.title).toBe(PLAN_B.title);
  });
});

describe('validate, filter, summaries and a form on each plan', () => {
  it('works on each, and nothing of one plan changes when working on the other', async () => {
    const { sim } = await twoPlans();
    const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => sim.runExcel(batch);
    for (const [sheet, plan, other] of [
      ['稳经济台账', PLAN_B, '任务台账'],
      ['任务台账', builtInPlan(), '稳经济台账'],
    ] as const) {
      await activate(sim, sheet);
      const before = sim.snapshot();
      const report = await run((c) => readReport(c, { asOf, history: false }));
      expect(report.model.tasks).toHaveLength(plan.tasks.length);
      expect(report.model.names.title).toBe(plan.title);
      const findings = validateLedger(report.read.ledger.ledger, readOptions(report.read.reference, asOf));
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);

      const ledger = report.read.ledger as LedgerRead;
      const unit = (plan.tasks[0] as PlanTask).lead[0];
      const refs = ledger.ledger.rows.map((r) => ({ no: r[0], units: r[2] }));
      const numbers = tasksForUnit(refs, unit, { directory: report.read.reference.directory });
      expect(numbers).toContain(1);
      await run((c) => applyUnitFilter(c, ledger, numbers));

      const summaries = await generateSummaries(run, {
        asOf,
        request: { overview: true, behind: false, units: [] },
        supports: ALL_SETS,
      });
      expect(summaries.read.ledger?.location.tableName).toBe(ledger.location.tableName);

      const table = ledger.location.tableName;
      const ledgerId = await run((c) => ensureLedgerId(c, table));
      const form = returnFormSpec(report.model, unit, {
        ledgerId,
        statuses: report.read.reference.statuses,
        directory: report.read.reference.directory,
        ledger: ledger.ledger,
      });
      expect(form.rows.map((r) => r.no)).toContain(1);
      // Nothing on the other plan's sheet changed.
      expect(changedCells(before, sim.snapshot()).filter((c) => c.startsWith(`${other}!`))).toEqual([]);
    }
    // Each plan's forms carry its own ledger's id: one plan's return is never taken into the other.
    const ids = await run(async (c) => [await ensureLedgerId(c), await ensureLedgerId(c, '台账_稳经济')]);
    expect(new Set(ids).size).toBe(2);
    // Each plan's summary sheet survived the other's run (one plan's never replace the other's),
    // and another run of plan B replaces B's alone.
    await activate(sim, '稳经济台账');
    await generateSummaries(run, {
      asOf,
      request: { overview: true, behind: false, units: [] },
      supports: ALL_SETS,
    });
    const names = sim.snapshot().sheets.map((s) => s.name);
    expect(names.filter((n) => n.includes('汇总-总体'))).toEqual(['汇总-总体', '稳经济-汇总-总体']);
  });
});

describe('进度快照 of each plan', () => {
  const summaries = (sim: ExcelSim, sheet: string, day: Day) =>
    activate(sim, sheet).then(() =>
      generateSummaries((batch) => sim.runExcel(batch), {
        asOf: day,
        request: { overview: true, behind: false, units: [] },
        supports: ALL_SETS,
      }),
    );
  const kept = (sim: ExcelSim, plan: string) =>
    sim.runExcel((c) => readSnapshots(c, plan)).then((r) => r?.table.snapshots.map((s) => s.date));
  /** 进度快照's data rows of one plan (by its 方案 cell; blank is the first plan's). */
  const rowsOf = (sim: ExcelSim, plan: string) => {
    const [header, ...rows] = sim.values('进度快照');
    const at = header.indexOf('方案');
    return rows.filter((r) => (at < 0 ? LEDGER_TABLE : String(r[at]) || LEDGER_TABLE) === plan);
  };
  const earlier = (asOf - 30) as Day;
  /** Plan B's rows in a report: one per task and one per indicator of its own 指标. */
  const B_ROWS = PLAN_B.tasks.length + INDICATOR_COUNT_B;
  /** The user sets a task's 状态 on a ledger sheet, found by header and 序号 as a user would. */
  const setStatus = (sim: ExcelSim, sheet: string, no: number, status: string) => {
    const values = sim.values(sheet);
    const header = values.findIndex((r) => r.includes('序号'));
    const row = values.findIndex((r, i) => i > header && r[values[header].indexOf('序号')] === no);
    const column = values[header].indexOf('状态');
    expect(sim.userEdit(sheet, `${String.fromCharCode(65 + column)}${row + 1}`, [[status]]).ok).toBe(true);
  };

  it('keeps plan B’s snapshot beside A’s, A’s rows untouched, and B’s 本期变化 compares with B’s own', async () => {
    const { sim } = await twoPlans();
    await summaries(sim, '任务台账', earlier);
    const aRows = rowsOf(sim, LEDGER_TABLE);
    const first = await summaries(sim, '稳经济台账', earlier);
    expect(first.snapshot).toMatchObject({ kept: true, replaced: 0, added: B_ROWS });
    expect(first.history.changes.previous).toBeNull();
    setStatus(sim, '稳经济台账', 1, '已完成');
    const before = sim.snapshot();
    const second = await summaries(sim, '稳经济台账', asOf);
    expect(second.snapshot).toMatchObject({ kept: true, replaced: 0 });
    // Compared with B's earlier report (A's rows of the same date are not B's tasks).
    expect(second.history.changes.previous).toBe(earlier);
    expect(second.history.changes.counts.newlyDone).toBe(1);
    expect(second.history.trend.map((p) => p.date)).toEqual([earlier, asOf]);
    expect(rowsOf(sim, LEDGER_TABLE)).toEqual(aRows);
    // Only rows appended below every earlier row, and B's summary sheet.
    const changed = changedCells(before, sim.snapshot()).filter((c) => !c.startsWith('稳经济-'));
    const bottom = aRows.length + B_ROWS + 1;
    expect(changed.every((c) => c.startsWith('进度快照!') && Number(/\d+$/u.exec(c)![0]) > bottom)).toBe(
      true,
    );
    expect(await kept(sim, '台账_稳经济')).toEqual([earlier, asOf]);
    expect(await kept(sim, LEDGER_TABLE)).toEqual([earlier]);
  });

  it('regenerates the same date on each plan, replacing that plan’s rows only', async () => {
    const { sim } = await twoPlans();
    await summaries(sim, '任务台账', asOf);
    await summaries(sim, '稳经济台账', asOf);
    const aRows = rowsOf(sim, LEDGER_TABLE);
    const again = await summaries(sim, '稳经济台账', asOf);
    expect(again.snapshot).toMatchObject({ replaced: B_ROWS, added: B_ROWS });
    expect(rowsOf(sim, LEDGER_TABLE)).toEqual(aRows);
    const bRows = rowsOf(sim, '台账_稳经济');
    const onA = await summaries(sim, '任务台账', asOf);
    expect(onA.snapshot).toMatchObject({ replaced: aRows.length, added: aRows.length });
    expect(rowsOf(sim, '台账_稳经济')).toEqual(bRows);
    expect(await kept(sim, '台账_稳经济')).toEqual([asOf]);
    expect(await kept(sim, LEDGER_TABLE)).toEqual([asOf]);
  });

  /** A 进度快照 made before 方案 (an older version's): plan A's report in its eight columns. */
  async function oldTable(sim: ExcelSim): Promise<void> {
    await summaries(sim, '任务台账', earlier);
    const values = sim.values('进度快照').map((r) => r.slice(0, 8));
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('进度快照').delete();
      const sheet = c.workbook.worksheets.add('进度快照');
      sheet.getRange(`A1:H${values.length}`).values = values;
      sheet.tables.add(`A1:H${values.length}`, true).name = 'ProgressSnapshots';
      await c.sync();
    });
    expect(sim.values('进度快照')[0]).not.toContain('方案');
  }

  it('reads an old 进度快照 without 方案 as plan A’s, and appends the column on the next write', async () => {
    const { sim } = await twoPlans();
    await oldTable(sim);
    const aRows = sim.values('进度快照').slice(1);
    expect(await kept(sim, LEDGER_TABLE)).toEqual([earlier]);
    expect(await kept(sim, '台账_稳经济')).toEqual([]);
    const before = sim.snapshot();
    const onB = await summaries(sim, '稳经济台账', asOf);
    expect(onB.snapshot).toMatchObject({ kept: true, replaced: 0, added: B_ROWS });
    expect(onB.history.changes.previous).toBeNull();
    const values = sim.values('进度快照');
    expect(values[0].indexOf('方案')).toBe(8);
    // A's rows: their cells as they were, the new 方案 cell blank (the first plan's).
    expect(values.slice(1, aRows.length + 1)).toEqual(aRows.map((r) => [...r, '']));
    const changed = changedCells(before, sim.snapshot()).filter((c) => c.startsWith('进度快照!'));
    expect(changed.filter((c) => Number(/\d+$/u.exec(c)![0]) <= aRows.length + 1)).toEqual(['进度快照!I1']);
    expect(await kept(sim, LEDGER_TABLE)).toEqual([earlier]);
    expect(await kept(sim, '台账_稳经济')).toEqual([asOf]);
  });

  it('keeps none for plan B when something right of an old table leaves no room for 方案; A still keeps its own', async () => {
    const { sim } = await twoPlans();
    await oldTable(sim);
    expect(sim.userEdit('进度快照', 'K1', [['备注']]).ok).toBe(true);
    const before = sim.snapshot();
    const onB = await summaries(sim, '稳经济台账', asOf);
    expect(onB.snapshot).toEqual({ kept: false, reason: 'no-room', sheetName: '进度快照' });
    expect(changedCells(before, sim.snapshot()).filter((c) => c.startsWith('进度快照!'))).toEqual([]);
    const onA = await summaries(sim, '任务台账', asOf);
    expect(onA.snapshot).toMatchObject({ kept: true });
    expect(sim.values('进度快照')[0][10]).toBe('备注');
    expect(await kept(sim, LEDGER_TABLE)).toEqual([earlier, asOf]);
  });
});

describe('forms of each plan', () => {
  /** Both plans, and a round issued on plan A to 市教育局 from A's sheet. */
  async function issuedOnA() {
    const { sim } = await twoPlans();
    await activate(sim, '任务台账');
    const issued = await issueTo(sim, LEDGER_TABLE, ['市教育局']);
    return { sim, host: formsDesk(sim, LEDGER_TABLE).host, issued };
  }

  it('records each plan’s round in 报送登记 among its own rows; A’s round status unaffected', async () => {
    const { sim, host, issued } = await issuedOnA();
    expect(issued.register).toMatchObject({ kept: true, added: 1 });
    const roundA = await readRound(host, LEDGER_TABLE);
    const unit = (PLAN_B.tasks[0] as PlanTask).lead[0];
    const partner = (PLAN_B.tasks[0] as PlanTask).partners[0] ?? unit;
    await activate(sim, '稳经济台账');
    const before = sim.snapshot();
    const other = await issueTo(sim, TABLE_B, [unit, partner]);
    expect(other.register).toEqual({ kept: true, sheetName: '报送登记', updated: 0, added: 2 });
    expect(other.made.name).toContain(unit);
    // Only B's two rows, appended below A's; A's row as it was.
    expect(
      changedCells(before, sim.snapshot()).every((c) => /^报送登记![A-Z]3$|^报送登记![A-Z]4$/u.test(c)),
    ).toBe(true);
    const roundB = await readRound(host, '台账_稳经济');
    expect(roundB?.units.map((u) => u.unit)).toEqual([unit, partner]);
    expect(roundB?.asked).toBe(2);
    expect(await readRound(host, LEDGER_TABLE)).toEqual(roundA);
    expect(roundA?.units.map((u) => u.unit)).toEqual(['市教育局']);
    // Each plan's reporting sentence counts its own units only.
    const report = (ledgerTable: string) =>
      sim.runExcel((c) => readReport(c, { asOf: roundA!.asOf, register: true, ledgerTable }));
    expect((await report('台账_稳经济')).reporting).toContain('本期应报2个单位');
    await activate(sim, '任务台账');
    expect((await report(LEDGER_TABLE)).reporting).toContain('本期应报1个单位');
    // Issued again on B: B's rows are updated, none added, A's untouched.
    await activate(sim, '稳经济台账');
    const again = await issueTo(sim, TABLE_B, [unit]);
    expect(again.register).toMatchObject({ kept: true, updated: 1, added: 0 });
    expect(await readRound(host, LEDGER_TABLE)).toEqual(roundA);
  });

  it('appends 方案 to an old 报送登记 for plan B’s round; refuses with a reason when something is right of it', async () => {
    const { sim, host } = await issuedOnA();
    // The register as an older version made it: seven columns, A's row.
    const values = sim.values('报送登记').map((r) => r.slice(0, 7));
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('报送登记').delete();
      const sheet = c.workbook.worksheets.add('报送登记');
      sheet.getRange(`A1:G${values.length}`).values = values;
      sheet.tables.add(`A1:G${values.length}`, true).name = 'ReportRegister';
      await c.sync();
    });
    const roundA = await readRound(host, LEDGER_TABLE);
    expect(roundA?.units.map((u) => u.unit)).toEqual(['市教育局']);
    expect(await readRound(host, '台账_稳经济')).toBeNull();
    const unit = (PLAN_B.tasks[0] as PlanTask).lead[0];
    await activate(sim, '稳经济台账');
    expect(sim.userEdit('报送登记', 'J1', [['备注']]).ok).toBe(true);
    const before = sim.snapshot();
    const refused = await issueTo(sim, TABLE_B, [unit]);
    expect(refused.register).toEqual({ kept: false, sheetName: '报送登记', reason: 'no-room' });
    expect(changedCells(before, sim.snapshot())).toEqual([]);
    expect(sim.userEdit('报送登记', 'J1', [['']]).ok).toBe(true);
    const kept = await issueTo(sim, TABLE_B, [unit]);
    expect(kept.register).toMatchObject({ kept: true, added: 1 });
    const after = sim.values('报送登记');
    expect(after[0][7]).toBe('方案');
    // A's row: as it was, its new 方案 cell blank (the first plan's).
    expect(after[1]).toEqual([...values[1], '']);
    expect(after[2][7]).toBe('台账_稳经济');
    expect(await readRound(host, LEDGER_TABLE)).toEqual(roundA);
    expect((await readRound(host, '台账_稳经济'))?.units.map((u) => u.unit)).toEqual([unit]);
  });
});

describe('a plan too big for Excel on the web', () => {
  const task = (no: number): PlanTask => ({
    no,
    label: String(no),
    text: `围绕重点产业链开展第${no}项专项行动，完善工作机制，压实责任分工，按季度调度推进情况并形成工作台账，确保年底前取得明显成效。`,
    lead: ['区发改局'],
    partners: ['区工信局', '区财政局', '各乡镇人民政府、街道办事处'],
    deadline: '2025年底前',
    group: '一、稳定工业经济运行',
    leaders: '',
  });
  const sized = (n: number): Plan => ({ ...PLAN_B, tasks: Array.from({ length: n }, (_, i) => task(i + 1)) });

  it('measures a 500-task plan under the limit', () => {
    const bytes = planPartBytes(sized(500));
    console.log(`plan part of 500 tasks: ${bytes} bytes (limit ${PLAN_PART_LIMIT})`);
    expect(bytes).toBeLessThan(PLAN_PART_LIMIT);
  });

  it('refuses one over it with a sentence, writing nothing', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const huge = sized(3000);
    expect(planPartBytes(huge)).toBeGreaterThan(PLAN_PART_LIMIT);
    const before = sim.snapshot();
    await expect(
      sim.runExcel((c) => importPlan(c, huge, { supports: ALL_SETS, from: null })),
    ).rejects.toMatchObject({ text: { zh: expect.stringContaining('超过网页版 Excel 允许的') } });
    expect(sim.snapshot()).toEqual(before);
  });
});
