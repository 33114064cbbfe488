// The rules the pane used to carry itself, now in the core: which tasks a choice of units
// reaches, how findings are grouped, a date input's value, and blocks of cells.
import {
  blockAround,
  blockContains,
  blockOf,
  dayFromIso,
  dayOf,
  groupFindings,
  isoDate,
  ledgerTasks,
  makeLedger,
  OFFICIAL_TASKS,
  tasksForUnit,
  tasksReaching,
  unitsToOffer,
  isCollective,
  unitsWithTasks,
  validateLedger,
} from '../../src/ledger';
import { asOf } from '../asOf';
import { HEADER as header, officialRows } from './fixtures';

describe('tasksReaching', () => {
  const tasks = ledgerTasks(makeLedger({ header, rows: officialRows() }), { asOf });

  it('agrees with tasksForUnit on the plan, unit by unit and for a choice of two', () => {
    for (const unit of ['双辽市人民政府', '市总工会', '市教育局']) {
      expect(tasksReaching(tasks, [unit]).map((t) => t.no)).toEqual(tasksForUnit(OFFICIAL_TASKS, unit));
    }
    const both = new Set([
      ...tasksForUnit(OFFICIAL_TASKS, '市总工会'),
      ...tasksForUnit(OFFICIAL_TASKS, '市妇联'),
    ]);
    expect(tasksReaching(tasks, ['市总工会', '市妇联']).map((t) => t.no)).toEqual(
      [...both].sort((a, b) => a - b),
    );
  });

  it('keeps sheet order, lists a repeated 序号 once, and leaves unnumbered rows out', () => {
    const rows = officialRows();
    const swapped = [rows[23], rows[0], rows[23].map((v, i) => (i === 0 ? null : v))];
    const some = ledgerTasks(makeLedger({ header, rows: [...swapped, rows[23]] }), { asOf });
    expect(tasksReaching(some, ['市总工会']).map((t) => [t.no, t.row])).toEqual([[24, 0]]);
    expect(tasksReaching(some, [])).toEqual([]);
  });
});

describe('units to offer files for', () => {
  const tasks = ledgerTasks(makeLedger({ header, rows: officialRows() }), { asOf });

  it('are the picked units, else every unit that leads or joins a task', () => {
    expect(unitsToOffer(['市总工会'], tasks)).toEqual({ units: ['市总工会'], collectives: [] });
    const all = unitsWithTasks(tasks);
    const offered = unitsToOffer([], tasks).units;
    expect(offered).toEqual(all.filter((unit) => !isCollective(unit)));
    expect(offered).toContain('双辽市人民政府');
    for (const unit of offered) expect(tasksForUnit(OFFICIAL_TASKS, unit).length).toBeGreaterThan(0);
  });

  it('leave out the 统称, which are no mailboxes: a picked one is named and its members stand in', () => {
    const all = unitsWithTasks(tasks);
    expect(all.filter((unit) => isCollective(unit))).toEqual([
      '各县（市）人民政府',
      '各县（市）区人民政府',
      '各级人民政府',
      '各职业学校',
      '相关职业学校',
    ]);
    expect(unitsToOffer(['各县（市）人民政府', '双辽市人民政府'], tasks)).toEqual({
      units: ['梨树县人民政府', '伊通满族自治县人民政府', '双辽市人民政府'],
      collectives: ['各县（市）人民政府'],
    });
    // 相关职业学校 names no member in the directory: nothing to send, and it is said.
    expect(unitsToOffer(['相关职业学校'], tasks)).toEqual({ units: [], collectives: ['相关职业学校'] });
  });
});

describe('groupFindings', () => {
  const rows = officialRows();
  rows[1][3] = '完成';
  rows[1][4] = 'abc';
  rows[6][0] = null;
  const ledger = makeLedger({
    header: [...header.slice(0, 10), '状态'],
    rows: rows.map((r) => [...r.slice(0, 10), '']),
  });
  const place = { headerRow: 2, firstColumn: 0 };
  const tasks = ledgerTasks(ledger, { asOf, place });
  const findings = validateLedger(ledger, { asOf, place }, tasks);

  it('by task: the header, then each task under its number and text, then rows without a number under their sheet row', () => {
    const groups = groupFindings(findings, 'task', tasks, place);
    const titles = groups.map((g) => g.title.zh);
    expect(titles).toContain('标题行');
    expect(titles).toContain(`2 ${Array.from(OFFICIAL_TASKS[1].task).slice(0, 14).join('')}…`);
    expect(titles.some((t) => t.startsWith('第10行 '))).toBe(true);
    expect(
      groups
        .find((g) => g.title.zh.startsWith('2 '))
        ?.findings.map((f) => f.rule)
        .sort(),
    ).toEqual(
      findings
        .filter((f) => f.taskNo === 2)
        .map((f) => f.rule)
        .sort(),
    );
    expect(groups.flatMap((g) => g.findings)).toHaveLength(findings.length);
  });

  it('by rule: one group per rule, titled by the rule', () => {
    const groups = groupFindings(findings, 'rule', tasks, place);
    expect(new Set(groups.map((g) => g.key)).size).toBe(new Set(findings.map((f) => f.rule)).size);
    expect(groups.flatMap((g) => g.findings)).toHaveLength(findings.length);
    expect(groups.map((g) => g.title.en).every((t) => t.length > 0)).toBe(true);
  });
});

describe('dayFromIso', () => {
  it('is the inverse of isoDate, and refuses what a date input never gives', () => {
    const day = dayOf(2026, 11, 28) as number;
    expect(dayFromIso(isoDate(day))).toBe(day);
    expect(dayFromIso('2026-02-30')).toBeNull();
    expect(dayFromIso('2026/11/28')).toBeNull();
    expect(dayFromIso('')).toBeNull();
  });
});

describe('blocks of cells', () => {
  it('reads addresses with or without a sheet and $ signs', () => {
    expect(blockOf('D27')).toEqual({ row: 26, column: 3, rowCount: 1, columnCount: 1 });
    expect(blockOf("'任务 台账'!$B$5:D7")).toEqual({ row: 4, column: 1, rowCount: 3, columnCount: 3 });
    expect(blockOf('AA1')).toEqual({ row: 0, column: 26, rowCount: 1, columnCount: 1 });
    expect(blockOf('A:A')).toBeNull();
    expect(blockOf('StatusList')).toBeNull();
  });

  it('contains and surrounds', () => {
    const around = blockAround([blockOf('D6')!, blockOf('B7')!])!;
    expect(around).toEqual(blockOf('B6:D7'));
    expect(blockContains(around, blockOf('C6')!)).toBe(true);
    expect(blockContains(around, blockOf('D8')!)).toBe(false);
    expect(blockAround([])).toBeNull();
  });
});
