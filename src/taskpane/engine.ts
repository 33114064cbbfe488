// What the pane's state needs from the Excel layer and the core, loaded on demand.
export {
  describeError,
  excelErrorCode,
  readOptions,
  readWorkbook,
  rereadLedgerRows,
  ROW_REREAD_LIMIT,
  statusPicksUnheard,
  stopWatching,
  tableNamesFor,
  tablesSeen,
  watchWorkbook,
} from '../excel';
export { analyzeLedger, changedBodyRows, dayFromLocalDate, unitsInLedger } from '../ledger';
