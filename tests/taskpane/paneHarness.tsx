// The task pane under test, spoken to in the words of its users: open the pane, make the ledger,
// edit a task's cell as a user would, wait for the pane to settle, read a task's cell back.
// Timers are jest's: a debounce passes at once, not in real seconds.
import { act, cleanup, render, screen } from '@testing-library/react';
import { ExcelSim, type WorkbookSnapshot } from '../../src/excel-sim';
import { LEDGER_COLUMNS, type CellValue } from '../../src/ledger';
import { App } from '../../src/taskpane/App';
import type { Host } from '../../src/taskpane/host';
import { DEBOUNCE_MS } from '../../src/taskpane/useLedger';
import { AS_OF_DATE } from '../asOf';
import { changedCells } from '../excel/helpers';

type ColumnHeader = (typeof LEDGER_COLUMNS)[number]['header'];

/**
 * Jest's clock for every test of the file, moving on by itself as well: debounces and echo windows
 * pass when a test says so. After each test the pane is unmounted and the real clock is back.
 */
export function paneClock(): void {
  beforeEach(() =>
    jest.useFakeTimers({ advanceTimers: true, doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] }),
  );
  afterEach(() => {
    cleanup();
    jest.useRealTimers();
  });
}

export const LEDGER_SHEET = '任务台账';
/** The official ledger's header is on sheet row 3: task n is on row n + 3. */
const FIRST_TASK_ROW = 3;

export class TestPane {
  readonly sim: ExcelSim;

  private constructor(sim: ExcelSim) {
    this.sim = sim;
  }

  static host(sim: ExcelSim, language = 'zh-CN'): Host {
    return {
      kind: 'preview',
      run: (batch) => sim.runExcel(batch),
      runWhenIdle: (batch) => sim.runExcel(batch, { delayForCellEdit: true }),
      runIn: (context, batch) => sim.runIn(context, batch),
      supports: () => true,
      displayLanguage: language,
      dark: false,
      now: () => AS_OF_DATE,
      canDownload: true,
      openWorkbook: null,
    };
  }

  /** Opens the pane; `host` changes what the host can do (a Mac's pane cannot download, say). */
  static open(sim = new ExcelSim(), language?: string, host: Partial<Host> = {}): TestPane {
    render(<App host={{ ...TestPane.host(sim, language), ...host }} version="1.0.0" />);
    return new TestPane(sim);
  }

  /** Opens the pane on an empty workbook and clicks 新建任务台账. */
  static async withLedger(): Promise<TestPane> {
    const pane = TestPane.open();
    const create = await screen.findByRole('button', { name: '新建任务台账' });
    act(() => create.click());
    await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
    return pane;
  }

  /** Lets time pass: debounced re-reads run, echo windows close. */
  async wait(ms: number): Promise<void> {
    await act(() => jest.advanceTimersByTimeAsync(ms));
  }

  /** Until any re-read a change asked for has run. */
  settle(): Promise<void> {
    return this.wait(DEBOUNCE_MS + 100);
  }

  /**
   * Something a user (or a co-author) does to the workbook, at once after whatever the pane did
   * last, and the pane's re-read that follows.
   */
  async userDoes(change: () => unknown): Promise<void> {
    await act(async () => {
      await change();
    });
    await this.settle();
  }

  /** Types into a task's cell, as a user would (Excel's rules apply, events fire). */
  typeInto(no: number, header: ColumnHeader, value: CellValue): void {
    const result = this.sim.userEdit(LEDGER_SHEET, this.address(no, header), [[value]]);
    if (!result.ok) throw new Error(result.message);
  }

  /** Puts a value into a task's cell as a macro, a paste or another add-in would: past the dropdown. */
  pasteInto(no: number, header: ColumnHeader, value: CellValue): Promise<void> {
    return this.sim.run(async (context) => {
      context.workbook.worksheets.getItem(LEDGER_SHEET).getRange(this.address(no, header)).values = [[value]];
      await context.sync();
    });
  }

  /** What a task's cell holds now. */
  cell(no: number, header: ColumnHeader): unknown {
    return this.sim.values(LEDGER_SHEET)[FIRST_TASK_ROW + no - 1][this.column(header)];
  }

  address(no: number, header: ColumnHeader): string {
    return `${String.fromCharCode(65 + this.column(header))}${FIRST_TASK_ROW + no}`;
  }

  snapshot(): WorkbookSnapshot {
    return this.sim.snapshot();
  }

  /** Every cell of every sheet that differs from a snapshot, as 任务台账!D27. */
  changedCells(before: WorkbookSnapshot): string[] {
    return changedCells(before, this.sim.snapshot());
  }

  /** The round trips to Excel an action and the pane's follow-up took. */
  async syncsFor(action: () => unknown): Promise<number> {
    await this.settle();
    const before = this.sim.syncCount;
    await action();
    await this.settle();
    await this.settle();
    return this.sim.syncCount - before;
  }

  private column(header: ColumnHeader): number {
    return LEDGER_COLUMNS.findIndex((c) => c.header === header);
  }
}
