// The 反馈 tab's strings (forms out, returns in), Chinese and English: loaded with the tab, not
// with the pane's first chunk. A key missing in either language fails the type check, as in i18n.ts.
import type { LeftAloneReason } from '../excel';
import type { Language } from '../ledger';

type LeftAlone = { readonly cell: string; readonly reason: LeftAloneReason };

const zh = {
  outTitle: '生成反馈表',
  outHint:
    '每个单位一份 .xlsx：本单位的任务（含牵头、配合和集体任务），填入台账现有内容；正式列锁定，配合任务的状态、进度、完成时限由牵头单位填报。发给各单位填写后收回导入。',
  collectives: (names: readonly string[]) =>
    `${names.join('、')}是统称，不是单位，不单独发送：其任务已列入各成员单位的反馈表和邮件。`,
  returnBy: '反馈截止日期',
  returnByChosen: (date: string) => `反馈表和邮件中写明：请于${date}前发回。`,
  returnByDefault: (date: string) => `未设定日期（或所设日期已过），按5个工作日（周一至周五）计：${date}。`,
  saveReturnBy: '保存截止日期',
  returnBySaved: (date: string | null) =>
    date ? `反馈截止日期已保存：${date}。` : '已清除反馈截止日期，按5个工作日计。',
  outUnits: (n: number, picked: boolean) => (picked ? `“筛选”页所选的${n}个单位` : `有任务的${n}个单位`),
  allForms: '全部下载（.zip）',
  formButton: '下载反馈表',
  formFor: (unit: string) => `下载反馈表：${unit}`,
  formsReady: (n: number) => `已生成${n}份反馈表。`,
  inTitle: '导入反馈表',
  inHint:
    '可一次选择多个 .xlsx 文件。文件只读取、不执行；导入前先逐项审核，应用后记录在“变更记录”工作表，可撤销。',
  choose: '选择反馈表文件…',
  read: (files: number, changes: number) => `已读取${files}个文件，共${changes}处可能的更改，请审核。`,
  fileUnit: (file: string, unit: string) => `${file}（${unit}）`,
  files: '已读取的文件',
  change: (no: number, header: string, from: string, to: string, unit: string) =>
    `第${no}项 ${header}：“${from || '（空）'}” → “${to || '（空）'}”（${unit}）`,
  outcome: (changes: number, same: number, said: number) =>
    changes > 0
      ? `${changes}处更改待审核${same ? `；其余${same}个已填单元格与发出时相同` : ''}。`
      : said > 0
        ? `没有可导入的更改（见上）${same ? `；${same}个已填单元格与发出时相同` : ''}。`
        : `反馈表与台账一致，没有需要导入的更改。${same ? `已填的${same}个单元格均与发出时相同。` : ''}`,
  conflict: {
    'two-returns': '多个单位的反馈不一致，请选择一个',
    'same-unit-twice': '同一单位交了两份，请选择',
    'changed-since-issue': '台账在发出反馈表后已被修改',
    'shared-task': '此项由多个单位共同牵头，一个单位的填报不代表全部，请核对后选择',
  },
  note: '配合单位意见',
  shared: '共同牵头单位，按单位分行追加',
  apply: (n: number) => `应用所选的${n}处更改`,
  clash: (cells: readonly string[]) => `以下单元格选了不止一个值，请只选一个：${cells.join('、')}。`,
  applied: (n: number, sheet: string) => `已导入${n}处更改，逐项记录在工作表“${sheet}”。`,
  undo: '撤销上次导入',
  reviewCleared: '已读取、未应用的反馈表核对结果已清除：其中的“原值”已随撤销改变，请重新读取文件。',
  undone: (n: number, files: readonly string[], left: readonly LeftAlone[]) => {
    const of = (reason: LeftAlone['reason']) => left.filter((l) => l.reason === reason).map((l) => l.cell);
    return [
      `已撤销${files.length ? `“${files.join('”“')}”的` : ''}${n}处更改`,
      of('changed').length > 0 && `；以下单元格在导入后又被修改，未撤销：${of('changed').join('、')}`,
      of('row-gone').length > 0 &&
        `；以下单元格所在行已删除（或序号已改），未撤销：${of('row-gone').join('、')}`,
      of('column-gone').length > 0 &&
        `；以下单元格所在列已不在台账中，未撤销：${of('column-gone').join('、')}`,
      // Sheets made from the ledger since then still show the import.
      '。此前据导入内容生成的汇总表和邮件不会随之改变，如已生成，请重新生成。',
    ]
      .filter(Boolean)
      .join('');
  },
};

