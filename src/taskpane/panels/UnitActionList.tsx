// A list of units, each with one action button (download its draft, its form): the 发送 section
// and the 反馈 tab offer the same list for different files.
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export const useUnitListStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  item: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  name: { flex: '1 1 9em', minWidth: 0, overflowWrap: 'anywhere' },
  // In a narrow pane a long label wraps inside its button rather than pushing the pane wider.
  button: { maxWidth: '100%', whiteSpace: 'normal', height: 'auto', minHeight: '32px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface UnitActionListProps {
  readonly units: readonly string[];
  readonly label: string;
  readonly ariaLabel: (unit: string) => string;
  readonly onAction: (unit: string) => void;
  readonly disabled: boolean;
  /** Shown beside a unit's name (缺邮箱), if anything. */
  readonly note?: (unit: string) => ReactNode;
}

export function UnitActionList({ units, label, ariaLabel, onAction, disabled, note }: UnitActionListProps) {
  const styles = useUnitListStyles();
  return (
    <ul className={styles.list}>
      {units.map((unit) => (
        <li key={unit} className={styles.item}>
          <Body1 className={styles.name}>{unit}</Body1>
          {note?.(unit)}
          <Button
            className={styles.button}
            size="small"
            disabled={disabled}
            aria-label={ariaLabel(unit)}
            onClick={() => onAction(unit)}
          >
            {label}
          </Button>
        </li>
      ))}
    </ul>
  );
}
