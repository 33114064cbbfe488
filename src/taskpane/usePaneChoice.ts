// Leaves the ledger the pane shows where the ribbon's commands find it (see excel/paneChoice),
// and takes it back when the pane goes, so a closed pane's plan is not taken for the user's.
import { useEffect } from 'react';
import { recordPaneLedger, REFRESH_MS } from '../excel/paneChoice';

export function usePaneChoice(ledgerTable: string | undefined): void {
  useEffect(() => {
    recordPaneLedger(ledgerTable);
    // Written again while the pane is open, so the record's time says the pane still is.
    const refresh = window.setInterval(() => recordPaneLedger(ledgerTable), REFRESH_MS);
    return () => window.clearInterval(refresh);
  }, [ledgerTable]);
  useEffect(() => {
    const gone = () => recordPaneLedger(undefined);
    window.addEventListener('pagehide', gone);
    return () => {
      window.removeEventListener('pagehide', gone);
      gone();
    };
  }, []);
}
