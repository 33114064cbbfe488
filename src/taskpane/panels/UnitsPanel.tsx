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
import { useMemo, useState } from 'react';
import { applyUnitFilter, clearUnitFilter, setTaskStatus } from '../../excel';
import {
  indexFor,
  tasksForUnit,
  unitTaskCounts,
  type HealthLight,
  type LedgerTask,
  type RoleFilter,
  type UnitDirectory,
} from '../../ledger';
import type { PaneContext } from '../App';

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
  unit: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: '4px' },
  unitName: { flex: '1 1 9em', minWidth: 0 },
  search: { minWidth: 0, width: '100%' },
  roles: { flexWrap: 'wrap' },
  role: { whiteSpace: 'nowrap' },
  counts: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  task: { padding: '8px', display: 'flex', flexDirection: 'column', gap: '4px' },
  head: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const LIGHT_COLOUR: Record<HealthLight, 'success' | 'warning' | 'danger' | 'informative' | 'subtle'> = {
  green: 'success',
  yellow: 'warning',
  red: 'danger',
  done: 'informative',
  none: 'subtle',
};

function selectedTasks(
  tasks: readonly LedgerTask[],
  units: readonly string[],
  role: RoleFilter,
  includeCollectives: boolean,
  directory: UnitDirectory,
): LedgerTask[] {
  const refs = tasks.map((t) => ({ no: t.no, units: t.unitsText }));
  const wanted = new Set(units.flatMap((u) => tasksForUnit(refs, u, { role, includeCollectives, directory })));
  return tasks.filter((t) => t.no !== null && wanted.has(t.no));
}

export default function UnitsPanel({ pane }: { pane: PaneContext }) {
  const styles = useStyles();
  const { t, ledger, action, host, selectedUnits, setSelectedUnits } = pane;
  const { read, analysis } = ledger.state;
  // The tab is shown only once the ledger and its reference data are read.
  const reference = ledger.state.reference!;
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<RoleFilter>('any');
  const [includeCollectives, setIncludeCollectives] = useState(true);
  const tasks = analysis!.tasks;
  const location = read!.location;
  const columns = read!.ledger.header.columns;

  const counts = useMemo(
    () =>
      unitTaskCounts(
        tasks.map((x) => ({ no: x.no, units: x.unitsText })),
        reference.directory,
      ),
    [tasks, reference.directory],
  );
  const index = indexFor(reference.directory);
  const shown = counts.filter((c) => {
    if (!search.trim()) return true;
    const entry = index.get(c.name);
    return [c.name, ...(entry?.aliases ?? [])].some((n) => n.includes(search.trim()));
  });
  const chosen = useMemo(
    () => selectedTasks(tasks, selectedUnits, role, includeCollectives, reference.directory),
    [tasks, selectedUnits, role, includeCollectives, reference.directory],
  );

  const toggle = (name: string, on: boolean) =>
    setSelectedUnits(on ? [...selectedUnits, name] : selectedUnits.filter((u) => u !== name));
  const noHeader = String(read!.ledger.headerRow[columns.no as number]);
  const applyFilter = () =>
    action.run(
      'filter',
      () =>
        host.run((c) =>
          applyUnitFilter(
            c,
            location,
            noHeader,
            chosen.map((x) => x.no as number),
          ),
        ),
      (n) => ({ intent: 'success', text: (s) => s.units.filtered(n) }),
    );
  const clearFilter = () =>
    action.run(
      'filter',
      () => host.run((c) => clearUnitFilter(c, location, noHeader)),
      () => ({ intent: 'info', text: (s) => s.units.cleared }),
    );
  const changeStatus = (task: LedgerTask, status: string) =>
    action
      .run(
        `status-${task.no}`,
        () =>
          host.run((c) =>
            setTaskStatus(c, location, { no: columns.no as number, status: columns.status as number }, task.no as number, {
              status,
              expectedStatus: task.status,
            }),
          ),
        (address) => ({ intent: 'success', text: (s) => s.units.saved(task.no as number, status, address) }),
      )
      .then(() => ledger.refresh());

  return (
    <section className={styles.stack} aria-label={t.tabs.units}>
      <Field label={t.units.search}>
        <Input className={styles.search} value={search} onChange={(_, d) => setSearch(d.value)} type="search" />
      </Field>
      <div className={styles.units} role="group" aria-label={t.units.search}>
        {shown.map((c) => (
          <div key={c.name} className={styles.unit}>
            <Checkbox
              className={styles.unitName}
              checked={selectedUnits.includes(c.name)}
              onChange={(_, d) => toggle(c.name, d.checked === true)}
              label={c.name}
            />
            <Caption1 className={styles.counts}>
              {t.units.leadCount(c.lead.direct + c.lead.viaCollective)} ·{' '}
              {t.units.partnerCount(c.partner.direct + c.partner.viaCollective)}
            </Caption1>
          </div>
        ))}
      </div>
      <RadioGroup
        className={styles.roles}
        layout="horizontal"
        value={role}
        onChange={(_, d) => setRole(d.value as RoleFilter)}
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
        <Button appearance="primary" disabled={chosen.length === 0 || action.busy !== null} onClick={() => void applyFilter()}>
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
        <Card key={`${task.no}-${task.row}`} className={styles.task}>
          <div className={styles.head}>
            <Badge appearance="outline">{task.no}</Badge>
            <Badge color={LIGHT_COLOUR[task.health.light]}>{t.health[task.health.light]}</Badge>
            <Caption1 className={styles.muted}>{t.labelled(t.units.leadUnit, task.lead)}</Caption1>
          </div>
          <Body1 className={styles.text}>{task.task}</Body1>
          <Field label={t.units.statusFor(task.no as number)}>
            {/* A dropdown commits on a choice (click or Enter), not on every arrow key. */}
            <Dropdown
              value={task.knownStatus ?? (task.status || '—')}
              selectedOptions={task.knownStatus ? [task.knownStatus] : []}
              disabled={action.busy !== null}
              onOptionSelect={(_, d) => {
                if (d.optionValue && d.optionValue !== task.knownStatus) void changeStatus(task, d.optionValue);
              }}
            >
              {reference.statuses.map((s) => (
                <Option key={s} value={s}>
                  {s}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </Card>
      ))}
    </section>
  );
}
