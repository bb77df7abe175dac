import laws from '../generated/laws.json' with { type: 'json' };
import type { CityKey, LawMeta, LawStatus } from '../types.js';
import { deepFreeze } from '../util/deepFreeze.js';
import { coverageOfCity } from './coverage.js';

// The laws' metadata apart from their articles (generated from rules/*.json by `npm run gen:types`),
// so that listing the laws does not load their text.
const LAWS: readonly LawMeta[] = deepFreeze(laws as LawMeta[]);

/**
 * The metadata of the five laws, in the order of the city keys.
 *
 * @example
 * listLaws().map((law) => law.city) //=> ['shenyang', 'dalian', 'guiyang', 'tonghua', 'zhangjiakou']
 * listLaws()[2].approvingBody //=> '贵州省第十二届人民代表大会常务委员会'
 */
export function listLaws(): LawMeta[] {
  return [...LAWS];
}

/** One line of the catalogue's overview: what a law is and how much of it is machine-checked. */
export interface LawSummary {
  city: CityKey;
  title: string;
  status: LawStatus;
  inForceFrom: string | null;
  articleCount: number;
  /** Articles with at least one check. */
  checkedArticleCount: number;
  /** All checks of the law. */
  checkCount: number;
}

/**
 * Per city: title, status, article count and how many checks the rule file holds so far (from the
 * generated metadata and counts: it does not load the laws' text).
 *
 * @example
 * summarizeLaws().find((law) => law.city === 'tonghua')
 * //=> { city: 'tonghua', title: '通化市社区治理促进条例', status: 'in-force',
 * //     inForceFrom: '2023-07-01', articleCount: 45, checkedArticleCount: …, checkCount: … }
 */
export function summarizeLaws(): LawSummary[] {
  return LAWS.map((law) => {
    const coverage = coverageOfCity(law.city);
    return {
      city: law.city,
      title: law.title,
      status: law.status,
      inForceFrom: law.inForceFrom,
      articleCount: coverage.articles,
      checkedArticleCount: coverage.withChecks,
      checkCount: coverage.checks,
    };
  });
}
