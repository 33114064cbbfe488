// The 校验 tab's confirmation before a fix: the cells that will change, task by task, and those
// left alone for their formula.
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { Translation } from '../paneContext';
import type { ValidateStyles } from './validatePanelStyles';
import type { ValidatePanelState } from './useValidatePanel';

export function renderFixDialog(
  state: ValidatePanelState,
  styles: ValidateStyles,
  { t, language }: Translation,
) {
  const { confirming, planned, actions } = state;
  return (
    <Dialog open={confirming !== null} onOpenChange={(_, d) => (d.open ? undefined : actions.closeDialog())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{confirming?.title?.[language] ?? t.validate.confirmTitle}</DialogTitle>
          <DialogContent>
            <Body1>
              {confirming?.fixes.length
                ? t.validate.confirm(confirming.fixes.length)
                : t.validate.confirmNone}
            </Body1>
            {confirming?.formulas.length ? (
              <Body1>{t.validate.confirmFormulas(confirming.formulas)}</Body1>
            ) : null}
            <ol className={styles.plan} aria-label={confirming?.title?.[language] ?? t.validate.confirmTitle}>
              {planned.map((group) => (
                <li key={group.label.zh}>
                  <Body1 className={styles.planTask}>
                    {t.validate.planTask(group.label[language], group.task)}
                  </Body1>
                  <ul className={styles.planChanges}>
                    {group.changes.map((c) => (
                      <li key={c.address}>
                        <Caption1>{t.validate.change(c.address, c.column, c.from, c.to)}</Caption1>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={actions.closeDialog}>
              {t.validate.cancel}
            </Button>
            <Button
              appearance="primary"
              disabled={!confirming?.fixes.length}
              onClick={() => {
                const fixes = confirming?.fixes ?? [];
                actions.closeDialog();
                void actions.fix([...fixes]);
              }}
            >
              {t.validate.confirmOk}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
