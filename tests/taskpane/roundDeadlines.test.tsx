/**
 * @jest-environment jsdom
 */
// Stranger's defect 7: units issued with two different 报送截止 dates; the 反馈 tab's round heading
// shows each date with its units instead of the latest date for all.
import { cleanup, configure, fireEvent, screen } from '@testing-library/react';
import { ALL_TABLES, saveReturnBy } from '../../src/excel';
import { returnFormsZip } from '../../src/files';
import { dayFromIso, type Day } from '../../src/ledger';
import { issueForms } from '../../src/taskpane/registerWorkflow';
import { TestPane } from './paneHarness';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 15_000, defaultHidden: true });
// Fluent's computed styles are jsdom's slowest part (see pane.test.tsx): a node's style is its
// inline style, except a tab's bold copy of its label, which Fluent hides by a class.
const HIDDEN_BY_FLUENT = 'fui-Tab__content--reserved-space';
const hidden = document.createElement('span').style;
hidden.visibility = 'hidden';
Object.defineProperty(window, 'getComputedStyle', {
  value: (element: Element) =>
    element.classList.contains(HIDDEN_BY_FLUENT) ? hidden : (element as HTMLElement).style,
  configurable: true,
  writable: true,
});
afterEach(cleanup);

it('shows each 报送截止 with its units when a round was issued with two', async () => {
  const { sim } = await TestPane.withLedger();
  const host = TestPane.host(sim);
  const pane = { tablesSeen: ALL_TABLES, take: () => {} };
  const issue = async (returnBy: string, units: string[]) => {
    await sim.runExcel((c) => saveReturnBy(c, dayFromIso(returnBy) as Day));
    await issueForms(host, pane, units, (model, options) => returnFormsZip(model, units, options));
  };
  await issue('2026-12-04', ['市教育局', '市财政局']);
  await issue('2026-12-10', ['市总工会']);
  fireEvent.click(screen.getByRole('tab', { name: '反馈' }));
  expect(
    await screen.findByText(
      /截止日期不一：2026年12月4日（市教育局、市财政局）；2026年12月10日（市总工会）。$/,
    ),
  ).toBeTruthy();
});
