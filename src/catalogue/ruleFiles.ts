import { ruleFile as dalian } from '../laws/dalian.js';
import { ruleFile as guiyang } from '../laws/guiyang.js';
import { ruleFile as shenyang } from '../laws/shenyang.js';
import { ruleFile as tonghua } from '../laws/tonghua.js';
import { ruleFile as zhangjiakou } from '../laws/zhangjiakou.js';
import type { CityKey, RuleFile } from '../types.js';
import { isCityKey, unknownCityError } from './isCityKey.js';

/**
 * The five rule files, keyed by city: the law's metadata, its articles and their checks, deeply
 * frozen. They are the per-city modules' (`shequ-rules/laws/<city>`) rule files, so this object
 * and everything that reads it (`getArticle`, `searchArticles`, `getRuleFile`) carries all
 * five laws' text: about 520 KB minified in a browser bundle. An app that needs one city imports
 * that city's module; one that picks the city at run time awaits `loadLaw(city)`.
 *
 * @example
 * ruleFiles.tonghua.law.title //=> '通化市社区治理促进条例'
 * ruleFiles.tonghua.articles.length //=> 45
 */
export const ruleFiles: Readonly<Record<CityKey, RuleFile>> = Object.freeze({ shenyang, dalian, guiyang, tonghua, zhangjiakou });

/**
 * The rule file of one city (all five laws are loaded: see `ruleFiles`).
 *
 * @example
 * getRuleFile('guiyang').law.inForceFrom //=> '2013-12-01'
 * getRuleFile('zhangjiakou').closing //=> '本决定自通过之日起施行。'
 * @throws {RangeError} for a string that is not one of the five city keys.
 */
export function getRuleFile(city: CityKey): RuleFile {
  if (!isCityKey(city)) throw unknownCityError(city);
  return ruleFiles[city];
}
