// Opens a workbook file's bytes as a new workbook in Excel (ExcelApi 1.8). On a Mac a task pane
// cannot download files, so this is how the summaries leave the pane there; the user then shares
// the new workbook with Excel's own 共享 › 电子邮件.
import { LedgerError } from './errors';
import type { ApiSupport } from './requirements';

export async function openAsNewWorkbook(base64: string, supports: ApiSupport): Promise<void> {
  if (!supports('1.8')) {
    throw new LedgerError(
      {
        zh: '当前 Excel 版本不能用加载项打开新工作簿（需要 ExcelApi 1.8）：请导出工作簿文件后打开。',
        en: 'This Excel cannot open a new workbook from an add-in (needs ExcelApi 1.8): export the file and open it.',
      },
      'NotSupported',
    );
  }
  await Excel.createWorkbook(base64);
}
