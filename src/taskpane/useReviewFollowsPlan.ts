// A review of returned forms belongs to the plan whose ledger it was read against: when the pane
// moves to another plan (a sheet tab clicked), the review goes, with a sentence, so its changes
// and receipts can never be applied to the other plan's ledger. Apply checks the same again in
// its own request (returnsWorkflow.applyReview).
import { useEffect } from 'react';
import { usePane } from './paneContext';
import { PLAN_SWITCH_STRINGS } from './planSwitchStrings';
import type { ReturnsReview } from './returnsWorkflow';

export function useReviewFollowsPlan(review: ReturnsReview | null, clear: () => void, table: string) {
  const { notify } = usePane();
  useEffect(() => {
    if (!review || review.plan === table) return;
    clear();
    notify({
      intent: 'warning',
      text: (_, l) =>
        PLAN_SWITCH_STRINGS[l].reviewCleared(review.files.length, review.planTitle, review.sheetName),
    });
  }, [review, clear, table, notify]);
}
