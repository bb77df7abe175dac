/**
 * 《张家口市人民代表大会常务委员会关于推进社区治理的决定》 on its own: `import { getArticle, searchArticles } from 'shequ-rules/laws/zhangjiakou'`
 * bundles this law's text and not the other four. The same rules/zhangjiakou.json that the catalogue reads.
 */
import json from '../../rules/zhangjiakou.json' with { type: 'json' };
import { cityLaw } from '../catalogue/cityLaw.js';

export const { city, law, ruleFile, articles, getArticle, searchArticles } = cityLaw(json, 'zhangjiakou');
