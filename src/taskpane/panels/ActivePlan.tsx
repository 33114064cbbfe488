// Under the tabs: which plan the pane works on, and the other plans' ledgers in the workbook.
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ACTIVE_PLAN_STRINGS } from '../activePlanStrings';
import { useStrings } from '../paneContext';
import { useActivePlan } from '../useActivePlan';

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

export default function ActivePlan() {
  const plan = useActivePlan();
  const styles = useStyles();
  const { language } = useStrings();
  if (!plan) return null;
  const s = ACTIVE_PLAN_STRINGS[language];
  return (
    <div className={styles.line} role="status">
      <Caption1>{s.current(plan.title, plan.sheetName)}</Caption1>
      {plan.others.length > 0 && <Caption1>{s.others(plan.others.length)}</Caption1>}
      {plan.others.map((l) => (
        <Button
          key={l.table}
          size="small"
          appearance="subtle"
          disabled={plan.busy}
          onClick={() => void plan.goTo(l.sheetId)}
        >
          {s.goTo(l.sheetName)}
        </Button>
      ))}
    </div>
  );
}
