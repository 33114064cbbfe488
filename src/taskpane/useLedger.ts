// The pane's view of the workbook as React state: a PaneLedger for the pane's life, its state
// shown, its handlers removed when the pane goes.
import { useEffect, useMemo, useState } from 'react';
import type { AddInTable, AfterWrite, ExcelRun, Reference, WorkbookRead, WriteEcho } from '../excel';
import type { Bilingual } from '../ledger';
import type { Host } from './host';
import { ledgerTableOf, PaneLedger, tablesSeenIn, type LedgerState } from './paneLedger';

export { DEBOUNCE_MS, type LedgerState, type ReadyLedger } from './paneLedger';

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
  /** The ledger table the view shows (one plan's of several): an action's read asks for it. */
  readonly ledgerTable?: string;
  /** Excel.run for the pane's actions: reported changes wait to be judged until they end. */
  readonly run: ExcelRun;
}

export function useLedger(host: Host, onError: (error: Bilingual) => void): LedgerApi {
  const [state, setState] = useState<LedgerState>({ phase: 'loading' });
  const pane = useMemo(() => new PaneLedger(host, setState, onError), [host, onError]);

  useEffect(() => {
    void pane.start();
    // Coming back to the pane (another pane was shown, Excel was in the background): check again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') pane.later('visible');
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      // The pane is gone: there is no one left to tell, so a failure goes to the console.
      pane
        .stop()
        .catch((error: unknown) => console.error('任务台账: could not remove the change handler', error));
    };
  }, [pane]);

  const tablesSeen = useMemo(() => tablesSeenIn(state), [state]);
  return useMemo(
    () => ({
      state,
      refresh: async () => {
        await pane.load();
      },
      afterWrite: (result) => void pane.afterWrite(result),
      expectEchoes: (echo) => pane.expectEchoes(echo),
      take: (read) => void pane.take(read),
      current: () => pane.settled(),
      tablesSeen,
      ledgerTable: ledgerTableOf(state),
      run: pane.run,
    }),
    [state, pane, tablesSeen],
  );
}
