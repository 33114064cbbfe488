// 开始: the ledger found (or how to make one). A render of useStartPanel's state (Fluent v9's
// shape: state hook, styles, render).
import { Body1, Button, Caption1, Card, Spinner, Subtitle2 } from '@fluentui/react-components';
import { countBySeverity } from '../../ledger';
import { formatTime, textOf } from '../i18n';
import { useStrings, type Translation } from '../paneContext';
import type { ReadyLedger } from '../useLedger';
import ImportAnnex from './ImportAnnex';
import { useStartStyles, type StartStyles } from './startPanelStyles';
import { useStartPanel, type StartPanelState } from './useStartPanel';

export default function StartPanel() {
  const state = useStartPanel();
  const styles = useStartStyles();
  const strings = useStrings();
  const { t, text } = strings;
  const ledger = state.state;
  if (ledger.phase === 'loading') return <Spinner size="small" label={t.loading} />;
  if (ledger.phase === 'failed') {
    return (
      <div className={styles.stack}>
        <Body1 role="alert">{text(ledger.error)}</Body1>
        <Button onClick={state.actions.retry}>{t.retry}</Button>
      </div>
    );
  }
  if (ledger.phase === 'none') return renderNoLedger(state, styles, strings);
  return renderLedgerFound(ledger, state, styles, strings);
}

/** No ledger yet: make one, or use the sheet in front. */
function renderNoLedger({ busy, actions }: StartPanelState, styles: StartStyles, { t }: Translation) {
  return (
    <div className={styles.stack}>
      <Subtitle2 as="h2">{t.start.noLedger}</Subtitle2>
      <Card className={styles.card}>
        <Button appearance="primary" onClick={() => void actions.create()} disabled={busy !== null}>
          {busy === 'create' ? <Spinner size="tiny" /> : t.start.create}
        </Button>
        <Caption1 className={styles.hint}>{t.start.createHint}</Caption1>
      </Card>
      <Card className={styles.card}>
        <Button onClick={() => void actions.adopt()} disabled={busy !== null}>
          {busy === 'adopt' ? <Spinner size="tiny" /> : t.start.adopt}
        </Button>
        <Caption1 className={styles.hint}>{t.start.adoptHint}</Caption1>
      </Card>
      <ImportAnnex />
    </div>
  );
}

/** The ledger found: where, how many tasks, what the check says, other sheets that look like one. */
function renderLedgerFound(
  ledger: ReadyLedger,
  { heading, others, actions }: StartPanelState,
  styles: StartStyles,
  { t, language }: Translation,
) {
  const counts = countBySeverity(ledger.analysis.findings);
  const { sheetName, sheetId } = ledger.read.location;
  return (
    <div className={styles.stack}>
      <h2 ref={heading} tabIndex={-1} className={styles.heading}>
        <Subtitle2>{t.start.found(sheetName, ledger.analysis.tasks.length)}</Subtitle2>
      </h2>
      <Body1>{t.validate.counts(counts.error, counts.warning, counts.info)}</Body1>
      <Caption1 className={styles.hint}>{t.start.lastCheck(formatTime(ledger.checkedAt, language))}</Caption1>
      <Caption1 className={styles.hint}>{t.start.leadNote}</Caption1>
      {others?.names && others.names.length > 0 && (
        <Body1 role="note">{t.start.otherLedgers(sheetName, others.names)}</Body1>
      )}
      {others?.failed && <Caption1>{t.start.othersUnchecked(textOf(others.failed, language))}</Caption1>}
      <div>
        <Button onClick={actions.openValidate} appearance="primary">
          {t.tabs.validate}
        </Button>{' '}
        <Button onClick={() => actions.recheck(sheetId)}>{t.start.recheck}</Button>
      </div>
      {/* Another plan's 分工 table becomes another ledger beside this one. */}
      <ImportAnnex />
    </div>
  );
}
