// Errors the user sees: what happened, where, and what to do, in Chinese and English.
import type { Bilingual } from '../ledger';

/** Why the add-in itself refused: each code names one refusal, so tests and callers can tell them apart. */
export type LedgerErrorCode =
  | 'LedgerError'
  | 'NoRound'
  | 'AllReported'
  | 'AccessDenied'
  | 'AdoptionIncomplete'
  | 'CellsInTheWay'
  | 'ColumnMissing'
  | 'FormulaCell'
  | 'HasTable'
  | 'IndicatorNotFound'
  | 'IndicatorsExist'
  | 'LedgerExists'
  | 'PlanTooLarge'
  | 'MergedCells'
  | 'NoHeader'
  | 'NoLedger'
  | 'NoRows'
  | 'NoTasks'
  | 'NotOurProtection'
  | 'PasswordProtected'
  | 'NotSupported'
  | 'OtherLedger'
  | 'NothingToUndo'
  | 'SelfTestFailed'
  | 'StaleFix'
  | 'StaleImport'
  | 'StaleIndicator'
  | 'StaleStatus'
  | 'SummariesFailed'
  | 'TaskNotFound'
  | 'UndoFailed'
  | 'UnitWithoutTasks'
  | 'WorkbookProtected';

/** The codes of Excel.ErrorCodes (and OfficeExtension's) the add-in explains or acts on. */
export type ExcelErrorCode =
  | 'AccessDenied'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'MergedRangeConflict'
  | 'OperationCellsExceedLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded';

export class LedgerError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly code: LedgerErrorCode = 'LedgerError',
  ) {
    super(text.en);
    this.name = 'LedgerError';
  }
}

interface CodedError {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string };
}

/** Adding or removing sheets in a workbook whose structure is protected (审阅 > 保护工作簿). */
export function workbookProtectedError(): LedgerError {
  return new LedgerError(
    {
      zh: '工作簿结构受保护，无法新增、删除或重命名工作表。请在“审阅 > 保护工作簿”中撤销保护后重试；未做任何更改。',
      en: 'The workbook structure is protected, so sheets cannot be added, deleted or renamed. Unprotect it (Review > Protect Workbook) and try again; nothing was changed.',
    },
    'WorkbookProtected',
  );
}

const EXCEL_ERROR_CODES: ReadonlySet<string> = new Set<ExcelErrorCode>([
  'AccessDenied',
  'InvalidArgument',
  'InvalidOperation',
  'InvalidOperationInCellEditMode',
  'ItemAlreadyExists',
  'ItemNotFound',
  'MergedRangeConflict',
  'OperationCellsExceedLimit',
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
]);

/**
 * The one place a thrown value's code is read: Excel's code when it is one the add-in knows,
 * 'other' for any other error, null for a value that carries no code.
 */
export function excelErrorCode(error: unknown): ExcelErrorCode | 'other' | null {
  const code = (error as CodedError | null)?.code;
  if (typeof code !== 'string') return null;
  return EXCEL_ERROR_CODES.has(code) ? (code as ExcelErrorCode) : 'other';
}

/**
 * Whether Excel refused the batch at its first command (`firstCommand`, as errorLocation names
 * it: "TableCollection.add"), so nothing of it ran. Batches are not transactions: a command that
 * fails later leaves the ones before it applied, and without knowing which failed nothing is claimed.
 */
export function failedAtFirst(error: unknown, firstCommand: string | undefined): boolean {
  const location = (error as CodedError | null)?.debugInfo?.errorLocation;
  return firstCommand !== undefined && location === firstCommand;
}

/**
 * Whether Excel refused to lift a sheet's protection: a password set by someone else (the add-in
 * sets none). The docs list no error for WorksheetProtection.unprotect and hosts differ (office-js
 * #6784 shows AccessDenied; pauseProtection, the nearest documented case, answers a wrong password
 * with InvalidArgument, which is assumed here and what the simulator throws), so the command the
 * batch failed at decides, whatever the code.
 * WorksheetProtection.isPasswordProtected would say so beforehand, but it exists only in
 * ExcelApiOnline 1.1 (Excel on the web), so the add-in relies on the refusal instead.
 */
export function refusedUnprotect(error: unknown): boolean {
  return (error as CodedError | null)?.debugInfo?.errorLocation === 'WorksheetProtection.unprotect';
}

