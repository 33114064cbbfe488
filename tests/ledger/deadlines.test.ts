import {
  chineseDate,
  dayFromSerial,
  dayOf,
  isoDate,
  parseDeadline,
  serialFromDay,
  type Deadline,
} from '../../src/ledger';

const date = (d: Deadline) =>
  d.kind === 'date'
    ? `${isoDate(d.day)}/${d.precision}`
    : d.kind === 'invalid'
      ? `invalid:${d.reason}`
      : d.kind;

describe('Excel serial numbers', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45657, '2024-12-31'],
    [46000, '2025-12-09'],
    [46000.75, '2025-12-09'],
  ])('1900 system: %d is %s', (serial, iso) => {
    expect(isoDate(dayFromSerial(serial) as number)).toBe(iso);
  });

  it("has no date for Excel's phantom 1900-02-29 (serial 60)", () => {
    expect(dayFromSerial(60)).toBeNull();
    expect(date(parseDeadline(60))).toBe('invalid:phantom-1900-02-29');
  });

  it('supports the 1904 system on request', () => {
    expect(isoDate(dayFromSerial(0, '1904') as number)).toBe('1904-01-01');
    expect(dayFromSerial(-1, '1904')).toBeNull();
    expect(isoDate(dayFromSerial(1, '1904') as number)).toBe('1904-01-02');
    expect(isoDate(dayFromSerial(44196, '1904') as number)).toBe('2025-01-01');
  });

  it('round-trips days and serials', () => {
    for (const day of [
      dayOf(1900, 1, 1),
      dayOf(1900, 2, 28),
      dayOf(1900, 3, 1),
      dayOf(1904, 1, 1),
      dayOf(2025, 12, 31),
    ] as number[]) {
      expect(dayFromSerial(serialFromDay(day))).toBe(day);
      if (day >= (dayOf(1904, 1, 1) as number))
        expect(dayFromSerial(serialFromDay(day, '1904'), '1904')).toBe(day);
    }
  });

  it('rejects serials that are not dates', () => {
    expect(dayFromSerial(0)).toBeNull();
    expect(dayFromSerial(-5)).toBeNull();
    expect(dayFromSerial(Number.NaN)).toBeNull();
    expect(date(parseDeadline(-1))).toBe('invalid:not-a-date');
  });
});

describe('parseDeadline', () => {
  it.each([
    ['2025-12-31', '2025-12-31/day'],
    ['2025/12/31', '2025-12-31/day'],
    ['2025/1/5', '2025-01-05/day'],
    ['2025.6.30', '2025-06-30/day'],
    ['2025年12月31日', '2025-12-31/day'],
    ['２０２５年１２月３１日', '2025-12-31/day'],
    ['2025年12月31日前', '2025-12-31/day'],
    ['2025年12月底前', '2025-12-31/month'],
    ['2025年6月底', '2025-06-30/month'],
    ['2024年2月底前', '2024-02-29/month'],
    ['2025年12月', '2025-12-31/month'],
    ['2025年底前', '2025-12-31/year'],
    ['2025年底', '2025-12-31/year'],
    ['2025年末', '2025-12-31/year'],
    ['2025年', '2025-12-31/year'],
    ['2025年上半年', '2025-06-30/half'],
    ['2025年下半年', '2025-12-31/half'],
    [' 2025 年 底前 ', '2025-12-31/year'],
    ['长期', 'open'],
    ['长期坚持', 'open'],
    ['持续推进', 'open'],
    ['年内持续推进', 'open'],
    ['每季度', 'open'],
    ['按月调度', 'open'],
    ['全年', 'open'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['2025-02-30', 'invalid:no-such-date'],
    ['2025年13月底前', 'invalid:no-such-date'],
    ['明年', 'invalid:unrecognized'],
    ['尽快', 'invalid:unrecognized'],
    ['12月底', 'invalid:month-without-year'],
    ['2026年第三季度', '2026-09-30/quarter'],
    ['2026年三季度末', '2026-09-30/quarter'],
    ['2026年第1季度前', '2026-03-31/quarter'],
    ['2026年4季度', '2026-12-31/quarter'],
    ['Q3 2026', '2026-09-30/quarter'],
    ['q2-2026', '2026-06-30/quarter'],
    ['2026Q4', '2026-12-31/quarter'],
    ['2026年第五季度', 'invalid:unrecognized'],
    ['第三季度', 'invalid:unrecognized'],
  ])('%s -> %s', (text, expected) => {
    expect(date(parseDeadline(text))).toBe(expected);
  });

  it('reads 上半年 / 下半年 with the default year, and reports it without one', () => {
    expect(date(parseDeadline('上半年', { defaultYear: 2026 }))).toBe('2026-06-30/half');
    expect(date(parseDeadline('下半年前', { defaultYear: 2026 }))).toBe('2026-12-31/half');
    expect(date(parseDeadline('上半年'))).toBe('invalid:half-year-without-year');
  });

  it('reads a month without a year as the current or the next such month’s end (issue 21, item 10)', () => {
    const on = (y: number, m: number, d: number) => ({ today: dayOf(y, m, d) as number });
    expect(date(parseDeadline('11月底', on(2026, 6, 30)))).toBe('2026-11-30/month');
    expect(date(parseDeadline('11月底', on(2026, 11, 30)))).toBe('2026-11-30/month');
    expect(date(parseDeadline('11月底', on(2026, 12, 1)))).toBe('2027-11-30/month');
    expect(date(parseDeadline('２月底前', on(2027, 1, 15)))).toBe('2027-02-28/month');
    expect(date(parseDeadline('13月底', on(2026, 6, 30)))).toBe('invalid:no-such-date');
  });

  it('treats null and undefined as empty and other types as invalid', () => {
    expect(parseDeadline(null).kind).toBe('empty');
    expect(parseDeadline(undefined).kind).toBe('empty');
    expect(date(parseDeadline(true))).toBe('invalid:not-a-date');
  });

  it('writes Chinese dates', () => {
    expect(chineseDate(dayOf(2026, 11, 28) as number)).toBe('2026年11月28日');
  });
});
