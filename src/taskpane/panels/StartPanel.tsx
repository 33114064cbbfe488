import {
  Body1,
  Button,
  Caption1,
  Card,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { adoptActiveSheet, createLedger, findLedgerLikeSheets } from '../../excel';
import { countBySeverity } from '../../ledger';
import { formatTime, textOf, type NoticeText, type Strings } from '../i18n';
import { usePane, useStrings } from '../paneContext';
import ImportAnnex from './ImportAnnex';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  card: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '6px' },
  hint: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
});

export default function StartPanel() {
  const styles = useStyles();
  const { t, language, text } = useStrings();
  const { ledger, action, host, openTab } = usePane();
  const { state } = ledger;
  // After 新建 / 使用当前工作表 the buttons are gone: focus moves to the ledger's heading, not <body>.
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  useEffect(() => {
    if (state.phase === 'ready' && focusHeading.current) {
      focusHeading.current = false;
      heading.current?.focus();
    }
  }, [state.phase]);

  // Other sheets that look like a ledger, for the ledger on this sheet: looked for when the pane
  // finds a ledger it did not just make, and on 重新校验 (a sheet copied meanwhile).
  const [others, setOthers] = useState<{ sheetId: string; names?: string[]; failed?: NoticeText } | null>(
    null,
  );
  const madeHere = useRef(false);
  const ledgerSheetId = state.phase === 'ready' ? state.read.location.sheetId : null;
  const lookForOthers = useCallback(
    (sheetId: string) =>
      host
        .run((c) => findLedgerLikeSheets(c, sheetId))
        .then(
          (names) => setOthers({ sheetId, names }),
          async (error: unknown) => {
            const { describeError } = await import('../engine');
            setOthers({ sheetId, failed: describeError(error) });
          },
        ),
    [host],
  );
  useEffect(() => {
    if (ledgerSheetId === null || others?.sheetId === ledgerSheetId) return;
    // A ledger the pane has just made in this workbook: its sheet is new, and the round trips are the click's.
    if (madeHere.current) {
      madeHere.current = false;
      setOthers({ sheetId: ledgerSheetId, names: [] });
      return;
    }
    void lookForOthers(ledgerSheetId);
  }, [ledgerSheetId, others?.sheetId, lookForOthers]);

  if (state.phase === 'loading') return <Spinner size="small" label={t.loading} />;
  if (state.phase === 'failed') {
    return (
      <div className={styles.stack}>
        <Body1 role="alert">{text(state.error)}</Body1>
        <Button onClick={() => void ledger.refresh()}>{t.retry}</Button>
      </div>
    );
  }
  if (state.phase === 'none') {
    // What this Excel could not do (no dropdown below 1.8, no print setup below 1.9), said after either way of making a ledger.
    const limits = (s: Strings, r: { statusDropdown: boolean; printSetup: boolean }) => [
      r.statusDropdown ? '' : s.start.noDropdown,
      r.printSetup ? '' : s.start.noPrint,
    ];
    const create = async () => {
      const made = await action.run(
        'create',
        () => host.run((c) => createLedger(c, { supports: host.supports })),
        (r) => ({
          intent: r.printSetup && r.statusDropdown ? 'success' : 'warning',
          // A sheet of the user's holding a name ours wanted: whose is whose, and what is read from where.
          text: (s) =>
            [
              s.start.created(r.sheetName, r.taskCount),
              r.usersSheets.directory && r.directorySheet
                ? s.start.usersDirectory(r.usersSheets.directory, r.directorySheet)
                : '',
              r.usersSheets.indicators && r.indicatorSheet
                ? s.start.usersIndicators(r.usersSheets.indicators, r.indicatorSheet.name)
                : '',
              ...limits(s, r),
            ]
              .filter(Boolean)
              .join(' '),
        }),
      );
      // A refused create (a ledger exists after all) is shown; the pane reads the workbook as it is.
      if (!made) return ledger.refresh();
      focusHeading.current = true;
      madeHere.current = true;
      ledger.afterWrite(made);
    };
    const adopt = async () => {
      const adopted = await action.run(
        'adopt',
        () => host.run((c) => adoptActiveSheet(c, { supports: host.supports })),
        (r) => ({
          intent: r.printSetup && r.statusDropdown ? 'success' : 'warning',
          // Everything the add-in or Excel did beyond the table itself is named, cell by cell.
          text: (s) =>
            [
              s.start.adopted(r.sheetName, r.tableAddress, r.taskCount, [...r.addedColumns]),
              r.renamedHeaders.length
                ? s.start.renamed(r.renamedHeaders.map((h) => `${h.address}: ${h.from || '—'} → ${h.to}`))
                : '',
              r.rowsLeftOut.length ? s.start.rowsLeftOut([...r.rowsLeftOut]) : '',
              r.cellsLeftOut.length ? s.start.cellsLeftOut(r.cellsLeftOut.slice(0, 8)) : '',
              ...limits(s, r),
            ]
              .filter(Boolean)
              .join(' '),
        }),
      );
      focusHeading.current = adopted !== undefined;
      madeHere.current = adopted !== undefined;
      await ledger.refresh();
    };
    return (
      <div className={styles.stack}>
        <Subtitle2 as="h2">{t.start.noLedger}</Subtitle2>
        <Card className={styles.card}>
          <Button appearance="primary" onClick={() => void create()} disabled={action.busy !== null}>
            {action.busy === 'create' ? <Spinner size="tiny" /> : t.start.create}
          </Button>
          <Caption1 className={styles.hint}>{t.start.createHint}</Caption1>
        </Card>
        <Card className={styles.card}>
          <Button onClick={() => void adopt()} disabled={action.busy !== null}>
            {action.busy === 'adopt' ? <Spinner size="tiny" /> : t.start.adopt}
          </Button>
          <Caption1 className={styles.hint}>{t.start.adoptHint}</Caption1>
        </Card>
        <ImportAnnex />
      </div>
    );
  }
  const counts = countBySeverity(state.analysis.findings);
  return (
    <div className={styles.stack}>
      <h2 ref={heading} tabIndex={-1} className={styles.heading}>
        <Subtitle2>{t.start.found(state.read.location.sheetName, state.analysis.tasks.length)}</Subtitle2>
      </h2>
      <Body1>{t.validate.counts(counts.error, counts.warning, counts.info)}</Body1>
      <Caption1 className={styles.hint}>{t.start.lastCheck(formatTime(state.checkedAt, language))}</Caption1>
      <Caption1 className={styles.hint}>{t.start.leadNote}</Caption1>
      {others?.names && others.names.length > 0 && (
        <Body1 role="note">{t.start.otherLedgers(state.read.location.sheetName, others.names)}</Body1>
      )}
      {others?.failed && <Caption1>{t.start.othersUnchecked(textOf(others.failed, language))}</Caption1>}
      <div>
        <Button onClick={() => openTab('validate')} appearance="primary">
          {t.tabs.validate}
        </Button>{' '}
        <Button
          onClick={() => {
            void ledger.refresh();
            void lookForOthers(state.read.location.sheetId);
          }}
        >
          {t.start.recheck}
        </Button>
      </div>
    </div>
  );
}
