// The second plan the two-plan tests import beside the built-in one: fixture 5 (list style) as
// the import review reads it, with the short name its sheet and table are named from; and the
// 反馈 tab issuing forms on either plan.
import { ALL_TABLES, type AddInTable } from '../../src/excel';
import type { ExcelSim } from '../../src/excel-sim';
import { returnFormFile } from '../../src/files';
import { planOfReview, reviewText } from '../../src/taskpane/importWorkflow';
import { issueForms } from '../../src/taskpane/registerWorkflow';
import { FIXTURES } from '../ledger/annexFixtures';
import { ALL_SETS } from './helpers';

export const PLAN_B = planOfReview({
  ...reviewText(FIXTURES[4].text, 2025),
  title: '立山区稳经济重点任务',
  shortName: '稳经济',
});

/** The table its ledger gets: named from the short name. */
export const TABLE_B = '台账_稳经济';

/** The 反馈 tab on a workbook of both plans: the host on 2026-11-20, the pane on `ledgerTable`'s ledger. */
export function formsDesk(sim: ExcelSim, ledgerTable: string) {
  const host = {
    run: sim.runExcel.bind(sim) as typeof sim.runExcel,
    now: () => new Date(2026, 10, 20),
    supports: ALL_SETS,
  };
  const pane = { tablesSeen: ALL_TABLES as ReadonlySet<AddInTable>, ledgerTable, take: () => {} };
  return { host, pane };
}

/** Forms issued to `units` from the pane on `ledgerTable`'s ledger (the file made is the first unit's). */
export const issueTo = (sim: ExcelSim, ledgerTable: string, units: readonly string[]) => {
  const { host, pane } = formsDesk(sim, ledgerTable);
  return issueForms(host, pane, units, (model, options) => returnFormFile(model, units[0], options));
};

/** Its 指标 table and sheet: named from the ledger's table and the short name. */
export const INDICATORS_B = { table: '指标_稳经济', sheet: '稳经济指标' };

/** The targets its task texts set: one each (30个 projects, 5亿元 of bonds, 20场 events). */
export const INDICATOR_COUNT_B = 3;
