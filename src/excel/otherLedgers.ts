// Sheets that look like a ledger but are not the one the pane reads: a copy of the ledger sheet
// (Excel names it 任务台账 (2)), an older ledger kept beside it, a sheet typed before 新建. The
// 开始 tab names them, so nobody edits one and wonders why the pane does not follow. Another
// plan's ledger is not one of them.
import { findHeaderRow, FIRST_LEDGER_TABLE, ledgerTableOf } from '../ledger';
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
  // Another plan's ledger (a table paired with its plan's part) is read when the user is on it: not a stray copy.
  const tables = context.workbook.tables.load('items/name, items/worksheet/id');
  const parts = context.workbook.customXmlParts.load('items/namespaceUri');
  await context.sync();
  const paired = new Set(parts.items.flatMap((p) => ledgerTableOf(p.namespaceUri)?.toLowerCase() ?? []));
  paired.add(FIRST_LEDGER_TABLE.toLowerCase());
  const ours = summaryIds(setting.isNullObject ? null : setting.value);
  for (const t of tables.items) if (paired.has(t.name.toLowerCase())) ours.add(t.worksheet.id);
  const others = sheets.items.filter((s) => s.id !== ledgerSheetId && !ours.has(s.id));
  if (others.length === 0) return [];
  const tops = others.map((s) => s.getRange(SCAN).load('values'));
  await context.sync();
  return others.filter((_, i) => findHeaderRow(tops[i].values, SCAN_ROWS) !== null).map((s) => s.name);
}
