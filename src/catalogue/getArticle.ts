import type { CatalogueArticle, CityKey } from '../types.js';
import { getRuleFile } from './ruleFiles.js';

/**
 * One article of a city's law by its number (Zhangjiakou: the decision's item number).
 *
 * @example
 * getArticle('guiyang', 37)?.text //=> '县级以上人民政府应当将社区服务管理用房纳入城市建设规划,…不低于800平方米。'
 * getArticle('zhangjiakou', 3)?.label //=> '（三）'
 * getArticle('tonghua', 46) //=> undefined
 * @throws {RangeError} for an unknown city key.
 */
export function getArticle(city: CityKey, number: number): CatalogueArticle | undefined {
  return getRuleFile(city).articles.find((article) => article.number === number);
}
