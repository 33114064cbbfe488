// The plan the pane works on, said under the tabs, and the other plans' ledgers to go to: the
// pane follows the ledger of the sheet the user is on, so going to a sheet is the switch.
import { activateSheet } from '../excel';
import { usePane } from './paneContext';

export function useActivePlan() {
  const { action, host, ledger } = usePane();
  const state = ledger.state;
  if (state.phase !== 'ready') return null;
  const { tableName, sheetName } = state.read.location;
  const goTo = async (sheetId: string) => {
    await action.run('open', () => host.run((c) => activateSheet(c, sheetId)));
    // The read takes the ledger of the sheet now active.
    await ledger.refresh();
  };
  return {
    title: state.reference.plan.plan.title,
    sheetName,
    others: state.ledgers.filter((l) => l.table !== tableName),
    goTo,
    busy: action.busy !== null,
  };
}
