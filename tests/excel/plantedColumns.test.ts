// Issue 27: every table the add-in reads is read by its headers. In each one a user moves a
// column (two swapped), inserts a column of their own and renames a header to a spelling the
// spec knows; every operation still reads and writes the right cells. A whole-workbook cell
// diff allows only the cells each operation names.
import {
  addIndicatorRows,
  ALL_TABLES,
  applyReturns,
  createLedger,
  generateSummaries,
  readLedger,
  readReference,
  readRegisterSheet,
  readSnapshots,
  recordReturns,
  saveReturnBy,
  setIndicatorActual,
  undoLastImport,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { cellRef, dayOf, TABLE_AT_A1, type Day, type ProposedChange } from '../../src/ledger';
import { returnFormsZip } from '../../src/files';
import { issueForms } from '../../src/taskpane/registerWorkflow';
import { ALL_SETS, changedCells, taskCell } from './helpers';

const NOV_30 = dayOf(2026, 11, 30) as Day;
const ISSUED = new Date(2026, 10, 30, 9, 0);

/** The table's header and body as a user sees them: header text → each row's value. */
function tableRows(sim: ExcelSim, tableName: string): Record<string, unknown>[] {
  const t = sim.state.tables.find((x) => x.name === tableName);
  if (!t) throw new Error(`no table ${tableName}`);
  const sheet = sim.state.sheets.find((s) => s.id === t.sheetId);
  if (!sheet) throw new Error('no sheet');
  const values = sim.values(sheet.name);
  const header = values[t.rect.row].slice(t.rect.column, t.rect.column + t.rect.columnCount).map(String);
  return values
    .slice(t.rect.row + 1, t.rect.row + t.rect.rowCount)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[t.rect.column + i]])));
}

/**
 * A user's three changes to a table: two columns swapped (header, values, formulas and formats
 * moved together), a column of their own inserted at `insertAt` with a note in each row, and a
 * header renamed to a known spelling.
 */
async function plant(
  sim: ExcelSim,
  tableName: string,
  swap: readonly [string, string],
  insertAt: number,
  rename: readonly [string, string],
): Promise<void> {
  await sim.run(async (c) => {
    const table = c.workbook.tables.getItem(tableName);
    const a = table.columns.getItem(swap[0]).getRange().load('formulas, numberFormat');
    const b = table.columns.getItem(swap[1]).getRange().load('formulas, numberFormat');
    await c.sync();
    const [fa, fb, na, nb] = [a.formulas, b.formulas, a.numberFormat, b.numberFormat];
    a.numberFormat = nb;
    a.formulas = fb;
    b.numberFormat = na;
    b.formulas = fa;
    await c.sync();
    const rows = table.getDataBodyRange().load('rowCount');
    await c.sync();
    table.columns.add(insertAt, [
      ['用户备注'],
      ...Array.from({ length: rows.rowCount }, (_, i) => [`备注${i + 1}`]),
    ]);
    table.columns.getItem(rename[0]).getHeaderRowRange().values = [[rename[1]]];
    await c.sync();
  });
}

const change = (no: number, column: ProposedChange['column'], header: string, from: string, to: string) =>
  ({
    id: `${no}-${column}`,
    no,
    row: no - 1,
    column,
    header,
    from,
    to,
    unit: '市总工会',
    file: '反馈表-市总工会.xlsx',
    kind: 'lead',
    sources: [],
    conflict: null,
    accepted: true,
  }) as ProposedChange;

const ledgerAddress = (sim: ExcelSim, no: number, header: string) => {
  const values = sim.values('任务台账');
  const headerRow = values.findIndex((r) => r.includes('序号'));
  const row = values.findIndex((r, i) => i > headerRow && r[values[headerRow].indexOf('序号')] === no);
  return `任务台账!${cellRef(TABLE_AT_A1, row - 1, values[headerRow].indexOf(header))}`;
};

async function withLedger() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  return sim;
}

