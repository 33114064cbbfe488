// The pane's view of the workbook, outside React: the ledger read, the reference data and the
// analysis. Read once the change handlers are registered (so nothing is missed while they
// start); taken from a write's own read-back after the pane writes, or from an action's own read;
// read again, debounced and off the click path, when Excel reports a change the pane cannot prove
// its own. The view is what the pane shows. What an action writes or exports is made from a read
// in its own request (src/excel/workbookRead.ts), never from this view.
import type {
  AddInTable,
  AddInTableIds,
  AfterWrite,
  ExcelRun,
  LedgerTable,
  Reference,
  Watch,
  WorkbookChange,
  WorkbookRead,
  WriteEcho,
} from '../excel';
import type { Analysis, Bilingual } from '../ledger';
import type { Host } from './host';
import { WriteEchoes } from './writeEchoes';

// The workbook code loads after the pane's first paint (it is not needed to draw the shell).
const engine = () => import('./engine');

/** How long the pane waits after the last reported change before it judges them. */
export const DEBOUNCE_MS = 600;

export interface ReadyLedger {
  readonly phase: 'ready';
  readonly read: NonNullable<WorkbookRead['ledger']>;
  readonly reference: Reference;
  readonly analysis: Analysis;
  readonly checkedAt: Date;
  /** The add-in's tables the view was read from: which changes concern it. */
  readonly tables: AddInTableIds;
  /** Every plan's ledger in the workbook: moving to another's sheet switches the view to it. */
  readonly ledgers: readonly LedgerTable[];
}

export type LedgerState =
  | { readonly phase: 'loading' }
  | {
      readonly phase: 'none';
      readonly reference: Reference;
      readonly tables: AddInTableIds;
      readonly ledgers: readonly LedgerTable[];
    }
  | { readonly phase: 'failed'; readonly error: Bilingual }
  | ReadyLedger;

/** A reason to read again: a change Excel reported, or the pane coming back into view. */
export type Trigger = WorkbookChange | 'visible';

/** What the changes reported call for: nothing, the ledger rows they touched, or a whole read. */
type Verdict = false | 'all' | { readonly rows: readonly number[] };

/** The tables whose contents the view shows; a change elsewhere (进度快照, 变更记录, the user's own) is not its concern. */
const WATCHED: readonly AddInTable[] = ['ledger', 'directory', 'statuses', 'indicators'];

const tablesOf = (state: LedgerState): AddInTableIds =>
  state.phase === 'ready' || state.phase === 'none' ? state.tables : {};

const ledgersOf = (state: LedgerState): readonly LedgerTable[] =>
  state.phase === 'ready' || state.phase === 'none' ? state.ledgers : [];

/** The ledger table the view shows: an action's read asks for it (the user may be on a sheet of no ledger). */
export const ledgerTableOf = (state: LedgerState): string | undefined =>
  state.phase === 'ready' ? state.read.location.tableName : undefined;

export function tablesSeenIn(state: LedgerState): ReadonlySet<AddInTable> {
  return new Set(Object.keys(tablesOf(state)) as AddInTable[]);
}

async function viewOf(host: Host, read: WorkbookRead): Promise<LedgerState> {
  const { analyzeLedger, dayFromLocalDate, readOptions } = await engine();
  const { ledger, reference, tables, ledgers } = read;
  if (!ledger) return { phase: 'none', reference, tables, ledgers };
  const analysis = analyzeLedger(ledger.ledger, {
    ...readOptions(reference, dayFromLocalDate(host.now()), ledger.location),
    reference: reference.health,
    requireEvidence: reference.requireEvidence,
  });
  return { phase: 'ready', read: ledger, reference, analysis, checkedAt: host.now(), tables, ledgers };
}

