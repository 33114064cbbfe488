// Names the add-in gives to what it creates, so it can find its own work again.
export const LEDGER_SHEET = '任务台账';
export const DIRECTORY_SHEET = '单位名录';
export const LEDGER_TABLE = 'TaskLedger';
export const DIRECTORY_TABLE = 'UnitDirectory';
export const STATUS_TABLE = 'StatusList';
/** Workbook setting: the summary sheets the add-in made, by sheet id. */
export const SUMMARY_SETTING = 'renwuTaizhang.summarySheets';
export const LEDGER_TITLE = '四平市现代职业教育重点工作任务台账';
export const DIRECTORY_HEADERS = ['单位', '别名', '类别', '所属', '联系人', '邮箱'];
/** Workbook setting: ids of the sheets whose protection the add-in set (and so may lift). */
export const PROTECTION_SETTING = 'renwuTaizhang.protectedSheets';

export { freeSheetName } from '../ledger';
/** Workbook setting: the leaders' mail recipients (To and Cc). */
export const RECIPIENTS_SETTING = 'renwuTaizhang.mailRecipients';
/** Workbook setting: the ledger's random id, which its return forms carry. */
export const LEDGER_ID_SETTING = 'renwuTaizhang.ledgerId';
/** The change log of imported returns: its sheet and table. */
export const CHANGE_LOG_SHEET = '变更记录';
export const CHANGE_LOG_TABLE = 'ChangeLog';
export const CHANGE_LOG_HEADERS = ['时间', '文件', '单位', '序号', '列', '原值', '新值', '批次'];
/** The 指标 sheet: quantitative targets read from the tasks, with their actual values. */
export const INDICATOR_SHEET = '指标';
export const INDICATOR_TABLE = 'Indicators';
/** The 进度快照 sheet: every report's snapshot of the tasks, one block of rows per 截至 date. */
export const SNAPSHOT_SHEET = '进度快照';
export const SNAPSHOT_TABLE = 'ProgressSnapshots';
/** Workbook setting: the sender unit of the mails' 落款. */
export const SENDER_SETTING = 'renwuTaizhang.sender';
/** Workbook setting: the date the return forms are asked back by (yyyy-mm-dd). */
export const RETURN_BY_SETTING = 'renwuTaizhang.returnBy';
/** Workbook setting: the 通报's 五、下步工作 lines (a list of strings). */
export const NEXT_STEPS_SETTING = 'renwuTaizhang.nextSteps';
