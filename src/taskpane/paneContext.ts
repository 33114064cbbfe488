// The pane's shared state, handed to the tabs through React context in a module of its own, so
// no tab imports the shell that renders it. Read it with usePane(), the catalog with useStrings().
import { createContext, useContext, type Dispatch, type SetStateAction } from 'react';
import type { Language } from '../ledger';
import type { Host } from './host';
import { STRINGS, textOf, type NoticeText, type Strings } from './i18n';
import type { ActionApi, Notice } from './useAction';
import type { DraftsApi } from './useDrafts';
import type { LedgerApi } from './useLedger';

export type TabId = 'start' | 'validate' | 'units' | 'summary' | 'returns' | 'settings';
export type LanguageChoice = Language | 'office';

export interface PaneValue {
  readonly host: Host;
  readonly language: Language;
  readonly ledger: LedgerApi;
  readonly action: ActionApi;
  readonly notify: (notice: Notice | null) => void;
  readonly selectedUnits: readonly string[];
  readonly setSelectedUnits: Dispatch<SetStateAction<readonly string[]>>;
  readonly languageChoice: LanguageChoice;
  readonly setLanguageChoice: (choice: LanguageChoice) => void;
  readonly openTab: (tab: TabId) => void;
  /** Unsaved text of 设置 › 方案 and 下步工作, per plan: kept when the tab or the plan changes. */
  readonly drafts: DraftsApi;
  readonly version: string;
}

const PaneContext = createContext<PaneValue | undefined>(undefined);

export const PaneProvider = PaneContext.Provider;

// The language has a context of its own: a list row that only shows words does not re-render
// when the pane's busy flag or its ledger changes.
const LanguageContext = createContext<Language>('zh');

export const LanguageProvider = LanguageContext.Provider;

export function usePane(): PaneValue {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('usePane() is used outside the task pane.');
  return pane;
}

export interface Translation {
  readonly t: Strings;
  readonly language: Language;
  readonly text: (text: NoticeText) => string;
}

const TRANSLATIONS: Record<Language, Translation> = {
  zh: { t: STRINGS.zh, language: 'zh', text: (text) => textOf(text, 'zh') },
  en: { t: STRINGS.en, language: 'en', text: (text) => textOf(text, 'en') },
};

/** The catalog in the language the pane shows, and the one way to show a message in it. */
export function useStrings(): Translation {
  return TRANSLATIONS[useContext(LanguageContext)];
}
