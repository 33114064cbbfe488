// Sheets that look like a ledger but are not the one the pane reads: a copy of the ledger sheet
// (Excel names it 任务台账 (2)), an older ledger kept beside it, a sheet typed before 新建. The
// 开始 tab names them, so nobody edits one and wonders why the pane does not follow.
import { findHeaderRow } from '../ledger';
import { SUMMARY_SETTING } from './names';

/** The block of each sheet looked at: the top rows, where a ledger's title and header are. */
const SCAN_ROWS = 10;
const SCAN = `A1:AD${SCAN_ROWS}`;

/** The ids in the record of the summary sheets the add-in made: their 序号 / 工作任务 / 责任单位 lists are not ledgers. */
function summaryIds(value: unknown): Set<string> {
  const records: unknown[] = Array.isArray(value) ? value : [];
  return new Set(
    records.flatMap((r) =>
      typeof r === 'object' && r !== null && 'id' in r && typeof r.id === 'string' ? [r.id] : [],
    ),
  );
}

/**
 * Two syncs: the sheets, then the top of each other sheet. Names the sheets whose first rows
 * hold a 序号 / 工作任务 / 责任单位 header, in tab order.
 */
export async function findLedgerLikeSheets(
  context: Excel.RequestContext,
  ledgerSheetId: string,
): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name, items/id');
  const setting = context.workbook.settings.getItemOrNullObject(SUMMARY_SETTING);
  setting.load('value');
  await context.sync();
  const ours = summaryIds(setting.isNullObject ? null : setting.value);
  const others = sheets.items.filter((s) => s.id !== ledgerSheetId && !ours.has(s.id));
  if (others.length === 0) return [];
  const tops = others.map((s) => s.getRange(SCAN).load('values'));
  await context.sync();
  return others.filter((_, i) => findHeaderRow(tops[i].values, SCAN_ROWS) !== null).map((s) => s.name);
}
