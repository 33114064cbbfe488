// The two languages the add-in speaks, and the one rule that picks between them, shared by the
// pane, the ribbon commands and the preview so they never disagree.
export type Language = 'zh' | 'en';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Chinese first; English when Office's display language is English. */
export function languageFor(displayLanguage: string | undefined): Language {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? 'en' : 'zh';
}
