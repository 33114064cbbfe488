import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import {
  applyFixes,
  CELL_SELECTED,
  INDICATOR_TABLE,
  inspectFixes,
  restoreReference,
  selectCell,
  type FixToApply,
} from '../../excel';
import {
  countBySeverity,
  describeFixes,
  fixesFor,
  groupFindings,
  plannedFix,
  plannedFixes,
  type Bilingual,
  type Finding,
  type FindingGrouping,
} from '../../ledger';
import { usePane, useStrings } from '../paneContext';
import type { ReadyLedger } from '../useLedger';
import { useClearFilter } from './clearFilter';
import IndicatorSection, { useIndicatorActions } from './IndicatorSection';
import AddColumnsButton from './AddColumnsButton';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  group: { display: 'flex', flexDirection: 'column', gap: '4px' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  item: { display: 'flex', gap: '4px', alignItems: 'flex-start' },
  jump: {
    flexGrow: 1,
    minWidth: 0,
    justifyContent: 'flex-start',
    textAlign: 'left',
    whiteSpace: 'normal',
    height: 'auto',
    paddingTop: '4px',
    paddingBottom: '4px',
    fontWeight: tokens.fontWeightRegular,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  // A finding about the whole sheet has no cell to jump to: plain text, not a greyed-out button.
  sheetWide: { flexGrow: 1, minWidth: 0, paddingTop: '4px', paddingBottom: '4px', overflowWrap: 'anywhere' },
  plan: { margin: '8px 0 0', paddingLeft: '20px', maxHeight: '50vh', overflowY: 'auto' },
  planTask: { fontWeight: tokens.fontWeightSemibold },
  planChanges: { margin: '2px 0 6px', paddingLeft: '16px', overflowWrap: 'anywhere' },
});

const SEVERITY_COLOUR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/** What the confirmation lists: the cells that will change, and those left alone for their formula. */
interface Confirming {
  readonly title: Bilingual | null;
  readonly fixes: readonly FixToApply[];
  readonly formulas: readonly string[];
}

