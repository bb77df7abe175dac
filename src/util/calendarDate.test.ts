import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from './calendarDate.js';

/** The day number as Date counts it (the oracle): undefined where Date.UTC runs into the next month. */
function byDate(year: number, month: number, day: number): number | undefined {
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
  const time = Date.UTC(year, month - 1, day);
  return time < Date.UTC(year, month, 1) ? time / 864e5 : undefined;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('dayNumber', () => {
  it('counts days as Date does, for every day of every year from 100 to 9999 written YYYY-MM-DD (and none past a month\'s end)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        expect(dayNumber(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)).toBe(byDate(year, month, day));
      }),
      { numRuns: 20000 },
    );
  });

  it('knows the dates around leap days and the epoch', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-02-29')).toBe(11016);
    expect(dayNumber('1900-02-29')).toBeUndefined();
    expect(dayNumber('2024-02-29')).toBe(19782);
    expect(dayNumber('2023-02-29')).toBeUndefined();
    expect(dayNumber('2024-04-31')).toBeUndefined();
    expect(dayNumber('0099-12-31')).toBeUndefined();
  });

  it('refuses what is not written YYYY-MM-DD', () => {
    for (const text of ['2024-1-01', '2024/01/01', '20240101', '2024-01-0a', ' 2024-01-01', '+02024-01-01', '']) expect(dayNumber(text)).toBeUndefined();
  });
});
