import type { CityKey } from '../types.js';
import type { CityLaw } from './cityLaw.js';
import { isCityKey, unknownCityError } from './isCityKey.js';

// One dynamic import per city with a literal specifier: a bundler (esbuild, Rollup/Vite, webpack)
// makes each law a chunk of its own, fetched when `loadLaw` asks for it.
const LOADERS: { readonly [City in CityKey]: () => Promise<CityLaw<City>> } = {
  shenyang: () => import('../laws/shenyang.js'),
  dalian: () => import('../laws/dalian.js'),
  guiyang: () => import('../laws/guiyang.js'),
  tonghua: () => import('../laws/tonghua.js'),
  zhangjiakou: () => import('../laws/zhangjiakou.js'),
};

/**
 * One city's law, loaded when asked for: in a bundled app each law is a chunk of its own, so an app
 * that picks the city at run time pays for the laws it opens, not all five. Resolves to what
 * `shequ-rules/laws/<city>` exports (a fresh frozen object each call; its parts are deeply frozen).
 *
 * @example
 * const guiyang = await loadLaw('guiyang');
 * guiyang.getArticle(37)?.label //=> '第三十七条'
 * guiyang.law.inForceFrom //=> '2013-12-01'
 * @throws {RangeError} (as a rejected promise) for an unknown city key.
 */
export async function loadLaw<City extends CityKey>(city: City): Promise<CityLaw<City>> {
  if (!isCityKey(city)) throw unknownCityError(city);
  const { law, ruleFile, articles, getArticle, searchArticles } = await (LOADERS[city] as () => Promise<CityLaw<City>>)();
  return Object.freeze({ city, law, ruleFile, articles, getArticle, searchArticles });
}