const read = async (sim: ExcelSim) => (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
const readLedgerIn = async (c: Excel.RequestContext) => (await readLedger(c)) as LedgerRead;

describe('tables read by their headers: a moved, an inserted and a renamed column in each', () => {
  it('the ledger: an import and its undo land under the right header, mapped in their own first request', async () => {
    const sim = await withLedger();
    const stale = await read(sim);
    // After the pane read: 存在问题 and 下步计划 swapped, a column inserted before 状态, 进展情况 renamed.
    await plant(sim, 'TaskLedger', ['存在问题', '下步计划'], 3, ['进展情况', '工作进展']);
    const before = sim.snapshot();
    const applied = await sim.runExcel((c) =>
      applyReturns(
        c,
        stale,
        [change(24, 'problems', '存在问题', '', '场地不足')],
        {
          time: '2026-11-28 09:00',
          batch: '导入-1',
        },
        ALL_SETS,
      ),
    );
    expect(applied.applied).toBe(1);
    expect(taskCell(sim, 24, '存在问题')).toBe('场地不足');
    expect(taskCell(sim, 24, '下步计划')).toBe('');
    const logged = changedCells(before, sim.snapshot()).filter((a) => !a.startsWith('变更记录!'));
    expect(logged).toEqual([ledgerAddress(sim, 24, '存在问题')]);
    expect(tableRows(sim, 'ChangeLog')).toEqual([
      expect.objectContaining({ 序号: 24, 列: '存在问题', 原值: '', 新值: '场地不足', 批次: '导入-1' }),
    ]);
    const undoBefore = sim.snapshot();
    const undone = await sim.runExcel((c) => undoLastImport(c, stale, '2026-11-28 10:00', ALL_SETS));
    expect(undone.restored).toBe(1);
    expect(taskCell(sim, 24, '存在问题')).toBe('');
    expect(changedCells(undoBefore, sim.snapshot()).filter((a) => !a.startsWith('变更记录!'))).toEqual([
      ledgerAddress(sim, 24, '存在问题'),
    ]);
  });

  it('the ledger: undo finds a column the user renamed to another spelling since the import', async () => {
    const sim = await withLedger();
    await sim.runExcel(async (c) =>
      applyReturns(
        c,
        await readLedgerIn(c),
        [change(24, 'problems', '存在问题', '', '场地不足')],
        {
          time: '2026-11-28 09:00',
          batch: '导入-1',
        },
        ALL_SETS,
      ),
    );
    await plant(sim, 'TaskLedger', ['进展情况', '下步计划'], 2, ['存在问题', '存在的问题']);
    const undone = await sim.runExcel(async (c) =>
      undoLastImport(c, await readLedgerIn(c), '2026-11-28 10:00', ALL_SETS),
    );
    expect([undone.restored, undone.leftAlone]).toEqual([1, []]);
    expect(taskCell(sim, 24, '存在的问题')).toBe('');
  });

  it('变更记录: the next import is logged under each header, and undo reads the log by its headers', async () => {
    const sim = await withLedger();
    const first = await read(sim);
    await sim.runExcel((c) =>
      applyReturns(
        c,
        first,
        [change(24, 'problems', '存在问题', '', '场地不足')],
        {
          time: '2026-11-28 09:00',
          batch: '导入-1',
        },
        ALL_SETS,
      ),
    );
    // The user swaps 原值 and 新值, inserts a column after 时间 and renames 批次 to 导入批次.
    await plant(sim, 'ChangeLog', ['原值', '新值'], 1, ['批次', '导入批次']);
    const second = await read(sim);
    const before = sim.snapshot();
    await sim.runExcel((c) =>
      applyReturns(
        c,
        second,
        [change(24, 'nextSteps', '下步计划', '', '协调场地')],
        {
          time: '2026-11-28 11:00',
          batch: '导入-2',
        },
        ALL_SETS,
      ),
    );
    const log = tableRows(sim, 'ChangeLog');
    expect(log[0]).toMatchObject({ 用户备注: '备注1', 原值: '', 新值: '场地不足', 导入批次: '导入-1' });
    expect(log[1]).toMatchObject({
      用户备注: '',
      序号: 24,
      列: '下步计划',
      原值: '',
      新值: '协调场地',
      导入批次: '导入-2',
    });
    // The ledger's cell, and the log's new row only.
    const logRow = sim.state.tables.find((t) => t.name === 'ChangeLog')?.rect.rowCount ?? 0;
    const changed = changedCells(before, sim.snapshot());
    expect(changed.filter((a) => a.startsWith('任务台账!'))).toEqual([ledgerAddress(sim, 24, '下步计划')]);
    expect(changed.filter((a) => !a.startsWith('任务台账!')).every((a) => a.endsWith(`${logRow}`))).toBe(
      true,
    );
    // Undo takes the last import (导入-2), reading 原值 and 新值 by their headers.
    const undone = await sim.runExcel((c) => undoLastImport(c, second, '2026-11-28 12:00', ALL_SETS));
    expect([undone.batch, undone.restored]).toEqual(['导入-2', 1]);
    expect(taskCell(sim, 24, '下步计划')).toBe('');
    expect(taskCell(sim, 24, '存在问题')).toBe('场地不足');
    expect(tableRows(sim, 'ChangeLog')[2]).toMatchObject({
      原值: '协调场地',
      新值: '',
      导入批次: '导入-2·撤销',
    });
  });

  it('进度快照: a report again writes each value under its header and keeps the user’s column', async () => {
    const sim = await withLedger();
    const generate = () =>
      generateSummaries((batch) => sim.runExcel(batch), {
        asOf: NOV_30,
        request: { overview: true, behind: false, units: [] },
        supports: ALL_SETS,
      });
    await generate();
    const kept = tableRows(sim, 'ProgressSnapshots');
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('进度快照').protection.unprotect();
      await c.sync();
    });
    await plant(sim, 'ProgressSnapshots', ['状态', '预警'], 2, ['截至日期', '截至']);
    expect(sim.userEdit('任务台账', 'D27', [['已完成']]).ok).toBe(true);
    const before = sim.snapshot();
    const again = await generate();
    expect(again.snapshot).toMatchObject({ kept: true, replaced: kept.length, added: kept.length });
    const rows = tableRows(sim, 'ProgressSnapshots');
    expect(rows).toHaveLength(kept.length);
    const task24 = rows.find((r) => r['序号'] === 24 && r['指标'] === '');
    expect(task24).toMatchObject({ 截至: kept[0]['截至日期'], 状态: '已完成', 用户备注: expect.any(String) });
    // The user's notes stay with their task's row.
    const noteOf = (no: number) => rows.find((r) => r['序号'] === no && r['指标'] === '')?.['用户备注'];
    expect(noteOf(1)).toBe('备注1');
    // No cell of the ledger, 单位名录, 指标 or 变更记录 changed but the status typed before.
    const outside = changedCells(before, sim.snapshot()).filter((a) => /^(任务台账|单位名录|指标)!/.test(a));
    expect(outside).toEqual([]);
    const snapshots = await sim.runExcel((c) => readSnapshots(c));
    expect(snapshots?.table.snapshots.at(-1)?.tasks.get(24)?.status).toBe('已完成');
  });

  it('指标: 重新识别 appends under each header with a structured 完成率, and a 完成值 goes to its cell', async () => {
    const sim = await withLedger();
    // Task 1's indicator row is deleted; then 目标值 and 计量单位 swapped, a column inserted, 完成值 renamed.
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('指标').getRange('2:2').delete('Up');
      await c.sync();
    });
    await plant(sim, 'Indicators', ['目标值', '计量单位'], 1, ['完成值', '实际完成']);
    const reference = await sim.runExcel((c) => readReference(c));
    const from = { read: await read(sim), reference };
    const table = reference.indicators;
    if (!table) throw new Error('no 指标 table');
    expect(table.missing).toEqual([]);
    const seed = {
      no: 1,
      name: '省内乃至东三省产教融合示范区',
      target: 1,
      measure: '个',
      owner: '市发展改革委',
      note: '据任务正文',
    };
    const before = sim.snapshot();
    const added = await sim.runExcel((c) => addIndicatorRows(c, from, [seed], ALL_SETS));
    expect(added.rows).toBe(1);
    const rows = tableRows(sim, 'Indicators');
    const last = rows[rows.length - 1];
    expect(last).toMatchObject({
      序号: 1,
      指标: seed.name,
      目标值: 1,
      计量单位: '个',
      实际完成: '',
      用户备注: '',
    });
    const t = sim.state.tables.find((x) => x.name === 'Indicators');
    const sheet = sim.sheet('指标');
    const rateColumn = (t?.rect.column ?? 0) + Object.keys(last).indexOf('完成率');
    const rowIndex = (t?.rect.row ?? 0) + (t?.rect.rowCount ?? 0) - 1;
    expect(sheet.cells.get(`${rowIndex},${rateColumn}`)?.formula).toBe(
      '=IFERROR(Indicators[@[实际完成]]/Indicators[@[目标值]],"")',
    );
    // Only the new row's cells.
    expect(
      changedCells(before, sim.snapshot()).every(
        (a) => a.startsWith('指标!') && a.endsWith(String(rowIndex + 1)),
      ),
    ).toBe(true);
    // A 完成值 typed in the pane lands in 实际完成 of its row; 完成率 follows.
    const now = { read: await read(sim), reference: await sim.runExcel((c) => readReference(c)) };
    const target = now.reference.indicators?.indicators.find((i) => i.no === 1 && i.name === seed.name);
    if (!target) throw new Error('no indicator');
    await sim.runExcel((c) => setIndicatorActual(c, now, target, 1, NOV_30));
    const after = tableRows(sim, 'Indicators').find((r) => r['序号'] === 1 && r['指标'] === seed.name);
    expect(after).toMatchObject({ 实际完成: 1, 完成率: 1, 用户备注: '' });
  });

  it('报送登记: a unit issued later, a unit issued again and a return land under their headers', async () => {
    const sim = await withLedger();
    await sim.runExcel((c) => saveReturnBy(c, dayOf(2026, 12, 4) as Day));
    const host = {
      run: sim.runExcel.bind(sim) as typeof sim.runExcel,
      now: () => ISSUED,
      supports: ALL_SETS,
    };
    const pane = { tablesSeen: ALL_TABLES, take: () => {} };
    const issue = (units: string[]) =>
      issueForms(host, pane, units, (model, options) => returnFormsZip(model, units, options));
    await issue(['市教育局', '市财政局']);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('报送登记').protection.unprotect();
      await c.sync();
    });
    // 报送日期 and 报送次数 swapped, a column inserted after 截至日期, 最近报送文件 renamed.
    await plant(sim, 'ReportRegister', ['报送日期', '报送次数'], 1, ['最近报送文件', '报送文件']);
    const before = sim.snapshot();
    const issued = await issue(['市财政局', '市总工会']);
    expect(issued.register).toMatchObject({ kept: true, updated: 1, added: 1 });
    await sim.runExcel((c) =>
      recordReturns(
        c,
        {
          returns: [{ file: '反馈表-市教育局.xlsx', unit: '市教育局', asOf: NOV_30, returnBy: null }],
          on: dayOf(2026, 12, 2) as Day,
          expected: true,
        },
        ALL_SETS,
      ),
    );
    const rows = tableRows(sim, 'ReportRegister');
    expect(rows.map((r) => [r['单位'], r['用户备注'], r['报送次数'], r['报送文件']])).toEqual([
      ['市教育局', '备注1', 1, '反馈表-市教育局.xlsx'],
      ['市财政局', '备注2', 0, ''],
      ['市总工会', '', 0, ''],
    ]);
    // Only the register's cells: the returned unit's three, the re-issued row's, the new row.
    const changed = changedCells(before, sim.snapshot());
    expect(changed.every((a) => a.startsWith('报送登记!'))).toBe(true);
    expect(changed.some((a) => a.endsWith('!B4'))).toBe(false);
    const registered = await sim.runExcel((c) => readRegisterSheet(c));
    expect(registered?.register.entries.map((e) => [e.unit, e.returnBy, e.returns])).toEqual([
      ['市教育局', dayOf(2026, 12, 4), 1],
      ['市财政局', dayOf(2026, 12, 4), 0],
      ['市总工会', dayOf(2026, 12, 4), 0],
    ]);
  });

  it('单位名录: the directory reads the same', async () => {
    const sim = await withLedger();
    const plain = await sim.runExcel((c) => readReference(c));
    await plant(sim, 'UnitDirectory', ['别名', '类别'], 1, ['邮箱', '电子邮箱']);
    const planted = await sim.runExcel((c) => readReference(c));
    expect(planted.health.directory).toBe('ok');
    expect(planted.directory).toEqual(plain.directory);
  });

  it('StatusList: the statuses read the same', async () => {
    const sim = await withLedger();
    const plain = await sim.runExcel((c) => readReference(c));
    // Its one column moved right by a column inserted before it, and renamed to its English name.
    await sim.run(async (c) => {
      const table = c.workbook.tables.getItem('StatusList');
      table.columns.add(0, [['说明'], ...plain.statuses.map(() => ['—'])]);
      table.columns.getItem('状态').getHeaderRowRange().values = [['status']];
      await c.sync();
    });
    const planted = await sim.runExcel((c) => readReference(c));
    expect(planted.health).toEqual(plain.health);
    expect(planted.statuses).toEqual(plain.statuses);
  });
});
