/**
 * 《通化市社区治理促进条例》 on its own: `import { getArticle, searchArticles } from 'shequ-rules/laws/tonghua'`
 * bundles this law's text and not the other four. The same rules/tonghua.json that the catalogue reads.
 */
import json from '../../rules/tonghua.json' with { type: 'json' };
import { cityLaw } from '../catalogue/cityLaw.js';

export const { city, law, ruleFile, articles, getArticle, searchArticles } = cityLaw(json, 'tonghua');
