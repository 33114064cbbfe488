import {
  adoptActiveSheet,
  applyFixes,
  applyUnitFilter,
  clearUnitFilter,
  createLedger,
  describeError,
  generateSummaries,
  LEDGER_SHEET,
  readLedger,
  readReference,
  readWorkbook,
  restoreReference,
  runSelfTest,
  saveSender,
  selectCell,
  isSheetProtected,
  setOfficialColumnsProtected,
  setIndicatorActual,
  setTaskStatus,
  stopWatching,
  SUMMARY_SETTING,
  watchWorkbook,
  writeSummarySheets,
} from '../../src/excel';
import type { ApiSupport, LedgerRead } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import {
  dayFromLocalDate,
  fixesFor,
  ledgerTasks,
  plannedFixes,
  OFFICIAL_TASKS,
  summarize,
  summarySheets,
  tasksForUnit,
  validateLedger,
  type CellValue,
} from '../../src/ledger';
import { ALL_SETS, changedCells, changedPaths, countSyncs, taskCell, UP_TO_1_7, UP_TO_1_8 } from './helpers';
import { textOf } from '../../src/taskpane/i18n';
import { adoptedNotice } from '../../src/taskpane/panels/startNotices';
import { AS_OF_DATE, asOf } from '../asOf';

async function withLedger(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  return sim;
}

/** Excel-sim hands change events to handlers as microtasks, after the batch: a macrotask later all have run. */
const eventsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

async function read(sim: ExcelSim) {
  const result = await sim.runExcel((c) => readLedger(c));
  if (!result) throw new Error('no ledger');
  return result;
}

describe('createLedger', () => {
  it('builds the ledger sheet and the directory in two syncs', async () => {
    const sim = new ExcelSim();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => createLedger(c, { supports: ALL_SETS })),
    );
    expect(syncs).toBe(2);
    expect(result).toMatchObject({
      sheetName: '任务台账',
      tableName: 'TaskLedger',
      taskCount: 40,
      directorySheet: '单位名录',
      printSetup: true,
    });
    const values = sim.values('任务台账');
    expect(values[0].slice(0, 2)).toEqual(['', '四平市现代职业教育重点工作任务台账']);
    expect(values[2].slice(0, 4)).toEqual(['序号', '工作任务', '责任单位', '状态']);
    expect(values.slice(3).map((r) => r[0])).toEqual(OFFICIAL_TASKS.map((t) => t.no));
    expect(values[3][1]).toBe(OFFICIAL_TASKS[0].task);
    const sheet = sim.sheet('任务台账');
    expect(sheet.freeze).toEqual({ rows: 3, columns: 0 });
    // Issue 24: three pages wide at 96% (10.6 pt type), the 序号 repeated, over then down; the
    // title spans the first page's columns after the 序号's so it prints whole.
    expect(sheet.merges[0]).toEqual({ row: 0, column: 1, rowCount: 1, columnCount: 5 });
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      fitToPagesWide: null,
      scale: 96,
      printOrder: 'OverThenDown',
      printTitleColumns: '$A:$A',
      columnBreaks: [6, 12],
      printTitleRows: '$3:$3',
      footer: { left: '', center: '第 &P 页 共 &N 页', right: '' },
    });
    expect(sheet.validations[0]).toMatchObject({
      rect: { row: 3, column: 3, rowCount: 40, columnCount: 1 },
      errorAlert: { style: 'Stop', title: '状态' },
    });
    expect(sim.dropdown('任务台账', 3, 3)).toEqual(['未启动', '序时推进', '滞后', '已完成']);
    expect(sheet.conditionalFormats.map((c) => c.type).sort()).toEqual([
      'ContainsText',
      'ContainsText',
      'ContainsText',
      'ContainsText',
      'Custom',
      'DataBar',
    ]);
    // 工作任务 wraps at 20 characters a line (12 pt each): rows grow, the page keeps its type.
    expect(sheet.columnWidths.get(1)).toBe(240);
    expect(sim.values('单位名录')[0]).toEqual(['单位', '别名', '类别', '所属', '联系人', '邮箱', '', '状态']);
    expect(sim.state.activeSheet().name).toBe('任务台账');
  });

  it('binds the status dropdown to the StatusList table through TaskStatusChoices, so a status added there is offered and accepted', async () => {
    const sim = await withLedger();
    expect(sim.sheet('任务台账').validations[0].list?.source).toBe('=TaskStatusChoices');
    expect(sim.userEdit('任务台账', 'D4', [['暂缓']]).ok).toBe(false);
    await sim.run(async (c) => {
      c.workbook.tables.getItem('StatusList').rows.add(undefined, [['暂缓']]);
      await c.sync();
    });
    expect(sim.dropdown('任务台账', 3, 3)).toEqual(['未启动', '序时推进', '滞后', '已完成', '暂缓']);
    expect(sim.userEdit('任务台账', 'D4', [['暂缓']]).ok).toBe(true);
    const reference = await sim.runExcel((c) => readReference(c));
    expect(reference.statuses).toContain('暂缓');
  });

  it('skips print setup without ExcelApi 1.9 and says so', async () => {
    const sim = new ExcelSim();
    const result = await sim.runExcel((c) => createLedger(c, { supports: UP_TO_1_8 }));
    expect(result.printSetup).toBe(false);
    expect(sim.sheet('任务台账').pageLayout.printTitleRows).toBeNull();
  });

  it('builds the ledger without the cell dropdown on ExcelApi 1.7 (volume-licensed Excel 2019), and says so', async () => {
    const sim = new ExcelSim();
    const result = await sim.runExcel((c) => createLedger(c, { supports: UP_TO_1_7 }));
    expect(result).toMatchObject({ statusDropdown: false, printSetup: false, taskCount: 40 });
    expect(sim.sheet('任务台账').validations).toEqual([]);
    // Statuses still go in through the pane's write, and validation still checks them.
    const ledgerRead = await read(sim);
    await sim.runExcel((c) => setTaskStatus(c, ledgerRead, 5, { status: '已完成' }));
    expect(taskCell(sim, 5, '状态')).toBe('已完成');
    const adopted = new ExcelSim();
    await adopted.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('A1:C2').values = [
        ['序号', '工作任务', '责任单位'],
        [1, OFFICIAL_TASKS[0].task, OFFICIAL_TASKS[0].units],
      ];
      await c.sync();
    });
    expect(await adopted.runExcel((c) => adoptActiveSheet(c, { supports: UP_TO_1_7 }))).toMatchObject({
      statusDropdown: false,
    });
    expect(adopted.sheet('Sheet1').validations).toEqual([]);
  });

  it('refuses when a ledger exists and leaves the workbook as it was', async () => {
    const sim = await withLedger();
    const before = sim.snapshot();
    await expect(sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }))).rejects.toMatchObject({
      code: 'LedgerExists',
    });
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
  });

  it("never overwrites a user's sheet named 任务台账 or 单位名录", async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      c.workbook.worksheets.add('任务台账').getRange('A1').values = [['我的数据']];
      c.workbook.worksheets.add('单位名录').getRange('A1').values = [['我的名录']];
      await c.sync();
    });
    const result = await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    expect(result.sheetName).toBe('任务台账(2)');
    // Ours takes a free name, and the pane is told whose sheet is whose (issue 21, item 17).
    expect(result.directorySheet).toBe('单位名录(2)');
    expect(result.usersSheets).toEqual({ directory: '单位名录', indicators: null });
    expect(result.reference.source).toEqual({ directory: 'workbook', statuses: 'workbook' });
    expect(sim.values('任务台账')).toEqual([['我的数据']]);
    expect(sim.values('单位名录')).toEqual([['我的名录']]);
    expect(sim.dropdown('任务台账(2)', 3, 3)).toEqual(['未启动', '序时推进', '滞后', '已完成']);
  });
});

