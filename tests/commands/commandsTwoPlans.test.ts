/**
 * @jest-environment jsdom
 */
// The ribbon's 生成汇总表 on a workbook of two plans: the ledger of the sheet the user is on, else
// the one the open pane shows (left in localStorage by the pane), else the first, named in a dialog.
import { createLedger, importPlan, recordPaneLedger } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { builtInPlan } from '../../src/ledger';
import { AS_OF_DATE } from '../asOf';
import { ALL_SETS } from '../excel/helpers';
import { PLAN_B, TABLE_B } from '../excel/twoPlanFixture';

const sim = new ExcelSim();
// Set by the dialog the command opens; the test closes it as a user would.
const dialog: { close: (() => void) | null } = { close: null };
const displayDialogAsync = jest.fn(
  (_url: string, _options: unknown, callback: (result: { status: string; value: unknown }) => void) =>
    callback({
      status: 'succeeded',
      value: {
        addEventHandler: (type: string, handler: () => void) => {
          if (type === 'dialogEventReceived') dialog.close = handler;
        },
      },
    }),
);
const document = { url: 'https://contoso.sharepoint.com/督办/两个方案.xlsx' };

Object.assign(globalThis, {
  Office: {
    onReady: (callback: () => void) => {
      callback();
      return Promise.resolve({ host: 'Excel', platform: 'PC' });
    },
    actions: { associate: jest.fn() },
    context: {
      ui: { displayDialogAsync },
      displayLanguage: 'zh-CN',
      requirements: { isSetSupported: () => true },
      document,
    },
  },
  Excel: { run: (batch: (context: Excel.RequestContext) => Promise<unknown>) => sim.runExcel(batch) },
});

type CommandsModule = typeof import('../../src/commands/commands');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { summariesCommand } = require('../../src/commands/commands') as CommandsModule;
const command = summariesCommand(() => AS_OF_DATE);

const activate = (sheet: string) =>
  sim.run(async (c) => {
    c.workbook.worksheets.getItem(sheet).activate();
    await c.sync();
  });

/** Runs the command, closing its dialog if one opens; the sheets it made and the dialog's text. */
async function click(): Promise<{ made: string[]; text: string | null }> {
  const before = new Set(sim.state.sheets.map((s) => s.name));
  const dialogs = displayDialogAsync.mock.calls.length;
  dialog.close = null;
  const completed = jest.fn();
  const running = command({ completed } as unknown as Office.AddinCommands.Event);
  // The dialog keeps the command open until it is closed, as a user would.
  for (let i = 0; i < 100 && !completed.mock.calls.length && !dialog.close; i++)
    await new Promise((r) => setTimeout(r, 10));
  const call = displayDialogAsync.mock.calls[dialogs] as [string, ...unknown[]] | undefined;
  // The handler is set inside the mocked callback, which TypeScript's narrowing does not see.
  (dialog.close as (() => void) | null)?.();
  await running;
  expect(completed).toHaveBeenCalledTimes(1);
  return {
    made: sim.state.sheets.map((s) => s.name).filter((n) => !before.has(n)),
    text: call ? new URL(call[0]).searchParams.get('text') : null,
  };
}

beforeAll(async () => {
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
});

beforeEach(() => localStorage.clear());

describe('ribbon 生成汇总表 with two plans’ ledgers', () => {
  it('on a sheet that is no ledger, with no pane open, takes the first and names it', async () => {
    await activate('单位名录');
    const { made, text } = await click();
    expect(made).toEqual(['汇总-总体', '汇总-滞后逾期', '进度快照']);
    expect(text).toContain(`按方案“${builtInPlan().title}”（工作表“任务台账”）生成汇总表`);
    expect(text).toContain('工作簿中有2个方案的台账');
  });

  it('takes the ledger the open pane shows, saying nothing', async () => {
    recordPaneLedger(TABLE_B);
    await activate('单位名录');
    const { made, text } = await click();
    expect(made).toEqual(['稳经济-汇总-总体', '稳经济-汇总-滞后逾期']);
    expect(String(sim.values('稳经济-汇总-总体')[0][0])).toContain(PLAN_B.title);
    expect(text).toBeNull();
  });

  it('on a ledger sheet takes that sheet’s ledger, whatever the pane shows', async () => {
    recordPaneLedger(TABLE_B);
    await activate('任务台账');
    const ids = () => new Map(sim.state.sheets.map((s) => [s.name, s.id]));
    const before = ids();
    const { made, text } = await click();
    expect(text).toBeNull();
    expect(made).toEqual([]);
    // Plan A's summaries made again in place of its own; B's left as they were.
    const after = ids();
    expect(after.get('汇总-总体')).not.toBe(before.get('汇总-总体'));
    expect(after.get('稳经济-汇总-总体')).toBe(before.get('稳经济-汇总-总体'));
  });

  it('does not take the plan another workbook’s pane shows', async () => {
    const url = document.url;
    document.url = 'https://contoso.sharepoint.com/督办/另一个工作簿.xlsx';
    recordPaneLedger(TABLE_B);
    document.url = url;
    await activate('单位名录');
    const { text } = await click();
    expect(text).toContain(`按方案“${builtInPlan().title}”`);
  });

  it('forgets a pane that has gone', async () => {
    recordPaneLedger(TABLE_B);
    recordPaneLedger(undefined);
    await activate('单位名录');
    expect((await click()).text).toContain(`按方案“${builtInPlan().title}”`);
  });
});
