// The 延期 and 办结依据 strings (issue 26) in Chinese and English, in a catalog of their own so
// the branches that edit i18n.ts merge. Same rule as i18n.ts: a key missing in either language
// fails the type check.
import type { Language } from '../ledger';

const zh = {
  addColumns: '添加列',
  added: (headers: readonly string[], dropdown: boolean) =>
    headers.length === 0
      ? '台账已有这些列，未做更改。'
      : `已在表格最右侧添加${headers.map((h) => `“${h}”`).join('')}列，现有列和内容未动。` +
        (dropdown ? '' : '当前 Excel 版本不支持下拉列表：“延期批准”请填“是”或“否”。'),
  evidenceTitle: '办结依据',
  evidenceSwitch: '“已完成”须填写办结依据（校验时提示）',
  evidenceHint: '此设置保存在本工作簿中，随文件复制；关闭后“校验”页不再提示已完成任务缺少办结依据。',
  evidenceSaved: (on: boolean): string =>
    on ? '已开启：已完成但无办结依据的任务将在“校验”页提示。' : '已关闭：不再提示缺少办结依据。',
};

export type ExtensionStrings = typeof zh;

const en: ExtensionStrings = {
  addColumns: 'Add columns',
  added: (headers: readonly string[], dropdown: boolean) =>
    headers.length === 0
      ? 'The ledger already has these columns; nothing was changed.'
      : `Added ${headers.join(', ')} at the table's right end; existing columns and their contents were not moved.` +
        (dropdown ? '' : ' This Excel cannot show a dropdown: type 是 or 否 under 延期批准.'),
  evidenceTitle: 'Closing evidence',
  evidenceSwitch: 'A completed task needs 办结依据 (reported by 校验)',
  evidenceHint:
    'Kept in this workbook and copied with it; when off, 校验 no longer reports completed tasks without evidence.',
  evidenceSaved: (on: boolean) =>
    on
      ? 'On: completed tasks without evidence are reported on the 校验 tab.'
      : 'Off: missing evidence is no longer reported.',
};

export const EXTENSION_STRINGS: Record<Language, ExtensionStrings> = { zh, en };
