import { CITY_KEYS, type CityKey } from '../types.js';
import { getRuleFile } from './ruleFiles.js';
import { searchNeedle, searchRuleFile, type ArticleMatch } from './searchRuleFile.js';

export type { ArticleMatch, ParagraphMatch } from './searchRuleFile.js';

export interface SearchArticlesOptions {
  /** Search one city's law only. */
  city?: CityKey;
}

/**
 * Finds the articles whose paragraphs contain `query`, in city then article order. The search runs
 * on the simplified text and on Guiyang's traditional source text, ignoring whitespace and the
 * difference between full-width and ASCII forms (居（村）民 finds 居(村)民). A traditional query
 * is not converted for the other cities: the converter is a build-time tool, not bundled.
 *
 * Like `getArticle`, this loads all five laws (about 520 KB minified in a browser bundle); an app
 * that searches one city's law imports `searchArticles` from `shequ-rules/laws/<city>` instead.
 *
 * @example
 * searchArticles('网格', { city: 'tonghua' }).map((match) => match.label)
 * //=> ['第十三条', '第十四条', '第十五条', '第十六条', '第十七条', '第十九条']
 * searchArticles('不低于800平方米')[0].paragraphs[0].label //=> '第三十七条'
 * @throws {RangeError} for an empty query or an unknown city key.
 */
export function searchArticles(query: string, options: SearchArticlesOptions = {}): ArticleMatch[] {
  const needle = searchNeedle(query);
  const cities = options.city === undefined ? CITY_KEYS : [getRuleFile(options.city).city];
  return cities.flatMap((city) => searchRuleFile(getRuleFile(city), needle));
}
