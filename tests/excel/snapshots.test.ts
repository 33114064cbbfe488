// Progress snapshots on excel-sim: three monthly reports with edits between them, a date
// generated again, an earlier date generated again, a deleted 进度快照 sheet, a table the user
// changed, and a sheet someone else protected. Each is checked cell by cell.
import {
  createLedger,
  generateSummaries,
  readLedger,
  readReference,
  readReport,
  readSnapshots,
  setIndicatorActual,
  type GenerateResult,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { changedSinceReport, dayOf, serialFromDay, SNAPSHOT_HEADERS, type Day } from '../../src/ledger';
import { ALL_SETS, changedCells, protectAsSomeoneElse } from './helpers';

const SEP_30 = dayOf(2026, 9, 30) as Day;
const OCT_31 = dayOf(2026, 10, 31) as Day;
const NOV_30 = dayOf(2026, 11, 30) as Day;

async function withLedger(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  return sim;
}

/** 生成汇总表 as the pane runs it: with the ledger and reference data it has just read. */
async function report(
  sim: ExcelSim,
  asOf: Day,
  compareWith?: Day,
  syncs?: { count: number },
): Promise<GenerateResult> {
  const before = sim.syncCount;
  const result = await generateSummaries((batch) => sim.runExcel(batch), {
    asOf,
    request: { overview: true, behind: false, units: ['市总工会'] },
    supports: ALL_SETS,
    compareWith,
  });
  if (syncs) syncs.count = sim.syncCount - before;
  return result;
}

/** A task's status and progress typed by the user (rows 4–43 hold tasks 1–40). */
function edit(sim: ExcelSim, no: number, status: string, progress: number) {
  expect(sim.userEdit('任务台账', `D${no + 3}:E${no + 3}`, [[status, progress]]).ok).toBe(true);
}

/** 本期变化's table as the overview shows it: each task once, its labels and all its changes. */
const changeLines = (sim: ExcelSim) =>
  sim
    .values('汇总-总体')
    .filter((r) => /^第\d+项 /.test(String(r[0])) && String(r[1]).startsWith('【'))
    .map((r) => `${String(r[0]).match(/^第(\d+)项/)?.[1]}:${r[1]}`);

describe('进度快照', () => {
  it('keeps each report, lists exactly what changed, and draws the trend', async () => {
    const sim = await withLedger();
    for (let no = 1; no <= 40; no++) edit(sim, no, '序时推进', 85);
    const first = await report(sim, SEP_30);
    expect(first.snapshot).toMatchObject({ kept: true, sheetName: '进度快照', replaced: 0, added: 63 });
    expect(sim.values('汇总-总体')[3][0]).toBe('本期变化：本期为首次报告，暂无上期报告可比。');

    edit(sim, 3, '已完成', 100);
    edit(sim, 9, '滞后', 85);
    const second = await report(sim, OCT_31);
    expect(changeLines(sim)).toEqual([
      '3:【新完成、进度提升】状态 序时推进 → 已完成，进度 85% → 100%',
      // Marked 滞后, it is lit yellow as well (it has no 完成时限, so time alone lit nothing).
      '9:【新增滞后、新增预警】状态 序时推进 → 滞后，预警 — → 黄灯',
    ]);

    edit(sim, 24, '已完成', 100);
    edit(sim, 16, '未启动', 85);
    const before = sim.snapshot();
    const syncs = { count: 0 };
    const third = await report(sim, NOV_30, undefined, syncs);
    // Read everything (ledger, reference, snapshots, the sheets); write, checking the earlier
    // sheets in the same request (with the snapshot); replace them and remember.
    expect(syncs.count).toBe(3);
    expect(changeLines(sim)).toEqual([
      '24:【新完成、进度提升】状态 序时推进 → 已完成，进度 85% → 100%',
      '16:【状态变化】状态 序时推进 → 未启动',
    ]);
    expect(sim.values('汇总-总体')[3][0]).toBe(
      '本期变化：与上期（2026年10月31日）相比，本期新完成1项，新增滞后0项，状态变化1项。',
    );
    expect(third.reportDates).toEqual([SEP_30, OCT_31, NOV_30]);
    expect(second.reportDates).toEqual([SEP_30, OCT_31]);
    // 进度快照 stays the workbook's last sheet: the new summary sheets go before it.
    expect(sim.state.sheets.map((x) => x.name).at(-1)).toBe('进度快照');
    // Once the user has put a sheet after it, it is no longer kept last: it stays just before theirs.
    await sim.run(async (c) => {
      c.workbook.worksheets.add('批示');
      await c.sync();
    });
    await report(sim, NOV_30);
    const names = sim.state.sheets.map((x) => x.name);
    expect(names.indexOf('批示') - names.indexOf('进度快照')).toBe(1);
    // The trend: a table of three dates and a line chart over it.
    const overview = sim.values('汇总-总体');
    const top = overview.findIndex((r) => r[0] === '报告日期');
    expect(overview.slice(top + 1, top + 4).map((r) => r.slice(0, 3))).toEqual([
      ['2026-09-30', 0, 0],
      ['2026-10-31', 0.025, 1],
      ['2026-11-30', 0.05, 2],
    ]);
    const line = sim.sheet('汇总-总体').charts.find((c) => c.type === 'Line');
    expect(line?.source).toEqual({ row: top, column: 0, rowCount: 4, columnCount: 2 });
    // The unit's own sheet has its own trend: 市总工会's one task, done in November.
    const unit = sim.values('汇总-市总工会');
    const own = unit.findIndex((r) => r[1] === '报告日期');
    expect(unit.slice(own + 1, own + 4).map((r) => r[2])).toEqual([0, 0, 1]);
    // Only the summary sheets and the snapshot sheet changed: not one ledger cell.
    expect(changedCells(before, sim.snapshot()).filter((a) => !/^(汇总-|进度快照!)/u.test(a))).toEqual([]);
    const kept = await sim.runExcel((c) => readSnapshots(c));
    expect(kept?.table.snapshots.map((s) => [s.date, s.tasks.size, s.indicators.size])).toEqual([
      [SEP_30, 40, 23],
      [OCT_31, 40, 23],
      [NOV_30, 40, 23],
    ]);
  });

  it('replaces a date generated again, and an earlier date too, leaving the others as they were', async () => {
    const sim = await withLedger();
    await report(sim, SEP_30);
    await report(sim, OCT_31);
    const rows = () => sim.values('进度快照').length - 1;
    expect(rows()).toBe(126);
    edit(sim, 5, '已完成', 100);
    const again = await report(sim, OCT_31);
    expect(again.snapshot).toMatchObject({ kept: true, replaced: 63, added: 63 });
    expect(rows()).toBe(126);
    const september = () =>
      sim
        .values('进度快照')
        .filter((r) => r[0] === 46295)
        .map((r) => r.join('|'));
    const septemberBefore = september();
    const kept = await sim.runExcel((c) => readSnapshots(c));
    expect(kept?.table.snapshots.find((s) => s.date === OCT_31)?.tasks.get(5)?.done).toBe(true);
    // September generated again (with task 5 done now): only September's rows change.
    const october = sim.values('进度快照').filter((r) => r[0] === 46326);
    await report(sim, SEP_30);
    expect(rows()).toBe(126);
    expect(september()).not.toEqual(septemberBefore);
    expect(sim.values('进度快照').filter((r) => r[0] === 46326)).toEqual(october);
    // A September report compares with nothing before it, whatever came later.
    expect(sim.values('汇总-总体')[3][0]).toBe('本期变化：本期为首次报告，暂无上期报告可比。');
  });

  it('replaces a date on a 进度快照 the user filtered: the filters are cleared, said, and the rows deleted as one block (office-js #994)', async () => {
    const sim = await withLedger();
    await report(sim, SEP_30);
    const appendOnly = sim.batches.length;
    await report(sim, OCT_31);
    const opsOf = (from: number) => sim.batches.slice(from).reduce((sum, b) => sum + b.operations, 0);
    const appended = opsOf(appendOnly);
    // The protection allows filtering (allowAutoFilter): the user shows September only.
    await sim.run(async (c) => {
      const table = c.workbook.tables.getItem('ProgressSnapshots');
      // A values filter matches the text the cells show: the dates read 2026年9月30日.
      table.columns.getItemAt(0).filter.applyValuesFilter(['2026年9月30日']);
      await c.sync();
    });
    expect(sim.sheet('进度快照').filteredRows.size).toBe(63);
    edit(sim, 5, '已完成', 100);
    const first = sim.batches.length;
    const again = await report(sim, OCT_31);
    expect(again.snapshot).toMatchObject({ kept: true, replaced: 63, added: 63, filtersCleared: true });
    expect(sim.values('进度快照').length - 1).toBe(126);
    expect(sim.sheet('进度快照').filteredRows.size).toBe(0);
    expect(sim.sheet('进度快照').protection.protected).toBe(true);
    // 63 rows replaced without 63 delete commands: a few more than a report that replaced nothing (it also replaces the earlier summary sheets).
    expect(opsOf(first) - appended).toBeLessThan(30);
    const unfiltered = await report(sim, OCT_31);
    expect(unfiltered.snapshot).toMatchObject({ filtersCleared: false });
  });

  it('reads dates in a 1904 workbook as the days they stand for, and keeps its snapshots in that system (issue 23, item 10)', async () => {
    const sim = await withLedger();
    // An old Mac file: serials count from 1904-01-01 ("Date systems in Excel").
    sim.state.dateSystem = '1904';
    const deadline = serialFromDay(dayOf(2026, 9, 15) as Day, '1904');
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').getRange('F4').values = [[deadline]];
      await c.sync();
    });
    const { model, read } = await sim.runExcel((c) => readReport(c, { asOf: SEP_30 }));
    expect(read.reference.dateSystem).toBe('1904');
    // Task 1 was due on 15 September: overdue on the 30th (read as 1900, it would be due in 2030).
    expect(model.behind.find((b) => b.no === 1)).toMatchObject({ overdue: true, deadline: '2026-09-15' });
    await report(sim, SEP_30);
    const kept = await sim.runExcel((c) => readSnapshots(c));
    expect(kept?.table.snapshots.map((s) => s.date)).toEqual([SEP_30]);
    expect(sim.values('进度快照')[1][0]).toBe(serialFromDay(SEP_30, '1904'));
  });

  it('makes the sheet again when the user deleted it, and compares with the report chosen', async () => {
    const sim = await withLedger();
    await report(sim, SEP_30);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('进度快照').delete();
      await c.sync();
    });
    const first = await report(sim, OCT_31);
    expect(first.snapshot).toMatchObject({ kept: true, sheetName: '进度快照', replaced: 0 });
    expect(first.history.changes.previous).toBeNull();
    await report(sim, NOV_30);
    edit(sim, 7, '已完成', 100);
    const chosen = await report(sim, NOV_30, OCT_31);
    expect(chosen.history.changes.previous).toBe(OCT_31);
    expect(
      chosen.history.changes.lines.filter((c) => c.kinds.includes('newlyDone')).map((c) => c.no),
    ).toEqual([7]);
  });

  it('works with a table the user changed: a column of their own, rows deleted, a note beside it', async () => {
    const sim = await withLedger();
    await report(sim, SEP_30);
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('进度快照');
      sheet.protection.unprotect();
      const table = c.workbook.tables.getItem('ProgressSnapshots');
      table.columns.add(undefined, undefined, '核对人');
      table.rows.getItemAt(0).delete();
      table.rows.getItemAt(0).delete();
      await c.sync();
      sheet.getRange('J2').values = [['张三']];
      sheet.getRange('L1').values = [['备注：九月数据已核对']];
      await c.sync();
    });
    const before = sim.snapshot();
    const second = await report(sim, OCT_31);
    expect(second.snapshot).toMatchObject({ kept: true, replaced: 0, added: 63 });
    expect(sim.values('进度快照')[1][9]).toBe('张三');
    expect(sim.values('进度快照')[0][11]).toBe('备注：九月数据已核对');
    // Tasks 1 and 2 were deleted from September: they are not counted as changed since then.
    expect(second.history.changes.units.length).toBeGreaterThan(0);
    const changed = changedCells(before, sim.snapshot()).filter((a) => a.startsWith('进度快照!'));
    // Only new rows, below the 61 September rows kept (header in row 1).
    expect(changed.every((a) => Number(a.replace(/^进度快照![A-Z]+/u, '')) >= 63)).toBe(true);
    // The sheet is protected again after the write.
    expect(sim.sheet('进度快照').protection.protected).toBe(true);
  });

  it('carries what the user typed beside a date’s rows into that date’s new rows', async () => {
    const sim = await withLedger();
    await report(sim, OCT_31);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('进度快照').protection.unprotect();
      c.workbook.tables.getItem('ProgressSnapshots').columns.add(undefined, undefined, '核对');
      await c.sync();
      const sheet = c.workbook.worksheets.getItem('进度快照');
      sheet.getRange('J6').numberFormat = [['@']];
      // Task 5's row: a note, and text that must stay text.
      sheet.getRange('J6').values = [['=已核对']];
      sheet.getRange('J7').values = [['张三已核对']];
      await c.sync();
    });
    edit(sim, 5, '已完成', 100);
    const again = await report(sim, OCT_31);
    expect(again.snapshot).toMatchObject({ replaced: 63, added: 63 });
    const rows = sim.values('进度快照');
    const task = (no: number) => rows.find((r) => r[1] === no && r[2] === '');
    expect(task(5)?.[3]).toBe('已完成');
    expect(task(5)?.[9]).toBe('=已核对');
    expect(task(6)?.[9]).toBe('张三已核对');
    const at = rows.findIndex((r) => r === task(5));
    expect(sim.sheet('进度快照').cells.get(`${at},9`)?.formula).toBeNull();
    expect(rows.length - 1).toBe(63);
  });

  it('keeps no snapshot on a sheet someone else protected, and still makes the summaries', async () => {
    const sim = await withLedger();
    await report(sim, SEP_30);
    await protectAsSomeoneElse(sim, '进度快照');
    const before = sim.snapshot();
    const result = await report(sim, OCT_31);
    expect(result.snapshot).toEqual({ kept: false, reason: 'protected', sheetName: '进度快照' });
    expect(result.sheets.length).toBe(2);
    expect(changedCells(before, sim.snapshot()).filter((a) => a.startsWith('进度快照!'))).toEqual([]);
  });

  it('reads kept snapshots beyond Excel on the web’s 5 MB reply in blocks', async () => {
    const sim = new ExcelSim();
    const long = '很长的指标名称'.repeat(10);
    const rows = Array.from({ length: 30_000 }, (_, i) => [
      46295 + (i % 3),
      (i % 40) + 1,
      long,
      '',
      '',
      '',
      '',
      i,
    ]);
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.add('进度快照');
      // A table made before 方案: every row the first plan's.
      sheet.getRange('A1:H1').values = [SNAPSHOT_HEADERS.slice(0, 8)];
      // Written in parts, as no request may carry 5 MB either.
      for (let start = 0; start < rows.length; start += 10_000) {
        sheet.getRange(`A${start + 2}:H${start + 10_001}`).values = rows.slice(start, start + 10_000);
        await c.sync();
      }
      sheet.tables.add(`A1:H${rows.length + 1}`, true).name = 'ProgressSnapshots';
      await c.sync();
    });
    const before = sim.syncCount;
    const kept = await sim.runExcel((c) => readSnapshots(c));
    // The refused reply, the table's size, then two blocks of at most 20,000 rows.
    expect(sim.syncCount - before).toBe(4);
    expect(kept?.table.snapshots.map((s) => s.indicators.size)).toEqual([40, 40, 40]);
    expect(kept?.bodyRows).toBe(30_000);
  });

  it('records indicator values in each snapshot', async () => {
    const sim = await withLedger();
    const reference = await sim.runExcel((c) => readReference(c));
    const read = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const courses = reference.indicators?.indicators.find((i) => i.name === '在线精品课');
    if (!courses) throw new Error('no indicator');
    await sim.runExcel((c) => setIndicatorActual(c, { read, reference }, courses, 6, SEP_30));
    await report(sim, SEP_30);
    const kept = await sim.runExcel((c) => readSnapshots(c));
    expect(kept?.table.snapshots[0].indicators.get('14|在线精品课')).toBe(6);
    expect(
      sim
        .values('进度快照')
        .find((r) => r[2] === '在线精品课')
        ?.slice(0, 3),
    ).toEqual([46295, 14, '在线精品课']);
  });

  // Issue 24 (stranger's defect 11): a 通报 drafted after the ledger changed would not match the
  // summary sheets of its date; the report read says which tasks changed since they were made.
  it('says which tasks changed since the summary sheets of the same date were made', async () => {
    const sim = await withLedger();
    const since = async () => {
      const { model, read } = await sim.runExcel((c) => readReport(c, { asOf: SEP_30 }));
      return changedSinceReport(model, read.snapshots?.table ?? null);
    };
    expect(await since()).toBeNull();
    await report(sim, SEP_30);
    expect(await since()).toEqual({ tasks: [], indicators: 0 });
    edit(sim, 3, '已完成', 100);
    edit(sim, 12, '滞后', 10);
    const courses = sim.values('指标').findIndex((r) => r[1] === '在线精品课');
    expect(sim.userEdit('指标', `F${courses + 1}`, [[4]]).ok).toBe(true);
    expect(await since()).toEqual({ tasks: [3, 12], indicators: 1 });
    await report(sim, SEP_30);
    expect(await since()).toEqual({ tasks: [], indicators: 0 });
  });
});
