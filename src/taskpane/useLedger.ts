// The pane's view of the workbook: the ledger read, the reference data and the analysis. Read
// when the pane opens; taken from a write's own read-back after the pane writes; read again,
// debounced, when Excel reports a change the pane did not make itself.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AfterWrite, LedgerRead, Reference, Watch, WorkbookChange, WriteEcho } from '../excel';
import type { Analysis, Bilingual } from '../ledger';
import type { Host } from './host';
import { WriteEchoes } from './writeEchoes';

// The workbook code loads after the pane's first paint (it is not needed to draw the shell).
const engine = () => import('./engine');

export const DEBOUNCE_MS = 600;

export interface ReadyLedger {
  readonly phase: 'ready';
  readonly read: LedgerRead;
  readonly reference: Reference;
  readonly analysis: Analysis;
  readonly checkedAt: Date;
}

export type LedgerState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'none'; readonly reference: Reference }
  | { readonly phase: 'failed'; readonly error: Bilingual }
  | ReadyLedger;

export interface LedgerApi {
  readonly state: LedgerState;
  /** Reads the ledger again (and the reference data when asked or not yet read). */
  readonly refresh: (options?: { reference?: boolean }) => Promise<void>;
  /** Takes what a write read back, and lets its own change events pass without a re-read. */
  readonly afterWrite: (result: AfterWrite & { readonly reference?: Reference }) => void;
  /** A write or a jump that reads nothing back: its change events are echoes all the same. */
  readonly expectEchoes: (echo: WriteEcho) => void;
  /** The state with every change Excel has reported so far taken in: read again only if one waits. */
  readonly current: () => Promise<LedgerState>;
}

/** A reason to read again: a change Excel reported, or the pane coming back into view. */
type Trigger = WorkbookChange | 'visible';

async function analysed(host: Host, read: LedgerRead, reference: Reference): Promise<ReadyLedger> {
  const { analyzeLedger, dayFromLocalDate, readOptions } = await engine();
  const analysis = analyzeLedger(read.ledger, {
    ...readOptions(reference, dayFromLocalDate(host.now()), read.location),
    reference: reference.health,
  });
  return { phase: 'ready', read, reference, analysis, checkedAt: host.now() };
}

/** Registers the change handlers once for the pane's life; removes them when the pane goes. */
function useWorkbookWatch(
  host: Host,
  onChange: (change: WorkbookChange) => void,
  onError: (error: Bilingual) => void,
) {
  const listener = useRef(onChange);
  listener.current = onChange;
  useEffect(() => {
    let watch: Watch | null = null;
    let alive = true;
    void engine().then(async ({ describeError, stopWatching, watchWorkbook }) => {
      try {
        const registered = await host.run((context) =>
          watchWorkbook(context, (change) => listener.current(change)),
        );
        if (alive) watch = registered;
        else await stopWatching(host.runIn, registered);
      } catch (error) {
        if (alive) onError(describeError(error));
      }
    });
    return () => {
      alive = false;
      const current = watch;
      if (!current) return;
      // The pane is gone: there is no one left to tell, so a failure goes to the console.
      void engine()
        .then(({ stopWatching }) => stopWatching(host.runIn, current))
        .catch((error: unknown) => console.error('任务台账: could not remove the change handler', error));
    };
  }, [host, onError]);
}

export function useLedger(host: Host, onError: (error: Bilingual) => void): LedgerApi {
  const [state, setState] = useState<LedgerState>({ phase: 'loading' });
  const reference = useRef<Reference | null>(null);
  const ledgerTableId = useRef<string | null>(null);
  const echoes = useRef(new WriteEchoes());
  const alive = useRef(true);

  const show = useCallback((next: LedgerState) => {
    if (!alive.current) return;
    if (next.phase === 'ready') ledgerTableId.current = next.read.location.tableId;
    if (next.phase === 'none') ledgerTableId.current = null;
    setState(next);
  }, []);

  const latest = useRef<LedgerState>(state);
  latest.current = state;

  /** Reads the workbook: the reference data (when asked, or not read yet) and the ledger. */
  const load = useCallback(
    async (withReference: boolean): Promise<LedgerState> => {
      const { describeError, readLedger, readReference } = await engine();
      try {
        if (withReference || !reference.current) reference.current = await host.run((c) => readReference(c));
        const known = reference.current;
        const read = await host.run((c) => readLedger(c));
        const next: LedgerState = read
          ? await analysed(host, read, known)
          : { phase: 'none', reference: known };
        show(next);
        return next;
      } catch (error) {
        // A failed re-read keeps what the pane shows and says why; a failed first read has nothing to keep.
        const failed: LedgerState = { phase: 'failed', error: describeError(error) };
        if (alive.current) {
          setState((now) => (now.phase === 'ready' ? now : failed));
          onError(describeError(error));
        }
        return latest.current.phase === 'ready' ? latest.current : failed;
      }
    },
    [host, show, onError],
  );

  const refresh = useCallback(
    async (options: { reference?: boolean } = {}) => {
      await load(options.reference === true);
    },
    [load],
  );

  const expectEchoes = useCallback((echo: WriteEcho) => echoes.current.expect(echo, Date.now()), []);

  const afterWrite = useCallback(
    (result: AfterWrite & { readonly reference?: Reference }) => {
      expectEchoes(result);
      if (result.reference) reference.current = result.reference;
      const known = reference.current;
      if (result.read && known) void analysed(host, result.read, known).then(show);
      else if (result.written.length) void refresh();
    },
    [host, show, refresh, expectEchoes],
  );

  // Many changes in a row make one re-read, after they stop; echoes of the pane's own writes
  // are dropped then (a write's reply may come after its events).
  const pending = useRef<Trigger[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Takes the waiting triggers; says whether they ask for a read, and of the reference data too. */
  const takePending = useCallback(async (): Promise<{ read: boolean; reference: boolean }> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const triggers = pending.current;
    pending.current = [];
    const now = Date.now();
    const real = triggers.filter((t) => t === 'visible' || !echoes.current.isEcho(t, now));
    if (real.length === 0) return { read: false, reference: false };
    const { changeSource } = await engine();
    const reference = real.some(
      (t) => t === 'visible' || changeSource(t, ledgerTableId.current) === 'reference',
    );
    return { read: true, reference };
  }, []);
  const later = useCallback(
    (trigger: Trigger) => {
      pending.current.push(trigger);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void takePending().then((wanted) => (wanted.read ? load(wanted.reference) : undefined));
      }, DEBOUNCE_MS);
    },
    [takePending, load],
  );
  const current = useCallback(async () => {
    const wanted = await takePending();
    return wanted.read ? load(wanted.reference) : latest.current;
  }, [takePending, load]);

  useWorkbookWatch(host, later, onError);

  // Coming back to the pane (another pane was shown, Excel was in the background): check again.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') later('visible');
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [later]);

  useEffect(() => {
    alive.current = true;
    void refresh({ reference: true });
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [refresh]);

  return useMemo(
    () => ({ state, refresh, afterWrite, expectEchoes, current }),
    [state, refresh, afterWrite, expectEchoes, current],
  );
}
