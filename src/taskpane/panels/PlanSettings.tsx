// 设置 › 方案: which plan the workbook tracks (its own or the built-in one), how many tasks, and
// its title, short name, region and 起始日期, editable.
import { Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../paneContext';
import { PLAN_START_STRINGS } from '../planStartStrings';
import { PLAN_STRINGS } from '../planStrings';
import { usePlanSettings } from '../usePlanSettings';
import { useFitStyles } from './fitStyles';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export default function PlanSettings() {
  const styles = useStyles();
  const fit = useFitStyles();
  const { language } = useStrings();
  const s = PLAN_STRINGS[language];
  const { shown, edits, edit, save, busy } = usePlanSettings();
  if (!shown) return null;
  return (
    <>
      <Subtitle2 as="h3">{s.title}</Subtitle2>
      <Caption1 className={styles.muted}>
        {s.source(shown.partId !== null && shown.problem === null)} · {s.tasks(shown.plan.tasks.length)}
      </Caption1>
      {shown.problem !== null && <Caption1 className={styles.warning}>{s.damaged}</Caption1>}
      <Field label={s.planTitle}>
        <Input className={fit.field} value={edits.title} onChange={(_, d) => edit('title', d.value)} />
      </Field>
      <Field label={s.shortName}>
        <Input
          className={fit.field}
          value={edits.shortName}
          onChange={(_, d) => edit('shortName', d.value)}
        />
      </Field>
      <Field label={s.region}>
        <Input className={fit.field} value={edits.region} onChange={(_, d) => edit('region', d.value)} />
      </Field>
      <Field label={PLAN_START_STRINGS[language].field}>
        <Input type="date" value={edits.start} onChange={(_, d) => edit('start', d.value)} />
      </Field>
      <Button size="small" disabled={busy} onClick={() => void save()}>
        {s.save}
      </Button>
    </>
  );
}
