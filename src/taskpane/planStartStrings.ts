// 起始日期's strings: the guess shown in the import review and the field in 设置 › 方案,
// Chinese and English; a key missing in either language fails the type check, as in i18n.ts.
import type { Language } from '../ledger';

const zh = {
  guessed: (date: string, from: 'title' | 'import'): string =>
    `起始日期：${date}（${from === 'title' ? '取自方案名称中的年份' : '方案名称中没有年份，取导入当天'}）。序时进度从这一天起算，此前的任务不计滞后；导入后可在“设置 › 方案”中修改。`,
  field: '起始日期（序时进度由此起算；留空则从当年1月1日起算）',
  afterDeadline: (start: string, label: string, deadline: string): string =>
    `注意：起始日期${start}晚于方案中最早的完成时限（序号${label}，${deadline}），请核对起始日期——在起始日期之前到期的任务，序时进度不从起始日期起算。`,
};

type PlanStartStrings = { readonly [K in keyof typeof zh]: (typeof zh)[K] };

const en: PlanStartStrings = {
  guessed: (date, from) =>
    `Start date: ${date} (${from === 'title' ? 'the year in the plan’s title' : 'no year in the title: the day of the import'}). Time elapsed (序时进度) counts from it, and no task is behind before it; change it in Settings › Plan after the import.`,
  field: 'Start date (time elapsed counts from it; empty: 1 January of the current year)',
  afterDeadline: (start, label, deadline) =>
    `Note: the start date ${start} is after the plan’s earliest deadline (task ${label}, ${deadline}); check the start date, as a task due before it does not count time elapsed from it.`,
};

export const PLAN_START_STRINGS: Readonly<Record<Language, PlanStartStrings>> = { zh, en };
