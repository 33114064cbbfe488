// The 指标 sheet on excel-sim: made with the ledger, a 完成值 written from the pane, summaries
// regenerated with the new share, an adopted ledger without the sheet, a sheet the user
// deleted, and 重新识别's additions. Each write is checked against a whole-workbook diff.
import {
  addIndicatorRows,
  adoptActiveSheet,
  createIndicatorSheet,
  createLedger,
  generateSummaries,
  readLedger,
  readOptions,
  readReference,
  setIndicatorActual,
  type LedgerRead,
  type Reference,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import {
  OFFICIAL_TASKS,
  proposeIndicators,
  seedsForTasks,
  validateLedger,
  type Indicator,
} from '../../src/ledger';
import { asOf } from '../asOf';
import { ALL_SETS, changedCells, countSyncs } from './helpers';

async function pane(sim: ExcelSim): Promise<{ read: LedgerRead; reference: Reference }> {
  const reference = await sim.runExcel((c) => readReference(c));
  const read = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
  return { read, reference };
}

function indicator(reference: Reference, no: number, name: string, owner?: string): Indicator {
  const found = reference.indicators?.indicators.find(
    (i) => i.no === no && i.name === name && (owner === undefined || i.owner === owner),
  );
  if (!found) throw new Error(`no indicator ${no} ${name}`);
  return found;
}

const PLAN_SEEDS = seedsForTasks(OFFICIAL_TASKS.map((t) => ({ ...t, unitsText: t.units })));

describe('the 指标 sheet', () => {
  it('is made with the ledger: 23 indicators, 完成率 a live formula, in the same two syncs', async () => {
    const sim = new ExcelSim();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => createLedger(c, { supports: ALL_SETS })),
    );
    expect(syncs).toBe(2);
    expect(result.indicatorSheet).toEqual({ name: '指标', rows: 23 });
    expect(result.reference.indicators?.indicators).toHaveLength(23);
    const values = sim.values('指标');
    expect(values[0]).toEqual([
      '序号',
      '指标',
      '目标值',
      '计量单位',
      '责任单位',
      '完成值',
      '完成率',
      '更新日期',
      '说明',
    ]);
    expect(values[1].slice(0, 6)).toEqual([
      1,
      '省内乃至东三省产教融合示范区',
      1,
      '个',
      OFFICIAL_TASKS[0].units,
      '',
    ]);
    // An empty 完成值 counts as 0 achieved, as Excel computes it.
    expect(values[1][6]).toBe(0);
    expect(sim.sheet('指标').cells.get('1,6')?.formula).toBe('=IFERROR(F2/C2,"")');
    expect(sim.sheet('指标').freeze.rows).toBe(1);
    expect(sim.sheet('指标').pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      footer: { center: '第 &P 页 共 &N 页' },
    });
    // Typing in 完成值: a number of 0 or more, or nothing.
    expect(sim.userEdit('指标', 'F2', [['很多']])).toMatchObject({ ok: false, title: '完成值' });
    expect(sim.userEdit('指标', 'F2', [[-1]]).ok).toBe(false);
    expect(sim.userEdit('指标', 'F2', [[2.5]]).ok).toBe(true);
    expect(sim.userEdit('指标', 'F2', [['']]).ok).toBe(true);
    expect(sim.snapshot().tables.find((t) => t.name === 'Indicators')).toBeDefined();
    // The name column is text: a target's name can never become a formula.
    expect(sim.sheet('指标').cells.get('1,1')?.numberFormat).toBe('@');
  });

  it('writes one 完成值 and its 更新日期 in two syncs, and nothing else changes but the share', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const from = await pane(sim);
    const target = indicator(from.reference, 14, '在线精品课');
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => setIndicatorActual(c, from, target, 4, asOf)),
    );
    expect(syncs).toBe(2);
    const row = target.row + 2;
    expect(result.address).toBe(`指标!F${row}`);
    expect(changedCells(before, sim.snapshot())).toEqual([`指标!F${row}`, `指标!G${row}`, `指标!H${row}`]);
    expect(sim.values('指标')[row - 1].slice(5, 8)).toEqual([4, 0.4, expect.any(Number)]);
    // The write's own read-back carries the new value to the pane.
    expect(indicator(result.reference, 14, '在线精品课').actual).toEqual({ kind: 'ok', value: 4 });
    expect(result.read?.ledger.rows).toHaveLength(40);
  });

  it('refuses to overwrite a 完成值 someone changed since the pane read it, and finds a moved row', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const from = await pane(sim);
    const target = indicator(from.reference, 14, '在线精品课');
    sim.userEdit('指标', `F${target.row + 2}`, [[7]]);
    const before = sim.snapshot();
    await expect(sim.runExcel((c) => setIndicatorActual(c, from, target, 4, asOf))).rejects.toMatchObject({
      code: 'StaleIndicator',
    });
    expect(changedCells(before, sim.snapshot())).toEqual([]);
    // Rows sorted since the read: the write follows the indicator, not the old row number.
    const fresh = await pane(sim);
    await sim.run(async (c) => {
      c.workbook.tables
        .getItem('Indicators')
        .rows.add(0, [[99, '插入的行', 1, '个', '市教育局', '', '', '', '']]);
      await c.sync();
    });
    const moved = indicator(fresh.reference, 14, '在线精品课');
    const result = await sim.runExcel((c) => setIndicatorActual(c, fresh, moved, 9, asOf));
    expect(result.address).toBe(`指标!F${moved.row + 3}`);
    expect(sim.values('指标')[moved.row + 2][5]).toBe(9);
  });

  it('puts the new share on the overview when the summaries are generated again', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const first = await pane(sim);
    await sim.runExcel((c) =>
      setIndicatorActual(c, first, indicator(first.reference, 27, '老年大学', '梨树县人民政府'), 1, asOf),
    );
    const run = sim.runExcel.bind(sim);
    await generateSummaries(run, { asOf, request: { units: ['梨树县人民政府'] }, supports: ALL_SETS });
    const overview = sim.values('汇总-总体');
    expect(overview.some((r) => r[0] === '量化指标完成情况：共23项，已填报1项，已达目标1项。')).toBe(true);
    expect(overview).toContainEqual(
      expect.arrayContaining(['老年大学（梨树县人民政府）', 27, 1, 1, 1, '所']),
    );
    const second = await pane(sim);
    await sim.runExcel((c) =>
      setIndicatorActual(c, second, indicator(second.reference, 14, '智慧课堂'), 5, asOf),
    );
    await generateSummaries(run, { asOf, request: { units: ['梨树县人民政府'] }, supports: ALL_SETS });
    const again = sim.values('汇总-总体');
    expect(again).toContainEqual(expect.arrayContaining(['智慧课堂', 14, 10, 5, 0.5, '个']));
    const unit = sim.values('汇总-梨树县人民政府');
    expect(unit).toContainEqual(expect.arrayContaining([27, '老年大学', '梨树县人民政府', 1, 1, 1, '所']));
    expect(unit.some((r) => r[2] === '双辽市人民政府' && r[1] === '老年大学')).toBe(false);
  });

  it('writes the overview’s total of an indicator carried in parts as text, its name being the user’s', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    // The user renames the five counties' 老年大学 (one indicator of task 27) to a name Excel
    // would take for a formula in a cell not typed as text.
    const rows = sim.values('指标').flatMap((r, i) => (r[1] === '老年大学' ? [i + 1] : []));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(sim.userEdit('指标', `B${row}`, [['=老年大学']]).ok).toBe(true);
    await generateSummaries(sim.runExcel.bind(sim), { asOf, request: {}, supports: ALL_SETS });
    const overview = sim.sheet('汇总-总体');
    const at = sim.values('汇总-总体').findIndex((r) => r[0] === '=老年大学合计（5个单位，已填报0个）');
    expect(at).toBeGreaterThan(0);
    expect(overview.cells.get(`${at},0`)?.formula ?? null).toBeNull();
  });

  it('is offered for an adopted ledger, and made there without touching the user’s sheet', async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      const s = c.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:D4').values = [
        ['序号', '工作任务', '责任单位', '状态'],
        [12, OFFICIAL_TASKS[11].task, OFFICIAL_TASKS[11].units, '序时推进'],
        [30, OFFICIAL_TASKS[29].task, OFFICIAL_TASKS[29].units, '未启动'],
        [40, OFFICIAL_TASKS[39].task, OFFICIAL_TASKS[39].units, '未启动'],
      ];
      await c.sync();
    });
    await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS }));
    const from = await pane(sim);
    expect(from.reference.indicators).toBeNull();
    const offer = validateLedger(from.read.ledger, {
      ...readOptions(from.reference, asOf, from.read.location),
    }).find((f) => f.rule === 'indicators.missing');
    expect(offer?.message.zh).toContain('5个量化指标');
    const before = sim.snapshot();
    const seeds = seedsForTasks(
      from.read.ledger.rows.map((r) => ({ no: r[0] as number, task: String(r[1]), unitsText: String(r[2]) })),
      from.reference.directory,
    );
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => createIndicatorSheet(c, from, seeds, ALL_SETS)),
    );
    expect(syncs).toBe(2);
    expect(result).toMatchObject({ sheetName: '指标', rows: 5 });
    expect(changedCells(before, sim.snapshot()).every((a) => a.startsWith('指标!'))).toBe(true);
    expect(result.reference.indicators?.indicators.map((i) => `${i.no}${i.name}${i.owner}`)).toEqual([
      '12思政示范课市教育局',
      '12“三全育人”典型学校市教育局',
      '30电商直播基地梨树县人民政府',
      '30电商直播基地伊通满族自治县人民政府',
      '30电商直播基地双辽市人民政府',
    ]);
    await expect(sim.runExcel((c) => createIndicatorSheet(c, from, seeds, ALL_SETS))).rejects.toMatchObject({
      code: 'IndicatorsExist',
    });
  });

  it('copes with a 指标 sheet the user deleted, and leaves a sheet of theirs named 指标 alone', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('指标').delete();
      c.workbook.worksheets.add('指标').getRange('A1').values = [['我的笔记']];
      await c.sync();
    });
    const from = await pane(sim);
    expect(from.reference.indicators).toBeNull();
    const run = sim.runExcel.bind(sim);
    await generateSummaries(run, { asOf, request: {}, supports: ALL_SETS });
    expect(sim.values('汇总-总体').some((r) => String(r[0]).startsWith('量化指标'))).toBe(false);
    const result = await sim.runExcel((c) => createIndicatorSheet(c, from, PLAN_SEEDS, ALL_SETS));
    expect(result.sheetName).toBe('指标(2)');
    expect(sim.values('指标')).toEqual([['我的笔记']]);
    expect(result.reference.indicators?.sheetName).toBe('指标(2)');
  });

  it('reads a pasted 三 as no 完成值 and a 完成率 typed over its formula as a finding (issue 21, item 9)', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    // Typed, 三 meets the cell's decimal rule; pasted, it gets past it, as in Excel.
    expect(sim.userEdit('指标', 'F2', [['三']]).ok).toBe(false);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('指标').getRange('F2').values = [['三']];
      await c.sync();
    });
    expect(sim.userEdit('指标', 'G3', [[0.5]]).ok).toBe(true);
    const { read, reference } = await pane(sim);
    const found = validateLedger(read.ledger, { ...readOptions(reference, asOf), official: null }).filter(
      (f) => f.table === 'indicators',
    );
    expect(found.map((f) => [f.rule, f.message.zh.replace(/^指标表第\d+行“[^”]+”：/u, '')])).toEqual([
      ['indicator.actual', '完成值“三”不是数字；若指3，请改为3'],
      ['indicator.rate', '完成率已被改写为“0.5”，不再随完成值更新；请恢复公式 =IFERROR(F3/C3,"")'],
    ]);
    expect(indicator(reference, 1, '省内乃至东三省产教融合示范区').actual.kind).toBe('invalid');
  });

  it('appends what 重新识别 proposes, in the table’s own column order, and changes no existing cell', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    // The user deletes task 1's row and fills one 完成值.
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('指标').getRange('2:2').delete('Up');
      await c.sync();
    });
    sim.userEdit('指标', 'F2', [[2]]);
    const from = await pane(sim);
    const table = from.reference.indicators;
    if (!table) throw new Error('no table');
    const proposals = proposeIndicators(table, PLAN_SEEDS, new Set(OFFICIAL_TASKS.map((t) => t.no)));
    expect(proposals.map((p) => p.kind)).toEqual(['add']);
    const before = sim.snapshot();
    const adds = proposals.flatMap((p) => (p.kind === 'add' ? [p.seed] : []));
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => addIndicatorRows(c, from, adds, ALL_SETS)),
    );
    expect(syncs).toBe(2);
    expect(result.rows).toBe(1);
    // The new row only: its values, its formula and its date format (H24, still empty).
    expect(changedCells(before, sim.snapshot())).toEqual(
      ['A24', 'B24', 'C24', 'D24', 'E24', 'G24', 'H24', 'I24'].map((a) => `指标!${a}`),
    );
    expect(sim.values('指标')[23].slice(0, 7)).toEqual([
      1,
      '省内乃至东三省产教融合示范区',
      1,
      '个',
      OFFICIAL_TASKS[0].units,
      '',
      0,
    ]);
    // Asked again with nothing new, it adds nothing.
    const again = await pane(sim);
    expect((await sim.runExcel((c) => addIndicatorRows(c, again, adds, ALL_SETS))).rows).toBe(0);
  });
});
