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
};

export const PLAN_STRINGS: Readonly<Record<Language, PlanStrings>> = { zh, en };
