// The pane's host in the preview: excel-sim behind Excel.run, with the language, the
// requirement sets and "today" taken from the page address (?lang=en&api=1.8&today=2026-11-28).
import type { ExcelSim } from '../excel-sim';
import { dayOf } from '../ledger';
import type { Host } from '../taskpane/host';

/**
 * The day ?today= names, at 09:00; null when it names none. `invalid` holds what was given when
 * it is not a date (2026-13-01, tomorrow): the page says so, and uses the real today.
 */
export function previewToday(params: URLSearchParams): {
  readonly fixed: Date | null;
  readonly invalid: string | null;
} {
  const given = params.get('today');
  if (given === null) return { fixed: null, invalid: null };
  const today = /^(\d{4})-(\d{2})-(\d{2})$/.exec(given);
  return today && dayOf(Number(today[1]), Number(today[2]), Number(today[3])) !== null
    ? { fixed: new Date(Number(today[1]), Number(today[2]) - 1, Number(today[3]), 9), invalid: null }
    : { fixed: null, invalid: given };
}

export function previewHost(sim: ExcelSim, params: URLSearchParams): Host {
  const api = Number((params.get('api') ?? '1.17').split('.')[1]);
  const { fixed } = previewToday(params);
  return {
    kind: 'preview',
    run: (batch) => sim.runExcel(batch),
    runWhenIdle: (batch) => sim.runExcel(batch, { delayForCellEdit: true }),
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
