// A task its unit reports as 滞后 is never lit green, and ahead of schedule is never a negative
// 落后序时: one rule in the core, the same words on the behind sheet, the unit sheet, the mails and
// the 通报 (a clerk found 滞后 · 绿灯 · 落后序时 -20 on a plan that starts next year).
import {
  behindSheet,
  builtInPlan,
  bulletinOf,
  bulletinText,
  dayOf,
  healthOf,
  leaderMail,
  parseDeadline,
  reportedLag,
  summarize,
  unitMail,
  unitSheet,
  type Day,
  type Plan,
  type SheetSpec,
  type SummaryModel,
} from '../../src/ledger';
import { asOf } from '../asOf';
import { ledgerWith, set } from './fixtures';

const progress = (percent: number) => ({ kind: 'ok', percent, source: 'number' }) as const;

/** The cells of the row whose first cell is task `no`, as values. */
function rowOf(sheet: SheetSpec, no: number): unknown[] {
  const row = sheet.rows.find((r) => r.cells[0]?.value === no && r.cells.length > 2);
  if (!row) throw new Error(`no row for task ${no} on ${sheet.name}`);
  return row.cells.map((c) => c.value);
}

function expectYellowEverywhere(model: SummaryModel, no: number): void {
  const behind = behindSheet(model);
  const header = behind.rows[behind.headerRows[0]].cells.map((c) => c.value);
  const row = rowOf(behind, no);
  expect(row[header.indexOf('状态')]).toBe('滞后');
  expect(row[header.indexOf('预警')]).toBe('黄灯');
  // Ahead of 序时进度: nothing behind it, and never a negative number.
  expect(row[header.indexOf('落后序时(百分点)')]).toBe(0);
  // The sheet says why a task ahead of schedule is yellow.
  expect(String(behind.rows[1].cells[0].value)).toContain('状态为滞后的任务至少为黄灯');

  const lead = model.behind.find((b) => b.no === no)?.lead ?? '';
  const unit = unitSheet(model, lead);
  const unitHeader = unit.rows[unit.headerRows[unit.headerRows.length - 1]].cells.map((c) => c.value);
  expect(rowOf(unit, no)[unitHeader.indexOf('预警')]).toBe('黄灯');

  const mailLine = (text: string) => text.split('\n').find((l) => l.includes(model.tasks[no - 1].task)) ?? '';
  expect(mailLine(leaderMail(model, 'x.xlsx').text)).toMatch(/滞后.*黄灯/u);
  expect(mailLine(unitMail(model, lead, 'x.xlsx').text)).toMatch(/滞后.*黄灯/u);

  const bulletin = bulletinText(bulletinOf(model, { issuer: '', date: model.asOf, nextSteps: [] }));
  expect(bulletin).toContain('状态：滞后；预警：黄灯');
  expect(bulletin).not.toMatch(/绿灯/u);
  expect(bulletin).not.toMatch(/-\d/u);
}

describe('the light of a task reported as 滞后', () => {
  it('is yellow on an imported plan that starts next year, with nothing behind', () => {
    const plan: Plan = { ...builtInPlan(), title: '某市2027年工作要点', start: '2027-01-01' };
    const ledger = ledgerWith((rows) => {
      set(rows, 2, 'deadline', '2027年12月底前');
      set(rows, 2, 'status', '滞后');
      set(rows, 2, 'progress', 20);
    });
    const model = summarize(ledger, { asOf, plan });
    expect(model.tasks[1].health).toMatchObject({ light: 'yellow', behind: 0, expected: 0, reported: true });
    expectYellowEverywhere(model, 2);
  });

  it('is yellow on the built-in plan when 进度 runs ahead of 序时进度', () => {
    const ledger = ledgerWith((rows) => {
      set(rows, 4, 'deadline', '2026-12-31');
      set(rows, 4, 'status', '滞后');
      set(rows, 4, 'progress', 98);
    });
    const model = summarize(ledger, { asOf });
    expect(model.tasks[3].health).toMatchObject({ light: 'yellow', behind: 0, reported: true });
    expectYellowEverywhere(model, 4);
  });

  it('is yellow with no 进度 or an open deadline, and stays red or overdue where time says so', () => {
    const ledger = ledgerWith((rows) => {
      for (const no of [5, 6, 7, 8]) set(rows, no, 'status', '滞后');
      set(rows, 5, 'deadline', '长期坚持');
      set(rows, 6, 'deadline', '2026-12-31');
      set(rows, 7, 'deadline', '2026-12-31');
      set(rows, 7, 'progress', 10);
      set(rows, 8, 'deadline', '2026年10月底前');
      // The same as 6, but 序时推进: time alone decides.
      set(rows, 9, 'deadline', '2026-12-31');
      set(rows, 9, 'progress', 98);
    });
    const lights = summarize(ledger, { asOf }).tasks.map((t) => [t.no, t.health.light, t.health.overdue]);
    expect(lights.slice(4, 9)).toEqual([
      [5, 'yellow', false],
      [6, 'yellow', false],
      [7, 'red', false],
      [8, 'red', true],
      [9, 'green', false],
    ]);
  });
});

describe('落后序时', () => {
  it('is 0, never negative, when 进度 is ahead of 序时进度', () => {
    const day = (y: number, m: number, d: number) => dayOf(y, m, d) as Day;
    const h = healthOf({
      done: false,
      deadline: parseDeadline('2026-12-31'),
      progress: progress(100),
      asOf: day(2026, 7, 1),
    });
    expect(h).toMatchObject({ light: 'green', behind: 0 });
    expect(Object.is(h.behind, -0)).toBe(false);
  });

  it('leaves a light that is already a warning as it is', () => {
    const red = healthOf({ done: false, deadline: parseDeadline('2026-12-31'), progress: progress(0), asOf });
    expect(reportedLag(red, true)).toBe(red);
    const green = healthOf({
      done: false,
      deadline: parseDeadline('2026-12-31'),
      progress: progress(95),
      asOf,
    });
    expect(reportedLag(green, false)).toBe(green);
  });
});
