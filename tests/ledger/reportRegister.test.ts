import { dayOf, type Day } from '../../src/ledger/dates';
import { layoutOf } from '../../src/ledger/tableSpec';
import {
  issueRound,
  readRegister,
  recordReturn,
  REGISTER_HEADERS,
  REGISTER_SPEC,
  registerRow,
  reminderSentence,
  reportingSentence,
  roundStatus,
  type RegisterEntry,
} from '../../src/ledger/reportRegister';

/** The value a test knows is there: a missing one fails the test with a sentence. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const day = (m: number, d: number, y = 2026): Day => dayOf(y, m, d) as Day;
const UNITS = ['市教育局', '市财政局', '市人社局', '四平职业大学', '双辽市人民政府'];

/** Applies changes as the Excel layer does: an index replaces that row, null appends. */
function apply(
  entries: RegisterEntry[],
  changes: readonly { index: number | null; entry: RegisterEntry }[],
): RegisterEntry[] {
  const next = [...entries];
  for (const c of changes)
    if (c.index === null) next.push(c.entry);
    else next[c.index] = c.entry;
  return next;
}

describe('a round: five units asked, two report (one late), three do not', () => {
  let entries: RegisterEntry[] = [];
  entries = apply(
    entries,
    issueRound(entries, { asOf: day(11, 30), returnBy: day(12, 7), units: UNITS, today: day(12, 1) }),
  );
  entries = apply(entries, [
    recordReturn(entries, {
      asOf: day(11, 30),
      returnBy: day(12, 7),
      unit: '市教育局',
      on: day(12, 4),
      file: '市教育局.xlsx',
    }),
  ]);
  entries = apply(entries, [
    recordReturn(entries, {
      asOf: day(11, 30),
      returnBy: day(12, 7),
      unit: '市财政局',
      on: day(12, 9),
      file: '市财政局.xlsx',
    }),
  ]);

  it('counts on time, late, waiting and overdue', () => {
    const before = roundStatus(entries, day(12, 5));
    expect(before?.counts).toEqual({ 'on-time': 1, late: 1, waiting: 3, overdue: 0 });
    const after = roundStatus(entries, day(12, 10));
    expect(after?.counts).toEqual({ 'on-time': 1, late: 1, waiting: 0, overdue: 3 });
    expect(after?.units.find((u) => u.unit === '市财政局')).toMatchObject({ state: 'late', days: 2 });
    expect(after?.units.find((u) => u.unit === '市人社局')).toMatchObject({ state: 'overdue', days: 3 });
  });

  it('says who has not reported in one sentence', () => {
    expect(reportingSentence(must(roundStatus(entries, day(12, 10))))).toBe(
      '本期应报5个单位，已报2个（其中逾期报送1个），逾期未报：市人社局、四平职业大学、双辽市人民政府。',
    );
    expect(reportingSentence(must(roundStatus(entries, day(12, 5))))).toBe(
      '本期应报5个单位，已报2个（其中逾期报送1个），3个单位尚在报送期限内（2026年12月7日截止）。',
    );
  });

  it('a second return is counted, its first day stands', () => {
    const again = recordReturn(entries, {
      asOf: day(11, 30),
      returnBy: day(12, 7),
      unit: '市教育局',
      on: day(12, 8),
      file: '市教育局（更正）.xlsx',
    });
    expect(again.index).toBe(0);
    expect(again.entry).toMatchObject({ receivedOn: day(12, 4), returns: 2, file: '市教育局（更正）.xlsx' });
  });

  it('a return from a unit the round did not ask is kept, not owed', () => {
    const stray = recordReturn(entries, {
      asOf: day(11, 30),
      returnBy: day(12, 7),
      unit: '市民政局',
      on: day(12, 6),
      file: 'x.xlsx',
    });
    expect(stray.index).toBeNull();
    const status = roundStatus(apply(entries, [stray]), day(12, 10));
    expect(status?.asked).toBe(5);
    expect(status?.units).toHaveLength(6);
  });

  it('issuing the round again keeps the returns and moves the deadline', () => {
    const changes = issueRound(entries, {
      asOf: day(11, 30),
      returnBy: day(12, 14),
      units: ['市教育局', '市人社局'],
      today: day(12, 10),
    });
    expect(changes.map((c) => [c.index, c.entry.returns, c.entry.returnBy])).toEqual([
      [0, 1, day(12, 14)],
      [2, 0, day(12, 14)],
    ]);
  });

  it('reminders give the deadline and the days left or past', () => {
    const status = roundStatus(entries, day(12, 5));
    const waiting = status?.units.find((u) => u.unit === '市人社局');
    expect(reminderSentence(must(waiting))).toBe(
      '截至2026年11月30日的重点任务推进情况反馈表尚未收到，请于2026年12月7日前报送（还有2天）。反馈表再次附上。',
    );
    const late = roundStatus(entries, day(12, 9))?.units.find((u) => u.unit === '市人社局');
    expect(reminderSentence(must(late))).toContain('报送时限（2026年12月7日）已过2天');
    const today = roundStatus(entries, day(12, 7))?.units.find((u) => u.unit === '市人社局');
    expect(reminderSentence(must(today))).toContain('今天（2026年12月7日）是报送截止日');
  });

  it('the latest round is the one shown', () => {
    const next = apply(
      entries,
      issueRound(entries, {
        asOf: day(12, 31),
        returnBy: day(1, 7, 2027),
        units: ['市教育局'],
        today: day(12, 31),
      }),
    );
    expect(roundStatus(next, day(1, 2, 2027))?.asOf).toBe(day(12, 31));
    expect(roundStatus(next, day(1, 2, 2027), day(11, 30))?.units).toHaveLength(5);
    expect(roundStatus([], day(1, 2, 2027))).toBeNull();
  });

  it('rows written and read back by header, in any column order, with columns added', () => {
    const rows = entries.map((e) => registerRow(e));
    const order = [6, 2, 0, 1, 3, 4, 5];
    const header = [...order.map((i) => REGISTER_HEADERS[i]), '备注'];
    const moved = rows.map((r) => [...order.map((i) => r[i]), '用户的备注']);
    expect(readRegister(header, moved)).toEqual({ entries, rowOf: [0, 1, 2, 3, 4], unreadable: [] });
  });

  it('a row replaced in the office column order keeps the office cells', () => {
    const header = ['备注', ...REGISTER_HEADERS.slice().reverse()];
    const layout = layoutOf(REGISTER_SPEC, header);
    const row = registerRow(entries[0], '1900', layout, ['已电话催报']);
    expect(row[0]).toBe('已电话催报');
    expect(readRegister(header, [row]).entries).toEqual([entries[0]]);
  });

  it('dates typed as text are read; a row without its dates is named', () => {
    const read = readRegister(REGISTER_HEADERS, [
      ['2026年11月30日', '2026-12-07', '市教育局', '', '', '', ''],
      ['', '', '市财政局', '', '', '', ''],
      ['', '', '', '', '', '', ''],
    ]);
    expect(read.entries).toEqual([
      {
        asOf: day(11, 30),
        returnBy: day(12, 7),
        unit: '市教育局',
        issuedOn: null,
        receivedOn: null,
        returns: 0,
        file: '',
      },
    ]);
    expect(read.unreadable).toEqual([{ row: 2, header: '截至日期' }]);
  });
});

