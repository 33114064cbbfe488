// A fingerprint of the values a sheet holds, so the add-in can tell its own untouched summary
// sheet from one the user has since edited (a note added, a number corrected): only the first
// may ever be replaced.

type Value = string | number | boolean;

/** 53-bit string hash (cyrb53): enough to tell an edit from none; not a security measure. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The non-empty cells of a block whose top-left cell is (top, left), position and type
 * included, so that moving, retyping or adding a value changes the fingerprint.
 */
export function fingerprintValues(values: readonly (readonly unknown[])[], top = 0, left = 0): string {
  const parts: string[] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === '' || value === null || value === undefined) return;
      parts.push(`${top + r},${left + c}:${typeof value}:${String(value as Value)}`);
    }),
  );
  return `${parts.length}-${hash(parts.join('\u0001'))}`;
}
