// 起始日期 in the core: the light counts 序时进度 from the plan's start; the start is guessed from the
// title at import, kept in the plan's part (an old part has none and reads as before), and edited.
import {
  builtInPlan,
  dayOf,
  guessPlanStart,
  healthOf,
  parseDeadline,
  planFromXml,
  planStartDay,
  planToXml,
  renamePlan,
  startAfterDeadline,
  type Day,
  type Plan,
} from '../../src/ledger';

const day = (y: number, m: number, d: number) => dayOf(y, m, d) as Day;
const asOf = day(2026, 11, 28);
const open = (deadline: string, start?: Day, percent = 0) =>
  healthOf({
    done: false,
    deadline: parseDeadline(deadline),
    progress: { kind: 'ok', percent, source: 'number' },
    asOf,
    ...(start !== undefined ? { start } : {}),
  });

describe('the light with a plan start', () => {
  it('expects nothing before the start: no task is behind', () => {
    for (const deadline of ['2027年6月底前', '2027年9月底前', '2027-12-31']) {
      expect(open(deadline)).toMatchObject({ light: 'red' });
      expect(open(deadline, day(2027, 1, 1))).toMatchObject({ light: 'green', expected: 0, behind: 0 });
    }
  });

  it('counts from the start once it has passed', () => {
    // 1 December 2026 to 31 May 2027 is 182 days; by 1 March 2027, 90 have gone: 49.5%.
    const h = healthOf({
      done: false,
      deadline: parseDeadline('2027-05-31'),
      progress: { kind: 'ok', percent: 0, source: 'number' },
      asOf: day(2027, 3, 1),
      start: day(2026, 12, 1),
    });
    expect(h.expected).toBeCloseTo(49.5, 1);
    expect(h.light).toBe('red');
  });

  it('keeps an overdue task red, and ignores a start after the deadline', () => {
    expect(open('2026年10月底前', day(2027, 1, 1))).toMatchObject({ light: 'red', overdue: true });
    expect(open('2026-12-31', day(2027, 1, 1))).toEqual(open('2026-12-31'));
  });
});

describe('guessPlanStart', () => {
  it.each<[string, string, 'title' | 'import']>([
    ['四平市2027年稳经济促增长重点任务分工', '2027-01-01', 'title'],
    ['2027年全市工作要点', '2027-01-01', 'title'],
    ['立山区 2025 年优化营商环境攻坚行动', '2025-01-01', 'title'],
    ['梨川县优化营商环境重点任务分工', '2026-11-28', 'import'],
    // A span of years starts with its first year, however the span is written.
    ['某某市2026—2028年营商环境提升行动分工方案', '2026-01-01', 'title'],
    ['某某市2026——2028年营商环境提升行动分工方案', '2026-01-01', 'title'],
    ['某某市2026-2028年营商环境提升行动分工方案', '2026-01-01', 'title'],
    ['某某市2026～2028年营商环境提升行动分工方案', '2026-01-01', 'title'],
    ['某某市2026至2028年营商环境提升行动分工方案', '2026-01-01', 'title'],
    ['某某市2026年至2028年营商环境提升行动分工方案', '2026-01-01', 'title'],
    ['营商环境提升行动分工方案（2026-2028）', '2026-01-01', 'title'],
    ['某某市２０２６—２０２８年营商环境提升行动', '2026-01-01', 'title'],
    // A year in Chinese numerals, as official titles write it.
    ['某某市二〇二六年营商环境提升行动分工方案', '2026-01-01', 'title'],
    ['某某市二零二六年营商环境提升行动分工方案', '2026-01-01', 'title'],
    ['某某市二○二六年营商环境提升行动分工方案', '2026-01-01', 'title'],
    ['某某市二〇二六—二〇二八年营商环境提升行动', '2026-01-01', 'title'],
    // Numbers that are not years stay out of the guess.
    ['某市开展20项重点工作分工方案', '2026-11-28', 'import'],
    ['', '2026-11-28', 'import'],
  ])('%s → %s (%s)', (title, start, from) => {
    expect(guessPlanStart(title, asOf)).toMatchObject({ start, from });
  });
});

describe('startAfterDeadline', () => {
  const tasks = [
    { label: '1', deadline: '2027年6月底前' },
    { label: '（二）3', deadline: '2026年12月31日' },
    { label: '4', deadline: '长期坚持' },
    { label: '5', deadline: '' },
  ];

  it('names the earliest dated deadline when the start falls after it', () => {
    expect(startAfterDeadline(day(2027, 1, 1), tasks, asOf)).toEqual({
      day: day(2026, 12, 31),
      label: '（二）3',
    });
    expect(startAfterDeadline(day(2028, 1, 1), tasks, asOf)).toEqual({
      day: day(2026, 12, 31),
      label: '（二）3',
    });
  });

  it('says nothing when the start is on or before it, or no deadline is dated', () => {
    expect(startAfterDeadline(day(2026, 12, 31), tasks, asOf)).toBeNull();
    expect(startAfterDeadline(day(2026, 1, 1), tasks, asOf)).toBeNull();
    expect(startAfterDeadline(day(2030, 1, 1), tasks.slice(2), asOf)).toBeNull();
  });

  it('reads a deadline without a year in the start’s year, as the ledger does', () => {
    expect(startAfterDeadline(day(2028, 1, 1), [{ label: '1', deadline: '上半年' }], asOf)).toBeNull();
  });
});

describe('the start in the plan’s part', () => {
  const plan: Plan = { ...builtInPlan(), title: '某市2027年工作要点', start: '2027-01-01' };

  it('round-trips', () => {
    expect(planFromXml(planToXml(plan))).toEqual({ plan });
    expect(planStartDay(plan)).toBe(day(2027, 1, 1));
  });

  it('an old part without it reads as before: no start, the as-of year’s 1 January', () => {
    const read = planFromXml(planToXml(builtInPlan()));
    expect('plan' in read && read.plan.start).toBe(undefined);
    expect(planStartDay('plan' in read ? read.plan : undefined)).toBeUndefined();
    expect(planStartDay(builtInPlan())).toBeUndefined();
  });

  it('a start that is not a date makes the part unreadable, never half-read', () => {
    expect(planFromXml(planToXml({ ...plan, start: '2027-02-30' }))).toEqual({ problem: 'unreadable' });
    expect(planFromXml(planToXml({ ...plan, start: '明年' }))).toEqual({ problem: 'unreadable' });
  });
});

describe('renamePlan with a start', () => {
  const names = { title: '某市2027年工作要点', shortName: '要点', region: '某市' };
  const plan: Plan = { ...builtInPlan(), start: '2027-01-01' };
  const renamed = (start?: string) => {
    const r = renamePlan(plan, { ...names, ...(start !== undefined ? { start } : {}) });
    return 'plan' in r ? r.plan.start : r.problem;
  };

  it('sets, clears, keeps, or refuses it', () => {
    expect(renamed('2026-12-01')).toBe('2026-12-01');
    expect(renamed(' 2026-12-01 ')).toBe('2026-12-01');
    expect(renamed('')).toBeUndefined();
    expect(renamed()).toBe('2027-01-01');
    expect(renamed('2026-13-01')).toBe('bad-start');
  });
});
