// 进度(%) as people fill it in: 50, 0.5 in a percent-formatted cell, or the text "50%".

export type ProgressReading =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'ok';
      readonly percent: number;
      readonly source: 'number' | 'percent-format' | 'percent-text' | 'number-text';
    }
  | { readonly kind: 'invalid'; readonly reason: 'not-a-number' | 'out-of-range' };

export function isPercentFormat(format: string | undefined): boolean {
  // A % outside quotes or escapes makes Excel show value × 100.
  return !!format && /%/.test(format.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

function inRange(
  percent: number,
  source: 'number' | 'percent-format' | 'percent-text' | 'number-text',
): ProgressReading {
  if (!Number.isFinite(percent)) return { kind: 'invalid', reason: 'not-a-number' };
  if (percent < 0 || percent > 100) return { kind: 'invalid', reason: 'out-of-range' };
  return { kind: 'ok', percent: Math.round(percent * 100) / 100, source };
}

export function readProgress(value: unknown, numberFormat?: string): ProgressReading {
  if (value === null || value === undefined || (typeof value === 'string' && !value.trim()))
    return { kind: 'empty' };
  if (typeof value === 'number') {
    return isPercentFormat(numberFormat) ? inRange(value * 100, 'percent-format') : inRange(value, 'number');
  }
  if (typeof value !== 'string') return { kind: 'invalid', reason: 'not-a-number' };
  const text = value.replace(/[\s\u3000]/gu, '').replace(/％/gu, '%');
  const m = /^([+-]?\d+(?:\.\d+)?)(%?)$/u.exec(text);
  if (!m) return { kind: 'invalid', reason: 'not-a-number' };
  return inRange(Number(m[1]), m[2] ? 'percent-text' : 'number-text');
}

/**
 * 进度(%) holds whole per cents: 0.5 in a cell not formatted as a percent is 50% typed as a
 * fraction (or 50% typed where the percent format was lost), not half a per cent. The one
 * reading of such a value, for a cell typed or pasted into the ledger and for a returned form:
 * what it reads as, and what to write if the fraction was meant. Null when nothing is in doubt.
 */
export function fractionHint(
  reading: ProgressReading,
  raw: string,
): { readonly percent: number; readonly zh: string; readonly en: string } | null {
  if (reading.kind !== 'ok' || (reading.source !== 'number' && reading.source !== 'number-text')) return null;
  if (reading.percent <= 0 || reading.percent >= 1) return null;
  const percent = Math.round(reading.percent * 10_000) / 100;
  return {
    percent,
    zh: `进度“${raw}”按${reading.percent}%读取；若指${percent}%，请改为${percent}`,
    en: `progress "${raw}" reads as ${reading.percent}%; if ${percent}% is meant, write ${percent}`,
  };
}
