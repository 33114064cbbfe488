// The pane's view of the workbook: the ledger read, the reference data and the analysis. Read
// once the change handlers are registered (so nothing is missed while they start); taken from a
// write's own read-back after the pane writes, or from an action's own read; read again,
// debounced and off the click path, when Excel reports a change the pane cannot prove its own.
// The view is what the pane shows. What an action writes or exports is made from a read in its
// own request (see src/excel/workbookRead.ts), never from this view.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  AddInTable,
  AddInTableIds,
  AfterWrite,
  ExcelRun,
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

export const DEBOUNCE_MS = 600;

export interface ReadyLedger {
  readonly phase: 'ready';
  readonly read: NonNullable<WorkbookRead['ledger']>;
  readonly reference: Reference;
  readonly analysis: Analysis;
  readonly checkedAt: Date;
  /** The add-in's tables the view was read from: which changes concern it. */
  readonly tables: AddInTableIds;
}

export type LedgerState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'none'; readonly reference: Reference; readonly tables: AddInTableIds }
  | { readonly phase: 'failed'; readonly error: Bilingual }
  | ReadyLedger;

export interface LedgerApi {
  readonly state: LedgerState;
  /** Reads the workbook again (the ledger and the reference data, in one request). */
  readonly refresh: () => Promise<void>;
  /** Takes what a write read back, and lets its own change events pass without a re-read. */
  readonly afterWrite: (result: AfterWrite & { readonly reference?: Reference }) => void;
  /** A write or a jump that reads nothing back: its change events are echoes all the same. */
  readonly expectEchoes: (echo: WriteEcho) => void;
  /** Takes an action's own read of the workbook as the view (it is at least as fresh). */
  readonly take: (read: WorkbookRead) => void;
  /** The state with every change Excel has reported so far taken in: read again only if one waits. */
  readonly current: () => Promise<LedgerState>;
  /** Which of the add-in's tables the view has seen: an action's read expects those. */
  readonly tablesSeen: ReadonlySet<AddInTable>;
  /**
   * Excel.run for the pane's actions: while one runs, reported changes wait to be judged until
   * it has finished and said what it wrote.
   */
  readonly run: ExcelRun;
}

/** A reason to read again: a change Excel reported, or the pane coming back into view. */
type Trigger = WorkbookChange | 'visible';

const WATCHED: readonly AddInTable[] = ['ledger', 'directory', 'statuses', 'indicators'];
/** The tables' names as the add-in gives them, for a deleted table's event, which names it. */
const watchedName = (name: string, names: Readonly<Record<AddInTable, string>>) =>
  WATCHED.some((kind) => names[kind].toLowerCase() === name.toLowerCase());

async function viewOf(host: Host, read: WorkbookRead): Promise<LedgerState> {
  const { analyzeLedger, dayFromLocalDate, readOptions } = await engine();
  const { ledger, reference, tables } = read;
  if (!ledger) return { phase: 'none', reference, tables };
  const analysis = analyzeLedger(ledger.ledger, {
    ...readOptions(reference, dayFromLocalDate(host.now()), ledger.location),
    reference: reference.health,
  });
  return { phase: 'ready', read: ledger, reference, analysis, checkedAt: host.now(), tables };
}

const tablesOf = (state: LedgerState): AddInTableIds =>
  state.phase === 'ready' || state.phase === 'none' ? state.tables : {};

