import { staleChanges } from '../../src/taskpane/panels/currentReport';
import { dayOf, type Day } from '../../src/ledger';

const asOf = dayOf(2026, 11, 28) as Day;

describe('staleChanges: the words both "changed since the summaries" warnings use', () => {
  it('names tasks and indicators together', () => {
    const stale = { asOf, tasks: [9, 12], indicators: 2 };
    expect(staleChanges(stale, 'zh')).toBe('第9、12项，2个指标的完成值');
    expect(staleChanges(stale, 'en')).toBe('tasks 9、12; 2 indicator value(s)');
  });
  it('says only what changed', () => {
    expect(staleChanges({ asOf, tasks: [], indicators: 1 }, 'zh')).toBe('1个指标的完成值');
    expect(staleChanges({ asOf, tasks: [3], indicators: 0 }, 'zh')).toBe('第3项');
  });
});
