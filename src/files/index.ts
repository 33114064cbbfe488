// Workbook files, the 通报 and mail drafts, made in the pane with no server and no Office call.
export * from './bulletinFile';
export * from './deliver';
export * from './mailDraft';
export * from './returnFiles';
export * from './reminderFiles';
export * from './returnFormFile';
export * from './summaryFiles';
export * from './workbookFile';
export * from './zip';
