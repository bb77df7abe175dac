import { CITY_KEYS, type CityKey, type NoCheckReason } from '../types.js';
import { ruleFiles } from './ruleFiles.js';

export interface CityCoverage {
  city: CityKey;
  articles: number;
  /** Articles with at least one machine check. */
  withChecks: number;
  checks: number;
  /** Articles without a check, by the reason given beside them. */
  withoutChecks: Partial<Record<NoCheckReason, number>>;
}

/**
 * How much of each law the checks cover: per city, articles with checks and why the rest have none.
 *
 * @example
 * checkCoverage().find((c) => c.city === 'guiyang')
 * //=> { city: 'guiyang', articles: 47, withChecks: 25, checks: 30, withoutChecks: { principle: 3, definition: 5, … } }
 */
export function checkCoverage(): CityCoverage[] {
  return CITY_KEYS.map((city) => {
    const { articles } = ruleFiles[city];
    const withoutChecks: Partial<Record<NoCheckReason, number>> = {};
    for (const article of articles) {
      if (article.checks.length === 0 && article.noCheck) {
        withoutChecks[article.noCheck.reason] = (withoutChecks[article.noCheck.reason] ?? 0) + 1;
      }
    }
    return {
      city,
      articles: articles.length,
      withChecks: articles.filter((a) => a.checks.length > 0).length,
      checks: articles.reduce((n, a) => n + a.checks.length, 0),
      withoutChecks,
    };
  });
}
