// Runs a workbook action with a busy flag, and turns its outcome into a message for the pane:
// errors are shown in plain words, never swallowed, never a stack trace.
import { useCallback, useState } from 'react';
import type { Bilingual } from '../ledger';
import type { Language, Strings } from './i18n';

/** Text in both languages, or made from the catalog when shown: a notice follows a language switch. */
export type NoticeText = Bilingual | ((t: Strings, language: Language) => string);

export interface Notice {
  readonly intent: 'success' | 'error' | 'info' | 'warning';
  readonly text: NoticeText;
}

export function useAction(onNotice: (notice: Notice | null) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async <T>(name: string, action: () => Promise<T>, success?: (result: T) => Notice | null): Promise<T | undefined> => {
      setBusy(name);
      onNotice(null);
      try {
        const result = await action();
        if (success) onNotice(success(result));
        return result;
      } catch (error) {
        const { describeError } = await import('./engine');
        onNotice({ intent: 'error', text: describeError(error) });
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [onNotice],
  );
  return { busy, run };
}
