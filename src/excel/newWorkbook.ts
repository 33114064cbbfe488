// Opens a workbook file's bytes as a new workbook in Excel (ExcelApi 1.8). On a Mac a task pane
// cannot download files, so this is how the summaries leave the pane there; the user then shares
// the new workbook with Excel's own 共享 › 电子邮件.
export const NEW_WORKBOOK_SET = '1.8';

export async function openAsNewWorkbook(base64: string): Promise<void> {
  await Excel.createWorkbook(base64);
}
