// Text normalization shared by every parser in the core. Ledgers are typed by hand, so the
// same name arrives with full- or half-width letters, brackets and stray spaces.

/** Full-width ASCII (！..～) to half-width, and the ideographic space to a plain space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** A comparison key: half-width, no whitespace, lower case, brackets unified to (). */
export function matchKey(text: string): string {
  return toHalfWidth(text).replace(/\s+/gu, '').toLowerCase();
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Word's manual line break (a vertical tab) pasted into a cell: a line break, which files can hold.
  // Tested first: the replace costs a regular expression run on every cell read.
  if (typeof value === 'string') return value.includes('\v') ? value.replace(/\v/gu, '\n') : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Levenshtein distance over code points; used for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/**
 * Where two texts first differ, with four characters of context either side, for "wording
 * changed" messages: 第35字起：正式为“施“名师培养工程”，”.
 */
export function describeDifference(
  expected: string,
  actual: string,
): { at: number; expected: string; actual: string } {
  const e = Array.from(expected);
  const a = Array.from(actual);
  let start = 0;
  while (start < e.length && start < a.length && e[start] === a[start]) start++;
  let endE = e.length;
  let endA = a.length;
  while (endE > start && endA > start && e[endE - 1] === a[endA - 1]) {
    endE--;
    endA--;
  }
  const context = 4;
  const from = Math.max(0, start - context);
  const clip = (chars: string[], to: number) => {
    const s = chars.slice(from, Math.min(chars.length, to + context)).join('');
    return Array.from(s).length > 40 ? `${Array.from(s).slice(0, 40).join('')}…` : s;
  };
  return { at: start + 1, expected: clip(e, endE), actual: clip(a, endA) };
}
