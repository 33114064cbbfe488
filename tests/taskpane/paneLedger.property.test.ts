// The pane's view against a workbook that others edit at any moment. Random interleavings of the
// pane's actions (status, fix, 完成值, summaries, an import) and a user's or a co-author's edits
// at random delays (0–3 s, into the cells the pane just wrote too, and between a command's
// read and its write), on jest's clock. After the pane settles: (a) its view equals a fresh read;
// (b) every summary sheet and leaders' mail equals one made from a fresh read at that moment;
// (c) no edit of the user's was overwritten by a write that had not seen it.
import fc from 'fast-check';
import {
  applyFixes,
  applyReturns,
  createLedger,
  generateSummaries,
  LedgerError,
  readReport,
  readWorkbook,
  setIndicatorActual,
  setTaskStatus,
  type AfterWrite,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import {
  dayFromLocalDate,
  DEFAULT_STATUSES,
  fixesFor,
  LEDGER_COLUMNS,
  leaderMail,
  summarySheets,
  type CellValue,
} from '../../src/ledger';
import type { Host } from '../../src/taskpane/host';
import { DEBOUNCE_MS, PaneLedger, type LedgerState } from '../../src/taskpane/paneLedger';
import { AS_OF_DATE } from '../asOf';
import { ALL_SETS } from '../excel/helpers';

const SHEET = '任务台账';
const letter = (header: string) =>
  String.fromCharCode(65 + LEDGER_COLUMNS.findIndex((c) => c.header === header));
const EDITABLE = ['状态', '进度(%)', '完成时限', '进展情况', '存在问题'] as const;

type Edit = {
  readonly no: number;
  readonly header: (typeof EDITABLE)[number];
  readonly value: CellValue;
  readonly remote: boolean;
  /** When: ms after the step before; or, for 'inside', between a command's read and its write. */
  readonly delay: number;
  readonly inside: boolean;
};

type Step =
  | { readonly kind: 'status'; readonly no: number; readonly status: string }
  | { readonly kind: 'fix' }
  | { readonly kind: 'actual'; readonly value: number }
  | { readonly kind: 'summaries' }
  | { readonly kind: 'import'; readonly no: number; readonly note: string }
  | { readonly kind: 'wait'; readonly ms: number }
  /** Someone sorts the ledger: two tasks' whole rows trade places. */
  | {
      readonly kind: 'sort';
      readonly a: number;
      readonly b: number;
      readonly delay: number;
      readonly inside: boolean;
    }
  | ({ readonly kind: 'edit' } & Edit);

const valueFor = (header: Edit['header']) =>
  header === '状态'
    ? fc.constantFrom<CellValue>(...DEFAULT_STATUSES, '完成')
    : header === '进度(%)'
      ? fc.constantFrom<CellValue>(0, 30, 100, 150, '')
      : header === '完成时限'
        ? fc.constantFrom<CellValue>('2026-09-30', '2026年底前', '长期坚持')
        : fc.constantFrom<CellValue>('已完成调研', '', '资金未到位');

const edit = fc
  .record({
    no: fc.integer({ min: 1, max: 6 }),
    header: fc.constantFrom(...EDITABLE),
    remote: fc.boolean(),
    delay: fc.integer({ min: 0, max: 3000 }),
    inside: fc.boolean(),
  })
  .chain((e) => valueFor(e.header).map((value) => ({ kind: 'edit' as const, ...e, value })));

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: edit },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      no: fc.integer({ min: 1, max: 6 }),
      status: fc.constantFrom(...DEFAULT_STATUSES),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'fix' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('actual' as const), value: fc.integer({ min: 0, max: 12 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'summaries' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      no: fc.integer({ min: 1, max: 6 }),
      note: fc.constantFrom('按计划推进', '已完成验收'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('sort' as const),
      a: fc.integer({ min: 1, max: 6 }),
      b: fc.integer({ min: 1, max: 6 }),
      delay: fc.integer({ min: 0, max: 3000 }),
      inside: fc.boolean(),
    }),
  },
);