export class PaneLedger {
  private current: LedgerState = { phase: 'loading' };
  private readonly echoes = new WriteEchoes();
  private alive = true;
  /** Reads are numbered when they start; a read that started before the view's is never shown over it. */
  private started = 0;
  private shown = 0;
  /** The pane's own requests running now: reported changes wait for them to end. */
  private inFlight = 0;
  private pending: Trigger[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private watch: Watch | null = null;
  /** Where the selection is, as the last selection event said (ExcelApi 1.9). */
  private selected: { readonly worksheetId: string; readonly address: string } | null = null;

  constructor(
    private readonly host: Host,
    private readonly onState: (state: LedgerState) => void,
    private readonly onError: (error: Bilingual) => void,
  ) {}

  get state(): LedgerState {
    return this.current;
  }

  /** Registers the change handlers, then reads: a change made while they were being registered is in the read. */
  async start(): Promise<void> {
    this.alive = true;
    const { describeError, stopWatching, watchWorkbook } = await engine();
    try {
      const registered = await this.host.runWhenIdle((context) =>
        watchWorkbook(context, (change) => this.later(change), this.host.supports),
      );
      if (this.alive) this.watch = registered;
      else await stopWatching(this.host.runIn, registered);
    } catch (error) {
      if (this.alive) this.onError(describeError(error));
    }
    if (this.alive) await this.load();
  }

  /** The pane is gone: no more reads, and the handlers are removed in the context they were added in. */
  async stop(): Promise<void> {
    this.alive = false;
    if (this.timer) clearTimeout(this.timer);
    const watch = this.watch;
    this.watch = null;
    if (!watch) return;
    const { stopWatching } = await engine();
    await stopWatching(this.host.runIn, watch);
  }

  private show(next: LedgerState, order: number): void {
    if (!this.alive || order < this.shown) return;
    this.shown = order;
    this.current = next;
    this.onState(next);
  }

  /** Reads the workbook in one request; the triggers that arrived before it was sent are answered by it. */
  async load(): Promise<LedgerState> {
    const { describeError, excelErrorCode, readWorkbook } = await engine();
    const order = ++this.started;
    // The read answers every change reported so far, and every write the pane has finished: what
    // it still expected from them is forgotten (a late echo costs a read, never hides an edit).
    this.pending = [];
    this.echoes.forget();
    try {
      const now = this.current;
      const expect = now.phase === 'loading' ? undefined : tablesSeenIn(now);
      // The plan's part as last seen, so that a workbook carrying its plan is read in one request.
      const planPart = now.phase === 'ready' || now.phase === 'none' ? now.reference.plan.partId : undefined;
      const ledgerTable = ledgerTableOf(now);
      const read = await this.host.runWhenIdle((c) => readWorkbook(c, { expect, planPart, ledgerTable }));
      this.show(await viewOf(this.host, read), order);
    } catch (error) {
      // A host that cannot hold the read while the user edits a cell fails it: the user caused
      // nothing, so nothing is shown; the read is tried again after a pause.
      if (excelErrorCode(error) === 'InvalidOperationInCellEditMode') {
        this.later('visible');
        return this.current;
      }
      // A failed re-read keeps what the pane shows and says why; a failed first read has nothing to keep.
      if (this.alive) {
        if (this.current.phase !== 'ready')
          this.show({ phase: 'failed', error: describeError(error) }, order);
        this.onError(describeError(error));
      }
    }
    return this.current;
  }

  expectEchoes(echo: WriteEcho): void {
    this.echoes.expect(echo);
  }

  /** Takes an action's own read of the workbook as the view (it is at least as fresh). */
  async take(read: WorkbookRead): Promise<void> {
    const order = ++this.started;
    this.show(await viewOf(this.host, read), order);
  }

  /** Takes what a write read back, and lets its own change events pass without a re-read. */
  async afterWrite(result: AfterWrite & { readonly reference?: Reference }): Promise<void> {
    this.expectEchoes(result);
    const now = this.current;
    const reference =
      result.reference ?? (now.phase === 'ready' || now.phase === 'none' ? now.reference : null);
    if (!result.read || !reference) {
      if (result.written.length) await this.load();
      return;
    }
    // A write that added tables read them back; else the view's stand, with the ledger as read back.
    const tables = result.tables ?? {
      ...tablesOf(now),
      ledger: { id: result.read.location.tableId, sheetId: result.read.location.sheetId },
    };
    await this.take({
      ledger: result.read,
      reference,
      snapshots: null,
      register: null,
      ledgerId: null,
      tables,
      ledgers: ledgersOf(now),
    });
  }

  /**
   * Judges the changes reported so far, once no action is running: which concern the view and are
   * not proved to be the pane's own, and whether a few ledger rows are all they touched (then only
   * those are read again). Whatever the pane still expected is forgotten after this.
   */
  private async judge(): Promise<Verdict> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const triggers = this.pending;
    this.pending = [];
    const { changedBodyRows, ROW_REREAD_LIMIT, tableNamesFor } = await engine();
    const tables = tablesOf(this.current);
    // Edits inside the ledger's body, by address: read again row by row when they are all the news.
    const ledgerEdits: string[] = [];
    let otherNews = false;
    const ids = new Set(WATCHED.flatMap((kind) => tables[kind]?.id ?? []));
    const sheets = new Set(WATCHED.flatMap((kind) => tables[kind]?.sheetId ?? []));
    // The first plan's tables (the pane names its ledger from any plan) and the shown plan's own ledger and 指标.
    const shown = [tableNamesFor(), tableNamesFor(ledgerTableOf(this.current))];
    const names = new Set(WATCHED.flatMap((kind) => shown.map((n) => n[kind].toLowerCase())));
    // Cells the user left: a value picked from a status dropdown there may have raised no event.
    const left: { readonly worksheetId: string; readonly address: string }[] = [];
    // Every trigger is judged, so each echo is accounted for even after news is found.
    const verdicts = triggers.map((t) => {
      if (t === 'visible') return true;
      switch (t.kind) {
        case 'table': {
          const news = ids.has(t.tableId) && !this.echoes.take(t);
          if (news && t.tableId === tables.ledger?.id) ledgerEdits.push(t.address);
          else if (news) otherNews = true;
          return news;
        }
        case 'tableDeleted':
          return names.has(t.tableName.toLowerCase());
        case 'sheetDeleted':
          return sheets.has(t.worksheetId);
        case 'selection': {
          const before = this.selected;
          this.selected =
            t.worksheetId !== undefined && t.address !== undefined
              ? { worksheetId: t.worksheetId, address: t.address }
              : null;
          // The pane's own moves (a finding selected) are echoes; any click checks at most the
          // one status cell it left, never the whole ledger.
          this.echoes.take(t);
          if (before) left.push(before);
          // The user went to another plan's ledger: the pane follows, and works on that plan.
          return ledgersOf(this.current).some(
            (l) => l.sheetId === t.worksheetId && l.table !== ledgerTableOf(this.current),
          );
        }
        case 'sheetActivated':
          // The user went to another plan's ledger: the pane follows, and works on that plan.
          return ledgersOf(this.current).some(
            (l) => l.sheetId === t.worksheetId && l.table !== ledgerTableOf(this.current),
          );
        default:
          return !this.echoes.take(t);
      }
    });
    this.echoes.forget();
    const now = this.current;
    if (verdicts.some(Boolean)) {
      const onlyLedger = !otherNews && ledgerEdits.length === verdicts.filter(Boolean).length;
      const rows =
        onlyLedger && now.phase === 'ready'
          ? changedBodyRows(now.read.location, ledgerEdits, ROW_REREAD_LIMIT)
          : null;
      return rows ? { rows } : 'all';
    }
    if (left.length === 0 || now.phase !== 'ready') return false;
    const { statusPicksUnheard } = await engine();
    return (await statusPicksUnheard(this.host.runWhenIdle, now.read, left)) ? 'all' : false;
  }

