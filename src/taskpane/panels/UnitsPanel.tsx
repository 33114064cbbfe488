import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Radio,
  Option,
  RadioGroup,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { applyUnitFilter, setIndicatorActual, setTaskStatus } from '../../excel';
import {
  dayFromLocalDate,
  indexFor,
  matchKey,
  tasksReaching,
  unitTaskCounts,
  type HealthLight,
  type Indicator,
  type NumberedTask,
  type RoleFilter,
  type UnitTaskCount,
} from '../../ledger';
import { usePane, useStrings } from '../paneContext';
import type { ReadyLedger } from '../useLedger';
import { useClearFilter } from './clearFilter';
import { TaskIndicators } from './TaskIndicators';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px', minWidth: 0 },
  units: {
    maxHeight: '220px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '4px',
  },
  // In a narrow pane the counts wrap under the name, never the name one character a line.
  unit: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: '4px',
  },
  unitName: { flex: '1 1 9em', minWidth: 0 },
  search: { minWidth: 0, width: '100%' },
  roles: { flexWrap: 'wrap' },
  role: { whiteSpace: 'nowrap' },
  counts: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  task: { padding: '8px', display: 'flex', flexDirection: 'column', gap: '4px' },
  head: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  // Fluent's Dropdown asks for 250 px: in a 200 px pane the card's status box fits the card instead.
  status: { minWidth: 0, width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const ROLES: readonly RoleFilter[] = ['any', 'lead', 'partner'];

const LIGHT_COLOUR: Record<HealthLight, 'success' | 'warning' | 'danger' | 'informative' | 'subtle'> = {
  green: 'success',
  yellow: 'warning',
  red: 'danger',
  done: 'informative',
  none: 'subtle',
};

/** One unit to pick, with its task counts. Memoised: a click re-renders its own row only. */
const UnitChoice = memo(function UnitChoice({
  count,
  checked,
  onToggle,
}: {
  count: UnitTaskCount;
  checked: boolean;
  onToggle: (name: string, on: boolean) => void;
}) {
  const styles = useStyles();
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

/** One task of the chosen units: its light, its text, its status to change and its indicators' 完成值. */
const TaskCard = memo(function TaskCard({
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
  const styles = useStyles();
  const { t } = useStrings();
  return (
    <Card className={styles.task}>
      <div className={styles.head}>
        <Badge appearance="outline">{task.no}</Badge>
        <Badge color={LIGHT_COLOUR[task.health.light]}>{t.health[task.health.light]}</Badge>
        <Caption1 className={styles.muted}>{t.labelled(t.units.leadUnit, task.lead)}</Caption1>
      </div>
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

export default function UnitsPanel({ ledger }: { ledger: ReadyLedger }) {
  const styles = useStyles();
  const { t } = useStrings();
  const { action, host, selectedUnits, setSelectedUnits, ledger: pane } = usePane();
  const { read, reference, analysis } = ledger;
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<RoleFilter>('any');
  const [includeCollectives, setIncludeCollectives] = useState(true);
  const tasks = analysis.tasks;

  const counts = useMemo(() => unitTaskCounts(tasks, reference.directory), [tasks, reference.directory]);
  const index = indexFor(reference.directory);
  // Half- and full-width alike: 各县(市) finds 各县（市）人民政府, as the directory itself reads names.
  const wanted = matchKey(search);
  const shown = counts.filter((c) => {
    if (!wanted) return true;
    const entry = index.get(c.name);
    return [c.name, ...(entry?.aliases ?? [])].some((n) => matchKey(n).includes(wanted));
  });
  const chosen = useMemo(
    () => tasksReaching(tasks, selectedUnits, { role, includeCollectives, directory: reference.directory }),
    [tasks, selectedUnits, role, includeCollectives, reference.directory],
  );

  const toggle = useCallback(
    (name: string, on: boolean) =>
      setSelectedUnits((units) => (on ? [...units, name] : units.filter((u) => u !== name))),
    [setSelectedUnits],
  );
  const applyFilter = () =>
    action.run(
      'filter',
      () =>
        host.run((c) =>
          applyUnitFilter(
            c,
            read,
            chosen.map((x) => x.no),
          ),
        ),
      (r) => ({
        intent: r.otherFilters.length || r.shown < chosen.length ? 'warning' : 'success',
        text: (s) => s.units.filtered(r.shown, chosen.length, r.otherFilters),
      }),
    );
  const clearFilter = useClearFilter(read);
  const changeStatusNow = async (task: NumberedTask, status: string) => {
    const written = await action.run(
      'status',
      () => host.run((c) => setTaskStatus(c, read, task.no, { status, expectedStatus: task.status })),
      (result) => ({ intent: 'success', text: (s) => s.units.saved(task.no, status, result.address) }),
    );
    // A refused write (a co-author changed the cell) is shown; the pane reads the sheet as it is now.
    if (written) pane.afterWrite(written);
    else await pane.refresh();
  };
  // The cards keep one handler for the tab's life; it runs the latest version of the write.
  const latestChange = useRef(changeStatusNow);
  latestChange.current = changeStatusNow;
  const changeStatus = useCallback(
    (task: NumberedTask, status: string) => void latestChange.current(task, status),
    [],
  );
  const changeActualNow = async (indicator: Indicator, value: number | null) => {
    const written = await action.run(
      'indicator',
      () =>
        host.run((c) =>
          setIndicatorActual(c, { read, reference }, indicator, value, dayFromLocalDate(host.now())),
        ),
      (result) => ({
        intent: 'success',
        text: (s) => s.units.actualSaved(indicator.name, value === null ? '' : String(value), result.address),
      }),
    );
    if (written) pane.afterWrite(written);
    else await pane.refresh();
  };
  const latestActual = useRef(changeActualNow);
  latestActual.current = changeActualNow;
  const changeActual = useCallback(
    (indicator: Indicator, value: number | null) => void latestActual.current(indicator, value),
    [],
  );

  return (
    <section className={styles.stack} aria-label={t.tabs.units}>
      <Field label={t.units.search}>
        <Input
          className={styles.search}
          value={search}
          onChange={(_, d) => setSearch(d.value)}
          type="search"
        />
      </Field>
      <div className={styles.units} role="group" aria-label={t.units.search}>
        {shown.map((c) => (
          <UnitChoice key={c.name} count={c} checked={selectedUnits.includes(c.name)} onToggle={toggle} />
        ))}
      </div>
      <RadioGroup
        className={styles.roles}
        layout="horizontal"
        value={role}
        onChange={(_, d) => setRole(ROLES.find((r) => r === d.value) ?? 'any')}
        aria-label={t.units.role}
      >
        <Radio className={styles.role} value="any" label={t.units.roleAny} />
        <Radio className={styles.role} value="lead" label={t.units.lead} />
        <Radio className={styles.role} value="partner" label={t.units.partner} />
      </RadioGroup>
      <Switch
        checked={includeCollectives}
        onChange={(_, d) => setIncludeCollectives(d.checked)}
        label={t.units.includeCollectives}
      />
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={chosen.length === 0 || action.busy !== null}
          onClick={() => void applyFilter()}
        >
          {t.units.apply}
        </Button>
        <Button disabled={action.busy !== null} onClick={() => void clearFilter()}>
          {t.units.clear}
        </Button>
      </div>
      <Body1 role="status">
        {selectedUnits.length ? t.units.selected(selectedUnits.length, chosen.length) : t.units.noneSelected}
      </Body1>
      {chosen.map((task) => (
        <TaskCard
          key={`${task.no}-${task.row}`}
          task={task}
          statuses={reference.statuses}
          disabled={action.busy !== null}
          onStatus={changeStatus}
          onActual={changeActual}
        />
      ))}
    </section>
  );
}
