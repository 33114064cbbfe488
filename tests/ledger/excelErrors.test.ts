// The cell scan decides most cells by their first character, without a trim: an error value
// after any character trim removes must still be found, and no text that trims to one missed.
import { isExcelError } from '../../src/ledger';

// Every character String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator).
const TRIMMED = [
  ...'\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
];

test('an error value is found after any leading character that trim removes', () => {
  for (const space of TRIMMED) {
    expect(isExcelError(`${space}#N/A`)).toBe(true);
    expect(isExcelError(`${space}${space}#ref!${space}`)).toBe(true);
  }
});

test('the first-character shortcut agrees with trimming for every first character', () => {
  for (let code = 0; code < 0x10000; code++) {
    const first = String.fromCharCode(code);
    const trimmed = `${first}#N/A`.trim();
    expect(isExcelError(`${first}#N/A`)).toBe(trimmed === '#N/A');
  }
  expect(isExcelError('建设#N/A')).toBe(false);
  expect(isExcelError('#N/A')).toBe(true);
  expect(isExcelError('')).toBe(false);
  expect(isExcelError(46000)).toBe(false);
});
