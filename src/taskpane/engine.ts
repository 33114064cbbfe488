// What the pane's state needs from the Excel layer and the core, loaded on demand.
export {
  describeError,
  excelErrorCode,
  readCells,
  readOptions,
  readWorkbook,
  stopWatching,
  TABLE_NAMES,
  tablesSeen,
  watchWorkbook,
} from '../excel';
export { analyzeLedger, dayFromLocalDate, unitTaskCounts } from '../ledger';
