/**
 * 《贵阳市社区工作条例》 on its own: `import { getArticle, searchArticles } from 'shequ-rules/laws/guiyang'`
 * bundles this law's text and not the other four. The same rules/guiyang.json that the catalogue reads.
 */
import json from '../../rules/guiyang.json' with { type: 'json' };
import { cityLaw } from '../catalogue/cityLaw.js';

export const { city, law, ruleFile, articles, getArticle, searchArticles } = cityLaw(json, 'guiyang');
