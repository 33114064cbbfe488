// The 催报 mail to a unit that has not reported: the round's deadline, the days left or overdue,
// and its form attached again. Pure.
import { chineseDate, type Day } from './dates';
import { compactDate, safeFileName } from './fileNames';
import { signatureBlocks, type MailSignature } from './mail';
import { mailContent, type MailContent } from './mailBody';
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
  return mailContent(subject, [
    { kind: 'paragraph', text: `${report.unit}：` },
    { kind: 'paragraph', text: reminderSentence(report) },
    { kind: 'paragraph', text: `请填写附件《${formFile}》后将原文件发回。` },
    ...signatureBlocks(signature),
  ]);
}

/** 〈单位〉_〈short name〉催报_20261130.eml: the plan's short name keeps two plans' reminders to one unit apart. */
export function reminderFileName(unit: string, asOf: Day, names: Pick<PlanNames, 'shortName'>): string {
  return safeFileName(`${unit}_${names.shortName}催报_${compactDate(asOf)}`, 'eml');
}

export function remindersZipName(asOf: Day, units: number, names: Pick<PlanNames, 'shortName'>): string {
  return safeFileName(`${names.shortName}催报邮件草稿_${units}个单位_${compactDate(asOf)}`, 'zip');
}
