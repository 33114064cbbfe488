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
