// The 反馈 tab's review of the files read: each file with what was said of it, each proposed
// change with a box to accept it, and the button that writes the accepted ones.
import { Badge, Body1, Button, Caption1, Checkbox } from '@fluentui/react-components';
import { cellText } from '../../ledger';
import { RETURNS_STRINGS } from '../returnsStrings';
import type { Translation } from '../paneContext';
import type { ReturnsReview } from '../returnsWorkflow';
import RecordReturnsButton from './RecordReturnsButton';
import type { ReturnsLooks } from './returnsPanelStyles';
import type { ReturnsPanelState } from './useReturnsPanel';

export function renderReview(
  review: ReturnsReview,
  state: ReturnsPanelState,
  looks: ReturnsLooks,
  { language }: Translation,
) {
  const rs = RETURNS_STRINGS[language];
  const { styles, shared } = looks;
  const { busy, chosen, actions } = state;
  return (
    <>
      <ul className={shared.list} aria-label={rs.files}>
        {review.files.map((file) => (
          <li key={file.name}>
            <Body1>{file.unit ? rs.fileUnit(file.name, file.unit) : file.name}</Body1>
            {file.sentences.map((sentence, i) => (
              <Caption1 key={i} className={shared.muted} role="note">
                {' '}
                {sentence[language]}
              </Caption1>
            ))}
            {file.outcome && (
              <Caption1>
                {' '}
                {rs.outcome(file.outcome.changes, file.outcome.asIssued, file.outcome.said)}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
      <ul className={shared.list} aria-label={rs.inTitle}>
        {review.changes.map((change) => (
          <li key={change.id} className={shared.item}>
            <Checkbox
              className={shared.name}
              checked={change.accepted}
              onChange={(_, d) => actions.toggle(change.id, d.checked === true)}
              label={rs.change(
                change.no,
                change.header,
                cellText(change.from),
                cellText(change.to),
                change.unit,
              )}
            />
            {change.conflict && <Badge color="warning">{rs.conflict[change.conflict]}</Badge>}
            {change.kind !== 'lead' && <Badge color="informative">{rs[change.kind]}</Badge>}
            {change.hint && (
              <Caption1 className={shared.muted} role="note">
                {change.hint[language]}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
      {chosen === 0 && <RecordReturnsButton review={review} onDone={actions.recorded} />}
      {review.changes.length > 0 && (
        <div className={styles.row}>
          <Button
            className={shared.button}
            appearance="primary"
            disabled={busy || chosen === 0}
            onClick={() => void actions.apply()}
          >
            {rs.apply(chosen)}
          </Button>
        </div>
      )}
    </>
  );
}
