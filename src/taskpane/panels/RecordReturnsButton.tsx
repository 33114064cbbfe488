// 记录为已报 under a review with nothing to apply: a form sent back unchanged still counts.
import { Button, Caption1 } from '@fluentui/react-components';
import { useStrings } from '../paneContext';
import { REGISTER_STRINGS } from '../registerStrings';
import type { ReturnsReview } from '../returnsWorkflow';
import { useRecordReturns } from '../useRecordReturns';
import { useUnitListStyles } from './UnitActionList';

export default function RecordReturnsButton({
  review,
  onDone,
}: {
  review: ReturnsReview;
  onDone: () => void;
}) {
  const shared = useUnitListStyles();
  const { language } = useStrings();
  const s = REGISTER_STRINGS[language];
  const { units, record, busy } = useRecordReturns(review, onDone);
  if (units === 0) return null;
  return (
    <>
      <Caption1 className={shared.muted}>{s.recordHint}</Caption1>
      <Button className={shared.button} disabled={busy} onClick={() => void record()}>
        {s.record(units)}
      </Button>
    </>
  );
}