/** The sentence for a protection with someone else's password, naming the sheet where known. */
export function passwordProtectedText(sheetName: string | null, unchanged: boolean): Bilingual {
  const zhSheet = sheetName === null ? '工作表' : `工作表“${sheetName}”`;
  const enSheet = sheetName === null ? 'The sheet' : `Sheet ${sheetName}`;
  return {
    zh: `${zhSheet}已由他人设置密码保护，加载项不会撤销它，也不会尝试密码。请先在“审阅 > 撤销工作表保护”中手动撤销后重试。${unchanged ? '数据未被更改。' : '此前的步骤可能已生效。'}`,
    en: `${enSheet} is protected with someone else's password; the add-in does not lift it and never tries passwords. Unprotect it by hand (Review > Unprotect Sheet) and try again.${unchanged ? ' Nothing was changed.' : ' Steps before it may have taken effect.'}`,
  };
}

/**
 * A message for any error an operation raises; Excel's codes get plain-language advice. "Nothing
 * was changed" is said of a refused write only when it failed at the batch's first command.
 */
export function describeError(error: unknown, firstCommand?: string): Bilingual {
  if (error instanceof LedgerError) return error.text;
  const e = (error ?? {}) as CodedError;
  const where = e.debugInfo?.errorLocation ? `（${e.debugInfo.errorLocation}）` : '';
  const unchanged = failedAtFirst(error, firstCommand)
    ? { zh: '数据未被更改。', en: ' Nothing was changed.' }
    : {
        zh: '此前的步骤可能已生效。',
        en: ' Steps before it may have taken effect.',
      };
  if (refusedUnprotect(error)) return passwordProtectedText(null, failedAtFirst(error, firstCommand));
  switch (excelErrorCode(error)) {
    case 'AccessDenied':
      return {
        zh: `工作表受保护，无法修改${where}。请在“审阅”选项卡中撤销工作表保护，或在“设置”页关闭“保护正式列”后重试。${unchanged.zh}`,
        en: `The sheet is protected and cannot be changed${where}. Unprotect it (Review tab) and try again.${unchanged.en}`,
      };
    case 'ItemNotFound':
      return {
        zh: `找不到要操作的工作表或表格${where}，可能已被删除或改名。请刷新面板后重试。`,
        en: `A sheet or table was not found${where}; it may have been deleted or renamed. Refresh the pane and try again.`,
      };
    case 'RequestPayloadSizeLimitExceeded':
      return {
        zh: '一次提交的数据超过 Excel 网页版 5 MB 的上限。请减少行数后重试。',
        en: 'The data sent at once exceeds the 5 MB limit of Excel on the web. Try with fewer rows.',
      };
    case 'ResponsePayloadSizeLimitExceeded':
      return {
        zh: '要读取的数据超过 Excel 网页版一次 5 MB 的上限。请重试；如仍失败，请缩小表格或在桌面版 Excel 中操作。数据未被更改。',
        en: 'The data to read exceeds the 5 MB Excel on the web returns at once. Try again, or use Excel desktop; nothing was changed.',
      };
    case 'MergedRangeConflict':
      return {
        zh: `区域内有合并单元格${where}，Excel 无法完成此操作。请取消合并（开始 > 合并后居中）后重试。`,
        en: `The range holds merged cells${where}; unmerge them (Home > Merge & Center) and try again.`,
      };
    case 'OperationCellsExceedLimit':
      return {
        zh: '一次操作涉及的单元格超过 Excel 网页版的上限。请在桌面版 Excel 中操作，或分批处理。',
        en: 'The operation touches more cells than Excel on the web allows at once. Use Excel desktop, or work in parts.',
      };
    case 'ItemAlreadyExists':
      return {
        zh: `同名的工作表或表格已存在${where}。请改名后重试；未覆盖任何内容。`,
        en: `A sheet or table of that name already exists${where}. Rename it and try again; nothing was overwritten.`,
      };
    case 'InvalidOperationInCellEditMode':
      return {
        zh: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。',
        en: 'Excel is editing a cell. Press Enter or Esc, then try again.',
      };
    case 'InvalidArgument':
    case 'InvalidOperation':
      return {
        zh: `Excel 拒绝了这次操作${where}：${e.message ?? ''}。${unchanged.zh}`,
        en: `Excel refused the operation${where}: ${e.message ?? ''}.${unchanged.en}`,
      };
    default:
      return {
        zh: `操作未完成：${e.message ?? String(error)}。请重试；如果问题持续，请在“设置/诊断”页运行自检。`,
        en: `The operation did not finish: ${e.message ?? String(error)}. Try again; if it persists, run the self-test under Settings.`,
      };
  }
}
