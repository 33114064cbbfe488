// 筛选: pick units, see the tasks they reach, filter the ledger to them and change a task's
// status or 完成值 on its card. A render of useUnitsPanel's state (Fluent v9's shape).
import { Body1, Button, Field, Input, Radio, RadioGroup, Switch } from '@fluentui/react-components';
import type { RoleFilter } from '../../ledger';
import { useStrings } from '../paneContext';
import type { ReadyLedger } from '../useLedger';
import { TaskCard } from './TaskCard';
import { UnitChoice } from './UnitChoice';
import { useUnitsPanelStyles } from './unitsPanelStyles';
import { useUnitsPanel } from './useUnitsPanel';

const ROLES: readonly RoleFilter[] = ['any', 'lead', 'partner'];

export default function UnitsPanel({ ledger }: { ledger: ReadyLedger }) {
  const state = useUnitsPanel(ledger);
  const styles = useUnitsPanelStyles();
  const { t } = useStrings();
  return (
    <section className={styles.stack} aria-label={t.tabs.units}>
      <Field label={t.units.search}>
        <Input
          className={styles.search}
          value={state.search}
          onChange={(_, d) => state.setSearch(d.value)}
          type="search"
        />
      </Field>
      <div className={styles.units} role="group" aria-label={t.units.search}>
        {state.shown.map((c) => (
          <UnitChoice
            key={c.name}
            count={c}
            checked={state.selectedUnits.includes(c.name)}
            onToggle={state.toggle}
          />
        ))}
      </div>
      <RadioGroup
        className={styles.roles}
        layout="horizontal"
        value={state.role}
        onChange={(_, d) => state.setRole(ROLES.find((r) => r === d.value) ?? 'any')}
        aria-label={t.units.role}
      >
        <Radio className={styles.role} value="any" label={t.units.roleAny} />
        <Radio className={styles.role} value="lead" label={t.units.lead} />
        <Radio className={styles.role} value="partner" label={t.units.partner} />
      </RadioGroup>
      <Switch
        checked={state.includeCollectives}
        onChange={(_, d) => state.setIncludeCollectives(d.checked)}
        label={t.units.includeCollectives}
      />
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={state.chosen.length === 0 || state.busy}
          onClick={() => void state.applyFilter()}
        >
          {t.units.apply}
        </Button>
        <Button disabled={state.busy} onClick={() => void state.clearFilter()}>
          {t.units.clear}
        </Button>
      </div>
      <Body1 role="status">
        {state.selectedUnits.length
          ? t.units.selected(state.selectedUnits.length, state.chosen.length)
          : t.units.noneSelected}
      </Body1>
      {state.chosen.map((task) => (
        <TaskCard
          key={`${task.no}-${task.row}`}
          task={task}
          statuses={state.statuses}
          disabled={state.busy}
          onStatus={state.changeStatus}
          onActual={state.changeActual}
        />
      ))}
    </section>
  );
}