type ReturnsStrings = { readonly [K in keyof typeof zh]: (typeof zh)[K] };

const en: ReturnsStrings = {
  outTitle: 'Return forms',
  outHint:
    "One .xlsx per unit: its tasks (lead, partner and collective) filled in with what the ledger holds; the official columns locked, and a partner's status, progress and deadline left to the lead unit. Send them out, then import what comes back.",
  collectives: (names: readonly string[]) =>
    `${names.join(', ')}: collective names, not units, and not sent separately; their tasks are on each member's form and mail.`,
  returnBy: 'Return forms by',
  returnByChosen: (date: string) => `The forms and mails ask for them back by ${date}.`,
  returnByDefault: (date: string) =>
    `No date set (or the one set has passed): five working days (Mon–Fri), ${date}.`,
  saveReturnBy: 'Save the date',
  returnBySaved: (date: string | null) =>
    date ? `Return date saved: ${date}.` : 'Return date cleared: five working days apply.',
  outUnits: (n: number, picked: boolean) =>
    picked ? `${n} units chosen under Units` : `${n} units with tasks`,
  allForms: 'Download all (.zip)',
  formButton: 'Download form',
  formFor: (unit: string) => `Download form: ${unit}`,
  formsReady: (n: number) => `Made ${n} form${n === 1 ? '' : 's'}.`,
  inTitle: 'Import returned forms',
  inHint:
    'Choose several .xlsx files at once. Files are read, never run; every change is reviewed first, logged on 变更记录 once applied, and can be undone.',
  choose: 'Choose returned forms…',
  read: (files: number, changes: number) => `Read ${files} files: ${changes} possible changes to review.`,
  fileUnit: (file: string, unit: string) => `${file} (${unit})`,
  files: 'Files read',
  change: (no: number, header: string, from: string, to: string, unit: string) =>
    `Task ${no} ${header}: "${from || '(empty)'}" → "${to || '(empty)'}" (${unit})`,
  outcome: (changes: number, same: number, said: number) =>
    changes > 0
      ? `${changes} changes to review${same ? `; ${same} other filled cells as issued` : ''}.`
      : said > 0
        ? `Nothing to import (see above)${same ? `; ${same} filled cells as issued` : ''}.`
        : `The form agrees with the ledger: nothing to import.${same ? ` All ${same} filled cells are as issued.` : ''}`,
  conflict: {
    'two-returns': 'Returns disagree: choose one',
    'same-unit-twice': 'The unit sent two files: choose',
    'changed-since-issue': 'The ledger changed after the form was sent',
    'shared-task':
      'Several units lead this task together: one unit’s value is not all of theirs; check, then choose',
  },
  note: 'Partner’s note',
  shared: 'Joint lead: added as its own line',
  apply: (n: number) => `Apply the ${n} chosen changes`,
  clash: (cells: readonly string[]) => `More than one value is chosen for: ${cells.join(', ')}. Choose one.`,
  applied: (n: number, sheet: string) => `Imported ${n} changes, each logged on sheet ${sheet}.`,
  undo: 'Undo the last import',
  reviewCleared:
    'The files read but not applied were cleared: their current values changed with the undo. Read the files again.',
  undone: (n: number, files: readonly string[], left: readonly LeftAlone[]) => {
    const of = (reason: LeftAlone['reason']) => left.filter((l) => l.reason === reason).map((l) => l.cell);
    return [
      `Undid ${n} changes${files.length ? ` of ${files.join(', ')}` : ''}`,
      of('changed').length > 0 && `; changed again since, left alone: ${of('changed').join(', ')}`,
      of('row-gone').length > 0 &&
        `; their row was deleted (or renumbered), left alone: ${of('row-gone').join(', ')}`,
      of('column-gone').length > 0 && `; their column is gone, left alone: ${of('column-gone').join(', ')}`,
      '. Summaries and mails made since still show the import: make them again if you made any.',
    ]
      .filter(Boolean)
      .join('');
  },
};

export const RETURNS_STRINGS: Record<Language, ReturnsStrings> = { zh, en };
