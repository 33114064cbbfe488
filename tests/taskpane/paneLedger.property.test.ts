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
/** Task n is on sheet row n + 3 (title, note, header above). */
const rowOf = (no: number) => no + 3;
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
);

/** A pane write that succeeded: the cells it wrote and what the pane's view showed there before. */
interface PaneWrite {
  readonly address: string;
  readonly seen: CellValue;
  readonly at: number;
}
interface UserWrite {
  readonly address: string;
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
  private inside: Edit[] = [];
  /** A report shows the workbook as its read found it: mid-report edits wait for the next command. */
  private holdInside = false;
  private clock = 0;

  constructor() {
    const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options: Excel.RunOptions = {}) =>
      this.sim.runExcel((context) => {
        const sync = context.sync.bind(context);
        // Before each sync after the first, an edit waiting for "inside" lands.
        let first = true;
        context.sync = async () => {
          if (!first) this.applyInside();
          first = false;
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

  doEdit(e: Edit): void {
    const address = `${letter(e.header)}${rowOf(e.no)}`;
    if (e.remote) this.sim.remoteEdit(SHEET, address, [[e.value]]);
    else if (!this.sim.userEdit(SHEET, address, [[e.value]]).ok) return;
    // What Excel stored (a typed date becomes a date serial), as every later read sees it.
    const stored = this.sim.values(SHEET)[rowOf(e.no) - 1][address.charCodeAt(0) - 65];
    this.userWrites.push({ address, value: stored, at: this.clock++ });
  }

  schedule(e: Edit): void {
    if (e.inside) this.inside.push(e);
    else setTimeout(() => this.doEdit(e), e.delay);
  }

  /** A pane write's outcome: its cells logged with what the view showed there; a refusal re-reads. */
  async wrote(seen: (address: string) => CellValue, write: () => Promise<AfterWrite>): Promise<void> {
    try {
      const result = await write();
      for (const area of result.written)
        this.paneWrites.push({ address: area.address, seen: seen(area.address), at: this.clock++ });
      await this.pane.afterWrite(result);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      await this.pane.load();
    }
  }

  /** The view's value of a ledger cell by its address (D7). */
  viewCell(address: string): CellValue {
    const { read } = this.view;
    const column = address.charCodeAt(0) - 65 - read.location.firstColumn;
    const row = Number(address.slice(1)) - read.location.headerRow - 2;
    return read.ledger.rows[row]?.[column] ?? null;
  }

  async step(s: Step): Promise<void> {
    const pane = this.pane;
    switch (s.kind) {
      case 'edit':
        return this.schedule(s);
      case 'wait':
        await jest.advanceTimersByTimeAsync(s.ms);
        return;
      case 'status': {
        const view = this.view;
        const task = view.analysis.tasks.find((t) => t.no === s.no);
        if (!task) return;
        return this.wrote(
          (a) => this.viewCell(a),
          () =>
            pane.run((c) =>
              setTaskStatus(c, view.read, s.no, { status: s.status, expectedStatus: task.status }),
            ),
        );
      }
      case 'fix': {
        const view = this.view;
        const [fix] = fixesFor(view.read.ledger, view.analysis.findings);
        if (!fix) return;
        return this.wrote(
          (a) => this.viewCell(a),
          () => pane.run((c) => applyFixes(c, view.read.location, [fix])),
        );
      }
      case 'actual': {
        const view = this.view;
        const indicator = view.analysis.tasks.flatMap((t) => t.indicators)[0];
        if (!indicator) return;
        // The 指标 sheet is not the user's here: only the write's refusal or success matters.
        return this.wrote(
          () => null,
          () =>
            pane.run((c) => setIndicatorActual(c, view, indicator, s.value, dayFromLocalDate(AS_OF_DATE))),
        );
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
        return this.wrote(
          (a) => this.viewCell(a),
          () =>
            pane.run((c) =>
              applyReturns(c, view.read, [change], { time: '2026-11-28 09:00', batch: `b${this.clock}` }),
            ),
        );
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
        await world.wrote(
          () => null,
          () => world.pane.run((c) => createLedger(c, { supports: ALL_SETS })),
        );
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

        // (c) A user's last edit of a cell stands, unless a later pane write had seen it.
        const final = world.sim.values(SHEET);
        for (const user of world.userWrites) {
          if (world.userWrites.some((u) => u.address === user.address && u.at > user.at)) continue;
          const row = Number(user.address.slice(1)) - 1;
          const now = final[row][user.address.charCodeAt(0) - 65];
          if (text(now) === text(user.value)) continue;
          const later = world.paneWrites.filter((p) => p.address === user.address && p.at > user.at);
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
