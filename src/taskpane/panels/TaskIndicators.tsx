import { Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useState } from 'react';
import {
  indicatorLabel,
  readActual,
  shareOf,
  shownAmount,
  type Indicator,
  type NumberedTask,
} from '../../ledger';
import { useStrings } from '../paneContext';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: '4px',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  input: { maxWidth: '10em' },
});

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** One indicator's 完成值: written when the user leaves the box or presses Enter, if it changed. */
function ActualInput({
  indicator,
  taskUnits,
  disabled,
  onActual,
}: {
  indicator: Indicator;
  taskUnits: string;
  disabled: boolean;
  onActual: (indicator: Indicator, value: number | null) => void;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  const shown = indicator.actualCell === null ? '' : String(indicator.actualCell);
  const [text, setText] = useState(shown);
  // Refused text, with the number it could mean (三 → 3): the box says so and writes nothing.
  const [invalid, setInvalid] = useState<{ meant: string | null } | null>(null);
  const commit = () => {
    const reading = readActual(text);
    if (reading.kind === 'invalid') {
      setInvalid({ meant: reading.meant === undefined ? null : shownAmount(reading.meant) });
      return;
    }
    setInvalid(null);
    if (text.trim() === shown.trim()) return;
    onActual(indicator, reading.kind === 'ok' ? reading.value : null);
  };
  const name = indicatorLabel(indicator, taskUnits);
  const share = shareOf(indicator);
  const target = indicator.target === null ? '—' : shownAmount(indicator.target, indicator.measure);
  return (
    <Field
      label={t.units.actualFor(name)}
      hint={[t.units.target(target), share === null ? '' : t.units.share(percent(share))]
        .filter(Boolean)
        .join(' · ')}
      validationMessage={invalid ? t.units.actualInvalid(invalid.meant) : undefined}
      validationState={invalid ? 'error' : 'none'}
    >
      <Input
        className={styles.input}
        value={text}
        inputMode="decimal"
        contentAfter={indicator.measure ? <Caption1>{indicator.measure}</Caption1> : undefined}
        disabled={disabled}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </Field>
  );
}

/** A task card's indicators, each with its 完成值 to enter. Nothing when the task has none. */
export const TaskIndicators = memo(function TaskIndicators({
  task,
  disabled,
  onActual,
}: {
  task: NumberedTask;
  disabled: boolean;
  onActual: (indicator: Indicator, value: number | null) => void;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  if (task.indicators.length === 0) return null;
  const lit = task.health.indicator;
  return (
    <div className={styles.group} role="group" aria-label={`${t.units.indicators} ${task.no}`}>
      <Caption1 className={styles.muted}>{t.units.indicators}</Caption1>
      {lit && <Caption1>{t.units.lightByIndicator(lit.name, percent(lit.share))}</Caption1>}
      {task.indicators.map((indicator) => (
        // Keyed by what the cell holds: a value changed in Excel resets the box.
        <ActualInput
          key={`${indicator.row}:${String(indicator.actualCell)}`}
          indicator={indicator}
          taskUnits={task.unitsText}
          disabled={disabled}
          onActual={onActual}
        />
      ))}
    </div>
  );
});
