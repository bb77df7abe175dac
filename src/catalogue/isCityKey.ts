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

/** The error for a string that is not one of the five city keys (internal: not exported by the package). */
export function unknownCityError(city: unknown): RangeError {
  return new RangeError(`unknown city '${String(city)}'; expected one of ${CITY_KEYS.join(', ')}`);
}
