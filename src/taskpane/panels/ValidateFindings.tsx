// The 校验 tab's findings, group by group: each a jump to its cell (or plain text for the whole
// sheet) with the buttons that act on it.
import { Badge, Body1, Button, Subtitle2 } from '@fluentui/react-components';
import { plannedFix, plannedFixes, type Finding } from '../../ledger';
import type { Translation } from '../paneContext';
import AddColumnsButton from './AddColumnsButton';
import type { ValidateStyles } from './validatePanelStyles';
import type { ValidatePanelState } from './useValidatePanel';

const SEVERITY_COLOUR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function renderFindingGroups(state: ValidatePanelState, styles: ValidateStyles, strings: Translation) {
  return state.groups.map((group) => (
    <div key={group.key} className={styles.group}>
      <Subtitle2 as="h3">{group.title[strings.language]}</Subtitle2>
      <ul className={styles.list}>{group.findings.map((f) => renderFinding(f, state, styles, strings))}</ul>
    </div>
  ));
}

function renderFinding(
  f: Finding,
  state: ValidatePanelState,
  styles: ValidateStyles,
  { t, language }: Translation,
) {
  const { busy, actions, ledger } = state;
  const read = ledger.read;
  const fixItem = plannedFix(read.ledger, f);
  return (
    <li key={f.id} className={styles.item}>
      <Badge size="small" color={SEVERITY_COLOUR[f.severity]} aria-label={t.validate[f.severity]}>
        {t.validate.severityMark[f.severity]}
      </Badge>
      {f.row === null ? (
        <Body1 className={styles.sheetWide}>{f.message[language]}</Body1>
      ) : (
        <Button appearance="subtle" size="small" className={styles.jump} onClick={() => void actions.jump(f)}>
          {f.message[language]}
        </Button>
      )}
      {f.action === 'createIndicators' && (
        <Button size="small" disabled={busy} onClick={actions.createIndicators}>
          {t.indicators.create}
        </Button>
      )}
      {f.action === 'addColumns' && <AddColumnsButton ledger={ledger} />}
      {f.action === 'restoreReference' && (
        <Button size="small" disabled={busy} onClick={() => void actions.restore()}>
          {t.validate.restore}
        </Button>
      )}
      {f.offer && (
        <Button
          size="small"
          disabled={busy}
          onClick={(e) => {
            const offer = f.offer;
            if (offer)
              void actions.confirm(e.currentTarget, offer.label, plannedFixes(read.ledger, offer.fixes));
          }}
        >
          {f.offer.label[language]}
        </Button>
      )}
      {fixItem && (
        <Button
          size="small"
          disabled={busy}
          onClick={() => void actions.fix([fixItem])}
          aria-label={`${t.validate.fix}: ${f.message[language]}`}
        >
          {t.validate.fix}
        </Button>
      )}
    </li>
  );
}
