// 汇总: make the dated summary sheets, open them, and send or print them (the 发送 and 通报
// sections). A render of useSummaryPanel's state (Fluent v9's shape).
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Link,
  Option,
  ProgressBar,
} from '@fluentui/react-components';
import { isoDate } from '../../ledger';
import { useStrings } from '../paneContext';
import { BulletinSection } from './BulletinSection';
import { useFitStyles } from './fitStyles';
import { SendSection } from './SendSection';
import { useSummaryPanelStyles } from './summaryPanelStyles';
import { useSummaryPanel } from './useSummaryPanel';

export default function SummaryPanel() {
  const state = useSummaryPanel();
  const { choices } = state;
  const styles = useSummaryPanelStyles();
  const fit = useFitStyles();
  const { t } = useStrings();
  return (
    <section className={styles.stack} aria-label={t.tabs.summary}>
      <Field label={t.summary.asOf}>
        <Input
          className={fit.field}
          type="date"
          value={state.asOf}
          onChange={(_, d) => state.setAsOf(d.value)}
        />
      </Field>
      <fieldset className={styles.choices}>
        <legend>{t.summary.which}</legend>
        <Checkbox
          checked={choices.overview}
          onChange={(_, d) => choices.setOverview(d.checked === true)}
          label={t.summary.overview}
        />
        <Checkbox
          checked={choices.behind}
          onChange={(_, d) => choices.setBehind(d.checked === true)}
          label={t.summary.behind}
        />
        <Checkbox
          checked={choices.perUnit}
          disabled={state.selectedCount === 0}
          onChange={(_, d) => choices.setPerUnit(d.checked === true)}
          label={t.summary.perUnit(state.selectedCount)}
        />
      </fieldset>
      {state.reports !== null && (
        <Caption1 className={styles.muted} role="status">
          {state.reports.length ? t.summary.reports(state.reports.map(isoDate)) : t.summary.noReports}
        </Caption1>
      )}
      {state.earlier.length > 0 ? (
        <Field label={t.summary.compareWith}>
          <Dropdown
            value={
              state.compareWith === undefined
                ? t.summary.latest(isoDate(state.earlier[0]))
                : isoDate(state.compareWith)
            }
            selectedOptions={[state.compareWith === undefined ? 'latest' : String(state.compareWith)]}
            onOptionSelect={(_, d) =>
              state.setCompare(
                d.optionValue === undefined || d.optionValue === 'latest' ? null : Number(d.optionValue),
              )
            }
          >
            <Option value="latest">{t.summary.latest(isoDate(state.earlier[0]))}</Option>
            {state.earlier.map((d) => (
              <Option key={d} value={String(d)}>
                {isoDate(d)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : (
        state.reports !== null &&
        state.reports.length > 0 && <Caption1 className={styles.muted}>{t.summary.noEarlier}</Caption1>
      )}
      <Button
        appearance="primary"
        disabled={state.nothing || state.busy !== null}
        onClick={() => void state.generate()}
      >
        {t.summary.generate}
      </Button>
      {state.nothing && <Body1>{t.summary.nothing}</Body1>}
      {state.busy === 'summary' && <ProgressBar aria-label={t.summary.working} />}
      {state.made.length > 0 && (
        <ul className={styles.links}>
          {state.made.map((s) => (
            <li key={s.id}>
              <Link as="button" onClick={() => void state.open(s)}>
                {t.summary.open(s.name)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <SendSection
        asOf={state.day}
        compareWith={state.compareWith}
        request={state.request}
        overviewSheetId={state.made.find((s) => s.kind === 'overview')?.id ?? null}
      />
      <BulletinSection asOf={state.day} compareWith={state.compareWith} />
    </section>
  );
}