describe('readLedger', () => {
  it('reads the table in one sync with its location', async () => {
    const sim = await withLedger();
    const { result, syncs } = await countSyncs(sim, () => read(sim));
    expect(syncs).toBe(1);
    expect(result.location).toMatchObject({
      sheetName: '任务台账',
      tableName: 'TaskLedger',
      headerRow: 2,
      firstColumn: 0,
      rowCount: 40,
      columnCount: 16,
    });
    expect(result.ledger.rows).toHaveLength(40);
    expect(validateLedger(result.ledger, { asOf })).toEqual([]);
  });

  it('says there is no ledger in a workbook without one', async () => {
    const sim = new ExcelSim();
    await expect(sim.runExcel((c) => readLedger(c))).resolves.toBeNull();
  });

  it('reads the directory and the status list from the workbook', async () => {
    const sim = await withLedger();
    sim.userEdit('单位名录', 'H6', [['已暂停']]);
    await sim.run(async (c) => {
      c.workbook.tables.getItem('StatusList').rows.add(undefined, [['已暂停']]);
      c.workbook.tables
        .getItem('UnitDirectory')
        .rows.add(undefined, [['四平市第一职业中专', '一职专', '学校', '各职业学校', '', '']]);
      await c.sync();
    });
    const ref = await sim.runExcel((c) => readReference(c));
    expect(ref.source).toEqual({ directory: 'workbook', statuses: 'workbook' });
    expect(ref.statuses).toContain('已暂停');
    expect(tasksForUnit(OFFICIAL_TASKS, '一职专', { directory: ref.directory })).toContain(11);
    const bare = await new ExcelSim().runExcel((c) => readReference(c));
    expect(bare.source).toEqual({ directory: 'default', statuses: 'default' });
  });
});

describe('adoptActiveSheet', () => {
  async function userSheet(sim: ExcelSim) {
    await sim.run(async (c) => {
      const s = c.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:E1').values = [['我局重点任务', '', '', '', '']];
      s.getRange('A1:E1').merge();
      s.getRange('A3:E5').values = [
        ['备注', '序号', '工作任务', '责任单位', '状态'],
        ['自有备注', 1, OFFICIAL_TASKS[0].task, OFFICIAL_TASKS[0].units, '序时推进'],
        ['', 2, OFFICIAL_TASKS[1].task, OFFICIAL_TASKS[1].units, '完成'],
      ];
      s.getRange('B4').format.fill.color = '#FFFF00';
      await c.sync();
    });
  }

  it('keeps every value, format and extra column, and adds the missing ones at the right', async () => {
    const sim = new ExcelSim();
    await userSheet(sim);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS })),
    );
    expect(syncs).toBe(2);
    expect(result).toMatchObject({ sheetName: 'Sheet1', taskCount: 2, headerAddress: 'A3' });
    expect(result.addedColumns).toEqual([
      '进度(%)',
      '完成时限',
      '进展情况',
      '存在问题',
      '下步计划',
      '更新日期',
      '联系人',
    ]);
    const after = sim.snapshot();
    const beforeCells = before.sheets[0].cells;
    for (const [key, cell] of Object.entries(beforeCells)) {
      expect((after.sheets[0].cells[key] as { value: unknown }).value).toEqual(
        (cell as { value: unknown }).value,
      );
      expect((after.sheets[0].cells[key] as { format: unknown }).format).toEqual(
        (cell as { format: unknown }).format,
      );
    }
    const ledger = await read(sim);
    expect(ledger.ledger.headerRow.slice(0, 5)).toEqual(['备注', '序号', '工作任务', '责任单位', '状态']);
    expect(ledger.ledger.header.columns.status).toBe(4);
    expect(validateLedger(ledger.ledger, { asOf }).map((f) => f.rule)).toContain('status.unknown');
  });

  it('refuses a sheet without the three header columns, naming the sheet', async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [
        ['名称', '数量'],
        ['a', 1],
      ];
      await c.sync();
    });
    const before = sim.snapshot();
    const error = await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS })).catch((e) => e);
    expect(describeError(error).zh).toContain('Sheet1');
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
  });

  it('explains merged cells inside the block and leaves the sheet unchanged', async () => {
    const sim = new ExcelSim();
    await userSheet(sim);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('C4:D4').merge();
      await c.sync();
    });
    const before = sim.snapshot();
    const error = await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS })).catch((e) => e);
    expect(error.code).toBe('MergedCells');
    expect(describeError(error).zh).toContain('合并单元格');
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
  });
});

describe('adopting sheets as people keep them', () => {
  const task = (no: number) => [no, OFFICIAL_TASKS[no - 1].task, OFFICIAL_TASKS[no - 1].units, '序时推进'];

  async function sheetWith(sim: ExcelSim, cells: Record<string, unknown[][]>) {
    await sim.run(async (c) => {
      const s = c.workbook.worksheets.getItem('Sheet1');
      for (const [address, values] of Object.entries(cells)) s.getRange(address).values = values as never;
      await c.sync();
    });
  }

  it('leaves a 制表人/审核人 footer and a note beside the title outside the table, and says so', async () => {
    const sim = new ExcelSim();
    await sheetWith(sim, {
      A1: [['我局重点任务台账']],
      K1: [['单位：市教育局']],
      'A3:D3': [['序号', '工作任务', '责任单位', '状态']],
      'A4:D6': [task(1), task(2), task(3)],
      'A8:C8': [['制表人：张三', '', '审核人：李四']],
    });
    const before = sim.snapshot();
    const result = await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS }));
    expect(result).toMatchObject({
      tableAddress: 'A3:K6',
      taskCount: 3,
      rowsLeftOut: [8],
      renamedHeaders: [],
    });
    expect(sim.state.tables[0].rect).toEqual({ row: 2, column: 0, rowCount: 4, columnCount: 11 });
    // Every cell the user had holds what it held.
    const after = sim.snapshot();
    for (const [key, cell] of Object.entries(before.sheets[0].cells))
      expect((after.sheets[0].cells[key] as { value: unknown }).value).toEqual(
        (cell as { value: unknown }).value,
      );
    const { ledger } = await read(sim);
    expect(ledger.rows).toHaveLength(3);
  });

  it('ends the table at the empty row above a 制表人：/张三 footer typed in two cells, and says so', async () => {
    const sim = new ExcelSim();
    await sheetWith(sim, {
      'A1:D1': [['序号', '工作任务', '责任单位', '状态']],
      'A2:D4': [task(1), task(2), task(3)],
      'A6:B7': [
        ['制表人：', '张三'],
        ['审核人：', '李四'],
      ],
    });
    const before = sim.snapshot();
    const result = await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS }));
    expect(result).toMatchObject({
      tableAddress: 'A1:K4',
      taskCount: 3,
      rowsLeftOut: [6, 7],
      endingBlankRow: 5,
    });
    // Only the table's rows changed (new headers, formats, dropdowns): nothing from row 5 down.
    const changed = changedCells(before, sim.snapshot());
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((cell) => Number(/\d+$/u.exec(cell)?.[0]) > 4)).toEqual([]);
    expect(textOf(adoptedNotice(result).text, 'zh')).toContain('第6–7行在空行（第5行）之下，未纳入台账');
    expect(textOf(adoptedNotice(result).text, 'en')).toContain('Rows 6–7 are below the empty row 5');
    const { ledger } = await read(sim);
    expect(ledger.rows).toHaveLength(3);
  });

  it('names every header cell Excel renamed, and counts tasks as the pane does', async () => {
    const sim = new ExcelSim();
    await sheetWith(sim, {
      'A1:F1': [['序号', '', '工作任务', '责任单位', '状态', '序号']],
      'A2:F4': [
        [1, '', ...task(1).slice(1), 'x'],
        ['', '', '', '', '', ''],
        [2, '', ...task(2).slice(1), 'y'],
      ],
    });
    const result = await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS }));
    expect(result.renamedHeaders).toEqual([
      { address: 'B1', from: '', to: '列2' },
      { address: 'F1', from: '序号', to: '序号2' },
    ]);
    expect(result.taskCount).toBe(2);
    const { ledger } = await read(sim);
    expect(ledgerTasks(ledger, { asOf })).toHaveLength(2);
  });

  it('refuses when the new columns would land on cells that hold something, naming them; nothing changes', async () => {
    const sim = new ExcelSim();
    await sheetWith(sim, {
      'A1:D1': [['序号', '工作任务', '责任单位', '状态']],
      'A2:D3': [task(1), task(2)],
      F3: [['备注：待核']],
    });
    const before = sim.snapshot();
    const error = await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS })).catch((e) => e);
    expect(error.code).toBe('CellsInTheWay');
    expect(describeError(error).zh).toContain('F3');
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
  });

  it('undoes the header cells it wrote when Excel refuses the table over merged cells', async () => {
    const sim = new ExcelSim();
    await sheetWith(sim, {
      'A1:C1': [['序号', '工作任务', '责任单位']],
      'A2:C3': [task(1).slice(0, 3), task(2).slice(0, 3)],
    });
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('B2:C2').merge();
      await c.sync();
    });
    const before = sim.snapshot();
    const error = await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS })).catch((e) => e);
    expect(error.code).toBe('MergedCells');
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
    // And a retry after unmerging works: no table was left behind.
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('B2:C2').unmerge();
      await c.sync();
    });
    await expect(sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS }))).resolves.toMatchObject({
      taskCount: 2,
    });
  });
  it('calls a failure after the table neither merged cells nor "unchanged", and names the formats that may remain', async () => {
    const sim = new ExcelSim();
    await sheetWith(sim, {
      'A1:C1': [['序号', '工作任务', '责任单位']],
      'A2:C3': [task(1).slice(0, 3), task(2).slice(0, 3)],
    });
    const before = sim.values('Sheet1');
    sim.refuseNext('WorksheetFreezePanes.freezeRows', 'InvalidOperation');
    const error = await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS })).catch((e) => e);
    expect(error.code).toBe('AdoptionIncomplete');
    const { zh, en } = describeError(error);
    expect(zh).not.toContain('合并单元格');
    expect(zh).not.toContain('数据未被更改');
    expect(zh).toContain('WorksheetFreezePanes.freezeRows');
    expect(zh).toContain('可能仍留在工作表“Sheet1”中');
    expect(en).toContain('may remain on sheet Sheet1');
    // The table and the new header cells were undone: every cell holds what it held.
    expect(sim.values('Sheet1')).toEqual(before);
    expect(sim.state.tables).toEqual([]);
  });
});

