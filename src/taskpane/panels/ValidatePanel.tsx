// 校验: the findings on the ledger, by task or by rule, with jumps and fixes. A render of
// useValidatePanel's state (Fluent v9's shape: state hook, styles, render).
import { Badge, Body1, Button, Caption1, Radio, RadioGroup } from '@fluentui/react-components';
import { useStrings, type Translation } from '../paneContext';
import type { ReadyLedger } from '../useLedger';
import { renderFixDialog } from './FixConfirmDialog';
import IndicatorSection from './IndicatorSection';
import { renderFindingGroups } from './ValidateFindings';
import { useValidateStyles, type ValidateStyles } from './validatePanelStyles';
import { useValidatePanel, type ValidatePanelState } from './useValidatePanel';

export default function ValidatePanel({ ledger }: { ledger: ReadyLedger }) {
  const state = useValidatePanel(ledger);
  return renderValidatePanel(state, useValidateStyles(), useStrings());
}

function renderValidatePanel(state: ValidatePanelState, styles: ValidateStyles, strings: Translation) {
  const { t } = strings;
  const { busy, counts, actions, uniqueFixes, hiddenJump } = state;
  return (
    <section className={styles.stack} aria-label={t.tabs.validate}>
      <div className={styles.row} role="status">
        <Badge color="danger" appearance="filled">
          {t.validate.error} {counts.error}
        </Badge>
        <Badge color="warning" appearance="filled">
          {t.validate.warning} {counts.warning}
        </Badge>
        <Badge color="informative" appearance="filled">
          {t.validate.info} {counts.info}
        </Badge>
      </div>
      <Caption1 className={styles.muted}>{t.validate.auto}</Caption1>
      <div className={styles.row}>
        <RadioGroup
          layout="horizontal"
          value={state.groupBy}
          onChange={(_, d) => state.setGroupBy(d.value === 'rule' ? 'rule' : 'task')}
          aria-label={t.validate.groupBy}
        >
          <Radio value="task" label={t.validate.byTask} />
          <Radio value="rule" label={t.validate.byRule} />
        </RadioGroup>
        <Button
          appearance="primary"
          size="small"
          disabled={uniqueFixes.length === 0 || busy}
          onClick={(e) => void actions.confirm(e.currentTarget, null, uniqueFixes)}
        >
          {t.validate.fixAll(uniqueFixes.length)}
        </Button>
        <Button size="small" onClick={actions.recheck}>
          {t.start.recheck}
        </Button>
      </div>
      {hiddenJump && (
        <div className={styles.row}>
          <Caption1>{t.validate.hiddenRow(hiddenJump)}</Caption1>
          <Button size="small" disabled={busy} onClick={actions.clearHidden}>
            {t.units.clear}
          </Button>
        </div>
      )}
      {state.findings.length === 0 && <Body1>{t.validate.none}</Body1>}
      {renderFindingGroups(state, styles, strings)}
      <IndicatorSection ledger={state.ledger} />
      {renderFixDialog(state, styles, strings)}
    </section>
  );
}
