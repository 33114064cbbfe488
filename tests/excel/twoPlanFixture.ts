// The second plan the two-plan tests import beside the built-in one: fixture 5 (list style) as
// the import review reads it, with the short name its sheet and table are named from.
import { planOfReview, reviewText } from '../../src/taskpane/importWorkflow';
import { FIXTURES } from '../ledger/annexFixtures';

export const PLAN_B = planOfReview({
  ...reviewText(FIXTURES[4].text, 2025),
  title: '立山区稳经济重点任务',
  shortName: '稳经济',
});

/** The table its ledger gets: named from the short name. */
export const TABLE_B = '台账_稳经济';

/** Its 指标 table and sheet: named from the ledger's table and the short name. */
export const INDICATORS_B = { table: '指标_稳经济', sheet: '稳经济指标' };

/** The targets its task texts set: one each (30个 projects, 5亿元 of bonds, 20场 events). */
export const INDICATOR_COUNT_B = 3;