describe('what a refused batch is said to have left (issue 23, item 13)', () => {
  it('says "nothing was changed" only when the batch failed at its first command', () => {
    const refused = (errorLocation: string) =>
      Object.assign(new Error('The argument is invalid.'), {
        code: 'InvalidArgument',
        debugInfo: { errorLocation },
      });
    expect(describeError(refused('Range.values'), 'Range.values').zh).toContain('数据未被更改');
    expect(describeError(refused('Range.format'), 'Range.values').zh).not.toContain('数据未被更改');
    expect(describeError(refused('Range.format'), 'Range.values').en).toContain('may have taken effect');
    expect(describeError(refused('Range.values')).en).not.toContain('Nothing was changed');
  });
});

describe('selecting and fixing', () => {
  it('selects the cell of a finding', async () => {
    const sim = await withLedger();
    const { location } = await read(sim);
    const selected = await sim.runExcel((c) => selectCell(c, location, 4, 3));
    expect(selected).toEqual({ address: '任务台账!D8', hidden: false });
    expect(sim.state.selection?.rect).toEqual({ row: 7, column: 3, rowCount: 1, columnCount: 1 });
  });

  it('applies fixes to only the cells they name, in two syncs', async () => {
    const sim = await withLedger();
    sim.userEdit('任务台账', 'D5', [['已完成']]);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').getRange('D6').values = [['完成']];
      c.workbook.worksheets.getItem('任务台账').getRange('B7').values = [
        [OFFICIAL_TASKS[3].task.replace('职教本科', '本科')],
      ];
      await c.sync();
    });
    const { ledger, location } = await read(sim);
    const findings = validateLedger(ledger, { asOf }).filter((f) => f.fix);
    expect(findings.map((f) => f.rule)).toEqual(['status.unknown', 'task.changed']);
    const before = sim.snapshot();
    const fixes = findings.map((f) => ({
      ...f.fix!,
      expected: ledger.rows[f.fix!.row][f.fix!.column],
      identity: [],
    }));
    const { syncs } = await countSyncs(sim, () => sim.runExcel((c) => applyFixes(c, location, fixes)));
    expect(syncs).toBe(2);
    expect(changedCells(before, sim.snapshot())).toEqual(['任务台账!B7', '任务台账!D6']);
    // Both tasks are 已完成 now, and nothing names their 办结依据 yet.
    expect(validateLedger((await read(sim)).ledger, { asOf }).map((f) => [f.rule, f.taskNo])).toEqual([
      ['evidence.missing', 2],
      ['evidence.missing', 3],
    ]);
  });

  it("never writes over a cell that holds the user's formula", async () => {
    const sim = await withLedger();
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('任务台账');
      // A formula the simulator does not compute reads as '' (an empty 序号), so a fix is offered.
      sheet.getRange('A4').formulas = [['=VLOOKUP(1,X:Y,2,FALSE)']];
      sheet.getRange('D5').values = [['完成']];
      await c.sync();
    });
    const { ledger, location } = await read(sim);
    const fixes = fixesFor(ledger, validateLedger(ledger, { asOf }));
    expect(fixes.map((f) => [f.row, f.column])).toEqual([
      [0, 0],
      [1, 3],
    ]);
    const before = sim.snapshot();
    const result = await sim.runExcel((c) => applyFixes(c, location, fixes));
    expect(result).toMatchObject({
      applied: 1,
      skippedFormulas: ['任务台账!A4'],
      written: [{ address: 'D5' }],
    });
    expect(result.read?.ledger.rows[1][3]).toBe('已完成');
    expect(changedCells(before, sim.snapshot())).toEqual(['任务台账!D5']);
  });

  it('refuses fixes for cells that changed since the check', async () => {
    const sim = await withLedger();
    // Typing 完成 is refused by the dropdown's Stop alert; a paste (an API write) gets through.
    expect(sim.userEdit('任务台账', 'D6', [['完成']]).ok).toBe(false);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').getRange('D6').values = [['完成']];
      await c.sync();
    });
    const { ledger, location } = await read(sim);
    const fix = validateLedger(ledger, { asOf }).find((f) => f.fix)!.fix!;
    sim.userEdit('任务台账', 'D6', [['滞后']]);
    const error = await sim
      .runExcel((c) => applyFixes(c, location, [{ ...fix, expected: '完成', identity: [] }]))
      .catch((e) => e);
    expect(error.code).toBe('StaleFix');
    expect(taskCell(sim, 3, '状态')).toBe('滞后');
  });
});

describe('unit filter', () => {
  it('shows only the unit’s tasks through the table filter, and clears it', async () => {
    const sim = await withLedger();
    const ledgerRead = await read(sim);
    const { ledger } = ledgerRead;
    const numbers = tasksForUnit(
      ledger.rows.map((r) => ({ no: r[0], units: r[2] })),
      '双辽市人民政府',
    );
    const { syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => applyUnitFilter(c, ledgerRead, numbers)),
    );
    expect(syncs).toBeLessThanOrEqual(2);
    const hidden = sim.sheet('任务台账').filteredRows;
    expect(40 - hidden.size).toBe(16);
    for (const no of numbers) expect(hidden.has(2 + no)).toBe(false);
    expect((await read(sim)).ledger.rows).toHaveLength(40);
    await sim.runExcel((c) => clearUnitFilter(c, ledgerRead));
    expect(sim.sheet('任务台账').filteredRows.size).toBe(0);
  });

  it('filters on the 序号 as the cells show it (000 formats 1 as 001)', async () => {
    const sim = await withLedger();
    await sim.run(async (c) => {
      c.workbook.tables.getItem('TaskLedger').columns.getItem('序号').getDataBodyRange().numberFormat =
        Array.from({ length: 40 }, () => ['000']);
      await c.sync();
    });
    const ledgerRead = await read(sim);
    const { ledger } = ledgerRead;
    const numbers = tasksForUnit(
      ledger.rows.map((r) => ({ no: r[0], units: r[2] })),
      '双辽市人民政府',
    );
    await sim.runExcel((c) => applyUnitFilter(c, ledgerRead, numbers));
    expect(40 - sim.sheet('任务台账').filteredRows.size).toBe(numbers.length);
  });

  it("keeps the user's own filter on another column, and clears only its own", async () => {
    const sim = await withLedger();
    sim.userEdit('任务台账', 'D4:D5', [['已完成'], ['已完成']]);
    await sim.run(async (c) => {
      c.workbook.tables.getItem('TaskLedger').columns.getItem('状态').filter.applyValuesFilter(['未启动']);
      await c.sync();
    });
    const ledgerRead = await read(sim);
    const { ledger } = ledgerRead;
    const numbers = tasksForUnit(
      ledger.rows.map((r) => ({ no: r[0], units: r[2] })),
      '市教育局',
    );
    await sim.runExcel((c) => applyUnitFilter(c, ledgerRead, numbers));
    const table = sim.state.tables.find((t) => t.name === 'TaskLedger')!;
    expect([...table.filters.keys()].sort()).toEqual([0, 3]);
    await sim.runExcel((c) => clearUnitFilter(c, ledgerRead));
    expect([...table.filters.keys()]).toEqual([3]);
    expect(sim.sheet('任务台账').filteredRows.size).toBe(2);
  });
});

