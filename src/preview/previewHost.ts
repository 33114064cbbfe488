// The pane's host in the preview: excel-sim behind Excel.run, with the language, the
// requirement sets and "today" taken from the page address (?lang=en&api=1.8&today=2026-11-28).
import type { ExcelSim } from '../excel-sim';
import type { Host } from '../taskpane/host';

export function previewHost(sim: ExcelSim, params: URLSearchParams): Host {
  const api = Number((params.get('api') ?? '1.17').split('.')[1]);
  const today = params.get('today');
  const fixed = today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? new Date(`${today}T09:00:00`) : null;
  return {
    kind: 'preview',
    run: (batch) => sim.runExcel(batch),
    supports: (version) => Number(version.split('.')[1]) <= api,
    displayLanguage: params.get('lang') === 'en' ? 'en-US' : 'zh-CN',
    dark: params.get('theme') === 'dark',
    now: () => fixed ?? new Date(),
  };
}
