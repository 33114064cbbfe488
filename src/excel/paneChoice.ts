// Which plan's ledger the task pane shows, for the ribbon's commands: they run in a runtime of
// their own (no shared runtime in the manifest), so the pane leaves the ledger's table name in
// the browser's localStorage, which the docs name for sharing data across an add-in's instances
// ("Persist add-in state and settings"), under Office.context.partitionKey where storage is
// partitioned, and the workbook's URL, so another open workbook's pane does not count. It is a
// pointer, never data: the command reads the ledger in its own request, and a table the workbook
// does not have falls back to the first ledger, which the command then names.

const PREFIX = '任务台账.paneLedger';

function storage(): Storage | null {
  // Storage a browser or its settings block throws on access (the docs say to test for it): the
  // commands then have no pane state and say which plan they used.
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function keyOf(): string | null {
  if (typeof Office === 'undefined' || !Office.context?.document) return null;
  return `${PREFIX}:${Office.context.partitionKey ?? ''}:${Office.context.document.url ?? ''}`;
}

/** The pane shows this ledger table now (undefined: no ledger, or the pane is going). */
export function recordPaneLedger(table: string | undefined): void {
  const key = keyOf();
  const store = storage();
  if (key === null || store === null) return;
  if (table === undefined) store.removeItem(key);
  else store.setItem(key, table);
}

/** The ledger table an open pane of this workbook shows, if there is one. */
export function recallPaneLedger(): string | undefined {
  const key = keyOf();
  return key === null ? undefined : (storage()?.getItem(key) ?? undefined);
}

/**
 * What a ribbon command says when the workbook has several plans' ledgers and neither the sheet
 * the user is on nor an open pane said which: the plan it took (the first ledger).
 */
export function planUsedNotice(plans: number, title: string, sheetName: string): { zh: string; en: string } {
  return {
    zh: `工作簿中有${plans}个方案的台账，本次按方案“${title}”（工作表“${sheetName}”）生成汇总表。要汇总其他方案，请先转到该方案的台账工作表（或在任务窗格中打开它），再点此按钮。`,
    en: `The workbook holds the ledgers of ${plans} plans; these summaries are of the plan ${title} (sheet ${sheetName}). To summarize another plan, go to its ledger sheet (or show it in the task pane) and click the button again.`,
  };
}
