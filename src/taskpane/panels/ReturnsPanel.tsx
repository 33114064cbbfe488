// 反馈: the forms out to the units and their returns back in. A render of useReturnsPanel's state
// (Fluent v9's shape: state hook, styles, render).
import { Body1, Button, Caption1, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { useRef, type RefObject } from 'react';
import { chineseDate } from '../../ledger';
import { useStrings, type Translation } from '../paneContext';
import type { ReadyLedger } from '../useLedger';
import RegisterSection from './RegisterSection';
import { useReturnsLooks, type ReturnsLooks } from './returnsPanelStyles';
import { renderReview } from './ReturnsReviewList';
import { UnitActionList } from './UnitActionList';
import { RETURNS_STRINGS } from '../returnsStrings';
import { useReturnsPanel, type ReturnsPanelState } from './useReturnsPanel';

export default function ReturnsPanel({ ledger }: { ledger: ReadyLedger }) {
  const state = useReturnsPanel(ledger);
  const picker = useRef<HTMLInputElement>(null);
  return renderReturnsPanel(state, useReturnsLooks(), useStrings(), picker);
}

function renderReturnsPanel(
  state: ReturnsPanelState,
  looks: ReturnsLooks,
  strings: Translation,
  picker: RefObject<HTMLInputElement>,
) {
  const { styles, shared } = looks;
  const { t, language } = strings;
  const rs = RETURNS_STRINGS[language];
  const { busy, actions, review } = state;
  return (
    <section className={styles.stack} aria-label={t.tabs.returns}>
      <RegisterSection refreshKey={state.registerKey} />
      <Subtitle2 as="h3">{rs.inTitle}</Subtitle2>
      <Caption1 className={shared.muted}>{rs.inHint}</Caption1>
      <input
        ref={picker}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx"
        aria-label={rs.choose}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          if (files.length) void actions.importFiles(files);
        }}
      />
      <div className={styles.row}>
        <Button className={shared.button} disabled={busy} onClick={() => picker.current?.click()}>
          {rs.choose}
        </Button>
        <Button className={shared.button} disabled={busy} onClick={() => void actions.undo()}>
          {rs.undo}
        </Button>
      </div>
      {review && renderReview(review, state, looks, strings)}
      {renderFormsOut(state, looks, strings)}
    </section>
  );
}

/** The forms out: the date they ask for, and one per unit or all in a .zip. */
function renderFormsOut(state: ReturnsPanelState, looks: ReturnsLooks, { language }: Translation) {
  const rs = RETURNS_STRINGS[language];
  const { styles, fit, shared } = looks;
  const { busy, actions, deadline, fields, offered, units } = state;
  return (
    <>
      <Subtitle2 as="h3">{rs.outTitle}</Subtitle2>
      <Caption1 className={shared.muted}>{rs.outHint}</Caption1>
      <Field
        label={rs.returnBy}
        hint={
          deadline.chosen
            ? rs.returnByChosen(chineseDate(deadline.day))
            : rs.returnByDefault(chineseDate(deadline.day))
        }
      >
        <Input
          className={fit.field}
          type="date"
          value={fields.returnByText}
          onChange={(_, d) => fields.setReturnByText(d.value)}
        />
      </Field>
      <div className={styles.row}>
        <Button
          className={shared.button}
          size="small"
          disabled={busy}
          onClick={() => void actions.saveDeadline()}
        >
          {rs.saveReturnBy}
        </Button>
      </div>
      {offered.collectives.length > 0 && (
        <Caption1 role="note">{rs.collectives(offered.collectives)}</Caption1>
      )}
      {state.canDownload && (
        <>
          <Body1>{rs.outUnits(units.length, state.selectedCount > 0)}</Body1>
          <div className={styles.row}>
            <Button
              className={shared.button}
              size="small"
              disabled={busy || !units.length}
              onClick={() => void actions.downloadAll()}
            >
              {rs.allForms}
            </Button>
          </div>
          <UnitActionList
            units={units}
            label={rs.formButton}
            ariaLabel={rs.formFor}
            onAction={(unit) => void actions.downloadOne(unit)}
            disabled={busy}
          />
        </>
      )}
    </>
  );
}
