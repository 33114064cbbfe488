import {
  behindSheet,
  makeLedger,
  OFFICIAL_TASKS,
  overviewSheet,
  PRINT_WIDTH,
  safeSheetName,
  summarize,
  summarySheets,
  tasksForUnit,
  unitSheet,
  unitTasks,
  validateLedger,
  type CellValue,
  type SheetSpec,
} from '../../src/ledger';
import { col, HEADER, ledgerWith, officialRows, set } from './fixtures';
import { asOf } from '../asOf';

function sampleLedger() {
  return ledgerWith((r) => {
    for (const no of [1, 2, 3, 4, 5]) set(r, no, 'status', '已完成');
    for (const no of [6, 7]) set(r, no, 'status', '滞后');
    set(r, 7, 'problems', '用地未落实');
    set(r, 8, 'status', '未启动');
    set(r, 9, 'status', '');
    set(r, 10, 'deadline', '2026年6月底前');
    set(r, 11, 'deadline', '2026年底前');
    set(r, 11, 'progress', 10);
    set(r, 12, 'deadline', '2026年底前');
    set(r, 12, 'progress', 75);
  });
}

describe('summarize', () => {
  const model = summarize(sampleLedger(), { asOf });

  it('counts tasks by status, with shares, 完成率 and the rest', () => {
    expect(model.total).toBe(40);
    expect(model.byStatus.map((s) => [s.status, s.count])).toEqual([
      ['未启动', 1],
      ['序时推进', 31],
      ['滞后', 2],
      ['已完成', 5],
    ]);
    expect(model.otherStatus).toBe(1);
    expect(model.completed).toBe(5);
    expect(model.completionRate).toBeCloseTo(5 / 40);
    expect(model.byStatus[3].share).toBeCloseTo(0.125);
  });

  it('counts overdue tasks and lights', () => {
    expect(model.overdue).toBe(1);
    expect(model.lights.red).toBe(2);
    expect(model.lights.done).toBe(5);
    // Two marked 滞后 with no 进度 are yellow by their status, one by 进度.
    expect(model.lights.yellow).toBe(3);
    expect(model.lights.green).toBe(0);
    expect(Object.values(model.lights).reduce((a, b) => a + b, 0)).toBe(40);
  });

  it('lists tasks behind schedule or overdue', () => {
    expect(model.behind.map((b) => [b.no, b.overdue, b.light])).toEqual([
      [6, false, 'yellow'],
      [7, false, 'yellow'],
      [10, true, 'red'],
      [11, false, 'red'],
      [12, false, 'yellow'],
    ]);
    expect(model.behind[1].problems).toBe('用地未落实');
    expect(model.behind[0].lead).toBe('市教育局');
  });

  it('has one row per unit, ordered departments, governments, schools, collectives', () => {
    const kinds = model.units.map((u) => u.kind);
    const order = ['department', 'government', 'school', 'collective'];
    expect([...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(kinds);
    const shuangliao = model.units.find((u) => u.name === '双辽市人民政府');
    expect(shuangliao?.total).toBe(tasksForUnit(OFFICIAL_TASKS, '双辽市人民政府').length);
    expect((shuangliao?.led ?? 0) + (shuangliao?.joined ?? 0)).toBe(shuangliao?.total);
    const edu = model.units.find((u) => u.name === '市教育局');
    expect(edu?.byStatus.reduce((a, b) => a + b, 0)).toBe((edu?.total ?? 0) - (edu?.other ?? 0));
    expect(model.units.find((u) => u.name === '铁东区人民政府')?.total).toBe(3);
  });

  it("gives a unit's own task list", () => {
    expect(unitTasks(model, '市总工会').map((t) => t.no)).toEqual([24]);
  });
});

const texts = (spec: SheetSpec) => spec.rows.map((r) => r.cells.map((c) => c.value));

describe('official tasks absent from the ledger (issue 21, item 8)', () => {
  const notes = (spec: SheetSpec) =>
    spec.rows.flatMap((r) => r.cells.map((c) => String(c.value))).filter((v) => v.startsWith('台账缺少'));

  it('names deleted tasks and a task whose text stands under the table, on every summary sheet', () => {
    const rows = officialRows();
    const [moved] = rows.splice(8, 1); // task 9 cut out of the table and pasted two rows below it
    rows.splice(8, 2); // tasks 10 and 11 deleted
    // Task 12 with a clause added is still task 12 (item 5), not absent.
    rows[8][col('task')] = OFFICIAL_TASKS[11].task.replace(/。$/u, '，并建立工作专班。');
    const below: CellValue[][] = [HEADER.map(() => ''), moved, HEADER.map(() => '')];
    const ledger = makeLedger({ header: HEADER, rows, below });
    const place = { headerRow: 2, firstColumn: 0 };
    const model = summarize(ledger, { asOf, place });
    expect(model.absent).toEqual([
      { no: 9, task: OFFICIAL_TASKS[8].task, outside: 'B42' },
      { no: 10, task: OFFICIAL_TASKS[9].task, outside: null },
      { no: 11, task: OFFICIAL_TASKS[10].task, outside: null },
    ]);
    const note = '台账缺少正式任务：第9、10、11项。第9项的文本在表格下方的B42，不在台账表格内，未计入统计。';
    for (const sheet of [overviewSheet(model), behindSheet(model), unitSheet(model, '市教育局')])
      expect(notes(sheet)).toEqual([note]);
    // The 校验 tab says the same of task 9.
    const missing = validateLedger(ledger, { asOf, place }).filter((f) => f.rule === 'official.missingTask');
    expect(missing.map((f) => f.message.zh)).toEqual([
      '台账中没有第9项任务（探索“固定岗＋流动岗”的…）：其文本在表格下方的 B42，不在台账表格内，请移回表格',
      expect.stringMatching(/^台账中没有第10项任务（/u),
      expect.stringMatching(/^台账中没有第11项任务（/u),
    ]);
  });

  it('says nothing for a unit’s own subset of the plan, or a whole ledger', () => {
    expect(summarize(ledgerWith(), { asOf }).absent).toEqual([]);
    const subset = makeLedger({ header: HEADER, rows: officialRows().slice(0, 8) });
    expect(summarize(subset, { asOf }).absent).toEqual([]);
    expect(notes(overviewSheet(summarize(subset, { asOf })))).toEqual([]);
  });
});

describe('sheet specs', () => {
  const model = summarize(sampleLedger(), { asOf });

  it('titles the overview with the as-of date and puts totals that add up', () => {
    const spec = overviewSheet(model);
    expect(spec.title).toBe('四平市现代职业教育重点工作任务推进情况汇总（截至2026年11月28日）');
    expect(spec.rows[0].merge).toBe(true);
    expect(spec.rows[0].cells[0].style).toBe('title');
    const rows = texts(spec);
    const total = rows.find((r) => r[0] === '合计');
    expect(total?.[1]).toBe(40);
    const totalRow = spec.rows.find((r) => r.cells[0]?.value === '合计');
    expect(totalRow?.cells[2]).toEqual({ value: 1, style: 'totalPercent' });
    expect(rows.find((r) => r[0] === '已完成')?.[1]).toBe(5);
    expect(rows.find((r) => r[0] === '完成率')?.[1]).toBeCloseTo(0.125);
    expect(spec.print).toEqual({ orientation: 'Landscape', fitToPagesWide: 1, footer: { unit: '', asOf } });
    expect(spec.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PRINT_WIDTH);
    for (const row of spec.rows) expect(row.cells.length).toBeLessThanOrEqual(spec.widths.length);
  });

  it('points its charts at the status block and the unit block', () => {
    const spec = overviewSheet(model);
    const [status, units] = spec.charts;
    expect(spec.rows[status.data.row].cells[0].value).toBe('状态');
    expect(status.data.rowCount).toBe(6); // header, four statuses, 未填写或不规范
    expect(spec.rows[units.data.row].cells.slice(0, 5).map((c) => c.value)).toEqual([
      '责任单位',
      '未启动',
      '序时推进',
      '滞后',
      '已完成',
    ]);
    expect(units.data.rowCount).toBe(model.units.length + 1);
  });

  it('lists behind-schedule tasks with a repeated header row', () => {
    const spec = behindSheet(model);
    expect(spec.title).toContain('滞后及逾期任务清单（截至2026年11月28日）');
    expect(spec.rows[spec.headerRows[0]].cells[0].value).toBe('序号');
    const data = spec.rows.slice(spec.headerRows[0] + 1);
    expect(data.map((r) => r.cells[0].value)).toEqual([6, 7, 10, 11, 12]);
    expect(data[2].cells[5]).toEqual({ value: '逾期', style: 'red' });
  });

  it('says so when nothing is behind', () => {
    const clean = summarize(ledgerWith(), { asOf });
    const spec = behindSheet(clean);
    expect(spec.rows[spec.rows.length - 1].cells[0].value).toContain('无滞后或逾期任务');
  });

  it("makes a unit's own sheet with its role in each task", () => {
    const spec = unitSheet(model, '双辽市人民政府');
    expect(spec.name).toBe('汇总-双辽市人民政府');
    const data = spec.rows.slice(spec.headerRows[0] + 1);
    expect(data).toHaveLength(16);
    expect(data.find((r) => r.cells[0].value === 19)?.cells[3].value).toBe('牵头');
    // The word the form and the mail use for a task reached through a 统称.
    expect(data.find((r) => r.cells[0].value === 2)?.cells[3].value).toBe('牵头（集体任务）');
    expect(data.find((r) => r.cells[0].value === 3)?.cells[3].value).toBe('配合（集体任务）');
  });

  it('makes the requested set', () => {
    expect(summarySheets(model, {}).map((s) => s.kind)).toEqual(['overview', 'behind']);
    expect(
      summarySheets(model, { overview: false, behind: false, units: ['市教育局', '市总工会'] }).map(
        (s) => s.name,
      ),
    ).toEqual(['汇总-市教育局', '汇总-市总工会']);
  });

  it('makes sheet names Excel accepts', () => {
    expect(safeSheetName('汇总-a/b:c?d*e[f]')).toBe('汇总-a_b_c_d_e_f_');
    expect(Array.from(safeSheetName(`汇总-${'很长的单位名称'.repeat(10)}`))).toHaveLength(31);
    expect(safeSheetName("''")).toBe('汇总');
  });
});
