// Protects the official columns (序号, 工作任务, 责任单位) while the rest of the ledger stays
// editable and filtering keeps working. Excel cannot sort a table on a protected sheet, even
// with sorting allowed (office-js issue #2135): the pane says so. The add-in lifts only
// protection it set itself, marked on the sheet by a sheet-scoped name (older workbooks: by sheet
// id in the settings); a sheet someone else protected (perhaps with a password) is never
// unprotected, and the user is told to do it by hand.
import { pairsWithTable, type HeaderMap } from '../ledger';
import { LedgerError, passwordProtectedText, refusedUnprotect } from './errors';
import { LEDGER_TABLE, PROTECTION_MARK, PROTECTION_SETTING, REGISTER_TABLE, SNAPSHOT_TABLE } from './names';
import type { LedgerLocation } from './readLedger';

const OFFICIAL = ['no', 'task', 'units'] as const;

export interface ProtectionState {
  readonly protected: boolean;
  /** Protected by this add-in (so it may lift it); false for a user's own protection. */
  readonly byAddIn: boolean;
}

/** Queues the reads that say whether the ledger's sheet is protected, and by whom. */
export function loadProtection(context: Excel.RequestContext, location: LedgerLocation) {
  // The sheet that holds the table now, whatever it has been renamed to.
  const sheet = context.workbook.tables.getItem(location.tableName).worksheet;
  sheet.load('id, name');
  const protection = sheet.protection;
  protection.load('protected');
  const setting = context.workbook.settings.getItemOrNullObject(PROTECTION_SETTING);
  setting.load('value');
  // The plan parts say whether the table is a ledger with its own plan (see markState).
  const parts = context.workbook.customXmlParts.load('items/namespaceUri');
  return {
    sheet,
    protection,
    setting,
    mark: queueProtectionMark(sheet),
    parts,
    tableName: location.tableName,
  };
}

/** Queues the read of the add-in's mark on a sheet: a null object when the sheet has none. */
export function queueProtectionMark(sheet: Excel.Worksheet): Excel.NamedItem {
  // NamedItem.formula is ExcelApi 1.7, the manifest's minimum.
  return sheet.names.getItemOrNullObject(PROTECTION_MARK).load('formula');
}

/**
 * The mark names the table the add-in protected the sheet for. A sheet-scoped name travels with a
 * copy of the sheet (Worksheet.copy, 移动或复制), but the copy's table gets another name (table
 * names are unique in a workbook): a copy the user protected is never taken for the add-in's.
 */
export function markFormula(tableName: string): string {
  return `="任务台账|${tableName}"`;
}

/** The first marks, which named no table: they can no longer tell an original from its copy. */
const UNNAMED_MARK = '="任务台账"';
/** Tables that only the add-in names so: an unnamed mark is honoured on their sheets, never on a copy's. */
const OWN_TABLES = [LEDGER_TABLE, SNAPSHOT_TABLE, REGISTER_TABLE].map((n) => n.toLowerCase());

/**
 * A sheet's mark, once synced, against the table the action reached the sheet by: none, the
 * add-in's for this table (current), an unnamed mark it honours (legacy: rewritten when the
 * add-in next protects), or a mark that came with a copy of another sheet (foreign).
 */
export type MarkState = 'none' | 'current' | 'legacy' | 'foreign';

/**
 * `ownPlan`: the table is a ledger with a plan part of its own. Older versions wrote the unnamed
 * mark on every ledger they protected, a second plan's too; a copy's table has no plan part, so
 * honouring the mark there still never takes a copy for the add-in's.
 */
export function markState(mark: Excel.NamedItem, tableName: string, ownPlan = false): MarkState {
  if (mark.isNullObject) return 'none';
  // Formulas compared without case: Excel compares table names so, and may re-case the text.
  const formula = String(mark.formula).toLowerCase();
  if (formula === markFormula(tableName).toLowerCase()) return 'current';
  const ownTable = ownPlan || OWN_TABLES.includes(tableName.toLowerCase());
  return formula === UNNAMED_MARK && ownTable ? 'legacy' : 'foreign';
}

/** Whether a synced list of the workbook's parts holds the plan part of ledger table `tableName`. */
export function hasOwnPlan(parts: Excel.CustomXmlPartCollection, tableName: string): boolean {
  return parts.items.some((p) => pairsWithTable(p.namespaceUri, tableName));
}

/**
 * Queues the add-in's mark for `tableName` onto a sheet it protects, before the protection is
 * set: a mark of another kind (unnamed, or a copy's) is replaced.
 */
