import { Body1, Button, Caption1, Checkbox, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { addIndicatorRows, createIndicatorSheet } from '../../excel';
import {
  indicatorKey,
  proposeIndicators,
  seedsForTasks,
  shownAmount,
  type IndicatorProposal,
  type IndicatorSeed,
} from '../../ledger';
import { usePane, useStrings } from '../paneContext';
import type { ReadyLedger } from '../useLedger';

const useStyles = makeStyles({
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: '8px',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
});

/** The 指标 sheet's two writes, shared by this section and the 校验 finding that offers the sheet. */
export function useIndicatorActions(ledger: ReadyLedger) {
  const { action, host, ledger: pane } = usePane();
  const { read, reference, analysis } = ledger;
  const seeds = useMemo(
    () => seedsForTasks(analysis.tasks, reference.directory),
    [analysis.tasks, reference.directory],
  );
  const create = async () => {
    const result = await action.run(
      'indicator',
      () => host.run((c) => createIndicatorSheet(c, { read, reference }, seeds, host.supports)),
      (r) => ({
        intent: 'success',
        text: (s) =>
          [
            s.indicators.created(r.sheetName, r.rows),
            r.usersSheet ? s.start.usersIndicators(r.usersSheet, r.sheetName) : '',
          ]
            .filter(Boolean)
            .join(' '),
      }),
    );
    if (result) pane.afterWrite(result);
    else await pane.refresh();
  };
  const add = async (chosen: readonly IndicatorSeed[]) => {
    const result = await action.run(
      'indicator',
      () => host.run((c) => addIndicatorRows(c, { read, reference }, chosen, host.supports)),
      (r) => ({ intent: 'success', text: (s) => s.indicators.added(r.rows) }),
    );
    if (result) pane.afterWrite(result);
    else await pane.refresh();
    return result !== undefined;
  };
  return { seeds, create, add };
}

const amount = (n: number | null, measure: string) => (n === null ? '—' : shownAmount(n, measure));

/** The 校验 tab's 量化指标 section: the table's state, creating it, and 重新识别's differences. */
export default function IndicatorSection({ ledger }: { ledger: ReadyLedger }) {
  const styles = useStyles();
  const { t } = useStrings();
  const { action } = usePane();
  const { seeds, create, add } = useIndicatorActions(ledger);
  const table = ledger.reference.indicators;
  const [proposals, setProposals] = useState<readonly IndicatorProposal[] | null>(null);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const adds = (proposals ?? []).flatMap((p) => (p.kind === 'add' ? [p.seed] : []));
  const chosen = adds.filter((s) => !unticked.has(indicatorKey(s)));
  const reread = () => {
    if (!table) return;
    const numbers = new Set(ledger.analysis.tasks.flatMap((task) => (task.no === null ? [] : [task.no])));
    setProposals(proposeIndicators(table, seeds, numbers));
    setUnticked(new Set());
  };
  const busy = action.busy !== null;
  return (
    <section className={styles.stack} aria-label={t.indicators.title}>
      <Subtitle2 as="h3">{t.indicators.title}</Subtitle2>
      <Caption1 className={styles.muted}>{t.indicators.hint}</Caption1>
      {table ? (
        <Body1>
          {t.indicators.status(
            table.sheetName,
            table.indicators.length,
            table.indicators.filter((i) => i.actual.kind === 'ok').length,
          )}
        </Body1>
      ) : (
        <Body1>{t.indicators.missing}</Body1>
      )}
      <div className={styles.row}>
        {table ? (
          <Button size="small" disabled={busy} onClick={reread}>
            {t.indicators.reread}
          </Button>
        ) : (
          <Button size="small" appearance="primary" disabled={busy} onClick={() => void create()}>
            {t.indicators.create}
          </Button>
        )}
      </div>
      {proposals && (
        <>
          <Caption1 className={styles.muted}>{t.indicators.rereadHint}</Caption1>
          {proposals.length === 0 && <Body1 role="status">{t.indicators.nothingNew}</Body1>}
          <ul className={styles.list}>
            {proposals.map((p) => (
              <li key={`${p.kind}:${indicatorKey(p.kind === 'gone' ? p.indicator : p.seed)}`}>
                {p.kind === 'add' ? (
                  <Checkbox
                    checked={!unticked.has(indicatorKey(p.seed))}
                    onChange={(_, d) =>
                      setUnticked((now) => {
                        const next = new Set(now);
                        if (d.checked === true) next.delete(indicatorKey(p.seed));
                        else next.add(indicatorKey(p.seed));
                        return next;
                      })
                    }
                    label={t.indicators.proposalAdd(
                      p.seed.no,
                      p.seed.name,
                      p.seed.owner,
                      amount(p.seed.target, p.seed.measure),
                    )}
                  />
                ) : p.kind === 'target' ? (
                  <Caption1>
                    {t.indicators.proposalTarget(
                      p.seed.no,
                      p.seed.name,
                      amount(p.seed.target, p.seed.measure),
                      amount(p.indicator.target, p.indicator.measure),
                    )}
                  </Caption1>
                ) : (
                  <Caption1>{t.indicators.proposalGone(p.indicator.no ?? 0, p.indicator.name)}</Caption1>
                )}
              </li>
            ))}
          </ul>
          {adds.length > 0 && (
            <div className={styles.row}>
              <Button
                size="small"
                appearance="primary"
                disabled={busy || chosen.length === 0}
                onClick={() => void add(chosen).then((done) => done && setProposals(null))}
              >
                {t.indicators.add(chosen.length)}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
