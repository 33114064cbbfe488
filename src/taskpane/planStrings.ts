// The plan section's strings (设置 › 方案), Chinese and English; a key missing in either language
// fails the type check, as in i18n.ts.
import type { Language } from '../ledger';

const zh = {
  title: '方案',
  source: (own: boolean): string => (own ? '本工作簿保存的方案' : '内置方案（本工作簿尚未保存方案）'),
  damaged: '工作簿中保存的方案无法读取，当前按内置方案处理。',
  tasks: (n: number) => `共${n}项任务`,
  planTitle: '方案名称',
  shortName: '简称（用于文件名）',
  region: '地区（如“某某市”，单位简称“市教育局”即属此地区）',
  save: '保存方案名称',
  saved: (title: string) => `已保存方案“${title}”，随工作簿保存。`,
  titleUpdated: (address: string, text: string) => `台账标题（${address}）已改为“${text}”。`,
  titleOwn: (address: string) => `台账标题（${address}）是另行填写的内容，未改动；如需一致，请自行修改。`,
  fields: { title: '方案名称', shortName: '简称', region: '地区', start: '起始日期' } as Readonly<
    Record<'title' | 'shortName' | 'region' | 'start', string>
  >,
  list: (names: readonly string[]) => names.join('、'),
  unsaved: (fields: string) => `有未保存的修改（${fields}）：保存或放弃之前，切换方案或离开本页都会保留。`,
  discard: '放弃修改',
  kept: (plan: string, fields: string) =>
    `方案“${plan}”在“设置 › 方案”中有未保存的修改（${fields}），已保留；回到该页保存或放弃。`,
  badStart:
    '起始日期不是有效日期（例如2月没有30日），方案未保存。请改正或清空起始日期后再保存；其他修改仍保留在表单中。',
};

type PlanStrings = { readonly [K in keyof typeof zh]: (typeof zh)[K] };

const en: PlanStrings = {
  title: 'Plan',
  source: (own: boolean) =>
    own ? 'The plan stored in this workbook' : 'The built-in plan (this workbook stores none)',
  damaged: 'The plan stored in the workbook cannot be read; the built-in plan is used.',
  tasks: (n: number) => `${n} tasks`,
  planTitle: 'Title',
  shortName: 'Short name (file names)',
  region: 'Region (a bare 市教育局 belongs to it)',
  save: 'Save the plan’s names',
  saved: (title: string) => `Saved the plan “${title}” with the workbook.`,
  titleUpdated: (address: string, text: string) => `The ledger’s title (${address}) now reads “${text}”.`,
  titleOwn: (address: string) =>
    `The ledger’s title (${address}) holds text of its own and was left as it is; change it yourself if it should match.`,
  fields: { title: 'title', shortName: 'short name', region: 'region', start: 'start date' },
  list: (names: readonly string[]) => names.join(', '),
  unsaved: (fields: string) =>
    `Unsaved changes (${fields}): kept when you switch plans or leave this tab, until you save or discard them.`,
  discard: 'Discard changes',
  kept: (plan: string, fields: string) =>
    `The plan “${plan}” has unsaved changes in Settings › Plan (${fields}); they are kept: go back there to save or discard them.`,
  badStart:
    'The start date is not a valid date (February has no 30th, say); the plan was not saved. Correct or clear the start date and save again; your other changes are still in the form.',
};

export const PLAN_STRINGS: Readonly<Record<Language, PlanStrings>> = { zh, en };