export function markProtected(sheet: Excel.Worksheet, tableName: string, state: MarkState = 'none'): void {
  if (state === 'current') return;
  if (state !== 'none') sheet.names.getItem(PROTECTION_MARK).delete();
  sheet.names.add(PROTECTION_MARK, markFormula(tableName));
}

/** Whether a protected sheet's protection is the add-in's: its mark, or its id in the older setting. */
export function isOurProtection(loads: {
  readonly sheet: Excel.Worksheet;
  readonly setting: Excel.Setting;
  readonly mark: Excel.NamedItem;
  readonly parts?: Excel.CustomXmlPartCollection;
  readonly tableName: string;
}): boolean {
  const ownPlan = loads.parts !== undefined && hasOwnPlan(loads.parts, loads.tableName);
  const state = markState(loads.mark, loads.tableName, ownPlan);
  return state === 'current' || state === 'legacy' || ownedSheets(loads.setting).includes(loads.sheet.id);
}

/** The options the add-in protects the ledger with: lifted and set again, it is the same protection. */
export const LEDGER_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowSort: true,
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: false,
  allowDeleteRows: false,
};

/** The sheet ids in the setting, once it has been synced. */
export function ownedSheets(setting: Excel.Setting): string[] {
  return !setting.isNullObject && Array.isArray(setting.value)
    ? setting.value.filter((v) => typeof v === 'string')
    : [];
}

export async function isSheetProtected(
  context: Excel.RequestContext,
  location: LedgerLocation,
): Promise<ProtectionState> {
  const loads = loadProtection(context, location);
  await context.sync();
  return {
    protected: loads.protection.protected,
    byAddIn: loads.protection.protected && isOurProtection(loads),
  };
}

export async function setOfficialColumnsProtected(
  context: Excel.RequestContext,
  location: LedgerLocation,
  header: HeaderMap,
  on: boolean,
): Promise<ProtectionState> {
  const loads = loadProtection(context, location);
  const { sheet, protection, mark } = loads;
  await context.sync();
  if (protection.protected && !isOurProtection(loads)) {
    throw new LedgerError(
      {
        zh: `工作表“${sheet.name}”的保护不是本加载项设置的（可能设有密码），加载项不会撤销它。如需更改，请先在“审阅 > 撤销工作表保护”中手动撤销。`,
        en: `Sheet ${sheet.name} was protected by someone else (perhaps with a password); the add-in does not lift it. Unprotect it by hand (Review > Unprotect Sheet) first.`,
      },
      'NotOurProtection',
    );
  }
  // The lift goes first in its request: refused (a password set by hand over the add-in's mark),
  // nothing after it runs and the user is told, nothing written.
  if (protection.protected) protection.unprotect();
  // Whose protection it is goes on the sheet, not in the settings a co-author may be rewriting.
  // A mark left by a hand-lifted protection stays when the pane protects again.
  if (on)
    markProtected(
      sheet,
      location.tableName,
      markState(mark, location.tableName, hasOwnPlan(loads.parts, location.tableName)),
    );
  else if (!mark.isNullObject) mark.delete();
  if (on) {
    const table = context.workbook.tables.getItem(location.tableName);
    table.getRange().format.protection.locked = false;
    for (const key of OFFICIAL) {
      const index = header.columns[key];
      if (index !== undefined) table.columns.getItemAt(index).getRange().format.protection.locked = true;
    }
    protection.protect(LEDGER_PROTECTION);
  }
  // An older workbook names the sheet in the settings: when lifting, the id goes, taken out of the
  // list as it is in this request (a co-author's ids added since the first read are kept).
  const legacy = !on && ownedSheets(loads.setting).includes(sheet.id);
  const fresh = legacy
    ? context.workbook.settings.getItemOrNullObject(PROTECTION_SETTING).load('value')
    : null;
  try {
    await context.sync();
  } catch (error) {
    if (protection.protected && refusedUnprotect(error))
      throw new LedgerError(passwordProtectedText(sheet.name, true), 'PasswordProtected');
    throw error;
  }
  if (fresh) {
    context.workbook.settings.add(
      PROTECTION_SETTING,
      ownedSheets(fresh).filter((id) => id !== sheet.id),
    );
    await context.sync();
  }
  return { protected: on, byAddIn: on };
}

/**
 * Runs a request that lifts the add-in's own protection of a sheet and sets it again. A batch is
 * not a transaction: when a command after the lift fails, the lift has happened, so the sheet is
 * protected again in a request of its own before the error is passed on.
 */
export async function syncKeepingProtection(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  lifted: boolean,
  options: Excel.WorksheetProtectionOptions,
): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (lifted) {
      const protection = sheet.protection.load('protected');
      await context.sync();
      if (!protection.protected) {
        protection.protect(options);
        await context.sync();
      }
    }
    throw error;
  }
}
