// The pane's host in the preview: excel-sim behind Excel.run, with the language, the
// requirement sets and "today" taken from the page address (?lang=en&api=1.8&today=2026-11-28).
import type { ExcelSim } from '../excel-sim';
import { dayOf } from '../ledger';
import type { Host } from '../taskpane/host';

export function previewHost(sim: ExcelSim, params: URLSearchParams): Host {
  const api = Number((params.get('api') ?? '1.17').split('.')[1]);
  // A date that does not exist (2026-13-01) is ignored: the page then uses the real today.
  const today = /^(\d{4})-(\d{2})-(\d{2})$/.exec(params.get('today') ?? '');
  const fixed =
    today && dayOf(Number(today[1]), Number(today[2]), Number(today[3])) !== null
      ? new Date(Number(today[1]), Number(today[2]) - 1, Number(today[3]), 9)
      : null;
  return {
    kind: 'preview',
    run: (batch) => sim.runExcel(batch),
    runIn: (context, batch) => sim.runIn(context, batch),
    supports: (version) => Number(version.split('.')[1]) <= api,
    displayLanguage: params.get('lang') === 'en' ? 'en-US' : 'zh-CN',
    dark: params.get('theme') === 'dark',
    now: () => fixed ?? new Date(),
    // The page downloads files as any web page does; there is no Excel to open a workbook in.
    canDownload: true,
    openWorkbook: null,
  };
}
