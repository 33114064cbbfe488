// The active plan's line under the tabs, Chinese and English; a key missing in either language
// fails the type check, as in i18n.ts.
import type { Language } from '../ledger';

const zh = {
  current: (title: string, sheet: string) => `当前方案：${title}（工作表“${sheet}”）`,
  others: (n: number) => `本工作簿另有${n}个方案的台账，转到其工作表即切换到该方案：`,
  goTo: (sheet: string) => `转到“${sheet}”`,
};

type ActivePlanStrings = { readonly [K in keyof typeof zh]: (typeof zh)[K] };

const en: ActivePlanStrings = {
  current: (title: string, sheet: string) => `Plan: ${title} (sheet ${sheet})`,
  others: (n: number) =>
    `This workbook has ${n} more plan ledger${n === 1 ? '' : 's'}; going to one's sheet switches to that plan:`,
  goTo: (sheet: string) => `Go to ${sheet}`,
};

export const ACTIVE_PLAN_STRINGS: Readonly<Record<Language, ActivePlanStrings>> = { zh, en };
