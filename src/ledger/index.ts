// The public face of the ledger core: other layers import from here only.
export * from './columns';
export * from './dates';
export * from './deadlines';
export * from './health';
export * from './ledger';
export * from './officialTasks';
export * from './progress';
export * from './responsibleUnits';
export * from './sheetSpecs';
export * from './statuses';
export * from './summary';
export * from './tasks';
export * from './text';
export * from './unitSelection';
export * from './units';
export * from './validation';
