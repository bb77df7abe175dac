import { describe, expect, it } from 'vitest';
import { CITY_KEYS } from '../types.js';
import { isCityKey } from './isCityKey.js';

describe('isCityKey', () => {
  it('accepts the five city keys', () => {
    for (const city of CITY_KEYS) expect(isCityKey(city)).toBe(true);
  });

  it.each(['Tonghua', 'beijing', '', 1, null, undefined])('rejects %j', (value) => {
    expect(isCityKey(value)).toBe(false);
  });
});
