// The preview page: the real task pane against excel-sim, beside a rendered grid of the
// simulated workbook, so the add-in can be tried and tested without Excel.
import { createRoot } from 'react-dom/client';
import { ExcelSim } from '../excel-sim';
import { App } from '../taskpane/App';
import { languageFor } from '../ledger';
import { Grid } from './Grid';
import { previewApi, type PreviewApi } from './previewApi';
import { previewHost, previewToday } from './previewHost';
import { PREVIEW_STRINGS } from './previewStrings';

declare const APP_VERSION: string;
declare global {
  interface Window {
    preview: PreviewApi;
  }
}

const params = new URLSearchParams(window.location.search);
const sim = new ExcelSim();
const host = previewHost(sim, params);
const language = languageFor(host.displayLanguage);
const t = PREVIEW_STRINGS[language];
const badToday = previewToday(params).invalid;
window.preview = previewApi(sim);

// The README's sideloading steps, served with the page (help.html mirrors that README section).
const README_SIDELOAD = 'help.html#sideload';

function Preview() {
  return (
    <div className="preview">
      <header className="banner" role="banner">
        {t.bannerText} <a href={README_SIDELOAD}>{t.bannerLink}</a>
        {badToday !== null && (
          <p className="banner-warning" role="alert">
            {t.badToday(badToday)}
          </p>
        )}
      </header>
      <div className="workspace">
        <section className="sheet-area" aria-label={t.workbook}>
          <Grid sim={sim} now={host.now} language={language} />
        </section>
        <aside className="pane" aria-label={t.pane}>
          <App host={host} version={APP_VERSION} />
        </aside>
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Preview />);
