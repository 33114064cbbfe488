import { checkStatus, dayOf, healthOf, parseDeadline, readProgress, type Deadline } from '../../src/ledger';

describe('checkStatus', () => {
  it.each([
    ['已完成', 'ok'],
    ['序时推进', 'ok'],
    [' 已完成 ', 'variant'],
    ['已 完成', 'variant'],
    ['', 'empty'],
    [null, 'empty'],
  ])('%p is %s', (value, kind) => {
    expect(checkStatus(value).kind).toBe(kind);
  });

  it.each([
    ['完成', '已完成'],
    ['已完工', '已完成'],
    ['进行中', '序时推进'],
    ['推进中', '序时推进'],
    ['未开始', '未启动'],
    ['延期', '滞后'],
    ['Done', '已完成'],
  ])('suggests %s -> %s', (value, suggestion) => {
    expect(checkStatus(value)).toEqual({ kind: 'unknown', suggestion });
  });

  it('suggests only statuses of the list in force', () => {
    expect(checkStatus('完成', ['进行', '结束'])).toEqual({ kind: 'unknown', suggestion: null });
    expect(checkStatus('结束', ['进行', '结束'])).toEqual({ kind: 'ok', status: '结束' });
    expect(checkStatus('随便写的')).toEqual({ kind: 'unknown', suggestion: null });
  });
});

describe('readProgress', () => {
  it.each([
    [50, undefined, 50, 'number'],
    [0.5, '0%', 50, 'percent-format'],
    [0.5, '0.0%', 50, 'percent-format'],
    [1, '0%', 100, 'percent-format'],
    ['50%', undefined, 50, 'percent-text'],
    ['50 ％', undefined, 50, 'percent-text'],
    ['50', undefined, 50, 'number-text'],
    [0, 'General', 0, 'number'],
    [100, 'General', 100, 'number'],
  ])('%p with format %p reads %d (%s)', (value, format, percent, source) => {
    expect(readProgress(value, format)).toEqual({ kind: 'ok', percent, source });
  });

  it('does not take a quoted % as a percent format', () => {
    expect(readProgress(0.5, '0.0"%"')).toEqual({ kind: 'ok', percent: 0.5, source: 'number' });
  });

  it.each([
    [150, 'out-of-range'],
    [-1, 'out-of-range'],
    ['120%', 'out-of-range'],
    ['一半', 'not-a-number'],
    [true, 'not-a-number'],
    [Number.NaN, 'not-a-number'],
  ])('%p is invalid (%s)', (value, reason) => {
    expect(readProgress(value)).toEqual({ kind: 'invalid', reason });
  });

  it('treats blanks as empty', () => {
    expect(readProgress('')).toEqual({ kind: 'empty' });
    expect(readProgress(null)).toEqual({ kind: 'empty' });
  });
});

describe('healthOf', () => {
  const asOf = dayOf(2026, 7, 2) as number; // 182 of 365 days of 2026 elapsed: expected ≈ 49.9%
  const end2026: Deadline = parseDeadline('2026年底前');
  const light = (percent: number | null, deadline: Deadline = end2026, done = false) =>
    healthOf({
      done,
      deadline,
      progress: percent === null ? { kind: 'empty' } : { kind: 'ok', percent, source: 'number' },
      asOf,
    }).light;

  it('is green on schedule, yellow 10–30 behind, red beyond 30', () => {
    expect(light(50)).toBe('green');
    expect(light(41)).toBe('green');
    expect(light(39)).toBe('yellow');
    expect(light(20)).toBe('yellow');
    expect(light(19)).toBe('red');
    expect(light(0)).toBe('red');
  });

  it('is red past the deadline and not done, and done when completed', () => {
    expect(light(90, parseDeadline('2026-06-30'))).toBe('red');
    expect(
      healthOf({ done: false, deadline: parseDeadline('2026-06-30'), progress: { kind: 'empty' }, asOf })
        .overdue,
    ).toBe(true);
    expect(light(10, parseDeadline('2026-06-30'), true)).toBe('done');
  });

  it('is not lit for open or missing deadlines, or unknown progress', () => {
    expect(light(0, parseDeadline('长期'))).toBe('none');
    expect(light(0, parseDeadline(''))).toBe('none');
    expect(light(null)).toBe('none');
  });

  it('measures a later deadline from the start of the as-of year', () => {
    const h = healthOf({
      done: false,
      deadline: parseDeadline('2027年底前'),
      progress: { kind: 'ok', percent: 20, source: 'number' },
      asOf,
    });
    expect(h.expected).toBeCloseTo(24.9, 0);
    expect(h.light).toBe('green');
  });

  it('accepts an explicit start', () => {
    const h = healthOf({
      done: false,
      deadline: parseDeadline('2026-12-31'),
      progress: { kind: 'ok', percent: 0, source: 'number' },
      asOf,
      start: asOf,
    });
    expect(h.expected).toBe(0);
    expect(h.light).toBe('green');
  });
});
