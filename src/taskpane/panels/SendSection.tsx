// 发送: the summaries out of Excel, as files, mail drafts and copied text. A render of
// useSendSection's state (Fluent v9's shape: state hook, styles, render).
import { Button, Caption1, Checkbox, Field, Input, Subtitle2 } from '@fluentui/react-components';
import type { Language } from '../../ledger';
import { BULLETIN_STRINGS } from '../bulletinStrings';
import { useStrings } from '../paneContext';
import { SEND_STRINGS } from '../sendStrings';
import { useSendLooks, type SendLooks } from './sendSectionStyles';
import { renderUnitDrafts } from './SendUnitDrafts';
import { useSendSection, type SendSectionProps, type SendSectionState } from './useSendSection';

export function SendSection(props: SendSectionProps) {
  const state = useSendSection(props);
  return renderSendSection(state, useSendLooks(), useStrings().language);
}

function renderSendSection(state: SendSectionState, looks: SendLooks, language: Language) {
  const { styles, fit, shared } = looks;
  const st = SEND_STRINGS[language];
  const { host, busy, fields, actions, offered, sender } = state;
  return (
    <section className={styles.stack} aria-label={st.title}>
      <Subtitle2 as="h3">{st.title}</Subtitle2>
      <Caption1 className={shared.muted}>{st.hint}</Caption1>
      <Field label={st.to} hint={st.addressHint}>
        <Input
          className={fit.field}
          value={fields.to}
          onChange={(_, d) => fields.setTo(d.value)}
          type="email"
        />
      </Field>
      <Field label={st.cc}>
        <Input
          className={fit.field}
          value={fields.cc}
          onChange={(_, d) => fields.setCc(d.value)}
          type="email"
        />
      </Field>
      <div className={styles.row}>
        <Button className={shared.button} size="small" disabled={busy} onClick={() => void actions.save()}>
          {st.save}
        </Button>
        <Button
          className={shared.button}
          size="small"
          disabled={busy}
          onClick={() => void actions.copyRecipients()}
        >
          {st.copyRecipients}
        </Button>
      </div>
      {!host.canDownload && <Caption1 className={shared.muted}>{st.noDownloads}</Caption1>}
      <div className={styles.row}>
        {host.canDownload && (
          <>
            <Button className={shared.button} disabled={busy} onClick={() => void actions.exportWorkbook()}>
              {st.exportWorkbook}
            </Button>
            <Button className={shared.button} disabled={busy} onClick={() => void actions.draftToLeaders()}>
              {st.leaderDraft}
            </Button>
          </>
        )}
        {host.openWorkbook && (
          <Button className={shared.button} disabled={busy} onClick={() => void actions.openWorkbook()}>
            {st.openWorkbook}
          </Button>
        )}
        <Button className={shared.button} disabled={busy} onClick={() => void actions.copyBody()}>
          {st.copyBody}
        </Button>
      </div>
      {host.canDownload && (
        <Checkbox
          checked={fields.withBulletin}
          onChange={(_, d) => fields.setWithBulletin(d.checked === true)}
          label={BULLETIN_STRINGS[language].withBulletin}
        />
      )}
      <Caption1 className={shared.muted}>{st.noCharts}</Caption1>
      {sender === '' && <Caption1 role="note">{st.noSender}</Caption1>}
      {offered.collectives.length > 0 && (
        <Caption1 role="note">{st.collectives(offered.collectives)}</Caption1>
      )}
      {host.canDownload && state.units.length > 0 && renderUnitDrafts(state, looks, language)}
    </section>
  );
}
