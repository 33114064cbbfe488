// Names of another plan's ledger and 指标: the 指标 table follows the ledger's table (the key of
// its plan), the sheet the short name; the first ledger keeps the names old workbooks have.
import {
  FIRST_LEDGER_TABLE,
  INDICATOR_SPEC,
  indicatorNamesFor,
  indicatorTableOf,
  ledgerNamesFor,
} from '../../src/ledger';

const plan = { shortName: '稳经济', title: '立山区稳经济重点任务' };

describe('indicatorNamesFor', () => {
  it('keeps 指标 / Indicators for the first ledger, whatever the plan is called', () => {
    expect(indicatorNamesFor(FIRST_LEDGER_TABLE, plan)).toEqual({
      sheet: INDICATOR_SPEC.sheet,
      table: INDICATOR_SPEC.table,
    });
    expect(indicatorTableOf(FIRST_LEDGER_TABLE.toLowerCase())).toBe(INDICATOR_SPEC.table);
  });

  it('names another plan’s from its ledger table and short name', () => {
    const { table } = ledgerNamesFor(plan, [FIRST_LEDGER_TABLE]);
    expect(indicatorNamesFor(table, plan)).toEqual({ sheet: '稳经济指标', table: '指标_稳经济' });
    // A second ledger of the same short name gets a table of its own, and so a 指标 of its own.
    const again = ledgerNamesFor(plan, [FIRST_LEDGER_TABLE, table]);
    expect(indicatorTableOf(again.table)).toBe('指标_稳经济_2');
  });

  it('follows the table, not the short name, which 设置 can change', () => {
    expect(indicatorNamesFor('台账_稳经济', { shortName: '经济', title: '' }).table).toBe('指标_稳经济');
    // A short name with characters no sheet name may hold.
    expect(indicatorNamesFor('台账_A', { shortName: 'A/B:C', title: '' }).sheet).toBe('ABC指标');
    // No short name: the title, as the ledger sheet takes it.
    expect(indicatorNamesFor('台账_X', { shortName: ' ', title: '某计划' }).sheet).toBe('某计划指标');
  });

  it('never gives a ledger’s name: 指标 tables and other ledgers’ tables differ', () => {
    for (const short of ['稳经济', '指标', '台账', 'a.b_c', '稳经济_2']) {
      const { table } = ledgerNamesFor({ shortName: short, title: '' }, [FIRST_LEDGER_TABLE]);
      expect(indicatorTableOf(table).startsWith('指标_')).toBe(true);
      expect(table.startsWith('台账_')).toBe(true);
    }
  });
});
