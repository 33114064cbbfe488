// Runs a workbook action with a busy flag, and turns its outcome into a message for the pane:
// errors are shown in plain words, never swallowed, never a stack trace.
import { useCallback, useMemo, useState } from 'react';
import type { NoticeText } from './i18n';

export interface Notice {
  readonly intent: 'success' | 'error' | 'info' | 'warning';
  readonly text: NoticeText;
}

/** What the pane is doing; every button waits while any of these runs. */
export type BusyWith =
  | 'create'
  | 'adopt'
  | 'jump'
  | 'fix'
  | 'restore'
  | 'filter'
  | 'status'
  | 'indicator'
  | 'summary'
  | 'send'
  | 'returns'
  | 'open'
  | 'protect'
  | 'plan'
  | 'import'
  | 'selftest';

export interface ActionApi {
  readonly busy: BusyWith | null;
  readonly run: <T>(
    name: BusyWith,
    action: () => Promise<T>,
    success?: (result: T) => Notice | null,
  ) => Promise<T | undefined>;
}

export function useAction(onNotice: (notice: Notice | null) => void): ActionApi {
  const [busy, setBusy] = useState<BusyWith | null>(null);
  const run = useCallback(
    async <T>(
      name: BusyWith,
      action: () => Promise<T>,
      success?: (result: T) => Notice | null,
    ): Promise<T | undefined> => {
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
  return useMemo(() => ({ busy, run }), [busy, run]);
}