describe('a round issued with two 报送截止 dates (stranger’s defect 7)', () => {
  // Three units asked on 12-01 to report by 12-07; two more asked on 12-03 to report by 12-10.
  let entries: RegisterEntry[] = [];
  entries = apply(
    entries,
    issueRound(entries, {
      asOf: day(11, 30),
      returnBy: day(12, 7),
      units: UNITS.slice(0, 3),
      today: day(12, 1),
    }),
  );
  entries = apply(
    entries,
    issueRound(entries, {
      asOf: day(11, 30),
      returnBy: day(12, 10),
      units: UNITS.slice(3),
      today: day(12, 3),
    }),
  );

  it('keeps each deadline with its units, earliest first, not the latest for all', () => {
    expect(must(roundStatus(entries, day(12, 5))).deadlines).toEqual([
      { returnBy: day(12, 7), units: UNITS.slice(0, 3) },
      { returnBy: day(12, 10), units: UNITS.slice(3) },
    ]);
  });

  it('says by when each waiting unit owes its return', () => {
    expect(reportingSentence(must(roundStatus(entries, day(12, 5))))).toBe(
      '本期应报5个单位，已报0个，5个单位尚在报送期限内（市教育局、市财政局、市人社局2026年12月7日截止，四平职业大学、双辽市人民政府2026年12月10日截止）。',
    );
    // Past the first date, the first three are overdue and named; the rest still in time.
    expect(reportingSentence(must(roundStatus(entries, day(12, 8))))).toBe(
      '本期应报5个单位，已报0个，逾期未报：市教育局、市财政局、市人社局。',
    );
  });
});
