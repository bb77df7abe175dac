import { CITY_KEYS, type CityKey } from '../types.js';

/**
 * Whether a value is one of the five city keys (for input that does not come from TypeScript).
 *
 * @example
 * isCityKey('tonghua') //=> true
 * isCityKey('Tonghua') //=> false
 */
export function isCityKey(value: unknown): value is CityKey {
  return typeof value === 'string' && (CITY_KEYS as readonly string[]).includes(value);
}
