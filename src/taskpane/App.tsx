import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Button,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { languageFor, type Bilingual } from '../ledger';
import { ErrorBoundary } from './ErrorBoundary';
import type { Host } from './host';
import { STRINGS, textOf } from './i18n';
import {
  LanguageProvider,
  PaneProvider,
  type LanguageChoice,
  type PaneValue,
  type TabId,
} from './paneContext';
import { useAction } from './useAction';
import { useDrafts } from './useDrafts';
import { usePaneChoice } from './usePaneChoice';
import { ledgerTableOf } from './paneLedger';
import { usePlanFollowed, usePlanNotice } from './usePlanNotice';
import { useLedger } from './useLedger';

// Each tab's code loads on first use, keeping the pane's first download small.
const StartPanel = lazy(() => import('./panels/StartPanel'));
const ValidatePanel = lazy(() => import('./panels/ValidatePanel'));
const UnitsPanel = lazy(() => import('./panels/UnitsPanel'));
const SummaryPanel = lazy(() => import('./panels/SummaryPanel'));
const ReturnsPanel = lazy(() => import('./panels/ReturnsPanel'));
const SettingsPanel = lazy(() => import('./panels/SettingsPanel'));
const ActivePlan = lazy(() => import('./panels/ActivePlan'));

const TABS: readonly TabId[] = ['start', 'validate', 'units', 'summary', 'returns', 'settings'];

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: {
    paddingLeft: '4px',
    paddingRight: '4px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  body: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '12px', minWidth: 0 },
});

export function App({ host, version }: { host: Host; version: string }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('start');
  const [languageChoice, setLanguageChoice] = useState<LanguageChoice>('office');
  const [selectedUnits, setSelectedUnits] = useState<readonly string[]>([]);
  const language = languageChoice === 'office' ? languageFor(host.displayLanguage) : languageChoice;
  const t = STRINGS[language];
  const notices = usePlanNotice();
  const { notice, notify } = notices;
  const readFailed = useCallback((error: Bilingual) => notify({ intent: 'error', text: error }), [notify]);
  const ledger = useLedger(host, readFailed);
  usePaneChoice(ledger.ledgerTable);
  usePlanFollowed(notices, ledgerTableOf(ledger.state));
  const action = useAction(notify);
  const drafts = useDrafts();
  // The tabs' requests go through the ledger's run: changes reported meanwhile wait for them to end.
  const paneHost = useMemo(() => ({ ...host, run: ledger.run }), [host, ledger.run]);
  const pane: PaneValue = useMemo(
    () => ({
      host: paneHost,
      language,
      ledger,
      action,
      notify,
      selectedUnits,
      setSelectedUnits,
      languageChoice,
      setLanguageChoice,
      openTab: setTab,
      drafts,
      version,
    }),
    [paneHost, language, ledger, action, notify, selectedUnits, languageChoice, drafts, version],
  );
  const { state } = ledger;
  const ready = state.phase === 'ready';
  // A unit chosen on 筛选 that the ledger no longer names (its tasks edited away, or another
  // plan's ledger shown now) is chosen no more.
  useEffect(() => {
    if (state.phase !== 'ready') return;
    // The core loads with the workbook code, after the first paint.
    void import('./engine').then(({ unitsInLedger }) => {
      const listed = new Set(
        unitsInLedger(state.analysis.tasks, state.reference.directory).map((c) => c.name),
      );
      setSelectedUnits((now) => (now.every((u) => listed.has(u)) ? now : now.filter((u) => listed.has(u))));
    });
  }, [state]);
  // A tab that needs the ledger gives way to 开始 while there is none (deleted since, say): it says why.
  const shown: TabId = ready || tab === 'settings' ? tab : 'start';

  return (
    // Fluent copies the provider's classes onto popup portals (dropdown lists): the page layout
    // lives on an inner element, or an open dropdown would cover the page.
    <PaneProvider value={pane}>
      <LanguageProvider value={language}>
        <FluentProvider
          theme={host.dark ? webDarkTheme : webLightTheme}
          lang={language === 'zh' ? 'zh-CN' : 'en-US'}
        >
          <div className={styles.root}>
            <TabList
              className={styles.tabs}
              selectedValue={shown}
              onTabSelect={(_, data) => setTab(TABS.find((id) => id === data.value) ?? 'start')}
              size="small"
              aria-label={t.appTitle}
            >
              <Tab value="start">{t.tabs.start}</Tab>
              <Tab value="validate" disabled={!ready}>
                {t.tabs.validate}
              </Tab>
              <Tab value="units" disabled={!ready}>
                {t.tabs.units}
              </Tab>
              <Tab value="summary" disabled={!ready}>
                {t.tabs.summary}
              </Tab>
              <Tab value="returns" disabled={!ready}>
                {t.tabs.returns}
              </Tab>
              <Tab value="settings">{t.tabs.settings}</Tab>
            </TabList>
            <main className={styles.body}>
              <Suspense fallback={null}>
                <ActivePlan />
              </Suspense>
              {notice && (
                <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
                  <MessageBarBody>
                    {notice.intent === 'error' && <MessageBarTitle>{t.errorTitle}</MessageBarTitle>}
                    {textOf(notice.text, language)}
                  </MessageBarBody>
                  <Button
                    size="small"
                    appearance="transparent"
                    onClick={() => notify(null)}
                    aria-label={t.dismiss}
                  >
                    ×
                  </Button>
                </MessageBar>
              )}
              <ErrorBoundary message={t.unexpected} retry={t.retry}>
                <Suspense fallback={<Spinner size="small" label={t.loading} />}>
                  {shown === 'start' && <StartPanel />}
                  {shown === 'validate' && state.phase === 'ready' && <ValidatePanel ledger={state} />}
                  {shown === 'units' && state.phase === 'ready' && <UnitsPanel ledger={state} />}
                  {shown === 'summary' && state.phase === 'ready' && <SummaryPanel />}
                  {shown === 'returns' && state.phase === 'ready' && <ReturnsPanel ledger={state} />}
                  {shown === 'settings' && <SettingsPanel />}
                </Suspense>
              </ErrorBoundary>
            </main>
          </div>
        </FluentProvider>
      </LanguageProvider>
    </PaneProvider>
  );
}