export function useLedger(host: Host, onError: (error: Bilingual) => void): LedgerApi {
  const [state, setState] = useState<LedgerState>({ phase: 'loading' });
  const latest = useRef<LedgerState>(state);
  const echoes = useRef(new WriteEchoes());
  const alive = useRef(true);
  /** Reads are numbered when they start; a read that started before the view's is never shown over it. */
  const started = useRef(0);
  const shown = useRef(0);
  const inFlight = useRef(0);
  const pending = useRef<Trigger[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const show = useCallback((next: LedgerState, order: number) => {
    if (!alive.current || order < shown.current) return;
    shown.current = order;
    latest.current = next;
    setState(next);
  }, []);

  /** Reads the workbook in one request; the triggers that arrived before it was sent are answered by it. */
  const load = useCallback(async (): Promise<LedgerState> => {
    const { describeError, readWorkbook, tablesSeen } = await engine();
    const order = ++started.current;
    pending.current = [];
    try {
      const seen = tablesOf(latest.current);
      const expect = latest.current.phase === 'loading' ? undefined : tablesSeen({ tables: seen });
      const read = await host.run((c) => readWorkbook(c, { expect }));
      const next = await viewOf(host, read);
      show(next, order);
      return latest.current;
    } catch (error) {
      // A failed re-read keeps what the pane shows and says why; a failed first read has nothing to keep.
      const failed: LedgerState = { phase: 'failed', error: describeError(error) };
      if (alive.current) {
        if (latest.current.phase !== 'ready') show(failed, order);
        onError(describeError(error));
      }
      return latest.current;
    }
  }, [host, show, onError]);

  const refresh = useCallback(async () => {
    await load();
  }, [load]);

  const expectEchoes = useCallback((echo: WriteEcho) => echoes.current.expect(echo), []);

  const take = useCallback(
    (read: WorkbookRead) => {
      const order = ++started.current;
      void viewOf(host, read).then((next) => show(next, order));
    },
    [host, show],
  );

  const afterWrite = useCallback(
    (result: AfterWrite & { readonly reference?: Reference }) => {
      expectEchoes(result);
      const now = latest.current;
      const reference =
        result.reference ?? (now.phase === 'ready' || now.phase === 'none' ? now.reference : null);
      if (!result.read || !reference) {
        if (result.written.length) void load();
        return;
      }
      // A write that added tables read them back; else the view's stand, with the ledger as read back.
      const ids = result.tables ?? {
        ...tablesOf(now),
        ledger: { id: result.read.location.tableId, sheetId: result.read.location.sheetId },
      };
      take({ ledger: result.read, reference, snapshots: null, ledgerId: null, tables: ids });
    },
    [expectEchoes, load, take],
  );

  /**
   * Judges the changes reported so far, once no action is running: which concern the view and are
   * not proved to be the pane's own. Whatever the pane still expected is forgotten after this.
   */
  const judge = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const triggers = pending.current;
    pending.current = [];
    const { TABLE_NAMES } = await engine();
    const tables = tablesOf(latest.current);
    const ids = new Map(WATCHED.flatMap((kind) => (tables[kind] ? [[tables[kind].id, kind] as const] : [])));
    const sheets = new Set(WATCHED.flatMap((kind) => (tables[kind] ? [tables[kind].sheetId] : [])));
    const news = triggers.some((t) => {
      if (t === 'visible') return true;
      switch (t.kind) {
        // Another table (进度快照, 变更记录, the user's own) holds nothing the pane shows.
        case 'table':
          return ids.has(t.tableId) && !echoes.current.take(t);
        case 'tableDeleted':
          return watchedName(t.tableName, TABLE_NAMES);
        case 'sheetDeleted':
          return sheets.has(t.worksheetId);
        default:
          return !echoes.current.take(t);
      }
    });
    echoes.current.forget();
    return news;
  }, []);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      // An action running now will say what it wrote when it ends; judge then.
      if (inFlight.current > 0) return;
      void judge().then((news) => (news ? load() : undefined));
    }, DEBOUNCE_MS);
  }, [judge, load]);

  const later = useCallback(
    (trigger: Trigger) => {
      pending.current.push(trigger);
      schedule();
    },
    [schedule],
  );

  const current = useCallback(async () => {
    if (pending.current.length === 0) return latest.current;
    return (await judge()) ? load() : latest.current;
  }, [judge, load]);

  const run: ExcelRun = useCallback(
    async (batch) => {
      inFlight.current++;
      try {
        return await host.run(batch);
      } finally {
        inFlight.current--;
        // The action has said (or will, in this tick) what it wrote: its events can be judged after the pause.
        if (inFlight.current === 0) schedule();
      }
    },
    [host, schedule],
  );

  // Register the handlers, then read: a change made while they were being registered is in the read.
  useEffect(() => {
    alive.current = true;
    let watch: Watch | null = null;
    void engine().then(async ({ describeError, stopWatching, watchWorkbook }) => {
      try {
        const registered = await host.run((context) =>
          watchWorkbook(context, (change) => later(change), host.supports),
        );
        if (alive.current) watch = registered;
        else await stopWatching(host.runIn, registered);
      } catch (error) {
        if (alive.current) onError(describeError(error));
      }
      if (alive.current) await load();
    });
    // Coming back to the pane (another pane was shown, Excel was in the background): check again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') later('visible');
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive.current = false;
      document.removeEventListener('visibilitychange', onVisible);
      if (timer.current) clearTimeout(timer.current);
      const current = watch;
      if (!current) return;
      // The pane is gone: there is no one left to tell, so a failure goes to the console.
      void engine()
        .then(({ stopWatching }) => stopWatching(host.runIn, current))
        .catch((error: unknown) => console.error('任务台账: could not remove the change handler', error));
    };
  }, [host, later, load, onError]);

  const tablesSeen = useMemo(() => new Set(Object.keys(tablesOf(state)) as AddInTable[]), [state]);

  return useMemo(
    () => ({ state, refresh, afterWrite, expectEchoes, take, current, tablesSeen, run }),
    [state, refresh, afterWrite, expectEchoes, take, current, tablesSeen, run],
  );
}
