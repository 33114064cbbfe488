// The Excel layer: everything the add-in does to a workbook. Each operation takes the request
// context, so the task pane passes Excel.run's and tests pass excel-sim's.
export * from './adoptSheet';
export * from './applyReturns';
export * from './cells';
export * from './createLedger';
export * from './directorySheet';
export * from './errors';
export * from './ledgerId';
export * from './names';
export * from './ownWrites';
export * from './navigation';
export * from './protection';
export * from './newWorkbook';
export * from './readLedger';
export * from './recipients';
export * from './reference';
export * from './requirements';
export * from './restoreReference';
export * from './selfTest';
export * from './setStatus';
export * from './snapshotSheet';
export * from './summaries';
export * from './unitFilter';
export * from './watch';
export * from './generateSummaries';
export * from './indicatorSheet';
export * from './otherLedgers';
