/**
 * 《大连市基层社会治理促进条例（草案）》 on its own: `import { getArticle, searchArticles } from 'shequ-rules/laws/dalian'`
 * bundles this law's text and not the other four. The same rules/dalian.json that the catalogue reads.
 */
import json from '../../rules/dalian.json' with { type: 'json' };
import { cityLaw } from '../catalogue/cityLaw.js';

export const { city, law, ruleFile, articles, getArticle, searchArticles } = cityLaw(json, 'dalian');
