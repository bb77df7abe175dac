import type { CatalogueArticle, CityKey } from '../types.js';
import { findArticle } from './cityLaw.js';
import { getRuleFile } from './ruleFiles.js';

/**
 * One article of a city's law by its number (Zhangjiakou: the decision's item number).
 *
 * Synchronous for any city, so it loads all five laws: about 520 KB minified in a browser bundle.
 * An app that needs one city imports `getArticle` from `shequ-rules/laws/<city>` (that law's text
 * only); one that picks the city at run time uses `(await loadLaw(city)).getArticle(number)`.
 *
 * @example
 * getArticle('guiyang', 37)?.text //=> '县级以上人民政府应当将社区服务管理用房纳入城市建设规划,…不低于800平方米。'
 * getArticle('zhangjiakou', 3)?.label //=> '（三）'
 * getArticle('tonghua', 46) //=> undefined
 * @throws {RangeError} for an unknown city key.
 */
export function getArticle(city: CityKey, number: number): CatalogueArticle | undefined {
  return findArticle(getRuleFile(city), number);
}