export default function ValidatePanel({ ledger }: { ledger: ReadyLedger }) {
  const styles = useStyles();
  const { t, language } = useStrings();
  const { action, host, ledger: pane } = usePane();
  const [groupBy, setGroupBy] = useState<FindingGrouping>('task');
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  // The cell a jump selected on a row the grid hides: said, with 清除筛选 beside it.
  const [hiddenJump, setHiddenJump] = useState<string | null>(null);
  // The dialog is opened by state, so focus is brought back to the button that opened it by hand.
  const opener = useRef<HTMLButtonElement | null>(null);
  const closeDialog = () => {
    setConfirming(null);
    opener.current?.focus();
  };
  const { read, analysis } = ledger;
  const findings = analysis.findings;
  const counts = countBySeverity(findings);
  const uniqueFixes = useMemo(() => fixesFor(read.ledger, findings), [read.ledger, findings]);
  const planned = useMemo(
    () => (confirming ? describeFixes(read.ledger, confirming.fixes, read.location) : []),
    [confirming, read],
  );
  const clearFilter = useClearFilter(read);
  /**
   * Before the confirmation, one read of the cells named: a cell holding a formula is listed
   * apart as left alone, never as a change that would then not be made.
   */
  const confirm = async (
    button: HTMLButtonElement,
    title: Bilingual | null,
    fixes: readonly FixToApply[],
  ) => {
    opener.current = button;
    const inspected = await action.run('fix', () => host.run((c) => inspectFixes(c, read.location, fixes)));
    if (inspected) setConfirming({ title, fixes: inspected.writable, formulas: inspected.formulas });
  };
  const groups = useMemo(
    () => groupFindings(findings, groupBy, analysis.tasks, read.location),
    [findings, groupBy, analysis.tasks, read.location],
  );

  const indicators = useIndicatorActions(ledger);
  const jump = async (f: Finding) => {
    if (f.row === null || f.column === null) return;
    const { row, column } = f;
    // A finding in the 指标 table names a cell of that table, found through the table itself.
    const table = f.table === 'indicators' ? { tableName: INDICATOR_TABLE } : read.location;
    const selected = await action.run(
      'jump',
      () => host.run((c) => selectCell(c, table, row, column)),
      (cell) =>
        cell.hidden
          ? { intent: 'warning', text: (s) => s.validate.jumpedHidden(cell.address) }
          : { intent: 'info', text: (s) => s.validate.jumped(cell.address) },
    );
    setHiddenJump(selected?.hidden ? selected.address : null);
    if (selected) pane.expectEchoes(CELL_SELECTED);
  };
  const fix = async (fixes: FixToApply[]) => {
    const result = await action.run(
      'fix',
      () => host.run((c) => applyFixes(c, read.location, fixes)),
      (r) => ({
        intent: r.skippedFormulas.length ? 'warning' : 'success',
        text: (s) =>
          s.validate.fixed(r.applied) +
          (r.skippedFormulas.length ? s.validate.skippedFormulas(r.skippedFormulas) : ''),
      }),
    );
    // A refused fix (a cell changed since the check) is shown; the pane reads the sheet as it is now.
    if (result) pane.afterWrite(result);
    else await pane.refresh();
  };

  const restore = () =>
    action
      .run(
        'restore',
        () => host.run((c) => restoreReference(c, read.location, read.ledger.header, host.supports)),
        (r) => {
          const dropdown = r.dropdownRebound || !r.restored.includes('statuses');
          return {
            intent: dropdown ? 'success' : 'warning',
            text: (s) => s.validate.restored(r.sheetName, r.keptRows, dropdown),
          };
        },
      )
      .then(() => pane.refresh());

  return (
    <section className={styles.stack} aria-label={t.tabs.validate}>
      <div className={styles.row} role="status">
        <Badge color="danger" appearance="filled">
          {t.validate.error} {counts.error}
        </Badge>
        <Badge color="warning" appearance="filled">
          {t.validate.warning} {counts.warning}
        </Badge>
        <Badge color="informative" appearance="filled">
          {t.validate.info} {counts.info}
        </Badge>
      </div>
      <Caption1 className={styles.muted}>{t.validate.auto}</Caption1>
      <div className={styles.row}>
        <RadioGroup
          layout="horizontal"
          value={groupBy}
          onChange={(_, d) => setGroupBy(d.value === 'rule' ? 'rule' : 'task')}
          aria-label={t.validate.groupBy}
        >
          <Radio value="task" label={t.validate.byTask} />
          <Radio value="rule" label={t.validate.byRule} />
        </RadioGroup>
        <Button
          appearance="primary"
          size="small"
          disabled={uniqueFixes.length === 0 || action.busy !== null}
          onClick={(e) => void confirm(e.currentTarget, null, uniqueFixes)}
        >
          {t.validate.fixAll(uniqueFixes.length)}
        </Button>
        <Button size="small" onClick={() => void pane.refresh()}>
          {t.start.recheck}
        </Button>
      </div>
      {hiddenJump && (
        <div className={styles.row}>
          <Caption1>{t.validate.hiddenRow(hiddenJump)}</Caption1>
          <Button
            size="small"
            disabled={action.busy !== null}
            onClick={() => void clearFilter().then((cleared) => cleared && setHiddenJump(null))}
          >
            {t.units.clear}
          </Button>
        </div>
      )}
      {findings.length === 0 && <Body1>{t.validate.none}</Body1>}
      {groups.map((group) => (
        <div key={group.key} className={styles.group}>
          <Subtitle2 as="h3">{group.title[language]}</Subtitle2>
          <ul className={styles.list}>
            {group.findings.map((f) => {
              const fixItem = plannedFix(read.ledger, f);
              return (
                <li key={f.id} className={styles.item}>
                  <Badge size="small" color={SEVERITY_COLOUR[f.severity]} aria-label={t.validate[f.severity]}>
                    {t.validate.severityMark[f.severity]}
                  </Badge>
                  {f.row === null ? (
                    <Body1 className={styles.sheetWide}>{f.message[language]}</Body1>
                  ) : (
                    <Button
                      appearance="subtle"
                      size="small"
                      className={styles.jump}
                      onClick={() => void jump(f)}
                    >
                      {f.message[language]}
                    </Button>
                  )}
                  {f.action === 'createIndicators' && (
                    <Button
                      size="small"
                      disabled={action.busy !== null}
                      onClick={() => void indicators.create()}
                    >
                      {t.indicators.create}
                    </Button>
                  )}
                  {f.action === 'addColumns' && <AddColumnsButton ledger={ledger} />}
                  {f.action === 'restoreReference' && (
                    <Button size="small" disabled={action.busy !== null} onClick={() => void restore()}>
                      {t.validate.restore}
                    </Button>
                  )}
                  {f.offer && (
                    <Button
                      size="small"
                      disabled={action.busy !== null}
                      onClick={(e) => {
                        const offer = f.offer;
                        if (offer)
                          void confirm(e.currentTarget, offer.label, plannedFixes(read.ledger, offer.fixes));
                      }}
                    >
                      {f.offer.label[language]}
                    </Button>
                  )}
                  {fixItem && (
                    <Button
                      size="small"
                      disabled={action.busy !== null}
                      onClick={() => void fix([fixItem])}
                      aria-label={`${t.validate.fix}: ${f.message[language]}`}
                    >
                      {t.validate.fix}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <IndicatorSection ledger={ledger} />
      <Dialog open={confirming !== null} onOpenChange={(_, d) => (d.open ? undefined : closeDialog())}>
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
              <ol
                className={styles.plan}
                aria-label={confirming?.title?.[language] ?? t.validate.confirmTitle}
              >
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
              <Button appearance="secondary" onClick={closeDialog}>
                {t.validate.cancel}
              </Button>
              <Button
                appearance="primary"
                disabled={!confirming?.fixes.length}
                onClick={() => {
                  const fixes = confirming?.fixes ?? [];
                  closeDialog();
                  void fix([...fixes]);
                }}
              >
                {t.validate.confirmOk}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
