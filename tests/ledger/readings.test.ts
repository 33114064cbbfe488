// What black-box testing found misread: years typed as numbers, dates shown as serials, 0.5
// meaning 50%, and summaries that disagreed about rows with a bad 序号.
import {
  CELL_STYLES,
  dayOf,
  makeLedger,
  parseDeadline,
  summarize,
  summarySheets,
  unitTasks,
  validateLedger,
  type CellValue,
} from '../../src/ledger';
import { col, HEADER, ledgerWith, officialRows, set } from './fixtures';
import { asOf } from '../asOf';

describe('deadlines typed as years', () => {
  it('reads 2026 as the end of 2026, and 2026.12 as December 2026', () => {
    expect(parseDeadline(2026)).toEqual({ kind: 'date', day: dayOf(2026, 12, 31), precision: 'year' });
    expect(parseDeadline('2026')).toEqual({ kind: 'date', day: dayOf(2026, 12, 31), precision: 'year' });
    expect(parseDeadline(2026.12)).toEqual({ kind: 'date', day: dayOf(2026, 12, 31), precision: 'month' });
    expect(parseDeadline(2027.05)).toEqual({ kind: 'date', day: dayOf(2027, 5, 31), precision: 'month' });
    expect(parseDeadline('2026.12')).toEqual({ kind: 'date', day: dayOf(2026, 12, 31), precision: 'month' });
  });

  it('calls 2026.1 ambiguous (typed 2026.10 arrives as 2026.1) and keeps real serials as dates', () => {
    expect(parseDeadline(2026.1)).toMatchObject({ kind: 'invalid', reason: 'ambiguous-month' });
    expect(parseDeadline(46295)).toEqual({ kind: 'date', day: dayOf(2026, 9, 30), precision: 'day' });
  });

  it('never calls a year overdue in 1905, and hints with dates of this year', () => {
    const findings = validateLedger(
      ledgerWith((r) => {
        set(r, 1, 'deadline', 2026);
        set(r, 2, 'deadline', '下月');
        set(r, 3, 'deadline', 2026.1);
      }),
      { asOf },
    );
    expect(findings.map((f) => f.message.zh).join('\n')).not.toContain('1905');
    expect(findings.filter((f) => f.taskNo === 1)).toEqual([]);
    const hint = findings.find((f) => f.taskNo === 2)?.message.zh;
    expect(hint).toContain('2026年12月底前');
    expect(hint).not.toContain('2025');
    expect(findings.find((f) => f.taskNo === 3)?.message.zh).toContain('1月还是10月');
  });
});

describe('dates shown as dates', () => {
  it('a date cell appears on the behind list and the unit sheet as a date cell in the Chinese date format, whatever its format in the ledger', () => {
    const rows = officialRows();
    set(rows, 1, 'deadline', 46295);
    set(rows, 1, 'status', '滞后');
    set(rows, 1, 'problems', '资金未到位');
    set(rows, 2, 'deadline', 46295);
    set(rows, 2, 'status', '滞后');
    const formats = rows.map((r) => r.map(() => 'General'));
    formats[0][col('deadline')] = 'yyyy-mm-dd';
    formats[1][col('deadline')] = 'yyyy"年"m"月"d"日"';
    const model = summarize(makeLedger({ header: HEADER, rows, formats }), { asOf });
    const specs = summarySheets(model, { overview: true, behind: true, units: ['市教育局'] });
    const cells = specs.flatMap((s) => s.rows.flatMap((r) => r.cells));
    const dated = cells.filter((c) => c.value === 46295);
    // Twice on the behind list, once on 市教育局's sheet (task 1; task 2 is the counties').
    expect(dated).toHaveLength(3);
    for (const c of dated) expect(c.style).toBe('date');
    expect(CELL_STYLES.date.format).toBe('yyyy"年"m"月"d"日"');
    expect(cells.map((c) => c.value)).not.toContain('46295');
  });
});

describe('progress typed as a fraction', () => {
  it('flags 0.5 (and "0.5") in a cell not formatted as a percent, with 50 as the fix', () => {
    const findings = validateLedger(
      ledgerWith((r) => {
        set(r, 1, 'progress', 0.5);
        set(r, 2, 'progress', '0.25');
        set(r, 3, 'progress', 50);
      }),
      { asOf },
    );
    const fraction = findings.filter((f) => f.rule === 'progress.fraction');
    expect(fraction.map((f) => [f.taskNo, f.fix?.value])).toEqual([
      [1, 50],
      [2, 25],
    ]);
    const formats = officialRows().map((r) => r.map(() => 'General'));
    formats[0][col('progress')] = '0%';
    const percentCell = validateLedger(
      ledgerWith((r) => set(r, 1, 'progress', 0.5), formats),
      { asOf },
    );
    expect(percentCell.filter((f) => f.rule === 'progress.fraction')).toEqual([]);
  });
});

describe('one reading of the tasks for every summary', () => {
  function messy(): CellValue[][] {
    const rows = officialRows();
    set(rows, 1, 'status', '已完成');
    set(rows, 2, 'status', '已完成');
    set(rows, 1, 'no', '1'); // text 序号
    rows[3][col('no')] = 3; // task 4 numbered 3: a repeat
    return rows;
  }

  it('overview, per-unit table and unit sheets agree, and the rows left out are listed', () => {
    const model = summarize(makeLedger({ header: HEADER, rows: messy() }), {
      asOf,
      place: { headerRow: 2, firstColumn: 0 },
    });
    expect(model.total).toBe(38);
    expect(model.completed).toBe(1);
    expect(model.leftOut.map((r) => [r.sheetRow, r.reason])).toEqual([
      [4, 'no-number'],
      [7, 'repeated-number'],
    ]);
    for (const u of model.units) {
      const own = unitTasks(model, u.name);
      expect(own).toHaveLength(u.total);
      expect(own.filter((x) => x.done).length).toBe(Math.round(u.completionRate * u.total));
    }
    // A unit's own sheet never lists a row that does not reach it.
    const sheet = summarySheets(model, { overview: false, behind: false, units: ['市发改委'] })[0];
    const listed = sheet.rows
      .filter((r) => typeof r.cells[0]?.value === 'number')
      .map((r) => r.cells[2].value);
    expect(listed.length).toBeGreaterThan(0);
    for (const units of listed) expect(String(units)).toContain('市发改委');
    const overview = summarySheets(model, { overview: true, behind: false })[0];
    const notes = overview.rows.map((r) => String(r.cells[0]?.value ?? ''));
    expect(notes.find((x) => x.startsWith('未计入统计'))).toBe(
      '未计入统计：台账第4行（序号为空或不是正整数）、第7行（序号3，序号与上面的行重复）。请在“校验”中修正序号后重新生成。',
    );
  });
});
