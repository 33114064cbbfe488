// 设置 › 方案: which plan the workbook tracks (its own or the built-in one), how many tasks, and
// its title, short name, region and 起始日期, editable; unsaved changes are said and kept.
import { Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { chineseDate } from '../../ledger';
import { useStrings } from '../paneContext';
import { PLAN_START_STRINGS } from '../planStartStrings';
import { PLAN_STRINGS } from '../planStrings';
import { usePlanSettings } from '../usePlanSettings';
import { useFitStyles } from './fitStyles';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
});

export default function PlanSettings() {
  const styles = useStyles();
  const fit = useFitStyles();
  const { language } = useStrings();
  const s = PLAN_STRINGS[language];
  const { shown, fields, changed, warning, edit, discard, save, busy } = usePlanSettings();
  // The date input's own word on what was typed: text it cannot read gives the value '', not the text.
  const start = useRef<HTMLInputElement>(null);
  if (!shown || !fields) return null;
  return (
    <>
      <Subtitle2 as="h3">{s.title}</Subtitle2>
      <Caption1 className={styles.muted}>
        {s.source(shown.partId !== null && shown.problem === null)} · {s.tasks(shown.plan.tasks.length)}
      </Caption1>
      {shown.problem !== null && <Caption1 className={styles.warning}>{s.damaged}</Caption1>}
      <Field label={s.planTitle}>
        <Input className={fit.field} value={fields.title} onChange={(_, d) => edit('title', d.value)} />
      </Field>
      <Field label={s.shortName}>
        <Input
          className={fit.field}
          value={fields.shortName}
          onChange={(_, d) => edit('shortName', d.value)}
        />
      </Field>
      <Field label={s.region}>
        <Input className={fit.field} value={fields.region} onChange={(_, d) => edit('region', d.value)} />
      </Field>
      <Field label={PLAN_START_STRINGS[language].field}>
        <Input ref={start} type="date" value={fields.start} onChange={(_, d) => edit('start', d.value)} />
      </Field>
      {warning && (
        <Caption1 role="note" className={styles.warning}>
          {PLAN_START_STRINGS[language].afterDeadline(
            chineseDate(warning.start),
            warning.label,
            chineseDate(warning.day),
          )}
        </Caption1>
      )}
      {changed.length > 0 && (
        <Caption1 role="note">{s.unsaved(s.list(changed.map((f) => s.fields[f])))}</Caption1>
      )}
      <div className={styles.row}>
        <Button
          size="small"
          disabled={busy}
          onClick={() => void save(start.current?.validity.badInput === true)}
        >
          {s.save}
        </Button>
        {changed.length > 0 && (
          <Button size="small" disabled={busy} onClick={discard}>
            {s.discard}
          </Button>
        )}
      </div>
    </>
  );
}