describe('setTaskStatus', () => {
  it('writes only the status cell of the row holding that 序号, even after a sort', async () => {
    const sim = await withLedger();
    const ledgerRead = await read(sim);
    // Rows 4 and 5 swapped, as a sort would leave them.
    const rows = sim.values('任务台账');
    sim.userEdit('任务台账', 'A4:C5', [rows[4].slice(0, 3), rows[3].slice(0, 3)]);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => setTaskStatus(c, ledgerRead, 1, { status: '已完成', progress: 100 })),
    );
    expect(syncs).toBe(2);
    expect(result.address).toBe('任务台账!D5');
    // The write reads the ledger back in its own request, and names the cells it wrote and what.
    expect(result.read?.ledger.rows[1][3]).toBe('已完成');
    expect(result.written).toEqual([
      { worksheetId: ledgerRead.location.sheetId, address: 'D5', values: [['已完成']] },
      { worksheetId: ledgerRead.location.sheetId, address: 'E5', values: [[100]] },
    ]);
    expect(changedCells(before, sim.snapshot())).toEqual(['任务台账!D5', '任务台账!E5']);
  });

  it('refuses an unknown 序号 and a duplicated one', async () => {
    const sim = await withLedger();
    const ledgerRead = await read(sim);
    await expect(
      sim.runExcel((c) => setTaskStatus(c, ledgerRead, 99, { status: '已完成' })),
    ).rejects.toMatchObject({
      code: 'TaskNotFound',
    });
    sim.userEdit('任务台账', 'A5', [[1]]);
    const error = await sim
      .runExcel((c) => setTaskStatus(c, ledgerRead, 1, { status: '已完成' }))
      .catch((e) => e);
    expect(describeError(error).zh).toContain('出现了2次');
  });

  it('explains a protected sheet and changes nothing', async () => {
    const sim = await withLedger();
    const ledgerRead = await read(sim);
    const { ledger, location } = ledgerRead;
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    await sim
      .run(async (c) => {
        c.workbook.worksheets.getItem('任务台账').protection.unprotect();
        c.workbook.worksheets.getItem('任务台账').protection.protect({ allowAutoFilter: true });
        c.workbook.worksheets.getItem('任务台账').getRange('D4:D43').format.protection.locked = true;
        await c.sync();
      })
      .catch(() => undefined);
    await sim.run(async (c) => {
      const s = c.workbook.worksheets.getItem('任务台账');
      s.protection.unprotect();
      s.getRange('A4:K43').format.protection.locked = true;
      s.protection.protect();
      await c.sync();
    });
    const before = sim.snapshot();
    const error = await sim
      .runExcel((c) => setTaskStatus(c, ledgerRead, 1, { status: '已完成' }))
      .catch((e) => e);
    expect(describeError(error).zh).toContain('工作表受保护');
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
  });
});

/** Runs a command with something happening to the workbook just before its second request. */
function between<T>(sim: ExcelSim, happen: () => void, op: (c: Excel.RequestContext) => Promise<T>) {
  return sim.runExcel((context) => {
    const sync = context.sync.bind(context);
    let syncs = 0;
    context.sync = async () => {
      if (++syncs === 2) happen();
      return sync();
    };
    return op(context);
  });
}

/** A co-author swaps two rows' cells (a sort, by hand): every column given, of rows a and b (1-based sheet rows). */
function swapRows(sim: ExcelSim, sheet: string, a: number, b: number, columns: string) {
  const [from, to] = columns.split(':');
  const values = sim.values(sheet);
  const first = from.charCodeAt(0) - 65;
  const last = to.charCodeAt(0) - 65;
  const rowA = values[a - 1].slice(first, last + 1);
  const rowB = values[b - 1].slice(first, last + 1);
  sim.remoteEdit(sheet, `${from}${a}:${to}${a}`, [rowB]);
  sim.remoteEdit(sheet, `${from}${b}:${to}${b}`, [rowA]);
}

describe("a co-author's edit between the pane's read and its write", () => {
  it('is detected and refused, naming the cell, for a status change and for a fix', async () => {
    const sim = await withLedger();
    const ledgerRead = await read(sim);
    const { ledger, location } = ledgerRead;
    // A co-author sets task 3 to 滞后 after the pane read 未启动.
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').getRange('D6').values = [['滞后']];
      await c.sync();
    });
    const before = sim.snapshot();
    const error = await sim
      .runExcel((c) => setTaskStatus(c, ledgerRead, 3, { status: '已完成', expectedStatus: '未启动' }))
      .catch((e) => e);
    expect(error.code).toBe('StaleStatus');
    expect(describeError(error).zh).toContain('任务台账!D6');
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
    // The same for a fix computed from the earlier read.
    const fix = { row: 2, column: 3, value: '已完成', expected: ledger.rows[2][3], identity: [] };
    const stale = await sim.runExcel((c) => applyFixes(c, location, [fix])).catch((e) => e);
    expect(stale.code).toBe('StaleFix');
    expect(describeError(stale).zh).toContain('任务台账!D6');
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
  });

  it('lands between a write’s check and its write: the cell is put back, the write refused, nothing lost', async () => {
    const sim = await withLedger();
    const ledgerRead = await read(sim);
    /** Runs a command whose second request meets a co-author's edit of the cell it is about to write. */
    const withEditBetween = <T>(
      address: string,
      value: CellValue,
      op: (c: Excel.RequestContext) => Promise<T>,
    ) => between(sim, () => sim.remoteEdit('任务台账', address, [[value]]), op);
    const before = sim.snapshot();
    const status = await withEditBetween('D6', '滞后', (c) =>
      setTaskStatus(c, ledgerRead, 3, { status: '已完成', expectedStatus: '未启动' }),
    ).catch((e) => e);
    expect(status.code).toBe('StaleStatus');
    expect(describeError(status).zh).toContain('任务台账!D6 的状态已被改为“滞后”');
    expect(changedCells(before, sim.snapshot())).toEqual(['任务台账!D6']);
    expect(taskCell(sim, 3, '状态')).toBe('滞后');

    const fix = { row: 3, column: 3, value: '未启动', expected: '未启动', identity: [] };
    const again = sim.snapshot();
    const stale = await withEditBetween('D7', '完成', (c) => applyFixes(c, ledgerRead.location, [fix])).catch(
      (e) => e,
    );
    expect(stale.code).toBe('StaleFix');
    expect(taskCell(sim, 4, '状态')).toBe('完成');
    expect(changedCells(again, sim.snapshot())).toEqual(['任务台账!D7']);
  });

  it('lands nothing on another task when rows are sorted between a write’s check and its write', async () => {
    const sim = await withLedger();
    const ledgerRead = await read(sim);
    // Tasks 21 (row 24) and 29 (row 32) are both 未启动: a status check alone cannot tell them apart.
    for (const columns of ['A:K', 'B:C']) {
      const before = sim.snapshot();
      const error = await between(
        sim,
        () => swapRows(sim, '任务台账', 24, 32, columns),
        (c) => setTaskStatus(c, ledgerRead, 21, { status: '已完成', expectedStatus: '未启动' }),
      ).catch((e) => e);
      expect(error.code).toBe('StaleStatus');
      expect(describeError(error).zh).toContain('所在行已不是第21项');
      // Only the swap itself changed anything: no status was written.
      expect(taskCell(sim, 21, '状态')).toBe('未启动');
      expect(taskCell(sim, 29, '状态')).toBe('未启动');
      swapRows(sim, '任务台账', 24, 32, columns);
      expect(changedCells(before, sim.snapshot())).toEqual([]);
    }
    // A fix planned on task 28's row, the texts moved meanwhile: refused, whether the move came
    // before the fix was confirmed (a dialog can stay open) or between its two requests.
    sim.userEdit('任务台账', 'E31', [[0.5]]);
    const now = await read(sim);
    const fix = plannedFixes(now.ledger, [{ row: 27, column: 4, value: 50 }]);
    for (const when of ['before', 'between'] as const) {
      const before = sim.snapshot();
      if (when === 'before') swapRows(sim, '任务台账', 31, 32, 'B:C');
      const error = await between(
        sim,
        () => (when === 'between' ? swapRows(sim, '任务台账', 31, 32, 'B:C') : undefined),
        (c) => applyFixes(c, now.location, fix),
      ).catch((e) => e);
      expect(error.code).toBe('StaleFix');
      swapRows(sim, '任务台账', 31, 32, 'B:C');
      expect(changedCells(before, sim.snapshot())).toEqual([]);
    }
  });

  it('lands no 完成值 on another indicator when the 指标 rows are swapped between check and write', async () => {
    const sim = await withLedger();
    const { read: ledgerRead, reference } = await sim
      .runExcel((c) => readWorkbook(c))
      .then((r) => ({
        read: r.ledger as LedgerRead,
        reference: r.reference,
      }));
    const [first, second] = reference.indicators?.indicators ?? [];
    const before = sim.snapshot();
    const error = await between(
      sim,
      () => swapRows(sim, '指标', first.row + 2, second.row + 2, 'A:E'),
      (c) => setIndicatorActual(c, { read: ledgerRead, reference }, first, 7, dayFromLocalDate(AS_OF_DATE)),
    ).catch((e) => e);
    expect(error.code).toBe('StaleIndicator');
    expect(describeError(error).zh).toContain(`所在行已不是“${first.name}”`);
    swapRows(sim, '指标', first.row + 2, second.row + 2, 'A:E');
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });

  it('reaches the pane as a change like a local one (source Remote)', async () => {
    const sim = await withLedger();
    const seen: string[] = [];
    const { tableId } = (await read(sim)).location;
    await sim.runExcel((c) =>
      watchWorkbook(
        c,
        (s) => seen.push(s.kind === 'table' ? `${s.tableId === tableId} ${s.source}` : s.kind),
        ALL_SETS,
      ),
    );
    sim.remoteEdit('任务台账', 'D5', [['滞后']]);
    await eventsDelivered();
    expect(seen).toEqual(['true Remote']);
  });
});

