// 记录为已报: the returns of a review that proposes nothing to apply (or of which nothing was
// accepted) recorded in 报送登记 alone, so their units count as reported.
import { recordReturns } from '../excel';
import { dayFromLocalDate } from '../ledger';
import { usePane } from './paneContext';
import { REGISTER_STRINGS } from './registerStrings';
import type { ReturnsReview } from './returnsWorkflow';

export function useRecordReturns(review: ReturnsReview, onDone: () => void) {
  const { action, host, ledger: pane } = usePane();
  const returns = review.files.flatMap((f) => (f.receipt ? [f.receipt] : []));
  const record = async () => {
    const outcome = await action.run(
      'returns',
      () =>
        host.run((c) =>
          recordReturns(
            c,
            {
              returns,
              on: dayFromLocalDate(host.now()),
              expected: pane.tablesSeen.has('register'),
            },
            host.supports,
            review.plan,
            review.ledgerId,
          ),
        ),
      (o) =>
        o.kept
          ? {
              intent: 'success',
              text: (_, l) =>
                REGISTER_STRINGS[l].recorded(
                  returns.map((r) => r.unit),
                  o.sheetName,
                ),
            }
          : { intent: 'warning', text: (_, l) => REGISTER_STRINGS[l].recordNotKept(o.sheetName) },
    );
    if (outcome?.kept) onDone();
  };
  return { units: returns.length, record, busy: action.busy !== null };
}
