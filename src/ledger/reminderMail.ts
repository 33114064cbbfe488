// The 催报 mail to a unit that has not reported: the round's deadline, the days left or overdue,
// and its form attached again. Pure.
import { chineseDate } from './dates';
import { escapeHtml, signatureLines, type MailContent, type MailSignature } from './mail';
import type { PlanNames } from './plan';
import { reminderSentence, type UnitReport } from './reportRegister';

export function reminderMail(
  report: UnitReport,
  formFile: string,
  signature: MailSignature,
  names: PlanNames,
): MailContent {
  const asOf = chineseDate(report.entry.asOf);
  const overdue = report.state === 'overdue';
  const subject = `【${overdue ? '催报' : '提醒'}】${report.unit}：${names.subject}推进情况反馈表（截至${asOf}）`;
  const body = [
    `${report.unit}：`,
    '',
    reminderSentence(report),
    `请填写附件《${formFile}》后将原文件发回。`,
  ];
  const signed = signatureLines(signature);
  return {
    subject,
    text: [...body, ...signed.text].join('\n'),
    html: `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body
      .filter(Boolean)
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('')}${signed.html.join('')}</body></html>`,
  };
}
