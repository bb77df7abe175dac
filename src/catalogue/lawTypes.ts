// The types a per-city module (shequ-rules/laws/<city>) hands out, re-exported there so that an app
// importing one city can name them from that module (every other type: from 'shequ-rules').
export type { CityLaw } from './cityLaw.js';
export type { ArticleMatch } from './searchRuleFile.js';
export type { CatalogueArticle, LawMeta, RuleFile } from '../types.js';
