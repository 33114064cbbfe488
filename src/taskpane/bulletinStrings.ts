// The 通报 section's strings in Chinese and English, in a catalog of their own: it loads with the
// 汇总 tab, not with the pane, whose initial JavaScript is at its 130 KB budget. Same rule as
// i18n.ts: a key missing in either language fails the type check.
import type { Language } from '../ledger';

const zh = {
  title: '进展情况通报',
  hint: '按公文格式（GB/T 9704）起草《关于…推进情况的通报》Word 文档：总体进展、主要进展、存在问题、各单位推进情况、下步工作，附件为滞后及逾期任务清单和各单位完成情况。数字与同一截至日期的汇总表一致。',
  steps: '五、下步工作（每行一条）',
  stepsHint: '保存在本工作簿中，下次沿用；下载或复制通报时自动保存。',
  saveSteps: '保存下步工作',
  resetSteps: '恢复默认三条',
  stepsSaved: (n: number) => `已保存${n}条下步工作。`,
  download: '下载通报（.docx）',
  copy: '复制通报正文',
  downloaded: (name: string) => `已生成“${name}”。`,
  copied: '通报正文已复制（带格式的文本和纯文本），可粘贴到本单位的红头模板中。',
  copyRefused: '当前环境不允许写入剪贴板：请下载通报（.docx）后从中复制。',
  noDownloads: '通报在 Mac 上不能下载：请用“复制通报正文”，粘贴到 Word 中。',
  noSender: '尚未设置落款单位（“设置”页）：通报的版头和落款只有日期。',
  withBulletin: '同时附上进展情况通报（.docx，下步工作按已保存的内容）',
  noSteps: '下步工作为空：通报第五部分将只写“（下步工作待补充。）”。',
  stepsUnsaved: '下步工作有未保存的修改：保存、下载或复制通报时保存；切换方案或离开本页都会保留。',
  stepsKept: (plan: string) =>
    `方案“${plan}”的下步工作有未保存的修改，已保留；回到“汇总 › 进展情况通报”保存。`,
  future: (date: string) =>
    `截至日期${date}晚于今天：通报按台账现在的内容写成，逾期和预警按该日期计算，请确认日期无误。`,
  empty: '台账中没有可统计的任务（序号为空或不是正整数的行不计入），不生成通报。请先在台账中填写任务。',
  changedSince: (date: string, changes: string) =>
    `注意：截至${date}的汇总表生成后，台账又有改动（${changes}）。通报按台账现在的内容起草，与已生成的汇总表不一致：请重新生成同一日期的汇总表，使两者一致。`,
};

export type BulletinStrings = typeof zh;

const en: BulletinStrings = {
  title: 'Progress bulletin (通报)',
  hint: 'Drafts the 通报 as a Word document in the official format (GB/T 9704): overall progress, main progress, problems, each unit, next steps, with the behind-schedule list and the per-unit table as appendices. Its numbers equal the summary sheets of the same date.',
  steps: 'Next steps (one per line)',
  stepsHint: 'Kept in this workbook for next time; saved whenever the bulletin is downloaded or copied.',
  saveSteps: 'Save the next steps',
  resetSteps: 'Restore the three defaults',
  stepsSaved: (n: number) => `Saved ${n} next steps.`,
  download: 'Download the bulletin (.docx)',
  copy: 'Copy the bulletin text',
  downloaded: (name: string) => `Made ${name}.`,
  copied: 'Bulletin copied (formatted and plain text); paste it into your office’s letterhead template.',
  copyRefused: 'This host does not allow the clipboard: download the bulletin (.docx) and copy from it.',
  noDownloads:
    'A task pane on a Mac cannot download files: use Copy the bulletin text and paste it into Word.',
  noSender: 'No sender unit set (Settings): the bulletin’s masthead and signature carry the date only.',
  withBulletin: 'Attach the progress bulletin too (.docx, with the next steps as saved)',
  stepsUnsaved:
    'The next steps have unsaved changes: saved when you save them or download or copy the bulletin; kept when you switch plans or leave this tab.',
  stepsKept: (plan: string) =>
    `The next steps of the plan “${plan}” have unsaved changes; they are kept: go back to Summary › Progress bulletin to save them.`,
  noSteps:
    'The next steps are empty: section 五 of the bulletin will only say “（下步工作待补充。）” (to be added).',
  future: (date: string) =>
    `The as-of date ${date} is after today: the bulletin is written from the ledger as it is now, with overdue and warnings reckoned on that date. Check the date.`,
  empty:
    'The ledger has no task to count (rows without a whole-number 序号 are left out), so no bulletin is made. Fill in the ledger first.',
  changedSince: (date: string, changes: string) =>
    `Note: the ledger changed after the summary sheets as of ${date} were made (${changes}). The bulletin follows the ledger as it is now, so it no longer matches those sheets: make the summaries of that date again.`,
};

export const BULLETIN_STRINGS: Record<Language, BulletinStrings> = { zh, en };
