// The 通报 section's workflows, outside React: the 通报 read from the workbook in the action's own
// request, and the sentence said when it is made.
import { LedgerError, queueNextSteps } from '../../excel';
import { chineseDate, dayFromLocalDate, DEFAULT_NEXT_STEPS, type Day, type Language } from '../../ledger';
import { BULLETIN_STRINGS } from '../bulletinStrings';
import type { Host } from '../host';
import type { Notice } from '../useAction';
import type { LedgerApi } from '../useLedger';
import { readCurrentReport, staleChanges, type StaleSummaries } from './currentReport';

/**
 * The 通报 from the workbook as it is now, read in this action's own request; the box's lines
 * are saved in that same request first, and the 通报 takes them as read back.
 */
export async function readBulletin(
  host: Pick<Host, 'run' | 'now'>,
  ledger: Pick<LedgerApi, 'tablesSeen' | 'ledgerTable' | 'take'>,
  lines: readonly string[],
  asOf: Day,
  compareWith: Day | undefined,
) {
  const { model, history, reporting, also, stale } = await readCurrentReport(
    host,
    ledger,
    { asOf, compareWith },
    // Saved as the lines of the plan the box showed them for.
    (c) => queueNextSteps(c, lines, ledger.ledgerTable),
  );
  // An empty ledger would make a 通报 of 0 tasks that reads as real: refused with a sentence.
  if (model.total === 0)
    throw new LedgerError({ zh: BULLETIN_STRINGS.zh.empty, en: BULLETIN_STRINGS.en.empty });
  const options = {
    issuer: also.sender,
    date: dayFromLocalDate(host.now()),
    history,
    reporting,
    nextSteps: also.nextSteps ?? DEFAULT_NEXT_STEPS,
  };
  return { model, options, saved: also.nextSteps ?? [], stale };
}

/** The outcome's sentence, with a warning when the same date's summary sheets predate a ledger change. */
export function bulletinOutcome(text: (lang: Language) => string, stale: StaleSummaries | null): Notice {
  return {
    intent: stale ? 'warning' : 'success',
    text: (_s, lang) =>
      stale
        ? `${text(lang)}${BULLETIN_STRINGS[lang].changedSince(chineseDate(stale.asOf), staleChanges(stale, lang))}`
        : text(lang),
  };
}