describe('after the user inserts rows above the table (no event need reach the pane)', () => {
  it('status, fix and selection still land on the task they name, and the messages cite the cell as it is now', async () => {
    const sim = await withLedger();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').getRange('D6').values = [['完成']];
      await c.sync();
    });
    const ledgerRead = await read(sim);
    const { ledger, location } = ledgerRead;
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').getRange('2:3').insert('Down');
      await c.sync();
    });
    // Task 5 was on row 8; it is on row 10 now.
    const { address } = await sim.runExcel((c) =>
      setTaskStatus(c, ledgerRead, 5, { status: '滞后', expectedStatus: '未启动' }),
    );
    expect(address).toBe('任务台账!D10');
    expect(['工作任务', '责任单位', '状态'].map((h) => taskCell(sim, 5, h))).toEqual([
      OFFICIAL_TASKS[4].task,
      OFFICIAL_TASKS[4].units,
      '滞后',
    ]);
    const fix = validateLedger(ledger, { asOf }).find((f) => f.fix)!.fix!;
    await sim.runExcel((c) => applyFixes(c, location, [{ ...fix, expected: '完成', identity: [] }]));
    expect(taskCell(sim, 3, '状态')).toBe('已完成');
    expect((await sim.runExcel((c) => selectCell(c, location, 2, 3))).address).toBe('任务台账!D8');
  });
});

describe('a workbook whose structure is protected', () => {
  it('create, summaries and rebuilding 单位名录 on a new sheet say so plainly and change nothing', async () => {
    const sim = new ExcelSim();
    const protect = () =>
      sim.run(async (c) => {
        c.workbook.protection.protect();
        await c.sync();
      });
    await protect();
    const before = sim.snapshot();
    const created = await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS })).catch((e) => e);
    expect(created.code).toBe('WorkbookProtected');
    expect(describeError(created).zh).toContain('保护工作簿');
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
    sim.state.structureProtected = false;
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('单位名录').delete();
      await c.sync();
    });
    await protect();
    const { ledger, location } = await read(sim);
    const held = sim.snapshot();
    const summary = await sim
      .runExcel((c) =>
        writeSummarySheets(c, summarySheets(summarize(ledger, { asOf }), {}), { supports: ALL_SETS }),
      )
      .catch((e) => e);
    expect(summary.code).toBe('WorkbookProtected');
    const restore = await sim
      .runExcel((c) => restoreReference(c, location, ledger.header, ALL_SETS))
      .catch((e) => e);
    expect(restore.code).toBe('WorkbookProtected');
    expect(changedPaths(held, sim.snapshot())).toEqual([]);
  });
});

describe('after the ledger sheet is renamed', () => {
  it('select, fix, status and protection still find the table and name the sheet as it is now', async () => {
    const sim = await withLedger();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').getRange('D6').values = [['完成']];
      await c.sync();
    });
    const ledgerRead = await read(sim);
    const { ledger, location } = ledgerRead;
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').name = '台账2026';
      await c.sync();
    });
    expect((await sim.runExcel((c) => selectCell(c, location, 2, 3))).address).toBe('台账2026!D6');
    const fix = validateLedger(ledger, { asOf }).find((f) => f.fix)!.fix!;
    await sim.runExcel((c) => applyFixes(c, location, [{ ...fix, expected: '完成', identity: [] }]));
    expect(sim.values('台账2026')[5][3]).toBe('已完成');
    const { address } = await sim.runExcel((c) => setTaskStatus(c, ledgerRead, 4, { status: '滞后' }));
    expect(address).toBe('台账2026!D7');
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    expect(sim.sheet('台账2026').protection.protected).toBe(true);
  });
});

describe('missing reference data', () => {
  async function deleteDirectory(sim: ExcelSim) {
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('单位名录').delete();
      await c.sync();
    });
  }

  it('is a finding, and restoring it brings back the tables and a dropdown that accepts a status again', async () => {
    const sim = await withLedger();
    await deleteDirectory(sim);
    // Excel now refuses every typed status: the dropdown's list is gone.
    expect(sim.userEdit('任务台账', 'D5', [['已完成']]).ok).toBe(false);
    const reference = await sim.runExcel((c) => readReference(c));
    expect(reference.health).toEqual({ directory: 'missing', statuses: 'missing' });
    const { ledger, location } = await read(sim);
    const findings = validateLedger(ledger, { asOf, reference: reference.health });
    expect(findings.map((f) => [f.rule, f.action])).toEqual([['reference.missing', 'restoreReference']]);
    const before = sim.snapshot();
    const result = await sim.runExcel((c) => restoreReference(c, location, ledger.header, ALL_SETS));
    expect(result).toEqual({
      sheetName: '单位名录',
      restored: ['directory', 'statuses'],
      keptRows: 0,
      dropdownRebound: true,
    });
    const changed = changedPaths(before, sim.snapshot());
    expect(
      changed.filter((p) => p.startsWith('sheets.任务台账') && !p.startsWith('sheets.任务台账.validations')),
    ).toEqual([]);
    expect(sim.dropdown('任务台账', 4, 3)).toEqual(['未启动', '序时推进', '滞后', '已完成']);
    expect(sim.userEdit('任务台账', 'D5', [['已完成']]).ok).toBe(true);
    const again = await sim.runExcel((c) => readReference(c));
    expect(again.health).toEqual({ directory: 'ok', statuses: 'ok' });
  });

  it('lifts and restores the add-in’s own protection of the ledger to set the dropdown again (issue 23, item 8)', async () => {
    const sim = await withLedger();
    const { ledger, location } = await read(sim);
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    const options = sim.sheet('任务台账').protection.options;
    await deleteDirectory(sim);
    const result = await sim.runExcel((c) => restoreReference(c, location, ledger.header, ALL_SETS));
    expect(result.dropdownRebound).toBe(true);
    expect(sim.dropdown('任务台账', 4, 3)).toEqual(['未启动', '序时推进', '滞后', '已完成']);
    expect(sim.sheet('任务台账').protection.protected).toBe(true);
    expect(sim.sheet('任务台账').protection.options).toEqual(options);
    expect(sim.userEdit('任务台账', 'B4', [['改任务']]).ok).toBe(false);
    expect(sim.userEdit('任务台账', 'D5', [['已完成']]).ok).toBe(true);
  });

  it('rebuilds the tables but leaves the dropdown of a ledger someone else protected, and says so', async () => {
    const sim = await withLedger();
    const { ledger, location } = await read(sim);
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').protection.protect({}, '密码');
      await c.sync();
    });
    await deleteDirectory(sim);
    const result = await sim.runExcel((c) => restoreReference(c, location, ledger.header, ALL_SETS));
    expect(result).toMatchObject({ restored: ['directory', 'statuses'], dropdownRebound: false });
    expect(sim.sheet('任务台账').protection.protected).toBe(true);
  });

  it('points the dropdown at the defined name TaskStatusChoices, which follows StatusList renamed, and is pointed again when the list is rebuilt (issue 23, item 16)', async () => {
    const sim = await withLedger();
    // The status dropdown's rule (延期批准 has a list of its own, 是,否).
    const rule = () =>
      sim.sheet('任务台账').validations.find((v) => v.list && v.list.source !== '是,否')?.list?.source;
    expect(rule()).toBe('=TaskStatusChoices');
    await sim.run(async (c) => {
      const table = c.workbook.tables.getItem('StatusList');
      table.name = 'MyStatuses';
      table.getHeaderRowRange().values = [['状态名称']];
      table.rows.add(undefined, [['暂缓']]);
      await c.sync();
    });
    expect(sim.dropdown('任务台账', 4, 3)).toEqual(['未启动', '序时推进', '滞后', '已完成', '暂缓']);
    expect(sim.userEdit('任务台账', 'D5', [['暂缓']]).ok).toBe(true);
    // The list deleted with its sheet leaves the name broken; 重建 points it at the new table.
    await deleteDirectory(sim);
    expect(sim.userEdit('任务台账', 'D6', [['已完成']]).ok).toBe(false);
    const { ledger, location } = await read(sim);
    await sim.runExcel((c) => restoreReference(c, location, ledger.header, ALL_SETS));
    expect(rule()).toBe('=TaskStatusChoices');
    expect(sim.userEdit('任务台账', 'D6', [['已完成']]).ok).toBe(true);
    expect(sim.state.names.map((n) => n.name)).toEqual(['TaskStatusChoices']);
  });

  it("keeps the user's rows left on 单位名录 when only the tables were removed", async () => {
    const sim = await withLedger();
    sim.userEdit('单位名录', 'E2', [['张三']]);
    sim.userEdit('单位名录', 'H6', [['暂缓']]);
    await sim.run(async (c) => {
      c.workbook.tables.getItem('UnitDirectory').convertToRange();
      c.workbook.tables.getItem('StatusList').convertToRange();
      await c.sync();
    });
    const before = sim.values('单位名录');
    const { ledger, location } = await read(sim);
    const result = await sim.runExcel((c) => restoreReference(c, location, ledger.header, ALL_SETS));
    expect(result.sheetName).toBe('单位名录');
    expect(result.keptRows).toBe(before.length - 1 + 5);
    expect(sim.values('单位名录')).toEqual(before);
    const reference = await sim.runExcel((c) => readReference(c));
    expect(reference.statuses).toEqual(['未启动', '序时推进', '滞后', '已完成', '暂缓']);
    expect(reference.directory.units.find((u) => u.name === '市教育局')?.contact).toBe('张三');
    expect(sim.dropdown('任务台账', 4, 3)).toContain('暂缓');
  });

  it("leaves a user's own sheet named 单位名录 alone and builds the tables on a new sheet", async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      c.workbook.worksheets.add('单位名录').getRange('A1:B2').values = [
        ['我的单位', '电话'],
        ['市教育局', '1234'],
      ];
      await c.sync();
    });
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    // The ledger's own directory went to 单位名录(2) (issue 21, item 17); the user deletes it.
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('单位名录(2)').delete();
      await c.sync();
    });
    const before = sim.snapshot();
    const { ledger, location } = await read(sim);
    const result = await sim.runExcel((c) => restoreReference(c, location, ledger.header, ALL_SETS));
    expect(result.sheetName).toBe('单位名录(2)');
    expect(sim.snapshot().sheets.find((s) => s.name === '单位名录')).toEqual(
      before.sheets.find((s) => s.name === '单位名录'),
    );
    expect(sim.dropdown('任务台账', 4, 3)).toEqual(['未启动', '序时推进', '滞后', '已完成']);
  });
});

