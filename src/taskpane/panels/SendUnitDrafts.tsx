// The 发送 section's unit drafts: all as a .zip, or one per unit with a badge where 单位名录
// gives no mailbox.
import { Badge, Body1, Button, Checkbox } from '@fluentui/react-components';
import { unitAddressState, type Language } from '../../ledger';
import { SEND_STRINGS } from '../sendStrings';
import type { SendLooks } from './sendSectionStyles';
import { UnitActionList } from './UnitActionList';
import type { SendSectionState } from './useSendSection';

export function renderUnitDrafts(state: SendSectionState, looks: SendLooks, language: Language) {
  const { styles, shared } = looks;
  const st = SEND_STRINGS[language];
  const { busy, fields, actions, units, directory } = state;
  return (
    <>
      <Body1>{st.unitsTitle(units.length, state.selectedCount > 0)}</Body1>
      <Checkbox
        checked={fields.withForm}
        onChange={(_, d) => fields.setWithForm(d.checked === true)}
        label={st.withForm}
      />
      <div className={styles.row}>
        <Button
          className={shared.button}
          size="small"
          disabled={busy}
          onClick={() => void actions.draftsToUnits()}
        >
          {st.allDrafts}
        </Button>
      </div>
      <UnitActionList
        units={units}
        label={st.emlButton}
        ariaLabel={st.unitDraft}
        onAction={(unit) => void actions.draftToUnit(unit)}
        disabled={busy}
        note={(unit) => {
          const address = unitAddressState(unit, directory);
          return (
            address !== 'ok' && (
              <Badge color="warning">{address === 'invalid' ? st.badAddress : st.noAddress}</Badge>
            )
          );
        }}
      />
    </>
  );
}
