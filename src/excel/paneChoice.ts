// Which plan's ledger the task pane shows, for the ribbon's commands: they run in a runtime of
// their own (no shared runtime in the manifest), so the pane leaves the ledger's table name in
// the browser's localStorage, which the docs name for sharing data across an add-in's instances
// ("Persist add-in state and settings"), under Office.context.partitionKey where storage is
// partitioned, and the workbook's URL, so another open workbook's pane does not count. It is a
// pointer, never data: the command reads the ledger in its own request, and a table the workbook
// does not have falls back to the first ledger, which the command then names.
//
// An unsaved workbook has no URL (Office.context.document.url is null), and all of them would share
// one key: nothing is written or read then. A pane that ends without pagehide (Excel quits, the
// pane crashes) leaves its record behind, so each record carries when it was written, an open
// pane writes it again every REFRESH_MS, and one older than STALE_MS is from a pane that is gone.

const PREFIX = '任务台账.paneLedger';
/** How often an open pane writes its record again. */
export const REFRESH_MS = 10 * 60 * 1000;
/** Two hours: past a hidden page's timers throttled to once an hour (Chrome), well past REFRESH_MS. */
const STALE_MS = 2 * 60 * 60 * 1000;

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
  if (typeof Office === 'undefined' || !Office.context?.document?.url) return null;
  return `${PREFIX}:${Office.context.partitionKey ?? ''}:${Office.context.document.url}`;
}

/** The pane shows this ledger table now (undefined: no ledger, or the pane is going). */
export function recordPaneLedger(table: string | undefined, now: number = Date.now()): void {
  const key = keyOf();
  const store = storage();
  if (key === null || store === null) return;
  // "when|table": the time first, so whatever the table's name holds follows the first bar.
  if (table === undefined) store.removeItem(key);
  else store.setItem(key, `${now}|${table}`);
}

/** The ledger table an open pane of this workbook shows, if there is one. */
export function recallPaneLedger(now: number = Date.now()): string | undefined {
  const key = keyOf();
  const record = key === null ? null : (storage()?.getItem(key) ?? null);
  const bar = record?.indexOf('|') ?? -1;
  if (record === null || bar < 0) return undefined;
  const at = Number(record.slice(0, bar));
  // A record without a time (an older version's) or a stale one names no open pane.
  return Number.isFinite(at) && now - at <= STALE_MS ? record.slice(bar + 1) : undefined;
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
