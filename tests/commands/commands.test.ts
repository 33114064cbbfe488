/**
 * @jest-environment jsdom
 */
// The ribbon's 生成汇总表 button, wired as Office wires it: Office.actions.associate, Excel.run
// (here excel-sim's), event.completed, and a dialog when something is wrong.
import { ALL_TABLES, createLedger } from '../../src/excel';
import { returnFormsZip } from '../../src/files';
import { issueForms } from '../../src/taskpane/registerWorkflow';
import { ExcelSim } from '../../src/excel-sim';
import { AS_OF_DATE } from '../asOf';
import { protectAsSomeoneElse } from '../excel/helpers';

const sim = new ExcelSim();
const associate = jest.fn();
// The dialog opens and stays open until the test closes it, as a user would.
let closeDialog: (() => void) | null = null;
const displayDialogAsync = jest.fn(
  (_url: string, _options: unknown, callback: (result: { status: string; value: unknown }) => void) =>
    callback({
      status: 'succeeded',
      value: {
        addEventHandler: (type: string, handler: () => void) => {
          if (type === 'dialogEventReceived') closeDialog = handler;
        },
      },
    }),
);

Object.assign(globalThis, {
  Office: {
    onReady: (callback: () => void) => {
      callback();
      return Promise.resolve({ host: 'Excel', platform: 'PC' });
    },
    actions: { associate },
    context: {
      ui: { displayDialogAsync },
      displayLanguage: 'zh-CN',
      requirements: { isSetSupported: () => true },
    },
  },
  Excel: { run: (batch: (context: Excel.RequestContext) => Promise<unknown>) => sim.runExcel(batch) },
});

// Imported after the globals exist, as office.js would have made them.
type CommandsModule = typeof import('../../src/commands/commands');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { summariesCommand } = require('../../src/commands/commands') as CommandsModule;
const generateSummariesCommand = summariesCommand(() => AS_OF_DATE);

describe('ribbon command 生成汇总表', () => {
  it('registers under the manifest’s function name', () => {
    expect(associate).toHaveBeenCalledWith('generateSummaries', expect.any(Function));
  });

  it('explains in a dialog when there is no ledger, and completes the event once the dialog is closed', async () => {
    const completed = jest.fn();
    const running = generateSummariesCommand({ completed } as unknown as Office.AddinCommands.Event);
    await new Promise((r) => setTimeout(r, 50));
    expect(displayDialogAsync).toHaveBeenCalledTimes(1);
    expect(completed).not.toHaveBeenCalled();
    closeDialog?.();
    await running;
    expect(completed).toHaveBeenCalledTimes(1);
    const url = new URL(displayDialogAsync.mock.calls[0][0] as string);
    expect(url.pathname).toMatch(/message\.html$/);
    expect(url.searchParams.get('text')).toContain('工作簿中没有任务台账');
  });

  it('makes the overall summary and the behind-schedule list, dated by its clock', async () => {
    await sim.runExcel((c) => createLedger(c, { supports: () => true }));
    const completed = jest.fn();
    await generateSummariesCommand({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(sim.state.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      '任务台账',
      '单位名录',
      '指标',
      '汇总-总体',
      '汇总-滞后逾期',
      '进度快照',
    ]);
    expect(String(sim.values('汇总-总体')[0][0])).toContain('截至2026年11月28日');
    expect(displayDialogAsync).toHaveBeenCalledTimes(1);
  });

  it('carries 本期应报… when the workbook has a 报送登记, read in one request more; none costs none', async () => {
    const run = async () => {
      const before = sim.syncCount;
      await generateSummariesCommand({ completed: jest.fn() } as unknown as Office.AddinCommands.Event);
      return sim.syncCount - before;
    };
    const withoutRegister = await run();
    expect(sim.values('汇总-总体').flat().join('')).not.toContain('本期应报');
    const host = {
      run: sim.runExcel.bind(sim) as typeof sim.runExcel,
      now: () => AS_OF_DATE,
      supports: () => true,
    };
    const pane = { tablesSeen: ALL_TABLES, take: () => undefined };
    await issueForms(host, pane, ['市教育局', '市财政局'], (model, options) =>
      returnFormsZip(model, ['市教育局', '市财政局'], options),
    );
    const withRegister = await run();
    expect(withRegister).toBe(withoutRegister + 1);
    expect(sim.values('汇总-总体').flat().join('')).toContain('本期应报2个单位，已报0个');
    expect(displayDialogAsync).toHaveBeenCalledTimes(1);
  });

  it('says in a dialog when someone else’s protection kept the progress snapshot from being recorded', async () => {
    await protectAsSomeoneElse(sim, '进度快照');
    const completed = jest.fn();
    const running = generateSummariesCommand({ completed } as unknown as Office.AddinCommands.Event);
    await new Promise((r) => setTimeout(r, 50));
    expect(displayDialogAsync).toHaveBeenCalledTimes(2);
    const url = new URL(String(displayDialogAsync.mock.calls[1][0]));
    expect(url.searchParams.get('text')).toContain('本次未记录进度快照');
    closeDialog?.();
    await running;
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
