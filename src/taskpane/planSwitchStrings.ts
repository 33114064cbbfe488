// What the pane says when the user moves to another plan's ledger, Chinese and English; a key
// missing in either language fails the type check, as in i18n.ts.
import type { Language } from '../ledger';

const zh = {
  reviewCleared: (files: number, title: string, sheet: string) =>
    `已切换到另一方案：按“${title}”（工作表“${sheet}”）审核的${files}个反馈表未应用，审核已清除，不会写入当前方案。请回到工作表“${sheet}”重新导入。`,
};

type PlanSwitchStrings = { readonly [K in keyof typeof zh]: (typeof zh)[K] };

const en: PlanSwitchStrings = {
  reviewCleared: (files: number, title: string, sheet: string) =>
    `Switched to another plan: the review of ${files} return${files === 1 ? '' : 's'} read against “${title}” (sheet ${sheet}) was not applied and is cleared; it never writes into this plan. Go back to sheet ${sheet} and import them again.`,
};

export const PLAN_SWITCH_STRINGS: Readonly<Record<Language, PlanSwitchStrings>> = { zh, en };
