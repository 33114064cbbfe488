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
