// The 发送 section's strings in Chinese and English, in a catalog of their own: it loads with the
// 汇总 tab, not with the pane, whose initial JavaScript is at its 130 KB budget. Same rule as
// i18n.ts: a key missing in either language fails the type check.
import type { Language } from '../ledger';

const zh = {
  title: '发送',
  hint: '把汇总表带出 Excel：导出工作簿文件、生成可直接发送的邮件草稿（.eml，经典 Outlook 会作为草稿打开），或复制邮件正文。',
  to: '收件人（领导）',
  cc: '抄送',
  addressHint: '多个地址用逗号或分号分隔；地址存于本工作簿，随文件复制。',
  save: '保存收件人',
  saved: '收件人已保存在本工作簿中。',
  invalid: (items: readonly string[]) => `以下内容不是邮箱地址，已忽略：${items.join('、')}。`,
  exportWorkbook: '导出汇总工作簿（.xlsx）',
  leaderDraft: '给领导的邮件草稿（.eml）',
  copyBody: '复制邮件正文',
  copyRecipients: '复制收件人',
  openWorkbook: '在新工作簿中打开',
  noCharts: '文件中不含图表：图表的数据表在工作表中。需要 PDF 时，请在 Excel 中使用“文件 › 导出 › PDF”。',
  noDownloads: 'Mac 上的任务窗格不能下载文件：请用“在新工作簿中打开”，再用 Excel 的“共享 › 电子邮件”发送。',
  exported: (name: string) => `已导出“${name}”。`,
  stale: (date: string, changes: string) =>
    `注意：截至${date}的汇总表生成后，台账又有改动（${changes}）。本文件按台账现在的内容生成，与工作簿中已生成的汇总表不一致：请重新生成同一日期的汇总表。`,
  opened: (mac: boolean): string =>
    mac ? '已在新工作簿中打开汇总表（或在本窗口后，见“窗口”菜单）。' : '已在新工作簿中打开汇总表。',
  copied: '邮件正文已复制，可粘贴到邮件中。',
  copiedRecipients: (n: number) => `已复制${n}个收件人地址。`,
  noRecipients: '还没有收件人：请先填写并保存。',
  copyRefused: '当前环境不允许写入剪贴板：已在 Excel 中选中汇总表，请按 Ctrl+C 复制。',
  copyRefusedNoSheet: '当前环境不允许写入剪贴板。请先生成汇总表，再在 Excel 中选中并按 Ctrl+C 复制。',
  unitsTitle: (n: number, picked: boolean) =>
    picked ? `各单位邮件草稿（“筛选”页所选的${n}个单位）` : `各单位邮件草稿（有任务的${n}个单位）`,
  allDrafts: '全部下载（.zip）',
  withForm: '同时附上该单位的反馈表（供填写后发回）',
  collectives: (names: readonly string[]) =>
    `${names.join('、')}是统称，不是邮箱，不单独发送：其任务已列入各成员单位的邮件。`,
  noSender: '尚未设置落款单位（“设置”页）：邮件末尾只落日期。',
  emlButton: '下载草稿',
  unitDraft: (unit: string) => `下载草稿：${unit}`,
  noAddress: '缺邮箱',
  badAddress: '邮箱无效',
  noAddressHint: '缺邮箱的单位也会生成草稿，收件人为空：请在“单位名录”的“邮箱”列补充，或在邮件中填写。',
  draftsReady: (n: number, missing: readonly string[]) =>
    [
      `已生成${n}份邮件草稿`,
      missing.length > 0 && `，其中${missing.length}个单位缺邮箱：${missing.join('、')}`,
      '。',
    ]
      .filter(Boolean)
      .join(''),
};

export type SendStrings = typeof zh;

const en: SendStrings = {
  title: 'Send',
  hint: 'Take the summaries out of Excel: export a workbook file, make mail drafts ready to send (.eml; classic Outlook opens them as drafts), or copy the mail body.',
  to: 'To (leaders)',
  cc: 'Cc',
  addressHint: 'Commas or semicolons between; kept in (and copied with) this workbook.',
  save: 'Save recipients',
  saved: 'Recipients saved in this workbook.',
  invalid: (items: readonly string[]) => `Not mail addresses, left out: ${items.join(', ')}.`,
  exportWorkbook: 'Export the summary workbook (.xlsx)',
  leaderDraft: 'Mail draft to leaders (.eml)',
  copyBody: 'Copy the mail body',
  copyRecipients: 'Copy the recipients',
  openWorkbook: 'Open in a new workbook',
  noCharts:
    'Files hold no charts: the data the charts show is on the sheets. For a PDF, use File › Export › PDF in Excel.',
  noDownloads:
    'A task pane on a Mac cannot download files: use Open in a new workbook, then Excel’s Share › Email.',
  exported: (name: string) => `Exported ${name}.`,
  stale: (date: string, changes: string) =>
    `Note: the ledger changed after the summary sheets as of ${date} were made (${changes}). This file follows the ledger as it is now, so it differs from those sheets: make the summaries of that date again.`,
  opened: (mac: boolean) =>
    mac
      ? 'The summaries are open in a new workbook (maybe behind: see Window).'
      : 'The summaries are open in a new workbook.',
  copied: 'Mail body copied; paste it into a mail.',
  copiedRecipients: (n: number) => `Copied ${n} recipient addresses.`,
  noRecipients: 'No recipients yet: enter and save them first.',
  copyRefused: 'This host does not allow the clipboard: the summary is selected in Excel; press Ctrl+C.',
  copyRefusedNoSheet:
    'This host does not allow the clipboard. Make the summary sheets, then select them in Excel and press Ctrl+C.',
  unitsTitle: (n: number, picked: boolean) =>
    picked ? `Drafts to units (${n} chosen under Units)` : `Drafts to units (${n} units with tasks)`,
  allDrafts: 'Download all (.zip)',
  withForm: 'Attach the unit’s return form too (to fill in and send back)',
  collectives: (names: readonly string[]) =>
    `${names.join(', ')}: collective names, not mailboxes, and not sent separately; their tasks are in each member's mail.`,
  noSender: 'No sender set (Settings): the mails are signed with the date only.',
  emlButton: 'Download draft',
  unitDraft: (unit: string) => `Download draft: ${unit}`,
  noAddress: 'no address',
  badAddress: 'invalid address',
  noAddressHint:
    'Units without an address get a draft with an empty To: add it under 邮箱 in 单位名录, or in the mail.',
  draftsReady: (n: number, missing: readonly string[]) =>
    [
      `Made ${n} drafts`,
      missing.length > 0 && `; ${missing.length} units have no address: ${missing.join(', ')}`,
      '.',
    ]
      .filter(Boolean)
      .join(''),
};

export const SEND_STRINGS: Record<Language, SendStrings> = { zh, en };
