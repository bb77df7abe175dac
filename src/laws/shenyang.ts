/**
 * 《沈阳市社区建设促进条例（草案）》 on its own: `import { getArticle, searchArticles } from 'shequ-rules/laws/shenyang'`
 * bundles this law's text and not the other four. The same rules/shenyang.json that the catalogue reads.
 */
import json from '../../rules/shenyang.json' with { type: 'json' };
import { cityLaw } from '../catalogue/cityLaw.js';

export const { city, law, ruleFile, articles, getArticle, searchArticles } = cityLaw(json, 'shenyang');
