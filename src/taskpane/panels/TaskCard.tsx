import { Badge, Body1, Caption1, Card, Dropdown, Field, Option } from '@fluentui/react-components';
import { memo } from 'react';
import type { HealthLight, Indicator, NumberedTask } from '../../ledger';
import { useStrings } from '../paneContext';
import { TaskIndicators } from './TaskIndicators';
import { useUnitsPanelStyles } from './unitsPanelStyles';

const LIGHT_COLOUR: Record<HealthLight, 'success' | 'warning' | 'danger' | 'informative' | 'subtle'> = {
  green: 'success',
  yellow: 'warning',
  red: 'danger',
  done: 'informative',
  none: 'subtle',
};

/** One task of the chosen units: its light, its text, its status to change and its indicators' 完成值. */
export const TaskCard = memo(function TaskCard({
  task,
  statuses,
  disabled,
  onStatus,
  onActual,
}: {
  task: NumberedTask;
  statuses: readonly string[];
  disabled: boolean;
  onStatus: (task: NumberedTask, status: string) => void;
  onActual: (indicator: Indicator, value: number | null) => void;
}) {
  const styles = useUnitsPanelStyles();
  const { t } = useStrings();
  return (
    <Card className={styles.task}>
      <div className={styles.head}>
        <Badge appearance="outline">{task.no}</Badge>
        <Badge color={LIGHT_COLOUR[task.health.light]}>
          {/* An open deadline (全年, 长期坚持) lights nothing: the plan's own words say why. */}
          {task.health.light === 'none' && task.current.kind === 'open'
            ? task.current.label
            : t.health[task.health.light]}
        </Badge>
        <Caption1 className={styles.muted}>{t.labelled(t.units.leadUnit, task.lead)}</Caption1>
      </div>
      {/* By 序时进度 alone the light would be green or unlit: say why it is not. */}
      {task.health.reported && <Caption1>{t.units.lightByStatus}</Caption1>}
      <Body1 className={styles.text}>{task.task}</Body1>
      <Field label={t.units.statusFor(task.no)}>
        {/* A dropdown commits on a choice (click or Enter), not on every arrow key. */}
        <Dropdown
          className={styles.status}
          value={task.knownStatus ?? (task.status || '—')}
          selectedOptions={task.knownStatus ? [task.knownStatus] : []}
          disabled={disabled}
          onOptionSelect={(_, d) => {
            if (d.optionValue && d.optionValue !== task.knownStatus) onStatus(task, d.optionValue);
          }}
        >
          {statuses.map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <TaskIndicators task={task} disabled={disabled} onActual={onActual} />
    </Card>
  );
});
