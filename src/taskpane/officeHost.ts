// The host as Office provides it.
import { openAsNewWorkbook } from '../excel/newWorkbook';
import { officeApiSupport } from '../excel/requirements';
import type { Host } from './host';

function isDark(colour: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(colour ?? '');
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const luminance = (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  return luminance < 0.5;
}

export function officeHost(): Host {
  return {
    kind: 'office',
    run: (batch) => Excel.run(batch),
    runWhenIdle: (batch) => Excel.run({ delayForCellEdit: true }, batch),
    runIn: (context, batch) => Excel.run(context, batch),
    supports: officeApiSupport,
    displayLanguage: Office.context.displayLanguage,
    // officeTheme exists where the host reports its theme (Office 2016+ desktop, Mac).
    dark: isDark(Office.context.officeTheme?.bodyBackgroundColor),
    now: () => new Date(),
    canDownload: Office.context.platform !== Office.PlatformType.Mac,
    openWorkbook: officeApiSupport('1.8') ? (base64) => openAsNewWorkbook(base64, officeApiSupport) : null,
  };
}