  /** Reads what a verdict asks for: nothing, some ledger rows, or the whole workbook. */
  private answer(verdict: Verdict): Promise<LedgerState> {
    if (verdict === false) return Promise.resolve(this.current);
    return verdict === 'all' ? this.load() : this.loadRows(verdict.rows);
  }

  /**
   * Reads the named ledger rows again (and where the table is), keeping the rest of the view;
   * the whole read when the table is no longer as the view found it, or this read fails.
   */
  private async loadRows(rows: readonly number[]): Promise<LedgerState> {
    const now = this.current;
    if (now.phase !== 'ready') return this.load();
    const { excelErrorCode, rereadLedgerRows } = await engine();
    const order = ++this.started;
    try {
      const read = await this.host.runWhenIdle((c) => rereadLedgerRows(c, now.read, rows));
      if (!read) return this.load();
      const fresh = {
        ledger: read,
        reference: now.reference,
        tables: now.tables,
        snapshots: null,
        register: null,
        ledgerId: null,
        ledgers: now.ledgers,
      };
      this.show(await viewOf(this.host, fresh), order);
      return this.current;
    } catch (error) {
      if (excelErrorCode(error) === 'InvalidOperationInCellEditMode') {
        this.later('visible');
        return this.current;
      }
      // The whole read says what is wrong, if anything is.
      return this.load();
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      // An action running now will say what it wrote when it ends; judge then.
      if (this.inFlight > 0) return;
      void this.judge().then((verdict) => this.answer(verdict));
    }, DEBOUNCE_MS);
  }

  /** A change Excel reported, or the pane shown again: judged after a pause. */
  later(trigger: Trigger): void {
    this.pending.push(trigger);
    this.schedule();
  }

  /** The state with every change Excel has reported so far taken in: read again only if one waits. */
  async settled(): Promise<LedgerState> {
    if (this.pending.length === 0) return this.current;
    return this.answer(await this.judge());
  }

  /** Excel.run for the pane's actions: reported changes are judged after they end. */
  readonly run: ExcelRun = async (batch) => {
    this.inFlight++;
    try {
      return await this.host.run(batch);
    } finally {
      this.inFlight--;
      // The action says what it wrote as soon as it returns: its events are judged after the pause.
      if (this.inFlight === 0) this.schedule();
    }
  };
}
