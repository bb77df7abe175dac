/**
 * Chinese numerals as laws write article and item numbers: 十, 十一, 二十, 三十四, 四十七, 一百零五.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** The largest number either function handles: laws number articles well below a thousand. */
export const MAX_CHINESE_NUMERAL = 999;

/**
 * Writes a whole number from 1 to 999 in Chinese numerals, the way a law numbers its articles
 * (十 not 一十 for 10–19; 零 for a missing tens digit after 百).
 *
 * @example
 * toChineseNumeral(10) //=> '十'
 * toChineseNumeral(11) //=> '十一'
 * toChineseNumeral(34) //=> '三十四'
 * toChineseNumeral(105) //=> '一百零五'
 * @throws {RangeError} when n is not an integer in 1–999.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHINESE_NUMERAL) {
    throw new RangeError(`expected an integer from 1 to ${MAX_CHINESE_NUMERAL}, got ${n}`);
  }
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  let result = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) {
    // Below a hundred a law writes 十一, not 一十一; after 百 the 一 is spoken: 一百一十.
    result += tens === 1 && hundreds === 0 ? '十' : `${DIGITS[tens]}十`;
  } else if (hundreds > 0 && units > 0) {
    result += '零';
  }
  if (units > 0) result += DIGITS[units];
  return result;
}

const DIGIT_VALUES: ReadonlyMap<string, number> = new Map([
  ['〇', 0],
  ['零', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);

const NUMERAL_PATTERN = /^(?:([一二两三四五六七八九])百)?(零)?(?:([一二三四五六七八九])?十)?([一二三四五六七八九])?$/;

/**
 * Reads a Chinese numeral from 1 to 999 (十, 一十, 二十, 三十四, 一百零五). Returns undefined for
 * anything else, so a caller can tell "第X条" from ordinary text.
 *
 * @example
 * fromChineseNumeral('十') //=> 10
 * fromChineseNumeral('四十七') //=> 47
 * fromChineseNumeral('一百零五') //=> 105
 * fromChineseNumeral('四十七条') //=> undefined
 */
export function fromChineseNumeral(text: string): number | undefined {
  const match = NUMERAL_PATTERN.exec(text);
  if (!match || text === '') return undefined;
  const [, hundredsDigit, zero, tensDigit, unitsDigit] = match;
  const hasTens = text.includes('十');
  // 零 only stands between 百 and a units digit with no tens (一百零五).
  if (zero !== undefined && (hundredsDigit === undefined || hasTens || unitsDigit === undefined)) {
    return undefined;
  }
  const hundreds = hundredsDigit === undefined ? 0 : (DIGIT_VALUES.get(hundredsDigit) ?? 0);
  const tens = hasTens ? (tensDigit === undefined ? 1 : (DIGIT_VALUES.get(tensDigit) ?? 0)) : 0;
  const units = unitsDigit === undefined ? 0 : (DIGIT_VALUES.get(unitsDigit) ?? 0);
  // 一百五 (colloquial 150) is not how laws number anything: require 十 or 零 before the units.
  if (hundreds > 0 && !hasTens && zero === undefined && units > 0) return undefined;
  const value = hundreds * 100 + tens * 10 + units;
  return value >= 1 ? value : undefined;
}