describe('official column protection', () => {
  it('locks 序号, 工作任务 and 责任单位 and leaves the rest editable', async () => {
    const sim = await withLedger();
    const ledgerRead = await read(sim);
    const { ledger, location } = ledgerRead;
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    expect(sim.userEdit('任务台账', 'B4', [['改任务']]).ok).toBe(false);
    expect(sim.userEdit('任务台账', 'D4', [['已完成']]).ok).toBe(true);
    expect(sim.sheet('任务台账').protection.options).toMatchObject({
      allowAutoFilter: true,
      allowSort: true,
    });
    await sim.runExcel((c) => applyUnitFilter(c, ledgerRead, [1, 2]));
    // Status writes from the pane keep working on the protected ledger.
    await sim.runExcel((c) => setTaskStatus(c, ledgerRead, 2, { status: '滞后' }));
    expect(taskCell(sim, 2, '状态')).toBe('滞后');
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, false));
    expect(sim.userEdit('任务台账', 'B4', [['改任务']]).ok).toBe(true);
  });

  it('never lifts a protection someone else set (its lift is refused at WorksheetProtection.unprotect), and says what to do', async () => {
    const sim = await withLedger();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').protection.protect({ allowFormatCells: true }, '口令');
      await c.sync();
    });
    const unlocking = await sim
      .run(async (c) => {
        c.workbook.worksheets.getItem('任务台账').protection.unprotect();
        await c.sync();
      })
      .catch((e) => e);
    expect(unlocking.debugInfo.errorLocation).toBe('WorksheetProtection.unprotect');
    const { ledger, location } = await read(sim);
    const before = sim.snapshot();
    expect(await sim.runExcel((c) => isSheetProtected(c, location))).toEqual({
      protected: true,
      byAddIn: false,
    });
    const error = await sim
      .runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, false))
      .catch((e) => e);
    expect(error.code).toBe('NotOurProtection');
    expect(describeError(error).zh).toContain('撤销工作表保护');
    expect(changedPaths(before, sim.snapshot())).toEqual([]);
    expect(sim.sheet('任务台账').protection.options).toEqual({ allowFormatCells: true });
  });
});