/** Something that lands on the ledger at a moment of its own: an edit, or a sort. */
type Landing = Extract<Step, { kind: 'edit' | 'sort' }>;

/**
 * A cell by what it means, not where it is: the task (its 序号) and the column. Rows are sorted
 * while all this happens, so a place on the sheet names no fixed task.
 */
type Key = string;
/** A pane write that succeeded: the task cells it wrote and what the pane's view showed there before. */
interface PaneWrite {
  readonly key: Key;
  readonly seen: CellValue;
  readonly at: number;
}
interface UserWrite {
  readonly key: Key;
  readonly value: CellValue;
  readonly at: number;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

class World {
  readonly sim = new ExcelSim();
  readonly pane: PaneLedger;
  readonly errors: string[] = [];
  readonly paneWrites: PaneWrite[] = [];
  readonly userWrites: UserWrite[] = [];
  /** Edits that land between a command's syncs (a co-author's edit arriving mid-command). */
  private inside: Landing[] = [];
  /** A report shows the workbook as its read found it: mid-report edits wait for the next command. */
  private holdInside = false;
  private clock = 0;

  constructor() {
    const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options: Excel.RunOptions = {}) =>
      this.sim.runExcel((context) => {
        const sync = context.sync.bind(context);
        // Between a command's first request (its check) and its second (its write), an edit
        // waiting for "inside" lands: the window each write guards. (The request that puts cells
        // back after a refused write leaves a window of its own, which src/excel/writeGuard.ts
        // names; no edit is sent into it here.)
        let syncs = 0;
        context.sync = async () => {
          if (++syncs === 2) this.applyInside();
          return sync();
        };
        return batch(context);
      }, options);
    const host: Host = {
      kind: 'preview',
      run: (batch) => run(batch),
      runWhenIdle: (batch) => run(batch, { delayForCellEdit: true }),
      runIn: (context, batch) => this.sim.runIn(context, batch),
      supports: ALL_SETS,
      displayLanguage: 'zh-CN',
      dark: false,
      now: () => AS_OF_DATE,
      canDownload: true,
      openWorkbook: null,
    };
    this.pane = new PaneLedger(
      host,
      () => undefined,
      (error) => this.errors.push(error.zh),
    );
  }

  get view(): Extract<LedgerState, { phase: 'ready' }> {
    const state = this.pane.state;
    if (state.phase !== 'ready') throw new Error(`the pane is ${state.phase}`);
    return state;
  }

  private applyInside(): void {
    if (this.holdInside) return;
    const e = this.inside.shift();
    if (e) this.doEdit(e);
  }

  /** The sheet row (1-based) that holds a task now. */
  rowNow(no: number): number {
    return this.sim.values(SHEET).findIndex((r, i) => i >= 3 && r[0] === no) + 1;
  }

  /** The task (序号) a sheet row (1-based) holds now. */
  taskAt(row: number): unknown {
    return this.sim.values(SHEET)[row - 1]?.[0];
  }

  doEdit(e: Landing): void {
    if (e.kind === 'sort') {
      const [a, b] = [this.rowNow(e.a), this.rowNow(e.b)];
      const values = this.sim.values(SHEET);
      const rowA = values[a - 1].slice(0, LEDGER_COLUMNS.length);
      const rowB = values[b - 1].slice(0, LEDGER_COLUMNS.length);
      const last = String.fromCharCode(64 + LEDGER_COLUMNS.length);
      this.sim.remoteEdit(SHEET, `A${a}:${last}${a}`, [rowB]);
      this.sim.remoteEdit(SHEET, `A${b}:${last}${b}`, [rowA]);
      return;
    }
    const row = this.rowNow(e.no);
    const address = `${letter(e.header)}${row}`;
    if (e.remote) this.sim.remoteEdit(SHEET, address, [[e.value]]);
    else if (!this.sim.userEdit(SHEET, address, [[e.value]]).ok) return;
    // What Excel stored (a typed date becomes a date serial), as every later read sees it.
    const stored = this.sim.values(SHEET)[row - 1][address.charCodeAt(0) - 65];
    this.userWrites.push({ key: `${e.no}|${letter(e.header)}`, value: stored, at: this.clock++ });
  }

