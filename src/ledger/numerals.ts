// Numbers as plans write them: Arabic digits (10, 1.5) and Chinese numerals (十, 两, 一百二十,
// 一万二千). Pure; returns null for anything that is not a well-formed number.

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const POWERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a Chinese numeral is written with, for building patterns. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';

/** A Chinese numeral below 10 000 (no 万): 十二, 二十, 一百零五, 三千. */
function belowTenThousand(text: string): number | null {
  if (!text) return 0;
  let total = 0;
  let digit: number | null = null;
  let lastPower = Infinity;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0) return null;
      digit = DIGITS[ch];
    } else if (ch in POWERS) {
      const power = POWERS[ch];
      if (power >= lastPower) return null;
      // 十 alone means 一十; 零十 is not a number.
      if (digit === 0) return null;
      total += (digit ?? 1) * power;
      digit = null;
      lastPower = power;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** The value of a Chinese numeral such as 两, 十, 一百二十 or 一万二千; null when malformed. */
export function chineseNumeral(text: string): number | null {
  if (!text) return null;
  // A string of plain digits is read digit by digit only when it has no power word: 二〇二五.
  if ([...text].every((ch) => ch in DIGITS) && text.length > 1) {
    return Number([...text].map((ch) => DIGITS[ch]).join(''));
  }
  const parts = text.split('万');
  if (parts.length > 2) return null;
  if (parts.length === 2) {
    const high = parts[0] ? belowTenThousand(parts[0]) : null;
    const low = belowTenThousand(parts[1].replace(/^零/u, ''));
    if (high === null || high === 0 || low === null) return null;
    return high * 10_000 + low;
  }
  return belowTenThousand(text);
}

/** A number written in digits or Chinese numerals; null when it is neither. */
export function readNumeral(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/u.test(trimmed)) return Number(trimmed);
  return chineseNumeral(trimmed);
}
