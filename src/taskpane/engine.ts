// What the pane's state needs from the Excel layer and the core, loaded on demand.
export {
  describeError,
  excelErrorCode,
  readOptions,
  readWorkbook,
  statusPicksUnheard,
  stopWatching,
  TABLE_NAMES,
  tablesSeen,
  watchWorkbook,
} from '../excel';
export { analyzeLedger, dayFromLocalDate, unitTaskCounts } from '../ledger';