describe('writeSummarySheets', () => {
  async function summaryOf(sim: ExcelSim, units: string[] = []) {
    const { ledger } = await read(sim);
    return summarySheets(summarize(ledger, { asOf }), { units });
  }

  it('writes the sheets in three syncs, remembers them, and replaces them next time', async () => {
    const sim = await withLedger();
    sim.userEdit('任务台账', 'D4:D6', [['已完成'], ['已完成'], ['滞后']]);
    const specs = await summaryOf(sim, ['双辽市人民政府']);
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => writeSummarySheets(c, specs, { supports: ALL_SETS })),
    );
    expect(syncs).toBe(3);
    expect(result.sheets.map((s) => s.name)).toEqual(['汇总-总体', '汇总-滞后逾期', '汇总-双辽市人民政府']);
    const overview = sim.values('汇总-总体');
    expect(overview[0][0]).toBe('四平市现代职业教育重点工作任务推进情况汇总（截至2026年11月28日）');
    expect(overview.find((r) => r[0] === '已完成')?.[1]).toBe(2);
    expect(overview.find((r) => r[0] === '合计')?.[1]).toBe(40);
    expect(sim.sheet('汇总-总体').charts.map((c) => c.type)).toEqual(['ColumnClustered', 'BarStacked']);
    // Units read top-down in the bar chart as in the table beside it.
    expect(sim.sheet('汇总-总体').charts.map((c) => c.reversePlotOrder ?? false)).toEqual([false, true]);
    expect(sim.state.settings.get(SUMMARY_SETTING)).toHaveLength(3);
    expect(sim.state.activeSheet().name).toBe('汇总-总体');

    const again = await sim.runExcel((c) => writeSummarySheets(c, specs.slice(0, 2), { supports: ALL_SETS }));
    expect(again.replaced).toBe(3);
    expect(sim.state.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      '任务台账',
      '单位名录',
      '指标',
      '汇总-总体',
      '汇总-滞后逾期',
    ]);
  });

  it("leaves a user's sheet with a colliding name alone and takes a free name", async () => {
    const sim = await withLedger();
    await sim.run(async (c) => {
      c.workbook.worksheets.add('汇总-总体').getRange('A1').values = [['我的汇总']];
      await c.sync();
    });
    const result = await sim.runExcel(async (c) =>
      writeSummarySheets(c, await Promise.resolve(await summaryOf(sim)), { supports: ALL_SETS }),
    );
    expect(result.sheets[0].name).toBe('汇总-总体(2)');
    expect(sim.values('汇总-总体')).toEqual([['我的汇总']]);
    await sim.runExcel(async (c) => writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }));
    expect(sim.values('汇总-总体')).toEqual([['我的汇总']]);
  });

  it('copes with a summary sheet the user deleted', async () => {
    const sim = await withLedger();
    await sim.runExcel(async (c) => writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }));
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('汇总-总体').delete();
      await c.sync();
    });
    const result = await sim.runExcel(async (c) =>
      writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }),
    );
    expect(result.replaced).toBe(1);
    expect(sim.state.sheets.map((s) => s.name)).toContain('汇总-总体');
  });

  /** Every sheet other than the ones named, exactly as it was: the "nothing lost" check. */
  function expectUntouched(
    before: ReturnType<ExcelSim['snapshot']>,
    sim: ExcelSim,
    except: (name: string) => boolean,
  ) {
    const after = sim.snapshot();
    for (const sheet of before.sheets.filter((x) => !except(x.name))) {
      expect(after.sheets.find((x) => x.id === sheet.id)).toEqual(sheet);
    }
    expect(after.tables).toEqual(before.tables);
  }

  it('keeps a summary sheet the user renamed to archive it, with the note added to it', async () => {
    const sim = await withLedger();
    await sim.runExcel(async (c) => writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }));
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('汇总-滞后逾期');
      sheet.name = '十月滞后清单';
      sheet.getRange('A30').values = [['已报送市政府']];
      await c.sync();
    });
    const before = sim.snapshot();
    const result = await sim.runExcel(async (c) =>
      writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }),
    );
    expect(result.kept).toEqual([{ name: '十月滞后清单', reason: 'renamed' }]);
    expect(result.replaced).toBe(1);
    expect(sim.values('十月滞后清单')[29][0]).toBe('已报送市政府');
    expect(result.sheets.map((x) => x.name)).toEqual(['汇总-总体', '汇总-滞后逾期']);
    expectUntouched(before, sim, (name) => name.startsWith('汇总-'));
    // The kept sheet is the user's for good: a third run leaves it too.
    const third = await sim.runExcel(async (c) =>
      writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }),
    );
    expect(third.kept).toEqual([]);
    expect(sim.values('十月滞后清单')[29][0]).toBe('已报送市政府');
  });

  it('keeps a summary sheet the user edited in place, and takes a free name beside it', async () => {
    const sim = await withLedger();
    await sim.runExcel(async (c) => writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }));
    sim.userEdit('汇总-总体', 'F3', [['备注：数据已核对']]);
    const before = sim.snapshot();
    const result = await sim.runExcel(async (c) =>
      writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }),
    );
    expect(result.kept).toEqual([{ name: '汇总-总体', reason: 'edited' }]);
    expect(result.sheets.map((x) => x.name)).toEqual(['汇总-总体(2)', '汇总-滞后逾期']);
    expectUntouched(before, sim, (name) => name !== '汇总-总体');
    expect(sim.snapshot().sheets.find((x) => x.name === '汇总-总体')).toEqual(
      before.sheets.find((x) => x.name === '汇总-总体'),
    );
  });

  it('keeps a summary sheet the user turned into the ledger, table and all', async () => {
    const sim = await withLedger();
    await sim.runExcel(async (c) => writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }));
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('汇总-滞后逾期').tables.add('A20:B21', true).name = 'MyTable';
      await c.sync();
    });
    const before = sim.snapshot();
    const result = await sim.runExcel(async (c) =>
      writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }),
    );
    expect(result.kept).toEqual([{ name: '汇总-滞后逾期', reason: 'table' }]);
    expect(sim.state.tables.map((x) => x.name)).toContain('MyTable');
    expectUntouched(before, sim, (name) => name.startsWith('汇总-') && name !== '汇总-滞后逾期');
  });

  it('keeps sheets recorded without a fingerprint (made by an earlier version): it cannot prove them untouched', async () => {
    const sim = await withLedger();
    await sim.runExcel(async (c) => writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }));
    const records = sim.state.settings.get(SUMMARY_SETTING) as { fingerprint?: string }[];
    sim.state.settings.set(
      SUMMARY_SETTING,
      records.map(({ fingerprint: _, ...rest }) => rest),
    );
    const result = await sim.runExcel(async (c) =>
      writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }),
    );
    expect(result.replaced).toBe(0);
    expect(result.kept.map((k) => k.reason)).toEqual(['edited', 'edited']);
  });

  it('keeps the record of summary sheets a co-author made while these were written (issue 23, item 11)', async () => {
    const sim = await withLedger();
    const specs = await summaryOf(sim);
    await sim.runExcel((c) => writeSummarySheets(c, specs, { supports: ALL_SETS }));
    const theirs = { id: '{their-sheet}', name: '汇总-他人', kind: 'overview', fingerprint: 'f' };
    await between(
      sim,
      () =>
        sim.state.settings.set(SUMMARY_SETTING, [
          ...(sim.state.settings.get(SUMMARY_SETTING) as unknown[]),
          theirs,
        ]),
      (c) => writeSummarySheets(c, specs, { supports: ALL_SETS }),
    );
    const records = sim.state.settings.get(SUMMARY_SETTING) as { id: string }[];
    expect(records).toContainEqual(theirs);
    expect(records).toHaveLength(specs.length + 1);
  });

  it('prints each summary with the footer of 设置’s 制表单位, and starts the overview’s unit table on a page of its own (ExcelApi 1.9)', async () => {
    const sim = await withLedger();
    await sim.runExcel((c) => saveSender(c, '市政府督查室 & 市教育局'));
    const options = { asOf, request: { overview: true, behind: true }, supports: ALL_SETS };
    await generateSummaries((batch) => sim.runExcel(batch), options);
    for (const name of ['汇总-总体', '汇总-滞后逾期'])
      expect(sim.sheet(name).pageLayout).toMatchObject({
        orientation: 'Landscape',
        paperSize: 'A4',
        footer: {
          left: '制表单位：市政府督查室 && 市教育局',
          center: '第 &P 页 共 &N 页',
          right: '截至2026年11月28日',
        },
      });
    const overview = sim.values('汇总-总体');
    const unitHeader = overview.findIndex((r) => r[0] === '责任单位');
    const indicators = overview.findIndex((r) => String(r[0]).startsWith('量化指标完成情况'));
    expect(sim.sheet('汇总-总体').pageLayout.rowBreaks).toEqual([unitHeader, indicators]);
    expect(sim.sheet('汇总-滞后逾期').pageLayout.rowBreaks).toEqual([]);
    // Below ExcelApi 1.9 no page setup is written; the summaries are made all the same.
    const older = await withLedger();
    await generateSummaries((batch) => older.runExcel(batch), { ...options, supports: UP_TO_1_8 });
    expect(older.sheet('汇总-总体').pageLayout.footer).toEqual({ left: '', center: '', right: '' });
    expect(older.values('汇总-总体')[0][0]).toBe(overview[0][0]);
  });

  it('says when the ledger was edited while the summaries were made (they show it as it was read)', async () => {
    const sim = await withLedger();
    const options = { asOf, request: { overview: true, behind: false }, supports: ALL_SETS };
    const quiet = await generateSummaries((batch) => sim.runExcel(batch), options);
    expect(quiet.editedMeanwhile).toBe(false);
    const edited = await generateSummaries(
      (batch) => between(sim, () => sim.userEdit('任务台账', 'D4', [['已完成']]), batch),
      options,
    );
    expect(edited.editedMeanwhile).toBe(true);
    expect(sim.values('汇总-总体').find((r) => r[0] === '已完成')?.[1]).toBe(0);
  });

  it('removes the sheets it added when Excel refuses part-way, and says so without claiming nothing changed', async () => {
    const sim = await withLedger();
    const specs = await summaryOf(sim);
    const before = sim.state.sheets.map((x) => x.name);
    // A co-author makes a sheet of the name the second summary takes, just before the write.
    const error = await between(
      sim,
      () =>
        void sim.run(async (c) => {
          c.workbook.worksheets.add('汇总-滞后逾期');
          await c.sync();
        }),
      (c) => writeSummarySheets(c, specs, { supports: ALL_SETS }),
    ).catch((e) => e);
    await new Promise((resolve) => setImmediate(resolve));
    expect(error.code).toBe('SummariesFailed');
    expect(describeError(error).zh).toMatch(/^汇总表未能生成：.*本次新建的汇总表已删除/u);
    expect(describeError(error).zh).not.toContain('数据未被更改');
    expect(sim.state.sheets.map((x) => x.name)).toEqual([...before, '汇总-滞后逾期']);
  });

  it('regenerates a sheet whose name is 31 characters long (its temporary name stays within Excel’s limit)', async () => {
    const sim = await withLedger();
    const [overview] = await summaryOf(sim);
    const long = { ...overview, name: `汇总-${'四平市某某某某职业技术学院'.repeat(3)}`.slice(0, 31) };
    await sim.runExcel((c) => writeSummarySheets(c, [long], { supports: ALL_SETS }));
    const again = await sim.runExcel((c) => writeSummarySheets(c, [long], { supports: ALL_SETS }));
    expect(again.replaced).toBe(1);
    expect(sim.state.sheets.map((x) => x.name)).toContain(long.name);
  });

  it('replaces untouched sheets in three syncs: look; check and write; replace and remember', async () => {
    const sim = await withLedger();
    await sim.runExcel(async (c) => writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }));
    const specs = await summaryOf(sim);
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => writeSummarySheets(c, specs, { supports: ALL_SETS })),
    );
    expect(syncs).toBe(3);
    expect(result).toMatchObject({ replaced: 2, kept: [] });
  });

  it('writes task text that looks like a formula as text', async () => {
    const sim = await withLedger();
    sim.userEdit('任务台账', 'D4', [['滞后']]);
    await sim.run(async (c) => {
      const cell = c.workbook.worksheets.getItem('任务台账').getRange('H4');
      cell.values = [['=HYPERLINK("http://evil","点我")']];
      await c.sync();
    });
    await sim.runExcel(async (c) => writeSummarySheets(c, await summaryOf(sim), { supports: ALL_SETS }));
    const behind = sim.sheet('汇总-滞后逾期');
    const formulas = [...behind.cells.values()].filter((cell) => cell.formula !== null);
    expect(formulas).toEqual([]);
    expect(sim.values('汇总-滞后逾期').flat()).toContain('=HYPERLINK("http://evil","点我")');
  });
});

