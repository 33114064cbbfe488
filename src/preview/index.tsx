// The preview page: the real task pane against excel-sim, beside a rendered grid of the
// simulated workbook, so the add-in can be tried and tested without Excel.
import { createRoot } from 'react-dom/client';
import { ExcelSim } from '../excel-sim';
import { App } from '../taskpane/App';
import { languageFor } from '../ledger';
import { Grid } from './Grid';
import { previewApi, type PreviewApi } from './previewApi';
import { previewHost } from './previewHost';

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
window.preview = previewApi(sim);

// The README's sideloading steps, served with the page (help.html mirrors that README section).
const README_SIDELOAD = 'help.html#sideload';

function Preview() {
  return (
    <div className="preview">
      <header className="banner" role="banner">
        {language === 'zh' ? (
          <>
            预览：这里是模拟的工作簿，不是 Excel。在 Excel 中使用请按 README 的“旁加载”步骤安装 manifest.xml。{' '}
            <a href={README_SIDELOAD}>旁加载说明</a>
          </>
        ) : (
          <>
            Preview with a simulated workbook, not Excel. To use it in Excel, sideload manifest.xml as the README explains.{' '}
            <a href={README_SIDELOAD}>Sideloading</a>
          </>
        )}
      </header>
      <div className="workspace">
        <section className="sheet-area" aria-label={language === 'zh' ? '模拟工作簿' : 'Simulated workbook'}>
          <Grid sim={sim} now={host.now} language={language} />
        </section>
        <aside className="pane" aria-label={language === 'zh' ? '任务台账面板' : 'Task Ledger pane'}>
          <App host={host} version={APP_VERSION} />
        </aside>
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Preview />);
