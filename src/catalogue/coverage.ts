import coverage from '../generated/coverage.json' with { type: 'json' };
import type { CityKey, NoCheckReason } from '../types.js';
import { deepFreeze } from '../util/deepFreeze.js';

export interface CityCoverage {
  city: CityKey;
  articles: number;
  /** Articles with at least one machine check. */
  withChecks: number;
  checks: number;
  /** Articles without a check, by the reason given beside them. */
  withoutChecks: Partial<Record<NoCheckReason, number>>;
}

// Counted from rules/*.json by `npm run gen:types` (scripts/generatedData.ts), so that the counts do
// not load the five laws' text.
const COVERAGE: readonly CityCoverage[] = deepFreeze(coverage as CityCoverage[]);

/** The counts of one city (internal: `summarizeLaws` reads them too). */
export function coverageOfCity(city: CityKey): Readonly<CityCoverage> {
  const found = COVERAGE.find((entry) => entry.city === city);
  if (found === undefined) throw new Error(`src/generated/coverage.json has no ${city}: run npm run gen:types`);
  return found;
}

/**
 * How much of each law the checks cover: per city, articles with checks and why the rest have none.
 * A few hundred bytes of counts: it does not load the laws' text.
 *
 * @example
 * checkCoverage().find((c) => c.city === 'guiyang')
 * //=> { city: 'guiyang', articles: 47, withChecks: 25, checks: 30, withoutChecks: { principle: 3, definition: 5, … } }
 */
export function checkCoverage(): CityCoverage[] {
  return COVERAGE.map((entry) => ({ ...entry, withoutChecks: { ...entry.withoutChecks } }));
}
