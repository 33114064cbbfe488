// The pane's view of the workbook: the ledger read, the reference data and the analysis,
// refreshed on demand and, debounced, when the table changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Analysis, Bilingual } from '../ledger';
import type { LedgerRead, Reference, Watch } from '../excel';
import type { Host } from './host';

// The workbook code loads after the pane's first paint (it is not needed to draw the shell).
const engine = () => import('./engine');

export const DEBOUNCE_MS = 600;

export interface LedgerState {
  readonly phase: 'loading' | 'none' | 'ready' | 'failed';
  readonly read: LedgerRead | null;
  readonly reference: Reference | null;
  readonly analysis: Analysis | null;
  readonly checkedAt: Date | null;
  readonly loadError: Bilingual | null;
}

export function useLedger(host: Host) {
  const [state, setState] = useState<LedgerState>({
    phase: 'loading',
    read: null,
    reference: null,
    analysis: null,
    checkedAt: null,
    loadError: null,
  });
  const referenceRef = useRef<Reference | null>(null);
  // One change handler for the pane's lifetime, removed when the pane goes away.
  const watch = useRef<Watch | 'pending' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A 单位名录 edit followed by a ledger edit in one debounce window still re-reads the directory.
  const referenceChanged = useRef(false);
  const alive = useRef(true);
  // The debounced re-read, reachable from handlers registered before it was defined.
  const laterRef = useRef<(reference: boolean) => void>(() => undefined);

  const refresh = useCallback(
    async (options: { reference?: boolean } = {}) => {
      const { analyzeLedger, dayFromLocalDate, describeError, readLedger, readReference, stopWatching, watchWorkbook } =
        await engine();
      try {
        if (options.reference || !referenceRef.current)
          referenceRef.current = await host.run((context) => readReference(context));
        const reference = referenceRef.current;
        const read = await host.run((context) => readLedger(context));
        if (!alive.current) return;
        if (!read) {
          setState((s) => ({ ...s, phase: 'none', read: null, analysis: null, reference, loadError: null }));
          return;
        }
        const analysis = analyzeLedger(read.ledger, {
          asOf: dayFromLocalDate(host.now()),
          statuses: reference.statuses,
          directory: reference.directory,
          place: read.location,
          reference: reference.health,
        });
        setState((s) => ({
          ...s,
          phase: 'ready',
          read,
          reference,
          analysis,
          checkedAt: host.now(),
          loadError: null,
        }));
        if (watch.current === null) {
          watch.current = 'pending';
          const registered = await host.run((context) =>
            watchWorkbook(context, read.location.tableName, (source) => laterRef.current(source === 'reference')),
          );
          if (alive.current) watch.current = registered;
          else await stopWatching(host.runIn, registered);
        }
      } catch (error) {
        if (alive.current) setState((s) => ({ ...s, phase: s.read ? s.phase : 'failed', loadError: describeError(error) }));
      }
    },
    [host],
  );

  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  // Many changes in a row make one re-read, after they stop; a 单位名录 change also re-reads it.
  const later = useCallback((reference: boolean) => {
    if (timer.current) clearTimeout(timer.current);
    if (reference) referenceChanged.current = true;
    timer.current = setTimeout(() => {
      const withReference = referenceChanged.current;
      referenceChanged.current = false;
      void refreshRef.current({ reference: withReference });
    }, DEBOUNCE_MS);
  }, []);
  laterRef.current = later;

  // Coming back to the pane (another pane was shown, Excel was in the background): check again.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') later(true);
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
      const current = watch.current;
      watch.current = null;
      if (current && current !== 'pending') {
        // The pane is gone: there is no one left to tell, so a failure goes to the console.
        void engine()
          .then(({ stopWatching }) => stopWatching(host.runIn, current))
          .catch((error: unknown) => console.error('任务台账: could not remove the change handler', error));
      }
    };
  }, [refresh, host]);

  return { state, refresh };
}