  schedule(e: Landing): void {
    if (e.inside) this.inside.push(e);
    else setTimeout(() => this.doEdit(e), e.delay);
  }

  /**
   * A pane write's outcome: each ledger cell it wrote logged by the task its row holds just after
   * the write, with what the pane's view showed for that task's cell; a refusal re-reads. Says
   * whether the write was made.
   */
  async wrote(write: () => Promise<AfterWrite>): Promise<boolean> {
    try {
      const result = await write();
      const ledgerSheet = this.sim.sheet(SHEET).id;
      for (const area of result.written.filter((a) => a.worksheetId === ledgerSheet && a.values)) {
        const block = /^([A-Z])(\d+)$/u.exec(area.address);
        if (!block) continue;
        const no = this.taskAt(Number(block[2]));
        this.paneWrites.push({
          key: `${String(no)}|${block[1]}`,
          seen: this.viewOf(no, block[1]),
          at: this.clock++,
        });
      }
      await this.pane.afterWrite(result);
      return true;
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      await this.pane.load();
      return false;
    }
  }

  /** What the pane's view shows for a task's cell (by 序号 and column letter) before a write. */
  private viewShown = new Map<string, CellValue>();
  viewOf(no: unknown, column: string): CellValue {
    return this.viewShown.get(`${String(no)}|${column}`) ?? null;
  }

  /** Notes what the view shows for every task cell, just before a write. */
  remember(): void {
    const { read } = this.view;
    this.viewShown.clear();
    const noColumn = read.ledger.header.columns.no ?? 0;
    for (const row of read.ledger.rows)
      row.forEach((value, c) =>
        this.viewShown.set(
          `${String(row[noColumn])}|${String.fromCharCode(65 + read.location.firstColumn + c)}`,
          value,
        ),
      );
  }

  async step(s: Step): Promise<void> {
    const pane = this.pane;
    switch (s.kind) {
      case 'edit':
      case 'sort':
        return this.schedule(s);
      case 'wait':
        await jest.advanceTimersByTimeAsync(s.ms);
        return;
      case 'status': {
        const view = this.view;
        const task = view.analysis.tasks.find((t) => t.no === s.no);
        if (!task) return;
        this.remember();
        const made = await this.wrote(() =>
          pane.run((c) =>
            setTaskStatus(c, view.read, s.no, { status: s.status, expectedStatus: task.status }),
          ),
        );
        // (d) A status written lands on the task it was meant for.
        if (made) expect(this.sim.values(SHEET)[this.rowNow(s.no) - 1][3]).toBe(s.status);
        return;
      }
      case 'fix': {
        const view = this.view;
        const [fix] = fixesFor(view.read.ledger, view.analysis.findings);
        if (!fix) return;
        this.remember();
        const no = view.read.ledger.rows[fix.row][view.read.ledger.header.columns.no ?? 0];
        const made = await this.wrote(() => pane.run((c) => applyFixes(c, view.read.location, [fix])));
        // (d) A fix lands on the task it was planned for.
        if (made) expect(this.taskAt(view.read.location.headerRow + 2 + fix.row)).toBe(no);
        return;
      }
      case 'actual': {
        const view = this.view;
        const indicator = view.analysis.tasks.flatMap((t) => t.indicators)[0];
        if (!indicator) return;
        // The 指标 sheet is not the user's here: only the write's refusal or success matters.
        this.remember();
        await this.wrote(() =>
          pane.run((c) => setIndicatorActual(c, view, indicator, s.value, dayFromLocalDate(AS_OF_DATE))),
        );
        return;
      }
      case 'import': {
        const view = this.view;
        const task = view.analysis.tasks.find((t) => t.no === s.no);
        const column = view.read.ledger.header.columns.progressNote;
        if (!task || column === undefined) return;
        const change = {
          id: `f:${s.no}`,
          no: s.no,
          row: task.row,
          column: 'progressNote' as const,
          header: '进展情况',
          from: view.read.ledger.rows[task.row][column],
          to: s.note,
          unit: task.lead,
          file: '反馈表.xlsx',
          kind: 'lead' as const,
          sources: ['progressNote' as const],
          conflict: null,
          accepted: true,
        };
        this.remember();
        await this.wrote(() =>
          pane.run((c) =>
            applyReturns(
              c,
              view.read,
              [change],
              { time: '2026-11-28 09:00', batch: `b${this.clock}` },
              ALL_SETS,
            ),
          ),
        );
        return;
      }
      case 'summaries': {
        this.holdInside = true;
        const result = await generateSummaries(pane.run, {
          asOf: dayFromLocalDate(AS_OF_DATE),
          request: { overview: true, behind: true },
          supports: ALL_SETS,
          expect: new Set(['ledger', 'directory', 'statuses', 'indicators', 'snapshots']),
        }).finally(() => (this.holdInside = false));
        // (b) The sheets and the leaders' mail equal those made from a fresh read now (no edit lands in between).
        const fresh = await this.sim.runExcel((c) => readReport(c, { asOf: dayFromLocalDate(AS_OF_DATE) }));
        const specs = summarySheets(
          fresh.model,
          { overview: true, behind: true },
          {
            directory: fresh.read.reference.directory,
            history: result.history,
          },
        );
        for (const [i, spec] of specs.entries()) {
          const sheet = this.sim.values(result.sheets[i].name);
          spec.rows.forEach((row, r) =>
            row.cells.forEach((cell, c) => expect(text(sheet[r]?.[c])).toBe(text(cell.value))),
          );
        }
        const mail = await this.sim.runExcel((c) =>
          readReport(c, {
            asOf: dayFromLocalDate(AS_OF_DATE),
            compareWith: result.history.changes.previous ?? undefined,
          }),
        );
        expect(leaderMail(mail.model, 'x.xlsx', { history: mail.history }).text).toBe(
          leaderMail(fresh.model, 'x.xlsx', { history: result.history }).text,
        );
        await pane.take(result.read);
        pane.expectEchoes(result.echo);
        return;
      }
    }
  }
}