describe('watchWorkbook', () => {
  /** What the pane hears, in words: the table by name, a sheet deleted, a table added. */
  async function listen(sim: ExcelSim, supports: ApiSupport = ALL_SETS) {
    const seen: string[] = [];
    const names = new Map(sim.state.tables.map((t) => [t.id, t.name]));
    const watch = await sim.runExcel((c) =>
      watchWorkbook(
        c,
        (s) =>
          seen.push(
            s.kind === 'table'
              ? `${names.get(s.tableId) ?? 'new table'} ${s.address}${s.valueAfter === undefined ? '' : ` → ${String(s.valueAfter)}`}`
              : s.kind === 'tableDeleted'
                ? `deleted ${s.tableName}`
                : s.kind,
          ),
        supports,
      ),
    );
    return { seen, watch };
  }

  it('reports each table change with its table, block and (for one cell, ExcelApi 1.9) its new value', async () => {
    const sim = await withLedger();
    const { seen } = await listen(sim);
    sim.userEdit('任务台账', 'D4', [['已完成']]);
    sim.userEdit('单位名录', 'B2', [['教育局']]);
    sim.userEdit('任务台账', 'A1', [['标题改了']]);
    sim.userEdit('任务台账', 'E4:E5', [[50], [60]]);
    await eventsDelivered();
    expect(seen).toEqual(['TaskLedger D4 → 已完成', 'UnitDirectory B2 → 教育局', 'TaskLedger E4:E5']);
    const { location } = await read(sim);
    seen.length = 0;
    await sim.runExcel((c) => selectCell(c, location, 3, 3));
    await eventsDelivered();
    expect(seen).toEqual(['selection', 'selection']);
  });

  it('gives no value below ExcelApi 1.9, and hears no table added or deleted there', async () => {
    const sim = await withLedger();
    const { seen } = await listen(sim, UP_TO_1_8);
    sim.userEdit('任务台账', 'D4', [['已完成']]);
    await sim.run(async (c) => {
      c.workbook.tables.getItem('StatusList').convertToRange();
      await c.sync();
    });
    await eventsDelivered();
    expect(seen).toEqual(['TaskLedger D4']);
  });

  it('hears a sheet deleted, a table deleted or added, a ledger made again; and is silent once removed', async () => {
    const sim = await withLedger();
    const { seen, watch } = await listen(sim);
    await sim.run(async (c) => {
      c.workbook.tables.getItem('StatusList').convertToRange();
      c.workbook.worksheets.getItem('任务台账').delete();
      await c.sync();
    });
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    await eventsDelivered();
    expect(seen.slice(0, 3)).toEqual(['deleted StatusList', 'sheetDeleted', 'tableAdded']);
    seen.length = 0;
    sim.userEdit('任务台账', 'D4', [['已完成']]);
    await eventsDelivered();
    expect(seen).toEqual(['new table D4 → 已完成']);
    await stopWatching((context, batch) => sim.runIn(context, batch), watch);
    sim.userEdit('任务台账', 'D5', [['已完成']]);
    await eventsDelivered();
    expect(seen).toEqual(['new table D4 → 已完成']);
  });
});

describe('self-test', () => {
  it('passes every step on excel-sim, cleans up and brings the user’s sheet back', async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      c.workbook.worksheets.add('我的表').activate();
      await c.sync();
    });
    const steps = await runSelfTest((batch) => sim.runExcel(batch), ALL_SETS);
    expect(steps.map((s) => [s.id, s.ok])).toEqual([
      ['reference', true],
      ['create', true],
      ['read', true],
      ['validate', true],
      ['filter', true],
      ['status', true],
      ['protected', true],
      ['statusList', true],
      ['merged', true],
      ['text', true],
      ['summary', true],
      ['snapshotFiltered', true],
      ['protectedDropdown', true],
      ['movedActual', true],
      ['cellEdit', true],
      ['planPart', true],
      ['planActive', true],
      ['cleanup', true],
    ]);
    expect(sim.state.sheets.map((s) => s.name)).toEqual(['Sheet1', '我的表']);
    expect(sim.state.activeSheet().name).toBe('我的表');
    expect(sim.state.tables).toEqual([]);
  });

  it('reports the failing step', async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').values = [['x'], ['y']];
      c.workbook.worksheets.getItem('Sheet1').tables.add('A1:A2', true).name = 'TaskLedgerSelfTest';
      await c.sync();
    });
    const steps = await runSelfTest((batch) => sim.runExcel(batch), ALL_SETS);
    expect(steps[1]).toMatchObject({ id: 'create', ok: false });
    expect(steps[1].detail.zh).toContain('已有任务台账');
  });

  it("fails its first step when this workbook's 单位名录 is gone, naming what is missing", async () => {
    const sim = await withLedger();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('单位名录').delete();
      await c.sync();
    });
    const steps = await runSelfTest((batch) => sim.runExcel(batch), ALL_SETS);
    expect(steps[0]).toMatchObject({ id: 'reference', ok: false });
    expect(steps[0].detail.zh).toContain('状态列表（StatusList）');
    expect(steps[0].detail.en).toContain('status list (StatusList)');
    // The scenario stops there and cleans up.
    expect(steps.map((s) => s.id)).toEqual(['reference', 'cleanup']);
  });
});

it('names the ledger sheet 任务台账', () => {
  expect(LEDGER_SHEET).toBe('任务台账');
});

describe('describeError', () => {
  it.each([
    ['ResponsePayloadSizeLimitExceeded', '5 MB'],
    ['RequestPayloadSizeLimitExceeded', '5 MB'],
    ['MergedRangeConflict', '合并单元格'],
    ['OperationCellsExceedLimit', '单元格超过'],
    ['ItemAlreadyExists', '已存在'],
    ['AccessDenied', '受保护'],
  ])('gives %s its own advice in both languages, not the generic 操作未完成', (code, says) => {
    const text = describeError({ code, message: 'x' });
    expect(text.zh).toContain(says);
    expect(text.zh).not.toContain('操作未完成');
    expect(text.en).not.toContain('did not finish');
  });
});

// Docs review of issue 23 (R3): the docs list no error for WorksheetProtection.unprotect and hosts
// differ (office-js #6784 shows AccessDenied), so a refused lift is known by where it failed.
describe('a refused WorksheetProtection.unprotect', () => {
  it.each(['AccessDenied', 'InvalidArgument', 'InvalidOperation', 'GeneralException'])(
    'is told as someone else’s password whatever the code (%s)',
    (code) => {
      const error = { code, message: 'x', debugInfo: { errorLocation: 'WorksheetProtection.unprotect' } };
      expect(describeError(error, 'WorksheetProtection.unprotect').zh).toContain('已由他人设置密码保护');
      expect(describeError(error, 'WorksheetProtection.unprotect').zh).toContain('数据未被更改');
    },
  );

  it('is not claimed for the same code failing elsewhere', () => {
    const error = { code: 'AccessDenied', message: 'x', debugInfo: { errorLocation: 'Range.values' } };
    expect(describeError(error).zh).not.toContain('密码');
  });
});
