import { Caption1, Checkbox } from '@fluentui/react-components';
import { memo } from 'react';
import type { UnitTaskCount } from '../../ledger';
import { useStrings } from '../paneContext';
import { useUnitsPanelStyles } from './unitsPanelStyles';

/** One unit to pick, with its task counts. Memoised: a click re-renders its own row only. */
export const UnitChoice = memo(function UnitChoice({
  count,
  checked,
  onToggle,
}: {
  count: UnitTaskCount;
  checked: boolean;
  onToggle: (name: string, on: boolean) => void;
}) {
  const styles = useUnitsPanelStyles();
  const { t } = useStrings();
  return (
    <div className={styles.unit}>
      <Checkbox
        className={styles.unitName}
        checked={checked}
        onChange={(_, d) => onToggle(count.name, d.checked === true)}
        label={count.name}
      />
      <Caption1 className={styles.counts}>
        {t.units.counts(
          count.lead.direct + count.lead.viaCollective,
          count.partner.direct + count.partner.viaCollective,
        )}
      </Caption1>
    </div>
  );
});
