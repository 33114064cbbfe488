// Names the add-in gives to what it creates, so it can find its own work again. A table's
// names come from its spec in the core.
import {
  CHANGE_LOG_SPEC,
  DIRECTORY_SPEC,
  headersOf,
  INDICATOR_SPEC,
  LEDGER_SPEC,
  REGISTER_SPEC,
  SNAPSHOT_SPEC,
  STATUS_SPEC,
} from '../ledger';
export const LEDGER_SHEET = LEDGER_SPEC.sheet;
export const DIRECTORY_SHEET = DIRECTORY_SPEC.sheet;
export const LEDGER_TABLE = LEDGER_SPEC.table;
export const DIRECTORY_TABLE = DIRECTORY_SPEC.table;
export const STATUS_TABLE = STATUS_SPEC.table;
/**
 * The defined name the status dropdown takes its list from: a structured reference to StatusList's
 * 状态 column, which Excel re-targets when the table or its header is renamed (INDIRECT of a
 * table name in text is not, and is unverified as a list source on the web and Mac).
 */
export const STATUS_NAME = 'TaskStatusChoices';
/** Workbook setting: the summary sheets the add-in made, by sheet id. */
export const SUMMARY_SETTING = 'renwuTaizhang.summarySheets';
export const DIRECTORY_HEADERS = headersOf(DIRECTORY_SPEC);
/**
 * Workbook setting: ids of the sheets whose protection the add-in set (and so may lift). The ledger
 * and 进度快照 are no longer recorded here but marked on the sheet (below): co-authors rebuilding the
 * list from their own reads overwrote each other's ids (issue 23, item 11). Their older ids still count.
 */
export const PROTECTION_SETTING = 'renwuTaizhang.protectedSheets';
/**
 * A name scoped to a sheet the add-in protected (Worksheet.names, ExcelApi 1.4): whose protection
 * it is can be read on the sheet itself, whatever a co-author did to the settings meanwhile.
 */
export const PROTECTION_MARK = 'RenwuTaizhang_Protected';

export { freeSheetName } from '../ledger';
/** Workbook setting: the leaders' mail recipients (To and Cc). */
export const RECIPIENTS_SETTING = 'renwuTaizhang.mailRecipients';
/** Workbook setting: the ledger's random id, which its return forms carry. */
export const LEDGER_ID_SETTING = 'renwuTaizhang.ledgerId';
/** The change log of imported returns: its sheet and table. */
export const CHANGE_LOG_SHEET = CHANGE_LOG_SPEC.sheet;
export const CHANGE_LOG_TABLE = CHANGE_LOG_SPEC.table;
export const CHANGE_LOG_HEADERS = headersOf(CHANGE_LOG_SPEC);
/** The 指标 sheet: quantitative targets read from the tasks, with their actual values. */
export const INDICATOR_SHEET = INDICATOR_SPEC.sheet;
export const INDICATOR_TABLE = INDICATOR_SPEC.table;
/** The 进度快照 sheet: every report's snapshot of the tasks, one block of rows per 截至 date. */
export const SNAPSHOT_SHEET = SNAPSHOT_SPEC.sheet;
export const SNAPSHOT_TABLE = SNAPSHOT_SPEC.table;
/** Workbook setting: the sender unit of the mails' 落款. */
export const SENDER_SETTING = 'renwuTaizhang.sender';
/** Workbook setting: the date the return forms are asked back by (yyyy-mm-dd). */
export const RETURN_BY_SETTING = 'renwuTaizhang.returnBy';
/** Workbook setting: the 通报's 五、下步工作 lines (a list of strings). */
export const NEXT_STEPS_SETTING = 'renwuTaizhang.nextSteps';
/** The 报送登记 sheet: who was asked for a return in each round, and who has reported. */
export const REGISTER_SHEET = REGISTER_SPEC.sheet;
export const REGISTER_TABLE = REGISTER_SPEC.table;

/** Workbook setting: false when 校验 should not ask a completed task for its 办结依据. */
export const EVIDENCE_SETTING = 'renwuTaizhang.requireEvidence';
