// What the pane's state needs from the Excel layer and the core, loaded on demand.
export {
  changeSource,
  describeError,
  readLedger,
  readOptions,
  readReference,
  stopWatching,
  watchWorkbook,
} from '../excel';
export { analyzeLedger, dayFromLocalDate } from '../ledger';