describe('the pane’s view, with edits landing at any moment', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('settles on what the workbook holds, reports from fresh reads, and overwrites no edit it has not seen', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 9 }), async (steps) => {
        runs++;
        const world = new World();
        await world.pane.start();
        await world.wrote(() => world.pane.run((c) => createLedger(c, { supports: ALL_SETS })));
        for (const s of steps) await world.step(s);
        // Edits still waiting land; the pane settles (every debounce has passed and every read run).
        await jest.advanceTimersByTimeAsync(3000 + DEBOUNCE_MS);
        await jest.advanceTimersByTimeAsync(2 * DEBOUNCE_MS);

        // (a) The view equals a fresh read.
        const fresh = await world.sim.runExcel((c) => readWorkbook(c));
        const view = world.view;
        expect(view.read.ledger.rows).toEqual(fresh.ledger?.ledger.rows);
        expect(view.reference.indicators?.indicators).toEqual(fresh.reference.indicators?.indicators);
        expect(view.reference.statuses).toEqual(fresh.reference.statuses);

        // (c) A user's last edit of a task's cell stands, wherever sorting moved the task, unless a
        // later pane write had seen it.
        const final = world.sim.values(SHEET);
        for (const user of world.userWrites) {
          if (world.userWrites.some((u) => u.key === user.key && u.at > user.at)) continue;
          const [no, column] = user.key.split('|');
          const now = final[world.rowNow(Number(no)) - 1][column.charCodeAt(0) - 65];
          if (text(now) === text(user.value)) continue;
          const later = world.paneWrites.filter((p) => p.key === user.key && p.at > user.at);
          // The first pane write after the user's edit had the user's value in its view.
          expect(later.length).toBeGreaterThan(0);
          expect(text(later[0].seen)).toBe(text(user.value));
        }
        expect(world.errors).toEqual([]);
        await world.pane.stop();
      }),
      { numRuns: 300 },
    );
    expect(runs).toBeGreaterThanOrEqual(300);
  }, 600_000);
});
